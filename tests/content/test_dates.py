from __future__ import annotations

import pytest

from macros.content.values.dates import PartialDate, parse_partial_date


@pytest.mark.parametrize(
    ("text", "shown", "iso"),
    [("2017", "2017", "2017"), ("2017-03", "March 2017", "2017-03"), ("2017-03-14", "14 March 2017", "2017-03-14")],
)
def test_dates_are_shown_as_precisely_as_known(text: str, shown: str, iso: str) -> None:
    date = parse_partial_date(text)
    assert str(date) == shown
    assert date.iso == iso


def test_leap_day_exists_only_in_leap_years() -> None:
    assert parse_partial_date("2024-02-29") == PartialDate(2024, 2, 29)
    with pytest.raises(ValueError, match="February 2023 has 28 days"):
        parse_partial_date("2023-02-29")


@pytest.mark.parametrize("text", ["17", "2017-3", "2017/03/14", "March 2017", "2017-00", "2017-01-00"])
def test_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text)):
        parse_partial_date(text)


def test_year_sorts_before_months_of_that_year() -> None:
    assert sorted([PartialDate(2017, 3), PartialDate(2017), PartialDate(2016, 12, 1)]) == [
        PartialDate(2016, 12, 1),
        PartialDate(2017),
        PartialDate(2017, 3),
    ]
