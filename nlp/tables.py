"""Read figures from tables: markdown-like pipe rows (HTML tables after trafilatura),
tab- or space-aligned text tables. Header row and column labels give the dimensions."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from .context import BROADER, ENTITY_KINDS, OTHER_OUTCOME, Context, Draft, is_aside
from .numbers import parse_cell_number
from .wording import GENERIC_DISPOSAL, OUT_OF_COURT_KINDS
from .pipeline import PERIODS_KEY, PeriodFinder, doc_text, make_doc, token_starts
from .segment import CAPTION_RE, YEARISH, Block, cell_spans
from .vocab import canonical

_TOTAL_QUALIFIER = r"(?:(?:grand|overall|annual|combined|[a-z]+-year|\d+-year)\s+)?"  # "Grand total", "Five-year total"
SKIP_LABEL = re.compile(r"^\s*" + _TOTAL_QUALIFIER + r"(?:(?:totals?|all\s+outcomes|sums?|percentages?|proportions?|rates?|"
                        r"changes?|differences?|shares?)\b|%|per\s)", re.I)
REVIEW_TABLE = re.compile(r"\b(?:cases\s+reviewed|reviewed|dip[- ]?sampled?|sampled|panel\s+findings?|"
                          r"inappropriate|appropriate\s+with)\b", re.I)
SKIP_HEADER = re.compile(r"%|\brate\b|per\s+1|proportion|share|change|difference|\btotal\b", re.I)
# Columns of codes and keys, as in Home Office open data ("Offence Code", "Outcome Type",
# "Financial Quarter"): their numbers label a row, they do not count anything.
CODE_HEADER = re.compile(r"^\s*(?:(?:offence|outcome|crime|force|home\s+office|financial)?\s*"
                         r"(?:sub)?(?:code|type|quarter|year|ref|reference|id)|"
                         r"(?:offence|outcome|crime|force|reference|ref|case)\s+(?:number|no\.?)|"
                         r"(?:ho|home\s+office)\s+outcome(?:\s+(?:type|number|no\.?|code))?)\s*$", re.I)
DISPOSAL_DEFAULT_OFFENCE = {"cannabis warning": "drug offences"}
_VERDICT_ROW = re.compile(r"\s*(?:partially\s+|not\s+)?(?:in)?(?:appropriate|proportionate)\b", re.I)


_YEAR_CELL = re.compile(r"(?:19|20)\d{2}(?:\s*\([A-Za-z][^()]*\))?")  # "2023", "2023 (provisional)", "2021 (Jan-Dec)"


def _is_year(cell: str) -> bool:
    return bool(_YEAR_CELL.fullmatch(cell.strip()))


_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d])[¹²³⁴⁵⁶⁷⁸⁹⁰†‡*]+")  # "caution¹", "NFA²": a note's mark, not part of the name
_CELL_CACHE: dict[str, dict] = {}   # header and label cells repeat across documents
_CELL_CACHE_MAX = 20_000


class CellReader:
    """Dimensions named by a table cell (force, disposal, offence, period, national)."""

    def __init__(self, nlp: Language, texts: list[str]) -> None:
        todo = sorted({t for t in texts if t and t not in _CELL_CACHE
                       and (parse_cell_number(t) is None or _is_year(t))})
        if len(_CELL_CACHE) + len(todo) > _CELL_CACHE_MAX:
            _CELL_CACHE.clear()
        ruler = nlp.get_pipe("policewatch_ruler")
        periods = PeriodFinder(require_disposal=False)  # a header "2021" names no disposal
        for t in todo:  # only the components a cell needs: no sentences, no counts
            _CELL_CACHE[t] = self._read(periods(ruler(make_doc(nlp, _FOOTNOTE_MARK.sub("", t)))))

    @staticmethod
    def _read(doc) -> dict:
        out: dict = {}
        text, starts = doc_text(doc), token_starts(doc)
        for label, ent_id, start, _ in doc.user_data["pw_ents"]:
            kind = ENTITY_KINDS.get(label)
            if kind and is_aside(text, starts[start]):
                continue  # a caption's "(excluding Devon and Cornwall)"
            name = canonical(label, ent_id) if kind else None
            if name and kind not in out:
                out[kind] = name
            if label == "NATIONAL":
                out["national"] = True
            if label == "NOT_DISPOSAL" and ent_id == OTHER_OUTCOME:
                out["other"] = True  # "RPW - cannabis possession": an outcome we do not count
        periods = doc.user_data[PERIODS_KEY]
        if periods:
            out["period"] = re.sub(r"^the\s+", "", text[periods[0][2]:periods[0][3]], flags=re.I)
        return out

    def __call__(self, cell: str) -> dict:
        return _CELL_CACHE.get(cell, {})


def _split_rows(rows: list) -> tuple[list[str], list[str], list]:
    """Caption lines, one header per column (stacked header rows joined), and data rows."""
    captions: list[str] = []
    header_rows: list[list[str]] = []
    header_lines: list[str] = []
    data = []
    for k, row in enumerate(rows):
        if data:  # the first row holding a count starts the data: every row after it is data
            data.append(row)
            continue
        cells = row[2]
        filled = [c for c in cells if c]
        if not header_rows and len(filled) == 1:
            captions.append(filled[0])
        elif not any(parse_cell_number(c) is not None and not _is_year(c) for c in cells[1:]) or (
                _mostly_words(cells) and next((n for r in rows[k + 1:] if (n := _numbers(r[2]))), 0) >= 3):
            header_rows.append(cells)
            header_lines.append(row[1])
        else:
            data.append(row)
    data_width = max((len(r[2]) for r in data), default=0)
    # an indented header line one cell short sits over the data, not over the row labels (indented
    # further than the data rows: a PDF's text may put a blank before every line)
    data_indent = _indent(data[0][1]) if data else 0
    header_rows = [[""] + r if len(r) == data_width - 1 and _indent(line) > data_indent and len(header_rows) > 1 else r
                   for r, line in zip(header_rows, header_lines)]
    width = max((len(r) for r in header_rows), default=0)
    stacked = len({len(r) for r in header_rows}) > 1 and not header_lines[0].lstrip().startswith("|")
    if stacked:
        header_rows = _align_stacked(header_rows, header_lines, width)
    header = []
    for j in range(width):
        parts = []
        for n, cells in enumerate(header_rows):
            cell = cells[j] if j < len(cells) else ""
            k = j
            while not cell and not stacked and k > 1 and n < len(header_rows) - 1:  # "| | 2022 | | 2023 | |" spans
                k -= 1
                cell = cells[k] if k < len(cells) else ""
            parts.append(cell)
        header.append(_join_wrapped(p for p in parts if p))
    return captions, header, data


def _mostly_words(cells: list[str]) -> bool:
    """A header line with a number in it ("Police force  rape  summonsed  ...  1,000" of "CR per
    1,000 recorded"): one number at most, and three cells of words (when the next row with
    numbers has three or more: a long-format sheet's rows are words and one count)."""
    return _numbers(cells) <= 1 and sum(1 for c in cells[1:] if _is_label_cell(c)) >= 3


def _numbers(cells: list[str]) -> int:
    return sum(1 for c in cells[1:] if parse_cell_number(c) is not None)


def _join_wrapped(parts) -> str:
    """A header cell's lines as one name: "Cannabis/" + "khat warn." is "Cannabis/khat warn.",
    "Diversion-" + "ary activity" is "Diversionary activity"."""
    out = ""
    for part in parts:
        if out.endswith("/"):
            out += part
        elif out.endswith("-") and out[-2:-1].isalpha() and part[:1].islower():
            out = out[:-1] + part
        else:
            out = f"{out} {part}" if out else part
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _spans(line: str, cells: list[str]) -> list[tuple[int, int]]:
    spans = cell_spans(line)
    return [(0, 0)] + spans if len(spans) == len(cells) - 1 else spans


def _align_stacked(header_rows: list[list[str]], lines: list[str], width: int) -> list[list[str]]:
    """Put the cells of narrower header lines ("resolution   caution") under the column of
    the full-width header line they sit below, by character position."""
    ref = next(k for k, r in enumerate(header_rows) if len(r) == width)
    ref_spans = _spans(lines[ref], header_rows[ref])
    starts = [a for a, _ in ref_spans]
    if len(starts) != width:
        return header_rows
    bounds = [(a - 1, starts[j + 1] - 1 if j + 1 < width else 10 ** 6) for j, a in enumerate(starts)]
    # Repeated sub-headings ("2022  2023  2022  2023") sit under groups: a group's name covers
    # every column up to the next group's ("Community Resolution" over both of its years).
    labels = [c for c in header_rows[ref] if c]
    repeated = [c for c in labels if labels.count(c) > 1]  # years, not "Calendar  Calendar" over them
    grouped = bool(repeated) and all(YEARISH.fullmatch(c) for c in repeated)
    out = []
    for k, (cells, line) in enumerate(zip(header_rows, lines)):
        if len(cells) == width:
            out.append(cells)
            continue
        row = [""] * width
        spans = _spans(line, cells)
        if grouped:
            # each column under the group name centred nearest to it ("Shoplifting" over
            # "2022/23  2023/24", "Vandalism" over the next two)
            groups = [((a + b) / 2, b - a, cell) for (a, b), cell in zip(spans, cells) if cell and a]
            for j in range(1, width):
                centre, size = (ref_spans[j][0] + ref_spans[j][1]) / 2, ref_spans[j][1] - ref_spans[j][0]
                near = min(groups, key=lambda g: abs(g[0] - centre), default=None)
                if near is not None and abs(near[0] - centre) <= max(near[1], size) + 6:
                    row[j] = near[2]
            out.append(row)
            continue
        for (a, b), cell in zip(spans, cells):
            covered = [j for j in range(width) if min(b, bounds[j][1]) - max(a, bounds[j][0]) >= 3]
            # "Resolution Simple" under "Community  Adult": two columns' words one space apart
            pieces = ([(a + m.start(), a + m.end(), m.group()) for m in re.finditer(r"\S+", line[a:b])]
                      if len(covered) > 1 and b - a == len(cell) else [(a, b, cell)])
            for pa, pb, piece in pieces:
                j = max(range(width), key=lambda j: min(pb, bounds[j][1]) - max(pa, bounds[j][0]))
                row[j] = f"{row[j]} {piece}".strip()
        out.append(row)
    return out


def link_table(block: Block, ctx: Context, nlp: Language) -> list[Draft] | None:
    """Figures of a table; None when nothing names a disposal yet (the text after may)."""
    captions, header, data = _split_rows(block.rows)
    if ctx.sample_intro:
        return []  # under "the panel examined 32 cases chosen at random:": a sample, not volumes
    row_labels = [_label_cells(cells) for _, _, cells in data]
    read = CellReader(nlp, captions + header + [c for labels in row_labels for c in labels])
    caption: dict = {}
    for text in captions:
        caption.update({k: v for k, v in read(text).items() if k not in caption})
    # When rows or columns name disposals, the unnamed ones are other outcomes ("Investigation
    # complete - no suspect identified"): they must not borrow the caption's or text's disposal.
    row_infos = _carry_merged_cells(
        [_row_info(labels or cells[:1], read) for labels, (_, _, cells) in zip(row_labels, data)], data, read)
    col_disposals = any(read(t).get("disposal") for t in header)
    own_axis = col_disposals or any(  # a "Total community resolutions" row does not make the rows other outcomes
        r.get("disposal") for r, labels in zip(row_infos, row_labels)
        if not any(SKIP_LABEL.match(t) for t in labels[:1]))
    if any(REVIEW_TABLE.search(t) for t in captions) or (
            any(REVIEW_TABLE.search(t) for t in header) and not any(read(t).get("disposal") for t in header)):
        return []  # a scrutiny panel's sample: "Cases reviewed", "Appropriate", "Inappropriate"
    if not own_axis and not caption.get("disposal") and (
            OTHER_TALLY_INTRO.match(ctx.last_line) or any(OTHER_TALLY_CAPTION.search(t) for t in captions)
            # "Table 3: Stop and search ..." on the line over the table
            or (CAPTION_RE.match(ctx.last_line.lstrip()) and OTHER_TALLY_CAPTION.search(ctx.last_line))):
        return []  # "Arrests for the same offence types are shown below.", "Table 1: Workforce ...": not disposals
    out: list[Draft] = []
    missing_disposal = False
    # per column, read once for all rows: what its header names, and whether its numbers are
    # no disposal counts (rates, codes, a review's findings) unless it is a bare "Total"
    col_infos = [read(col) for col in header]
    col_skips = [bool(col and (SKIP_HEADER.search(col) or CODE_HEADER.match(col) or REVIEW_TABLE.search(col)
                               # "Shoplifting offences recorded 2023"; not "Force outcomes for offences recorded"
                               or (_CRIMES_HEADER.search(col) and not info.get("disposal") and "outcome" not in col.lower())))
                 and not _names_total_disposals(col, info) for col, info in zip(header, col_infos)]
    # "West Yorkshire total" under rows of districts: the table is that force's
    table_force = _force_of_total(row_infos, row_labels)
    col_totals = [bool(_BARE_TOTAL.match(col) or _TOTAL_OVER_YEARS.match(col)) for col in header]
    # "2021  2022  2023  Total": the Total column sums the years, so its period spans them
    col_years = [info["period"] for info, total in zip(col_infos, col_totals) if info.get("period") and not total]
    year_span = f"{col_years[0]} to {col_years[-1]}" if len(col_years) >= 2 and len(set(col_years)) == len(col_years) else None
    # a Total under rows of years sums them: its period is theirs, not the text's
    row_periods = list(dict.fromkeys(r["period"] for r in row_infos if r.get("period")))
    row_span = f"{row_periods[0]} to {row_periods[-1]}" if len(row_periods) >= 2 else None
    for (offset, line, cells), row_info, labels in zip(data, row_infos, row_labels):
        total_row = any(SKIP_LABEL.match(t) for t in labels[:1] or [cells[0]])
        if total_row:
            if _sum_of_kinds(labels, row_info, row_infos):
                row_info = {**row_info, "disposal": GENERIC_DISPOSAL}
            elif not _counted_total(labels, row_info, row_infos):
                continue
            if row_span and _is_bare_total(labels):
                row_info = {**row_info, "period": row_span}
        if not row_info.get("disposal") and any(REVIEW_TABLE.search(t) or _VERDICT_ROW.match(t) for t in labels[:1]):
            continue  # "Appropriate with observations  17": a panel's verdict row, not a disposal count
        if table_force and not row_info.get("force"):
            row_info = {**row_info, "force": table_force}
        stripped = line.strip()
        start = offset + (len(line) - len(line.lstrip()))
        if 1 < len(cells) < len(header) and len(labels) == 1 and labels[0] == cells[0] and all(
                parse_cell_number(c) is not None for c in cells[1:]):
            # "Total   580   289" under "Offence  Code  Conditional cautions  PNDs": the numbers
            # of a short row stand under the last columns of counts (not under "% change")
            targets = [j for j in range(1, len(header)) if not col_skips[j]][-(len(cells) - 1):]
            if len(targets) == len(cells) - 1:
                placed = [""] * len(header)
                placed[0] = cells[0]
                for j, c in zip(targets, cells[1:]):
                    placed[j] = c
                cells = placed
        for j, cell in enumerate(cells[1:], 1):
            value = parse_cell_number(cell)
            if value is None or (not header and _is_year(cell)):
                continue
            in_header = j < len(header)
            over_years = in_header and col_totals[j] and year_span is not None
            if in_header and col_skips[j]:
                if not (col_totals[j] and row_info.get("disposal") and not col_disposals) and not over_years:
                    continue  # but a Total column over strands is the row's disposal figure, and over years its span's
            col_info = col_infos[j] if in_header else {}  # a column past the header names nothing
            if over_years:
                col_info = {**col_info, "period": year_span}
            if (col_info.get("other") and not col_info.get("disposal")) or (
                    row_info.get("other") and not row_info.get("disposal")):
                continue
            d = _draft(value, row_info, col_info, caption, ctx, own_axis)
            if d is None:
                missing_disposal = True
                continue
            d.quote, d.char_start, d.char_end = stripped, start, start + len(stripped)
            d.total_row = total_row
            out.append(d)
            before = _bracketed_previous(cell, value)
            if before is not None:  # "412 (455)": the bracketed value is the earlier period's
                d.previous_count = before
                prev = Draft(d.force, d.disposal, d.offence, before, None, stripped, start, start + len(stripped),
                             is_previous=True)
                out.append(prev)
    for d in out:
        d.in_table, d.table_start = True, block.start
    ctx.last_figures = []
    if missing_disposal and not out:
        # under "Recorded Police Warnings issued" the table is of that outcome: nothing to wait for
        return [] if ctx.other_outcome_heading else None
    if caption.get("offence"):
        ctx.offence = caption["offence"]
    if caption.get("period"):
        ctx.period = caption["period"]
    return out


# a line that introduces a table of something other than disposals
OTHER_TALLY_INTRO = re.compile(r"\s*(?:the\s+)?(?:number\s+of\s+)?(?:arrests|stops?\s+and\s+search(?:es)?|stop\s+searches|"
                               r"recorded\s+(?:crimes|offences)|(?:crimes|offences)\s+recorded|calls|complaints|victims)\b", re.I)
# a caption of a table of people, money or calls: "Table 1: Workforce on 31 March", "Police officer leavers"
OTHER_TALLY_CAPTION = re.compile(r"\b(?:workforce|officers?|staff|leavers|recruits|recruitment|budget|spending|"
                                 r"recorded\s+crimes?|(?:crimes|offences)\s+recorded|"
                                 r"calls?|arrests|stops?\s+and\s+search(?:es)?|complaints|vacancies|overtime)\b", re.I)
_CRIMES_HEADER = re.compile(r"\b(?:offences|crimes)\s+(?:recorded|reported)\b|\brecorded\s+(?:offences|crimes)\b", re.I)


def _names_total_disposals(col: str, info: dict) -> bool:
    """"Total out of court disposals": a column of the generic disposal's counts, not a sum to skip."""
    return info.get("disposal") == GENERIC_DISPOSAL and not SKIP_HEADER.search(_TOTAL_WORD.sub("", col))


_TOTAL_WORD = re.compile(r"\btotal\b", re.I)


def _carry_merged_cells(row_infos: list[dict], data: list, read) -> list[dict]:
    """A spreadsheet's merged cells ("2022/23" or "Thames Valley Police" beside the first of
    their rows, blank beside the rest; an HTML rowspan) name the period, force, disposal or
    offence of every row under them: a row's leading blank cells take the last text above."""
    last: dict[int, str] = {}
    out = []
    for info, (_, _, cells) in zip(row_infos, data):
        first = next((j for j, c in enumerate(cells) if c), len(cells))
        if len(cells) >= 3 and 0 < first < len(cells) and all(j in last for j in range(first)):
            carried = _row_info([last[j] for j in range(first)], read)
            info = {**{k: v for k, v in carried.items() if k in _CARRIED}, **info}
        for j, c in enumerate(cells):
            if c and _is_label_cell(c):
                last[j] = c
        out.append(info)
    return out


_CARRIED = ("period", "force", "disposal", "offence", "national")


def _force_of_total(row_infos: list[dict], row_labels: list[list[str]]) -> str | None:
    """The force a total row names when no other row names one ("West Yorkshire total" under
    Bradford, Leeds, ...)."""
    forces = [(info.get("force"), labels) for info, labels in zip(row_infos, row_labels) if info.get("force")]
    if len(forces) != 1:
        return None
    force, labels = forces[0]
    return force if any(SKIP_LABEL.match(t) or re.search(r"\btotal\b", t, re.I) for t in labels[:1]) else None


_BARE_TOTAL = re.compile(r"^\s*" + _TOTAL_QUALIFIER + r"totals?[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]*\s*(?:\([^()]*\))?\s*:?\s*$", re.I)  # "Total*", "Total¹"


# Kinds whose sum is "out-of-court disposals"; a total over charges or NFAs is no such figure.
_OUT_OF_COURT_KINDS = OUT_OF_COURT_KINDS | {GENERIC_DISPOSAL}


# "Total 2021-2023", "Total (2021 to 2023)": a Total column over the years beside it
_TOTAL_OVER_YEARS = re.compile(r"^\s*totals?\s*[,:(]?\s*(?:19|20)\d{2}(?:/\d{2})?\s*(?:-|–|to)\s*(?:19|20)?\d{2}(?:/\d{2})?\)?\s*$", re.I)


def _is_bare_total(labels: list[str]) -> bool:
    return len(labels) == 1 and bool(_BARE_TOTAL.match(labels[0]))


def _sum_of_kinds(labels: list[str], row_info: dict, row_infos: list[dict]) -> bool:
    """A bare "Total" row under rows of two or more out-of-court kinds: their sum, the
    generic out-of-court disposal figure."""
    if not _is_bare_total(labels) or row_info.get("disposal"):
        return False
    kinds = {r.get("disposal") for r in row_infos if r is not row_info}
    return len(kinds) >= 2 and kinds <= _OUT_OF_COURT_KINDS


def _counted_total(labels: list[str], row_info: dict, row_infos: list[dict]) -> bool:
    """A total row that is a figure of its own: "Total out-of-court disposals" (a sum of
    several disposal kinds is the generic out-of-court disposal), or a bare "Total" under
    rows of offences, hate crime strands or years (the disposal's count over them all)."""
    if row_info.get("disposal") == "out-of-court disposal":
        return True
    others = [r for r in row_infos if r is not row_info]
    if row_info.get("disposal") and others and not any(r.get("disposal") for r in others):
        return True  # "Total community resolutions" under rows of offences: the disposal's total
    if _is_bare_total(labels):
        # over offences, strands or years: the disposal's count for them all; a sum over forces is
        # no one force's figure
        return bool(others) and not any(r.get("disposal") or r.get("force") for r in others)
    return False


_NOT_A_LABEL = re.compile(r"[<>]?\s*\d+|[\d.,%\s]+|[+\-–]?\d[\d,]*\.\d+|[*.\-–]+|n/?a|[+\-–]?\s*\d[\d.,]*\s*%|\[[a-z]\]", re.I)


@lru_cache(maxsize=8192)  # the same cells recur in every row and every table of a kind
def _is_label_cell(cell: str) -> bool:
    return bool(cell) and parse_cell_number(cell) is None and not _NOT_A_LABEL.fullmatch(cell)


def _label_cells(cells: list[str]) -> list[str]:
    """The cells of a row that label it: its text cells ("| 1 | Charged/Summonsed | 142 |"
    is labelled by its outcome, not the code; "Youth caution  Robbery  14" by both)."""
    return [c for c in cells if _is_label_cell(c)]


def _row_info(labels: list[str], read) -> dict:
    """Dimensions named by the cells that label a row (its first cell when none does), the
    first naming of each kind winning."""
    info: dict = {}
    for text in labels:
        for k, v in read(text).items():
            if k == "offence" and info.get(k) in BROADER.get(v, ()):
                info[k] = v  # "Theft Offences, Shoplifting": the narrower offence of group and subgroup
            info.setdefault(k, v)
    return info


_PAIR_RE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)\s*\((\d{1,3}(?:,\d{3})+|\d+)\)")


def _bracketed_previous(cell: str, value: int) -> int | None:
    """"412 (455)": a count with the earlier period's count in brackets. A bracketed number
    far from the count is a share or a rank, not an earlier count."""
    m = _PAIR_RE.fullmatch(cell.strip())
    if not m:
        return None
    before = int(m.group(2).replace(",", ""))
    return before if value and 0.33 * value <= before <= 3 * value else None


def _named(kind: str, row: dict, col: dict, caption: dict):
    """What the row, else the column, else the caption names of a kind."""
    return row.get(kind) or col.get(kind) or caption.get(kind) or None


def _draft(value: int, row: dict, col: dict, caption: dict, ctx: Context, own_axis: bool) -> Draft | None:
    disposal = (row.get("disposal") or col.get("disposal")) if own_axis else (caption.get("disposal") or ctx.disposal)
    if disposal is None:
        return None
    force = _named("force", row, col, caption)
    if force is None and not (row.get("national") or col.get("national") or caption.get("national")):
        force = ctx.default_force()
    # The text's offence reaches a table unless it was the offence of an earlier figure (a
    # paragraph about one figure is not the table's topic) and the table has its own axis.
    topic = ctx.offence if ctx.list_mode or not own_axis or not ctx.offence_of_figure else None
    offence = _named("offence", row, col, caption) or DISPOSAL_DEFAULT_OFFENCE.get(disposal) or topic
    period = _named("period", row, col, caption) or ctx.period
    return Draft(force, disposal, offence, value, period, "", 0, 0)
