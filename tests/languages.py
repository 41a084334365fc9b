"""Reading a page in another language as its reader does: the words it shows, less what it marks as English, checked
against the catalog's English side. Shared by the built-site tests and the browser tests (which read the page after
its scripts have run)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import html5lib
from babel.messages.pofile import read_po

from macros.site.language import LOCALES

HIDDEN = {"script", "style", "template", "svg", "noscript", "head"}
READ_OUT = ("aria-label", "title", "placeholder", "alt")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def visible_text(page_html: str) -> str:
    """The words a reader of the page sees or hears, less every element marked English (`lang="en"`): what the
    page says in its own language."""
    root = html5lib.parse(page_html, treebuilder="etree", namespaceHTMLElements=False)
    parts: list[str] = []

    def walk(element: Any) -> None:
        tag = _local(element.tag)
        marked_english = (element.get("lang") or "").startswith("en") and tag != "html"
        if tag not in HIDDEN and not marked_english:
            if element.text:
                parts.append(element.text)
            parts.extend(element.get(name) or "" for name in READ_OUT)
            for child in element:
                walk(child)
        if element.tail:
            parts.append(element.tail)

    walk(root)
    return " ".join(" ".join(parts).split())


def catalog_pairs() -> Iterator[tuple[str, str, str]]:
    """(the message's id, English, Spanish) for every form of every message of the Spanish catalog."""
    with (LOCALES / "es" / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalog = read_po(source)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, spanish in zip(ids, strings, strict=False):
            yield ids[0], english, spanish


@cache
def english_interface() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each English message of the catalog whose Spanish differs, as a pattern of its words (placeholders and
    markup left out), longest first."""
    found = []
    for _, english, spanish in catalog_pairs():
        if english == spanish:
            continue
        words = re.sub(r"<[^>]+>", " ", english)
        pieces = [" ".join(piece.split()) for piece in re.split(r"%\(\w+\)s", words)]
        pieces = [piece for piece in pieces if re.search(r"[A-Za-z]{2,}", piece)]
        if not any(len(piece.split()) > 1 or len(piece) > 3 for piece in pieces):
            continue  # a download link's " of %(title)s": a word too short to tell English from a name
        pattern = r"(?<![\w-])" + r".{0,300}?".join(re.escape(piece) for piece in pieces) + r"(?![\w-])"
        found.append((english, re.compile(pattern)))
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


_NAME_WORD = re.compile(r"[A-Z][\w&'-]*")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalized match is part of a longer English name the Spanish keeps as it is ("Peer Support
    Community Partners", "Therapeutic Group Sessions"): a capitalized English word touches it."""
    before = text[:start].split()[-1:] or [""]
    after = text[end:].split()[:1] or [""]
    quotes = "\"“”«»()'"
    return bool(_NAME_WORD.fullmatch(before[0].strip(quotes)) or _NAME_WORD.fullmatch(after[0].strip(quotes)))


def english_interface_on(text: str) -> list[str]:
    """The English interface messages that `text` (what a Spanish page says) holds: each is a word left untranslated."""
    found = []
    for english, pattern in english_interface():
        for match in pattern.finditer(text):
            if not (match.group(0)[:1].isupper() and _inside_a_name(text, match.start(), match.end())):
                found.append(english)
                break
    return found
