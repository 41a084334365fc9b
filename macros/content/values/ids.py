"""Ids: the file names that become page addresses. One pattern for the loader, the checker and editor schemas."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""Lower-case letters and digits in words joined by single hyphens."""
_ID = re.compile(ID_PATTERN)
MAX_SLUG = 60


def is_id(text: str) -> bool:
    return bool(_ID.match(text))


def slugify(text: str) -> str:
    """`Peer Support: Part 2 (2024)` → `peer-support-part-2-2024`; letters lose their accents, the rest is dropped."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def id_problem(text: str) -> str | None:
    """What is wrong with `text` as an id, and the id to write instead; None when it is one."""
    if is_id(text):
        return None
    example = slugify(text) or "my-id"
    return f"{text!r} is not an id; use lower-case letters, digits and hyphens, like {example!r}"
