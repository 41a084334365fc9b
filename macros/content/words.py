"""Interface words the content stage names (status labels, the rating scale, plan stamps): marked here for the one
message catalog, put into a reader's language where they are shown (macros/site/language.py).

The content stage imports no rendering or language library: `N_` only marks a string for `pybabel extract`, and a
function that words something for a reader takes a `Wording`, which the site stage's `Language` is.
"""

from __future__ import annotations

from typing import Protocol

from macros.content.values.dates import PartialDate


def N_(message: str) -> str:
    """`message` unchanged; `pybabel extract` finds it, and the page or file that shows it translates it."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """A count's two forms (`%(count)s support service`, `… services`), marked for the catalog as one plural entry."""
    return singular, plural


class Wording(Protocol):
    """What words a sentence for a reader: the catalog's translation of a message, a date as the reader writes it."""

    def gettext(self, message: str) -> str: ...

    def date(self, value: PartialDate | None) -> str: ...


class English:
    """The catalog's own language: a message is its own translation, a date reads `14 March 2017`."""

    def gettext(self, message: str) -> str:
        return message

    def date(self, value: PartialDate | None) -> str:
        return str(value) if value else "Date not recorded"


ENGLISH = English()
