"""The catalog as a workbook: a template per kind for the maintainers' guide, and the whole catalog for a report.

Both have the sheets and columns of `macros/content/sheets.py`, a README sheet that explains every column, cells
formatted as text (so Excel keeps `1.0`, `2017-03` and `0075` as typed), drop-down lists for choices and every cell
written as a string, never a formula. A template adds the ids and names already on the site (`Existing people`);
the export adds each item's published address. The import reads both back.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font, NamedStyle  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from macros.content import model as m
from macros.content import spec as s
from macros.content.kinds import KINDS, Kind
from macros.content.sheets import (
    ADDRESS_HEADER,
    CELL_LIMIT,
    ID_HEADER,
    LISTS_SHEET,
    README_SHEET,
    SHEETS,
    Sheet,
    catalog_rows,
    existing_sheet,
    explain,
    file_name,
    fitted,
    kind_sheets,
)
from macros.outputs.base import BuildInfo, OutputFile
from macros.outputs.office import (
    BODY_FONT,
    BORDER,
    HEADER_FILL,
    HEADER_FONT,
    WRAP,
    app_xml,
    csv_table,
    guarded,
    stable_zip,
    text_cell,
)
from macros.outputs.plan_xlsx import LINE_HEIGHT, lines_needed
from macros.site.relations import Relations

TEMPLATE_FOLDER = "maintainers/templates"
"""Where the build publishes the templates: `/maintainers/templates/trainings.xlsx`, linked from the guide."""
ALL_KINDS = "catalog"
"""The template with every kind's sheets, and the export's file name: `catalog.xlsx`."""
TEXT = "@"
"""The number format "Text": what is typed stays as typed."""
LAST_ROW = 1_048_576
HEADER, VALUE, NOTE = "Hub header", "Hub text", "Hub note"
"""Named cell styles: set once per workbook, then one assignment per cell (openpyxl hashes every style it is given,
which made a cell-by-cell font, fill, border and alignment most of the build's time for the templates)."""
REQUIRED_MARK = " *"
MOST_LINES = 6
"""A row of the export is as tall as its longest cell, up to this many lines (a transcript would fill the screen);
spreadsheets do not re-fit wrapped rows when a file is opened."""
"""After the header of a column every row needs; the import reads `Title *` as `Title`."""


@dataclass(frozen=True)
class Reference:
    """A sheet of ids and names already on the site, for a template's references."""

    name: str
    title_header: str
    rows: list[list[str]]


def template_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    """The producer: `/maintainers/templates/<folder>.xlsx` per kind, and `catalog.xlsx` with every kind's sheets."""
    when = (info.now or datetime.datetime.now(datetime.UTC)).replace(tzinfo=None)
    files = [
        OutputFile(f"{TEMPLATE_FOLDER}/{kind.folder}.xlsx", template_bytes(catalog, [kind], when)) for kind in KINDS
    ]
    files.append(OutputFile(f"{TEMPLATE_FOLDER}/{ALL_KINDS}.xlsx", template_bytes(catalog, list(KINDS), when)))
    return files


def template_bytes(catalog: m.Catalog, kinds: Sequence[Kind], when: datetime.datetime) -> bytes:
    """An empty workbook for `kinds`, with the ids and names of everything they may refer to."""
    sheets = [sheet for kind in kinds for sheet in kind_sheets(kind)]
    sheets += [sheet for sheet in SHEETS if sheet.is_main and sheet.kind.name in _companions(kinds) and
               sheet not in sheets]  # fmt: skip
    referred = sorted({ref.kind for kind in kinds for ref in s.walk_refs(kind.spec)}, key=_kind_order)
    references = [_reference(catalog, name) for name in referred]
    what = kinds[0].plural if len(kinds) == 1 else "the catalog"
    title = f"{what.capitalize()}: a template for python -m macros import"
    notes = [title, *_template_notes(sheets, kinds)]
    return _workbook(sheets, {}, references, notes, catalog=catalog, when=when, address=False)[0]


def export_files(
    catalog: m.Catalog, root: Path, site_url: str, when: datetime.datetime
) -> tuple[dict[str, bytes], list[str]]:
    """`catalog.xlsx` (every sheet, with each item's address) and one CSV per sheet, by file name; and a line for
    each text too long for a workbook cell (cut there, whole in the CSV)."""
    rows = catalog_rows(catalog, root, site_url)
    title = f"{catalog.site.organization}: the catalog, exported {when.day} {when:%B %Y}"
    notes = [title, *_export_notes(rows)]
    audiences = [_reference(catalog, "audience")]
    workbook, cut = _workbook(list(SHEETS), rows, audiences, notes, catalog=catalog, when=when, address=True)
    files = {f"{ALL_KINDS}.xlsx": workbook}
    for sheet in SHEETS:
        header = list(sheet.headers) + ([ADDRESS_HEADER] if sheet.is_main else [])
        files[file_name(sheet)] = csv_table(header, rows[sheet.name], guard=guarded)
    return files, cut


def _workbook(
    sheets: Sequence[Sheet],
    rows: Mapping[str, list[list[str]]],
    references: list[Reference],
    notes: list[str],
    *,
    catalog: m.Catalog,
    when: datetime.datetime,
    address: bool,
) -> tuple[bytes, list[str]]:
    """The workbook's bytes, and a line for each cell cut to what a cell holds."""
    workbook = Workbook()
    for style in (
        NamedStyle(
            HEADER,
            font=HEADER_FONT,
            fill=HEADER_FILL,
            border=BORDER,
            alignment=WRAP,
        ),
        NamedStyle(VALUE, font=Font(name=BODY_FONT), number_format=TEXT, alignment=WRAP),
        NamedStyle(NOTE, font=Font(name=BODY_FONT), alignment=WRAP),
    ):
        workbook.add_named_style(style)
    workbook.properties.title = notes[0]
    workbook.properties.creator = workbook.properties.lastModifiedBy = catalog.site.organization
    workbook.properties.created = workbook.properties.modified = when
    readme: Worksheet = workbook.active
    readme.title = README_SHEET
    _readme(readme, notes, sheets)
    lists = _Lists(workbook)
    names = {reference.name for reference in references}
    cut: list[str] = []
    for sheet in sheets:
        data = workbook.create_sheet(sheet.name)
        _data_sheet(data, sheet, rows.get(sheet.name, []), address=address and sheet.is_main, lists=lists, names=names,
                    cut=cut)  # fmt: skip
    for reference in references:
        _reference_sheet(workbook.create_sheet(reference.name), reference)
    lists.finish()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return stable_zip(buffer.getvalue(), when, {"docProps/app.xml": app_xml()}), cut


def _readme(sheet: Worksheet, notes: list[str], sheets: Sequence[Sheet]) -> None:
    """What the workbook is and how to use it, then every column of every sheet: whether it is required and what
    to write."""
    widths = [22.0, 24.0, 10.0, 70.0]
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    text_cell(sheet, 1, 1, notes[0]).font = Font(name=BODY_FONT, bold=True, size=14)  # type: ignore[attr-defined]
    row = 2
    for note in notes[1:]:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        text_cell(sheet, row, 1, note).style = NOTE  # type: ignore[attr-defined]
        sheet.row_dimensions[row].height = lines_needed(note, sum(widths)) * LINE_HEIGHT + 4
        row += 1
    row += 1
    for column, name in enumerate(("Sheet", "Column", "Required", "What to write"), start=1):
        text_cell(sheet, row, column, name).style = HEADER  # type: ignore[attr-defined]
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    for each in sheets:
        for header, required, text in _explained(each):
            row += 1
            for column, value in enumerate((each.name, header, "yes" if required else "", text), start=1):
                text_cell(sheet, row, column, value).style = NOTE  # type: ignore[attr-defined]
            sheet.row_dimensions[row].height = lines_needed(text, widths[3]) * LINE_HEIGHT + 4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _explained(sheet: Sheet) -> list[tuple[str, bool, str]]:
    """(header, required, what to write) for the key columns and every column of `sheet`."""
    kind = sheet.kind
    if sheet.is_main:
        keys = [(ID_HEADER, False, f"The {kind.singular}'s id: the file name and the page address. Leave it empty "
                 f"to make it from the {kind.title_field}, as python -m macros new does.")]  # fmt: skip
    else:
        keys = [(sheet.keys[0], True, f"The id or the {kind.title_field} of the {kind.singular} this row belongs to.")]
        keys += [(place, True, f"Which {place.lower()} it belongs to: 1 for the first, 2 for the second…")
                 for place in sheet.keys[1:]]  # fmt: skip
    return keys + [(column.header, column.required, explain(column, sheet)) for column in sheet.columns]


class _Lists:
    """The hidden `Lists` sheet: a column of options per choice, so an option may contain a comma."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.sheet: Worksheet | None = None
        self.columns: dict[tuple[str, ...], str] = {}

    def source(self, options: tuple[str, ...]) -> str:
        """The range holding `options`, written once per set of options."""
        if options not in self.columns:
            if self.sheet is None:
                self.sheet = self.workbook.create_sheet(LISTS_SHEET)
            column = len(self.columns) + 1
            for row, option in enumerate(options, start=1):
                text_cell(self.sheet, row, column, option)
            letter = get_column_letter(column)
            self.columns[options] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(options)}"
        return self.columns[options]

    def finish(self) -> None:
        if self.sheet is not None:
            self.sheet.sheet_state = "hidden"


def _data_sheet(
    data: Worksheet,
    sheet: Sheet,
    rows: list[list[str]],
    *,
    address: bool,
    lists: _Lists,
    names: set[str],
    cut: list[str],
) -> None:
    """Header row (required columns marked), widths, text format, an input message and a drop-down per column."""
    headers = list(sheet.keys) + [column.header + (REQUIRED_MARK if column.required else "") for column in
                                  sheet.columns] + ([ADDRESS_HEADER] if address else [])  # fmt: skip
    specs: list[s.Spec | None] = [None] * len(sheet.keys) + [column.spec for column in sheet.columns]
    specs += [None] if address else []
    texts = [text for _, _, text in _explained(sheet)] + (["Each item's page on the site."] if address else [])
    for number, (header, spec, text) in enumerate(zip(headers, specs, texts, strict=True), start=1):
        letter = get_column_letter(number)
        text_cell(data, 1, number, header).style = HEADER  # type: ignore[attr-defined]
        dimension = data.column_dimensions[letter]
        dimension.width = _width(header, spec)
        dimension.number_format, dimension.alignment = TEXT, WRAP  # what is typed later: text, wrapped, at the top
        check = _validation(header, spec, text, lists, names)
        check.add(f"{letter}2:{letter}{LAST_ROW}")
        data.add_data_validation(check)
    data.row_dimensions[1].height = max(lines_needed(header, _width(header, spec)) for header, spec in
                                        zip(headers, specs, strict=True)) * LINE_HEIGHT + 4  # fmt: skip
    data.freeze_panes = "B2" if sheet.is_main else data.cell(row=2, column=len(sheet.keys) + 1)
    data.print_title_rows = "1:1"
    data.page_setup.orientation, data.page_setup.scale = "landscape", 70
    data.print_options.gridLines = True
    widths = [_width(header, spec) for header, spec in zip(headers, specs, strict=True)]
    for row, values in enumerate(rows, start=2):
        for number, value in enumerate(values, start=1):
            text_cell(data, row, number, fitted(value)).style = VALUE  # type: ignore[attr-defined]
            if len(value) > CELL_LIMIT:
                cut.append(f"sheet {sheet.name}, row {row}, column {headers[number - 1].removesuffix(REQUIRED_MARK)}: "
                           f"{len(value):,} characters, more than a cell holds; cut in the workbook, whole in "
                           f"{file_name(sheet)}")  # fmt: skip
        lines = max(lines_needed(value, width) if value else 1 for value, width in zip(values, widths, strict=False))
        if lines > 1:
            data.row_dimensions[row].height = min(lines, MOST_LINES) * LINE_HEIGHT + 4


def _validation(header: str, spec: s.Spec | None, text: str, lists: _Lists, references: set[str]) -> DataValidation:
    """The column's explanation as an input message; a drop-down for a choice, and for one reference the ids on
    its `Existing` sheet (a warning only, since a name or a new item on this workbook is fine too)."""
    check = DataValidation(type=None, allow_blank=True)
    if isinstance(spec, s.Choice):
        check = DataValidation(type="list", formula1=f"={lists.source(spec.options)}", allow_blank=True)
        check.error, check.errorTitle, check.showErrorMessage = f"Choose one of: {', '.join(spec.options)}"[:225], \
            header[:32], True  # fmt: skip
    elif isinstance(spec, s.Ref) and existing_sheet(spec.kind) in references:
        source = f"{quote_sheetname(existing_sheet(spec.kind))}!$A$2:$A${LAST_ROW}"
        check = DataValidation(type="list", formula1=f"={source}", allow_blank=True, errorStyle="information")
        check.error, check.showErrorMessage = "Not an id on the site yet: fine for a name or a new item.", True
    check.promptTitle, check.prompt, check.showInputMessage = header[:32], _short(text, 255), True
    return check


def _short(text: str, limit: int) -> str:
    """Excel refuses longer input messages: cut at a word, with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _width(header: str, spec: s.Spec | None) -> float:
    """Room for what the column holds: prose wide, dates and numbers narrow, never narrower than a header word."""
    item = spec.item if isinstance(spec, s.ListOf) else spec
    if isinstance(item, s.Text):
        width = 30.0 if item.one_line else 48.0
    elif isinstance(item, s.Choice):
        width = float(min(30, max(12, *(len(option) + 4 for option in item.options))))
    elif isinstance(item, (s.Date, s.Integer)):
        width = 13.0
    elif isinstance(item, (s.Url, s.LocalFile)):
        width = 34.0
    else:
        width = 24.0
    return max(width, max(len(word) for word in header.split()) + 4.0)


def _reference(catalog: m.Catalog, kind_name: str) -> Reference:
    """The ids and names of one kind already on the site."""
    if kind_name == "audience":
        rows = [[audience.id, audience.title] for audience in catalog.audiences.values()]
        return Reference(existing_sheet(kind_name), "Title", rows)
    kind = next(each for each in KINDS if each.name == kind_name)
    rows = [[item_id, str(getattr(item, kind.title_field))] for item_id, item in sorted(kind.items(catalog).items())]
    return Reference(existing_sheet(kind_name), kind.title_field.capitalize(), rows)


def _reference_sheet(data: Worksheet, reference: Reference) -> None:
    for number, (header, width) in enumerate(((ID_HEADER, 34.0), (reference.title_header, 60.0)), start=1):
        text_cell(data, 1, number, header).style = HEADER  # type: ignore[attr-defined]
        data.column_dimensions[get_column_letter(number)].width = width
    for row, values in enumerate(reference.rows, start=2):
        for number, value in enumerate(values, start=1):
            text_cell(data, row, number, value)
    data.freeze_panes = "A2"


def _companions(kinds: Sequence[Kind]) -> set[str]:
    """Kinds a template also offers a main sheet for, so a row can name one that is new: those referred to whose
    items need nothing but a name (people)."""
    referred = {ref.kind for kind in kinds for ref in s.walk_refs(kind.spec)}
    return {kind.name for kind in KINDS if kind.name in referred and sum(f.required for f in kind.spec.fields.values())
            == 1}  # fmt: skip


def _kind_order(name: str) -> int:
    return next((index for index, kind in enumerate(KINDS) if kind.name == name), len(KINDS))


def _template_notes(sheets: Sequence[Sheet], kinds: Sequence[Kind]) -> list[str]:
    main = sheets[0].name
    lists = [sheet.name for sheet in sheets if not sheet.is_main]
    inside = (f"; the lists inside an item have sheets of their own ({', '.join(lists)}), one row per list item, "
              "after the id or title of the item it belongs to.") if lists else "."  # fmt: skip
    return [
        f"Write one row per item on the sheet {main}{inside}",
        "Columns marked * are needed in every row. Leave the ID empty to make it from the title, as "
        "python -m macros new does.",
        "Several values in one cell: one per line (Alt+Enter in Excel, Ctrl+Enter in LibreOffice).",
        "Dates: 2017, 2017-03 or 2017-03-14 (or unknown where it is allowed). Every cell is formatted as text, so "
        "what you type stays exactly as typed.",
        "People, topics and audiences: write their id or their name (the Existing sheets list the ones on the "
        "site); a new person can be added on the sheet People in the same workbook.",
        f"Then, in the project folder: python -m macros import {kinds[0].folder if len(kinds) == 1 else ALL_KINDS}"
        ".xlsx --dry-run (lists the files it would write), then the same without --dry-run. Nothing is written "
        "unless every row is right; each problem is listed with its sheet, row and column.",
    ]


def _export_notes(rows: Mapping[str, list[list[str]]]) -> list[str]:
    counts = ", ".join(f"{name}: {len(rows[name])}" for name in rows if rows[name])
    return [
        "Every item on the site, a sheet per kind; the lists inside items (handouts, sessions, sections) have sheets "
        "of their own, a row per list item after the id of its item. Address is each item's page on the site.",
        "Dates are exactly as written in the site's files: 2017, 2017-03, 2017-03-14, or unknown. Several values in "
        "one cell are one per line. Every cell is text; none is a formula.",
        "To change items and bring them back: python -m macros import catalog.xlsx --update (only the columns and "
        "list sheets present are changed; an emptied cell clears its field).",
        f"Rows: {counts}.",
    ]
