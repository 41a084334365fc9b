"""Time `python -m macros import` on a workbook of N trainings (and a handout for every fifth), as .xlsx and as CSV.

.venv/bin/python -m benchmarks.import_rows                 # N = 10,000, 3 runs each; medians
.venv/bin/python -m benchmarks.import_rows --rows 1000 --runs 1

Each run imports into a fresh copy of the shipped project, so every run writes all N files; the import reads the
workbook, plans every row, checks them all with the real loader in a scratch copy and writes them. Wall time, CPU
time and the import process's own peak memory are reported; the machine is shared, so read CPU time and memory
before wall time.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

from benchmarks.measure import Run, self_peak_mb, timed

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ["Leah Harris", "Melody Riefer", "Ginny Sprang"]
TOPICS = ["peer-support", "Trauma-informed care", "secondary-traumatic-stress", "Harm reduction", "postvention"]
AUDIENCES = ["clinicians", "Peer workers", "nurses", "supervisors-and-managers"]
WORDS = ["support", "team", "staff", "recovery", "peer", "training", "session", "network", "practice", "safety",
         "trust", "care", "plan", "review", "crisis", "wellbeing", "supervision", "listening"]  # fmt: skip
TRAININGS = ["Title", "Date", "Summary", "Presenters", "Topics", "Audiences", "Delivery", "Objectives",
             "Recording status", "Recording note", "Slides title", "Slides status"]  # fmt: skip
HANDOUTS = ["Training", "Title", "Status", "URL"]


def rows(count: int, seed: int = 7) -> tuple[list[list[object]], list[list[object]]]:
    """Trainings with dates typed three ways and as date cells, names and ids mixed, prose with paragraphs."""
    pick = random.Random(seed)
    trainings: list[list[object]] = []
    handouts: list[list[object]] = []
    for number in range(count):
        title = f"Training {number:05d}: {' '.join(pick.sample(WORDS, 4))}"
        year = 1990 + number % 35
        month, day = 1 + number % 12, 1 + number % 28
        date: object = [str(year), f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}",
                        datetime.datetime(year, month, day)][number % 4]  # fmt: skip
        summary = " ".join(pick.choices(WORDS, k=40)).capitalize() + ".\n\n" + " ".join(pick.choices(WORDS, k=30)) + "."
        trainings.append([
            title, date, summary, "\n".join(pick.sample(PEOPLE, 1 + number % 2)), "; ".join(pick.sample(TOPICS, 2)),
            pick.choice(AUDIENCES), ["live-online", "in-person", "pre-recorded"][number % 3],
            "Name the first step.\nPlan the second.", "unavailable", "This recording is not on this site.",
            "Slides", "on-request",
        ])  # fmt: skip
        if number % 5 == 0:
            handouts.append([title, "Worksheet", "available", f"https://example.org/worksheets/{number}.pdf"])
    return trainings, handouts


def write_workbook(path: Path, count: int) -> None:
    trainings, handouts = rows(count)
    workbook = Workbook(write_only=True)
    for name, header, body in (("Trainings", TRAININGS, trainings), ("Training handouts", HANDOUTS, handouts)):
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for row in body:
            sheet.append(row)
    workbook.save(path)


def write_csv(folder: Path, count: int) -> list[Path]:
    trainings, handouts = rows(count)
    paths = []
    for name, header, body in (("trainings", TRAININGS, trainings), ("training-handouts", HANDOUTS, handouts)):
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            writer.writerows([[value.date().isoformat() if isinstance(value, datetime.datetime) else value
                               for value in row] for row in body])  # fmt: skip
        paths.append(path)
    return paths


def project(folder: Path) -> Path:
    """The shipped content and mkdocs.yml: what a network starting from a spreadsheet has."""
    shutil.copytree(ROOT / "sessions", folder / "sessions")
    (folder / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def measure(files: list[Path], scratch: Path, label: str, runs: int) -> list[Run]:
    results = []
    for number in range(runs):
        target = project(scratch / f"{label}-{number}")
        command = [sys.executable, "-m", "macros", "import", *map(str, files)]
        results.append(timed(command, target, scratch / f"{label}-{number}.log"))
        written = len(list((target / "sessions" / "trainings").glob("*.yaml")))
        shutil.rmtree(target)
        print(f"  {label} run {number + 1}: {results[-1].wall:.1f} s wall, {results[-1].cpu:.1f} s CPU, "
              f"{results[-1].peak_mb:.0f} MB peak, {written:,} trainings written", flush=True)  # fmt: skip
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000, help="trainings in the workbook (default 10,000)")
    parser.add_argument("--runs", type=int, default=3, help="imports per format; medians are reported")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hub-import-bench-") as folder:
        scratch = Path(folder)
        print(f"{args.rows:,} trainings; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        workbook = scratch / "trainings.xlsx"
        write_workbook(workbook, args.rows)
        csv_files = write_csv(scratch, args.rows)
        csv_size = sum(path.stat().st_size for path in csv_files)
        print(f"files: xlsx {workbook.stat().st_size / 1e6:.1f} MB, CSV {csv_size / 1e6:.1f} MB", flush=True)
        for label, files in (("xlsx", [workbook]), ("csv", csv_files)):
            runs = measure(files, scratch, label, args.runs)
            medians = {key: statistics.median(getattr(run, key) for run in runs) for key in ("wall", "cpu", "peak_mb")}
            wall, cpu, peak = medians["wall"], medians["cpu"], medians["peak_mb"]
            print(f"{label}: median of {len(runs)}: {wall:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MB peak; "
                  f"{1000 * wall / args.rows:.2f} ms per row", flush=True)  # fmt: skip
        print(f"load average at the end {os.getloadavg()[0]:.1f}; this process peaked at {self_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
