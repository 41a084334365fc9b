"""`python -m macros import` and `export`, run as a maintainer runs them: golden error reports for broken workbooks,
all or nothing, `--update` and `--dry-run`, CSV encodings, and the round trip of the shipped content.

Each fixtures/import/<case>.yaml describes a workbook (or CSV file) cell by cell; the test writes it with openpyxl
(a YAML date becomes a date cell, a string starting with `=` a formula) and compares the report with <case>.expected.
Set HUB_UPDATE_GOLDEN=1 to rewrite the .expected files from a run, then read every changed line.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from macros.__main__ import main
from macros.content.kinds import KINDS
from macros.content.records import read_record

from ..conftest import FIXTURES, ROOT

CASES = sorted(path.stem for path in (FIXTURES / "import").glob("*.yaml"))


def write_case(description: dict[str, Any], folder: Path) -> Path:
    """The workbook or CSV file a case describes."""
    path = folder / description["file"]
    sheets: dict[str, list[list[Any]]] = description["sheets"]
    if path.suffix == ".csv":
        options = description.get("csv", {})
        out = io.StringIO()
        writer = csv.writer(out, delimiter=options.get("delimiter", ","), lineterminator="\r\n")
        writer.writerows(next(iter(sheets.values())))
        path.write_bytes(out.getvalue().encode(options.get("encoding", "utf-8")))
        return path
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                _put(sheet.cell(row=row_number, column=column), value)
        for cells in description.get("merge", {}).get(name, []):
            sheet.merge_cells(cells)
        for coordinate, number_format in description.get("formats", {}).get(name, {}).items():
            sheet[coordinate].number_format = number_format
    workbook.save(path)
    return path


def _put(cell: Any, value: Any) -> None:
    if isinstance(value, dict) and "text" in value:
        cell.value, cell.data_type = value["text"], "s"
    elif isinstance(value, dict) and "error" in value:
        cell.value, cell.data_type = value["error"], "e"
    elif value != "":
        cell.value = value


def project(folder: Path, content: Path = FIXTURES / "content") -> Path:
    """A project to import into: content, docs/files and mkdocs.yml (for the schema address)."""
    shutil.copytree(content, folder, dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    """`python -m macros ARGS` in `folder`, in this process: exit code, stdout lines, stderr lines."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        code = main(list(args))
    finally:
        os.chdir(before)
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_workbook_is_reported_in_its_own_words_and_nothing_is_written(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    description = yaml.safe_load((FIXTURES / "import" / f"{case}.yaml").read_text(encoding="utf-8"))
    folder = project(tmp_path / "project")
    source = write_case(description, tmp_path)
    before = tree(folder / "sessions")
    code, _, report = run(folder, capsys, "import", str(source))
    expected = FIXTURES / "import" / f"{case}.expected"
    if os.environ.get("HUB_UPDATE_GOLDEN") == "1":
        expected.write_text("\n".join(report) + "\n", encoding="utf-8")
    assert code == 1
    assert report == expected.read_text(encoding="utf-8").splitlines()
    assert tree(folder / "sessions") == before


def test_every_case_has_its_expected_report() -> None:
    assert len(CASES) >= 6
    for case in CASES:
        assert (FIXTURES / "import" / f"{case}.expected").is_file(), case


def _records(folder: Path) -> dict[str, Any]:
    """Every item's record (the YAML as the loader reads it), by file."""
    return {
        f"{kind.folder}/{path.name}": read_record(path, kind.spec)
        for kind in KINDS
        for path in sorted((folder / "sessions" / kind.folder).rglob("*.yaml"))
    }


def _empty_project(folder: Path, source: Path) -> Path:
    """`source`'s site, audiences and files, and no item."""
    (folder / "sessions").mkdir(parents=True)
    for name in ("site.yaml", "audiences.yaml", "synonyms.yaml"):
        if (source / "sessions" / name).is_file():
            shutil.copy(source / "sessions" / name, folder / "sessions" / name)
    if (source / "docs" / "files").is_dir():
        shutil.copytree(source / "docs" / "files", folder / "docs" / "files")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


@pytest.mark.parametrize("content", [ROOT, FIXTURES / "content"], ids=["shipped", "fixture"])
def test_exported_content_imported_into_an_empty_project_is_the_same_field_by_field(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export"
    code, out, err = run(content, capsys, "export", "--out", str(export))
    assert code == 0, err
    assert out == [f"Wrote {export / 'catalog.xlsx'} and 16 CSV files (one per sheet) in {export}"]
    original = _records(content)
    for name, files in [("xlsx", ["catalog.xlsx"]), ("csv", sorted(p.name for p in export.glob("*.csv")))]:
        target = _empty_project(tmp_path / f"into-{name}", content)
        code, out, err = run(target, capsys, "import", *(str(tmp_path / "export" / file) for file in files))
        assert code == 0, err
        assert out[0] == f"Wrote {len(original)} files; python -m macros validate passes with them:"
        assert _records(target) == original, f"the {name} round trip changed a field"


def test_the_export_holds_every_cell_as_text_and_dates_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(FIXTURES / "content", capsys, "export", "--out", str(tmp_path))
    assert code == 0, err
    workbook = load_workbook(tmp_path / "catalog.xlsx")
    kinds = {cell.data_type for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value}
    assert kinds == {"s"}, "every cell a string: no formula, number or date"
    sheet = workbook["Trainings"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["undated-talk"]["Date *"] == "unknown"
    assert rows["de-escalation-basics"]["Date *"] == "2019-04-02"
    assert rows["de-escalation-basics"]["Address"] == "http://127.0.0.1:8000/trainings/de-escalation-basics/"
    assert workbook["Programs"]["F2"].value == "unknown"  # Rating reviewed, as written
    plan = workbook["Action plans"]
    texts = [cell.value for row in plan.iter_rows(min_row=2) for cell in row if cell.value]
    assert any(text.startswith("=HYPERLINK") for text in texts), "a text beginning with = stays text"
    with (tmp_path / "action-plans.csv").open(encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert '\'=HYPERLINK("https://example.org") and <b>a test source</b>' in cells, "neutralized in the CSV"


def test_dry_run_lists_the_files_and_writes_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path / "project")
    source = write_case({"file": "people.csv", "sheets": {"People": [["Name", "Role"], ["Zoë Álvarez", "Trainer"]]}},
                        tmp_path)  # fmt: skip
    before = tree(folder / "sessions")
    code, out, _ = run(folder, capsys, "import", "--dry-run", str(source))
    assert code == 0
    assert out == [
        "Would write 1 file (a dry run: nothing was written):",
        "  sessions/people/zoe-alvarez.yaml  ← people.csv, row 2",
    ]
    assert tree(folder / "sessions") == before


def test_new_people_on_a_people_sheet_can_present_trainings_on_the_same_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project(tmp_path / "project")
    source = write_case({"file": "trainings.xlsx", "sheets": {
        "Trainings": [["Title", "Date", "Summary", "Presenters", "Version"][:4],
                      ["Grief at work", "2017-03", "After a loss.", "zoe alvarez\nAda Lovelace"]],
        "People": [["Name", "Credentials"], ["Zoë Álvarez", "1.0"]],
    }}, tmp_path)  # fmt: skip
    code, out, err = run(folder, capsys, "import", str(source))
    assert code == 0, err
    assert out[1:] == [
        "  sessions/trainings/grief-at-work.yaml  ← trainings.xlsx, sheet Trainings, row 2",
        "  sessions/people/zoe-alvarez.yaml  ← trainings.xlsx, sheet People, row 2",
    ]
    training = (folder / "sessions" / "trainings" / "grief-at-work.yaml").read_text(encoding="utf-8")
    assert "date: 2017-03\n" in training
    assert "presenters:\n  - zoe-alvarez\n  - ada-lovelace\n" in training
    person = (folder / "sessions" / "people" / "zoe-alvarez.yaml").read_text(encoding="utf-8")
    assert 'credentials: "1.0"\n' in person
    assert run(folder, capsys, "validate")[0] == 0


def test_update_changes_only_the_columns_present(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path / "project")
    before = read_record(folder / "sessions" / "trainings" / "de-escalation-basics.yaml", KINDS[2].spec)
    source = write_case({"file": "trainings.csv", "sheets": {"Trainings": [
        ["ID", "Summary", "Content note"], ["de-escalation-basics", "A new summary.", ""]]}}, tmp_path)  # fmt: skip
    code, out, err = run(folder, capsys, "import", "--update", str(source))
    assert code == 0, err
    assert out[1] == "  sessions/trainings/de-escalation-basics.yaml (replaced)  ← trainings.csv, row 2"
    after = read_record(folder / "sessions" / "trainings" / "de-escalation-basics.yaml", KINDS[2].spec)
    assert after == {**{k: v for k, v in before.items() if k != "content_note"}, "summary": "A new summary."}


def test_a_csv_from_excel_in_windows_1252_with_semicolons_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project(tmp_path / "project")
    source = write_case({"file": "people.csv", "csv": {"delimiter": ";", "encoding": "cp1252"},
                         "sheets": {"People": [["Name", "Affiliation"], ["José Núñez", "Café – Résumé Network"]]}},
                        tmp_path)  # fmt: skip
    code, out, err = run(folder, capsys, "import", str(source))
    assert code == 0, err
    assert out[0].startswith("people.csv: read as Windows-1252")
    text = (folder / "sessions" / "people" / "jose-nunez.yaml").read_text(encoding="utf-8")
    assert 'name: "José Núñez"\naffiliation: "Café – Résumé Network"\n' in text


def test_a_utf8_csv_with_a_bom_is_read_and_a_file_in_no_known_encoding_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project(tmp_path / "project")
    good = tmp_path / "people.csv"
    good.write_bytes("\ufeffName,Role\r\nZoë Álvarez,Trainer\r\n".encode())
    code, out, _ = run(folder, capsys, "import", "--dry-run", str(good))
    assert (code, out[1]) == (0, "  sessions/people/zoe-alvarez.yaml  ← people.csv, row 2")
    bad = tmp_path / "topics.csv"
    bad.write_bytes(b"Title,Summary\r\nA \x81 B,Text\r\n")
    code, _, err = run(folder, capsys, "import", str(bad))
    assert code == 1
    assert err[0].startswith("topics.csv: is neither UTF-8 nor Windows-1252 text; in Excel save it as")


LONG = " ".join(f"word{number}" for number in range(5000))
"""A 40,000-character transcript: more than a spreadsheet cell holds (32,767)."""


@pytest.mark.parametrize(("file", "transcript"), [("hostile.xlsx", LONG[:30_000]), ("trainings.csv", LONG)])
def test_markup_formula_leaders_and_long_cells_come_in_as_typed(
    file: str, transcript: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text is text: markup and template code stay as typed (the site escapes them), a text beginning with = + - @
    is not a formula, and long texts are carried whole (in a CSV file even past what a workbook cell holds)."""
    folder = project(tmp_path / "project")
    header = ["Title", "Date", "Summary", "Content note", "Recording status", "Recording URL", "Recording captions",
              "Recording transcript text"]  # fmt: skip
    values = ["<script>alert(1)</script> {{ 7*7 }}", "2024", "=1+1, @me, +1 and -1", "-- a dash first", "available",
              "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "provider", transcript]  # fmt: skip
    cells = [{"text": value} for value in values] if file.endswith(".xlsx") else values
    source = write_case({"file": file, "sheets": {"Trainings": [header, cells]}}, tmp_path)
    code, _, err = run(folder, capsys, "import", str(source))
    assert code == 0, err
    record = read_record(folder / "sessions" / "trainings" / "script-alert-1-script-7-7.yaml", KINDS[2].spec)
    assert (record["title"], record["summary"], record["content_note"]) == tuple(values[0:1] + values[2:4])
    assert record["recording"]["transcript_text"] == transcript


def test_a_text_longer_than_a_cell_is_cut_openly_in_the_workbook_and_kept_by_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = project(tmp_path / "project")
    header = ["Title", "Date", "Summary", "Recording status", "Recording URL", "Recording captions",
              "Recording transcript text"]  # fmt: skip
    values = ["A long talk", "2024", "Text.", "available", "https://vimeo.com/76979871", "provider", LONG]
    run(
        folder,
        capsys,
        "import",
        str(write_case({"file": "trainings.csv", "sheets": {"T": [header, values]}}, tmp_path)),
    )
    code, _, err = run(folder, capsys, "export", "--out", "out")
    assert code == 0
    assert err == ["out/catalog.xlsx, sheet Trainings, row 2, column Recording transcript text: 43,889 characters, "
                   "more than a cell holds; cut in the workbook, whole in trainings.csv"]  # fmt: skip
    cell = load_workbook(folder / "out" / "catalog.xlsx")["Trainings"]["R2"].value
    assert cell.endswith("the CSV files have all of it)")
    assert len(cell) == 32_767
    before = _records(folder)
    code, _, err = run(folder, capsys, "import", "--update", "out/catalog.xlsx")
    assert code == 0, err
    assert _records(folder) == before, "the cut cell stands for the file's own text: nothing changes"
    empty = _empty_project(tmp_path / "empty", folder)
    code, _, err = run(empty, capsys, "import", str(folder / "out" / "catalog.xlsx"))
    assert code == 1
    assert err[0] == (
        "catalog.xlsx, sheet Trainings, row 2, column Recording transcript text: was cut by the export at the most a "
        "spreadsheet cell holds; import the CSV files, which have the whole text, or write it again in full"
    )
