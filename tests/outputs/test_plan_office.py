"""Every plan's DOCX and XLSX as LibreOffice prints them, in English and in Spanish: no word broken, one page wide,
choices kept together.

All files of both languages are converted in one soffice run (it is slow to start); `pdftotext -layout` reads each
page back.
"""

from __future__ import annotations

import re
import shutil

import pytest

from macros.content import model as m
from macros.content.load import load_catalogs
from macros.content.plans import header, stamp, tables
from macros.outputs.plan_files import WRITERS
from macros.outputs.plan_xlsx import QUESTIONS_SUBTITLE, READ_FIRST, question_columns
from macros.site.language import Language, load_language

from ..conftest import FIXTURES, ROOT
from ..office import pdf_pages, to_pdf

pytestmark = pytest.mark.office

LANGUAGES = {code: load_language(code) for code in ("en", "es")}


def _plans() -> list[tuple[Language, m.ActionPlan, m.Site]]:
    found = []
    for content in (ROOT, FIXTURES / "content"):
        catalogs = load_catalogs(content / "sessions", content / "docs", root=content, languages=tuple(LANGUAGES))
        found += [
            (LANGUAGES[code], plan, catalog.site)
            for code, catalog in catalogs.items()
            for plan in catalog.action_plans.values()
        ]
    return found


PLANS = _plans()
PLAN_IDS = [f"{language.code}:{plan.id}" for language, plan, _ in PLANS]
ABOUT_WORDS = {"en": {"Purpose", "Who", "fills"}, "es": {"Propósito", "Quién", "completa"}}
"""Words the About sheet must print: its first two labels."""


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], list[str]]:
    """(language, plan id, "docx" or "xlsx") → the text of each printed page."""
    folder = tmp_path_factory.mktemp("office")
    files = {}
    for language, plan, site in PLANS:
        for suffix in ("docx", "xlsx"):
            path = folder / f"{plan.id}-{language.code}-{suffix}.{suffix}"
            path.write_bytes(WRITERS[suffix](plan, site, language))
            files[(language.code, plan.id, suffix)] = path
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
@pytest.mark.parametrize(("language", "plan", "site"), PLANS, ids=PLAN_IDS)
def test_every_label_header_and_option_prints_whole(
    printed: dict[tuple[str, str, str], list[str]], language: Language, plan: m.ActionPlan, site: m.Site, suffix: str
) -> None:
    found = _words("\n".join(printed[(language.code, plan.id, suffix)]))
    broken = [
        (text, word) for text in _must_be_whole(plan) for word in _words(text) if len(word) > 2 and word not in found
    ]
    assert broken == [], f"words printed broken (or not at all) in the {suffix.upper()}"


@pytest.mark.parametrize(("language", "plan", "site"), PLANS, ids=PLAN_IDS)
def test_each_choice_prompt_and_its_options_print_on_one_page(
    printed: dict[tuple[str, str, str], list[str]], language: Language, plan: m.ActionPlan, site: m.Site
) -> None:
    pages = [_words(page) for page in printed[(language.code, plan.id, "docx")]]
    for section in plan.sections:
        for plan_field in section.fields:
            if plan_field.type != "choice":
                continue
            needed = _words(plan_field.label) | _words(" ".join(plan_field.options))
            assert any(needed <= page for page in pages), plan_field.label


def _sheet_pages(plan: m.ActionPlan, pages: list[str], language: Language) -> dict[str, list[str]]:
    """The printed pages of each sheet, found by the sheet's subtitle standing alone on a line (cell A2)."""
    subtitles = [language.gettext(READ_FIRST), language.gettext(QUESTIONS_SUBTITLE)]
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


@pytest.mark.parametrize(("language", "plan", "site"), PLANS, ids=PLAN_IDS)
def test_every_sheet_prints_one_page_wide_with_its_header_row_on_each_page(
    printed: dict[tuple[str, str, str], list[str]], language: Language, plan: m.ActionPlan, site: m.Site
) -> None:
    """A sheet two pages wide would print its first and last columns on different pages: with the header
    row repeated on every page, each page must show both the first and the last column's heading."""
    pages = printed[(language.code, plan.id, "xlsx")]
    sheets = _sheet_pages(plan, pages, language)
    columns = question_columns(language)
    grids = {language.gettext(QUESTIONS_SUBTITLE): [columns[0], columns[-1]]}
    for section, table in tables(plan):
        names = header(table)
        grids[section.title] = [names[0] or names[1], names[-1]]
    for subtitle, (first, last) in grids.items():
        assert sheets[subtitle], subtitle
        for page in sheets[subtitle]:
            words = _words(page)
            assert _words(first) <= words, (subtitle, first)
            assert _words(last) <= words, (subtitle, last)
    version = stamp(plan, language).split(" · ")[0]
    for page in pages:
        assert plan.title in page, "the header names the plan on every page"
        assert version in page, "the footer names the version on every page"
    about = " ".join(sheets[language.gettext(READ_FIRST)])
    assert ABOUT_WORDS[language.code] <= _words(about)
    if plan.privacy:
        assert language.gettext("Privacy") in about
    assert version in about
