"""Every field of sessions/site.yaml reaches a reader: the description, the contact's name and its note."""

from __future__ import annotations

import html
from pathlib import Path

import yaml

from ..conftest import ROOT


def _site() -> dict[str, object]:
    return yaml.safe_load((ROOT / "sessions" / "site.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_site_description_is_every_page_meta_description(shipped_site: Path) -> None:
    description = " ".join(str(_site()["description"]).split())
    for page in ("index.html", "get-help/index.html", "trainings/index.html"):
        text = (shipped_site / page).read_text(encoding="utf-8")
        assert f'<meta name="description" content="{html.escape(description)}">' in text, page


def test_site_contact_name_and_note_are_on_get_help(shipped_site: Path) -> None:
    contact = _site()["contact"]
    assert isinstance(contact, dict)
    text = html.unescape((shipped_site / "get-help" / "index.html").read_text(encoding="utf-8"))
    assert '<h2 id="help-contact">Contact</h2>' in text
    assert f"<strong>{contact['name']}</strong>" in text
    assert " ".join(str(contact["note"]).split()) in " ".join(text.split())
