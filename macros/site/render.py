"""One autoescaped Jinja environment for every fragment the content layer renders."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from macros.content import model as m
from macros.content.learning import presenter_name
from macros.content.plans import stamp
from macros.content.routes import calendar_path, item_path, relative, series_path, session_path
from macros.content.values.dates import PartialDate
from macros.content.values.text import excerpt
from macros.content.values.urls import tel_href


class Links:
    """Relative links from the page being rendered; raw HTML links are not rewritten by MkDocs."""

    def __init__(self, here: str) -> None:
        self.here = here

    def to(self, path: str) -> str:
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
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


def filesize(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return ""


def show_date(date: PartialDate | None) -> str:
    return str(date) if date else "Date not recorded"


def host(url: str) -> str:
    return urlsplit(url).hostname or url


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
    )
    env.filters.update(
        paragraphs=paragraphs, filesize=filesize, show_date=show_date, tel=tel_href, host=host, excerpt=excerpt
    )
    env.globals.update(
        STATUS_LABELS=m.STATUS_LABELS,
        DELIVERY_LABELS=m.DELIVERY_LABELS,
        RATING_LABELS=m.RATING_LABELS,
        OFFERING_LABELS=m.OFFERING_LABELS,
        calendar_path=calendar_path,
        plan_stamp=stamp,
        untitled=m.untitled,
        presenter_names=presenter_names,
    )
    return env


def render(template: str, here: str, **context: Any) -> str:
    """Render `template` for the page at `here`; every value is escaped unless a template says otherwise."""
    html = environment().get_template(template).render(links=Links(here), here=here, **context)
    return "\n".join(line for line in html.splitlines() if line.strip())
