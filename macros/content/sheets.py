"""The catalog as spreadsheet sheets, derived from the table of kinds and the field specs: no field is named here.

Each kind has a main sheet (`Trainings`: a row per item, its `ID` first) and a sheet per list of objects inside it
(`Training handouts`: a row per handout, after the id of the training it belongs to; a list inside a list adds the
place of its parent: `Series session handouts` has `Series` and `Session`). Every other field is one column, named
from its path (`recording.url` is the column `Recording URL`); a list of ids, choices or texts is one cell with an
item per line. A field added to a spec becomes a column (or a sheet) with no code written, and
`tests/content/test_sheets.py` fails if one could not.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.content import model as m
from macros.content import spec as s
from macros.content.check import describe
from macros.content.kinds import KINDS, Kind
from macros.content.records import Record, read_record
from macros.content.routes import page_path

ID_HEADER = "ID"
ADDRESS_HEADER = "Address"
"""Written by the export (each item's published address) and skipped by the import."""
README_SHEET = "README"
LISTS_SHEET = "Lists"
EXISTING = "Existing "
"""Reference sheets of a template (`Existing people`): ids and names already on the site; the import skips them."""
CELL_LIMIT = 32_767
"""The most characters a spreadsheet cell holds (Excel; openpyxl cuts longer text without a word)."""
CUT = "\n[…] (cut here: the whole text is longer than a spreadsheet cell holds; the CSV files have all of it)"
"""Ends a cell the export had to cut; the import never takes such a cell for the text."""
BULLET = "• "
"""Starts each item of a list cell whose items run over several lines."""
_ACRONYMS = {"id": "ID", "url": "URL", "doi": "DOI"}


class LayoutError(Exception):
    """A spec shape that no sheet can hold (a list of lists): a programming error, caught by the tests."""


@dataclass(frozen=True)
class Column:
    """One field of a row's object, or a list of plain values in one cell."""

    path: tuple[str, ...]
    """Field names from the row's object down to the value: `("recording", "url")`."""
    spec: s.Spec
    required: bool
    """Needed in every row: required in its object, and every object around it is required too."""
    header: str
    needed_with: tuple[str, ...] = ()
    """For a field required in an optional object (`recording.status`): that object's path, `("recording",)`."""

    @property
    def field(self) -> str:
        """The field as `validate` names it within the row's object: `recording.url`."""
        return ".".join(self.path)


@dataclass(frozen=True)
class Step:
    """One field on the way from an item to a sheet's rows."""

    name: str
    is_list: bool


@dataclass(frozen=True)
class Sheet:
    """A kind's main sheet, or the sheet of one list of objects inside its items."""

    name: str
    kind: Kind
    steps: tuple[Step, ...]
    """From the item to this sheet's list: `()` for the main sheet, `(sessions, handouts)` for session handouts."""
    spec: s.Obj
    """The object each row describes."""
    columns: tuple[Column, ...]

    @property
    def is_main(self) -> bool:
        return not self.steps

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns that say whose row this is: `ID` on a main sheet; the item, then the place of each list
        item above this one (`Series`, `Session`), on a list sheet."""
        if self.is_main:
            return (ID_HEADER,)
        places = tuple(_words(_singular(step.name)) for step in self.steps[:-1] if step.is_list)
        return (label(self.kind), *places)

    @property
    def headers(self) -> tuple[str, ...]:
        return self.keys + tuple(column.header for column in self.columns)

    def column(self, path: tuple[str, ...]) -> Column | None:
        return next((column for column in self.columns if column.path == path), None)


def label(kind: Kind) -> str:
    """A kind's name in a header or sheet name: `Training`, `Action plan`."""
    return kind.name.replace("_", " ").capitalize()


def kind_sheets(kind: Kind) -> tuple[Sheet, ...]:
    """The main sheet, then a sheet per list of objects, parents before children."""
    main_name = kind.folder.replace("-", " ").capitalize()
    return _sheets(kind, main_name, (), kind.spec)


def _sheets(kind: Kind, name: str, steps: tuple[Step, ...], spec: s.Obj) -> tuple[Sheet, ...]:
    columns, lists = _columns(spec, (), True)
    sheet = Sheet(name, kind, steps, spec, tuple(columns))
    children: list[Sheet] = []
    for path, item in lists:
        inner = (*steps, *(Step(part, False) for part in path[:-1]), Step(path[-1], True))
        words = [label(kind)] + [_singular(step.name) if step.is_list else step.name for step in inner[:-1]]
        children.extend(_sheets(kind, _words(" ".join([*words, path[-1]])), inner, item))
    return (sheet, *children)


def _columns(
    spec: s.Obj, prefix: tuple[str, ...], required: bool, optional: tuple[str, ...] = ()
) -> tuple[list[Column], list[tuple[tuple[str, ...], s.Obj]]]:
    """The columns of an object (nested objects flattened) and the lists of objects that need sheets of their own."""
    columns: list[Column] = []
    lists: list[tuple[tuple[str, ...], s.Obj]] = []
    for name, declared in spec.fields.items():
        path = (*prefix, name)
        inner = declared.spec
        if isinstance(inner, s.Obj):
            outer = optional or (() if declared.required else path)
            more, deeper = _columns(inner, path, required and declared.required, outer)
            columns.extend(more)
            lists.extend(deeper)
        elif isinstance(inner, s.ListOf) and isinstance(inner.item, s.Obj):
            lists.append((path, inner.item))
        elif isinstance(inner, s.ListOf) and isinstance(inner.item, s.ListOf):
            raise LayoutError(f"{'.'.join(path)}: a list of lists has no place in a sheet")
        else:
            needed = optional if declared.required and not required else ()
            columns.append(Column(path, inner, required and declared.required, header(path), needed))
    return columns, lists


def header(path: tuple[str, ...]) -> str:
    """`("recording", "url")` → `Recording URL`; `("how_to_request", "phone")` → `How to request phone`."""
    return _words(" ".join(path))


def _words(text: str) -> str:
    words = [_ACRONYMS.get(word, word) for word in re.split(r"[\s_]+", text.strip())]
    first = words[0]
    return " ".join([first if first.isupper() else first.capitalize(), *words[1:]])


def _singular(name: str) -> str:
    return name.removesuffix("s")


SHEETS: tuple[Sheet, ...] = tuple(sheet for kind in KINDS for sheet in kind_sheets(kind))
"""Every sheet of every kind, in the order of the table of kinds: the export's sheets and the import's."""


def normal(text: str) -> str:
    """How headers, sheet names and people's names are compared: case, accents, spaces and `._-` ignored."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s._\-:*]+", " ", plain.casefold()).strip()


def sheet_called(name: str) -> Sheet | None:
    """The sheet a name (or a CSV file's name: `training-handouts`) stands for."""
    wanted = normal(name)
    return next((sheet for sheet in SHEETS if normal(sheet.name) == wanted), None)


def file_name(sheet: Sheet) -> str:
    """The export's CSV of a sheet: `training-handouts.csv`, which the import recognizes by its name."""
    return normal(sheet.name).replace(" ", "-") + ".csv"


def catalog_rows(catalog: m.Catalog, root: Path, site_url: str) -> dict[str, list[list[str]]]:
    """Every sheet's rows for the whole catalog (items by id), each item read from its file as written; a main
    sheet's rows end with the item's published address."""
    rows: dict[str, list[list[str]]] = {sheet.name: [] for sheet in SHEETS}
    for kind in KINDS:
        mine = [sheet for sheet in SHEETS if sheet.kind == kind]
        for item_id, item in sorted(kind.items(catalog).items()):
            record = read_record(root / item.source.file, kind.spec)
            for sheet in mine:
                rows[sheet.name].extend(sheet_rows(sheet, item_id, record))
            rows[mine[0].name][-1].append(site_url + page_path(kind, item))
    return rows


def sheet_rows(sheet: Sheet, item_id: str, record: Record) -> list[list[str]]:
    """One item's rows on `sheet`: its keys, then a cell per column (a list joined one item per line)."""
    return [[item_id, *(str(place) for place in places), *_cells(element, sheet.columns)]
            for places, element in _elements(record, sheet.steps, ())]  # fmt: skip


Placed = tuple[tuple[int, ...], Record]
"""An object of a list sheet, with the places of the list items above it."""


def _elements(holder: Record, steps: tuple[Step, ...], places: tuple[int, ...]) -> Iterator[Placed]:
    """The objects at the end of `steps`, each with the places (1 for the first) of the list items above it."""
    if not steps:
        yield places, holder
        return
    step, rest = steps[0], steps[1:]
    value = holder.get(step.name)
    if not step.is_list:
        if value:
            yield from _elements(value, rest, places)
        return
    for number, element in enumerate(value or [], start=1):
        yield from _elements(element, rest, places if not rest else (*places, number))


def _cells(record: Record, columns: tuple[Column, ...]) -> list[str]:
    cells = []
    for column in columns:
        value: Any = record
        for name in column.path:
            value = value.get(name) if isinstance(value, dict) else None
        cells.append(join_items(value) if isinstance(value, list) else str(value or ""))
    return cells


def fitted(text: str) -> str:
    """`text`, or its start and `CUT` when it is longer than a cell holds."""
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - len(CUT)] + CUT


def was_cut(text: str, whole: object) -> bool | None:
    """None for a cell the export did not cut; True when it is `whole` as the export cut it; False otherwise."""
    if not text.endswith(CUT.strip()):
        return None
    return isinstance(whole, str) and fitted(whole).strip() == text


def existing_sheet(kind_name: str) -> str:
    """A template's sheet of the ids and names already on the site: `Existing people`, `Existing audiences`."""
    folder = next((kind.folder for kind in KINDS if kind.name == kind_name), "audiences")
    return EXISTING + folder.replace("-", " ")


def is_reference(name: str) -> bool:
    """README, Lists and `Existing …` sheets explain or offer values; the import reads no rows from them."""
    wanted = normal(name)
    return wanted in (normal(README_SHEET), normal(LISTS_SHEET)) or wanted.startswith(normal(EXISTING))


def separable(spec: s.Spec) -> bool:
    """Ids, names and choices without `;` may also be separated by `;` in a list cell; texts only by line breaks."""
    if isinstance(spec, (s.Identifier, s.Ref)):
        return True
    return isinstance(spec, s.Choice) and not any(";" in option for option in spec.options)


def split_items(text: str, item: s.Spec) -> list[str]:
    """A list cell's items: one per line (and per `;` where `separable`), or, when the cell starts with `• `, one
    per bullet, so an item can run over several lines."""
    lines = text.split("\n")
    if lines[0].startswith(BULLET):
        items: list[str] = []
        for line in lines:
            if line.startswith(BULLET):
                items.append(line.removeprefix(BULLET))
            else:
                items[-1] += "\n" + line
    else:
        items = [part for line in lines for part in (line.split(";") if separable(item) else [line])]
    return [item.strip() for item in items if item.strip()]


def join_items(items: list[str]) -> str:
    """The list cell `split_items` reads back as `items`."""
    if any("\n" in item or item.startswith(BULLET) for item in items):
        return "\n".join(BULLET + item for item in items)
    return "\n".join(items)


def explain(column: Column, sheet: Sheet) -> str:
    """What to write in a column, for the README sheet and the cell's input message."""
    spec = column.spec
    item = spec.item if isinstance(spec, s.ListOf) else spec
    parts = [spec.doc or item.doc]
    if column.needed_with:
        parts.append(f"Needed when any {header(column.needed_with)} column is filled in.")
    if isinstance(item, s.Ref):
        main = next((each.name for each in SHEETS if each.is_main and each.kind.name == item.kind), None)
        also = f", or on this workbook's {main} sheet" if main else ""
        parts.append(f"Write the id or the name, as on the sheet {existing_sheet(item.kind)}{also}.")
    elif isinstance(item, s.Identifier):
        parts.append("Lower-case letters, digits and hyphens, like peer-support-basics.")
    elif isinstance(item, s.Choice) and all(option in parts[0] for option in item.options):
        pass
    elif isinstance(item, s.Date):
        parts.append("A year (2017), a month (2017-03) or a day (2017-03-14)" + (", or unknown." if item.allow_unknown
                     else "."))  # fmt: skip
    elif isinstance(item, s.Integer):
        parts.append(f"A whole number from {item.minimum} to {item.maximum}.")
    elif not isinstance(item, s.Text):
        parts.append(describe(item)[0].upper() + describe(item)[1:] + ".")
    if isinstance(spec, s.ListOf):
        also = " or separated by ;" if separable(item) else ""
        parts.append(f"Several: one per line (Alt+Enter in Excel, Ctrl+Enter in LibreOffice){also}.")
    return " ".join(part.strip() for part in parts if part)


_EPOCH = datetime.date(1899, 12, 30)
_SERIALS = (29_221, 76_700)
"""Spreadsheet day numbers from 1980 to 2109: a date cell that lost its date format (a number no year can be)."""
_GARBLED = re.compile("[ÃÂ][\u0080-\u00bf\uf000-\uf0ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€")
"""UTF-8 read as Windows-1252 (`Zoë` as `ZoÃ«`, `–` as `â€“`), as a spreadsheet opening a CSV file may do."""


class CellProblem(Exception):
    """A cell whose value cannot stand for its field; the message says what to write instead."""


@dataclass(frozen=True)
class Cell:
    """One cell as a spreadsheet stored it: text, a number, a date or a yes/no, with its number format."""

    value: object = None
    number_format: str = "General"
    problem: str | None = None
    """Set by the reader: a formula, an error value, merged cells. Empty text: reported at another cell."""

    @property
    def empty(self) -> bool:
        return self.problem is None and (self.value is None or (isinstance(self.value, str) and not self.value.strip()))


def cell_text(cell: Cell, spec: s.Spec) -> str:
    """The text a cell stands for in a field of `spec`; raise CellProblem when it cannot stand for one."""
    value = cell.value
    if cell.problem is not None:
        raise CellProblem(cell.problem)
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if garbled := _GARBLED.search(text):
            raise CellProblem(f"looks garbled ({text[max(0, garbled.start() - 12) : garbled.end() + 12]!r}): it was "
                              "saved as UTF-8 and opened as another character set; open the CSV file again choosing "
                              "Unicode (UTF-8), or import the CSV file itself")  # fmt: skip
        return _date_text(text) if isinstance(spec, s.Date) else text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float) and isinstance(spec, s.Date) and _SERIALS[0] <= value <= _SERIALS[1]:
        day = _EPOCH + datetime.timedelta(days=int(value))
        raise CellProblem(f"{value:g} looks like the date {day.isoformat()} stored as a number; write it as "
                          f"{day.isoformat()}")  # fmt: skip
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number_text(value, cell.number_format)
    if isinstance(value, datetime.datetime | datetime.date):
        return _date_cell(value, cell.number_format, spec)
    if isinstance(value, datetime.time) and not value.second and not isinstance(spec, s.Date):
        return f"{value:%H:%M}"
    raise CellProblem(f"holds the time {value}; write {describe(spec)}")


def _number_text(value: float, number_format: str) -> str:
    """A number as the spreadsheet shows it: with the decimals its format shows (`0.0` → `1.0`), else as short as
    it can be (`1.0` stored in a General cell is shown, and read, as `1`)."""
    decimals = re.search(r"\.(0+)", number_format.split(";", maxsplit=1)[0])
    if decimals:
        return f"{value:.{len(decimals.group(1))}f}"
    return str(int(value)) if value.is_integer() else repr(value)


def _date_cell(value: datetime.date, number_format: str, spec: s.Spec) -> str:
    """A date cell in a date field keeps the precision its format shows (`mmm-yy` → 2017-03); anywhere else it is a
    value the spreadsheet changed on its own, and is refused."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not isinstance(spec, s.Date):
        raise CellProblem(
            f"was turned into the date {day.isoformat()} by the spreadsheet; format the cell as Text and type it again"
        )
    if isinstance(value, datetime.datetime) and value.time() != datetime.time(0):
        raise CellProblem(f"holds a time as well as a date ({value:%Y-%m-%d %H:%M}); write the date only, like "
                          f"{day.isoformat()}")  # fmt: skip
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.lower())
    if "d" in shown or ("m" not in shown and "y" not in shown):
        return day.isoformat()
    return f"{day:%Y-%m}" if "m" in shown else f"{day:%Y}"


_MONTHS = {name.casefold(): number for number, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"], start=1)}  # fmt: skip
_MONTHS |= {name[:3]: number for name, number in _MONTHS.items()}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"


def _date_text(text: str) -> str:
    """Dates typed the way people write them are refused with the same date written as the hub reads it; anything
    else goes to the loader's own date check."""
    plain = text.casefold()
    if match := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})", plain):
        raise CellProblem(f"{text!r} has no year; write the year, month and day, like 2017-03-14")
    if match := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", plain):
        return _day_month_year(text, int(match.group(1)), int(match.group(2)), match.group(3))
    if match := re.fullmatch(r"(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?", plain):
        parts = [match.group(1), f"{int(match.group(2)):02d}"] + ([f"{int(match.group(3)):02d}"] if match.group(3)
                                                                    else [])  # fmt: skip
        raise CellProblem(f"{text!r}: write it with hyphens, as {'-'.join(parts)}")
    if match := re.fullmatch(_MONTH + r"\s+(\d{4})", plain):
        raise CellProblem(f"{text!r}: write it as {match.group(2)}-{_MONTHS[match.group(1)]:02d}")
    day_first = re.fullmatch(r"(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})", plain)
    month_first = re.fullmatch(_MONTH + r"\s+(\d{1,2}),?\s+(\d{4})", plain)
    if day_first or month_first:
        day, month, year = (
            (day_first.group(1), day_first.group(2), day_first.group(3)) if day_first
            else (month_first.group(2), month_first.group(1), month_first.group(3))  # type: ignore[union-attr]
        )  # fmt: skip
        raise CellProblem(f"{text!r}: write it as {year}-{_MONTHS[month]:02d}-{int(day):02d}")
    return text


def _day_month_year(text: str, first: int, second: int, year: str) -> str:
    if len(year) == 2:
        raise CellProblem(f"{text!r} has a two-digit year; write the year in full, year first, like 2017-03-14")
    if first > 12 >= second:
        raise CellProblem(f"{text!r} is day/month/year; write it as {year}-{second:02d}-{first:02d}")
    if second > 12 >= first:
        raise CellProblem(f"{text!r} is month/day/year; write it as {year}-{first:02d}-{second:02d}")
    if first == second:
        raise CellProblem(f"{text!r}: write it as {year}-{first:02d}-{second:02d}")
    raise CellProblem(
        f"{text!r} could be month/day or day/month; write it as {year}-{first:02d}-{second:02d} or "
        f"{year}-{second:02d}-{first:02d}"
    )
