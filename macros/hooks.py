"""MkDocs events: load the content once, add one page per item, and swap the site in only when the build is good.

MkDocs imports this file by path; it is the only place (with macros/entry.py) that knows about MkDocs.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros import state
from macros.build import swap_in
from macros.listings import banner_links
from macros.load import load_catalog
from macros.outputs import BuildInfo, generate_files
from macros.pages import generate_pages
from macros.problems import ContentError
from macros.project import DEFAULT_SITE_URL, build_date, build_time, commit, public_url, with_slash
from macros.search import SearchEntry, item_entries, rewrite_index

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


class _WarningCounter(logging.Handler):
    """Counts warnings so a strict build that will abort never replaces the published site."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Staging:
    """The site is built into a sibling folder and renamed into place at the very end.

    mkdocs-macros stops a failed build with SystemExit, which skips `on_build_error`; atexit cleans up then.
    """

    final: Path | None = None
    folder: Path | None = None
    counter: _WarningCounter | None = None


class _Search:
    """The compact entries of this build's item pages (macros/search.py), and their addresses."""

    entries: list[SearchEntry] = []  # noqa: RUF012 - replaced, never mutated, once per build
    locations: frozenset[str] = frozenset()


def _content_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "sessions"


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check every YAML file before MkDocs touches the output folder."""
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: use_directory_urls must stay true; generated links assume it")
    if url := public_url():
        config.site_url = url  # the deploy workflow passes the Pages address as SITE_URL
    content = _content_dir(config)
    try:
        catalog = load_catalog(content, config.docs_dir, root=content.parent)
    except ContentError as error:
        raise PluginError(error.report()) from None
    build = state.start(catalog)
    config.extra["hub_help_lines"] = banner_links(build.catalog.site)
    config.extra["hub_build"] = {"date": build_date(), "commit": commit(content.parent)}
    _stage(config)
    return config


def _stage(config: MkDocsConfig) -> None:
    _cleanup()
    final = Path(config.site_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    _Staging.final = final
    _Staging.folder = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    _Staging.counter = _WarningCounter()
    atexit.unregister(_cleanup)
    atexit.register(_cleanup)
    logging.getLogger("mkdocs").addHandler(_Staging.counter)
    config.site_dir = str(_Staging.folder)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the item pages; they stay out of the rendered nav so each page stays small."""
    build = state.current()
    pages = generate_pages(build.catalog, build.index)
    _Search.entries = item_entries(build.catalog, {page.path: page.title for page in pages})
    _Search.locations = frozenset(entry.location for entry in _Search.entries)
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"docs/{page.src_uri} is written by hand, but the page {page.path} is generated from "
                f"sessions/; rename or remove docs/{page.src_uri}"
            )
        files.append(File.generated(config, page.src_uri, content=page.markdown(), inclusion=InclusionLevel.NOT_IN_NAV))
    info = BuildInfo(site_url=_site_url(config), now=build_time())
    for output in generate_files(build.catalog, build.index, info):
        files.append(File.generated(config, output.path, content=output.content))
    return files


def _site_url(config: MkDocsConfig) -> str:
    return with_slash(str(config.site_url or DEFAULT_SITE_URL))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Material skips item pages when it indexes every word; each gets one compact entry after the build instead."""
    if page.url in _Search.locations:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Swap the finished site into place, unless a strict build is about to fail on warnings."""
    rewrite_index(Path(config.site_dir), _Search.entries)  # runs after Material's search plugin has written it
    final, folder, counter = _Staging.final, _Staging.folder, _Staging.counter
    if final is None or folder is None:
        return
    if config.strict and counter is not None and counter.count:
        log.warning("The site was not replaced: the build has warnings and strict mode is on.")
        _cleanup()
        return
    swap_in(folder, final, final.with_name(f".{final.name}-old"))
    config.site_dir = str(final)
    _Staging.folder = None
    _cleanup()


def on_build_error(error: Exception) -> None:
    """A failed build removes its own staging folder and leaves the published site as it was."""
    _cleanup()


def _cleanup() -> None:
    if _Staging.folder is not None:
        shutil.rmtree(_Staging.folder, ignore_errors=True)
        _Staging.folder = None
    if _Staging.counter is not None:
        logging.getLogger("mkdocs").removeHandler(_Staging.counter)
        _Staging.counter = None
