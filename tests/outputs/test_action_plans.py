"""Action plans: one YAML source, and the page, DOCX, XLSX and CSV of a real strict build all say the same."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import html
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pandas
import pytest
from docx import Document
from docx.shared import Inches
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from macros.content import model as m
from macros.content.load import load_catalog
from macros.content.plans import (
    answer_name,
    authorship,
    cell_key,
    downloads,
    field_key,
    front_matter,
    header,
    prompts,
    stamp,
    tables,
)
from macros.outputs.office import neutralized
from macros.outputs.plan_docx import CHAR_WIDTH
from macros.outputs.plan_files import CSV_COLUMNS, WRITERS
from macros.outputs.plan_xlsx import HEADER_ROW, QUESTION_COLUMNS, lines_needed
from macros.site.language import ENGLISH
from macros.site.relations import build_relations
from macros.site.render import paragraphs

from ..conftest import FIXTURES, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
SHIPPED = ("peer-integration-action-plan", "postvention-services-plan", "harm-reduction-self-care-plan")


def _catalogs() -> list[tuple[str, m.Catalog]]:
    return [
        ("shipped", load_catalog(ROOT / "sessions", ROOT / "docs")),
        ("fixture", load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")),
    ]


CATALOGS = dict(_catalogs())
CASES = [(site, plan) for site, catalog in CATALOGS.items() for plan in catalog.action_plans.values()]
SITES = {plan.id: CATALOGS[site].site for site, plan in CASES}
IDS = [f"{site}:{plan.id}" for site, plan in CASES]


@pytest.fixture
def built(request: pytest.FixtureRequest) -> Path:
    site: str = request.param
    return request.getfixturevalue(f"{site}_site")  # type: ignore[no-any-return]


def _folder(site: Path, plan: m.ActionPlan) -> Path:
    return site / "action-plans" / plan.id


def _html_prompts(page: str) -> list[str]:
    """The prompts as the page shows them: every label or legend marked as a prompt."""
    found = re.findall(r'class="hub-plan-prompt"[^>]*>(.*?)</(?:label|legend)>', page, flags=re.S)
    return [html.unescape(text.strip()) for text in found]


def _html_headers(page: str) -> list[list[str]]:
    heads = re.findall(r'<table class="hub-plan-table">.*?<thead><tr>(.*?)</tr></thead>', page, flags=re.S)
    return [[html.unescape(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", row)] for row in heads]


def test_there_are_the_four_shipped_plans_and_each_has_a_page_and_three_files(shipped_site: Path) -> None:
    catalog = load_catalog(ROOT / "sessions", ROOT / "docs")
    assert set(SHIPPED) | {"secondary-traumatic-stress-plan"} <= set(catalog.action_plans)
    for plan in catalog.action_plans.values():
        folder = _folder(shipped_site, plan)
        assert (folder / "index.html").is_file()
        assert sorted(path.suffix for path in folder.iterdir() if path.name != "index.html") == [
            ".csv",
            ".docx",
            ".xlsx",
        ]


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_page_form_lists_exactly_the_prompts_and_columns(built: Path, plan: m.ActionPlan) -> None:
    page = (_folder(built, plan) / "index.html").read_text(encoding="utf-8")
    assert _html_prompts(page) == prompts(plan)
    assert _html_headers(page) == [header(table) for _, table in tables(plan)]
    assert f"Version {html.escape(plan.version)} · updated {plan.updated}" in page
    for section in plan.sections:
        for plan_field in section.fields:
            if plan_field.type != "choice":
                assert f'for="f-{section.id}-{plan_field.id}"' in page
        if section.table:
            cells = section.table.row_count * len(section.table.columns)
            assert len(re.findall(rf'name="{section.id}\.r\d+\.c\d+"', page)) == cells


def _controls(document: object) -> dict[str, object]:
    """Every content control of a DOCX body, by its tag; a tag seen twice fails."""
    found: dict[str, object] = {}
    for sdt in document.element.body.iter(f"{W}sdt"):  # type: ignore[attr-defined]
        tag = sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val")
        assert tag not in found, f"two controls tagged {tag}"
        found[tag] = sdt
    return found


def _answer_keys(plan: m.ActionPlan) -> list[str]:
    """Every answer's key: each prompt, then each planning-table cell."""
    keys = []
    for section in plan.sections:
        keys += [field_key(section, plan_field) for plan_field in section.fields]
        if section.table is not None:
            keys += [
                cell_key(section, row, column)
                for row in range(1, section.table.row_count + 1)
                for column in range(1, len(section.table.columns) + 1)
            ]
    return keys


CONTROL_KIND = {
    "date": f"{W}date",
    "choice": f"{W}dropDownList",
    "checkbox": f"{W14}checkbox",
    "short-text": f"{W}text",
}


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_docx_is_a_form_with_one_tagged_content_control_per_answer(built: Path, plan: m.ActionPlan) -> None:
    document = Document(str(_folder(built, plan) / f"{plan.id}.docx"))
    controls = _controls(document)
    assert list(controls) == _answer_keys(plan)
    for section in plan.sections:
        for plan_field in section.fields:
            properties = controls[field_key(section, plan_field)].find(f"{W}sdtPr")  # type: ignore[attr-defined]
            kind = CONTROL_KIND.get(plan_field.type, f"{W}text" if plan_field.type == "person" else None)
            if kind is None:  # long text: a rich-text control, which names no kind
                assert not [child for child in properties if child.tag in CONTROL_KIND.values()]
            else:
                assert properties.find(kind) is not None, (plan_field.id, kind)
            if plan_field.type == "choice":
                items = properties.find(f"{W}dropDownList").findall(f"{W}listItem")
                assert [item.get(f"{W}value") for item in items] == list(plan_field.options)


def _is_prompt(cell: object) -> bool:
    """A cell that opens with a prompt (not a table header, a row label or an answer control)."""
    first = cell.paragraphs[:1]  # type: ignore[attr-defined]
    return bool(first) and first[0].style is not None and first[0].style.name == "Prompt"


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_docx_prompts_sit_in_rows_that_cannot_split_and_tables_have_fixed_widths(
    built: Path, plan: m.ActionPlan
) -> None:
    document = Document(str(_folder(built, plan) / f"{plan.id}.docx"))
    prompt_rows = [row for grid in document.tables for row in grid.rows if _is_prompt(row.cells[0])]
    assert [row.cells[0].paragraphs[0].text for row in prompt_rows] == prompts(plan)
    for grid in document.tables:
        layouts = grid._tbl.tblPr.findall(f"{W}tblLayout")
        assert [layout.get(f"{W}type") for layout in layouts] == ["fixed"]
        for row in grid.rows:
            assert row._tr.trPr.find(f"{W}cantSplit") is not None
    asked = [plan_field for section in plan.sections for plan_field in section.fields]
    for row, plan_field in zip(prompt_rows, asked, strict=True):
        assert row.height >= (Inches(1.5) if plan_field.type == "long-text" else Inches(0.4))
        answer = " ".join(paragraph.text for paragraph in row.cells[1].paragraphs)
        for option in plan_field.options:
            assert f"• {option}" in answer
    planning = [grid for grid in document.tables if not _is_prompt(grid.rows[0].cells[0])]
    assert len(planning) == len(tables(plan))
    for grid, (_, table) in zip(planning, tables(plan), strict=True):
        assert [cell.text for cell in grid.rows[0].cells] == header(table)
        assert grid.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
        if table.row_labels:
            assert [row.cells[0].text for row in grid.rows[1:]] == list(table.row_labels)
        texts = [[name] for name in header(table)]
        texts[0] += list(table.row_labels)
        for column, words in zip(grid.columns, texts, strict=True):
            longest = max(len(word) for text in words for word in text.split())
            assert column.width >= longest * CHAR_WIDTH, f"{words[0]!r} is narrower than its longest word"


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_docx_properties_name_the_plan_and_nothing_of_the_library(built: Path, plan: m.ActionPlan) -> None:
    path = _folder(built, plan) / f"{plan.id}.docx"
    document = Document(str(path))
    organization = SITES[plan.id].organization
    properties = document.core_properties
    assert (properties.title, properties.subject) == (plan.title, stamp(plan))
    assert properties.author == properties.last_modified_by == organization
    assert (
        properties.created
        == properties.modified
        == datetime.datetime(plan.updated.year, plan.updated.month or 1, plan.updated.day or 1, tzinfo=datetime.UTC)
    )
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(name) for name in names if name.startswith(("docProps/", "_rels/")))
    assert not [name for name in names if "thumbnail" in name]
    for leftover in (b"python-docx", b"Macintosh", b"thumbnail"):
        assert leftover not in everything, leftover
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", plan.title)
    body = [text for _, text in styled]
    assert stamp(plan) in body
    assert authorship(plan) in body
    assert plan.version in document.sections[0].footer.paragraphs[0].text


def _visible_sheets(workbook: object) -> list[object]:
    return [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_xlsx_answers_offer_the_choices_as_drop_downs_and_check_dates(built: Path, plan: m.ActionPlan) -> None:
    workbook = load_workbook(_folder(built, plan) / f"{plan.id}.xlsx")
    questions = workbook["Questions"]
    checks = {str(check.sqref): check for check in questions.data_validations.dataValidation}
    asked = [plan_field for section in plan.sections for plan_field in section.fields]
    for offset, plan_field in enumerate(asked, start=1):
        cell = f"E{HEADER_ROW + offset}"
        if plan_field.type == "choice":
            sheet, cells = checks[cell].formula1.removeprefix("=").split("!")
            lists = workbook[sheet.strip("'")]
            assert lists.sheet_state == "hidden"
            assert [c.value for row in lists[cells.replace("$", "")] for c in row] == list(plan_field.options)
        elif plan_field.type == "checkbox":
            assert checks[cell].formula1 == '"Yes,No"'
        elif plan_field.type == "date":
            assert checks[cell].type == "date"
        else:
            assert cell not in checks


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_xlsx_says_what_the_plan_is_for_before_any_prompt(built: Path, plan: m.ActionPlan) -> None:
    workbook = load_workbook(_folder(built, plan) / f"{plan.id}.xlsx")
    first = workbook.worksheets[0]
    assert workbook.active.title == first.title == "About this plan"
    rows = [row for row in first.iter_rows(min_row=HEADER_ROW, values_only=True) if row[0]]
    assert [(label, text) for label, text in rows] == [
        (label, "\n".join(paragraphs(text))) for label, text in front_matter(plan)
    ]
    labels = [label for label, _ in rows]
    assert labels[:2] == ["Purpose", "Who fills it in"]
    assert "About this template" in labels
    if plan.privacy:
        assert "Privacy" in labels
    if plan.content_note:
        assert "Content note" in labels


def _span_width(sheet: Any, cell: Any) -> float:
    """The width, in characters, of the cell or of the merged range it starts."""
    columns = [cell.column]
    for merged in sheet.merged_cells.ranges:
        if (merged.min_row, merged.min_col) == (cell.row, cell.column):
            columns = list(range(merged.min_col, merged.max_col + 1))
    return sum(sheet.column_dimensions[get_column_letter(number)].width or 8.43 for number in columns)


def _scale(cell: Any) -> float:
    """How much wider than 11 pt text the cell's characters print."""
    return float(cell.font.size or 11) / 11


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_xlsx_sheets_print_one_page_wide_with_header_rows_and_fitted_heights(built: Path, plan: m.ActionPlan) -> None:
    workbook = load_workbook(_folder(built, plan) / f"{plan.id}.xlsx")
    assert workbook.properties.title == plan.title
    assert workbook.properties.version == plan.version
    sheets = _visible_sheets(workbook)
    assert [sheet.title for sheet in sheets[:2]] == ["About this plan", "Questions"]  # type: ignore[attr-defined]
    assert len(sheets) == 2 + len(tables(plan))
    for sheet in sheets:
        setup = sheet.page_setup  # type: ignore[attr-defined]
        assert sheet.sheet_properties.pageSetUpPr.fitToPage  # type: ignore[attr-defined]
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert setup.orientation in ("portrait", "landscape")
        assert sheet.page_margins.left == 0.5  # type: ignore[attr-defined]
        assert sheet.oddHeader.center.text == plan.title.replace("&", "&&")  # type: ignore[attr-defined]
        assert plan.version in sheet.oddFooter.left.text  # type: ignore[attr-defined]
        assert len(sheet.title) <= 31  # type: ignore[attr-defined]
        for row in sheet.iter_rows():  # type: ignore[attr-defined]
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                width = _span_width(sheet, cell)
                where = (sheet.title, cell.coordinate)  # type: ignore[attr-defined]
                if not cell.alignment.wrap_text:  # text past its columns prints cut off (Excel prints used columns)
                    bold = 1.1 if cell.font.bold else 1.0
                    assert max(len(line) for line in cell.value.split("\n")) * _scale(cell) * bold <= width, where
                    continue
                height = sheet.row_dimensions[cell.row].height  # type: ignore[attr-defined]
                assert height >= lines_needed(cell.value, width / _scale(cell)) * 14 * _scale(cell), where
    questions = sheets[1]
    assert questions.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"  # type: ignore[attr-defined]
    assert [cell.value for cell in questions[HEADER_ROW]] == QUESTION_COLUMNS  # type: ignore[index]
    asked = [row[1] for row in questions.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]  # type: ignore[attr-defined]
    assert asked == prompts(plan)
    for sheet, (section, table) in zip(sheets[2:], tables(plan), strict=True):
        assert sheet["A1"].value == plan.title  # type: ignore[index]
        assert sheet["A2"].value == section.title  # type: ignore[index]
        assert sheet["A3"].value == stamp(plan)  # type: ignore[index]
        assert section.title.startswith(sheet.title)  # type: ignore[attr-defined]
        assert section.title[len(sheet.title) :][:1] in ("", " "), "sheet names end on a whole word"  # type: ignore[attr-defined]
        head = [cell.value for cell in sheet[HEADER_ROW]]  # type: ignore[index]
        assert [value or "" for value in head] == header(table)
        assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("3F51B5") for cell in sheet[HEADER_ROW])  # type: ignore[index]
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"  # type: ignore[attr-defined]
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"  # type: ignore[attr-defined]
        labels = [row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]  # type: ignore[attr-defined]
        assert len(labels) == table.row_count
        if table.row_labels:
            assert labels == list(table.row_labels)


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_xlsx_names_every_answer_cell_and_holds_no_formula(built: Path, plan: m.ActionPlan) -> None:
    workbook = load_workbook(_folder(built, plan) / f"{plan.id}.xlsx")
    names = {name: value.attr_text for name, value in workbook.defined_names.items()}
    for key in _answer_keys(plan):
        sheet, cell = names[answer_name(key)].split("!")
        assert workbook[sheet.strip("'")][cell.replace("$", "")].value is None
    formulas = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def _csv_table(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_csv_is_one_rectangular_table_with_a_row_per_prompt_and_cell(built: Path, plan: m.ActionPlan) -> None:
    path = _folder(built, plan) / f"{plan.id}.csv"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM lets spreadsheet programs read UTF-8"
    rows = _csv_table(data)
    assert rows[0] == CSV_COLUMNS
    assert {len(row) for row in rows} == {len(CSV_COLUMNS)}
    body = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert {row["Plan"] for row in body} == {plan.title}
    assert {row["Template"] for row in body} == {stamp(plan)}
    answered = [row["Prompt id"] for row in body if row["Answer type"] != "Read first"]
    assert answered == _answer_keys(plan)
    assert [row["Prompt"] for row in body if row["Answer type"] not in ("Read first", "Table cell")] == [
        neutralized(text) for text in prompts(plan)
    ]
    sniffed = csv.Sniffer().sniff(data.decode("utf-8-sig")[:4096])
    assert sniffed.delimiter == ","
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame.columns) == CSV_COLUMNS
    assert len(frame) == len(body)
    assert set(frame["Template"]) == {stamp(plan)}


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_downloads_are_reproducible_and_listed_with_format_and_size(built: Path, plan: m.ActionPlan) -> None:
    """Built in another process at another time, the files are byte-for-byte what this process builds now."""
    page = (_folder(built, plan) / "index.html").read_text(encoding="utf-8")
    index = (built / "action-plans" / "index.html").read_text(encoding="utf-8")
    for file in downloads(plan):
        published = built / file.path
        assert published.read_bytes() == WRITERS[file.suffix](plan, SITES[plan.id]), file.path
        named = f'{file.format}<span class="hub-sr"> of {html.escape(plan.title)}</span></a>'
        assert f'href="{file.name}" download data-plan-file="{file.suffix}">{named}' in page
        assert html.escape(file.description) in page
        assert f"· {ENGLISH.size(published.stat().st_size)}</span>" in page
        assert f'href="{plan.id}/{file.name}" download data-plan-file="{file.suffix}">{named}' in index


def test_fixture_text_stays_data_in_every_format(fixture_site: Path) -> None:
    folder = fixture_site / "action-plans" / "team-check-in"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Team check-in plan &lt;b&gt;draft&lt;/b&gt; {{ 7*7 }}</h1>" in page
    assert "Team name &lt;i&gt;&amp;&lt;/i&gt; {{ 7*7 }}</label>" in page
    assert "<script>alert" not in page
    document = Document(str(folder / "team-check-in.docx"))
    cells = [p.text for grid in document.tables for row in grid.rows for cell in row.cells for p in cell.paragraphs]
    assert "Team name <i>&</i> {{ 7*7 }}" in cells
    assert "• =1+1 (a formula)" in cells
    body = [p.text for p in document.paragraphs]
    assert '=HYPERLINK("https://example.org") and <b>a test source</b>' in " ".join(body)
    assert "@SUM(A1) Do not write names. Keep it general." in body  # the tab is white space between words


GOLDEN_CELLS = {
    "=1+1 (a formula)": "'=1+1 (a formula)",
    "-2 or lower": "'-2 or lower",
    "+ Measure of success": "'+ Measure of success",
    "@SUM(A1) Do not write names. Keep it general.": "'@SUM(A1) Do not write names. Keep it general.",
    "\tstarts with a tab": "'\tstarts with a tab",
    "\rstarts with a carriage return": "'\rstarts with a carriage return",
    "Team name <i>&</i> {{ 7*7 }}": "Team name <i>&</i> {{ 7*7 }}",
    "1.0": "1.0",
}


@pytest.mark.parametrize(("text", "expected"), GOLDEN_CELLS.items())
def test_csv_cells_a_spreadsheet_would_run_are_neutralized(text: str, expected: str) -> None:
    assert neutralized(text) == expected


def test_formulas_markup_and_control_characters_stay_text_in_xlsx_and_csv(fixture_site: Path, tmp_path: Path) -> None:
    """Golden case: the fixture plan's options, columns and privacy note begin with = - + @ and hold a tab and
    markup; a copy of it adds prompts that begin with a tab and a carriage return."""
    catalog = CATALOGS["fixture"]
    plan = catalog.action_plans["team-check-in"]
    first = plan.sections[0]
    extra = (
        m.PlanField(id="tabbed", label="\tstarts with a tab", type="short-text"),
        m.PlanField(id="returned", label="\rstarts with a carriage return", type="long-text"),
    )
    plan = dataclasses.replace(
        plan, sections=(dataclasses.replace(first, fields=first.fields + extra), *plan.sections[1:])
    )
    (tmp_path / "plan.xlsx").write_bytes(WRITERS["xlsx"](plan, catalog.site))
    workbook = load_workbook(tmp_path / "plan.xlsx")
    values = {
        cell.value: cell.data_type
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    }
    for text in ("=1+1 (a formula)", "-2 or lower", "+ Measure of success", "\tstarts with a tab"):
        assert values[text] == "s", text
    assert values["@SUM(A1) Do not write names. Keep it general."] == "s"
    assert all(kind != "f" for kind in values.values())
    rows = _csv_table(WRITERS["csv"](plan, catalog.site))
    assert {len(row) for row in rows} == {len(CSV_COLUMNS)}
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for text, expected in GOLDEN_CELLS.items():
        if text != "1.0":  # each is a whole cell (neutralized), or inside one (an option after others)
            assert any(expected in cell or (text in cell and not cell.startswith(text)) for cell in cells), expected


def test_series_services_and_topics_link_to_their_plans(shipped_site: Path) -> None:
    catalog = load_catalog(ROOT / "sessions", ROOT / "docs")
    relations = build_relations(catalog)
    assert [plan.id for plan in relations.plans_by_series["integrating-peer-support-2017"]] == [SHIPPED[0]]
    assert [plan.id for plan in relations.plans_by_service["postvention"]] == [SHIPPED[1]]
    assert [plan.id for plan in relations.topic_items("action_plan", "secondary-traumatic-stress")] == [
        "secondary-traumatic-stress-plan"
    ]
    for page, plan_id in (
        ("networks/integrating-peer-support-2017", SHIPPED[0]),
        ("services/postvention", SHIPPED[1]),
        ("services/harm-reduction-peer-support", SHIPPED[2]),
    ):
        text = (shipped_site / page / "index.html").read_text(encoding="utf-8")
        assert f'href="../../action-plans/{plan_id}/"' in text, page
    nav = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert 'href="action-plans/"' in nav


def test_postvention_plan_asks_nothing_that_identifies_the_person_who_died() -> None:
    plan = load_catalog(ROOT / "sessions", ROOT / "docs").action_plans["postvention-services-plan"]
    asked = " ".join(prompts(plan) + [column for _, table in tables(plan) for column in table.columns]).lower()
    for word in ("name", "age", "died", "deceased", "method", "cause", "where it happened", "address"):
        assert not re.search(rf"\b{word}\b", asked), word
    assert "no identifying details" in " ".join(section.guidance or "" for section in plan.sections).lower()
