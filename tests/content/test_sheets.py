"""The spreadsheet layout follows the specs: every field has a column or a sheet, and every field is carried from a
record to rows and back. A field another issue adds to a spec is covered by these tests without a line of code."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest

from macros.content import spec as s
from macros.content.kinds import KINDS, Kind
from macros.content.load import load_catalog
from macros.content.sheet_import import Importer, Table
from macros.content.sheets import (
    SHEETS,
    Cell,
    CellProblem,
    cell_text,
    join_items,
    normal,
    sheet_called,
    sheet_rows,
    split_items,
)

from ..conftest import FIXTURES

FIXTURE_CATALOG = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
EXCEL_FORBIDDEN = set("[]:*?/\\'")


def _leaves(spec: s.Obj, prefix: tuple[str, ...] = ()) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Independently of the layout: every field that holds values, and every list of objects, by path."""
    values: list[tuple[str, ...]] = []
    lists: list[tuple[str, ...]] = []
    for name, declared in spec.fields.items():
        path = (*prefix, name)
        inner = declared.spec
        if isinstance(inner, s.Obj):
            more, deeper = _leaves(inner, path)
            values, lists = values + more, lists + deeper
        elif isinstance(inner, s.ListOf) and isinstance(inner.item, s.Obj):
            lists.append(path)
            more, deeper = _leaves(inner.item, path)
            values, lists = values + more, lists + deeper
        else:
            values.append(path)
    return values, lists


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_field_of_every_kind_has_a_column_and_every_list_a_sheet(kind: Kind) -> None:
    values, lists = _leaves(kind.spec)
    sheets = [sheet for sheet in SHEETS if sheet.kind == kind]
    placed = {tuple(step.name for step in sheet.steps) + column.path for sheet in sheets for column in sheet.columns}
    assert sorted(set(values) - placed) == [], "spec fields without a column"
    assert sorted(set(lists) - {tuple(step.name for step in sheet.steps) for sheet in sheets}) == []


def test_sheet_names_and_headers_are_ones_excel_and_the_import_accept() -> None:
    names = [sheet.name for sheet in SHEETS]
    assert len({normal(name) for name in names}) == len(names)
    for sheet in SHEETS:
        assert len(sheet.name) <= 31, sheet.name
        assert not set(sheet.name) & EXCEL_FORBIDDEN, sheet.name
        assert sheet_called(sheet.name.upper()) == sheet
        headers = [normal(header) for header in sheet.headers]
        assert len(set(headers)) == len(headers), f"{sheet.name}: two columns read alike"


def _sample(spec: s.Spec, name: str) -> Any:
    """A value for every field, from its spec alone: what a full row of a future field would hold."""
    if isinstance(spec, s.Obj):
        return {key: _sample(declared.spec, key) for key, declared in spec.fields.items()}
    if isinstance(spec, s.ListOf):
        first, second = _sample(spec.item, name), _sample(spec.item, name)
        if isinstance(first, str) and isinstance(spec.item, (s.Text, s.Identifier)):
            second = second + "-2" if isinstance(spec.item, s.Identifier) else "Another " + second
        return [first, second] if not isinstance(spec.item, (s.Ref, s.Choice)) else [first]
    if isinstance(spec, s.Ref):
        return next(iter(_referable(spec.kind)))
    if isinstance(spec, s.Choice):
        return spec.options[-1]
    if isinstance(spec, s.Date):
        return "2017-03"
    if isinstance(spec, s.Integer):
        return str(max(spec.minimum, 1))
    if isinstance(spec, s.Identifier):
        return f"{name.replace('_', '-')}-1"
    if isinstance(spec, s.Text) and spec.one_line:
        return f"The {name.replace('_', ' ')}: 1.0, =not a formula"
    if isinstance(spec, s.Text):
        return f"A {name.replace('_', ' ')}.\n\nA second paragraph, 2017-03."
    return f"sample {name}"


def _referable(kind_name: str) -> list[str]:
    if kind_name == "audience":
        return sorted(FIXTURE_CATALOG.audiences)
    return sorted(next(kind for kind in KINDS if kind.name == kind_name).items(FIXTURE_CATALOG))


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_a_record_with_every_field_filled_comes_back_from_its_rows(kind: Kind, tmp_path: Path) -> None:
    record = _sample(kind.spec, kind.name)
    tables = []
    for sheet in (sheet for sheet in SHEETS if sheet.kind == kind):
        rows = sheet_rows(sheet, "sample-item", record)
        cells = tuple((number, tuple(Cell(value or None) for value in row)) for number, row in enumerate(rows, 2))
        tables.append(Table("sample.xlsx", sheet.name, sheet.headers, cells))
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    importer = Importer(tables, tmp_path / "sessions", tmp_path / "docs", tmp_path, update=False)
    entries = importer.records()
    assert [str(problem) for problem in importer.problems if problem.message] == []
    assert entries[(kind.name, "sample-item")].record == record


@pytest.mark.parametrize(
    ("items", "kind"),
    [
        (["leah-harris", "melody-riefer"], s.Ref(kind="person")),
        (["One objective.", "Another, with a comma; and a semicolon."], s.Text()),
        (["First paragraph.\n\nSecond paragraph of the same item.", "Another item."], s.Text()),
        (["• starts with a bullet", "plain"], s.Text()),
        (["Empowerment, Voice and Choice", "Safety"], s.Choice(options=("Empowerment, Voice and Choice", "Safety"))),
    ],
)
def test_a_list_cell_reads_back_as_the_items_it_was_made_from(items: list[str], kind: s.Spec) -> None:
    assert split_items(join_items(items), kind) == items


def test_ids_may_also_be_separated_by_semicolons_but_texts_only_by_lines() -> None:
    people = s.Ref(kind="person")
    assert split_items("leah-harris; Melody Riefer\nada", people) == ["leah-harris", "Melody Riefer", "ada"]
    assert split_items("Plan; then act", s.Text()) == ["Plan; then act"]


@pytest.mark.parametrize(
    ("cell", "spec", "text"),
    [
        (Cell(datetime.datetime(2017, 3, 14), "yyyy-mm-dd"), s.Date(), "2017-03-14"),
        (Cell(datetime.datetime(2017, 3, 1), "mmm-yy"), s.Date(), "2017-03"),
        (Cell(datetime.datetime(2017, 3, 1), "MM/YY"), s.Date(), "2017-03"),
        (Cell(datetime.datetime(2017, 1, 1), "yyyy"), s.Date(), "2017"),
        (Cell(2017), s.Date(), "2017"),
        (Cell("2017-03"), s.Date(), "2017-03"),
        (Cell(1.0, "0.0"), s.Text(), "1.0"),
        (Cell(2.50, "0.00"), s.Text(), "2.50"),
        (Cell(1.0), s.Text(), "1"),
        (Cell(90.0), s.Integer(), "90"),
        (Cell("1.0"), s.Text(), "1.0"),
        (Cell("  line one\r\nline two  "), s.Text(), "line one\nline two"),
        (Cell(True), s.Text(), "TRUE"),
        (Cell(datetime.time(12, 30)), s.Text(one_line=True), "12:30"),
    ],
)
def test_a_cell_stands_for_what_the_spreadsheet_shows(cell: Cell, spec: s.Spec, text: str) -> None:
    assert cell_text(cell, spec) == text


@pytest.mark.parametrize(
    ("cell", "spec", "message"),
    [
        (Cell("3/14"), s.Date(), "'3/14' has no year; write the year, month and day, like 2017-03-14"),
        (Cell("3/14/2017"), s.Date(), "'3/14/2017' is month/day/year; write it as 2017-03-14"),
        (Cell("14/3/2017"), s.Date(), "'14/3/2017' is day/month/year; write it as 2017-03-14"),
        (
            Cell("3/4/2017"),
            s.Date(),
            "'3/4/2017' could be month/day or day/month; write it as 2017-03-04 or 2017-04-03",
        ),
        (Cell("March 2017"), s.Date(), "'March 2017': write it as 2017-03"),
        (Cell("14 Mar 2017"), s.Date(), "'14 Mar 2017': write it as 2017-03-14"),
        (Cell("2017/03/14"), s.Date(), "'2017/03/14': write it with hyphens, as 2017-03-14"),
        (
            Cell(datetime.datetime(2017, 3, 14, 9, 30)),
            s.Date(),
            "holds a time as well as a date (2017-03-14 09:30); write the date only, like 2017-03-14",
        ),
        (
            Cell(datetime.datetime(2024, 3, 14)),
            s.Text(),
            "was turned into the date 2024-03-14 by the spreadsheet; format the cell as Text and type it again",
        ),
        (Cell(42808), s.Date(), "42808 looks like the date 2017-03-14 stored as a number; write it as 2017-03-14"),
        (
            Cell("ZoÃ« Ã\uf181lvarez"),
            s.Text(),
            "looks garbled ('ZoÃ« Ã\\uf181lvarez'): it was saved as UTF-8 and opened as another character set; "
            "open the CSV file again choosing Unicode (UTF-8), or import the CSV file itself",
        ),
    ],
)
def test_a_cell_that_cannot_stand_for_its_field_says_what_to_write(cell: Cell, spec: s.Spec, message: str) -> None:
    with pytest.raises(CellProblem) as caught:
        cell_text(cell, spec)
    assert str(caught.value) == message
