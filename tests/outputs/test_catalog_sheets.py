"""The template workbooks, read back as a spreadsheet program reads them: the sheets and columns of the layout, a
README row for every column, text cells only, drop-down lists for choices, and the same bytes from the same site."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from macros.content import spec as s
from macros.content.kinds import KINDS, Kind
from macros.content.load import load_catalog
from macros.content.sheets import SHEETS, is_reference, normal
from macros.outputs.catalog_sheets import TEMPLATE_FOLDER, template_bytes

from ..conftest import ROOT

CATALOG = load_catalog(ROOT / "sessions", ROOT / "docs", root=ROOT)
WHEN = datetime.datetime(2026, 12, 1)


@pytest.fixture(scope="module")
def templates() -> dict[str, bytes]:
    return {kind.name: template_bytes(CATALOG, [kind], WHEN) for kind in KINDS} | {
        "all": template_bytes(CATALOG, list(KINDS), WHEN)
    }


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_a_template_has_its_kinds_sheets_a_readme_row_per_column_and_text_cells_only(
    templates: dict[str, bytes], kind: Kind
) -> None:
    workbook = load_workbook(io.BytesIO(templates[kind.name]))
    names = workbook.sheetnames
    assert names[0] == "README"
    mine = [sheet for sheet in SHEETS if sheet.kind == kind]
    assert [sheet.name for sheet in mine] == [name for name in names if name in {each.name for each in mine}]
    readme = {(row[0], row[1]) for row in workbook["README"].iter_rows(values_only=True) if row[0] and row[1]}
    for sheet in mine:
        headers = [str(cell.value).removesuffix(" *") for cell in workbook[sheet.name][1]]
        assert headers == list(sheet.headers)
        assert {(sheet.name, header) for header in headers} <= readme, "a column the README does not explain"
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value]
    assert {cell.data_type for cell in cells} == {"s"}, "every cell a string, never a formula"
    data = {sheet.name for sheet in SHEETS}
    others = [name for name in names[1:] if name not in data]
    assert all(is_reference(name) for name in others), "every other sheet is one the import skips"
    assert all(workbook[name]["A1"].value == "ID" for name in others if name.startswith("Existing "))


def test_choices_have_drop_down_lists_and_every_column_a_message(templates: dict[str, bytes]) -> None:
    workbook = load_workbook(io.BytesIO(templates["training"]))
    sheet = workbook["Trainings"]
    headers = {str(cell.value).removesuffix(" *"): cell.column_letter for cell in sheet[1]}
    checks = {str(check.sqref).split(":")[0][:-1]: check for check in sheet.data_validations.dataValidation}
    delivery = checks[headers["Delivery"]]
    assert delivery.type == "list"
    lists = workbook["Lists"]
    assert lists.sheet_state == "hidden"
    column = delivery.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    options = [cell.value for cell in lists[column] if cell.value]
    delivery_spec = KINDS[2].spec.fields["delivery"].spec
    assert isinstance(delivery_spec, s.Choice)
    assert options == list(delivery_spec.options)
    assert checks[headers["Series"]].formula1.startswith("='Existing series'!")
    assert all(check.prompt for check in checks.values()), "every column explains itself when selected"
    assert {sheet.column_dimensions[letter].number_format for letter in headers.values()} == {"@"}


def test_the_existing_sheets_list_the_sites_ids_and_names(templates: dict[str, bytes]) -> None:
    workbook = load_workbook(io.BytesIO(templates["training"]))
    people = {row[0]: row[1] for row in workbook["Existing people"].iter_rows(min_row=2, values_only=True)}
    assert people == {item_id: person.name for item_id, person in CATALOG.people.items()}
    assert [row[0] for row in workbook["Existing audiences"].iter_rows(min_row=2, values_only=True)] == list(
        CATALOG.audiences
    )
    assert "People" in workbook.sheetnames, "new presenters can be added in the same workbook"


def test_the_same_site_gives_the_same_bytes(templates: dict[str, bytes]) -> None:
    assert template_bytes(CATALOG, list(KINDS), WHEN) == templates["all"]


def test_the_built_site_offers_every_template(shipped_site: Path) -> None:
    folder = shipped_site / TEMPLATE_FOLDER
    assert sorted(path.name for path in folder.glob("*.xlsx")) == sorted(
        [f"{kind.folder}.xlsx" for kind in KINDS] + ["catalog.xlsx"]
    )
    guide = (shipped_site / "maintainers" / "spreadsheets" / "index.html").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f'href="../templates/{kind.folder}.xlsx"' in guide
    workbook = load_workbook(folder / "catalog.xlsx")
    assert {normal(sheet.name) for sheet in SHEETS} <= {normal(name) for name in workbook.sheetnames}
