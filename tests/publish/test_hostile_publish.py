"""The hostile payloads the build accepts, published together in one strict build: inert text in every output.

One fixture project carries every payload at once (markup and template code in each kind's text fields, a file
named with `#` and `?`, a symbolic link inside the project, the first and last days of the date range), so the
suite pays for one build. XLSX and CSV formula cases belong with the action-plan downloads' own tests."""

from __future__ import annotations

import csv
import json
import os
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from macros.publish.linkcheck import check_site

from ..conftest import make_project, mkdocs_build, pagefind_fragments

PAYLOAD = "<img src=x onerror=alert(1)>{{ 7 * 191 }}{% if true %}hostile-jinja{% endif %}"
"""Markup that would run, Jinja that would print 1337: both must reach the reader as the characters typed."""
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;{{ 7 * 191 }}{% if true %}hostile-jinja{% endif %}"
PLACES = {
    "trainings/de-escalation-basics.yaml": [
        ("title: De-escalation basics", "title: 'Basics {0}'"),
        ("delivery: live-online", "delivery: live-online\naliases:\n  - old-basics"),
    ],
    "people/ada-lovelace.yaml": [("bio: Ada trains peer workers.", "bio: 'Bio {0}'")],
    "topics/peer-support.yaml": [("summary: Working", "summary: 'Topic {0}' #")],
    "programs/calm-teams.yaml": [("summary: A group program.", "summary: 'Program {0}'")],
    "services/postvention.yaml": [("title: Postvention services", "title: 'Service {0}'")],
    "series/test-vln.yaml": [
        ("    title: Getting started", "    title: 'Session {0}'"),
        ('    date: 2017-01-12\n    time: "12:00"', '    date: 2107-12-31\n    time: "23:59"'),
        ("end: 2017-03", "end: 2107-12"),
    ],
    "site.yaml": [("  - name: Test support line", "  - name: 'Line {0}'")],
    "action-plans/team-check-in.yaml": [
        ("updated: 2024-05-07", "updated: 1980-01-01"),
        ('label: "What happened this month"', 'label: "+1+2 happened"'),
        ('label: "Date we met"', 'label: "-3 days ago"'),
        ('guidance: "A few sentences."', "guidance: \"=cmd|' /C calc'!A0\""),
        ('label: "Who leads"', "label: \"@SUM(1+1)*cmd|' /C calc'!A0\""),
    ],
}
"""File → (text, replacement) pairs; `{0}` is the payload, quoted as YAML text."""
FORMULAS = ("+1+2 happened", "-3 days ago", "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0")
"""Plan text that a spreadsheet would run as a formula (OWASP's CSV-injection leaders: = + - @)."""
TRAINING_FILES = [("file: files/slides.pdf", "file: files/notes#2?.pdf")]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile-project"))
    for relative, swaps in PLACES.items():
        path = project / "sessions" / relative
        text = path.read_text(encoding="utf-8")
        for old, new in swaps + (TRAINING_FILES if relative.startswith("trainings/") else []):
            assert old in text, (relative, old)
            text = text.replace(old, new.format(PAYLOAD.replace("'", "''")), 1)
        path.write_text(text, encoding="utf-8")
    (project / "docs" / "files" / "notes#2?.pdf").write_bytes(b"%PDF-1.4 hostile test")
    os.symlink("slides.pdf", project / "docs" / "files" / "same-slides.pdf")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _texts(site: Path, suffix: str) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob(f"*{suffix}")}


def test_no_page_holds_the_payload_as_markup_or_runs_the_template(hostile_site: Path) -> None:
    pages = _texts(hostile_site, ".html")
    assert not [name for name, html in pages.items() if "<img src=x onerror" in html]
    assert not [name for name, html in pages.items() if "1337" in html]
    shown = {name for name, html in pages.items() if ESCAPED in html}
    for page in ("trainings/de-escalation-basics/index.html", "people/ada-lovelace/index.html",
                 "topics/peer-support/index.html", "programs/calm-teams/index.html",
                 "services/postvention/index.html", "networks/test-vln/1/index.html"):  # fmt: skip
        assert page in shown, page


def test_search_index_feed_and_calendar_hold_the_payload_as_text(hostile_site: Path) -> None:
    contents = [fragment["content"] for fragment in pagefind_fragments(hostile_site)]
    assert any("{% if true %}hostile-jinja{% endif %}" in content for content in contents)
    assert not [content for content in contents if "1337" in content], "template code is never run"
    feed = ElementTree.parse(hostile_site / "feed.xml")
    assert any(PAYLOAD in (element.text or "") for element in feed.iter())
    calendar = (hostile_site / "calendar" / "test-vln.ics").read_text(encoding="utf-8")
    assert "21071231T2359" in calendar
    assert "<img src=x onerror=alert(1)>" in calendar.replace("\n ", "").replace("\\,", ",").replace("\\;", ";")


def test_plan_dated_1980_makes_valid_office_files(hostile_site: Path) -> None:
    plans = hostile_site / "action-plans"  # the spreadsheet templates under maintainers/ are dated by the build
    downloads = list(plans.rglob("*.docx")) + list(plans.rglob("*.xlsx"))
    assert downloads
    for download in downloads:
        with zipfile.ZipFile(download) as archive:
            assert archive.testzip() is None
            assert {info.date_time[0] for info in archive.infolist()} == {1980}
            if download.suffix == ".docx":
                document = archive.read("word/document.xml").decode("utf-8")
                draft = "borrador" if "es" in download.relative_to(hostile_site).parts[:1] else "draft"
                assert f"&lt;b&gt;{draft}&lt;/b&gt; {{{{ 7*7 }}}}" in document  # the plan's title, as typed


def test_file_named_with_hash_and_question_mark_is_linked_encoded(hostile_site: Path) -> None:
    page = (hostile_site / "trainings" / "de-escalation-basics" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../files/notes%232%3F.pdf"' in page
    assert (hostile_site / "files" / "notes#2?.pdf").is_file()
    assert check_site(hostile_site).broken == []


def test_schemas_and_redirects_stay_well_formed(hostile_site: Path) -> None:
    for schema in (hostile_site / "schema").glob("*.json"):
        json.loads(schema.read_text(encoding="utf-8"))
    assert (hostile_site / "schema" / "training.json").is_file()
    redirect = (hostile_site / "trainings" / "old-basics" / "index.html").read_text(encoding="utf-8")
    assert "de-escalation-basics/" in redirect
    assert "<img src=x onerror" not in redirect


def test_plan_text_that_looks_like_a_formula_stays_text_in_xlsx_and_csv(hostile_site: Path) -> None:
    plan = hostile_site / "action-plans" / "team-check-in"
    workbook = openpyxl.load_workbook(next(plan.glob("*.xlsx")))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], "no formula cell"
    values = {str(cell.value) for cell in cells if cell.value is not None}
    for formula in FORMULAS:
        assert any(formula in value for value in values), formula
    with next(plan.glob("*.csv")).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    texts = [cell for row in rows for cell in row]
    assert not [cell for cell in texts if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], "every leader neutralized"
    for formula in FORMULAS:
        assert "'" + formula in texts, formula
    with zipfile.ZipFile(next(plan.glob("*.docx"))) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "=cmd|&apos; /C calc&apos;!A0" in document or "=cmd|' /C calc'!A0" in document
