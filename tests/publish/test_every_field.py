"""The generated hostile suite: every text field of every kind by every payload family, each family one strict build.

Fields come from the specs (tests/fields.py), payloads from tests/payloads.py, and every output is read back as its
users' clients read it (tests/readback.py). Nothing here names a field: one added to macros/content/specs.py is
tried by every family, and fails the suite until it is refused with its line or shown inert, exactly as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from ..chromium import network_cut, serve
from ..every_field import BASELINE, FamilyOutcome, figures, run_all
from ..fields import field_paths
from ..fuzz_values import STRATEGIES
from ..office import pdf_pages, to_pdf
from ..payloads import FAMILIES
from ..readback import fold

LINE = re.compile(r"^sessions/[^:]+:[0-9]+: [^ ]+: ")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, FamilyOutcome]:
    results = run_all(tmp_path_factory.mktemp("every-field"))
    print("\n".join(figures(results)))
    return results


@pytest.mark.parametrize("family", [family.name for family in FAMILIES])
def test_each_value_is_refused_at_its_line_or_reaches_every_reader_as_typed(
    outcomes: dict[str, FamilyOutcome], family: str
) -> None:
    outcome = outcomes[family]
    assert outcome.failures() == []
    for slot in outcome.slots:
        if slot.refused is not None:
            assert LINE.match(str(slot.refused)), str(slot.refused)
            assert len(str(slot.refused)) < 400, "a message is one readable line"


def test_every_spec_field_is_tried_by_a_case(outcomes: dict[str, FamilyOutcome]) -> None:
    """Text fields by every payload family; the other types by the property tests' strategies."""
    tried = {slot.slot.field.name for slot in outcomes[FAMILIES[0].name].slots}
    fields = field_paths()
    assert [field.name for field in fields if field.is_text and field.name not in tried] == []
    assert [field.name for field in fields if not field.is_text and type(field.spec) not in STRATEGIES] == []


def test_every_text_field_is_shown_in_some_output(outcomes: dict[str, FamilyOutcome]) -> None:
    """A field no family gets through (a time zone, a clock time) must still show its valid value somewhere."""
    shown: dict[str, set[str]] = {}
    for name, outcome in outcomes.items():
        for slot in outcome.slots:
            if name != BASELINE.name and slot.shown:
                shown.setdefault(slot.slot.field.name, set()).update(slot.shown)
    baseline = outcomes[BASELINE.name]
    assert baseline.failures() == []
    texts = [item.text for item in baseline.reading.seen]
    unshown = []
    for slot in baseline.slots:
        if slot.slot.field.name not in shown and not any(fold(str(slot.value)) in text for text in texts):
            unshown.append(slot.name)
    assert unshown == []


@pytest.mark.office
def test_office_files_with_every_payload_open_in_libreoffice(
    outcomes: dict[str, FamilyOutcome], tmp_path: Path
) -> None:
    """Every family's Word and Excel downloads print in LibreOffice, with each accepted plan value's marker."""
    files: dict[Path, set[str]] = {}
    for name, outcome in outcomes.items():
        if outcome.site is None or name == BASELINE.name:
            continue
        for path in sorted(outcome.site.glob("action-plans/*/*.docx")) + sorted(
            outcome.site.glob("action-plans/*/*.xlsx")
        ):
            copy = tmp_path / f"{name}-{path.stem}-{path.suffix[1:]}{path.suffix}"
            copy.write_bytes(path.read_bytes())
            plan = f"action-plans/{path.parent.name}.yaml"
            files[copy] = {
                slot.marker
                for slot in outcome.slots
                if slot.slot.file == plan and any(f"{path.name}#" in output for output in slot.shown)
            }
    assert files
    for copy, pdf in to_pdf(list(files), tmp_path).items():
        printed = "".join("".join(pdf_pages(pdf)).split())
        assert files[copy], copy.name
        assert sorted(found for found in files[copy] if found not in printed) == [], copy.name


@pytest.mark.browser
def test_long_words_never_push_a_phone_page_sideways_and_search_shows_payloads_as_typed(
    outcomes: dict[str, FamilyOutcome], page: Page
) -> None:
    """At 360 px every page of the long-word build fits; the search box shows a script payload as its text."""
    long_words = outcomes["long-word"].site
    assert long_words is not None
    page.set_viewport_size({"width": 360, "height": 740})
    seen: list[str] = []
    network_cut(page, seen)
    with serve(long_words) as base:
        wide = []
        for html in sorted(long_words.rglob("index.html")):
            if 'http-equiv="refresh"' in html.read_text(encoding="utf-8"):
                continue  # a redirect from an old address: it moves on to its page, which is visited too
            path = html.parent.relative_to(long_words).as_posix().removeprefix(".")
            if path == "admin":
                continue  # Decap's own editor application, laid out for a desktop by Decap
            page.goto(base + (f"{path}/" if path else ""))
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                wide.append(f"/{path}: {width} px")
        assert wide == []
    script = outcomes["script-style-comment-cdata"]
    target = next(slot for slot in script.slots if slot.slot.field.name == "training:title" and slot.shown)
    assert script.site is not None
    page.set_viewport_size({"width": 1280, "height": 900})  # the header box; a phone gets a link to /search/
    with serve(script.site) as base:
        page.goto(base)
        page.keyboard.press("/")
        page.keyboard.type(target.marker, delay=20)
        panel = "#hub-search-header-panel"
        page.wait_for_selector(f"{panel} .hub-search__results li", timeout=20000)
        titles = page.locator(f"{panel} .hub-search__title").all_inner_texts()
        excerpts = page.locator(f"{panel} .hub-search__excerpt").all_inner_texts()
        assert fold(target.value) in [fold(title) for title in titles]
        assert any("<script>hubxAlert()</script><style>" in text for text in excerpts), excerpts
        assert page.locator(f"{panel} hubx-el, {panel} img, {panel} script").count() == 0
    assert all("127.0.0.1" in url for url in seen)
