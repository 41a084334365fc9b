"""Read a workbook (.xlsx) or a CSV file into tables of cells for the import, as the spreadsheet stored them.

A workbook is streamed (openpyxl's read-only mode), so 10,000 rows take little memory; formulas, error values and
merged cells are marked on their cells, to be reported with their sheet, row and column. A CSV file may be UTF-8
(with or without a byte-order mark), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's plain "CSV" on
Windows); its delimiter is the one of `,` `;` or tab that splits the header into known columns.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import range_boundaries  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from macros.content.sheet_import import ImportRefused, Table
from macros.content.sheets import ADDRESS_HEADER, SHEETS, Cell, normal
from macros.outputs.office import unguarded

WORKBOOKS = (".xlsx", ".xlsm")
TEXT_FILES = (".csv", ".txt", ".tsv")
SAVE_AS = 'save it as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited) (.csv)"'
_KNOWN = {normal(header) for sheet in SHEETS for header in sheet.headers} | {normal(ADDRESS_HEADER)}


def read_tables(path: Path) -> tuple[list[Table], list[str]]:
    """The tables in `path` and any note on how it was read; ImportRefused when it cannot be read at all."""
    name = path.name
    if not path.is_file():
        raise ImportRefused([f"{path}: no such file"])
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS:
        return _workbook(path), []
    if suffix in TEXT_FILES:
        return _csv(path)
    if suffix in (".xls", ".ods", ".numbers"):
        raise ImportRefused([f"{name}: the import reads .xlsx and .csv files; open it and {SAVE_AS}"])
    raise ImportRefused([f"{name}: is not a spreadsheet the import reads; {SAVE_AS}"])


def _workbook(path: Path) -> list[Table]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise ImportRefused([f"{path.name}: cannot be read as an .xlsx workbook ({error}); {SAVE_AS}"]) from None
    try:
        return [_sheet(path.name, sheet) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _sheet(file: str, sheet: object) -> Table:
    """Row 1 is the header; every later row with anything in it is kept with its number."""
    sheet.reset_dimensions()  # type: ignore[attr-defined]  # a wrong <dimension> would cut the rows short
    merged = _merged(sheet)
    header: tuple[str, ...] = ()
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    for number, row in enumerate(sheet.iter_rows(), start=1):  # type: ignore[attr-defined]
        cells = tuple(_cell(item, merged.get((number, column))) for column, item in enumerate(row, start=1))
        if number == 1:
            header = tuple("" if cell.value is None else str(cell.value).strip() for cell in cells)
        elif not all(cell.empty for cell in cells):
            rows.append((number, cells))
    return Table(file, str(sheet.title), header, tuple(rows))  # type: ignore[attr-defined]


def _cell(item: object, merged: str | None) -> Cell:
    value = getattr(item, "value", None)
    kind = getattr(item, "data_type", "n")
    number_format = getattr(item, "number_format", "General") or "General"
    if merged is not None:
        return Cell(value, number_format, merged)
    if kind == "f":
        formula = str(value)
        shown = formula if len(formula) <= 40 else formula[:39] + "…"
        return Cell(value, number_format, f"holds the formula {shown}; write the value itself (copy the cell and "
                    "paste it back with Paste Special, values only)")  # fmt: skip
    if kind == "e":
        return Cell(value, number_format, f"holds the error {value}; write the value itself")
    return Cell(value, number_format)


def _merged(sheet: object) -> dict[tuple[int, int], str]:
    """(row, column) → the problem of each cell in a merged range: stated at its first cell, silent at the others.

    Read-only worksheets do not list merged ranges, so they are read from the sheet's XML after the rows."""
    cells: dict[tuple[int, int], str] = {}
    with sheet._get_source() as source:  # type: ignore[attr-defined]  # the sheet's XML, which openpyxl streams
        for _, element in ET.iterparse(source):
            if element.tag.endswith("}mergeCell"):
                ref = element.get("ref", "")
                first_column, first_row, last_column, last_row = range_boundaries(ref)
                for row in range(first_row, last_row + 1):
                    for column in range(first_column, last_column + 1):
                        cells[(row, column)] = ""
                cells[(first_row, first_column)] = (
                    f"is merged with other cells ({ref}); unmerge them and write the value in each row"
                )
            element.clear()
    return cells


def _csv(path: Path) -> tuple[list[Table], list[str]]:
    text, note = _decoded(path.read_bytes(), path.name)
    lines = text.split("\n", 1)
    delimiter = None
    if lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter, text = lines[0].strip()[4], lines[1] if len(lines) > 1 else ""
    delimiter = delimiter or _delimiter(text)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not records:
        raise ImportRefused([f"{path.name}: is empty; its first line must be the header"])
    header = tuple(cell.strip() for cell in records[0])
    rows = []
    for number, record in enumerate(records[1:], start=2):
        cells = tuple(Cell(unguarded(value) if value.strip() else None) for value in record)
        if not all(cell.empty for cell in cells):
            rows.append((number, cells))
    return [Table(path.name, None, header, tuple(rows))], [note] if note else []


def _decoded(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file, and a note when it was not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            pass
    elif b"\0" in data[:4096]:
        raise ImportRefused([f"{name}: is not a text file; {SAVE_AS}"])
    else:
        try:
            return data.decode("utf-8-sig"), ""
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return text, (f'{name}: read as Windows-1252, Excel\'s plain "CSV" on Windows; if a letter looks wrong in '
                          'the result, save it as "CSV UTF-8 (Comma delimited)" and import that instead')  # fmt: skip
    raise ImportRefused([f'{name}: is neither UTF-8 nor Windows-1252 text; in Excel save it as "CSV UTF-8 (Comma '
                         'delimited)", in LibreOffice choose the character set "Unicode (UTF-8)"'])  # fmt: skip


def _delimiter(text: str) -> str:
    """The delimiter that splits the header into the most known column names (Excel writes `;` where the decimal
    separator is a comma)."""
    first = text.split("\n", 1)[0]
    best, score = ",", -1
    for candidate in (",", ";", "\t"):
        cells = next(csv.reader([first], delimiter=candidate), [])
        found = sum(normal(cell) in _KNOWN for cell in cells)
        if found > score:
            best, score = candidate, found
    return best
