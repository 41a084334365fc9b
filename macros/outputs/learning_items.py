"""`/my-learning/items.json`: what the site holds now, for the record a person keeps in their browser.

My learning (docs/javascripts/my-learning.js) reads it to show each kept item under its current title and address,
to find an item kept under an old id (`aliases`) by its new key, and to tell an item that has left the site, which
it keeps and marks, never drops. Certificates take the presenters, the length and any credit offered from it. It
is fetched only by the My learning pages, from this site.
"""

from __future__ import annotations

import json
from typing import Any

from macros.content import model as m
from macros.content.learning import Keepable, keepables, presenter_name
from macros.content.values.text import Untranslated
from macros.content.words import ENGLISH, Wording
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.listings import LEARNING_ITEMS
from macros.site.relations import Relations

ITEMS_FORMAT = "hub-learning-items"
ITEMS_VERSION = 1


def _credit(credit: m.Credit) -> dict[str, str]:
    fields = {"provider": credit.provider, "offered": credit.offered, "url": credit.evaluation_url}
    return fields | ({"note": " ".join(credit.note.split())} if credit.note else {})


def _english(keep: Keepable) -> list[str]:
    """The fields shown in English because no translation gives them: the page marks them `lang="en"`."""
    credit = keep.credit
    texts = {"title": keep.title, "offered": credit.offered if credit else "", "note": credit.note if credit else ""}
    return [name for name, text in texts.items() if isinstance(text, Untranslated)]


def _item(keep: Keepable, catalog: m.Catalog) -> dict[str, Any]:
    """Title and address of every item; presenters, length and credit only where it can be marked as watched;
    which of its texts are English on a page in another language."""
    entry: dict[str, Any] = {"title": keep.title, "path": keep.path}
    if english := _english(keep):
        entry["english"] = english
    if keep.watchable:
        entry["presenters"] = [presenter_name(catalog.people[person]) for person in keep.presenters]
        if keep.minutes:
            entry["minutes"] = keep.minutes
    if keep.credit:
        entry["credit"] = _credit(keep.credit)
    return entry


def learning_items(catalog: m.Catalog, words: Wording = ENGLISH) -> dict[str, Any]:
    items: dict[str, Any] = {}
    renamed: dict[str, str] = {}
    for keep in keepables(catalog, words):
        items[keep.key] = _item(keep, catalog)
        renamed.update(dict.fromkeys(keep.old_keys, keep.key))
    return {"format": ITEMS_FORMAT, "version": ITEMS_VERSION, "items": items, "renamed": renamed}


def learning_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    text = json.dumps(learning_items(catalog, info.language), ensure_ascii=False, separators=(",", ":"))
    return [OutputFile(info.language.path(LEARNING_ITEMS), (text + "\n").encode("utf-8"))]
