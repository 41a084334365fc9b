"""How to reach a help line: its call, text and chat links, worded once for the crisis bar, Get help and content
notes."""

from __future__ import annotations

from macros.content import model as m
from macros.content.values.urls import tel_href
from macros.content.words import N_
from macros.site.language import ENGLISH, Language

CALL = N_("Call %(number)s")
TEXT = N_("Text %(number)s")
CHAT = N_("Chat online")


def help_actions(line: m.HelpLine, language: Language = ENGLISH) -> list[dict[str, str]]:
    """A line's ways in, each with its label and link: what the line's YAML calls them (a translation can say how
    to reach the line in its language: "Llame al 988 y marque 2"), or the interface's `Call 988`."""
    say = language.gettext
    actions = []
    if line.phone:
        label = line.call_label or say(CALL) % {"number": line.phone}
        actions.append({"label": label, "href": tel_href(line.phone), "kind": "call"})
    if line.text:
        label = line.text_label or say(TEXT) % {"number": line.text}
        actions.append({"label": label, "href": "sms:" + tel_href(line.text)[4:], "kind": "text"})
    if line.chat_url:
        actions.append({"label": line.chat_label or say(CHAT), "href": line.chat_url, "kind": "chat"})
    return actions
