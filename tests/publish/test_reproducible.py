"""Two builds of one commit with the same SOURCE_DATE_EPOCH are equal file by file, the search index included.

The second build runs as if on another machine and another day (`epoch_site_elsewhere`): another folder, listed in
another order, and every clock of Python set to 2017. Whatever depends on the order a folder is listed in, on the
clock or on a random seed shows up as a differing file.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from macros.publish import search_index

from ..conftest import SOURCE_DATE_EPOCH, differing_files

STAMP = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), UTC)
PAGE = '<!doctype html><html lang="en"><body><main data-pagefind-body>{}</main></body></html>'


def test_two_builds_of_one_commit_are_byte_identical(epoch_site: Path, epoch_site_elsewhere: Path) -> None:
    differing = differing_files(epoch_site, epoch_site_elsewhere)
    assert not differing, f"{len(differing)} files differ between two builds of the same content: {differing[:8]}"


def test_the_comparison_covers_every_kind_of_output(epoch_site: Path) -> None:
    """Equal trees prove little if an output is missing: the index, its filter, sitemap, feed, calendar, downloads."""
    files = {path.relative_to(epoch_site).as_posix() for path in epoch_site.rglob("*") if path.is_file()}
    for pattern in (
        "pagefind/pagefind-entry.json",
        "pagefind/*.pf_meta",
        "pagefind/filter/*.pf_filter",
        "pagefind/index/*.pf_index",
        "pagefind/fragment/*.pf_fragment",
        "sitemap.xml.gz",
        "feed.xml",
        "calendar/*.ics",
        "action-plans/*/*.docx",
        "action-plans/*/*.xlsx",
        "action-plans/*/*.csv",
        "schema/*.json",
        "admin/config.yml",
    ):
        assert any(Path(name).match(pattern) for name in files), f"no {pattern} in the built site"


def test_every_time_written_is_source_date_epoch(epoch_site: Path) -> None:
    """The footer's date and the build meta tag, the sitemap's dates and its gzip header, the calendar's DTSTAMP."""
    day = STAMP.strftime("%Y-%m-%d")
    home = (epoch_site / "index.html").read_text(encoding="utf-8")
    assert f"Updated {day}." in home
    assert f'<meta name="hub-build" content="{day} ' in home
    sitemap = (epoch_site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(sitemap[4:8], "little") == int(STAMP.replace(hour=0, minute=0, second=0).timestamp())
    dates = gzip.decompress(sitemap).decode().split("<lastmod>")[1:]
    assert dates, "the sitemap has no dates"
    assert {each.split("</lastmod>")[0] for each in dates} == {day}
    calendar = next((epoch_site / "calendar").glob("*.ics")).read_text(encoding="utf-8")
    assert f"DTSTAMP:{STAMP.strftime('%Y%m%dT%H%M%SZ')}" in calendar


def test_filters_are_put_in_order_once_and_for_all() -> None:
    """Pagefind 1.5.2 orders a filter's values by a hash seeded afresh in every run; `sort_filters` orders them by
    value, names the files after their new bytes, and changes nothing the second time."""
    kinds = ["Training", "Person", "Action plan", "Topic", "Session", "Page", "Program", "Service"]
    documents = [
        (f"/{number}/", PAGE.format(f'<h1>Page {number}</h1><span data-pagefind-filter="kind:{kind}"></span>'))
        for number, kind in enumerate(kinds)
    ]
    files = search_index._index_files(documents)
    search_index.sort_filters(files)
    entry = json.loads(files[search_index.ENTRY])
    meta = search_index._decode(files[f"pagefind.{entry['languages']['en']['hash']}.pf_meta"])
    [[name, filter_hash]] = meta[3]
    assert name == "kind"
    stored = search_index._decode(files[f"filter/{filter_hash}.pf_filter"])
    assert [value for value, _ in stored[1]] == sorted(kinds)
    assert dict(stored[1]) == {kind: [number] for number, kind in enumerate(kinds)}
    again = dict(files)
    search_index.sort_filters(again)
    assert again == files


def test_each_language_is_indexed_apart_and_put_together() -> None:
    """A Pagefind service per language (so one language's index at a time is in memory), merged into one index: the
    entry file lists both languages, in order, and the files every run writes alike are kept once."""
    english = search_index._index_files([("/a/", PAGE.format("<h1>Burnout</h1>"))])
    spanish = search_index._index_files([("/es/a/", PAGE.format("<h1>Agotamiento</h1>").replace('"en"', '"es"'))])
    files = search_index.merged([english, spanish])
    search_index.sort_filters(files)
    entry = json.loads(files[search_index.ENTRY])
    assert list(entry["languages"]) == ["en", "es"]
    assert {"wasm.en.pagefind", "wasm.es.pagefind", "pagefind.js"} <= set(files)
    assert files["pagefind.js"] == english["pagefind.js"] == spanish["pagefind.js"]
    other_order = search_index.merged([spanish, english])
    search_index.sort_filters(other_order)
    assert other_order == files
    with pytest.raises(search_index.SearchIndexError, match="two search indexes were made for en"):
        search_index.merged([english, english])
    changed = dict(spanish, **{"pagefind.js": b"other"})
    with pytest.raises(search_index.SearchIndexError, match=r"two different pagefind\.js"):
        search_index.merged([english, changed])
