"""mkdocs-macros edge: wraps the pure listing functions as macros for hand-written pages.

An unknown id or kind fails the build with the page's file name, so a maintainer knows where to look.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from macros import listings, state

R = TypeVar("R")


def _here(env: Any) -> str:
    return str(env.page.url) if env.page is not None else ""


def _page_file(env: Any) -> str:
    return f"docs/{env.page.file.src_uri}" if env.page is not None else "a page"


def register(env: Any) -> None:
    def guarded(call: Callable[[], R]) -> R:
        try:
            return call()
        except listings.UnknownId as error:
            raise listings.UnknownId(f"{_page_file(env)}: {error}") from None

    @env.macro  # type: ignore[untyped-decorator]
    def index_of(kind: str, level: int = 2) -> str:
        build = state.current()
        return guarded(lambda: listings.index_of(kind, build.catalog, build.index, _here(env), level=level))

    @env.macro  # type: ignore[untyped-decorator]
    def topic_index(topic_id: str) -> str:
        build = state.current()
        return guarded(lambda: listings.topic_index(topic_id, build.catalog, build.index, _here(env)))

    @env.macro  # type: ignore[untyped-decorator]
    def catalog() -> str:
        build = state.current()
        return listings.catalog_list(build.catalog, build.index, _here(env))

    @env.macro  # type: ignore[untyped-decorator]
    def series_schedule(series_id: str) -> str:
        return guarded(lambda: listings.series_schedule(series_id, state.current().catalog, _here(env)))

    @env.macro  # type: ignore[untyped-decorator]
    def programs_table(topic_id: str | None = None) -> str:
        return guarded(lambda: listings.programs_table(topic_id, state.current().catalog, _here(env)))

    @env.macro  # type: ignore[untyped-decorator]
    def latest(count: int = 5) -> str:
        build = state.current()
        return guarded(lambda: listings.latest(count, build.index, build.catalog, _here(env)))

    @env.macro  # type: ignore[untyped-decorator]
    def help_lines() -> str:
        return listings.help_lines(state.current().catalog, _here(env))
