"""Payload families: what an attacker or a hurried maintainer puts in a text field, one family per strict build.

Each value carries a marker unique to its slot (`Zq17Q`), so a shown value is traced back to the field it came
from. Every family's value must be refused at its line or reach every reader exactly as typed; the payloads'
own words begin with `hubx`, so live markup is found by name (tests/readback.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LEADERS = ("=", "+", "-", "@")
"""What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list, with tab below)."""


@dataclass(frozen=True)
class Family:
    name: str
    make: Callable[[str, int], str]
    """The value for a slot: its marker and its index (to vary a family's variants across slots)."""
    about: str


def _after(payload: str) -> Callable[[str, int], str]:
    return lambda marker, index: f"{marker} {payload}"


def _formula(marker: str, index: int) -> str:
    leader = (*LEADERS, "\t=")[index % 5]
    return f"{leader}HUBX(1)+cmd|' /C calc'!A0 {marker}"


LONG_WORD = "Hubx" + "x" * 116
LONG_ADDRESS = "https://example.org/" + "hubxpath/" * 12 + "end"

FAMILIES: tuple[Family, ...] = (
    Family(
        "attribute-double-quote",
        _after('" onmouseover="hubxAlert()" data-hubx="x"><hubx-el>breakout</hubx-el>'),
        "closes a double-quoted attribute and opens an element",
    ),
    Family(
        "attribute-single-quote",
        _after("' onfocus='hubxAlert()' autofocus '><hubx-el>breakout</hubx-el>"),
        "closes a single-quoted attribute and opens an element",
    ),
    Family(
        "script-style-comment-cdata",
        _after(
            "<script>hubxAlert()</script><style>hubx-el{color:red}</style><!-- hubx comment -->"
            "<![CDATA[hubx cdata]]></title></textarea><img src=x onerror=hubxAlert()><svg onload=hubxAlert()>"
        ),
        "script, style, a comment and CDATA, and elements that close what they sit in",
    ),
    Family(
        "template-code",
        _after("{{ 7*191 }} {% if true %}hubx-if{% endif %} {# hubx #} {{ listing('training') }} ${7*191} {% raw %}"),
        "Jinja and macro syntax: 1337 anywhere means template code ran",
    ),
    Family(
        "markdown",
        _after(
            "**hubxbold** _hubxem_ [hubxlink](javascript:hubxAlert()) ![hubximg](x.png) <https://hubx.example> "
            '`hubxcode` {: .hubxclass onclick="hubxAlert()" } \\*hubxescaped\\* | hubx | table |'
        ),
        "Markdown emphasis, links, images, code, attribute lists and a table row",
    ),
    Family(
        "entities",
        _after("&lt;hubx-el&gt; &amp;amp; &#60;hubx-el&#62; &#x3C;hubx-el&#x3E; &quot; &#39; &nbsp; &copy;"),
        "character references typed in YAML: shown as typed, never decoded",
    ),
    Family("formula-leaders", _formula, "= + - @ and tab at the start: never a formula in XLSX or CSV"),
    Family(
        "international",
        _after("Ñandú café naïve 東京 مرحبا שלום 🙂 e\u0301 \U0001f469\u200d\U0001f3eb Ⅻ ﬁ"),
        "letters of other scripts, emoji with a joiner, combining accents: shown as typed",
    ),
    Family(
        "bidirectional",
        _after("invoice \u202egnp.exe and \u2066isolated\u2069"),
        "direction overrides and isolates (Trojan Source): refused",
    ),
    Family("zero-width", _after("hub\u200bx and \ufeffhubx"), "zero-width space and byte-order mark: refused"),
    Family("control", _after("hubx\x07bell \x1b[31mhubx"), "control characters: refused"),
    Family(
        "long-word",
        _after(f"{LONG_WORD} {LONG_ADDRESS}"),
        "a 120-letter word and a long address: breaks inside its box, never pushes the page sideways",
    ),
    Family(
        "long-text",
        _after("Hubx long text. " + "A sentence that goes on for a while, and then some more. " * 150),
        "about 8,500 characters: refused where a title belongs, kept whole where prose does",
    ),
)


def marker(index: int) -> str:
    """A short word no content holds, unique to a slot, in mixed case so a lower-cased copy (a slug) is not it."""
    return f"Zq{index}Q"
