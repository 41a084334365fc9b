"""Every plan's DOCX and XLSX as LibreOffice prints them: no word broken, one page wide, choices kept together.

All files are converted in one soffice run (it is slow to start); `pdftotext -layout` reads each page back.
"""

from __future__ import annotations

import re
import shutil

import pytest

from macros.content import model as m
from macros.content.plans import header, stamp, tables
from macros.outputs.plan_files import WRITERS

from ..office import pdf_pages, to_pdf
from .test_action_plans import CATALOGS, SITES

pytestmark = pytest.mark.office

PLANS = [plan for catalog in CATALOGS.values() for plan in catalog.action_plans.values()]
PLAN_IDS = [plan.id for plan in PLANS]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[str]]:
    """(plan id, "docx" or "xlsx") → the text of each printed page."""
    folder = tmp_path_factory.mktemp("office")
    files = {}
    for plan in PLANS:
        for suffix in ("docx", "xlsx"):
            path = folder / f"{plan.id}-{suffix}.{suffix}"
            path.write_bytes(WRITERS[suffix](plan, SITES[plan.id]))
            files[(plan.id, suffix)] = path
    pdfs = to_pdf(list(files.values()), folder)
    pages = {key: pdf_pages(pdfs[path]) for key, path in files.items()}
    shutil.rmtree(folder / "profile", ignore_errors=True)
    return pages


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'’]+", text))


def _must_be_whole(plan: m.ActionPlan) -> list[str]:
    """Every row label, column header and choice option: the words a broken column would cut."""
    texts = [name for _, table in tables(plan) for name in header(table) + list(table.row_labels)]
    texts += [option for section in plan.sections for field in section.fields for option in field.options]
    return [text for text in texts if text]


@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
@pytest.mark.parametrize("plan", PLANS, ids=PLAN_IDS)
def test_every_label_header_and_option_prints_whole(
    printed: dict[tuple[str, str], list[str]], plan: m.ActionPlan, suffix: str
) -> None:
    found = _words("\n".join(printed[(plan.id, suffix)]))
    broken = [
        (text, word) for text in _must_be_whole(plan) for word in _words(text) if len(word) > 2 and word not in found
    ]
    assert broken == [], f"words printed broken (or not at all) in the {suffix.upper()}"


@pytest.mark.parametrize("plan", PLANS, ids=PLAN_IDS)
def test_each_choice_prompt_and_its_options_print_on_one_page(
    printed: dict[tuple[str, str], list[str]], plan: m.ActionPlan
) -> None:
    pages = [_words(page) for page in printed[(plan.id, "docx")]]
    for section in plan.sections:
        for plan_field in section.fields:
            if plan_field.type != "choice":
                continue
            needed = _words(plan_field.label) | _words(" ".join(plan_field.options))
            assert any(needed <= page for page in pages), plan_field.label


def _sheet_pages(plan: m.ActionPlan, pages: list[str]) -> dict[str, list[str]]:
    """The printed pages of each sheet, found by the sheet's subtitle standing alone on a line (cell A2)."""
    subtitles = ["Read this first", "Questions: write each answer in the Answer column"]
    subtitles += [section.title for section, _ in tables(plan)]
    starts = []
    for subtitle in subtitles:
        after = starts[-1] if starts else 0
        alone = [
            number
            for number in range(after, len(pages))
            if subtitle in [line.strip() for line in pages[number].splitlines()]
        ]
        assert alone, f"no page starts the sheet {subtitle!r}"
        starts.append(alone[0])
    ends = [*starts[1:], len(pages)]
    return {subtitle: pages[start:end] for subtitle, start, end in zip(subtitles, starts, ends, strict=True)}


@pytest.mark.parametrize("plan", PLANS, ids=PLAN_IDS)
def test_every_sheet_prints_one_page_wide_with_its_header_row_on_each_page(
    printed: dict[tuple[str, str], list[str]], plan: m.ActionPlan
) -> None:
    """A sheet two pages wide would print its first and last columns on different pages: with the header
    row repeated on every page, each page must show both the first and the last column's heading."""
    pages = printed[(plan.id, "xlsx")]
    sheets = _sheet_pages(plan, pages)
    grids = {"Questions: write each answer in the Answer column": ["Section", "Answer"]}
    for section, table in tables(plan):
        names = header(table)
        grids[section.title] = [names[0] or names[1], names[-1]]
    for subtitle, (first, last) in grids.items():
        assert sheets[subtitle], subtitle
        for page in sheets[subtitle]:
            words = _words(page)
            assert _words(first) <= words, (subtitle, first)
            assert _words(last) <= words, (subtitle, last)
    for page in pages:
        assert plan.title in page, "the header names the plan on every page"
        assert f"Version {plan.version}" in page, "the footer names the version on every page"
    about = " ".join(sheets["Read this first"])
    assert {"Purpose", "Who", "fills"} <= _words(about)
    if plan.privacy:
        assert "Privacy" in about
    assert stamp(plan).split(" · ")[0] in about
