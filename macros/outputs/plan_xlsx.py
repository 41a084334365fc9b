"""An action plan as a workbook that reads and prints well.

The first sheet says what the plan is for, who fills it in, the content note and every privacy
instruction. Then a `Questions` sheet with each prompt beside its answer, and one sheet per planning
table. Every sheet prints one page wide with its header row repeated; row heights are estimated from
the text, since neither Excel nor LibreOffice re-fits wrapped rows when a file is opened. Every cell is
a string: a prompt that begins with `=` stays text. Answer cells carry workbook names
(`macros.content.plans.answer_name`) so the browser can fill them in; names and keys are the same in every language,
so answers typed on the Spanish page fill the Spanish workbook. Sheet names, headings and drop-downs are in the
workbook's language.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import zipfile

from openpyxl import Workbook  # type: ignore[import-untyped]  # openpyxl ships no type hints
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import absolute_coordinate, get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.workbook.defined_name import DefinedName  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from macros.content import model as m
from macros.content.plans import answer_name, cell_key, field_key, front_matter, header, stamp, tables
from macros.content.words import N_
from macros.outputs.office import (
    BODY_FONT,
    BORDER,
    WRAP,
    app_xml,
    header_cell,
    language_tag,
    moment,
    stable_zip,
    text_cell,
)
from macros.site.language import ENGLISH, Language
from macros.site.render import paragraphs

_ANSWER_FILL = PatternFill("solid", fgColor="FFFDE7")
HEADER_ROW = 5
"""Rows 1–3 name the plan, the sheet and the version; row 5 is the styled, frozen header."""
LINE_HEIGHT = 15.0
"""Points per wrapped line of 11 pt text, with a little room."""
ANSWER_LINES = {"long-text": 5, "table": 3}
"""Lines left empty to write an answer in: long answers and planning-table cells get more."""
QUESTION_COLUMNS = [N_("Section"), N_("Prompt"), N_("Answer type"), N_("Guidance"), N_("Answer")]
QUESTION_WIDTHS = [20, 38, 22, 38, 44]
ANSWER_COLUMN = QUESTION_COLUMNS.index("Answer") + 1
ABOUT_SHEET, QUESTIONS_SHEET, LISTS_SHEET = N_("About this plan"), N_("Questions"), N_("Lists")
READ_FIRST = N_("Read this first")
QUESTIONS_SUBTITLE = N_("Questions: write each answer in the Answer column")
PAGE_NUMBER = N_("Page &P of &N")
"""The footer's page count: &P and &N are the spreadsheet's codes for this page and the number of pages."""
YES, NO = N_("Yes"), N_("No")
"""A tick box's two answers in the Answer column (the page's script writes the same word)."""
_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")
_DANGLING = {"the", "a", "an", "and", "of", "to", "for", "in", "on", "at", "by", "with", "or"} | {
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "y", "e", "o", "u", "en", "con",
    "por", "para", "que", "su", "sus",
}  # fmt: skip
"""Words a sheet name may not end on, in English and Spanish: "Goals across the" or "Metas en los" hang."""


def sheet_title(title: str, taken: set[str]) -> str:
    """Excel's rules (at most 31 characters, none of []:*?/\\', unique) kept with whole words only,
    and never ending on a word such as "the" that leaves a phrase hanging."""
    words = _SHEET_NAME.sub(" ", title).split() or ["Table"]
    while len(" ".join(words)) > 31 or (len(words) > 1 and words[-1].lower() in _DANGLING):
        words = words[:-1]
    base = " ".join(words)[:31]
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" {number}"
        name, number = " ".join(base[: 31 - len(suffix)].split()) + suffix, number + 1
    taken.add(name.lower())
    return name


def lines_needed(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (whole words, as spreadsheets wrap)."""
    usable = max(4, int(width * 0.95) - 1)
    return sum(max(1, len(textwrap.wrap(line, usable, break_long_words=True))) for line in text.split("\n"))


def _fit_row(sheet: Worksheet, row: int, texts: list[str], widths: list[float], least: int = 1) -> None:
    """The row as tall as its longest wrapped cell, and never fewer than `least` lines."""
    lines = max([least] + [lines_needed(text, width) for text, width in zip(texts, widths, strict=False) if text])
    sheet.row_dimensions[row].height = math.ceil(lines * LINE_HEIGHT + 4)


def _header_text(text: str) -> str:
    """Header and footer text with `&` doubled, since a single `&` starts a code such as `&P` (page number)."""
    return text.replace("&", "&&")


def _page_setup(
    sheet: Worksheet, plan: m.ActionPlan, landscape: bool, title_rows: str | None, language: Language
) -> None:
    """Orientation, one page wide, margins, repeated header row, and the plan's title and version on every page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    sheet.print_options.gridLines = False
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddHeader.center.text = _header_text(plan.title)
    sheet.oddHeader.center.size = 9
    sheet.oddFooter.left.text = _header_text(stamp(plan, language))
    sheet.oddFooter.left.size = 9
    sheet.oddFooter.right.text = language.gettext(PAGE_NUMBER)
    sheet.oddFooter.right.size = 9


_TOP_ROWS = ((14, True), (11, True), (11, False))
"""Font size and weight of the plan's title, the sheet's subtitle and the version line above the grid."""


def _sheet_top(sheet: Worksheet, plan: m.ActionPlan, subtitle: str, widths: list[float], language: Language) -> None:
    """Title, subtitle and version, each merged across the sheet's columns and wrapped, so nothing prints cut off
    past the last column (Excel prints only the columns in use)."""
    span = sum(widths)
    top = (plan.title, subtitle, stamp(plan, language))
    for row, (text, (size, bold)) in enumerate(zip(top, _TOP_ROWS, strict=True), 1):
        cell = text_cell(sheet, row, 1, text)
        cell.font, cell.alignment = Font(name=BODY_FONT, bold=bold, size=size), WRAP  # type: ignore[attr-defined]
        if len(widths) > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        scale = size / 11 * (1.1 if bold else 1.0)
        sheet.row_dimensions[row].height = math.ceil(lines_needed(text, span / scale) * LINE_HEIGHT * size / 11 + 4)


def _about(sheet: Worksheet, plan: m.ActionPlan, language: Language) -> None:
    """Purpose, who fills it in, how to use it, the content note, privacy and authorship, before any prompt."""
    widths = [22.0, 90.0]
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = widths
    _sheet_top(sheet, plan, language.gettext(READ_FIRST), widths, language)
    for row, (label, text) in enumerate(front_matter(plan, language), start=HEADER_ROW):
        body = "\n".join(paragraphs(text))
        text_cell(sheet, row, 1, label).font = Font(name=BODY_FONT, bold=True)  # type: ignore[attr-defined]
        text_cell(sheet, row, 2, body)
        for column in (1, 2):
            sheet.cell(row=row, column=column).alignment = WRAP
        _fit_row(sheet, row, [label, body], widths)
    _page_setup(sheet, plan, landscape=False, title_rows=None, language=language)


def _grid(sheet: Worksheet, columns: list[str], rows: list[list[str]], widths: list[float]) -> None:
    """Header row styled, frozen and repeated in print; bordered wrapped cells; every column given a width."""
    for number, (name, width) in enumerate(zip(columns, widths, strict=True), start=1):
        header_cell(sheet, HEADER_ROW, number, name)
        sheet.column_dimensions[get_column_letter(number)].width = width
    _fit_row(sheet, HEADER_ROW, columns, widths)
    for offset, values in enumerate(rows, start=1):
        for number in range(1, len(columns) + 1):
            cell = text_cell(sheet, HEADER_ROW + offset, number, values[number - 1] if number <= len(values) else "")
            cell.border, cell.alignment = BORDER, WRAP  # type: ignore[attr-defined]
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _type_label(plan_field: m.PlanField, language: Language) -> str:
    label = language.gettext(m.FIELD_TYPE_LABELS[plan_field.type])
    return label + ":\n" + "\n".join(f"• {option}" for option in plan_field.options) if plan_field.options else label


def _name_answer(workbook: Workbook, sheet: Worksheet, row: int, column: int, key: str) -> None:
    """A workbook name on the answer cell, so the browser can fill it in by key; the cell tinted as an answer."""
    cell = sheet.cell(row=row, column=column)
    cell.fill = _ANSWER_FILL
    reference = f"{quote_sheetname(sheet.title)}!{absolute_coordinate(cell.coordinate)}"
    workbook.defined_names[answer_name(key)] = DefinedName(answer_name(key), attr_text=reference)


def _questions(workbook: Workbook, sheet: Worksheet, plan: m.ActionPlan, language: Language) -> list[m.PlanField]:
    """Every prompt beside its answer cell, rows tall enough for the prompt, its options and an answer."""
    asked = [(section, plan_field) for section in plan.sections for plan_field in section.fields]
    rows = [
        [
            section.title,
            plan_field.label,
            _type_label(plan_field, language),
            "\n".join(paragraphs(plan_field.guidance)),
            "",
        ]
        for section, plan_field in asked
    ]
    widths = [float(width) for width in QUESTION_WIDTHS]
    _sheet_top(sheet, plan, language.gettext(QUESTIONS_SUBTITLE), widths, language)
    _grid(sheet, question_columns(language), rows, widths)
    for offset, ((section, plan_field), values) in enumerate(zip(asked, rows, strict=True), start=1):
        _fit_row(sheet, HEADER_ROW + offset, values, widths, least=ANSWER_LINES.get(plan_field.type, 2))
        _name_answer(workbook, sheet, HEADER_ROW + offset, ANSWER_COLUMN, field_key(section, plan_field))
    _page_setup(sheet, plan, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", language=language)
    return [plan_field for _, plan_field in asked]


def question_columns(language: Language = ENGLISH) -> list[str]:
    """The Questions sheet's header row in the workbook's language."""
    return [language.gettext(column) for column in QUESTION_COLUMNS]


def _table_widths(table: m.PlanTable) -> list[float]:
    """Label column as wide as its longest label (within reason); answer columns roomy enough to write in."""
    names = header(table)
    widths = [float(max(16, min(30, max(len(word) for word in name.split()) + 10))) for name in names]
    if table.row_labels:
        widths[0] = float(max(18, min(34, max(len(label) for label in table.row_labels) + 2)))
    return widths


def _table_sheet(
    workbook: Workbook, sheet: Worksheet, plan: m.ActionPlan, section: m.PlanSection, language: Language
) -> None:
    table = section.table
    assert table is not None
    names = header(table)
    widths = _table_widths(table)
    _sheet_top(sheet, plan, section.title, widths, language)
    labels = [[label] for label in table.row_labels] or [[] for _ in range(table.rows)]
    _grid(sheet, names, labels, widths)
    first = 2 if table.row_labels else 1
    for row in range(1, table.row_count + 1):
        _fit_row(sheet, HEADER_ROW + row, labels[row - 1], widths, least=ANSWER_LINES["table"])
        if table.row_labels:
            sheet.cell(row=HEADER_ROW + row, column=1).font = Font(name=BODY_FONT, bold=True)
        for column in range(1, len(table.columns) + 1):
            _name_answer(workbook, sheet, HEADER_ROW + row, first + column - 1, cell_key(section, row, column))
    _page_setup(sheet, plan, landscape=len(names) > 3, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", language=language)


def _answer_checks(
    workbook: Workbook, questions: Worksheet, asked: list[m.PlanField], taken: set[str], language: Language
) -> None:
    """Drop-down lists for choices and yes/no boxes, a date check for dates, in the Answer column.

    Options may contain commas, so each choice's options go in a column of a hidden `Lists` sheet.
    """
    lists: Worksheet | None = None
    for offset, plan_field in enumerate(asked, start=1):
        cell = questions.cell(row=HEADER_ROW + offset, column=ANSWER_COLUMN)
        if plan_field.type == "choice":
            if lists is None:
                lists = workbook.create_sheet(sheet_title(language.gettext(LISTS_SHEET), taken))
                lists.sheet_state = "hidden"
            column = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
            for row, option in enumerate(plan_field.options, start=1):
                text_cell(lists, row, column, option)
            letter = get_column_letter(column)
            source = f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${len(plan_field.options)}"
            check = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        elif plan_field.type == "checkbox":
            answers = f'"{language.gettext(YES)},{language.gettext(NO)}"'
            check = DataValidation(type="list", formula1=answers, allow_blank=True)
        elif plan_field.type == "date":
            check = DataValidation(
                type="date", operator="between", formula1="DATE(1990,1,1)", formula2="DATE(2100,12,31)",
                allow_blank=True, error=language.gettext(N_("Enter a date, for example 2026-03-14.")),
                errorTitle=language.gettext(N_("Date")),
            )  # fmt: skip
            cell.number_format = "yyyy-mm-dd"
        else:
            continue
        check.showErrorMessage = True
        questions.add_data_validation(check)
        check.add(cell)


def xlsx_bytes(plan: m.ActionPlan, site: m.Site, language: Language = ENGLISH) -> bytes:
    """`About this plan`, `Questions`, then one sheet per planning table (and a hidden `Lists` for drop-downs)."""
    say = language.gettext
    workbook = Workbook()
    workbook.properties.title = plan.title
    workbook.properties.version = plan.version
    workbook.properties.subject = stamp(plan, language)
    workbook.properties.language = language_tag(language.code)
    workbook.properties.creator = workbook.properties.lastModifiedBy = site.organization
    workbook.properties.created = workbook.properties.modified = moment(plan)
    taken: set[str] = set()
    about: Worksheet = workbook.active
    about.title = sheet_title(say(ABOUT_SHEET), taken)
    _about(about, plan, language)
    questions = workbook.create_sheet(sheet_title(say(QUESTIONS_SHEET), taken))
    asked = _questions(workbook, questions, plan, language)
    for section, _ in tables(plan):
        _table_sheet(workbook, workbook.create_sheet(sheet_title(section.title, taken)), plan, section, language)
    _answer_checks(workbook, questions, asked, taken, language)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return stable_zip(buffer.getvalue(), moment(plan), {"docProps/app.xml": app_xml()})
