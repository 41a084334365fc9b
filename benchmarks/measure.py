"""One timed `mkdocs build` in a child process, and the sizes of what it wrote."""

from __future__ import annotations

import gzip
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


def index_seconds(log: Path) -> float | None:
    """The search indexing time the build logged (`Search: indexed 6,316 pages in 2.1 s`), if it did."""
    for line in log.read_text(encoding="utf-8").splitlines():
        if "Search: indexed" in line:
            return float(line.rsplit(" in ", 1)[1].split()[0])
    return None


@dataclass(frozen=True)
class Run:
    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User plus system seconds of the build process."""
    peak_mb: float
    """Peak resident memory of the build process (its own rusage, so runs do not mix)."""
    index_s: float | None = None
    """Seconds the build spent writing the search index (Pagefind), as it logged them; None for the baseline."""


@dataclass(frozen=True)
class Size:
    raw: int
    gz: int

    def __add__(self, other: Size) -> Size:
        return Size(self.raw + other.raw, self.gz + other.gz)


@dataclass(frozen=True)
class SiteSizes:
    pages: int
    average_page: Size
    largest_page: Size
    largest_page_path: str
    largest_training: Size
    largest_topic: Size
    catalog_page: Size
    catalog_data: Size
    home_page: Size
    search_index: Size
    """The whole search index as stored: Pagefind's folder (ours) or Material's search_index.json (baseline)."""
    first_search: Size
    """What every first search fetches whatever the query: Material's index and worker; Pagefind's script, entry,
    metadata and WebAssembly (the index chunks and fragments a query needs come on top: see --browser)."""


def build(project: Path, site: Path, log: Path) -> Run:
    """`mkdocs build --strict` as a maintainer runs it; raises with the log's tail if the build fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    run = timed(command, project, log)
    return Run(wall=run.wall, cpu=run.cpu, peak_mb=run.peak_mb, index_s=index_seconds(log))


def timed(command: list[str], cwd: Path, log: Path) -> Run:
    """Run `command` in `cwd` as a child process: wall time, CPU time and its own peak memory (its rusage, so runs
    do not mix); raises with the log's tail if it fails."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_MKDOCS_2_WARNING": "1", "HOME": str(cwd)}
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        tail = log.read_text(encoding="utf-8").splitlines()[-15:]
        raise RuntimeError(f"{' '.join(command[:4])} in {cwd} failed:\n" + "\n".join(tail))
    peak_kb = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_mb=peak_kb / 1024)


def _size(path: Path) -> Size:
    if not path.is_file():
        return Size(0, 0)
    data = path.read_bytes()
    return Size(len(data), len(gzip.compress(data, compresslevel=6)))


def _largest(paths: list[Path]) -> Size:
    return max((_size(path) for path in paths), key=lambda size: size.raw, default=Size(0, 0))


def site_sizes(site: Path) -> SiteSizes:
    """Page sizes raw and gzipped (level 6, as a static host serves them), search index and catalog data."""
    pages = sorted(site.rglob("*.html"))
    sizes = {path: _size(path) for path in pages}
    largest = max(sizes, key=lambda path: sizes[path].raw)
    total = Size(sum(s.raw for s in sizes.values()), sum(s.gz for s in sizes.values()))
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        search = sum((_size(path) for path in pagefind.rglob("*") if path.is_file()), Size(0, 0))
        fixed = [pagefind / "pagefind.js", pagefind / "pagefind-entry.json", pagefind / "wasm.en.pagefind"]
        fixed += sorted(pagefind.glob("pagefind.en_*.pf_meta"))  # an English visitor's; Spanish has its own
        first = sum((_size(path) for path in fixed), Size(0, 0))
    else:
        search = _size(site / "search" / "search_index.json")
        worker = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
        first = search + sum((_size(path) for path in worker), Size(0, 0))
    data = sorted((site / "trainings").glob("*.json"))  # where the catalog would load its list as data
    return SiteSizes(
        pages=len(pages),
        average_page=Size(total.raw // len(pages), total.gz // len(pages)),
        largest_page=sizes[largest],
        largest_page_path=largest.relative_to(site).as_posix(),
        largest_training=_largest(sorted(site.glob("trainings/*/index.html"))),
        largest_topic=_largest(sorted(site.glob("topics/*/index.html"))),
        catalog_page=_size(site / "trainings" / "index.html"),
        catalog_data=sum((_size(path) for path in data), Size(0, 0)),
        home_page=_size(site / "index.html"),
        search_index=search,
        first_search=first,
    )


def self_peak_mb() -> float:
    """This process's own peak, to show the benchmark itself is not what uses the memory."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
