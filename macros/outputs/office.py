"""What the DOCX, XLSX and CSV writers share: the one date a file records, reproducible zips, safe text.

Text from YAML stays text: office cells are written as strings, and a CSV cell that a spreadsheet would
read as a formula is neutralized as OWASP's CSV-injection guidance describes.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from macros.content import model as m

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell beginning with one of these is run as a formula by Excel, LibreOffice or Google Sheets."""

APPLICATION = "Behavioral Health Learning Hub"
"""What `docProps/app.xml` names as the program that wrote the file."""
LANGUAGE_TAGS: dict[str, str] = {"en": "en-US", "es": "es-US"}
"""The language a file is written in, as Word and Excel name it (spell-checking, date pickers): US Spanish, the
Spanish of the providers and families this hub serves."""


def language_tag(code: str) -> str:
    return LANGUAGE_TAGS[code]


def neutralized(text: str) -> str:
    """`text` prefixed with an apostrophe when a spreadsheet would otherwise read it as a formula.

    The apostrophe is what OWASP recommends: spreadsheets show it, and the text after it stays inert.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def guarded(text: str) -> str:
    """`neutralized`, and a text that already begins with an apostrophe gets one more, so `unguarded` can take
    exactly one away and every text comes back as it was (the catalog's CSV files are read back by the import)."""
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def unguarded(text: str) -> str:
    """A CSV cell as it was before `guarded` (or `neutralized`) prefixed it."""
    return text[1:] if text.startswith("'") and text[1:].startswith((*FORMULA_STARTS, "'")) else text


def csv_table(header: list[str], rows: Iterable[list[str]], guard: Callable[[str], str] = neutralized) -> bytes:
    """One rectangular table, UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), every cell quoted, and
    any cell a spreadsheet would run as a formula neutralized."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows([[guard(cell) for cell in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")


BODY_FONT = "Calibri"
"""The workbooks' body font, named on every styled cell too, so bold text is not set in a fallback serif."""
HEADER_FONT = Font(name=BODY_FONT, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="3F51B5")
_THIN = Side(style="thin", color="999999")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def text_cell(sheet: Worksheet, row: int, column: int, text: str) -> object:
    """Write `text` as a string cell: never a formula, whatever it begins with."""
    cell = sheet.cell(row=row, column=column)
    if text:
        cell.value = text
        cell.data_type = "s"
    return cell


def header_cell(sheet: Worksheet, row: int, column: int, text: str) -> object:
    """A header: bold white on the hub's indigo, bordered, wrapped."""
    cell = text_cell(sheet, row, column, text)
    cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, WRAP  # type: ignore[attr-defined]
    return cell


def moment(plan: m.ActionPlan) -> datetime.datetime:
    """The plan's `updated` date as a timestamp: the only date any file records."""
    return datetime.datetime(plan.updated.year, plan.updated.month or 1, plan.updated.day or 1)


def stable_zip(
    data: bytes, when: datetime.datetime, replace: Mapping[str, bytes] | None = None, drop: frozenset[str] = frozenset()
) -> bytes:
    """The same archive with every entry dated `when`, so two builds give the same bytes.

    Entries named in `replace` get new contents; entries in `drop` are left out.
    """
    replace = replace or {}
    stamp_tuple = (when.year, when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            if entry.filename in drop:
                continue
            info = zipfile.ZipInfo(entry.filename, date_time=stamp_tuple)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, replace.get(entry.filename) or source.read(entry.filename))
    return out.getvalue()


def app_xml() -> bytes:
    """An extended-properties part naming this site as the application, nothing left from a template."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
