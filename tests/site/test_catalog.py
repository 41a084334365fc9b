"""The message catalog is whole: every interface string is in it, and the Spanish catalog translates every one.

A fresh `pybabel extract` (pyproject.toml's [tool.babel], the README's command) must find exactly the messages of
macros/site/locales/es/LC_MESSAGES/messages.po, each translated and none fuzzy. Templates, theme overrides and
scripts may hold no user-facing words outside `_()`, `ngettext()` or `t()`/`tn()`: a word written straight into one
would be English on every Spanish page.
"""

from __future__ import annotations

import ast
import html.parser
import os
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from jinja2 import nodes

from macros.site.language import LOCALES, load_language
from macros.site.render import environment

from ..conftest import ROOT

SPANISH = LOCALES / "es" / "LC_MESSAGES" / "messages.po"
TEMPLATES = sorted((ROOT / "macros" / "site" / "templates").glob("*.html")) + sorted(
    (ROOT / "overrides").rglob("*.html")
)
SCRIPTS = sorted((ROOT / "docs" / "javascripts").glob("*.js"))
WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
USER_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "label", "aria-description", "value"}
"""Attributes whose value a person reads or hears."""
SAME_IN_EVERY_LANGUAGE = {"doi"}
"""Words written into a template that read the same in every language (a DOI prefix)."""


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """What `pybabel extract -F pyproject.toml` finds now, as the README tells a developer to run it."""
    target = tmp_path_factory.mktemp("catalog") / "messages.pot"
    command = ["pybabel", "-q", "extract", "-F", str(ROOT / "pyproject.toml"), "-o", str(target), "--no-wrap"]
    previous = Path.cwd()
    try:
        os.chdir(ROOT)
        CommandLineInterface().run([*command, "."])
    finally:
        os.chdir(previous)
    with target.open("rb") as source:
        return read_po(source)


@pytest.fixture(scope="module")
def spanish() -> Catalog:
    with SPANISH.open("rb") as source:
        return read_po(source, locale="es")


def _ids(catalog: Catalog) -> set[str]:
    return {message.id if isinstance(message.id, str) else message.id[0] for message in catalog if message.id}


def test_the_spanish_catalog_has_every_message_extracted_and_no_other(extracted: Catalog, spanish: Catalog) -> None:
    missing = sorted(_ids(extracted) - _ids(spanish))
    stale = sorted(_ids(spanish) - _ids(extracted))
    assert missing == [], "run pybabel extract and pybabel update (README, Languages), then translate these"
    assert stale == [], "no template, script or module uses these any more: run pybabel update"
    assert not list(spanish.obsolete), "remove the obsolete (#~) entries: pybabel update --ignore-obsolete"


def test_every_spanish_entry_is_translated_and_none_is_fuzzy(spanish: Catalog) -> None:
    untranslated = [message.id for message in spanish if message.id and not all(_forms(message.string))]
    fuzzy = [message.id for message in spanish if message.id and message.fuzzy]
    assert untranslated == []
    assert fuzzy == [], "check each fuzzy translation, then remove its `#, fuzzy` line"


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return (string,) if isinstance(string, str) else tuple(string)


def test_every_translation_keeps_the_placeholders_and_markup_of_its_message(spanish: Catalog) -> None:
    """Babel's own checks (python-format placeholders), and the same links and tags as the English."""
    assert [(message.id, str(error)) for message, errors in spanish.check() for error in errors] == []
    for message in spanish:
        if not message.id:
            continue
        source = " ".join(message.id if isinstance(message.id, tuple) else (message.id,))
        placeholders = set(re.findall(r"%\(\w+\)s", source))
        tags = re.findall(r"</?(\w+)", message.id[0] if isinstance(message.id, tuple) else message.id)
        for form in _forms(message.string):
            assert set(re.findall(r"%\(\w+\)s", form)) <= placeholders, message.id
            assert re.findall(r"</?(\w+)", form) == tags, message.id  # each plural form has the singular's markup


def test_the_build_compiles_the_catalog_and_reads_it(spanish: Catalog) -> None:
    language = load_language("es")
    assert language.gettext("Trainings") == "Capacitaciones"
    assert language.ngettext("%(num)s session", "%(num)s sessions", 2) == "%(num)s sesiones"


# Templates and scripts: no word outside the catalog ----------------------------------------------------------------


class _Visible(html.parser.HTMLParser):
    """Text a reader sees or hears in a piece of HTML: its text and the values of attributes that are read out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg"):
            self.hidden += 1
        for name, value in attrs:
            if name in USER_ATTRIBUTES and value and not (tag == "input" and name == "value"):
                self.found.append(f"{tag}@{name}={value}")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.found.append(data.strip())


def _outside_catalog_in_markup(source: str) -> list[str]:
    """The template's HTML with every expression, tag and comment taken out: what is left is written text."""
    text = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    text = re.sub(r"\{%-?\s*trans\b.*?endtrans\s*-?%\}", "0", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}", "0", text, flags=re.S)
    text = re.sub(r"\{%.*?%\}", "", text, flags=re.S)
    visible = _Visible()
    visible.feed(text)
    return [
        found
        for found in visible.found
        if any(word.lower() not in SAME_IN_EVERY_LANGUAGE for word in WORD.findall(found.split("=", 1)[-1]))
    ]


_GETTEXT = {"_", "gettext", "ngettext"}
_PROSE = re.compile(r"[A-Za-zÀ-ÿ]{2,}\s+[A-Za-zÀ-ÿ]{2,}|^[A-Z][a-zà-ÿ]+")


def _outside_catalog_in_expressions(source: str) -> list[str]:
    """String constants in the template's expressions that read as words (`"Learning network"`, `"Topics"`),
    except those handed to `_()`/`ngettext()` and those only compared, looked up or named as templates."""
    tree = environment().parse(source)
    skipped: set[int] = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in _GETTEXT:
            skipped.update(id(const) for arg in call.args for const in arg.find_all(nodes.Const))
            skipped.update(id(arg) for arg in call.args if isinstance(arg, nodes.Const))
    for node in (*tree.find_all(nodes.Compare), *tree.find_all(nodes.Getitem), *tree.find_all(nodes.Test)):
        skipped.update(id(const) for const in node.find_all(nodes.Const))
    for node in (*tree.find_all(nodes.Include), *tree.find_all(nodes.Import), *tree.find_all(nodes.Extends)):
        skipped.update(id(const) for const in node.find_all(nodes.Const))
    return [
        repr(const.value)
        for const in tree.find_all(nodes.Const)
        if isinstance(const.value, str) and id(const) not in skipped and _reads_as_words(const.value)
    ]


def _reads_as_words(value: str) -> bool:
    """Words a person reads, not a list of CSS classes (`md-header--shadow md-header--lifted`)."""
    tokens = value.split()
    return bool(_PROSE.search(value)) and not all("-" in token or "_" in token for token in tokens)


@pytest.mark.parametrize("template", TEMPLATES, ids=[path.relative_to(ROOT).as_posix() for path in TEMPLATES])
def test_no_template_holds_a_user_facing_string_outside_the_catalog(template: Path) -> None:
    source = template.read_text(encoding="utf-8")
    assert _outside_catalog_in_markup(source) == [], 'wrap the words in {{ _("…") }}'
    assert _outside_catalog_in_expressions(source) == [], "hand the words to _() or ngettext()"


_JS_TOKEN = re.compile(
    r"""(?P<comment>//[^\n]*|/\*.*?\*/)"""
    r"""|(?P<string>'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")"""
    r"""|(?P<template>`(?:\\.|\$\{[^}]*\}|[^`\\])*`)"""
    r"""|(?P<regex>(?<=[(,=:!&|?{};\[])\s*/(?![/*])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+/[gimsuy]*)""",
    re.S,
)
_CATALOG_CALL = re.compile(r"\b(?:t|tn)\(\s*$|\btn\(\s*(?:'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\")\s*,\s*$")
_DOM_CALL = re.compile(
    r"\b(?:getAttribute(?:NS)?|setAttribute(?:NS)?|getElementsByTagName(?:NS)?|createElement(?:NS)?|"
    r"querySelector(?:All)?)\(\s*(?:\w+,\s*)?$"
)


def _script_strings(source: str) -> list[tuple[str, str]]:
    """Every string literal of a script (template literals without their `${…}`), with the code just before it."""
    found = []
    for match in _JS_TOKEN.finditer(source):
        kind = match.lastgroup
        if kind in ("string", "template"):
            value = re.sub(r"\$\{[^}]*\}", " ", match.group(0)[1:-1])
            found.append((value, source[max(0, match.start() - 300) : match.start()]))
    return found


def _in_catalog_call(before: str) -> bool:
    """Whether the literal is a `t(…)` or `tn(…)` message (the first argument, or the second of tn), or a name the
    code hands to the DOM (an attribute or an XML element: `getAttribute("Target")`)."""
    return bool(_CATALOG_CALL.search(before) or _DOM_CALL.search(before))


SCRIPT_CODE = re.compile(
    r"^(?:[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+[A-Z]\w*|[A-Z]+(?:\|[A-Z]+)*|(?:Arrow)?(?:Up|Down|Escape|Enter)|"
    r"[a-z][\w-]*(?:\.[\w-]+)*|.*[=\[\]#:/@{}<>].*|use strict|\s*)$"
)
"""What a script's code writes that nobody reads: identifiers and keys, selectors, addresses, XML names, key names."""


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.name for path in SCRIPTS])
def test_no_script_holds_a_user_facing_string_outside_the_catalog(script: Path) -> None:
    found = [
        value
        for value, before in _script_strings(script.read_text(encoding="utf-8"))
        if not _in_catalog_call(before) and _PROSE.search(value) and not SCRIPT_CODE.match(value)
    ]
    assert found == [], "hand the words to t() or tn() (javascripts/i18n.js)"


_SCRIPT_MESSAGE = re.compile(r"""\b(?:t|tn|hubT|hubTn)\(\s*("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""")


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.name for path in SCRIPTS])
def test_every_script_message_is_extracted(script: Path, extracted: Catalog) -> None:
    """A `t("…")` that `pybabel extract` does not see (Babel's JavaScript lexer cannot read one inside a template
    literal's `${…}` that also holds an object literal) would stay English on every Spanish page."""
    code = re.sub(r"/\*.*?\*/|^\s*//.*$", "", script.read_text(encoding="utf-8"), flags=re.S | re.M)
    messages = [ast.literal_eval(found) for found in _SCRIPT_MESSAGE.findall(code)]
    assert [message for message in messages if message not in _ids(extracted)] == [], (
        "write t(…) outside template literals: `" + '" " + t("…")' + "`, so pybabel extract finds it"
    )


def test_the_checks_find_words_outside_the_catalog() -> None:
    """The checks above would fail on the mistakes they stand for."""
    assert _outside_catalog_in_markup('<p class="x">Recording to watch</p>') == ["Recording to watch"]
    assert _outside_catalog_in_markup('<a aria-label="Key facts" href="{{ u }}">{{ _("x") }}</a>') == [
        "a@aria-label=Key facts"
    ]
    assert _outside_catalog_in_markup("{{ _('Fine') }} {% trans %}Also fine{% endtrans %} doi:") == []
    assert _outside_catalog_in_expressions('{{ "Virtual Learning Network" if x else _("Archive") }}') == [
        "'Virtual Learning Network'"
    ]
    assert _outside_catalog_in_expressions('{{ p.text_section("purpose", "Purpose", v) }}') == ["'Purpose'"]
    script = (
        'say("Your answers were erased."); say(t("Fine")); el.querySelector("[data-x]"); var n = tn("a b", "c d", 2);'
    )
    found = [v for v, b in _script_strings(script) if not _in_catalog_call(b) and _PROSE.search(v)]
    assert [v for v in found if not SCRIPT_CODE.match(v)] == ["Your answers were erased."]
