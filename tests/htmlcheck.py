"""Read built HTML in tests: the parser and the link check live in macros/linkcheck.py, shared with the build."""

from __future__ import annotations

from macros.linkcheck import HtmlPage as Page
from macros.linkcheck import broken_links

__all__ = ["Page", "broken_links"]
