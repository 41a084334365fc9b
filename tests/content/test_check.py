"""The node checker on its own: YAML 1.1 traps, every error at once, text stays data."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.content import spec as s
from macros.content.check import INVALID, Checker

SPEC = s.Obj(
    fields={
        "title": s.Field(s.Text(one_line=True), required=True),
        "minutes": s.Field(s.Integer(minimum=1, maximum=600)),
        "tags": s.Field(s.ListOf(item=s.Text(), unique=True)),
    }
)


def _check(text: str) -> tuple[object, list[str]]:
    checker = Checker("x.yaml", Path())
    value = checker.check(yaml.compose(text), SPEC, "")
    return value, [str(problem) for problem in checker.problems]


def test_valid_mapping_returns_plain_values() -> None:
    value, problems = _check("title: Hello\nminutes: 90\ntags: [a, b]\n")
    assert problems == []
    assert value == {"title": "Hello", "minutes": 90, "tags": ("a", "b")}


def test_template_and_markup_stay_literal_text() -> None:
    value, problems = _check('title: "{{ 7*7 }} <script>alert(1)</script>"\n')
    assert problems == []
    assert value == {"title": "{{ 7*7 }} <script>alert(1)</script>"}


def test_every_problem_is_reported_at_once_with_its_line() -> None:
    value, problems = _check("title: yes\nminutes: 0\ntags: [a, a]\nextra: 1\n")
    assert value is INVALID
    assert problems == [
        'x.yaml:1: title: yes is read by YAML as true, not text; put it in quotes: title: "yes"',
        "x.yaml:2: minutes: 0 is out of range; use 1 to 600",
        "x.yaml:3: tags: lists a twice; keep one",
        "x.yaml:4: extra: unknown field; the fields here are: title, minutes, tags",
    ]


def test_quoted_values_are_text() -> None:
    value, problems = _check('title: "no"\n')
    assert problems == []
    assert value == {"title": "no"}


def test_octal_looking_minutes_are_refused() -> None:
    _, problems = _check("title: T\nminutes: 0123\n")
    assert problems == ["x.yaml:2: minutes: 0123 has a leading zero, which YAML reads as an octal number; write 123"]


def test_multiline_title_is_refused() -> None:
    _, problems = _check("title: |\n  one\n  two\n")
    assert problems == ["x.yaml:1: title: must fit on one line"]
