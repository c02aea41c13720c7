"""Attachment bytes -> plain text, for PDF, XLSX, ODS, CSV and plain text. Pure, no I/O.

Spreadsheet rows become `| a | b |` lines, the same shape trafilatura gives HTML
tables, so one figure extractor reads every kind of document.
"""
from __future__ import annotations

from typing import Any

import csv
import io
import re
import zipfile
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

KINDS = ("pdf", "xlsx", "ods", "csv", "txt")
_CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "text/csv": "csv",
    "application/csv": "csv",
    "text/plain": "txt",
}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML, or a legacy .xls/.doc
# Spreadsheets pad sheets with thousands of empty repeated cells; never expand those.
_MAX_REPEAT = 64
_MAX_ROWS_PER_SHEET = 200_000


class AttachmentError(ValueError):
    """The file cannot be read as text: corrupt, encrypted, empty or of an unknown type."""


def attachment_kind(content_type: str | None, filename: str | None, data: bytes = b"") -> str | None:
    """pdf / xlsx / ods / csv / txt from the file name, the content type or the first bytes."""
    suffix = PurePosixPath(unquote(urlsplit(filename or "").path)).suffix.lower().lstrip(".")
    if suffix in KINDS:
        return suffix
    media = (content_type or "").split(";")[0].strip().lower()
    if media in _CONTENT_TYPES:
        return _CONTENT_TYPES[media]
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        return _zip_kind(data)
    return None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"spreadsheet" in archive.read("mimetype"):
                return "ods"
            if "xl/workbook.xml" in names:
                return "xlsx"
    except zipfile.BadZipFile:
        return None
    return None


def attachment_text(data: bytes, content_type: str | None = None, filename: str | None = None) -> str:
    """The text of an attachment; raises AttachmentError saying why it cannot be read."""
    if not data:
        raise AttachmentError("the file is empty")
    kind = attachment_kind(content_type, filename, data)
    if kind is None:
        raise AttachmentError(f"unsupported file type ({content_type or 'no content type'}, {filename or 'no name'})")
    reader = {"pdf": pdf_text, "xlsx": xlsx_text, "ods": ods_text, "csv": csv_text, "txt": plain_text}[kind]
    text = reader(data).strip()
    if not text:
        raise AttachmentError(f"no text found in the {kind.upper()} file")
    return text


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the usual alternative in UK offices."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def pipe_row(cells: list[object]) -> str:
    """One table row as `| a | b |`, trailing empty cells dropped."""
    values = ["" if c is None else " ".join(str(c).split()) for c in cells]
    while values and not values[-1]:
        values.pop()
    return "| " + " | ".join(values) + " |" if values else ""


def plain_text(data: bytes) -> str:
    return decode_text(data)


def csv_text(data: bytes) -> str:
    text = decode_text(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel  # the sniffer gives up on one-column files; commas are the norm
    try:
        rows = [pipe_row(row) for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise AttachmentError(f"malformed CSV: {exc}") from None
    return "\n".join(r for r in rows if r)


def pdf_text(data: bytes) -> str:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise AttachmentError("not a PDF file (no %PDF header)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_pdf_page_text(page) for page in pdf.pages]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise AttachmentError(f"the PDF is encrypted ({type(exc).__name__})") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise AttachmentError("the PDF is encrypted and needs a password") from None
        raise AttachmentError(f"corrupt PDF: {cause!r}") from None
    except (PDFSyntaxError, PSException) as exc:
        raise AttachmentError(f"corrupt PDF: {exc!r}") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise AttachmentError("the PDF has no text layer (a scanned image?)")
    return text


def _pdf_page_text(page: Any) -> str:
    """A page's text in reading order, its ruled tables as pipe rows (as HTML tables
    come out of trafilatura), and hard-wrapped lines joined back into sentences."""
    parts = []
    top = 0.0
    for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
        x0, table_top, x1, bottom = table.bbox
        if table_top > top:
            parts.append(reflow(page.crop((0, top, page.width, table_top)).extract_text() or ""))
        parts.append("\n".join(pipe_row(row) for row in table.extract() if any(row)))
        top = bottom
    if top < page.height:
        parts.append(reflow(page.crop((0, top, page.width, page.height)).extract_text() or ""))
    return "\n".join(part for part in parts if part.strip())


_MID_SENTENCE = re.compile(r"[a-z,]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\(?[0-9a-z]{1,3}[.)])\s")


def reflow(text: str) -> str:
    """Join the lines a PDF wrapped mid-sentence: a long line that stops on a word (a
    lower-case letter or a comma, so not a table row's number nor a sentence's end)
    runs on into the next, unless that one starts a list item. Short lines (headings,
    addresses) are left alone."""
    lines = text.splitlines()
    widest = max((len(line) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        runs_on = (previous and len(previous.split("\n")[-1]) >= 0.6 * widest
                   and _MID_SENTENCE.search(previous)
                   and line.strip() and not _LIST_ITEM.match(line))
        if runs_on:
            out[-1] = previous.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def xlsx_text(data: bytes) -> str:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if data.startswith(_OLE2_MAGIC):
        raise AttachmentError("the spreadsheet is encrypted (or a legacy .xls file)")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise AttachmentError(f"corrupt XLSX: {exc}") from None
    try:
        sheets = []
        for sheet in book.worksheets:
            lines = []
            for number, row in enumerate(sheet.iter_rows(values_only=True)):
                if number >= _MAX_ROWS_PER_SHEET:
                    break
                line = pipe_row(list(row))
                if line:
                    lines.append(line)
            if lines:
                sheets.append(f"Sheet: {sheet.title}\n" + "\n".join(lines))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise AttachmentError(f"corrupt XLSX: {exc}") from None
    finally:
        book.close()
    return "\n\n".join(sheets)


def ods_text(data: bytes) -> str:
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    _check_ods_encryption(data)
    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise AttachmentError(f"corrupt ODS: {exc}") from None
    sheets = []
    for table in document.spreadsheet.getElementsByType(Table):
        lines = []
        for row in table.getElementsByType(TableRow):
            cells: list[object] = []
            for cell in row.getElementsByType(TableCell):
                repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1) or 1)
                cells.extend([_ods_cell_text(cell)] * min(repeat, _MAX_REPEAT))
            line = pipe_row(cells)
            if line:
                repeat_rows = int(row.attributes.get((TABLENS, "number-rows-repeated"), 1) or 1)
                lines.extend([line] * min(repeat_rows, _MAX_REPEAT))
            if len(lines) >= _MAX_ROWS_PER_SHEET:
                break
        if lines:
            name = table.attributes.get((TABLENS, "name"), "")
            sheets.append(f"Sheet: {name}\n" + "\n".join(lines))
    return "\n\n".join(sheets)


def _ods_cell_text(cell: object) -> str:
    from odf import teletype
    from odf.text import P

    return " ".join(teletype.extractText(p) for p in cell.getElementsByType(P))  # type: ignore[attr-defined]


def _check_ods_encryption(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "META-INF/manifest.xml" in archive.namelist() and \
                    b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise AttachmentError("the spreadsheet is encrypted (password-protected ODS)")
    except zipfile.BadZipFile as exc:
        raise AttachmentError(f"corrupt ODS: {exc}") from None
