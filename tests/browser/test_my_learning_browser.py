"""My learning in Debian's Chromium, with the network cut to 127.0.0.1: mark as watched and save on the fixture
site, the list, the certificate and the learning record as tagged PDFs read back with poppler, export, erase in
every tab, import (JSON and CSV), an old id found under its new key, an item that left the site kept, today's stored
format read as it is, a full storage, and axe at phone and desktop widths."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from ..chromium import axe_run, downloaded, network_cut
from ..conftest import FIXTURES
from ..office import page_sizes, pdf_info, pdf_pages

pytestmark = pytest.mark.browser

KEY = "hub-learning"
NOT_CREDIT = "It is not a certificate of continuing-education credit"
RECORD_V1 = FIXTURES / "learning" / "record-v1.json"
"""A record as this release keeps it; a later release must still read it (an upgrade step per version)."""


def _cut(page: Page) -> list[str]:
    seen: list[str] = []
    network_cut(page, seen)
    page.on("dialog", lambda dialog: dialog.accept())
    return seen


def _outside(seen: list[str]) -> list[str]:
    return [url for url in seen if urlsplit(url).hostname != "127.0.0.1"]


def _stored(page: Page) -> dict[str, object]:
    text = page.evaluate(f"localStorage.getItem({KEY!r})")
    return json.loads(text) if text else {}


def _items(page: Page) -> dict[str, dict[str, object]]:
    items = _stored(page).get("items", {})
    assert isinstance(items, dict)
    return items


def _status(page: Page, selector: str) -> str:
    return page.locator(selector).inner_text()


def _keep(page: Page, url: str) -> None:
    """Mark two trainings as watched (one with its own length), undo one, and save five kinds of item."""
    page.goto(url + "trainings/team-debrief/")
    page.get_by_role("button", name="Mark as watched").click()
    assert "Marked as watched on" in _status(page, "[data-keep-status]")
    expect(page.get_by_label("Date watched")).to_be_focused()
    page.get_by_label("Date watched").fill("2025-03-14")
    page.get_by_label("Date watched").dispatch_event("change")
    assert _status(page, "[data-keep-status]") == "Date watched: 14 March 2025."
    assert page.get_by_text("Length: 48 minutes, the recording's length").is_visible()
    page.get_by_role("button", name="Save for later").click()
    assert page.get_by_role("button", name="Save for later").get_attribute("aria-pressed") == "true"

    page.goto(url + "networks/test-vln/3/")  # a session whose recording has no length: the person gives it
    page.get_by_role("button", name="Mark as watched").click()
    expect(page.get_by_label("How long you watched, in minutes")).to_be_focused()
    page.get_by_label("How long you watched, in minutes").fill("55")
    page.get_by_label("How long you watched, in minutes").dispatch_event("change")
    assert _status(page, "[data-keep-status]") == "Length: 55 minutes (0.92 hours)."
    page.get_by_label("Date watched").fill("2025-06-02")
    page.get_by_label("Date watched").dispatch_event("change")

    page.goto(url + "trainings/short-clip/")
    page.get_by_role("button", name="Mark as watched").click()
    page.get_by_role("button", name="Undo: not watched").click()
    assert _status(page, "[data-keep-status]") == "No longer marked as watched."
    expect(page.get_by_role("button", name="Mark as watched")).to_be_focused()
    assert "training:short-clip" not in _items(page)

    page.goto(url + "trainings/undated-talk/")  # nothing to watch: no watched control at all
    assert page.get_by_role("button", name="Mark as watched").count() == 0
    for path in ("networks/test-vln/", "programs/calm-teams/", "services/postvention/", "action-plans/team-check-in/"):
        page.goto(url + path)
        page.get_by_role("button", name="Save for later").click()
        assert _status(page, "[data-keep-status]").startswith("Saved for later."), path


def _my_learning(page: Page, url: str) -> None:
    page.goto(url + "my-learning/")
    expect(page.locator("[data-learning-list] > li")).to_have_count(6)


def _titles(page: Page) -> list[str]:
    return page.locator("[data-learning-list] > li .hub-card__title").all_inner_texts()


def _pdf(page: Page, path: Path) -> tuple[str, dict[str, str], list[tuple[float, float]]]:
    page.emulate_media(media="print")
    page.pdf(path=str(path), tagged=True, prefer_css_page_size=True, print_background=True)
    page.emulate_media(media="screen")
    return " ".join(" ".join(pdf_pages(path)).split()), pdf_info(path), page_sizes(path)


def _documents(page: Page, url: str, folder: Path) -> None:
    """The certificate (landscape, one page) and the record (portrait), as Chromium saves them: tagged PDFs."""
    page.get_by_role("link", name="Certificate of attendance for “After a loss on the team”").click()
    page.get_by_label("Your name, as it should appear").fill("Jo Example-Smith")
    expect(page.locator("[data-doc-title]")).to_have_text("After a loss on the team")
    text, info, sizes = _pdf(page, folder / "certificate.pdf")
    for words in (
        "Certificate of attendance (self-reported)",
        "Jo Example-Smith",
        "After a loss on the team",
        "Grace Hopper",
        "Test Network",
        "48 minutes (0.8 hours)",
        "14 March 2025",
        "/trainings/team-debrief/",
        "This record was made by the person named above",
        NOT_CREDIT,
        "offered separately by Example Board of Continuing Education: 0.75 CE hours for social workers",
        "https://ce.example.org/evaluations/team-debrief",
    ):
        assert words in text, words
    assert info["Tagged"] == "yes"
    assert sizes == [(792.0, 612.0)]  # one landscape page
    assert info["Title"] == "Certificate of attendance (self-reported): After a loss on the team"
    assert "Jo Example" not in page.url  # nothing personal in the address
    assert "name" not in _stored(page)  # not kept unless asked

    page.goto(url + "my-learning/record/")
    page.get_by_label("Your name, as it should appear").fill("Jo Example-Smith")
    page.get_by_label("From").fill("2025-01-01")
    page.get_by_label("From").dispatch_event("change")
    expect(page.locator("[data-doc-rows] tr")).to_have_count(2)
    text, info, sizes = _pdf(page, folder / "record.pdf")
    for words in (
        "Learning record (self-reported)",
        "Jo Example-Smith",
        "1 January 2025 to",
        "After a loss on the team",
        "Wrapping up",
        "Total: 2 trainings 103 1.72",
        NOT_CREDIT,
        "0.75 CE hours for social workers, from Example Board of Continuing Education",
    ):
        assert words in text, words
    assert text.index("14 March 2025") < text.index("2 June 2025")  # oldest first
    assert info["Tagged"] == "yes"
    assert sizes == [(612.0, 792.0)]  # one portrait page
    page.get_by_label("Remember my name in this browser").check()
    assert _stored(page)["name"] == "Jo Example-Smith"
    page.get_by_label("Remember my name in this browser").uncheck()
    assert "name" not in _stored(page)


def _erase_in_every_tab(page: Page, context: BrowserContext, url: str) -> None:
    other = context.new_page()
    _cut(other)
    other.goto(url + "trainings/team-debrief/")
    expect(other.locator("[data-keep-watched]")).to_be_visible()
    page.get_by_role("button", name="Erase my record").click()
    assert _status(page, "[data-learning-status]") == "Your record was erased from this browser, in every tab."
    expect(page.locator("[data-learning-empty]")).to_be_visible()
    expect(other.locator("[data-keep-watched]")).to_be_hidden()
    expect(other.get_by_role("button", name="Mark as watched")).to_be_visible()
    erased = "Your record was erased from this browser (in another tab)."
    assert other.locator("[data-keep-status]").inner_text() == erased
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    other.close()


@pytest.mark.office  # pdftotext and pdfinfo read the PDFs back
def test_keep_list_certify_export_erase_import(page: Page, fixture_url: str, tmp_path: Path) -> None:
    seen = _cut(page)
    _keep(page, fixture_url)
    _my_learning(page, fixture_url)
    assert page.locator("[data-hub-count]").inner_text() == "6 items kept in this browser."
    page.get_by_label("Watched (2)").check()
    assert _titles(page) == ["After a loss on the team", "Wrapping up"]  # newest first: saved today
    assert page.url.endswith("my-learning/?status=watched")
    page.get_by_label("Sort").select_option("az")
    page.get_by_label("Session (1)").check()
    assert _titles(page) == ["Wrapping up"]
    page.get_by_role("button", name="Clear all").first.click()
    page.get_by_label("Keyword").fill("calm")
    assert _titles(page) == ["Calm Teams"]
    page.get_by_label("Keyword").fill("")
    years = page.locator("[data-learning-years] tr").all_inner_texts()
    assert [" ".join(row.split()) for row in years] == ["2025 2 1.72"]

    _documents(page, fixture_url, tmp_path)

    _my_learning(page, fixture_url)
    before = _items(page)
    exported = downloaded(page, "Export my record (JSON)", tmp_path)
    assert json.loads(exported.read_text(encoding="utf-8"))["items"] == before
    table = downloaded(page, "Export for a spreadsheet (CSV)", tmp_path)
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith('"Key","Title","Kind","Address","Watched on","Minutes","Hours"')
    assert any(row.startswith('"training:team-debrief","After a loss on the team","Training",') for row in rows)

    _erase_in_every_tab(page, page.context, fixture_url)
    for file in (exported, table):
        page.set_input_files("#learning-import", file)
        expect(page.locator("[data-learning-status]")).to_have_text(f"Added 6 items from “{file.name}”.")
        assert _items(page) == before, file.name  # the same records return, from either file
        expect(page.locator("[data-learning-list] > li")).to_have_count(6)
        page.get_by_role("button", name="Erase my record").click()
    assert _outside(seen) == []


def test_an_old_id_is_followed_and_an_item_that_left_is_kept(page: Page, fixture_url: str) -> None:
    seen = _cut(page)
    page.goto(fixture_url + "my-learning/")
    page.evaluate(f"localStorage.setItem({KEY!r}, {json.dumps(RECORD_V1.read_text(encoding='utf-8'))})")
    page.reload()
    expect(page.locator("[data-learning-list] > li")).to_have_count(3)
    calm = page.locator("[data-learning-list] > li", has_text="Calm Teams")
    assert calm.locator("a.hub-card__title").get_attribute("href") == f"{fixture_url}programs/calm-teams/"
    gone = page.locator("[data-learning-list] > li", has_text="A talk that has left the site")
    assert "No longer on this site" in gone.inner_text()
    assert gone.locator("a.hub-card__title").count() == 0
    items = _items(page)
    assert sorted(items) == ["program:calm-teams", "training:gone-away", "training:team-debrief"]  # moved, kept

    page.get_by_role("button", name="Erase my record").click()
    page.set_input_files("#learning-import", RECORD_V1)
    expect(page.locator("[data-learning-status]")).to_have_text(
        "Added 3 items from “record-v1.json”. 1 item renamed since was found under the new name. "
        "1 item no longer on this site was kept and marked so. 1 item could not be read and was left out."
    )
    assert sorted(_items(page)) == sorted(items)

    page.goto(fixture_url + "my-learning/certificate/#training%3Agone-away")  # still certifiable from its copy
    expect(page.locator("[data-doc-title]")).to_have_text("A talk that has left the site")
    assert page.locator("[data-doc-presenters]").inner_text() == "Ada Lovelace"
    assert _outside(seen) == []


def test_a_newer_record_and_a_full_storage_lose_nothing(page: Page, fixture_url: str) -> None:
    _cut(page)
    page.goto(fixture_url + "programs/calm-teams/")
    newer = json.dumps({"format": "hub-learning-record", "version": 2, "items": {}, "future": [1]})
    page.evaluate(f"localStorage.setItem({KEY!r}, {json.dumps(newer)})")
    page.reload()
    assert "saved by a newer version of this site" in _status(page, "[data-keep-status]")
    page.get_by_role("button", name="Save for later").click()
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == newer

    page.evaluate(f"localStorage.removeItem({KEY!r})")
    page.get_by_role("button", name="Save for later").click()
    kept = page.evaluate(f"localStorage.getItem({KEY!r})")
    page.evaluate(  # fill this site's storage to the browser's limit, for real
        """() => { let chunk = "x".repeat(1 << 20), n = 0;
            while (chunk.length) { try { localStorage.setItem("filler-" + n++, chunk); }
                                   catch (e) { chunk = chunk.slice(0, chunk.length >> 1); } } }"""
    )
    page.goto(fixture_url + "services/postvention/")
    page.get_by_role("button", name="Save for later").click()
    status = page.locator("[data-keep-status]")
    assert "did not keep that change: its storage is full or switched off" in status.inner_text()
    assert "hub-status--error" in (status.get_attribute("class") or "")
    assert page.get_by_role("button", name="Save for later").get_attribute("aria-pressed") == "false"
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == kept


@pytest.mark.parametrize("width", [(360, 740), (1280, 900)], ids=["phone", "desktop"])
def test_my_learning_and_both_documents_pass_axe_and_fit(page: Page, fixture_url: str, width: tuple[int, int]) -> None:
    page.set_viewport_size({"width": width[0], "height": width[1]})
    page.goto(fixture_url + "my-learning/")
    page.evaluate(f"localStorage.setItem({KEY!r}, {json.dumps(RECORD_V1.read_text(encoding='utf-8'))})")
    for path in ("my-learning/", "my-learning/certificate/#training%3Ateam-debrief", "my-learning/record/"):
        page.goto(fixture_url + path)
        page.reload()  # a new hash alone does not load the page again
        expect(page.locator("[data-learning-list] > li, [data-doc]:not([hidden])").first).to_be_visible()
        if "record" in path:
            page.get_by_label("From").fill("2024-01-01")
            page.get_by_label("From").dispatch_event("change")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
        assert page.locator("h1").count() == 1, path
        assert axe_run(page)["found"] == [], path
