"""Write the site's Pagefind index inside the build, with Pagefind's Python API (the binary from `pagefind[bin]`).

Pagefind splits the index into chunks and one fragment per page, so a search fetches the few chunks its words
fall in and the fragments of the results it shows: the first search on a 5,000-training site stays small where a
whole-site index could not. The documents come from macros/site/search.py; only the files the browser needs
(pagefind.js, its worker and WebAssembly, the index) are kept: the site has its own search box, so Pagefind's
prebuilt UIs are removed.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

FOLDER = "pagefind"
"""Where the index is served from, under the site root."""
SYNONYMS = "synonyms.json"
"""Beside the index: the synonym groups the search box applies to queries."""
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
CONFIG: IndexConfig = {"force_language": "en", "include_characters": "&", "keep_index_url": False}
"""One English index; `&` kept inside words so `R&S` is one term."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float


async def _write(folder: Path, output: Path) -> int:
    """One `add_directory` request: the service answers each request after a 0.1 s poll, so a request per page
    would cost ten minutes at 6,000 pages."""
    async with PagefindIndex(config={**CONFIG, "output_path": str(output)}) as index:
        result = await index.add_directory(str(folder))
    return int(result["page_count"])


def _write_documents(documents: Iterable[tuple[str, str]], folder: Path) -> None:
    for url, content in documents:
        target = folder / url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def write_index(documents: Iterable[tuple[str, str]], site_dir: Path, synonyms: str) -> IndexReport:
    """Index `documents` (address, HTML) into `site_dir/pagefind/`, replacing what was there, with `synonyms`
    (JSON) beside it."""
    output = site_dir / FOLDER
    shutil.rmtree(output, ignore_errors=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hub-search-") as scratch:
        _write_documents(documents, Path(scratch))
        # A thread of its own: the caller's thread may already run an event loop (Playwright's sync API in tests,
        # an async plugin), where asyncio.run() refuses to start.
        with ThreadPoolExecutor(max_workers=1) as thread:
            pages = thread.submit(asyncio.run, _write(Path(scratch), output)).result()
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()
    (output / SYNONYMS).write_text(synonyms, encoding="utf-8")
    return IndexReport(pages, time.perf_counter() - start)
