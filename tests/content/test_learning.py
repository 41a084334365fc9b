"""What a person can keep in My learning, under which key: kind and id, an old id's key after a rename."""

from __future__ import annotations

from macros.content.learning import keepables
from macros.content.load import load_catalog

from ..conftest import FIXTURES, ROOT

FIXTURE = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")


def test_every_savable_item_and_every_session_has_one_key() -> None:
    kept = {keep.key: keep for keep in keepables(FIXTURE)}
    assert len(kept) == len(list(keepables(FIXTURE)))
    assert {key.split(":")[0] for key in kept} == {"training", "series", "session", "program", "service", "action-plan"}
    assert {"session:test-vln/1", "session:test-vln/3", "series:test-archive"} <= set(kept)
    assert not any(key.startswith(("topic:", "person:")) for key in kept)
    assert kept["program:calm-teams"].old_keys == ("program:calm-teams-program",)
    assert kept["session:test-vln/3"].path == "networks/test-vln/3/"


def test_only_a_recording_to_watch_here_can_be_marked_as_watched() -> None:
    kept = {keep.key: keep for keep in keepables(FIXTURE)}
    watchable = sorted(key for key, keep in kept.items() if keep.watchable)
    assert watchable == [
        "session:test-vln/3",
        "training:de-escalation-basics",
        "training:short-clip",
        "training:team-debrief",
    ]
    assert kept["training:team-debrief"].minutes == 48
    assert kept["session:test-vln/3"].minutes is None  # the person says how long they watched
    assert kept["session:test-vln/3"].presenters == ("grace-hopper",)
    assert kept["training:team-debrief"].credit is not None
    assert kept["training:de-escalation-basics"].credit is None


def test_nothing_shipped_can_be_marked_as_watched_yet() -> None:
    shipped = load_catalog(ROOT / "sessions", ROOT / "docs")
    assert [keep.key for keep in keepables(shipped) if keep.watchable] == []
