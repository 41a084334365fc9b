"""References written as a maintainer writes them in a spreadsheet: an id, or a name or title (case, accents and
spacing ignored). An unknown one is answered with the closest names there are, or where to add it."""

from __future__ import annotations

from dataclasses import dataclass

from macros.content import model as m
from macros.content.kinds import KINDS, Kind
from macros.content.sheets import SHEETS, normal
from macros.content.values.suggest import closest

AUDIENCE = "audience"
"""Audiences are referred to like kinds, but live in one file (sessions/audiences.yaml)."""


@dataclass(frozen=True)
class Unknown:
    """A reference that names nothing, and what to write instead."""

    message: str


class Names:
    """Ids and names of every item a reference may name: the site's, and the ones a workbook adds."""

    def __init__(self, catalog: m.Catalog) -> None:
        self.ids: dict[str, set[str]] = {name: set() for name in [kind.name for kind in KINDS] + [AUDIENCE]}
        self.names: dict[str, dict[str, list[str]]] = {name: {} for name in self.ids}
        """Kind → normalized name → ids (two people may share a name)."""
        self.shown: dict[tuple[str, str], str] = {}
        for kind in KINDS:
            for item_id, item in kind.items(catalog).items():
                self.add(kind.name, item_id, str(getattr(item, kind.title_field)))
        for audience in catalog.audiences.values():
            self.add(AUDIENCE, audience.id, audience.title)

    def add(self, kind_name: str, item_id: str, name: str) -> None:
        self.ids[kind_name].add(item_id)
        if name:
            self.names[kind_name].setdefault(normal(name), []).append(item_id)
            self.shown[(kind_name, item_id)] = name

    def called(self, kind_name: str, name: str) -> list[str]:
        """The ids of the items of `kind_name` whose name is `name`, as far as case and accents go."""
        return list(dict.fromkeys(self.names[kind_name].get(normal(name), [])))

    def resolve(self, kind_name: str, text: str) -> str | Unknown:
        """The id `text` stands for, or what to write instead."""
        if text in self.ids[kind_name]:
            return text
        matches = self.called(kind_name, text)
        if len(matches) == 1:
            return matches[0]
        word = _word(kind_name)
        if matches:
            return Unknown(f"{len(matches)} {word}s are called {text!r} ({', '.join(matches)}); write the id instead")
        by_name = {name: ids[0] for name, ids in self.names[kind_name].items()}
        close = closest(normal(text), [*by_name, *sorted(self.ids[kind_name])], n=3)
        shown = list(dict.fromkeys(self._shown(kind_name, by_name.get(found, found)) for found in close))
        hint = f"; did you mean {' or '.join(shown)}?" if shown else f"; {_where_to_add(kind_name)}"
        if "," in text and not shown:
            hint += "; several go on separate lines, or are separated by ;"
        return Unknown(f"no {word} has the id or name {text!r}{hint}")

    def _shown(self, kind_name: str, item_id: str) -> str:
        name = self.shown.get((kind_name, item_id))
        return f"{name} ({item_id})" if name else repr(item_id)


def _kind(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


def _word(kind_name: str) -> str:
    return AUDIENCE if kind_name == AUDIENCE else _kind(kind_name).singular


def _where_to_add(kind_name: str) -> str:
    if kind_name == AUDIENCE:
        return "the audiences are the ones in sessions/audiences.yaml (the sheet Existing audiences lists them)"
    kind = _kind(kind_name)
    main = next(sheet.name for sheet in SHEETS if sheet.kind == kind and sheet.is_main)
    return f"add the {kind.singular} on a sheet {main} in this workbook, or to sessions/{kind.folder}/ first"
