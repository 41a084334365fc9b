"""Build synthetic sites of N trainings with our stack and with stock Material; print medians and ratios.

.venv/bin/python -m benchmarks.run                      # N = 100, 1,000 and 5,000, 3 runs each
.venv/bin/python -m benchmarks.run --sizes 100,1000 --runs 1
.venv/bin/python -m benchmarks.run --sizes 1000,5000 --languages   # English and Spanish against English alone
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.baseline import write_baseline
from benchmarks.measure import Run, SiteSizes, Size, build, site_sizes
from benchmarks.serve import rebuild_seconds
from benchmarks.synthetic import write_english_only, write_project

if TYPE_CHECKING:
    from benchmarks.browser import BrowserFigures


@dataclass(frozen=True)
class Result:
    label: str
    trainings: int
    items: int
    runs: list[Run]
    sizes: SiteSizes

    def median(self, name: str) -> float:
        return float(statistics.median(getattr(run, name) for run in self.runs))

    @property
    def ms_per_item(self) -> float:
        return 1000 * self.median("wall") / self.items

    @property
    def cpu_ms_per_item(self) -> float:
        """Steadier than wall time on a shared machine: other processes' load stretches wall time, not CPU time."""
        return 1000 * self.median("cpu") / self.items


def _measure(projects: dict[str, Path], trainings: int, items: int, runs: int) -> dict[str, Result]:
    """Builds alternate between the variants, so a burst of load from elsewhere hits both alike."""
    timings: dict[str, list[Run]] = {label: [] for label in projects}
    for number in range(runs):
        for label, project in projects.items():
            timings[label].append(build(project, project / "site", project / f"build-{number}.log"))
    return {
        label: Result(label, trainings, items, timings[label], site_sizes(project / "site"))
        for label, project in projects.items()
    }


def _kb(size: Size) -> str:
    return f"{size.raw / 1024:,.1f} KB ({size.gz / 1024:,.1f} KB gz)"


def _report(ours: Result, base: Result) -> str:
    rows = [
        ("wall time, median s", f"{ours.median('wall'):.2f}", f"{base.median('wall'):.2f}", "wall"),
        ("CPU time, median s", f"{ours.median('cpu'):.2f}", f"{base.median('cpu'):.2f}", "cpu"),
        ("peak memory, MB", f"{ours.median('peak_mb'):.0f}", f"{base.median('peak_mb'):.0f}", "peak_mb"),
        ("time per item, ms", f"{ours.ms_per_item:.2f}", f"{base.ms_per_item:.2f}", ""),
        ("CPU time per item, ms", f"{ours.cpu_ms_per_item:.2f}", f"{base.cpu_ms_per_item:.2f}", "cpu"),
    ]
    lines = [f"\n== N = {ours.trainings:,} trainings, {ours.items:,} item pages, {len(ours.runs)} run(s) each ==",
             f"{'':28}{'ours':>14}{'baseline':>14}{'ours/base':>11}"]  # fmt: skip
    for name, mine, theirs, key in rows:
        ratio = ours.median(key) / base.median(key) if key else ours.ms_per_item / base.ms_per_item
        lines.append(f"{name:28}{mine:>14}{theirs:>14}{ratio:>10.2f}x")
    for name in ("average_page", "largest_page", "largest_training", "largest_topic", "catalog_page", "home_page",
                 "catalog_data", "search_index", "first_search"):  # fmt: skip
        mine, theirs = getattr(ours.sizes, name), getattr(base.sizes, name)
        lines.append(f"{name.replace('_', ' '):28}ours {_kb(mine):>32}   baseline {_kb(theirs):>32}")
    lines.append(f"{'largest page is':28}ours {ours.sizes.largest_page_path}, baseline {base.sizes.largest_page_path}")
    lines.append(f"{'html pages':28}ours {ours.sizes.pages:,}, baseline {base.sizes.pages:,}")
    return "\n".join(lines) + _indexing(ours)


def _languages(ours: Result, english: Result) -> str:
    """Both languages (every item page twice, the Spanish from sessions/es/) against the same site in English alone."""
    lines = [f"\n-- English and Spanish against English alone, N = {ours.trainings:,} --",
             f"{'':28}{'en + es':>14}{'en alone':>14}{'ratio':>11}"]  # fmt: skip
    for name, key, unit in (("wall time, median", "wall", "s"), ("CPU time, median", "cpu", "s"),
                            ("peak memory, median", "peak_mb", "MB")):  # fmt: skip
        mine, theirs = ours.median(key), english.median(key)
        lines.append(f"{name + ', ' + unit:28}{mine:>14.2f}{theirs:>14.2f}{mine / theirs:>10.2f}x")
    lines.append(f"{'html pages':28}{ours.sizes.pages:>14,}{english.sizes.pages:>14,}")
    index = ours.sizes.search_index, english.sizes.search_index
    lines.append(f"{'search index':28}{_kb(index[0]):>32} against {_kb(index[1])}")
    return "\n".join(lines)


def _indexing(ours: Result) -> str:
    seconds = [run.index_s for run in ours.runs if run.index_s is not None]
    if not seconds:
        return ""
    median = statistics.median(seconds)
    return f"\n{'search indexing (Pagefind)':28}{median:.2f} s median, {median / ours.median('wall'):.0%} of the build"


def _short(ours: Result) -> str:
    return (
        f"\n== N = {ours.trainings:,}: ours {ours.median('wall'):.2f} s wall, {ours.ms_per_item:.2f} ms/item, "
        f"{ours.median('peak_mb'):.0f} MB, first search {_kb(ours.sizes.first_search)}"
    ) + _indexing(ours)


def _browser(site: Path, trainings: int) -> str:
    from benchmarks.browser import measure  # noqa: PLC0415 - Playwright only when asked for

    figures = measure(site)
    fetched = ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in sorted(figures.first_search.items()))
    return (
        f"\nChromium at N = {trainings:,}, catalog of {figures.items:,} items: a topic filter updates in "
        f"{figures.filter_median:.1f} ms (median of {len(figures.filter_ms)}; "
        f"all: {', '.join(f'{ms:.0f}' for ms in figures.filter_ms)})\n"
        f"first search fetched (gzip): {fetched}; total {sum(figures.first_search.values()) / 1024:.1f} KB\n"
        f"time to results after the last letter typed: first search {figures.first_ms:.0f} ms (median of "
        f"{len(figures.cold_ms)} fresh pages: {', '.join(f'{ms:.0f}' for ms in figures.cold_ms)}); "
        f"first search pasted at once, nothing loaded before: {figures.instant_median:.0f} ms "
        f"({', '.join(f'{ms:.0f}' for ms in figures.instant_ms)}); later searches {figures.warm_median:.0f} ms "
        f"(median of {len(figures.warm_ms)})"
    ) + _spanish_search(figures)


def _spanish_search(figures: BrowserFigures) -> str:
    if not figures.spanish_search:
        return ""
    fetched = ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in sorted(figures.spanish_search.items()))
    return (
        f"\nfirst Spanish search (es/, 'posvención' typed) fetched (gzip): {fetched}; total "
        f"{sum(figures.spanish_search.values()) / 1024:.1f} KB; results {statistics.median(figures.spanish_ms):.0f} ms "
        f"after the last letter (median of {len(figures.spanish_ms)} fresh pages)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated numbers of trainings")
    parser.add_argument("--runs", type=int, default=3, help="builds per size and variant; medians are reported")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it, instead of a temporary one")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--no-baseline", action="store_true", help="measure our build only")
    parser.add_argument(
        "--languages", action="store_true", help="also build the same site in English alone and compare the two"
    )
    parser.add_argument("--browser", action="store_true", help="also time the catalog filter and search in Chromium")
    parser.add_argument("--serve", action="store_true", help="also time a `mkdocs serve` rebuild after a YAML edit")
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as scratch:
        root = args.keep or Path(scratch)
        print(f"building in {root}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        per_item: dict[int, tuple[float, float]] = {}
        for trainings in sizes:
            project = root / f"ours-{trainings}"
            project.mkdir(parents=True, exist_ok=False)
            items = write_project(project, trainings).items
            projects = {"ours": project}
            if not args.no_baseline:
                projects["baseline"] = root / f"baseline-{trainings}"
                write_baseline(project, projects["baseline"])
            if args.languages:
                projects["english"] = root / f"english-{trainings}"
                write_english_only(project, projects["english"])
            measured = _measure(projects, trainings, items, args.runs)
            ours = measured["ours"]
            per_item[trainings] = (ours.ms_per_item, ours.cpu_ms_per_item)
            results.append({"trainings": trainings, "items": items} | {k: asdict(v) for k, v in measured.items()})
            base = measured.get("baseline")
            print(_report(ours, base) if base else _short(ours), flush=True)
            if "english" in measured:
                print(_languages(ours, measured["english"]), flush=True)
        if args.serve:
            edited = min(sizes, key=lambda size: abs(size - 1000))
            first, rebuild = rebuild_seconds(root / f"ours-{edited}", "training-00000")
            print(f"\nmkdocs serve at N = {edited:,}: first build {first:.1f} s; one YAML title edited, "
                  f"new title served after {rebuild:.1f} s", flush=True)  # fmt: skip
        if args.browser:
            for trainings in sizes:
                print(_browser(root / f"ours-{trainings}" / "site", trainings), flush=True)
        if 1000 in per_item and 5000 in per_item:
            wall, cpu = (per_item[5000][i] / per_item[1000][i] for i in (0, 1))
            print(f"\ntime per item at 5,000 / at 1,000: wall {wall:.2f}x, CPU {cpu:.2f}x (target <= 1.2x)")
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
