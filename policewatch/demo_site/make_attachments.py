"""Write the binary and tabular attachments of the demo site.

Run ``python -m policewatch.demo_site.make_attachments`` after editing the
data below; the generated files are committed.  PDFs are written by hand (plain
text objects in Helvetica, no extra dependency), spreadsheets with openpyxl
and odfpy.  All figures are fictional.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"

# --------------------------------------------------------------------- paths

LINCS_REQ = "alaveteli/request/use_of_community_resolutions_for_rape_offences"
KENT_REQ = "alaveteli/request/cautions_for_sexual_offences_2021_22_and_2022_23"
WYP_REQ = "alaveteli/request/out_of_court_disposals_for_sexual_offences_against_children"

PATHS = {
    "lincs_pdf": f"{LINCS_REQ}/response/1901/attach/2/FOI_000412_24_Community_resolutions_2019_2023.pdf",
    "kent_xlsx": f"{KENT_REQ}/response/1911/attach/2/FOI_24_0188_Cautions_sexual_offences.xlsx",
    "kent_csv": f"{KENT_REQ}/response/1911/attach/3/outcomes_by_district_2022_23.csv",
    "wyp_bad_pdf": f"{WYP_REQ}/response/1922/attach/2/Disclosure_FOI_4471.pdf",
    "wyp_bad_xlsx": f"{WYP_REQ}/response/1922/attach/3/Appendix_A_outcomes.xlsx",
    "govuk_xlsx": "govuk/media/65f1a2b3c4d5e6f708192a3b/prc-outcomes-open-data-mar2024-tables-180724.xlsx",
    "govuk_pdf": "govuk/media/65f1a2b3c4d5e6f708192a3c/crime-outcomes-2023-to-2024-technical-annex.pdf",
    "govuk_ods": "govuk/media/64b7c0d1e2f3a4b5c6d7e8f9/ooc-disposals-sexual-offences-mar2023-tables.ods",
    "govuk_csv": "govuk/media/64b7c0d1e2f3a4b5c6d7e8fa/ooc-disposals-sexual-offences-mar2023.csv",
    "soh_xlsx": "force/SysSiteAssets/foi-media/derbyshire/disclosure_2024/march_2024/foi-24-0312-community-resolutions-by-offence.xlsx",
    "soh_pdf": "force/SysSiteAssets/foi-media/derbyshire/disclosure_2024/may_2024/foi-24-0577-cautions-sexual-offences.pdf",
}

# ---------------------------------------------------------------------- data

LINCS_TABLE = [
    ["Offence", "Outcome", "2019", "2020", "2021", "2022", "2023"],
    ["Rape of a female child under 13", "Community Resolution", "0", "1", "2", "4", "3"],
    ["Rape of a male child under 13", "Community Resolution", "0", "0", "1", "1", "1"],
    ["Sexual assault on a female child under 13", "Community Resolution", "5", "7", "6", "9", "11"],
    ["Sexual activity involving a child under 16", "Community Resolution", "12", "15", "14", "19", "17"],
    ["Sexual assault on a female aged 13 and over", "Community Resolution", "8", "6", "10", "13", "12"],
]

KENT_HEADER = ["Force", "Offence", "Outcome", "2021-22", "2022-23"]
KENT_ROWS = [
    ["Kent", "Sexual assault on a female aged 13 and over", "Caution - adults", 14, 11],
    ["Kent", "Sexual assault on a female aged 13 and over", "Community Resolution", 6, 9],
    ["Kent", "Exposure and voyeurism", "Caution - adults", 21, 17],
    ["Kent", "Exposure and voyeurism", "Community Resolution", 12, 15],
    ["Kent", "Sexual activity involving a child under 16", "Caution - youths", 5, 7],
    ["Kent", "Sexual activity involving a child under 16", "Community Resolution", 8, 4],
    ["Kent", "Rape of a female aged 16 and over", "Community Resolution", 0, 1],
]
KENT_DISTRICTS = [
    ["District", "Outcome", "2022-23"],
    ["Medway", "Caution - adults", "9"],
    ["Medway", "Community Resolution", "7"],
    ["Swale", "Caution - adults", "6"],
    ["Swale", "Community Resolution", "5"],
    ["Thanet", "Caution - adults", "8"],
    ["Thanet", "Community Resolution", "6"],
    ["Maidstone", "Caution - adults", "5"],
    ["Maidstone", "Community Resolution", "3"],
]

GOVUK_OUTCOMES_HEADER = [
    "Financial Year", "Financial Quarter", "Force Name", "Offence Description",
    "Offence Group", "Offence Subgroup", "Offence Code", "Outcome Description",
    "Outcome Group", "Outcome Type",
    "Force outcomes for offences recorded in quarter", "Force outcomes recorded in quarter",
]
_SA = ("Sexual assault on a female aged 13 and over", "Sexual offences", "Other sexual offences", "17A")
_RC = ("Rape of a female child under 16", "Sexual offences", "Rape", "19E")
_PO = ("Possession of cannabis", "Drug offences", "Possession of drugs", "92E")
_SL = ("Shoplifting", "Theft offences", "Shoplifting", "46")
GOVUK_OUTCOMES_ROWS = [
    ["2023/24", 1, "Northumbria", *_SA, "Community Resolution", "Out-of-court (informal)", 8, 3, 4],
    ["2023/24", 2, "Northumbria", *_SA, "Community Resolution", "Out-of-court (informal)", 8, 2, 5],
    ["2023/24", 1, "Northumbria", *_SA, "Caution - adults", "Out-of-court (formal)", 3, 6, 6],
    ["2023/24", 1, "Durham", *_RC, "Community Resolution", "Out-of-court (informal)", 8, 1, 1],
    ["2023/24", 3, "Durham", *_RC, "Caution - youths", "Out-of-court (formal)", 2, 2, 2],
    ["2023/24", 1, "Cleveland", *_PO, "Cannabis/Khat warning", "Out-of-court (informal)", 7, 212, 230],
    ["2023/24", 2, "Cleveland", *_PO, "Cannabis/Khat warning", "Out-of-court (informal)", 7, 198, 204],
    ["2023/24", 1, "Cleveland", *_PO, "Community Resolution", "Out-of-court (informal)", 8, 87, 91],
    ["2023/24", 1, "London, City of", *_SL, "Penalty Notice for Disorder", "Out-of-court (formal)", 6, 14, 15],
    ["2023/24", 1, "London, City of", *_SL, "Community Resolution", "Out-of-court (informal)", 8, 22, 25],
    ["2023/24", 4, "Cumbria", *_SA, "Community Resolution", "Out-of-court (informal)", 8, 4, 3],
    ["2023/24", 4, "Cumbria", *_SA, "Not yet assigned an outcome", "Not yet assigned an outcome", 0, 19, 0],
]

GOVUK_PDF_TABLE = [
    ["Force", "Offence group", "Outcome", "2022/23", "2023/24"],
    ["Northumbria", "Sexual offences", "Community Resolution", "11", "16"],
    ["Durham", "Sexual offences", "Community Resolution", "3", "5"],
    ["Cleveland", "Drug offences", "Cannabis/Khat warning", "802", "774"],
    ["Cumbria", "Sexual offences", "Community Resolution", "9", "13"],
]

GOVUK_OOC_HEADER = ["Force", "Offence group", "Outcome", "2021/22", "2022/23"]
GOVUK_OOC_ROWS = [
    ["Avon and Somerset", "Sexual offences", "Community Resolution", 31, 27],
    ["Avon and Somerset", "Sexual offences", "Caution - adults", 18, 22],
    ["Devon and Cornwall", "Sexual offences", "Community Resolution", 25, 29],
    ["Gloucestershire", "Sexual offences", "Community Resolution", 7, 10],
    ["Wiltshire", "Sexual offences", "Community Resolution", 9, 6],
    ["Dorset", "Sexual offences", "Caution - adults", 12, 8],
]

SOH_XLSX_HEADER = ["Offence", "Outcome", "Apr-Jun 2023", "Jul-Sep 2023", "Oct-Dec 2023", "Total"]
SOH_XLSX_ROWS = [
    ["Common assault", "Community Resolution", 141, 133, 128, 402],
    ["Shoplifting", "Community Resolution", 97, 104, 111, 312],
    ["Sexual assault on a female aged 13 and over", "Community Resolution", 3, 2, 4, 9],
    ["Exposure and voyeurism", "Community Resolution", 5, 3, 2, 10],
    ["Possession of cannabis", "Community Resolution", 58, 49, 61, 168],
]

SOH_PDF_TABLE = [
    ["Offence", "Outcome", "2021/22", "2022/23", "2023/24"],
    ["Sexual assault on a female aged 13 and over", "Caution - adults", "9", "12", "7"],
    ["Exposure and voyeurism", "Caution - adults", "15", "11", "13"],
    ["Sexual activity involving a child under 16", "Caution - youths", "4", "6", "3"],
]

# ------------------------------------------------------------------ writers


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[tuple[float, float, str, int, bool]]) -> bytes:
    """A one-page PDF; ``lines`` are (x, y, text, size, bold) in points."""
    ops = []
    for x, y, text, size, bold in lines:
        font = "/F2" if bold else "/F1"
        ops.append(f"BT {font} {size} Tf {x:.1f} {y:.1f} Td ({_pdf_escape(text)}) Tj ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Producer (PoliceWatch demo) /Title (Disclosure) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n".encode())
    out.write(b"0000000000 65535 f \n")
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 7 0 R >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_document(title: str, paragraphs: list[str], table: list[list[str]],
                 col_x: list[float], after: list[str] = ()) -> bytes:
    lines = []
    y = 790.0
    lines.append((50, y, title, 14, True))
    y -= 28
    for para in paragraphs:
        for chunk in _wrap(para, 95):
            lines.append((50, y, chunk, 10, False))
            y -= 14
        y -= 6
    y -= 4
    for r, row in enumerate(table):
        for x, cell in zip(col_x, row):
            lines.append((x, y, cell, 9, r == 0))
        y -= 15
    y -= 10
    for para in after:
        for chunk in _wrap(para, 95):
            lines.append((50, y, chunk, 10, False))
            y -= 14
    return make_pdf(lines)


def _wrap(text: str, width: int) -> list[str]:
    words, out, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    if cur:
        out.append(cur)
    return out


def make_xlsx(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, header, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
    wb.properties.creator = "Information Management"
    fixed = datetime(2024, 3, 1, 9, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so regenerating is reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 3, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-03-01T09:00:00Z", content)
            dst.writestr(zi, content)
    return out.getvalue()


def make_ods(name: str, header: list[str], rows: list[list]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name=name)
    for r in [header, *rows]:
        tr = TableRow()
        for value in r:
            if isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    return _normalise_zip(buf.getvalue())


def make_csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


# ------------------------------------------------------------------ content


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files["lincs_pdf"] = pdf_document(
        "Lincolnshire Police - Freedom of Information Request 000412/24",
        [
            "Community resolutions recorded for sexual offences, calendar years 2019 to 2023.",
            "Figures are the number of crimes finalised with outcome type 8 (Community Resolution). "
            "Data extracted from the crime recording system on 29 January 2024.",
        ],
        LINCS_TABLE, [50, 250, 370, 410, 450, 490, 530],
        ["In 2023 a community resolution was used for three rapes of a female child under 13 and one "
         "rape of a male child under 13. Each was reviewed by a detective inspector; in every case "
         "the suspect was himself under 16."],
    )
    files["kent_xlsx"] = make_xlsx([
        ("Cautions and CRs", KENT_HEADER, KENT_ROWS),
        ("Notes", ["Note"], [["Financial years run from April to March."],
                             ["Figures are crimes, not people."],
                             ["Source: Kent Police crime recording system, extracted 12 February 2024."]]),
    ])
    files["kent_csv"] = make_csv(KENT_DISTRICTS)
    # Claims to be a PDF, but the body is damaged beyond repair.
    files["wyp_bad_pdf"] = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n"
                            b"\x00\x17\x9c\xff garbled by the mail gateway \x8f\x01\x02" * 40
                            + b"\nstartxref\n999999\n%%EOF\n")
    good = make_xlsx([("Appendix A", ["Outcome", "2022-23"], [["Community Resolution", 27]])])
    files["wyp_bad_xlsx"] = good[: len(good) // 2]  # truncated in transit
    files["govuk_xlsx"] = make_xlsx([("Outcomes_open_data", GOVUK_OUTCOMES_HEADER, GOVUK_OUTCOMES_ROWS)])
    files["govuk_pdf"] = pdf_document(
        "Crime outcomes in England and Wales, year ending March 2024: technical annex",
        [
            "Table A3 shows selected out-of-court outcomes assigned by four forces. Counts are "
            "outcomes assigned in the year, whatever the year in which the offence was recorded.",
            "Northumbria Police assigned 16 community resolutions for sexual offences in the year "
            "ending March 2024, up from 11 the year before.",
        ],
        GOVUK_PDF_TABLE, [50, 170, 280, 420, 480],
    )
    files["govuk_ods"] = make_ods("Table_1", GOVUK_OOC_HEADER, GOVUK_OOC_ROWS)
    files["govuk_csv"] = make_csv([GOVUK_OOC_HEADER, *GOVUK_OOC_ROWS])
    files["soh_xlsx"] = make_xlsx([("FOI 24-0312", SOH_XLSX_HEADER, SOH_XLSX_ROWS)])
    files["soh_pdf"] = pdf_document(
        "Derbyshire Constabulary - FOI 24-0577",
        [
            "You asked how many adult and youth cautions Derbyshire Constabulary issued for "
            "sexual offences in each of the last three financial years.",
        ],
        SOH_PDF_TABLE, [50, 280, 390, 450, 510],
        ["Figures count crimes with a caution outcome. One crime can involve more than one suspect."],
    )
    return files


def main() -> None:
    for key, data in build().items():
        path = SITE / PATHS[key]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {PATHS[key]} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
