"""Action plans: one YAML source, and the page, DOCX, XLSX and CSV of a real strict build all say the same."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from macros.content import model as m
from macros.content.load import load_catalog
from macros.content.plans import downloads, header, prompts, row_names, tables
from macros.outputs.plan_files import HEADER_ROW, QUESTION_COLUMNS, WRITERS
from macros.site.relations import build_relations
from macros.site.render import filesize

from ..conftest import FIXTURES, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHIPPED = ("peer-integration-action-plan", "postvention-services-plan", "harm-reduction-self-care-plan")


def _catalogs() -> list[tuple[str, m.Catalog]]:
    return [
        ("shipped", load_catalog(ROOT / "sessions", ROOT / "docs")),
        ("fixture", load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")),
    ]


CASES = [(site, plan) for site, catalog in _catalogs() for plan in catalog.action_plans.values()]
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


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_docx_holds_the_prompts_guidance_and_real_tables(built: Path, plan: m.ActionPlan) -> None:
    document = Document(str(_folder(built, plan) / f"{plan.id}.docx"))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert [text for style, text in styled if style == "Prompt"] == prompts(plan)
    assert styled[0] == ("Title", plan.title)
    assert document.core_properties.title == plan.title
    assert document.core_properties.version == plan.version
    assert f"Version {plan.version} · updated {plan.updated}" in [text for _, text in styled]
    assert plan.version in document.sections[0].footer.paragraphs[0].text
    headings = [text for style, text in styled if style == "Heading 1"]
    assert [section.title for section in plan.sections] == [h for h in headings if h != "Purpose"]
    assert len(document.tables) == len(tables(plan))
    for grid, (_, table) in zip(document.tables, tables(plan), strict=True):
        assert [cell.text for cell in grid.rows[0].cells] == header(table)
        assert len(grid.rows) == 1 + table.row_count
        body = [[cell.text for cell in row.cells] for row in grid.rows[1:]]
        if table.row_labels:
            assert [row[0] for row in body] == list(table.row_labels)
            assert all(cell == "" for row in body for cell in row[1:])
        else:
            assert all(cell == "" for row in body for cell in row)
        assert grid.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_xlsx_answers_offer_the_choices_as_drop_downs_and_check_dates(built: Path, plan: m.ActionPlan) -> None:
    workbook = load_workbook(_folder(built, plan) / f"{plan.id}.xlsx")
    questions = workbook.worksheets[0]
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
def test_xlsx_has_a_question_sheet_and_one_styled_frozen_sheet_per_table(built: Path, plan: m.ActionPlan) -> None:
    workbook = load_workbook(_folder(built, plan) / f"{plan.id}.xlsx")
    assert workbook.properties.title == plan.title
    assert workbook.properties.version == plan.version
    sheets = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    assert len(sheets) == 1 + len(tables(plan))
    questions = sheets[0]
    assert [cell.value for cell in questions[HEADER_ROW]] == QUESTION_COLUMNS
    asked = [row[1] for row in questions.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert asked == prompts(plan)
    for sheet, (section, table) in zip(sheets[1:], tables(plan), strict=True):
        assert sheet["A1"].value == plan.title
        assert sheet["A2"].value == section.title
        assert sheet["A3"].value == f"Version {plan.version} · updated {plan.updated}"
        head = [cell.value for cell in sheet[HEADER_ROW]]
        assert [value or "" for value in head] == header(table)
        assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("3F51B5") for cell in sheet[HEADER_ROW])
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        for number in range(1, len(head) + 1):
            letter = sheet.cell(row=HEADER_ROW, column=number).column_letter
            assert sheet.column_dimensions[letter].width >= 18
        labels = [row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
        assert len(labels) == table.row_count
        if table.row_labels:
            assert labels == list(table.row_labels)


def _csv_parts(text: str) -> tuple[dict[str, str], list[str], list[list[str]]]:
    """The identity rows, every prompt, and every table header of a plan's CSV."""
    rows = list(csv.reader(io.StringIO(text)))
    identity = {row[0]: row[1] for row in rows[:4]}
    found_prompts: list[str] = []
    headers: list[list[str]] = []
    mode = ""
    for row in rows[4:]:
        if not row or row[0] == "Section":
            mode = ""
        elif row[0] == "Prompt":
            mode = "prompts"
        elif row[0] == "Table":
            mode = "header"
        elif mode == "prompts":
            found_prompts.append(row[0])
        elif mode == "header":
            headers.append(row)
            mode = "rows"
    return identity, found_prompts, headers


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_csv_parses_and_holds_the_same_prompts_and_columns(built: Path, plan: m.ActionPlan) -> None:
    data = (_folder(built, plan) / f"{plan.id}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "a BOM lets spreadsheet programs read UTF-8"
    identity, found_prompts, headers = _csv_parts(data.decode("utf-8-sig"))
    assert identity["Action plan"] == plan.title
    assert identity["Version"] == plan.version
    assert identity["Updated"] == str(plan.updated)
    assert found_prompts == prompts(plan)
    assert headers == [header(table) for _, table in tables(plan)]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    for _, table in tables(plan):
        if table.row_labels:
            assert [row[0] for row in rows if row and row[0] in table.row_labels] == list(table.row_labels)
        assert len(row_names(table)) == table.row_count


@pytest.mark.parametrize(("built", "plan"), CASES, ids=IDS, indirect=["built"])
def test_downloads_are_reproducible_and_listed_with_format_and_size(built: Path, plan: m.ActionPlan) -> None:
    """Built in another process at another time, the files are byte-for-byte what this process builds now."""
    page = (_folder(built, plan) / "index.html").read_text(encoding="utf-8")
    index = (built / "action-plans" / "index.html").read_text(encoding="utf-8")
    for file in downloads(plan):
        published = built / file.path
        assert published.read_bytes() == WRITERS[file.suffix](plan), file.path
        named = f'{file.format}<span class="hub-plan-sr"> of {html.escape(plan.title)}</span></a>'
        assert f'href="{file.name}" download>{named}' in page
        assert f"· {filesize(published.stat().st_size)}</span>" in page
        assert f'href="{plan.id}/{file.name}" download>{named}' in index


def test_fixture_text_stays_data_in_every_format(fixture_site: Path) -> None:
    folder = fixture_site / "action-plans" / "team-check-in"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Team check-in plan &lt;b&gt;draft&lt;/b&gt; {{ 7*7 }}</h1>" in page
    assert "Team name &lt;i&gt;&amp;&lt;/i&gt; {{ 7*7 }}</label>" in page
    assert "<script>alert" not in page
    document = Document(str(folder / "team-check-in.docx"))
    assert "Team name <i>&</i> {{ 7*7 }}" in [p.text for p in document.paragraphs]


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
