"""`python -m macros validate | build | new | edit | import | export`: check the content, publish the site safely,
start a new file, edit in the browser, bring a catalog in from spreadsheets and take it out to one."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from macros.content.kinds import counts
from macros.content.load import Loader
from macros.content.problems import ContentError, Problem
from macros.content.scaffold import ScaffoldError, kind_names, new_item, new_session, new_translation
from macros.content.translations import LANGUAGE_NAMES
from macros.publish.build import build_site
from macros.publish.editor import run_local
from macros.publish.project import site_url
from macros.publish.spreadsheets import export_catalog, import_spreadsheets


def validate(content_dir: Path, docs_dir: Path, output: str = "text") -> int:
    loader = Loader(content_dir, docs_dir, root=Path.cwd())
    try:
        catalog = loader.load()
    except ContentError as error:
        if output == "github":
            print("\n".join(annotation(problem) for problem in error.problems))
        print(error.report(), file=sys.stderr)
        return 1
    summary = ", ".join(f"{count} {kind}" for kind, count in counts(catalog).items())
    for language, translation in loader.translations.items():
        summary += f"; {translation.count()} files translated into {LANGUAGE_NAMES[language]}"
    print(f"OK: {summary}")
    return 0


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: the pull request shows the message on the file's line.

    Properties and message are escaped as GitHub's toolkit does (`%`, line breaks; `:` and `,` in properties)."""
    file = problem.file.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A")
    file = file.replace(",", "%2C")
    text = f"{problem.field}: {problem.message}" if problem.field else problem.message
    message = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={file},line={problem.line}::{message}"


def new(kind: str, words: list[str], content_dir: Path, config: Path) -> int:
    """`new KIND "Title"` or `new session SERIES-ID "Title"`; every refusal says why and writes nothing."""
    usage = {
        "session": 'python -m macros new session SERIES-ID "Title"',
        "translation": "python -m macros new translation KIND ID (the Spanish of sessions/<folder>/ID.yaml)",
    }.get(kind, f'python -m macros new {kind} "Title"')
    if len(words) != (2 if kind in ("session", "translation") else 1):
        print(f"write it like: {usage}", file=sys.stderr)
        return 2
    today = datetime.now(UTC).date()
    try:
        if kind == "session":
            written = new_session(content_dir, words[0], words[1], today)
        elif kind == "translation":
            written = new_translation(content_dir, words[0], words[1], site_url(config))
        else:
            written = new_item(content_dir, kind, words[0], site_url(config), today)
    except ScaffoldError as error:
        print(f"{error}; nothing was written.", file=sys.stderr)
        return 1
    print(f"Wrote {written.path.as_posix()} (id: {written.item_id}); {written.note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the content and report every problem")
    check.add_argument("--content", type=Path, default=Path("sessions"), help="content folder (default: sessions)")
    check.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder with files/ (default: docs)")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: also print each problem as a GitHub Actions annotation on its file and line",
    )
    publish = commands.add_parser("build", help="strict build and link check; replaces site/ only when both pass")
    publish.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    publish.add_argument("--site-dir", type=Path, default=Path("site"), help="published folder (default: site)")
    publish.add_argument(
        "--external-report",
        type=Path,
        default=Path("build/external-links.txt"),
        help="where to list external addresses (default: build/external-links.txt)",
    )
    start = commands.add_parser("new", help="start a new file from a commented skeleton (never overwrites)")
    start.add_argument("kind", choices=kind_names(), help="what to add")
    start.add_argument(
        "words",
        nargs="*",
        metavar="TITLE",
        help='"Title"; for a session: SERIES-ID "Title"; for a translation into Spanish: KIND ID',
    )
    start.add_argument("--content", type=Path, default=Path("sessions"), help="content folder (default: sessions)")
    start.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="for site_url (default: mkdocs.yml)")
    edit = commands.add_parser("edit", help="edit in the browser: the local editor server and the site, together")
    edit.add_argument("-a", "--address", default="127.0.0.1:8000", help="where to serve (default: 127.0.0.1:8000)")
    bring = commands.add_parser(
        "import",
        help="write one YAML file per spreadsheet row (.xlsx or .csv), or nothing and every problem",
        description="Each row of the workbooks' sheets (or of each CSV file) becomes one file under sessions/, "
        "written only when every row is right; the maintainers' guide offers a template per kind.",
    )
    bring.add_argument("files", nargs="+", type=Path, metavar="FILE", help="workbooks (.xlsx) or CSV files")
    bring.add_argument("--update", action="store_true", help="change existing items: only the columns present")
    bring.add_argument("--dry-run", action="store_true", help="list the files it would write, and write none")
    take = commands.add_parser("export", help="the whole catalog as a workbook (catalog.xlsx) and a CSV per sheet")
    take.add_argument("--out", type=Path, default=Path("build/export"), help="folder (default: build/export)")
    for each in (bring, take):
        each.add_argument("--content", type=Path, default=Path("sessions"), help="content folder (default: sessions)")
        each.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder with files/ (default: docs)")
        each.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="for site_url (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    if args.command == "import":
        return import_spreadsheets(
            args.files, args.content, args.docs, site_url(args.config), update=args.update, dry_run=args.dry_run
        )
    if args.command == "export":
        return export_catalog(args.content, args.docs, site_url(args.config), args.out)
    if args.command == "edit":
        return run_local(Path.cwd(), args.address)
    if args.command == "new":
        return new(args.kind, args.words, args.content, args.config)
    if args.command == "build":
        return build_site(args.config, args.site_dir, args.external_report)
    return validate(args.content, args.docs, args.format)


if __name__ == "__main__":
    sys.exit(main())
