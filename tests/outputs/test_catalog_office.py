"""The catalog workbooks as LibreOffice opens them: re-saved, they import the same; printed, they show their columns.

One soffice run re-saves every workbook as .xlsx, one prints them to PDF. HUB_UPDATE_SCREENSHOTS=1 also writes the
maintainers' guide pictures (docs/maintainers/images/spreadsheet-*.png) from the printed pages.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from macros.content.kinds import kind
from macros.content.load import load_catalog
from macros.content.records import read_record
from macros.content.sheet_import import Importer
from macros.outputs.catalog_sheets import export_files, template_bytes
from macros.outputs.plan_xlsx import lines_needed
from macros.outputs.sheet_reader import read_tables

from ..conftest import FIXTURES, ROOT
from ..office import office_tools, pdf_pages, to_pdf

pytestmark = pytest.mark.office

WHEN = datetime.datetime(2026, 12, 1)
IMAGES = ROOT / "docs" / "maintainers" / "images"
ROWS = {
    "Trainings": [
        ["", "Peer support in crisis services", "2017-03", "How peer workers support people in a crisis service.\n\n"
         "Recorded for the 2017 network.", "Leah Harris\nMelody Riefer", "Peer support", "Peer workers; "
         "supervisors-and-managers", "live-online"],
        ["", "Secondary traumatic stress: the basics", "2017-03-14", "What it is and how teams notice it.",
         "Ginny Sprang", "secondary-traumatic-stress", "Clinicians", "in-person"],
        ["", "Harm reduction: a first look", "2018", "An introduction for new staff.", "Zoë Álvarez",
         "Harm reduction", "harm-reduction-workers", "pre-recorded"],
    ],
    "Training handouts": [["Peer support in crisis services", "Role description worksheet", "on-request"]],
    "People": [["", "Zoë Álvarez", "1.0", "Trainer", "Example Network"]],
}  # fmt: skip
"""What a maintainer types into the trainings template: text cells, since its columns are formatted as text."""


def filled_template(path: Path) -> Path:
    """The trainings template of the shipped site with `ROWS` typed in."""
    catalog = load_catalog(ROOT / "sessions", ROOT / "docs", root=ROOT)
    path.write_bytes(template_bytes(catalog, [kind("training")], WHEN))
    workbook = load_workbook(path)
    for name, rows in ROWS.items():
        for row, values in enumerate(rows, start=2):
            for column, value in enumerate(values, start=1):
                if value:
                    cell = workbook[name].cell(row=row, column=column)
                    cell.value, cell.data_type = value, "s"
            workbook[name].row_dimensions[row].height = 15 * _lines(workbook[name], values) + 4
    workbook.save(path)
    return path


def _lines(sheet: Any, values: list[str]) -> int:
    """The lines a row needs, as LibreOffice makes room for them when they are typed (it does not when opening)."""
    widths = [sheet.column_dimensions[get_column_letter(number)].width for number in range(1, len(values) + 1)]
    return max(lines_needed(value, width) if value else 1 for value, width in zip(values, widths, strict=True))


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The workbooks, their LibreOffice re-saves and their printouts."""
    folder = tmp_path_factory.mktemp("catalog-office")
    fixture = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs", root=FIXTURES / "content")
    export = folder / "export.xlsx"
    export.write_bytes(export_files(fixture, FIXTURES / "content", "https://hub.example.org/", WHEN)[0]["catalog.xlsx"])
    files = {"trainings": filled_template(folder / "trainings.xlsx"), "export": export}
    tools = office_tools()
    assert tools is not None
    resaved = folder / "resaved"
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [tools[0], f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx", "--outdir", str(resaved),
         *map(str, files.values())],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdfs = to_pdf(list(files.values()), folder)
    shutil.rmtree(folder / "profile", ignore_errors=True)
    return (
        files
        | {f"{name}-resaved": resaved / path.name for name, path in files.items()}
        | {f"{name}-pdf": pdfs[path] for name, path in files.items()}
    )


def _planned(source: Path, project: Path) -> list[tuple[str, str]]:
    tables, _ = read_tables(source)
    importer = Importer(tables, project / "sessions", project / "docs", project, update=False)
    return [(each.path.name, each.text) for each in importer.plan("http://127.0.0.1:8000/")]


def test_a_filled_template_resaved_by_libreoffice_imports_the_same(office: dict[str, Path], tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "sessions", project / "sessions")
    (project / "docs").mkdir()
    original = _planned(office["trainings"], project)
    assert [name for name, _ in original] == [
        "peer-support-in-crisis-services.yaml",
        "secondary-traumatic-stress-the-basics.yaml",
        "harm-reduction-a-first-look.yaml",
        "zoe-alvarez.yaml",
    ]
    assert _planned(office["trainings-resaved"], project) == original
    resaved = load_workbook(office["trainings-resaved"])
    lists = [check for check in resaved["Trainings"].data_validations.dataValidation if check.type == "list"]
    assert lists, "LibreOffice kept the drop-down lists"


def test_the_export_resaved_by_libreoffice_updates_nothing(office: dict[str, Path], tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "content", project)
    before = {path: path.read_bytes() for path in (project / "sessions").rglob("*.yaml")}
    tables, _ = read_tables(office["export-resaved"])
    importer = Importer(tables, project / "sessions", project / "docs", project, update=True)
    entries = importer.records()
    assert [str(problem) for problem in importer.problems if problem.message] == []
    for entry in entries.values():
        assert entry.record == read_record(entry.path, entry.kind.spec), entry.item_id
    assert {path: path.read_bytes() for path in before} == before


def test_libreoffice_prints_the_readme_and_the_typed_rows(office: dict[str, Path]) -> None:
    pages = pdf_pages(office["trainings-pdf"])
    readme = "\n".join(pages[:3])
    for header in ("Recording captions", "Training handouts", "Needed when any Recording column is filled in"):
        assert header in readme
    rows = next(page for page in pages if "Peer support in crisis services" in page)
    assert "Title *" in rows
    assert "2017-03" in rows
    if os.environ.get("HUB_UPDATE_SCREENSHOTS") == "1":
        _screenshot(office["trainings-pdf"], 1, IMAGES / "spreadsheet-template-readme.png", height=420)
        _screenshot(office["trainings-pdf"], pages.index(rows) + 1, IMAGES / "spreadsheet-template-trainings.png")


def _screenshot(pdf: Path, page: int, target: Path, height: int = 230) -> None:
    """The top left of one printed page as the guide shows it, at its own size (690 pixels: the page's width)."""
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", str(page), "-l", str(page), "-x", "45",
                    "-y", "50", "-W", "690", "-H", str(height), str(pdf), str(stem)], check=True)  # fmt: skip
