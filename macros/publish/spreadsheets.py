"""`python -m macros import FILE…` and `python -m macros export`: the catalog in from spreadsheets and out to them.

Import reads every file first, plans every item, checks the plan with the real loader and only then writes, all or
nothing. Export writes `catalog.xlsx` and a CSV per sheet from the files as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.content.load import load_catalog
from macros.content.problems import ContentError
from macros.content.scaffold import shown
from macros.content.sheet_import import Importer, ImportRefused, Table, write_planned
from macros.outputs.catalog_sheets import export_files
from macros.outputs.sheet_reader import read_tables
from macros.publish.project import build_time

LISTED = 30
"""Files listed one per line after an import; a larger import ends with how many more."""


def import_spreadsheets(
    files: list[Path], content_dir: Path, docs_dir: Path, site_url: str, *, update: bool = False, dry_run: bool = False
) -> int:
    """Exit 0 after writing (or, with `dry_run`, listing) the files; 1 with every problem and nothing written."""
    tables: list[Table] = []
    refused: list[str] = []
    for path in files:
        try:
            found, notes = read_tables(path)
        except ImportRefused as error:
            refused.extend(error.lines)
            continue
        tables.extend(found)
        for note in notes:
            print(note)
    try:
        if refused:
            raise ImportRefused(refused)
        planned = Importer(tables, content_dir, docs_dir, Path.cwd(), update).plan(site_url)
    except ImportRefused as error:
        print("\n".join(error.lines), file=sys.stderr)
        count = sum(1 for line in error.lines if not line.startswith("The content has problems"))
        print(f"{count} problem{'s' if count != 1 else ''}; nothing was written.", file=sys.stderr)
        return 1
    if not planned:
        print("The spreadsheet has no rows to import; nothing was written.")
        return 0
    if not dry_run:
        write_planned(planned)
    verb = "Would write" if dry_run else "Wrote"
    print(f"{verb} {len(planned)} file{'s' if len(planned) != 1 else ''}" + (" (a dry run: nothing was written)"
          if dry_run else "; python -m macros validate passes with them") + ":")  # fmt: skip
    for each in planned[:LISTED] if len(planned) > LISTED + 5 else planned:
        print(f"  {shown(each.path)}{' (replaced)' if each.replaces else ''}  ← {each.source}")
    if len(planned) > LISTED + 5:
        print(f"  … and {len(planned) - LISTED:,} more")
    return 0


def export_catalog(content_dir: Path, docs_dir: Path, site_url: str, folder: Path) -> int:
    """Write `catalog.xlsx` and a CSV per sheet into `folder`; exit 1 with the content's problems if it has any."""
    try:
        catalog = load_catalog(content_dir, docs_dir, root=Path.cwd())
    except ContentError as error:
        print(error.report().replace("nothing was published", "nothing was exported"), file=sys.stderr)
        return 1
    files, cut = export_files(catalog, Path.cwd(), site_url, build_time().replace(tzinfo=None))
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for line in cut:
        print(f"{shown(folder / 'catalog.xlsx')}, {line}", file=sys.stderr)
    print(f"Wrote {shown(folder / 'catalog.xlsx')} and {len(files) - 1} CSV files (one per sheet) in {shown(folder)}")
    return 0
