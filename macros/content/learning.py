"""What a person can keep in My learning, and the key each item is kept under on their device.

A key is the kind and the id (`training:team-debrief`; a series session `session:test-vln/3`), never the title or
the address, so a record made today still finds its item after a rename: each old id in `aliases` maps to the current
key. Items leave the site too; the browser keeps what it saved of them and says so (docs/javascripts/my-learning.js).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from macros.content import model as m
from macros.content.kinds import KINDS
from macros.content.routes import item_path, series_path, session_path
from macros.content.words import ENGLISH, Wording

SESSION = "session"
"""The key word of a series session: sessions have no kind of their own in the table of kinds."""


@dataclass(frozen=True)
class Keepable:
    """One item a person can save for later; one with a recording to watch can also be marked as watched."""

    key: str
    kind: str
    """The key's first part: a kind's word (`training`, `series`, `action-plan`…) or `session`."""
    title: str
    path: str
    old_keys: tuple[str, ...] = ()
    """The keys this item had under the ids in its (or its series') `aliases`."""
    recording: m.Recording | None = None
    presenters: tuple[str, ...] = ()
    """Ids of the people who presented it (a session's series facilitators when it names none)."""
    credit: m.Credit | None = None

    @property
    def watchable(self) -> bool:
        """Only a recording that can be watched here can be marked as watched."""
        return self.recording is not None and self.recording.status == "available"

    @property
    def minutes(self) -> int | None:
        """The recording's length, when the content gives it; otherwise the person says how long they watched."""
        return self.recording.duration if self.recording else None


def key(kind_word: str, item_id: str) -> str:
    return f"{kind_word}:{item_id}"


def session_key(series_id: str, number: int) -> str:
    return key(SESSION, f"{series_id}/{number}")


def _series(series: m.Series, words: Wording) -> Iterator[Keepable]:
    olds = series.aliases
    yield Keepable(
        key("series", series.id), "series", series.title, series_path(series), tuple(key("series", old) for old in olds)
    )
    for session in series.sessions:
        yield Keepable(
            session_key(series.id, session.number),
            SESSION,
            m.untitled(session, words),
            session_path(series, session),
            tuple(session_key(old, session.number) for old in olds),
            session.recording,
            session.presenters or series.facilitators,
        )


def keepables(catalog: m.Catalog, words: Wording = ENGLISH) -> Iterator[Keepable]:
    """Every item of a savable kind in the table of kinds, and every session of a series, in table order; an
    untitled session named in `words`' language."""
    for kind in KINDS:
        if not kind.savable:
            continue
        for item in kind.items(catalog).values():
            if isinstance(item, m.Series):
                yield from _series(item, words)
                continue
            yield Keepable(
                key(kind.word, item.id),
                kind.word,
                getattr(item, "title", None) or item.name,  # as it is: Untranslated stays marked
                item_path(kind.name, item.id),
                tuple(key(kind.word, old) for old in item.aliases),
                getattr(item, "recording", None),
                getattr(item, "presenters", ()),
                getattr(item, "credit", None),
            )


def presenter_name(person: m.Person) -> str:
    """A name as an attendance record shows it: with credentials, which licensing boards ask for."""
    return f"{person.name}, {person.credentials}" if person.credentials else person.name
