"""mkdocs-macros edge: `define_env` wraps the pure listing functions as macros for hand-written pages.

Each macro reads the build in progress from the config mkdocs-macros holds (`env.conf`), and the page's language
from its address (`es/…` is Spanish): the same call in docs/es/ lists the Spanish catalog. An unknown id or kind
fails the build with the page's file name, so a maintainer knows where to look.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from macros.edge.build import Edition, build_of
from macros.publish.project import build_time
from macros.site import listings

R = TypeVar("R")


def _here(env: Any) -> str:
    return str(env.page.url) if env.page is not None else ""


def _page_file(env: Any) -> str:
    return f"docs/{env.page.file.src_uri}" if env.page is not None else "a page"


def define_env(env: Any) -> None:
    """Register the macros that hand-written pages call (mkdocs-macros' entry point)."""

    def edition() -> Edition:
        """The page's language's catalog, relations and files."""
        return build_of(env.conf).edition_at(_here(env))

    def guarded(call: Callable[[], R]) -> R:
        try:
            return call()
        except listings.UnknownId as error:
            raise listings.UnknownId(f"{_page_file(env)}: {error}") from None

    @env.macro  # type: ignore[untyped-decorator]
    def listing(kind: str, level: int = 2) -> str:
        now = edition()
        return guarded(
            lambda: listings.listing(
                kind,
                now.catalog,
                now.relations,
                now.file_sizes,
                _here(env),
                level=level,
                today=build_time().date(),
                language=now.language,
            )
        )

    @env.macro  # type: ignore[untyped-decorator]
    def topic_listing(topic_id: str) -> str:
        now = edition()
        return guarded(lambda: listings.topic_listing(topic_id, now.catalog, now.relations, _here(env), now.language))

    @env.macro  # type: ignore[untyped-decorator]
    def catalog() -> str:
        now = edition()
        return listings.catalog_list(now.catalog, now.relations, _here(env), now.language)

    @env.macro  # type: ignore[untyped-decorator]
    def series_schedule(series_id: str) -> str:
        now = edition()
        return guarded(lambda: listings.series_schedule(series_id, now.catalog, _here(env), now.language))

    @env.macro  # type: ignore[untyped-decorator]
    def programs_table(topic_id: str | None = None) -> str:
        now = edition()
        return guarded(lambda: listings.programs_table(topic_id, now.catalog, _here(env), now.language))

    @env.macro  # type: ignore[untyped-decorator]
    def latest(count: int = 5) -> str:
        now = edition()
        return guarded(lambda: listings.latest(count, now.relations, now.catalog, _here(env), now.language))

    @env.macro  # type: ignore[untyped-decorator]
    def for_your_role() -> str:
        now = edition()
        return listings.for_your_role(now.catalog, now.relations, _here(env), now.language)

    @env.macro  # type: ignore[untyped-decorator]
    def help_lines() -> str:
        now = edition()
        return listings.help_lines(now.catalog, _here(env), now.language)

    @env.macro  # type: ignore[untyped-decorator]
    def my_learning(part: str = "overview") -> str:
        now = edition()
        prefixes = tuple(language.prefix for language in build_of(env.conf).languages if language.prefix)
        return guarded(
            lambda: listings.my_learning(part, now.catalog, now.relations, _here(env), now.language, prefixes=prefixes)
        )
