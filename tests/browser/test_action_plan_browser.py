"""Filling in an action plan in Debian's Chromium: answers stay in the browser, survive a reload, travel as a file."""

from __future__ import annotations

import datetime
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, Request

from macros.content.plans import answer_name

from ..office import pdf_pages, to_pdf

pytestmark = pytest.mark.browser

PLAN = "action-plans/team-check-in/"
KEY = "hub-action-plan:team-check-in"


@pytest.fixture
def requests(page: Page) -> Iterator[list[str]]:
    """Every address the page asks for; the test fails if one leaves 127.0.0.1."""
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    page.on("request", record)
    yield seen
    outside = [url for url in seen if urlsplit(url.removeprefix("blob:")).hostname != "127.0.0.1"]
    assert outside == []


def _fill(page: Page) -> None:
    page.get_by_label("Team name").fill("Night shift <b>")
    page.get_by_label("What happened this month").fill("Two new peers joined.\nOne left.")
    page.get_by_label("Date we met").fill("2024-05-02")
    page.get_by_label("Who leads").fill("Shift supervisor")
    page.get_by_label("Stretched").check()
    page.get_by_label("Everyone agreed to this plan").check()
    page.get_by_label("Goal, Workload").fill("Fewer double shifts")
    page.get_by_label("By when, Row 2").fill("June")


def _assert_filled(page: Page) -> None:
    assert page.get_by_label("Team name").input_value() == "Night shift <b>"
    assert page.get_by_label("What happened this month").input_value() == "Two new peers joined.\nOne left."
    assert page.get_by_label("Date we met").input_value() == "2024-05-02"
    assert page.get_by_label("Who leads").input_value() == "Shift supervisor"
    assert page.get_by_label("Stretched").is_checked()
    assert not page.get_by_label("Steady").is_checked()
    assert page.get_by_label("Everyone agreed to this plan").is_checked()
    assert page.get_by_label("Goal, Workload").input_value() == "Fewer double shifts"
    assert page.get_by_label("By when, Row 2").input_value() == "June"


def _assert_empty(page: Page) -> None:
    assert page.get_by_label("Team name").input_value() == ""
    assert not page.get_by_label("Stretched").is_checked()
    assert not page.get_by_label("Everyone agreed to this plan").is_checked()
    assert page.get_by_label("Goal, Workload").input_value() == ""


def test_answers_are_saved_as_typed_and_back_after_reload(page: Page, fixture_url: str, requests: list[str]) -> None:
    page.goto(fixture_url + PLAN)
    assert page.locator("[data-plan-tools]").is_visible()
    _fill(page)
    stored = json.loads(page.evaluate(f"localStorage.getItem({KEY!r})"))
    assert stored["format"] == "hub-action-plan-answers"
    assert stored["answers"]["about.team"] == "Night shift <b>"
    page.reload()
    _assert_filled(page)
    assert "saved answers are back" in page.locator("[data-plan-status]").inner_text()
    assert any(url.endswith(PLAN) for url in requests)


def test_export_erase_import_brings_the_answers_back(
    page: Page, fixture_url: str, requests: list[str], tmp_path: Path
) -> None:
    page.goto(fixture_url + PLAN)
    _fill(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my answers").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "team-check-in-answers.json"
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["plan"] == "team-check-in"
    assert exported["version"] == "2.1"
    assert exported["answers"]["goals.r2.c1"] == "Fewer double shifts"

    dialogs: list[str] = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Erase my answers").click()
    assert len(dialogs) == 1
    assert "cannot be undone" in dialogs[0]
    _assert_filled(page)  # dismissing the confirmation keeps everything

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my answers").click()
    _assert_empty(page)
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    page.reload()
    _assert_empty(page)

    page.set_input_files("#plan-import", saved)
    page.wait_for_function("document.querySelector('[data-plan-status]').textContent.startsWith('Imported')")
    _assert_filled(page)
    page.reload()
    _assert_filled(page)


@pytest.mark.parametrize(
    "case",
    [
        ("broken.json", b'{"format": "hub-action-plan-answers", "answ', "could not be read"),
        ("other.json", b'{"hello": "world"}', "not a set of answers"),
        ("notes.txt", b"\x00\xff not json at all", "could not be read"),
        (
            "another-plan.json",
            b'{"format": "hub-action-plan-answers", "plan": "someone-else", "answers": {"about.team": "X"}}',
            "another plan",
        ),
        ("empty.json", b'{"format": "hub-action-plan-answers", "plan": "team-check-in", "answers": [1]}', "no answers"),
    ],
)
def test_a_file_that_is_not_ours_is_refused_and_changes_nothing(
    page: Page, fixture_url: str, requests: list[str], case: tuple[str, bytes, str]
) -> None:
    name, content, message = case
    page.goto(fixture_url + PLAN)
    _fill(page)
    before = page.evaluate(f"localStorage.getItem({KEY!r})")
    page.set_input_files("#plan-import", files=[{"name": name, "mimeType": "application/json", "buffer": content}])
    status = page.locator("[data-plan-status]")
    page.wait_for_function("document.querySelector('[data-plan-status]').textContent.includes('unchanged')")
    assert message in status.inner_text()
    assert "hub-status--error" in (status.get_attribute("class") or "")
    _assert_filled(page)
    assert json.loads(page.evaluate(f"localStorage.getItem({KEY!r})"))["answers"] == json.loads(before)["answers"]


def test_print_shows_the_plan_without_navigation_or_buttons(page: Page, fixture_url: str, requests: list[str]) -> None:
    page.goto(fixture_url + PLAN)
    _fill(page)
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-plan-tools]", ".hub-plan-downloads"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("button:visible").count() == 0
    assert page.get_by_label("Team name").is_visible()
    assert page.locator("h1").is_visible()
    row_break = page.evaluate("getComputedStyle(document.querySelector('.hub-plan-table tbody tr')).breakInside")
    assert row_break == "avoid"
    head = page.evaluate("getComputedStyle(document.querySelector('.hub-plan-table thead')).display")
    assert head == "table-header-group"


def test_without_javascript_the_page_is_a_blank_printable_template(chromium: Browser, fixture_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(fixture_url + PLAN)
        assert not page.locator("[data-plan-tools]").is_visible()
        assert page.get_by_label("Team name").is_visible()
        assert page.locator(".hub-plan-table").count() == 2
    finally:
        context.close()


def test_the_script_does_nothing_on_pages_without_a_plan(page: Page, fixture_url: str, requests: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(fixture_url)
    page.goto(fixture_url + "action-plans/")
    assert errors == []
    assert page.evaluate("localStorage.length") == 0


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILLED = {
    "about.team": "Night shift <b>",
    "about.notes": "Two new peers joined.\nOne left.",
    "about.lead": "Shift supervisor",
    "about.mood": "Stretched",
    "goals.r2.c1": "Fewer double shifts",
    "actions.r2.c2": "June",
}


def _download(page: Page, action: str, folder: Path) -> Path:
    with page.expect_download() as download:
        page.locator(f'[data-plan-action="{action}"]').click()
    saved = folder / f"answers-{action}.{action}"
    download.value.save_as(saved)
    return saved


def _docx_answers(path: Path) -> dict[str, str]:
    """Each content control's text by its tag, lines joined with newlines (Word's line breaks)."""
    body = Document(str(path)).element.body
    found = {}
    for sdt in body.iter(f"{W}sdt"):
        tag = sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val")
        parts = [("\n" if node.tag == f"{W}br" else node.text or "") for node in sdt.iter(f"{W}t", f"{W}br")]
        found[tag] = "".join(parts)
    return found


def _workbook_answers(path: Path) -> dict[str, object]:
    workbook = load_workbook(path)
    cells = {}
    for name, value in workbook.defined_names.items():
        sheet, cell = value.attr_text.split("!")
        cells[name] = workbook[sheet.strip("'")][cell.replace("$", "")].value
    return cells


@pytest.mark.office
def test_word_and_excel_downloads_hold_the_answers_and_open_in_libreoffice(
    page: Page, fixture_url: str, requests: list[str], tmp_path: Path
) -> None:
    """Answers typed on the English page fill the English files, and the Spanish page's files too: the keys and
    cell names are the same in both languages, a choice is written as each page words it, a tick as its "yes"."""
    page.goto(fixture_url + PLAN)
    assert not [url for url in requests if "fflate" in url], "the zip library loads only when it is needed"
    _fill(page)
    docx = _download(page, "docx", tmp_path)
    xlsx = _download(page, "xlsx", tmp_path)
    assert "made on this device" in page.locator("[data-plan-status]").inner_text()
    assert any(url.endswith("javascripts/vendor/fflate.min.js") for url in requests)

    controls = _docx_answers(docx)
    for key, value in FILLED.items():
        assert controls[key] == value, key
    assert controls["about.met"] == "2024-05-02"
    assert controls["about.agreed"] == "☒"
    assert controls["about.notes"] == "Two new peers joined.\nOne left."
    assert controls["goals.r1.c1"] == ""

    cells = _workbook_answers(xlsx)
    for key, value in FILLED.items():
        assert cells[answer_name(key)] == value, key
    assert cells[answer_name("about.met")] == datetime.datetime(2024, 5, 2)
    assert cells[answer_name("about.agreed")] == "Yes"
    assert cells[answer_name("goals.r1.c1")] is None

    page.goto(fixture_url + "es/" + PLAN)
    assert page.get_by_label("Exigido").is_checked(), "the English answer shows on the Spanish page"
    assert page.get_by_label("Nombre del equipo").input_value() == "Night shift <b>"
    (tmp_path / "es").mkdir()
    docx_es = _download(page, "docx", tmp_path / "es")
    xlsx_es = _download(page, "xlsx", tmp_path / "es")
    assert "hecho en este dispositivo" in page.locator("[data-plan-status]").inner_text()
    spanish = _docx_answers(docx_es)
    assert spanish["about.mood"] == "Exigido", "a choice in the Spanish file is its Spanish words"
    assert spanish["about.team"] == "Night shift <b>"
    assert spanish["about.agreed"] == "☒"
    with zipfile.ZipFile(docx_es) as archive:
        assert '<w:lang w:val="es-US"' in archive.read("word/styles.xml").decode()
    cells = _workbook_answers(xlsx_es)
    assert cells[answer_name("about.mood")] == "Exigido"
    assert cells[answer_name("about.agreed")] == "Sí", "the drop-down's Spanish yes"
    assert cells[answer_name("goals.r2.c1")] == "Fewer double shifts"
    assert load_workbook(xlsx_es).sheetnames[:2] == ["Sobre este plan", "Preguntas"]

    files = [
        docx,
        xlsx,
        docx_es.rename(tmp_path / "answers-es-docx.docx"),
        xlsx_es.rename(tmp_path / "answers-es-xlsx.xlsx"),
    ]
    pdfs = to_pdf(files, tmp_path)
    for file, pdf in pdfs.items():
        text = " ".join(" ".join(pdf_pages(pdf)).split())
        chosen = "Exigido" if "-es-" in file.name else "Stretched"
        for value in ("Night shift <b>", "Fewer double shifts", "Shift supervisor", chosen):
            assert value in text, (pdf.name, value)


def test_answers_to_prompts_this_version_lacks_are_shown_and_kept(
    page: Page, fixture_url: str, requests: list[str], tmp_path: Path
) -> None:
    older = {
        "format": "hub-action-plan-answers",
        "plan": "team-check-in",
        "version": "1.0",
        "answers": {"about.team": "Day shift", "about.budget": "About <b>$400</b>", "old.r1.c1": "Call Sam"},
    }
    saved = tmp_path / "older.json"
    saved.write_text(json.dumps(older), encoding="utf-8")
    page.goto(fixture_url + PLAN)
    page.set_input_files("#plan-import", saved)
    page.wait_for_function("document.querySelector('[data-plan-status]').textContent.startsWith('Imported')")
    assert "2 did not match" in page.locator("[data-plan-status]").inner_text()
    assert page.get_by_label("Team name").input_value() == "Day shift"
    kept = page.locator("[data-plan-orphans]")
    assert kept.is_visible()
    assert "about.budget" in kept.inner_text()
    assert "About <b>$400</b>" in kept.inner_text()
    page.reload()
    assert page.locator("[data-plan-orphans]").is_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my answers").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"]["old.r1.c1"] == "Call Sam"


def test_erase_clears_the_answers_in_every_open_tab(page: Page, fixture_url: str, requests: list[str]) -> None:
    page.goto(fixture_url + PLAN)
    _fill(page)
    other = page.context.new_page()
    other.goto(fixture_url + PLAN)
    _assert_filled(other)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my answers").click()
    other.wait_for_function("document.querySelector('[data-plan-status]').textContent.includes('erased')")
    _assert_empty(other)
    other.reload()
    _assert_empty(other)
    other.close()


def test_the_form_says_what_a_shared_computer_means(page: Page, fixture_url: str, requests: list[str]) -> None:
    page.goto(fixture_url + PLAN)
    note = page.locator("[data-plan-shared]").inner_text()
    assert "shared" in note
    assert "Erase my answers" in note
    assert "every" in note or "other tab" in note


def test_the_answer_grid_fits_a_phone_with_each_box_labelled(chromium: Browser, fixture_url: str) -> None:
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(fixture_url + PLAN)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for table in page.locator(".hub-plan-table").all():
            box = table.bounding_box()
            assert box is not None
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= 360
        labels = page.evaluate(
            "Array.from(document.querySelectorAll('.hub-plan-table td'))"
            ".map(td => getComputedStyle(td, '::before').content)"
        )
        assert labels[:3] == ['"Goal"', '"Lead"', '"+ Measure of success"']
        assert page.locator(".hub-plan-table th[scope=row]", has_text="Workload").is_visible()
        rows = page.evaluate(
            "Array.from(document.querySelectorAll('.hub-plan-table tr[data-row]'))"
            ".filter(tr => !tr.querySelector('th')).map(tr => getComputedStyle(tr, '::before').content)"
        )
        assert rows == ['"Row 1"', '"Row 2"', '"Row 3"']
    finally:
        context.close()
