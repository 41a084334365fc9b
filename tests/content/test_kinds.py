"""The table of kinds is complete: a kind without its template, section page, search text or page context fails here."""

from __future__ import annotations

import dataclasses

import pytest

from macros.content import model as m
from macros.content.kinds import BY_NAME, KINDS, Kind, kind
from macros.content.spec import Ref, walk_refs
from macros.site.pages import PAGE_CONTEXT
from macros.site.search import KIND_WORDS

from ..conftest import FIXTURES, ROOT

TEMPLATES = ROOT / "macros" / "site" / "templates"


@pytest.mark.parametrize("each", KINDS, ids=[each.name for each in KINDS])
def test_every_kind_has_every_part(each: Kind) -> None:
    assert (TEMPLATES / each.template).is_file(), f"{each.name}: add macros/site/templates/{each.template}"
    section = ROOT / "docs" / each.section_page
    assert section.is_file(), f"{each.name}: add docs/{each.section_page}"
    assert f'listing("{each.name}"' in section.read_text(encoding="utf-8") or each.name in ("training", "program"), (
        f"docs/{each.section_page} should list the items with listing({each.name!r})"
    )
    examples = FIXTURES / "content" / "sessions" / each.folder
    assert any(examples.glob("*.yaml")), (
        f"{each.name}: add an example to tests/fixtures/content/sessions/{each.folder}/"
    )
    assert each.catalog_field in {f.name for f in dataclasses.fields(m.Catalog)}, f"Catalog needs {each.catalog_field}"
    assert set(PAGE_CONTEXT) <= set(BY_NAME), "macros/site/pages.py names a kind the table does not have"
    assert set(KIND_WORDS) <= set(BY_NAME), "macros/site/search.py names a kind the table does not have"
    assert each.name in KIND_WORDS or each.name == "series", f"{each.name}: give it a word in search.KIND_WORDS"
    assert each.spec.fields, each.name
    assert "title" in each.spec.fields or "name" in each.spec.fields, f"{each.name}: the first field is its title"


def test_the_catalog_has_a_field_for_each_kind_and_nothing_else() -> None:
    fields = {f.name for f in dataclasses.fields(m.Catalog)}
    assert fields == {"site", "audiences", "synonyms", "untranslated"} | {each.catalog_field for each in KINDS}


def test_the_code_and_site_words_are_one_spelling_each() -> None:
    plan = kind("action_plan")
    assert (plan.name, plan.folder, plan.word) == ("action_plan", "action-plans", "action-plan")
    assert len({each.name for each in KINDS}) == len(KINDS) == len({each.folder for each in KINDS})
    with pytest.raises(KeyError, match="the kinds are: topic, person"):
        kind("action-plans")


def test_every_reference_names_a_kind_or_audiences() -> None:
    named = {ref.kind for each in KINDS for ref in walk_refs(each.spec)}
    assert named <= set(BY_NAME) | {"audience"}
    assert isinstance(next(iter(walk_refs(kind("training").spec))), Ref)
