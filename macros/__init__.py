"""The learning hub's content layer; `define_env` is the mkdocs-macros entry point."""

from __future__ import annotations

from typing import Any

from macros.entry import register


def define_env(env: Any) -> None:
    """Register the macros that hand-written pages call."""
    register(env)
