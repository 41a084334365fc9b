"""mkdocs-macros edge: wraps the pure listing functions as macros for hand-written pages."""

from __future__ import annotations

from typing import Any

from macros import listings, state


def _here(env: Any) -> str:
    return str(env.page.url) if env.page is not None else ""


def register(env: Any) -> None:
    @env.macro  # type: ignore[untyped-decorator]
    def index_of(kind: str) -> str:
        build = state.current()
        return listings.index_of(kind, build.catalog, build.index, _here(env))

    @env.macro  # type: ignore[untyped-decorator]
    def help_lines() -> str:
        return listings.help_lines(state.current().catalog, _here(env))
