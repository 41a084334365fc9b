"""The baseline's one hook: the theme overrides' words (`_`) and the page's language (`hub`), in English.

The baseline renders the same theme templates as ours (overrides/), and they take their words from the message
catalog through `_()` in the page's context; without this they could not render at all. Nothing else is added:
no catalog, no pages, no search index.
"""

from __future__ import annotations

from typing import Any

from macros.site.language import ENGLISH

HUB = {"lang": "en", "prefix": "", "switch": [], "alternates": [], "updated": "", "scripts": "", "synonyms": ""}


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    context.update(ENGLISH.theme_callables)
    context["hub"] = HUB
    return context


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    context.update(ENGLISH.theme_callables)
    context["hub"] = HUB
    return context
