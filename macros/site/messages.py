"""The message catalog beyond templates: the scripts' words per language, the notes on a translated page, and the
extractor that puts mkdocs.yml's menu titles into the catalog.

The scripts (docs/javascripts/*.js) call `t("…")` and `tn("…", "…", n)` (docs/javascripts/i18n.js). The build reads
which messages they use from the scripts themselves, with Babel's JavaScript extractor (the same one
`pybabel extract` runs), and writes each language's translations of exactly those as `javascripts/messages.<code>.js`,
which the theme loads before the scripts on that language's pages. English needs no file: a message is its own text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import yaml
from babel.messages.extract import extract_from_file

from macros.content.routes import relative
from macros.content.words import N_
from macros.site.language import Language
from macros.site.render import render

SCRIPT_KEYWORDS: dict[str, Any] = {"t": None, "tn": (1, 2)}
"""How the scripts mark their words; pyproject.toml's [tool.babel] gives `pybabel extract` the same."""
NOT_FOUND_TITLE = N_("Page not found")


def script_words(scripts: Path) -> list[str | tuple[str, str]]:
    """Every message the scripts in `scripts` (not its vendor/ folder) show, in order, each once."""
    found: dict[str | tuple[str, str], None] = {}
    for script in sorted(scripts.glob("*.js")):
        for _line, message, _comments, _context in extract_from_file("javascript", script, SCRIPT_KEYWORDS):
            found.setdefault(message if isinstance(message, str) else (message[0], message[1]))
    return list(found)


def script_messages(language: Language, scripts: Path) -> bytes:
    """`window.hubMessages` for `language`: each message the scripts use, translated (plurals as their two forms).

    Only a language whose plural rule is English's (one, and every other number) is supported, which the check
    below holds every catalog to: a script would pick the wrong form otherwise."""
    plural = getattr(language.translations, "plural", None)
    if plural is not None and any(plural(count) != int(count != 1) for count in range(1000)):
        raise ValueError(f"{language.code}: the scripts know plural rules of two forms only, one and other")
    messages: dict[str, str] = {}
    plurals: dict[str, list[str]] = {}
    for word in script_words(scripts):
        if isinstance(word, tuple):
            forms = [language.ngettext(word[0], word[1], 1), language.ngettext(word[0], word[1], 2)]
            if forms != list(word):
                plurals[word[0]] = forms
        elif (translated := language.gettext(word)) != word:
            messages[word] = translated
    data = json.dumps({"lang": language.code, "messages": messages, "plurals": plurals}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))  # fmt: skip
    header = (
        f"/* The words the site's scripts show, in {language.name}: made by the build from the message catalog "
        "(macros/site/locales), read by javascripts/i18n.js. */\n"
    )
    return (header + f"window.hubMessages = {data};\n").encode("utf-8")


def synonyms_file(language: Language) -> str:
    """Where a language's synonym groups are written beside the search index."""
    return "synonyms.json" if language.is_source else f"synonyms.{language.code}.json"


def not_found_page(language: Language) -> str:
    """A language's not-found page: the theme's 404 template, rendered in that language."""
    title = json.dumps(language.gettext(NOT_FOUND_TITLE), ensure_ascii=False)
    return f"---\ntemplate: 404.html\ntitle: {title}\nrender_macros: false\n---\n"


def page_notes(language: Language, url: str, original: str, english_parts: bool, untranslated: bool = False) -> str:
    """What a page in another language says under its title: that it is the hub's translation, with a link to the
    English original, and, when some text is shown in English, that it is so, once; on the page of an item no
    translation gives a word for, that its text is all in English (and the link)."""
    href = relative(url, original) if original else ""
    return render(
        "page_notes.html", url, language, original=href, english_parts=english_parts, untranslated=untranslated
    )


class _NavLoader(yaml.SafeLoader):
    """YAML's safe loader that reads any tag (`!ENV`, `!!python/name`) as nothing: only the titles matter here."""


_NavLoader.add_multi_constructor("", lambda _loader, _suffix, _node: None)


def extract_nav(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """A Babel extractor for mkdocs.yml: every title of the `nav:` menu, which each language's menu translates.

    Named in pyproject.toml's [tool.babel] (`pybabel extract -F pyproject.toml`)."""
    text = fileobj.read().decode("utf-8")
    nav = (yaml.load(text, Loader=_NavLoader) or {}).get("nav") or []
    lines = text.splitlines()
    for title in _titles(nav):
        line = next((number for number, each in enumerate(lines, 1) if each.strip().startswith(f"- {title}:")), 1)
        yield line, None, title, []  # (line, function name, message, comments), as Babel's extractors yield


def _titles(entries: Any) -> Iterator[str]:
    if isinstance(entries, list):
        for entry in entries:
            yield from _titles(entry)
    elif isinstance(entries, dict):
        for title, value in entries.items():
            yield str(title)
            yield from _titles(value)
