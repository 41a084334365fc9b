"""The browser editor in its local mode, end to end: Decap CMS from npm, `decap-server` writing into a temporary copy
of the project, Chromium filling the form. The saved file must pass `validate` and get its page in a build.

Set HUB_UPDATE_SCREENSHOTS=1 to refresh the maintainers' guide screenshots (docs/maintainers/images/) from this run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml

from macros.publish.editor import DECAP_SERVER, wait_for
from tests.chromium import serve
from tests.conftest import ROOT, free_port, make_project, mkdocs_build
from tests.node_tools import require

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
GUIDE_IMAGES = ROOT / "docs" / "maintainers" / "images"
TITLE = "Supporting peers: after a loss"
SLUG = "supporting-peers-after-a-loss"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A copy of the project with the editor bundle, built and served; its own decap-server on a free port."""
    require(ROOT / DECAP_SERVER)
    node = shutil.which("node")
    if node is None:
        pytest.skip("no `node` found: install Node.js 20 or newer (the README's test command needs it for npm ci)")
    project = make_project(tmp_path_factory.mktemp("editor-project"))
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    server = subprocess.Popen(
        [node, str(ROOT / DECAP_SERVER)],
        cwd=project,
        env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/api/v1", server)
        site = project / "site"
        result = _build(project, site, port)
        assert result.returncode == 0, result.stderr
        assert (site / "admin" / "decap-cms.js").is_file()
        with serve(site) as url:
            yield project, url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _build(project: Path, site: Path, port: int) -> subprocess.CompletedProcess[str]:
    """The strict build, with the editor pointed at this test's own decap-server."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    environment = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)}
    environment["HUB_CMS_LOCAL_PORT"] = str(port)
    return subprocess.run(command, capture_output=True, text=True, cwd=project, check=False, env=environment)


@pytest.fixture
def tab(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _open_new_training(page: Page, url: str) -> list[str]:
    """Open /admin/, sign in to the local mode, start a new training; returns every address requested."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{url}admin/")
    page.get_by_role("button", name="Login").click()
    page.goto(f"{url}admin/#/collections/training/new")
    page.locator('[id^="title-field-"]').first.wait_for()
    return requested


def _as_text_dates(path: Path) -> dict[str, object]:
    """The file's values as the loader sees them: `2019-04-02` and `"2019-04-02"` are the same date."""
    value: dict[str, object] = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    return value


def _shot(page: Page, name: str) -> None:
    if os.environ.get("HUB_UPDATE_SCREENSHOTS") == "1":
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(GUIDE_IMAGES / name))


def test_a_training_made_in_the_form_validates_and_gets_its_page(editor: tuple[Path, str], tab: Page) -> None:
    project, url = editor
    tab.goto(f"{url}admin/")
    tab.get_by_role("button", name="Login").wait_for()
    _shot(tab, "editor-sign-in.png")
    requested = _open_new_training(tab, url)
    before_sign_in = {urlsplit(address).hostname for address in requested}
    assert before_sign_in <= {"127.0.0.1"}, before_sign_in
    tab.locator('[id^="title-field-"]').first.fill(TITLE)
    tab.locator('[id^="date-field-"]').first.fill("2024-05")
    tab.locator('[id^="summary-field-"]').first.fill("How peers support each other.\n\nA second paragraph.")
    tab.locator('[id^="presenters-field-"]').first.fill("Ada")
    tab.get_by_role("option", name="Ada Lovelace").click()
    tab.locator('[id^="topics-field-"]').first.fill("Peer")
    tab.get_by_role("option", name="Peer support").click()
    tab.locator('[id^="content_note-field-"]').first.fill("no")
    tab.locator('[id^="title-field-"]').first.scroll_into_view_if_needed()
    _shot(tab, "editor-new-training.png")
    tab.get_by_role("button", name="Publish").click()
    tab.get_by_text("Publish now").click()
    saved = project / "sessions" / "trainings" / f"{SLUG}.yaml"
    deadline = time.monotonic() + 20
    while not saved.is_file() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert saved.read_text(encoding="utf-8") == (
        'title: "Supporting peers: after a loss"\n'
        "date: 2024-05\n"
        "summary: |-\n"
        "  How peers support each other.\n"
        "\n"
        "  A second paragraph.\n"
        "presenters:\n"
        "  - ada-lovelace\n"
        "topics:\n"
        "  - peer-support\n"
        'content_note: "no"\n'
    )
    checked = subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    rebuilt = project / "rebuilt"
    assert mkdocs_build(project, rebuilt).returncode == 0
    page = (rebuilt / "trainings" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "Supporting peers: after a loss" in page
    assert 'href="../../people/ada-lovelace/"' in page


def test_the_form_refuses_a_training_without_its_required_fields(editor: tuple[Path, str], tab: Page) -> None:
    project, url = editor
    _open_new_training(tab, url)
    tab.locator('[id^="title-field-"]').first.fill("No date given")
    tab.locator('[id^="date-field-"]').first.fill("March 2017")
    tab.get_by_role("button", name="Publish").click()
    tab.get_by_text("Publish now").click()
    tab.get_by_text("Write a date like 2017, 2017-03 or 2017-03-14, or unknown").first.wait_for()
    tab.get_by_text("Summary is required.").wait_for()
    _shot(tab, "editor-refused.png")
    assert not (project / "sessions" / "trainings" / "no-date-given.yaml").exists()


def _retitled(tab: Page, url: str, collection: str, path: Path, title: str) -> tuple[dict[str, object], ...]:
    """Open the entry saved at `path` in the form, give it `title`, publish: its values before and after."""
    before = _as_text_dates(path)
    tab.goto(f"{url}admin/")
    tab.get_by_role("button", name="Login").click()
    tab.goto(f"{url}admin/#/collections/{collection}/entries/{path.stem}")
    tab.locator('[id^="title-field-"]').first.fill(title)
    tab.get_by_role("button", name="Publish").click()
    tab.get_by_text("Publish now").click()
    deadline = time.monotonic() + 20
    while title not in path.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    return before, _as_text_dates(path)


def test_an_existing_training_saved_from_the_form_keeps_every_value(editor: tuple[Path, str], tab: Page) -> None:
    """The richest fixture (recording, slides file, handouts, audiences, series) round trips: only the edit differs."""
    project, url = editor
    path = project / "sessions" / "trainings" / "de-escalation-basics.yaml"
    before, after = _retitled(tab, url, "training", path, "De-escalation basics, revised")
    assert after == before | {"title": "De-escalation basics, revised"}
    assert 'date: "2019-04-02"' in path.read_text(encoding="utf-8")  # quoted: YAML 1.1 would read a date
    assert list(after) == list(before)
    checked = subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr


def test_slides_uploaded_in_the_form_land_in_docs_files(editor: tuple[Path, str], tab: Page, tmp_path: Path) -> None:
    """The file widget uploads into docs/files/ and writes `files/<name>`, the path the loader checks."""
    project, url = editor
    _open_new_training(tab, url)
    tab.locator('[id^="title-field-"]').first.fill("Slides upload")
    tab.locator('[id^="date-field-"]').first.fill("2024")
    tab.locator('[id^="summary-field-"]').first.fill("A summary.")
    tab.get_by_text("Slides", exact=True).locator("xpath=..").locator("button").first.click()
    tab.locator('[id^="title-field-"]:visible').nth(1).fill("Slides")
    tab.locator('[id^="status-field-"]:visible').first.fill("available")
    tab.get_by_role("option", name="available", exact=True).click()
    tab.get_by_role("button", name="Choose a file").first.click()
    pdf = tmp_path / "team-slides.pdf"
    pdf.write_bytes(b"%PDF-1.4 slides for the test")
    tab.locator('input[type="file"]').set_input_files(str(pdf))
    tab.get_by_role("button", name="Choose selected").click()
    tab.get_by_role("button", name="Publish").click()
    tab.get_by_text("Publish now").click()
    saved = project / "sessions" / "trainings" / "slides-upload.yaml"
    deadline = time.monotonic() + 20
    while not saved.is_file() and time.monotonic() < deadline:
        time.sleep(0.2)
    written = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert written["slides"] == {"title": "Slides", "status": "available", "file": "files/team-slides.pdf"}
    assert (project / "docs" / "files" / "team-slides.pdf").read_bytes() == pdf.read_bytes()
    checked = subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr


def test_a_spanish_translation_saved_from_the_form_keeps_its_shape(editor: tuple[Path, str], tab: Page) -> None:
    """The fixture's partial translation (sessions/es/trainings/de-escalation-basics.yaml) round trips: only the
    edited title differs, the handout left in English stays an empty item (`null`), and it still validates."""
    project, url = editor
    path = project / "sessions" / "es" / "trainings" / "de-escalation-basics.yaml"
    before, after = _retitled(tab, url, "training_es", path, "Conceptos básicos de la desescalada")
    assert after == before | {"title": "Conceptos básicos de la desescalada"}
    assert after["handouts"] == [{"title": "Hoja de trabajo"}, None]
    assert "translation_of" not in path.read_text(encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
