"""What content hands to MkDocs' config and page objects, escaped once, here.

MkDocs renders theme templates (Material's `base.html` and partials) without autoescaping, and they print
`config.site_name`, `config.site_description` and `page.meta.title` as they find them. A content value handed
over as `Markup` is already escaped text: printed raw it shows as typed, and a template's own `| e` leaves it be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape


def theme_text(text: str) -> Markup:
    """`text` escaped for a theme template that prints it raw, in an element or an attribute value."""
    return escape(text)


def theme_values(value: Any) -> Any:
    """Every string inside `value` (mappings and lists of strings) escaped with `theme_text`."""
    if isinstance(value, str):
        return theme_text(value)
    if isinstance(value, Mapping):
        return {key: theme_values(item) for key, item in value.items()}
    if isinstance(value, Sequence):
        return [theme_values(item) for item in value]
    return value


class LanguageView:
    """MkDocs' config as the theme reads it on a page in another language: the same object, except for the values
    that are content or language (site name and description, Material's interface language, the crisis bar).

    The theme reads `config.site_name`, `config.theme.language` and `config.extra.*` from the config it is handed;
    a page in Spanish is handed this view instead, so Material's own words (lang.t), the `<html lang>`, the header and
    the crisis bar are Spanish while everything else is read through from the real config. Nothing in the real
    config changes, so the English pages are built exactly as before."""

    def __init__(self, target: Any, **overrides: Any) -> None:
        self._target = target
        self._overrides = overrides

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._target, name)

    def __getitem__(self, key: str) -> Any:
        return self._overrides[key] if key in self._overrides else self._target[key]

    def __contains__(self, key: object) -> bool:
        return key in self._overrides or key in self._target
