"""Safe-messaging wording: phrases that harm people who read about suicide or substance use, with what to write.

The list follows the project's reference facts (../shared/FACTS.md): say "died by suicide", never "committed
suicide" or "successful suicide"; use person-first language, not "addict" or "abuser". The same holds in Spanish.
"""

from __future__ import annotations

import re

AVOID: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcommit(?:s|ted|ting)?\s+suicide\b", re.IGNORECASE), "died by suicide"),
    (re.compile(r"\bsuccessful\s+suicides?\b", re.IGNORECASE), "died by suicide"),
    (re.compile(r"\b(?:drug\s+|substance\s+)?addicts?\b", re.IGNORECASE), "person who uses drugs"),
    (re.compile(r"\b(?:drug\s+|substance\s+)?abusers?\b", re.IGNORECASE), "person who uses drugs"),
    (re.compile(r"\bcomet(?:ió|io|e|en|er|ido|ieron|iendo)\s+(?:el\s+|un\s+)?suicidio", re.IGNORECASE),
     "murió por suicidio"),
    (re.compile(r"\bsuicidios?\s+(?:exitosos?|logrados?)", re.IGNORECASE), "murió por suicidio"),
    (re.compile(r"\b(?:drog)?adict(?:o|a)s?\b", re.IGNORECASE), "persona que usa drogas"),
    (re.compile(r"\babusador(?:es|as?)?\s+de\s+(?:sustancias|drogas)", re.IGNORECASE), "persona que usa drogas"),
)  # fmt: skip
"""(phrase, wording to use instead): English, and the same guidance in Spanish ("murió por suicidio", never "cometió
suicidio"; "persona que usa drogas", never "adicto")."""


def wording_problem(text: str) -> tuple[int, str] | None:
    """Where in `text` the first phrase to avoid starts, and what to write instead; None when the text is fine."""
    found = min(
        ((match.start(), " ".join(match.group(0).split()), instead) for pattern, instead in AVOID
         if (match := pattern.search(text))),
        default=None,
    )  # fmt: skip
    if found is None:
        return None
    start, phrase, instead = found
    return start, f'says "{phrase}"; safe-messaging guidance asks for "{instead}" (or similar person-first wording)'
