"""The Spanish glossary (tests/glossary.yaml) holds: every translation uses its Spanish for the English term.

Three kinds of translation are checked the same way: the message catalog (each English message and its Spanish),
the content (each text field of sessions/<folder>/<id>.yaml and the same field of sessions/es/<folder>/<id>.yaml) and
the hand-written pages (docs/x.md and docs/es/x.md, as a whole).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from macros.content import spec as s
from macros.content.kinds import KINDS
from macros.content.translations import TRANSLATED_FILES

from ..conftest import ROOT
from ..languages import catalog_pairs

GLOSSARY: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]


def _pairs_in(english: Any, spanish: Any, spec: s.Spec, where: str) -> Iterator[tuple[str, str, str]]:
    """(where, English, Spanish) for every text field both files give."""
    if isinstance(spec, s.Obj) and isinstance(english, dict) and isinstance(spanish, dict):
        for name, declared in spec.fields.items():
            if name in english and name in spanish:
                yield from _pairs_in(english[name], spanish[name], declared.spec, f"{where}.{name}")
    elif isinstance(spec, s.ListOf) and isinstance(english, list) and isinstance(spanish, list):
        for index, (one, other) in enumerate(zip(english, spanish, strict=False)):
            yield from _pairs_in(one, other, spec.item, f"{where}[{index}]")
    elif isinstance(english, str) and isinstance(spanish, str):
        yield where, english, spanish


def _content_pairs() -> Iterator[tuple[str, str, str]]:
    sessions = ROOT / "sessions"
    specs = {kind.folder: kind.spec for kind in KINDS}
    for path in sorted((sessions / "es").rglob("*.yaml")):
        relative = path.relative_to(sessions / "es")
        spec = specs.get(relative.parts[0]) if len(relative.parts) > 1 else TRANSLATED_FILES[relative.name]
        assert spec is not None, relative
        english = yaml.safe_load((sessions / relative).read_text(encoding="utf-8"))
        spanish = yaml.safe_load(path.read_text(encoding="utf-8"))
        yield from _pairs_in(english, spanish, spec, f"sessions/es/{relative.as_posix()}")


def _catalog_pairs() -> Iterator[tuple[str, str, str]]:
    for message, english, spanish in catalog_pairs():
        yield f"messages.po: {message!r}", english, spanish


def _page_pairs() -> Iterator[tuple[str, str, str]]:
    for spanish in sorted((ROOT / "docs" / "es").rglob("*.md")):
        english = ROOT / "docs" / spanish.relative_to(ROOT / "docs" / "es")
        yield spanish.relative_to(ROOT).as_posix(), english.read_text(encoding="utf-8"), spanish.read_text("utf-8")


PAIRS = [*_catalog_pairs(), *_content_pairs(), *_page_pairs()]


def _matches(text: str, pattern: str) -> list[str]:
    return [
        found.group(0) for found in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", " ".join(text.split()), re.IGNORECASE)
    ]


def _says(text: str, pattern: str) -> bool:
    return bool(_matches(text, pattern))


def _needs_the_term(english: str, spanish: str, pattern: str) -> bool:
    """The English uses the term in its own words: not only inside a name that the Spanish keeps as it is
    ("Implementing Peer Support in Harm Reduction Workplaces", "Institute for Health and Recovery"). A name keeps
    its capitals; a lower-case "peer support" left in Spanish prose is still wrong."""
    kept = [found for found in _matches(english, pattern) if found != found.lower() and found in spanish]
    return len(_matches(english, pattern)) > len(kept)


@pytest.mark.parametrize("term", GLOSSARY, ids=[term["en"] for term in GLOSSARY])
def test_every_translation_uses_the_glossary_term(term: dict[str, Any]) -> None:
    wrong = [
        f"{where}: {spanish[:120]!r}"
        for where, english, spanish in PAIRS
        if _needs_the_term(english, spanish, term["en"]) and not any(_says(spanish, form) for form in term["es"])
    ]
    assert wrong == [], f"the Spanish for {term['en']!r} is {term['es']}"


def test_the_glossary_is_used() -> None:
    """Each term turns up in something translated (else the entry guards nothing and should go)."""
    unused = [term["en"] for term in GLOSSARY if not any(_says(english, term["en"]) for _, english, _ in PAIRS)]
    assert unused == []
    assert len(PAIRS) > 400
