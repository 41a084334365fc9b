"""Shortening text for a place with little room: one rule for listings, search and office files."""

from __future__ import annotations


def excerpt(text: str | None, limit: int = 160) -> str:
    """The start of a summary for a listing: whole sentences when they fit, else whole words and an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit + 1]
    sentence_end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if sentence_end >= limit // 2:
        return head[: sentence_end + 1]
    return head[: head.rfind(" ")].rstrip(",;:–-— ") + "…"
