"""`python -m macros import`: spreadsheet rows → one YAML file per item, or nothing and every problem in sheet words.

Rows become records (text per field, references matched by id or by name), the records are written as YAML into a
scratch copy of `sessions/`, and the real loader checks the copy: every rule `validate` applies is applied once, by
the same code, and each of its `file:line: field` problems is mapped back to the sheet, row and column its value
came from. Only when the copy loads cleanly are the files written, all together (`write_planned`).
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.content import model as m
from macros.content import spec as s
from macros.content.check import describe
from macros.content.kinds import Kind
from macros.content.load import load_catalog
from macros.content.problems import ContentError
from macros.content.records import Record, compact, read_record
from macros.content.references import Names, Unknown
from macros.content.scaffold import ScaffoldError, id_from_title, item_text, replace_file
from macros.content.sheets import (
    ADDRESS_HEADER,
    ID_HEADER,
    SHEETS,
    Cell,
    CellProblem,
    Column,
    Sheet,
    cell_text,
    is_reference,
    label,
    normal,
    sheet_called,
    split_items,
    was_cut,
)
from macros.content.values.ids import id_problem
from macros.content.values.suggest import closest


@dataclass(frozen=True)
class Table:
    """One sheet of a workbook, or one CSV file, as read: the header row and the rows under it."""

    file: str
    """The file's name, as the maintainer knows it."""
    sheet: str | None
    """The sheet's name; None for a CSV file, which is one sheet."""
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    """Each row's number in the spreadsheet (the header is row 1) and its cells."""

    def letter(self, position: int) -> str:
        """A column's name where it has no header: its letter in a workbook, its number in a CSV file."""
        if self.sheet is None:
            return str(position + 1)
        letters, number = "", position + 1
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(65 + rest) + letters
        return letters


@dataclass(frozen=True)
class SheetProblem:
    """One thing wrong, where the maintainer will look for it: file, sheet, row and column."""

    file: str
    sheet: str | None
    row: int
    """0 for a problem of the whole sheet or file."""
    column: str
    message: str
    order: tuple[int, int, int] = (0, 0, 0)
    """Table, row and column positions: problems are listed as they appear in the workbook."""

    def __str__(self) -> str:
        parts = [self.file] + ([f"sheet {self.sheet}"] if self.sheet else [])
        parts += ([f"row {self.row}"] if self.row else []) + ([f"column {self.column}"] if self.column else [])
        return f"{', '.join(parts)}: {self.message}"


class ImportRefused(Exception):
    """Nothing was written: every problem found, one line each."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Planned:
    """A file the import writes: a new item, or an existing item's file changed (`--update`)."""

    path: Path
    text: str
    replaces: bool
    source: str
    """Where its row is: `trainings.xlsx, sheet Trainings, row 12`."""


@dataclass(frozen=True)
class Place:
    """The row one object of an item came from."""

    table: int
    row: int
    sheet: Sheet


@dataclass
class Entry:
    """One item being made or changed: its record and the row each of its objects came from."""

    kind: Kind
    item_id: str
    path: Path
    inside: Path
    """The path within the content folder: `trainings/x.yaml`."""
    record: Record
    exists: bool
    places: dict[str, Place] = field(default_factory=dict)
    """Loader-style path of each object (`""`, `handouts[0]`, `sessions[2].handouts[1]`) → its row."""


@dataclass(frozen=True)
class Mapped:
    """A recognized table: its sheet, and what each of its columns is."""

    index: int
    table: Table
    sheet: Sheet
    columns: dict[int, Column | str]
    """Position → a field's Column, or a key header (`ID`, `Training`, `Session`)."""

    def key(self, name: str) -> int | None:
        return next((position for position, what in self.columns.items() if what == name), None)

    def position(self, column: Column) -> int | None:
        return next((position for position, what in self.columns.items() if what == column), None)

    def header_at(self, position: int) -> str:
        what = self.columns.get(position)
        if isinstance(what, Column):
            return what.header
        return what if isinstance(what, str) else self.table.letter(position)


@dataclass(frozen=True)
class Row:
    """One row of a recognized table."""

    mapped: Mapped
    number: int
    cells: tuple[Cell, ...]

    def cell(self, position: int | None) -> Cell:
        return self.cells[position] if position is not None and position < len(self.cells) else Cell()


_BROKEN = object()
"""The value of a cell already reported: its field is left as it was."""


class Importer:
    """One import run: the existing catalog, the tables, the entries made from them and the problems found."""

    def __init__(self, tables: list[Table], content_dir: Path, docs_dir: Path, root: Path, update: bool) -> None:
        self.tables = tables
        self.content_dir, self.docs_dir, self.root = content_dir, docs_dir, root
        self.update = update
        self.problems: list[SheetProblem] = []
        self.others: list[str] = []
        """Problems the loader found in files the import did not write (shown as `validate` shows them)."""
        self.entries: dict[tuple[str, str], Entry] = {}
        self.refused: set[tuple[str, str]] = set()
        """Kind and id, or kind and normalized title, of main rows refused: their list rows are not reported again."""
        self.mapped: dict[int, Mapped] = {}
        self.catalog = self._existing()
        self.names = Names(self.catalog)

    def plan(self, site_url: str) -> list[Planned]:
        """The files to write, in the order of the table of kinds; ImportRefused with every problem."""
        self.records()
        texts = {key: item_text(entry.kind, entry.record, site_url, self._note(entry)) for key, entry in
                 self.entries.items()}  # fmt: skip
        self._check_with_loader(texts)
        if self.problems or self.others:
            raise ImportRefused(self._report())
        return [Planned(entry.path, texts[key], entry.exists, self._source(entry.places[""])) for key, entry in
                self.entries.items()]  # fmt: skip

    def records(self) -> dict[tuple[str, str], Entry]:
        """Every item the rows make or change, by kind and id, before the loader has seen them; the problems found
        so far are in `problems`."""
        self.mapped = {each.index: each for each in self._recognize()}
        mains = [each for each in self.mapped.values() if each.sheet.is_main]
        rows = [row for each in mains for row in self._identify(each)]
        for entry, row in rows:
            self._apply(row, entry.record)
        lists = [each for each in self.mapped.values() if not each.sheet.is_main]
        for each in sorted(lists, key=lambda each: len(each.sheet.steps)):
            self._fill_list(each)
        for entry in self.entries.values():
            entry.record = compact(entry.record)
            self._required(entry, entry.kind.spec, entry.record, "")
        return self.entries

    def _existing(self) -> m.Catalog:
        try:
            return load_catalog(self.content_dir, self.docs_dir, root=self.root)
        except ContentError as error:
            lines = error.report().splitlines()[:-1]
            raise ImportRefused([*lines, "The content has these problems already; fix them first (python -m "
                                 "macros validate lists them). Nothing was imported."]) from None  # fmt: skip

    # -- sheets and columns -----------------------------------------------------------------------------------

    def _recognize(self) -> list[Mapped]:
        mapped: list[Mapped] = []
        seen: dict[str, Table] = {}
        for index, table in enumerate(self.tables):
            if table.sheet is not None and is_reference(table.sheet):
                continue
            sheet = self._sheet_of(index, table)
            if sheet is None:
                continue
            if sheet.name in seen:
                first = seen[sheet.name]
                where = f"{first.file}, sheet {first.sheet}" if first.sheet else first.file
                self._problem(index, 0, "", 0, f"holds the sheet {sheet.name}, as {where} does; import it once")
                continue
            seen[sheet.name] = table
            columns = self._columns_of(index, table, sheet)
            if columns is not None:
                mapped.append(Mapped(index, table, sheet, columns))
            elif sheet.is_main:
                self.refused.add((sheet.kind.name, "*"))  # its list rows wait until the sheet can be read
        return mapped

    def _sheet_of(self, index: int, table: Table) -> Sheet | None:
        """A workbook's sheet by its name; a CSV file's by its file name, or else by its header."""
        if table.sheet is not None:
            sheet = sheet_called(table.sheet)
            if sheet is None:
                close = closest(table.sheet, [each.name for each in SHEETS])
                hint = f"did you mean {close[0]}?" if close else "the README sheet of a template lists them"
                self._problem(index, 0, "", 0, f"is not a sheet the import reads; rename it ({hint}), or delete it")
            return sheet
        sheet = sheet_called(Path(table.file).stem)
        if sheet is None:
            headers = {normal(text) for text in table.header if text.strip()}
            fits = [each for each in SHEETS if headers <= {normal(h) for h in (*each.headers, ADDRESS_HEADER)}]
            sheet = fits[0] if len(fits) == 1 else None
        if sheet is None:
            self._problem(index, 0, "", 0, "cannot tell which sheet this file holds; name it after the sheet, like "
                          "trainings.csv or training-handouts.csv")  # fmt: skip
        return sheet

    def _columns_of(self, index: int, table: Table, sheet: Sheet) -> dict[int, Column | str] | None:
        """What each header names; unknown, repeated and missing columns are reported, and stop the sheet."""
        known: dict[str, Column | str] = {normal(key): key for key in sheet.keys}
        known |= {normal(column.header): column for column in sheet.columns}
        columns: dict[int, Column | str] = {}
        first: dict[str, int] = {}
        ok = True
        width = max([len(table.header), *(len(cells) for _, cells in table.rows)])
        for position, text in enumerate(table.header + ("",) * (width - len(table.header))):
            wanted = normal(text)
            if not wanted:
                ok = self._no_values_under(index, table, position) and ok
            elif wanted == normal(ADDRESS_HEADER) and sheet.is_main:
                continue
            elif wanted in first:
                both = f"{table.letter(first[wanted])} and {table.letter(position)}"
                self._problem(index, 1, text, position, f"is there twice (columns {both}); keep one")
                ok = False
            elif wanted not in known:
                close = closest(text, sheet.headers)
                hint = f"did you mean {close[0]}?" if close else "the README sheet lists the columns of each sheet"
                self._problem(index, 1, text, position, f"is not a column of the sheet {sheet.name} ({hint})")
                ok = False
            else:
                first[wanted] = position
                columns[position] = known[wanted]
        missing = [key for key in sheet.keys if key not in columns.values() and key != ID_HEADER]
        if not self.update:
            missing += [column.header for column in sheet.columns if column.required and column not in columns.values()]
        for name in missing:
            self._problem(index, 0, "", 0, f"has no column {name}; add it (the README sheet says what it holds)")
        return columns if ok and not missing else None

    def _no_values_under(self, index: int, table: Table, position: int) -> bool:
        """A column without a header must be empty: a value there would be lost."""
        for number, cells in table.rows:
            if position < len(cells) and not cells[position].empty:
                self._problem(index, number, table.letter(position), position,
                              "has a value but no header above it; add the header, or move the value")  # fmt: skip
                return False
        return True

    # -- items: main sheets -----------------------------------------------------------------------------------

    def _identify(self, each: Mapped) -> list[tuple[Entry, Row]]:
        """Each main row's id (from the ID column, or made from the title as `new` makes it), checked for clashes
        within the sheet and with the site."""
        kind = each.sheet.kind
        title = each.sheet.column((kind.title_field,))
        title_at = each.position(title) if title else None
        id_at = each.key(ID_HEADER)
        first: dict[str, int] = {}
        found: list[tuple[Entry, Row]] = []
        for number, cells in each.table.rows:
            row = Row(each, number, cells)
            item_id = self._row_id(row, id_at, title_at)
            if item_id is None:
                self._refuse(kind, "", row, title_at)
                continue
            at = id_at if id_at is not None and not row.cell(id_at).empty else title_at
            if item_id in first:
                instead = "ID" if at == id_at else "title, or an ID"
                self._cell_problem(row, at, f"makes the id {item_id!r}, as row {first[item_id]} does; give one of "
                                   f"them another {instead}")  # fmt: skip
                self._refuse(kind, item_id, row, title_at)
                continue
            first[item_id] = number
            existing = kind.items(self.catalog).get(item_id)
            if existing is not None and not self.update:
                where = existing.source.file
                self._cell_problem(row, at, f"the {kind.singular} {item_id!r} exists already ({where}); give this "
                                   "row another ID, or import with --update to change that file")  # fmt: skip
                self._refuse(kind, item_id, row, title_at)
                continue
            entry = self._entry(kind, item_id, existing, self._quiet(row, title_at))
            entry.places[""] = Place(each.index, number, each.sheet)
            found.append((entry, row))
        return found

    def _refuse(self, kind: Kind, item_id: str, row: Row, title_at: int | None) -> None:
        self.refused.update({(kind.name, item_id), (kind.name, normal(self._quiet(row, title_at)))} - {(kind.name, "")})

    def _row_id(self, row: Row, id_at: int | None, title_at: int | None) -> str | None:
        if not row.cell(id_at).empty:
            text = self._text(row, id_at or 0, s.Identifier())
            if text is not None and (wrong := id_problem(text)):
                self._cell_problem(row, id_at, wrong)
                return None
            return text
        title = self._text(row, title_at, s.Text()) if title_at is not None else ""
        if not title:
            if title is not None:
                self._cell_problem(row, title_at, "is empty; write it (the row's ID is made from it)")
            return None
        try:
            return id_from_title(title)
        except ScaffoldError as error:
            self._cell_problem(row, title_at, str(error))
            return None

    def _entry(self, kind: Kind, item_id: str, existing: Any, title: str) -> Entry:
        if existing is not None:
            path = self.root / existing.source.file
            inside = path.resolve().relative_to(self.content_dir.resolve())
            entry = Entry(kind, item_id, path, inside, read_record(path, kind.spec), exists=True)
        else:
            inside = Path(kind.folder, f"{item_id}.yaml")
            entry = Entry(kind, item_id, self.content_dir / inside, inside, {}, exists=False)
        self.entries[(kind.name, item_id)] = entry
        self.names.add(kind.name, item_id, title or str(entry.record.get(kind.title_field, "")))
        return entry

    # -- values -----------------------------------------------------------------------------------------------

    def _apply(self, row: Row, record: Record) -> None:
        """Every column of the row into `record`: a value replaces the field, an empty cell clears it."""
        for position, what in row.mapped.columns.items():
            if isinstance(what, Column):
                value = self._value(row, position, what)
                if isinstance(value, str) and (cut := was_cut(value, _get(record, what.path))) is not None:
                    if cut:
                        continue  # the file's own text, as the export cut it: left as it is
                    self._cell_problem(
                        row,
                        position,
                        "was cut by the export at the most a spreadsheet cell holds; "
                        "import the CSV files, which have the whole text, or write it again in full",
                    )
                if value is not _BROKEN:
                    _put(record, what.path, value)

    def _value(self, row: Row, position: int, column: Column) -> Any:
        text = self._text(row, position, column.spec)
        if text is None:
            return _BROKEN
        spec = column.spec
        if isinstance(spec, s.ListOf):
            values = [self._one(row, position, spec.item, item) for item in split_items(text, spec.item)]
            return [value for value in values if value is not None]
        return self._one(row, position, spec, text) if text else ""

    def _one(self, row: Row, position: int, spec: s.Spec, text: str) -> str | None:
        """A single value: a reference matched to its id, a choice to its spelling; the rest as typed."""
        if isinstance(spec, s.Choice):
            return _choice(text, spec.options)
        if isinstance(spec, s.Ref):
            found = self.names.resolve(spec.kind, text)
            if isinstance(found, Unknown):
                self._cell_problem(row, position, found.message)
                return None
            return found
        return text

    # -- items: list sheets -----------------------------------------------------------------------------------

    def _fill_list(self, each: Mapped) -> None:
        """A list sheet's rows, grouped by the item (and the list items above) they belong to, replace those lists."""
        groups: dict[tuple[str, tuple[int, ...]], list[Row]] = {}
        owners: dict[str, Entry] = {}
        for number, cells in each.table.rows:
            row = Row(each, number, cells)
            found = self._owner(row)
            if found is not None:
                entry, places = found
                groups.setdefault((entry.item_id, places), []).append(row)
                owners[entry.item_id] = entry
        for (item_id, places), rows in groups.items():
            self._replace_list(owners[item_id], places, rows)

    def _owner(self, row: Row) -> tuple[Entry, tuple[int, ...]] | None:
        """The item a list row belongs to (by id, or by the title on its main sheet), and its places in the lists
        above (`Session` 3)."""
        sheet = row.mapped.sheet
        kind, keys = sheet.kind, sheet.keys
        at = row.mapped.key(keys[0])
        text = self._text(row, at, s.Text())
        if not text:
            if text is not None:
                self._cell_problem(row, at, f"is empty; write the id or the {kind.title_field} of the "
                                   f"{kind.singular} this row belongs to")  # fmt: skip
            return None
        entry = self._entry_for(kind, text)
        if entry is None and {(kind.name, text), (kind.name, normal(text)), (kind.name, "*")} & self.refused:
            return None  # its item's row is refused, and reported
        if entry is None:
            mine = [item_id for (name, item_id) in self.entries if name == kind.name]
            close = closest(text, mine, n=3)
            hint = f"; did you mean {' or '.join(repr(each) for each in close)}?" if close else ""
            where = "on its main sheet" + (" or on the site" if self.update else "")
            self._cell_problem(row, at, f"no {kind.singular} {where} has the id or title {text!r}{hint}")
            return None
        places: list[int] = []
        for name in keys[1:]:
            position = row.mapped.key(name)
            place = self._text(row, position, s.Integer())
            if place is None:
                return None
            if not place.isdigit() or int(place) < 1:
                self._cell_problem(row, position, f"{place!r} is not a place in the list; write 1 for the first "
                                   f"{name.lower()}, 2 for the second…")  # fmt: skip
                return None
            places.append(int(place))
        return entry, tuple(places)

    def _entry_for(self, kind: Kind, text: str) -> Entry | None:
        entry = self.entries.get((kind.name, text))
        if entry is None:
            titled = {item_id for item_id in self.names.called(kind.name, text) if (kind.name, item_id) in self.entries}
            entry = self.entries[(kind.name, titled.pop())] if len(titled) == 1 else None
        if entry is None and self.update and (existing := kind.items(self.catalog).get(text)) is not None:
            entry = self._entry(kind, text, existing, "")
        return entry

    def _replace_list(self, entry: Entry, places: tuple[int, ...], rows: list[Row]) -> None:
        """The list at the end of the sheet's steps becomes these rows; each keeps what its columns do not say from
        the list item it replaces (so a session keeps its handouts when only the sessions sheet is imported)."""
        sheet = rows[0].mapped.sheet
        holder, prefix = entry.record, ""
        numbers = iter(places)
        for step in sheet.steps[:-1]:
            prefix = f"{prefix}.{step.name}" if prefix else step.name
            if not step.is_list:
                holder = holder.setdefault(step.name, {})
                continue
            items, number = holder.get(step.name) or [], next(numbers)
            if number > len(items):
                name = next(key for key in sheet.keys[1:] if normal(key) == normal(step.name.removesuffix("s")))
                self._cell_problem(rows[0], rows[0].mapped.key(name), f"{label(entry.kind)} {entry.item_id!r} has "
                                   f"no {name.lower()} {number} (it has {len(items)})")  # fmt: skip
                return
            holder, prefix = items[number - 1], f"{prefix}[{number - 1}]"
        last = sheet.steps[-1].name
        old = holder.get(last) or []
        new: list[Record] = []
        for position, row in enumerate(rows):
            element = copy.deepcopy(old[position]) if position < len(old) else {}
            self._apply(row, element)
            new.append(element)
            path = f"{prefix}.{last}[{position}]" if prefix else f"{last}[{position}]"
            entry.places[path] = Place(row.mapped.index, row.number, sheet)
        holder[last] = new
        entry.places.setdefault("", Place(rows[0].mapped.index, rows[0].number, sheet))

    # -- checks -----------------------------------------------------------------------------------------------

    def _required(self, entry: Entry, spec: s.Obj, record: Record, prefix: str) -> None:
        """The required fields of every object the rows made; every other rule is the loader's."""
        for name, declared in spec.fields.items():
            path = f"{prefix}.{name}" if prefix else name
            value = record.get(name)
            if value is None and declared.required:
                self._at(entry, path, f"is required; {_what(entry.kind, path, declared.spec)}", missing=True)
            elif isinstance(declared.spec, s.Obj) and isinstance(value, dict):
                self._required(entry, declared.spec, value, path)
            elif isinstance(declared.spec, s.ListOf) and isinstance(declared.spec.item, s.Obj) and value:
                for index, item in enumerate(value):
                    self._required(entry, declared.spec.item, item, f"{path}[{index}]")

    def _check_with_loader(self, texts: dict[tuple[str, str], str]) -> None:
        """Write every record into a scratch copy of sessions/ and load it with the real loader."""
        if not self.entries:
            return
        with tempfile.TemporaryDirectory(prefix="hub-import-") as scratch:
            content = Path(scratch) / "sessions"
            shutil.copytree(self.content_dir, content)
            written: dict[str, Entry] = {}
            for key, entry in self.entries.items():
                target = content / entry.inside
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(texts[key], encoding="utf-8")
                written[os.path.realpath(target)] = entry
            try:
                load_catalog(content, self.docs_dir, root=self.root)
            except ContentError as error:
                for problem in error.problems:
                    mine = written.get(os.path.realpath(self.root / problem.file))
                    if mine is not None:
                        self._at(mine, problem.field, problem.message)
                        continue
                    shown = _relative(problem.file, content, self.content_dir)
                    self.others.append(str(problem).replace(problem.file, shown, 1))

    def _at(self, entry: Entry, path: str, message: str, missing: bool = False) -> None:
        """Report `message` at the sheet, row and column the value at `path` (as the loader names it) came from."""
        prefix = max((p for p in entry.places if p in ("", path) or path.startswith((f"{p}.", f"{p}["))), key=len)
        place = entry.places[prefix]
        rest = path[len(prefix) :].lstrip(".")
        parts = tuple(part for part in re.sub(r"\[\d+\]", "", rest).split(".") if part)
        column = None
        while parts and column is None:
            column = place.sheet.column(parts)
            parts = parts[:-1]
        if column is None:
            self._problem(place.table, place.row, "", 0, f"{rest}: {message}" if rest else message)
            return
        position = self.mapped[place.table].position(column)
        if position is None and missing and not self.update:
            return  # the sheet's missing column is reported once
        message = _in_sheet_words(message, place.sheet, column.path[:-1])
        if position is None:
            message = f"{message} (add the column {column.header})"
        self._problem(place.table, place.row, column.header, position or 0, message)

    # -- reporting --------------------------------------------------------------------------------------------

    def _text(self, row: Row, position: int | None, spec: s.Spec) -> str | None:
        """The cell's text, or None after reporting why it has none."""
        try:
            return cell_text(row.cell(position), spec)
        except CellProblem as problem:
            self._cell_problem(row, position, str(problem))
            return None

    def _quiet(self, row: Row, position: int | None) -> str:
        """A cell's text, reporting nothing (the row's cells are reported when its values are read)."""
        try:
            return cell_text(row.cell(position), s.Text())
        except CellProblem:
            return ""

    def _cell_problem(self, row: Row, position: int | None, message: str) -> None:
        """A problem at a row's cell. An empty message (the later cells of a merged range) only keeps the cell from
        being reported again."""
        at = position or 0
        self._problem(row.mapped.index, row.number, row.mapped.header_at(at), at, message)

    def _problem(self, table: int, row: int, column: str, position: int, message: str) -> None:
        source = self.tables[table]
        self.problems.append(SheetProblem(source.file, source.sheet, row, column, message, (table, row, position)))

    def _report(self) -> list[str]:
        """Each cell's first problem (the spreadsheet's words before the loader's), in the workbook's order."""
        shown: dict[tuple[object, ...], SheetProblem] = {}
        for problem in self.problems:
            cell = problem.row and problem.column
            shown.setdefault((*problem.order, problem.column) if cell else (*problem.order, problem.message), problem)
        lines = [str(problem) for problem in sorted(shown.values(), key=lambda p: p.order) if problem.message]
        return lines + self.others

    def _note(self, entry: Entry) -> str:
        return f"{'Updated' if entry.exists else 'Imported'} from {self._source(entry.places[''])}"

    def _source(self, place: Place) -> str:
        """`trainings.xlsx, sheet Trainings, row 12`, with anything but plain characters made `?` (it goes into a
        YAML comment)."""
        table = self.tables[place.table]
        where = [table.file] + ([f"sheet {table.sheet}"] if table.sheet else []) + [f"row {place.row}"]
        return re.sub(r"[^\w .,()'&+-]", "?", ", ".join(where))


def write_planned(planned: list[Planned]) -> None:
    """Changed files are replaced and new ones linked into place, each written beside its place first: no file is
    left half-written, and a file that appeared since the check is never overwritten."""
    for each in planned:
        each.path.parent.mkdir(parents=True, exist_ok=True)
        if each.replaces:
            replace_file(each.path, each.text)
            continue
        handle, temp = tempfile.mkstemp(prefix=f".{each.path.stem}-", suffix=".tmp", dir=each.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(each.text)
            os.link(temp, each.path)
        finally:
            Path(temp).unlink(missing_ok=True)


def _put(record: Record, path: tuple[str, ...], value: Any) -> None:
    """Set (or, for an empty value, remove) the field at `path`, making the objects on the way."""
    holder = record
    for name in path[:-1]:
        holder = holder.setdefault(name, {})
    if value in ("", []):
        holder.pop(path[-1], None)
    else:
        holder[path[-1]] = value


def _get(record: Record, path: tuple[str, ...]) -> Any:
    value: Any = record
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    return value


def _choice(text: str, options: tuple[str, ...]) -> str:
    """A choice as the spec spells it when only case or spaces differ (`Live online` → `live-online`)."""
    if text in options:
        return text
    same = [option for option in options if normal(option) == normal(text)]
    return same[0] if len(same) == 1 else text


def _what(kind: Kind, path: str, spec: s.Spec) -> str:
    """What to write for a missing required field: a value, or rows on the sheet of a list."""
    names = tuple(re.sub(r"\[\d+\]", "", path).split("."))
    if isinstance(spec, s.ListOf) and isinstance(spec.item, s.Obj):
        sheet = next(each for each in SHEETS if each.kind == kind and tuple(step.name for step in each.steps) == names)
        return f"add its rows on the sheet {sheet.name}"
    if isinstance(spec, (s.Text, s.Obj)):
        return f"write the {names[-1].replace('_', ' ')}"
    return f"write {describe(spec)}"


def _in_sheet_words(message: str, sheet: Sheet, within: tuple[str, ...]) -> str:
    """A loader message with the fields it names (`transcript_text:`, `accessibility_note`) named as the columns
    that hold them: `the column Recording transcript text`."""

    def column_of(match: re.Match[str]) -> str:
        column = sheet.column((*within, match.group("code") or match.group("word")))
        if column is None:
            return match.group(0)
        verb = {"add a ": "fill in ", "add an ": "fill in ", "as ": "in "}.get(match.group("verb") or "", "")
        return f"{verb or match.group('verb') or ''}the column {column.header}"

    pattern = r"(?P<verb>add an? |as )?(?:`(?P<code>[a-z]+(?:_[a-z]+)*):?`|\b(?P<word>[a-z]+(?:_[a-z]+)+)\b)"
    return re.sub(pattern, column_of, message)


def _relative(file: str, scratch: Path, content_dir: Path) -> str:
    """A scratch copy's path shown as the file it copies."""
    try:
        return (content_dir / Path(file).relative_to(scratch)).as_posix()
    except ValueError:
        return file
