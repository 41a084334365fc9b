"""Dates known to the year, the month or the day, shown exactly as precisely as they are known."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FIRST_YEAR, LAST_YEAR = 1980, 2107
"""The one range of years every output can hold: the DOCX and XLSX downloads are ZIP files, whose timestamps
(the plan's `updated` date) run from 1980 to 2107; calendars and the feed hold far more. Checked at load, once."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a year and month, or a full day; missing parts stay unknown rather than guessed."""

    year: int
    month: int = 0
    """0 when only the year is known."""
    day: int = 0
    """0 when the day is not known."""

    @property
    def iso(self) -> str:
        """`2017`, `2017-03` or `2017-03-14`, as written in YAML."""
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def has_day(self) -> bool:
        return bool(self.day)

    def __str__(self) -> str:
        """Readable: `2017`, `March 2017`, `14 March 2017`."""
        if not self.month:
            return str(self.year)
        month = calendar.month_name[self.month]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


def parse_partial_date(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError saying what to write instead."""
    match = _PATTERN.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date; write a year (2017), a month (2017-03) or a day (2017-03-14)")
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{text!r} is outside the years {FIRST_YEAR} to {LAST_YEAR} that the calendars and downloads "
                         "can hold; check the year")  # fmt: skip
    if match.group(2) and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}; months run from 01 to 12")
    if match.group(3):
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{text!r} is not a real day: {calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year, month, day)
