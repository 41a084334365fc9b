"""Shortening text for a place with little room: one rule for listings, search and office files; and the mark on
text that a page in another language shows in English."""

from __future__ import annotations


class Untranslated(str):
    """Text of a page in another language shown as written in English, because no translation gives it.

    Pages mark it `lang="en"` (macros/site/render.py), so screen readers read it as English; what is cut or split
    from it stays marked."""

    __slots__ = ()


def like(original: str | None, text: str) -> str:
    """`text`, marked Untranslated when the text it was made from is."""
    return Untranslated(text) if isinstance(original, Untranslated) else text


def excerpt(text: str | None, limit: int = 160) -> str:
    """The start of a summary for a listing: whole sentences when they fit, else whole words and an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return like(text, flat)
    head = flat[: limit + 1]
    sentence_end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if sentence_end >= limit // 2:
        return like(text, head[: sentence_end + 1])
    return like(text, head[: head.rfind(" ")].rstrip(",;:–-— ") + "…")
