"""Did-you-mean: one rule for how close a typo must be to a known word before it is offered as the fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6
"""difflib's similarity ratio; below it a "did you mean" would mislead more often than it helps."""


def closest(word: str, known: Iterable[str], n: int = 1) -> list[str]:
    """Up to `n` of `known` that look most like `word`, best first; none when nothing is close enough."""
    return difflib.get_close_matches(word, list(known), n=n, cutoff=CUTOFF)
