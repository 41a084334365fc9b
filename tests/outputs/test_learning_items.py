"""`/my-learning/items.json`: what My learning compares a person's record with (current titles, renames, credit)."""

from __future__ import annotations

import json
from pathlib import Path

from macros.content.load import load_catalog
from macros.outputs.learning_items import learning_items

from ..conftest import FIXTURES


def test_items_hold_titles_renames_and_what_a_certificate_needs() -> None:
    catalog = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
    data = learning_items(catalog)
    assert (data["format"], data["version"]) == ("hub-learning-items", 1)
    items = data["items"]
    assert items["program:calm-teams"] == {"title": "Calm Teams", "path": "programs/calm-teams/"}
    assert data["renamed"] == {"program:calm-teams-program": "program:calm-teams"}
    assert items["training:team-debrief"] == {
        "title": "After a loss on the team",
        "path": "trainings/team-debrief/",
        "presenters": ["Grace Hopper"],
        "minutes": 48,
        "credit": {
            "provider": "Example Board of Continuing Education",
            "offered": "0.75 CE hours for social workers",
            "url": "https://ce.example.org/evaluations/team-debrief",
            "note": "The board asks for its evaluation within a year of watching.",
        },
    }
    assert items["session:test-vln/3"] == {
        "title": "Wrapping up",
        "path": "networks/test-vln/3/",
        "presenters": ["Grace Hopper"],
    }
    assert "presenters" not in items["session:test-vln/1"]  # nothing to watch: nothing to certify


def test_the_built_site_serves_it_beside_my_learning(fixture_site: Path) -> None:
    served = json.loads((fixture_site / "my-learning" / "items.json").read_text(encoding="utf-8"))
    assert "training:short-clip" in served["items"]
