"""An action plan as DOCX, XLSX and CSV, built in memory from the same model as its page.

Every file carries the plan's title, version and date, and is byte-for-byte reproducible: document
properties and zip timestamps are pinned to the plan's `updated` date, never to the time of the build.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.table import Table
from openpyxl import Workbook  # type: ignore[import-untyped]  # openpyxl ships no type hints
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from macros.content import model as m
from macros.content.plans import downloads, header, row_names, stamp, tables
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.relations import Relations
from macros.site.render import paragraphs

BLANK_LINE = "_" * 60
ANSWER_LINES = {"long-text": 4}
"""Ruled lines left for an answer on paper; one unless named here."""
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _moment(plan: m.ActionPlan) -> datetime.datetime:
    """The plan's `updated` date as a timestamp: the only date any file records."""
    return datetime.datetime(plan.updated.year, plan.updated.month or 1, plan.updated.day or 1)


def _stable_zip(data: bytes, when: datetime.datetime) -> bytes:
    """The same archive with every entry dated `when`, so two builds give the same bytes."""
    stamp_tuple = (when.year, when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp_tuple)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def _answer_hint(plan_field: m.PlanField) -> list[str]:
    """What a person writes on paper: ruled lines, or a box per option."""
    if plan_field.type == "choice":
        return [f"☐ {option}" for option in plan_field.options]
    if plan_field.type == "checkbox":
        return ["☐ Yes"]
    return [BLANK_LINE] * ANSWER_LINES.get(plan_field.type, 1)


# DOCX ----------------------------------------------------------------------------------------------


def _docx_styles(document: object) -> None:
    """Named paragraph styles, so a reader (or a test) can tell prompts from guidance and answers."""
    styles = document.styles  # type: ignore[attr-defined]
    prompt = styles.add_style("Prompt", WD_STYLE_TYPE.PARAGRAPH)
    prompt.base_style = styles["Normal"]
    prompt.font.bold = True
    prompt.paragraph_format.space_before = Pt(10)
    prompt.paragraph_format.keep_with_next = True
    guidance = styles.add_style("Guidance", WD_STYLE_TYPE.PARAGRAPH)
    guidance.base_style = styles["Normal"]
    guidance.font.italic = True
    guidance.paragraph_format.keep_with_next = True
    answer = styles.add_style("Answer", WD_STYLE_TYPE.PARAGRAPH)
    answer.base_style = styles["Normal"]
    answer.paragraph_format.space_after = Pt(2)


def _docx_table(document: object, table: m.PlanTable) -> None:
    """A real table: named header row repeated on every page, rows that never split across pages."""
    columns = header(table)
    grid: Table = document.add_table(rows=1 + table.row_count, cols=len(columns))  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(name).bold = True
    for row, label in zip(grid.rows[1:], table.row_labels, strict=False):
        row.cells[0].text = label
    for position, row in enumerate(grid.rows):
        properties = row._tr.get_or_add_trPr()
        if position == 0:
            properties.append(OxmlElement("w:tblHeader"))
        properties.append(OxmlElement("w:cantSplit"))


def docx_bytes(plan: m.ActionPlan) -> bytes:
    """Headings, prompts, guidance, ruled answer lines and real planning tables."""
    document = Document()
    _docx_styles(document)
    properties = document.core_properties
    properties.title = plan.title
    properties.version = plan.version
    properties.subject = stamp(plan)
    properties.author = ""
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = _moment(plan)
    document.add_heading(plan.title, level=0)
    document.add_paragraph(stamp(plan), style="Subtitle")
    who = document.add_paragraph()
    who.add_run("Who fills it in: ").bold = True
    who.add_run(" ".join(paragraphs(plan.filled_by)))
    document.add_heading("Purpose", level=1)
    for text in paragraphs(plan.purpose) + paragraphs(plan.introduction):
        document.add_paragraph(text)
    if plan.content_note:
        note = document.add_paragraph()
        note.add_run("Content note: ").bold = True
        note.add_run(" ".join(paragraphs(plan.content_note)))
    for section in plan.sections:
        document.add_heading(section.title, level=1)
        for text in paragraphs(section.guidance):
            document.add_paragraph(text, style="Guidance")
        for plan_field in section.fields:
            document.add_paragraph(plan_field.label, style="Prompt")
            for text in paragraphs(plan_field.guidance):
                document.add_paragraph(text, style="Guidance")
            for line in _answer_hint(plan_field):
                document.add_paragraph(line, style="Answer")
        if section.table is not None:
            _docx_table(document, section.table)
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{plan.title} · {stamp(plan)}"
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue(), _moment(plan))


# XLSX ----------------------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="3F51B5")
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ROW = 5
"""Rows 1–3 name the plan, its version and date; row 5 is the styled, frozen header."""


def _sheet_title(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_NAME.sub(" ", title).strip() or "Table"
    if len(base) > 31:
        base = base[:31].rsplit(" ", 1)[0]
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def _sheet_top(sheet: Worksheet, plan: m.ActionPlan, subtitle: str) -> None:
    sheet["A1"] = plan.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = subtitle
    sheet["A2"].font = Font(bold=True)
    sheet["A3"] = stamp(plan)


def _sheet_grid(sheet: Worksheet, columns: list[str], rows: list[list[str]], widths: list[int]) -> None:
    """Header row styled and frozen, bordered wrapped cells, every column given a width."""
    for number, name in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=number, value=name)
        cell.font, cell.fill, cell.border, cell.alignment = _HEADER_FONT, _HEADER_FILL, _BORDER, _WRAP
        sheet.column_dimensions[get_column_letter(number)].width = widths[number - 1]
    for offset, values in enumerate(rows, start=1):
        for number in range(1, len(columns) + 1):
            value = values[number - 1] if number <= len(values) else None
            cell = sheet.cell(row=HEADER_ROW + offset, column=number, value=value or None)
            cell.border, cell.alignment = _BORDER, _WRAP
        sheet.row_dimensions[HEADER_ROW + offset].height = 45
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


QUESTION_COLUMNS = ["Section", "Prompt", "Answer type", "Guidance", "Answer"]


def _type_label(plan_field: m.PlanField) -> str:
    label = m.FIELD_TYPE_LABELS[plan_field.type]
    return f"{label}: {'; '.join(plan_field.options)}" if plan_field.options else label


ANSWER_COLUMN = QUESTION_COLUMNS.index("Answer") + 1
LISTS_SHEET = "Lists"


def _answer_checks(workbook: Workbook, questions: Worksheet, asked: list[m.PlanField], taken: set[str]) -> None:
    """Drop-down lists for choices and yes/no boxes, a date check for dates, in the Answer column.

    Options may contain commas, so each choice's options go in a column of a hidden `Lists` sheet.
    """
    lists: Worksheet | None = None
    for offset, plan_field in enumerate(asked, start=1):
        cell = questions.cell(row=HEADER_ROW + offset, column=ANSWER_COLUMN)
        if plan_field.type == "choice":
            if lists is None:
                lists = workbook.create_sheet(_sheet_title(LISTS_SHEET, taken))
                lists.sheet_state = "hidden"
            column = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
            for row, option in enumerate(plan_field.options, start=1):
                lists.cell(row=row, column=column, value=option)
            letter = get_column_letter(column)
            source = f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${len(plan_field.options)}"
            check = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        elif plan_field.type == "checkbox":
            check = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
        elif plan_field.type == "date":
            check = DataValidation(
                type="date", operator="between", formula1="DATE(1990,1,1)", formula2="DATE(2100,12,31)",
                allow_blank=True, error="Enter a date, for example 2026-03-14.", errorTitle="Date",
            )  # fmt: skip
            cell.number_format = "yyyy-mm-dd"
        else:
            continue
        check.showErrorMessage = True
        questions.add_data_validation(check)
        check.add(cell)


def xlsx_bytes(plan: m.ActionPlan) -> bytes:
    """A `Questions` sheet with every prompt, then one sheet per planning table."""
    workbook = Workbook()
    workbook.properties.title = plan.title
    workbook.properties.version = plan.version
    workbook.properties.subject = stamp(plan)
    workbook.properties.creator = ""
    workbook.properties.created = workbook.properties.modified = _moment(plan)
    taken: set[str] = set()
    questions: Worksheet = workbook.active
    questions.title = _sheet_title("Questions", taken)
    _sheet_top(questions, plan, "Who fills it in: " + " ".join(paragraphs(plan.filled_by)))
    rows = [
        [section.title, plan_field.label, _type_label(plan_field), " ".join(paragraphs(plan_field.guidance)), ""]
        for section in plan.sections
        for plan_field in section.fields
    ]
    _sheet_grid(questions, QUESTION_COLUMNS, rows, [24, 48, 24, 60, 48])
    for section, table in tables(plan):
        sheet = workbook.create_sheet(_sheet_title(section.title, taken))
        _sheet_top(sheet, plan, section.title)
        columns = header(table)
        labels = [[label] for label in table.row_labels] or [[] for _ in range(table.rows)]
        widths = [max(18, min(40, len(name) + 6)) for name in columns]
        if table.row_labels:
            widths[0] = max(24, min(44, max(len(label) for label in table.row_labels) + 4))
        _sheet_grid(sheet, columns, labels, widths)
    _answer_checks(workbook, questions, [f for section in plan.sections for f in section.fields], taken)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return _stable_zip(buffer.getvalue(), _moment(plan))


# CSV -----------------------------------------------------------------------------------------------


def csv_bytes(plan: m.ActionPlan) -> bytes:
    """One sheet-like CSV: the plan's identity, each section's prompts, then each table's header and rows.

    Marker rows (`Section`, `Prompt`, `Table`) let a spreadsheet user, or a script, find each part.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(
        [
            ["Action plan", plan.title],
            ["Version", plan.version],
            ["Updated", str(plan.updated)],
            ["Who fills it in", " ".join(paragraphs(plan.filled_by))],
        ]
    )
    for section in plan.sections:
        writer.writerow([])
        writer.writerow(["Section", section.title])
        if section.fields:
            writer.writerow(["Prompt", "Answer type", "Guidance", "Answer"])
            for plan_field in section.fields:
                guidance = " ".join(paragraphs(plan_field.guidance))
                writer.writerow([plan_field.label, _type_label(plan_field), guidance, ""])
        if section.table is not None:
            table = section.table
            writer.writerow(["Table", section.title])
            writer.writerow(header(table))
            blanks = [""] * len(table.columns)
            for name in row_names(table):
                writer.writerow(([name] if table.row_labels else []) + blanks)
    return out.getvalue().encode("utf-8-sig")


# All formats ---------------------------------------------------------------------------------------

WRITERS: dict[str, Callable[[m.ActionPlan], bytes]] = {"docx": docx_bytes, "xlsx": xlsx_bytes, "csv": csv_bytes}
"""The writer of each download suffix in `macros/content/plans.FORMATS`."""


def plan_outputs(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    """The producer: each action plan's DOCX, XLSX and CSV, from the same YAML as its page."""
    return [
        OutputFile(download.path, WRITERS[download.suffix](plan))
        for plan in catalog.action_plans.values()
        for download in downloads(plan)
    ]
