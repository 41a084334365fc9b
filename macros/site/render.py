"""One autoescaped Jinja environment for every fragment the content layer renders, in every language.

Interface words go through the message catalog (`_()`, `ngettext()`, `{% trans %}`: Jinja's i18n extension, with the
page's language handed to each render). Text a translation leaves out is shown in English inside
`<span lang="en">` wherever a template prints it (`finalize`); in an attribute a template writes `value | plain`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from macros.content import model as m
from macros.content.learning import presenter_name
from macros.content.plans import stamp
from macros.content.routes import calendar_path, item_path, relative, series_path, session_path
from macros.content.values.dates import PartialDate
from macros.content.values.text import Untranslated, excerpt, like
from macros.content.values.urls import tel_href
from macros.site.helplines import help_actions
from macros.site.language import ENGLISH, Language


class Links:
    """Relative links from the page being rendered; raw HTML links are not rewritten by MkDocs.

    Pages link to pages of their own language (`to`); files under docs/files/ are shared by all (`file`)."""

    def __init__(self, here: str, language: Language = ENGLISH) -> None:
        self.here = here
        self.language = language

    def to(self, path: str) -> str:
        return relative(self.here, self.language.path(path))

    def file(self, path: str) -> str:
        return relative(self.here, path)

    def item(self, kind: str, item_id: str) -> str:
        return self.to(item_path(kind, item_id))

    def series(self, series: m.Series) -> str:
        return self.to(series_path(series))

    def session(self, series: m.Series, session: m.SeriesSession) -> str:
        return self.to(session_path(series, session))


def paragraphs(text: str | None) -> list[str]:
    """Blank lines separate paragraphs; single newlines inside a paragraph are folded."""
    if not text:
        return []
    return [like(text, " ".join(block.split())) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


def _language(context: Context) -> Language:
    language = context.get("lang")
    return language if isinstance(language, Language) else ENGLISH


@pass_context
def filesize(context: Context, size: int | None) -> str:
    return _language(context).size(size)


@pass_context
def show_date(context: Context, date: PartialDate | None) -> str:
    return _language(context).date(date)


def host(url: str) -> str:
    return urlsplit(url).hostname or url


def in_english(text: str) -> Markup:
    """English text on a page in another language, marked so (screen readers switch voice, `lang` is right)."""
    return Markup('<span lang="en">%s</span>') % text


@pass_context
def mark(context: Context, value: Any) -> Any:
    """`value` as a page shows it: untranslated text on a page in another language wrapped in `lang="en"`."""
    if isinstance(value, Untranslated) and not _language(context).is_source:
        return in_english(value)
    return value


def plain(value: Any) -> str:
    """The text alone, for an attribute: no `lang` mark can stand inside an attribute's value."""
    return str.__str__(value) if isinstance(value, str) else str(value)


@pass_context
def join(context: Context, items: Any, separator: str = "") -> Markup:
    """Jinja's `join`, each item shown as `mark` shows it, so one untranslated item keeps its own mark."""
    return Markup(escape(separator)).join(escape(mark(context, item)) for item in items)


def presenter_names(catalog: m.Catalog, ids: tuple[str, ...]) -> list[str]:
    """Names with credentials, as an attendance record shows them."""
    return [presenter_name(catalog.people[person]) for person in ids]


@cache
def environment() -> Environment:
    """The same for every build (templates are package files; Jinja reloads one that changes on disk)."""
    env = Environment(
        loader=PackageLoader("macros.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.i18n"],
        finalize=mark,
    )
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # the i18n extension's flag: `{% trans %}` calls gettext
    env.filters.update(
        paragraphs=paragraphs,
        filesize=filesize,
        show_date=show_date,
        tel=tel_href,
        host=host,
        excerpt=excerpt,
        mark=mark,
        plain=plain,
        join=join,
    )
    env.globals.update(
        STATUS_LABELS=m.STATUS_LABELS,
        DELIVERY_LABELS=m.DELIVERY_LABELS,
        RATING_LABELS=m.RATING_LABELS,
        OFFERING_LABELS=m.OFFERING_LABELS,
        calendar_path=calendar_path,
        plan_stamp=stamp,
        untitled=m.untitled,
        help_actions=help_actions,
        presenter_names=presenter_names,
    )
    return env


def render(template: str, here: str, language: Language = ENGLISH, **context: Any) -> str:
    """Render `template` for the page at `here` in `language`; every value is escaped unless a template says
    otherwise."""
    html = (
        environment()
        .get_template(template)
        .render(links=Links(here, language), here=here, lang=language, **language.template_callables, **context)
    )
    return "\n".join(line for line in html.splitlines() if line.strip())
