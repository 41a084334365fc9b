"""Hypothesis strategies per field type: values a maintainer, a spreadsheet export or an attacker could write.

Each strategy mixes well-formed values (so the loader's acceptance path is exercised too) with near misses and
arbitrary text (control, direction and zero-width characters, markup, very long runs). tests/content/test_fuzz_fields.py
runs them through the loader and the pure page and file writers; a field type without a strategy here fails
tests/publish/test_every_field.py: test_every_spec_field_is_tried_by_a_case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hypothesis import strategies as st

from macros.content import spec as s

HOSTILE_SNIPPETS = (
    '"><hubx-el onmouseover=hubxAlert()>',
    "'><script>hubxAlert()</script>",
    "{{ 7*191 }}{% raw %}",
    "=HUBX(1)",
    "+1",
    "-1",
    "@SUM(1)",
    "\t=1",
    "**hubxbold** [x](javascript:hubxAlert())",
    "&lt;hubx-el&gt; &amp;",
    "\u202egnp.exe",
    "hub\u200bx",
    "\x07\x1b[31m",
    "x" * 400,
    "\n\n# hubxheading\n\n- item",
    "TODO: write this",
    "committed suicide",
    "Ñandú 東京 مرحبا 🙂",
)
"""Pieces the families also try, mixed into generated text at random places."""

ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
"""Any characters a YAML file can hold as UTF-8: controls, direction and format characters included."""


def _text(spec: s.Spec) -> st.SearchStrategy[str]:
    words = st.text(st.characters(categories=("L", "N", "P", "Zs", "S")), min_size=1, max_size=60)
    times = st.from_regex(r"[0-9]{1,2}:[0-9]{2}", fullmatch=True)  # a session's start time is text in quotes
    pieces = st.one_of(words, times, st.sampled_from(HOSTILE_SNIPPETS), ANY_TEXT)
    return st.lists(pieces, min_size=1, max_size=4).map(" ".join)


def _identifier(spec: s.Spec) -> st.SearchStrategy[str]:
    return st.one_of(st.from_regex(r"[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?", fullmatch=True), ANY_TEXT)


def _integer(spec: s.Spec) -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-10, 100_000).map(str), st.from_regex(r"0[0-9]{1,3}|[0-9]{1,2}:[0-9]{2}", fullmatch=True), ANY_TEXT
    )


def _date(spec: s.Spec) -> st.SearchStrategy[str]:
    full = st.dates(min_value=date(1, 1, 1)).map(date.isoformat)
    shaped = st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)
    return st.one_of(full, full.map(lambda day: day[:7]), shaped, st.just("unknown"), ANY_TEXT)


def _url(spec: s.Spec) -> st.SearchStrategy[str]:
    schemes = st.sampled_from(("https", "http", "javascript", "data", "mailto", "tel", "HTTPS", "file", ""))
    hosts = st.sampled_from(
        (*spec.hosts, "example.org", "evil.example", "www.youtube.com@evil.example", "user:pw@x.org", "")
    )  # type: ignore[attr-defined]
    tails = st.one_of(
        st.sampled_from(("/watch?v=abcdefghijk", "/123456789", "/", "")), ANY_TEXT.map(lambda tail: "/" + tail)
    )
    shaped = st.builds(lambda scheme, host, tail: f"{scheme}://{host}{tail}", schemes, hosts, tails)
    return st.one_of(shaped, st.sampled_from(("mailto:office@example.org", "tel:+1-617-555-0100")), ANY_TEXT)


def _email(spec: s.Spec) -> st.SearchStrategy[str]:
    return st.one_of(st.emails().map(str), ANY_TEXT)


def _phone(spec: s.Spec) -> st.SearchStrategy[str]:
    return st.one_of(st.from_regex(r"\+?[0-9][0-9 ().-]{1,20}[0-9]", fullmatch=True), ANY_TEXT)


def _doi(spec: s.Spec) -> st.SearchStrategy[str]:
    return st.one_of(st.from_regex(r"10\.[0-9]{4,9}/[!-~]{1,30}", fullmatch=True), ANY_TEXT)


def _choice(spec: s.Spec) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(spec.options), ANY_TEXT)  # type: ignore[attr-defined]


def _ref(spec: s.Spec) -> st.SearchStrategy[str]:
    return _identifier(spec)


def _file(spec: s.Spec) -> st.SearchStrategy[str]:
    names = st.sampled_from(("slides.pdf", "short-clip.vtt", "short-clip.webm", "short-clip-transcript.md", "gone.pdf"))
    tricks = st.sampled_from(("files/../../mkdocs.yml", "/etc/passwd", "https://example.org/x.pdf", "files\\..\\x"))
    return st.one_of(
        names.map(lambda name: f"files/{name}"), tricks, st.sampled_from(spec.keywords or ("provider",)), ANY_TEXT
    )  # type: ignore[attr-defined]


STRATEGIES: dict[type, Callable[[s.Spec], st.SearchStrategy[str]]] = {
    s.Text: _text,
    s.Identifier: _identifier,
    s.Integer: _integer,
    s.Date: _date,
    s.Url: _url,
    s.Email: _email,
    s.Phone: _phone,
    s.Doi: _doi,
    s.Choice: _choice,
    s.Ref: _ref,
    s.LocalFile: _file,
}
"""A strategy for every leaf field type of the specs, given the field's own spec (its options, hosts, suffixes)."""
