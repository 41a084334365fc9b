"""Recordings, captions and safe wording without a browser: embed addresses, WebVTT signatures, the phrase check,
and what the built HTML promises (no third-party asset, no autoplay, help lines as tel:/sms: links)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.content.load import load_catalog
from macros.content.problems import ContentError
from macros.content.values.video import embed_url
from macros.content.values.webvtt import webvtt_problem
from macros.content.values.wording import wording_problem
from macros.site.language import ENGLISH

from ..conftest import FIXTURES, make_project, mkdocs_build


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=abcdefghijk",
            "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=en",
        ),
        (
            "https://youtu.be/abcdefghijk",
            "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=en",
        ),
        (
            "https://www.youtube-nocookie.com/embed/abcdefghijk",
            "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=en",
        ),
        ("https://vimeo.com/123456789", "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1&texttrack=en"),
        (
            "https://player.vimeo.com/video/123456789",
            "https://player.vimeo.com/video/123456789?dnt=1&autoplay=1&texttrack=en",
        ),
        ("https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", None),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://vimeo.com/channels/staffpicks", None),
    ],
)
def test_embed_address_is_the_privacy_enhanced_player(url: str, embed: str | None) -> None:
    assert embed_url(url) == embed


@pytest.mark.parametrize(
    ("content", "ok"),
    [
        (b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", True),
        (b"\xef\xbb\xbfWEBVTT - with a header\r\n\r\n", True),
        (b"WEBVTTX\n", False),
        (b"1\n00:00:00,000 --> 00:00:01,000\nSubRip\n", False),
        (b" WEBVTT\n", False),
    ],
)
def test_webvtt_signature(tmp_path: Path, content: bytes, ok: bool) -> None:
    path = tmp_path / "captions.vtt"
    path.write_bytes(content)
    assert (webvtt_problem(path) is None) is ok


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He committed suicide in 2019.", "committed suicide"),
        ("to commit\n suicide", "commit suicide"),
        ("A Successful Suicide", "Successful Suicide"),
        ("an addict", "addict"),
        ("substance abusers in care", "substance abusers"),
        ("She died by suicide.", None),
        ("Bureau of Substance Abuse Services; addiction treatment", None),
    ],
)
def test_safe_messaging_phrases_are_flagged(text: str, phrase: str | None) -> None:
    found = wording_problem(text)
    if phrase is None:
        assert found is None
    else:
        assert found is not None
        assert f'says "{" ".join(phrase.split())}"' in found[1]
        assert text[found[0] :].lower().startswith(phrase.split()[0].lower())


_ASSET = re.compile(r"<(?:script|img|iframe|audio|video|source|track|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", re.I)


def _third_party_assets(site: Path) -> list[str]:
    found = []
    for page in site.rglob("*.html"):
        for target in _ASSET.findall(page.read_text(encoding="utf-8")):
            if urlsplit(target).scheme in ("http", "https") and urlsplit(target).hostname != "127.0.0.1":
                found.append(f"{page.relative_to(site)}: {target}")
    return found


def test_no_page_loads_anything_from_another_host(shipped_site: Path, fixture_site: Path) -> None:
    assert _third_party_assets(shipped_site) == []
    assert _third_party_assets(fixture_site) == []


def test_nothing_plays_by_itself(fixture_site: Path) -> None:
    pages = [page.read_text(encoding="utf-8") for page in fixture_site.rglob("*.html")]
    assert any("<video" in html for html in pages)
    for html in pages:
        assert not re.search(r"<(?:video|audio)\b[^>]*\bautoplay", html)
        assert "<iframe" not in html


def test_youtube_and_vimeo_captions_are_switched_on(fixture_site: Path) -> None:
    youtube = (fixture_site / "trainings" / "de-escalation-basics" / "index.html").read_text(encoding="utf-8")
    embed = re.search(r'data-embed="([^"]+)"', youtube)
    assert embed
    assert embed.group(1).startswith("https://www.youtube-nocookie.com/embed/")
    assert "cc_load_policy=1&amp;cc_lang_pref=en" in embed.group(1)


def test_recording_markup(fixture_site: Path) -> None:
    clip = (fixture_site / "trainings" / "short-clip" / "index.html").read_text(encoding="utf-8")
    assert '<video controls preload="none">' in clip
    assert '<track kind="captions" src="../../files/short-clip.vtt" srclang="en" label="English" default>' in clip
    vimeo = (fixture_site / "trainings" / "team-debrief" / "index.html").read_text(encoding="utf-8")
    assert 'data-embed="https://player.vimeo.com/video/123456789?dnt=1&amp;autoplay=1&amp;texttrack=en"' in vimeo
    assert '<button type="button" class="hub-player__play" hidden>Play the recording</button>' in vimeo
    assert '<a href="https://vimeo.com/123456789" rel="noopener">Watch on Vimeo</a>' in vimeo
    assert '<a href="#transcript">read the transcript</a>' in vimeo
    assert '<h3 id="transcript">Transcript</h3>' in vimeo
    assert vimeo.index('class="hub-content-note"') < vimeo.index("data-hub-player")
    assert "player.js" in vimeo


def test_get_help_lists_every_line_as_phone_links(shipped_site: Path) -> None:
    html = (shipped_site / "get-help" / "index.html").read_text(encoding="utf-8")
    assert '<a href="tel:988" class="hub-action">Call 988</a>' in html
    assert '<a href="sms:988" class="hub-action">Text 988</a>' in html
    assert 'href="https://988lifeline.org"' in html
    crisis, support = html.split('id="support-services"', 1)
    assert "tel:6176619036" not in crisis, "a callback line is not a crisis line"
    assert '<a href="tel:6176619036" class="hub-action">Call 617-661-9036</a>' in support
    assert "This is not a crisis line" in support
    assert "free and confidential" not in html
    assert 'href="../services/postvention/"' in html
    assert 'href="tel:911"' in html


def test_an_empty_resource_or_caption_file_is_a_line_error(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    (tmp_path / "docs" / "files" / "empty.pdf").write_bytes(b"")
    (tmp_path / "docs" / "files" / "empty.vtt").write_bytes(b"")
    (tmp_path / "sessions" / "trainings" / "empty-files.yaml").write_text(
        "title: Empty files\ndate: 2020\nsummary: A talk.\n"
        "recording:\n  status: available\n  url: https://youtu.be/abcdefghijk\n  captions: files/empty.vtt\n"
        "  transcript_text: Word for word.\n"
        "slides:\n  title: Slides\n  status: available\n  file: files/empty.pdf\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path / "sessions", tmp_path / "docs", root=tmp_path)
    assert caught.value.report().splitlines()[:2] == [
        "sessions/trainings/empty-files.yaml:7: recording.captions: docs/files/empty.vtt is empty; "
        "replace it with the real file",
        "sessions/trainings/empty-files.yaml:12: slides.file: docs/files/empty.pdf is empty; "
        "replace it with the real file",
    ]


def test_resources_show_format_size_and_host(fixture_site: Path) -> None:
    html = (fixture_site / "trainings" / "de-escalation-basics" / "index.html").read_text(encoding="utf-8")
    size = (FIXTURES / "content" / "docs" / "files" / "slides.pdf").stat().st_size
    assert f'<span class="hub-meta">(PDF, {ENGLISH.size(size)})</span>' in html
    assert '<span class="hub-meta">(DOCX, on example.org)</span>' in html


def test_a_markdown_transcript_file_is_linked_as_its_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs" / "files" / "talk-transcript.md").write_text("# Transcript: a talk\n\nWord for word.\n")
    (project / "sessions" / "trainings" / "md-transcript.yaml").write_text(
        "title: A talk\ndate: 2020\nsummary: A talk.\nrecording:\n  status: available\n"
        "  url: https://youtu.be/abcdefghijk\n  captions: provider\n  transcript: files/talk-transcript.md\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "trainings" / "md-transcript" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../files/talk-transcript/">read the transcript</a>' in page
    assert "Word for word." in (project / "site" / "files" / "talk-transcript" / "index.html").read_text("utf-8")


def test_a_recordings_caption_file_is_on_its_page_line_by_line(fixture_site: Path) -> None:
    """Readable without JavaScript and found by search; the times become buttons with it."""
    vimeo = (fixture_site / "trainings" / "team-debrief" / "index.html").read_text(encoding="utf-8")
    line = '<li><span class="hub-cue__time" data-hub-seek="0">0:00</span> Welcome. Today we talk about how teams'
    assert line in vimeo
    assert '<a href="#captions-text">line by line below</a>' in vimeo
    clip = (fixture_site / "trainings" / "short-clip" / "index.html").read_text(encoding="utf-8")
    assert 'data-hub-seek="0">0:00</span> A one-second test clip' in clip
    assert re.search(r'<script src="[./]*javascripts/player.js" defer>', clip)
