"""The language a page or file is made in: its interface words, its dates and file sizes, its addresses.

Every interface string is in one gettext catalog, `macros/site/locales/<code>/LC_MESSAGES/messages.po`, extracted by
Babel from the templates, overrides, scripts and Python (`pybabel extract -F pyproject.toml`, see the README) and
compiled in memory when a build starts: nothing compiled is kept in git, and an edited .po shows in the next build.
English is the catalog's source text, so an English page is its own translation. Dates and numbers come from
Babel's CLDR data: "14 de marzo de 2017", "marzo de 2017", "1,5 MB".
"""

from __future__ import annotations

import datetime
import gettext
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from macros.content.translations import SOURCE
from macros.content.values.dates import PartialDate
from macros.content.words import N_

LOCALES = Path(__file__).with_name("locales")
"""`<code>/LC_MESSAGES/messages.po` for every language but English."""
DOMAIN = "messages"
NAMES: dict[str, str] = {"en": "English", "es": "Español"}
"""Each language by its own name, as the language switch offers it."""
DATE_PATTERNS: dict[str, tuple[str, str]] = {
    "en": ("d MMMM y", "MMMM y"),
    "es": ("d 'de' MMMM 'de' y", "MMMM 'de' y"),
}
"""A day and a month as each language writes them (CLDR patterns, month names from Babel): the English site has
always written "14 March 2017"; Spanish is CLDR's long form, "14 de marzo de 2017", "marzo de 2017"."""
UNDATED = N_("Date not recorded")


def compiled(po_file: Path, code: str) -> gettext.NullTranslations:
    """A .po file compiled as `pybabel compile` would, in memory; fuzzy entries are left out (shown in English)."""
    with po_file.open("rb") as source:
        catalog = read_po(source, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@dataclass(frozen=True)
class Language:
    """One language of the site: `gettext` for its words, `date` and `size` for its numbers, `prefix` for its pages."""

    code: str
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations, compare=False)

    @property
    def name(self) -> str:
        return NAMES[self.code]

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE

    @property
    def prefix(self) -> str:
        """Where its pages live: English at the root, Spanish under `es/`."""
        return "" if self.is_source else f"{self.code}/"

    def path(self, path: str) -> str:
        """A page's or file's address in this language: `trainings/x/` → `es/trainings/x/`."""
        return self.prefix + path

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.code)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def date(self, value: PartialDate | None) -> str:
        """`2017`, `March 2017`, `14 March 2017` (`marzo de 2017`, `14 de marzo de 2017`), or that it is unknown."""
        if value is None:
            return self.gettext(UNDATED)
        if not value.month:
            return str(value.year)
        day, month = DATE_PATTERNS[self.code]
        moment = datetime.date(value.year, value.month, value.day or 1)
        return format_date(moment, day if value.day else month, locale=self.locale)

    def day(self, moment: datetime.date) -> str:
        """A full date: the day a build was made."""
        return format_date(moment, DATE_PATTERNS[self.code][0], locale=self.locale)

    def span(self, start: PartialDate | None, end: PartialDate | None) -> str:
        """Two dates with a dash between (`January 2017 to September 2017` in words); one date when both are the same or
        one is missing."""
        if start and end and start != end:
            return f"{self.date(start)} – {self.date(end)}"
        return self.date(start or end) if (start or end) else ""

    def number(self, value: float, pattern: str = "#,##0.##") -> str:
        return format_decimal(value, pattern, locale=self.locale)

    def size(self, count: int | None) -> str:
        """A file's size: `512 bytes`, `12.3 KB` (`12,3 KB`)."""
        if count is None:
            return ""
        value = float(count)
        for unit in ("bytes", "KB", "MB", "GB"):
            if value < 1024 or unit == "GB":
                if unit == "bytes":
                    return self.ngettext("%(count)s byte", "%(count)s bytes", count) % {"count": self.number(count)}
                return f"{self.number(value, '#,##0.0')} {unit}"
            value /= 1024
        return ""

    @cached_property
    def template_callables(self) -> dict[str, Callable[..., Any]]:
        """`_`, `gettext` and `ngettext` for templates, with Jinja's new-style semantics (`_("%(n)s x", n=…)`): the
        catalog's text is trusted markup, every value put into it is escaped. They are handed to each render, so one
        Jinja environment serves every language."""
        return _callables(self, always_escape=False)

    @cached_property
    def theme_callables(self) -> dict[str, Callable[..., Any]]:
        """The same for MkDocs' theme templates, which are not autoescaped: values are escaped all the same."""
        return _callables(self, always_escape=True)


def _callables(language: Language, *, always_escape: bool) -> dict[str, Callable[..., Any]]:
    def shaped(context: Context, text: str, variables: dict[str, Any]) -> str:
        rv: str = Markup(text) if always_escape or context.eval_ctx.autoescape else text
        return rv % variables

    @pass_context
    def gettext_(context: Context, message: str, **variables: Any) -> str:
        return shaped(context, language.gettext(message), variables)

    @pass_context
    def ngettext_(context: Context, singular: str, plural: str, num: int, **variables: Any) -> str:
        variables.setdefault("num", num)
        return shaped(context, language.ngettext(singular, plural, num), variables)

    return {"_": gettext_, "gettext": gettext_, "ngettext": ngettext_}


def load_language(code: str, locales: Path = LOCALES) -> Language:
    """The language `code`, its catalog compiled from `locales`; English needs none."""
    if code == SOURCE:
        return Language(code)
    po_file = locales / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    return Language(code, compiled(po_file, code))


ENGLISH = Language(SOURCE)
"""The source language: interface words as written in the code."""
