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
