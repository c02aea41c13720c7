"""Split a document into text paragraphs and table blocks, keeping character offsets.

spaCy never sees more than CHUNK characters at once, which keeps huge single-line
inputs fast and far below nlp.max_length.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

CHUNK = 20_000
_LINE_RE = re.compile(r"[^\n\r]+")
_SPLIT_RE = re.compile(r"\t+| {2,}")
_ALNUM_RE = re.compile(r"[^\W_]")
_JUNK_RE = re.compile(r"[^\w\s,.;:'’\"“”()%£$€/&!?+\-–]")  # not what prose is made of


@dataclass
class Block:
    kind: str                 # "text" or "table"
    start: int                # offset of the block in the document
    text: str
    rows: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (offset, line, cells)


def split_cells(line: str) -> list[str] | None:
    """Cells of a table row ('| a | b |', 'a<TAB>b', 'a   b', 'a,"1,204",b'), or None for a prose line."""
    s = line.strip()
    cells = _csv_cells(s)
    if cells is not None:
        return cells
    if s.startswith("|") and s.count("|") >= 2:
        return [c.strip() for c in s.strip("|").split("|")]
    if s.count("|") >= 2:  # "2021 | 7 | 15": pipes between the cells only
        cells = [c.strip() for c in s.split("|")]
        if all(0 < len(c) < 80 for c in cells):
            return cells
    if "\t" in s and "  " not in s and line.count("\t") >= 2:
        # a spreadsheet saved as tab-separated text: two tabs in a row are a blank cell
        # ("Robbery<TAB>3<TAB><TAB><TAB>2"), and so is a leading tab (a merged cell: the year
        # of the rows above), which keeps the numbers under their columns
        cells = [c.strip() for c in line.rstrip("\t\r\n ").split("\t")]
        if sum(1 for c in cells if c) >= 2 and all(len(c) < 80 for c in cells):
            return cells
    if "\t" in s or "  " in s:
        cells = [c.strip() for c in _SPLIT_RE.split(s)]
        if len(cells) >= 2 and all(len(c) < 80 for c in cells):
            if any(_TWO_NUMBERS.fullmatch(c) for c in cells):
                # "150 100.0": two columns' numbers a PDF's text put one space apart
                cells = [part for c in cells for part in (c.split(" ") if _TWO_NUMBERS.fullmatch(c) else [c])]
            return cells
    return None


_TWO_NUMBERS = re.compile(r"\d[\d,]*(?:\.\d+)?%? \d[\d,]*(?:\.\d+)?%?")
_QUOTED_RE = re.compile(r'"[^"]*"')


def _csv_cells(s: str) -> list[str] | None:
    """A row of a spreadsheet saved as CSV: commas with no space after them (outside quotes),
    which prose never writes between words. The csv module reads the quoting."""
    if s.count(",") < 2:
        return None
    bare = _QUOTED_RE.sub('""', s) if '"' in s else s
    if bare.count(",") < 2 or ", " in bare or not re.search(r"[^\d],|,[^\d]", bare):
        return None
    cells = [c.strip() for c in next(csv.reader([s]))]
    # a long quoted cell (a Home Office outcome's full description) is still a cell; long
    # unquoted text between commas is prose
    if sum(1 for c in cells if c) < 2 or any(len(c) >= 120 for c in bare.split(",")):
        return None
    while cells and not cells[-1]:
        cells.pop()  # ",,,,," padding to the sheet's width
    return cells


def cell_spans(line: str) -> list[tuple[int, int]]:
    """Character spans of the cells of a space-aligned row, for lining up stacked headers."""
    return [m.span() for m in re.finditer(r"\S+(?: \S+)*", line)]


_SEPARATOR_CELL = re.compile(r":?-{2,}:?|")


def _is_separator(cells: list[str]) -> bool:
    return all(_SEPARATOR_CELL.fullmatch(c) for c in cells)


def _looks_like_text(line: str) -> bool:
    """Skip binary noise: lines with no letters or digits, or too many odd characters."""
    sample = line[:2000]
    if not _ALNUM_RE.search(sample):
        return False
    if not _JUNK_RE.search(sample):
        return True  # the usual case: plain prose
    return len(_JUNK_RE.findall(sample)) <= 0.25 * len(sample)


def _chunks(start: int, line: str) -> list[Block]:
    out = []
    pos = 0
    while pos < len(line):
        end = min(len(line), pos + CHUNK)
        if end < len(line):
            cut = line.rfind(". ", pos + CHUNK // 2, end)
            if cut < 0:
                cut = line.rfind(" ", pos + CHUNK // 2, end)
            end = cut + 1 if cut >= 0 else end
        piece = line[pos:end]
        if _looks_like_text(piece):
            out.append(Block("text", start + pos, piece))
        pos = end
    return out


YEARISH = re.compile(r"(?:19|20)\d{2}(?:[/-]\d{2,4})?")
_AGE_WRAP = re.compile(r"\b(?:aged|under|over)\s+\d{1,2}$", re.I)
_PAGE_RE = re.compile(r"page\s+\d+(?:\s+of\s+\d+)?$", re.I)
_LABEL_HEAD_WRAP = re.compile(r"\s{0,2}[a-z][a-z()]{1,15}\s*", re.I)  # one word, at the start
_PAGE_FOOT = re.compile(r"\bpage\s+\d+\s+of\s+\d+\s*$", re.I)
CAPTION_RE = re.compile(r"(?:table|figure|chart|annex)\s*[\dA-Z]", re.I)
_RULE_RE = re.compile(r"\s*[-=_+|:\s]{3,}")  # "-------": a rule under a text table's header


def _header_run(pending: list, cells: list[str]) -> list:
    """The header lines of a table starting now: the first line as wide as the table (an
    indented one may leave the row-label column blank) and the continuation lines under it
    ("Community" / "resolution" stacked in two lines)."""
    for k in range(max(0, len(pending) - 4), len(pending)):
        start, line, head, at = pending[k]
        if len(head) == len(cells):
            years = [c for c in head if YEARISH.fullmatch(c)]
            if len(years) > len(set(years)):  # "2021/22 2022/23 2021/22 2022/23" under group names
                k = _groups_start(pending, k, 0)
            return pending[k:]
        if len(head) == len(cells) - 1 and (line[:1].isspace() or re.fullmatch(r"\d{1,3}[A-Z]?", cells[0])):
            # an indented header over a blank label column, or a first column of outcome codes
            return [(start, line, [""] + head, at)] + pending[k + 1:]
    return []


def _groups_start(pending: list, k: int, floor: int) -> int:
    """Where the run of group-name lines (two cells or more: "Community   Caution -") just
    above pending[k] starts, going back no further than floor."""
    while k > floor and len(pending[k - 1][2]) >= 2:
        k -= 1
    return k


def _group_headers(pending: list, cells: list[str]) -> list:
    """The header lines above a table whose first line only names years ("2022  2023  2022
    2023", after a row-label heading or none): the lines just before it that group those
    columns ("Community   Caution -" / "Resolution  adults"), kept with the table so its
    columns can be read."""
    years = cells[1:] if cells and not YEARISH.fullmatch(cells[0]) else cells  # "Crime type  2022  2023 ..."
    if len(years) < 2 or not all(YEARISH.fullmatch(c) for c in years) or (
            years is not cells and len(set(years)) == len(years)):
        return []  # (after a row-label heading, only years repeated under groups call for group names)
    return pending[_groups_start(pending, len(pending), max(0, len(pending) - 3)):]


def _aligned_header(pending: list, line: str, cells: list[str]) -> list:
    """Header lines of a space-aligned table that do not split into its columns ("8 Community
    22 Diversion-": one space between two columns' names; "Offence group  summonsed" under
    "1 Charged/"), re-cut where the first data row's right-aligned columns end. Every word
    must fall inside one column, else these are no header of this table."""
    if "|" in line or "\t" in line or len(cells) < 3:
        return []
    spans = cell_spans(line)
    if len(spans) != len(cells) or not any(ch.isalpha() for ch in cells[0]):
        return []
    ends = [b for _, b in spans]
    run = []
    for start, head_line, _, at in reversed(pending[-3:]):
        row = [""] * len(cells)
        for m in re.finditer(r"\S+", head_line):
            a, b = m.span()
            j = 0 if a < ends[0] else next((j for j in range(1, len(ends)) if a > ends[j - 1] and b <= ends[j] + 1), None)
            if j is None:
                break  # crosses a column's edge: not cut to this table
            row[j] = f"{row[j]} {m.group()}".strip()
        else:
            if sum(1 for c in row[1:] if c) >= 2:
                run.insert(0, (start, head_line, row, at))
                continue
        break
    return run


def segment(text: str) -> list[Block]:
    blocks: list[Block] = []
    table: Block | None = None
    pending: list = []  # prose-looking lines that split into cells, just before: header rows?
    carry: str | None = None  # a row label's first line, wrapped before the row's numbers
    for m in _LINE_RE.finditer(text):
        line = m.group(0)
        if not line.strip():
            continue
        if (table is not None or pending) and _RULE_RE.fullmatch(line) and ("-" in line or "=" in line):
            continue  # a rule ("----", "====") between header lines and data, or above a total row
        if table is not None and len(table.rows) >= 2 and (
                _PAGE_FOOT.search(line) or any(line.strip() == row[1].strip() for row in table.rows[:4])):
            continue  # a page's footer, or the header repeated on the next page: the table goes on
        cells = split_cells(line)
        is_pipe = line.lstrip().startswith("|")
        tabular = cells is not None and (
            is_pipe or _has_number_cell(cells) or (table is not None and (
                all(len(c) < 40 for c in cells) or len(cells) == len(table.rows[-1][2]))))
        if tabular:
            if table is not None and len(table.rows) >= 2 and sum(1 for c in cells if c) == 1 and CAPTION_RE.match(cells[0]):
                table = None  # "| Table 2: ... |  |  |" right under table 1: a new table starts
            if table is None:
                table = Block("table", m.start(), line)
                run = (_header_run(pending, cells) or _group_headers(pending, cells)
                       or _aligned_header(pending, line, cells))
                if run:
                    del blocks[run[0][3]:]
                    table.start, table.text = run[0][0], run[0][1]
                    table.rows.extend(h[:3] for h in run)
                blocks.append(table)
            if not _is_separator(cells):
                if carry is not None and cells and _is_label(cells[0]):
                    cells = [f"{carry} {cells[0]}"] + cells[1:]  # "Railway byelaws / ..." + "Act offences  33"
                table.rows.append((m.start(), line, cells))
            carry = None
            pending = []
            continue
        if table is not None and cells is None and _is_wrapped_label(line, table):
            # "           and over": the rest of the row label above, wrapped by a PDF's cell
            off, last, row = table.rows[-1]
            k = max(range(len(row)), key=lambda j: sum(ch.isalpha() for ch in row[j]))
            table.rows[-1] = (off, last, row[:k] + [f"{row[k]} {line.strip()}"] + row[k + 1:])
            continue
        if (cells is None and carry is None and (table is not None or pending) and not line[:1].isspace()
                and len(line.strip()) < 60 and not line.rstrip().endswith((".", ":"))
                # digits only as an age band cut by the wrap: "Sexual assault on a female aged 13" / "  and over (20A)   41"
                and (not any(ch.isdigit() for ch in line) or (table is not None and _AGE_WRAP.search(line.rstrip())))
                and not CAPTION_RE.match(line.strip())):  # "Table B - ...": the next table's caption
            carry = line.strip()  # kept as text too, in case no row follows
            blocks.extend(_chunks(m.start(), line))
            continue
        carry = None
        table = None
        if cells is None and pending and len(line.strip()) < 40 and (line[:4].isspace() or (
                len(pending[-1][2]) >= 3 and _LABEL_HEAD_WRAP.fullmatch(line))):
            # the last line of a stacked header where only one column wraps that far (the row
            # labels' heading too: "Financial" / "year")
            pending.append((m.start(), line, [line.strip()], len(blocks)))
        elif cells is None:
            pending = []
        else:
            pending.append((m.start(), line, cells, len(blocks)))
        blocks.extend(_chunks(m.start(), line))
    # A "table" of one row is just a line with odd spacing: give it back to the text reader.
    result: list[Block] = []
    for b in blocks:
        if b.kind == "table" and len(b.rows) < 2 and not b.text.lstrip().startswith("|"):
            result.extend(_chunks(b.start, b.text))
        else:
            result.append(b)
    return _merge_lines(text, result)


def _merge_lines(text: str, blocks: list[Block]) -> list[Block]:
    """Join neighbouring prose lines into one block (one Doc): spaCy's per-Doc overhead
    dominates on short paragraphs. Line breaks still end sentences (see pipeline)."""
    out: list[Block] = []
    ends: list[int] = []  # where each block of out ends; its text is cut once, at the end
    for b in blocks:
        end = b.start + len(b.text)
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "text" and b.kind == "text"
                and end - prev.start <= CHUNK and not text[ends[-1]:b.start].strip()):
            ends[-1] = end
        else:
            out.append(b)
            ends.append(end)
    for b, end in zip(out, ends):
        if b.kind == "text" and end != b.start + len(b.text):
            b.text = text[b.start:end]
        if b.kind == "text" and "\n" in b.text:
            b.text = unwrap(b.text)
    return out


_ENUMERATED = re.compile(r"\(?(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})[.)]\s")
_JOINING_WORDS = {"by", "of", "the", "and", "in", "for", "to", "with", "from", "a", "an", "at", "on", "or",
                  "than", "that", "which", "were", "was", "issued", "gave", "given", "as", "its", "their"}


def unwrap(text: str) -> str:
    """Join lines hard-wrapped at a fixed width (emails, letters, PDF text): a line break
    inside a sentence becomes a space, so "youth conditional<NL>cautions" is one phrase and
    the line break does not end the sentence. Same length, so offsets stay true.

    Written by hand: the wrapped lines must be found inside blocks whose other line breaks
    (headings, list items, "2021: 14" lines) carry meaning, which text-filling libraries
    (textwrap) do not tell apart."""
    out = None
    for m in _WRAP_CANDIDATE.finditer(text):
        pos = m.start()
        before = text[pos - 1:pos]
        if not before or before.isspace() or before in _NO_WRAP_BEFORE:
            continue
        line = text[text.rfind("\n", 0, pos) + 1:pos].rstrip()
        if len(line) < 50:
            continue
        nxt = text[pos + 1:pos + 200].lstrip(" \t")
        first = nxt[0]
        if (first.islower() or (first.isdigit() and not _ENUMERATED.match(nxt))
                or (first.isupper() and line.rsplit(None, 1)[-1] in _JOINING_WORDS)):
            out = out or list(text)
            out[pos] = " "
    return "".join(out) if out else text


# a line break before a character that can go on a sentence, after one that cannot end it
# (_NO_WRAP_BEFORE, tested in Python: a pattern starting with the line break lets the
# regex engine jump from one line break to the next)
_WRAP_CANDIDATE = re.compile(r"\n(?=[ \t]*[^\s\-•*|–])")
_NO_WRAP_BEFORE = frozenset('.:;!?"”’)]|')


def _is_wrapped_label(line: str, table: Block) -> bool:
    """An indented short line of words under a space-aligned table row with a text label."""
    last = table.rows[-1][2]
    words = line.strip()
    # (a year labels its row too: "2023/24" over "(provisional)")
    labels = [c for c in last if _is_label(c)] or [c for c in last[:1] if YEARISH.match(c)]
    label_col = table.rows[-1][1].find(labels[0]) if labels else 0
    indent = len(line) - len(line.lstrip())
    return (bool(labels) and indent >= 1 and indent >= label_col - 1 and len(words) < 60
            and not _PAGE_RE.match(words) and not _has_number_cell(["", words])
            and not table.text.lstrip().startswith("|"))


def _is_label(cell: str) -> bool:
    return sum(ch.isalpha() for ch in cell) >= 3


_NUMBER_CELL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s*\((?:\d{1,3}(?:,\d{3})+|\d+|\.\.|-)\))?")


def _has_number_cell(cells: list[str]) -> bool:
    return any(_NUMBER_CELL.fullmatch(c) for c in cells[1:])
