"""Recordings in Debian's Chromium: nothing leaves 127.0.0.1 until play is pressed, then only the provider's
privacy-enhanced host (answered here by a local stub: there is no internet in tests); keyboard, captions, order.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route

pytestmark = pytest.mark.browser


@pytest.fixture
def page_without_js(chromium: Browser) -> Iterator[Page]:
    """A fresh context with JavaScript turned off, as some people browse."""
    context = chromium.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


STUB_PLAYER = "<!doctype html><html lang=en><title>Stub player</title><p>Stub player for tests</p></html>"
PROVIDERS = [
    ("trainings/de-escalation-basics/", "www.youtube-nocookie.com"),
    ("trainings/team-debrief/", "player.vimeo.com"),
]


def _record(page: Page, allowed_host: str | None = None) -> list[str]:
    """Every request the page makes; local ones are served, the provider's is stubbed, anything else refused."""
    seen: list[str] = []

    def handle(route: Route) -> None:
        url = route.request.url
        seen.append(url)
        host = urlsplit(url).hostname
        if host == "127.0.0.1":
            route.continue_()
        elif host == allowed_host:
            route.fulfill(status=200, content_type="text/html", body=STUB_PLAYER)
        else:
            route.abort()

    page.route("**/*", handle)
    return seen


def _outside(seen: list[str]) -> list[str]:
    return [url for url in seen if urlsplit(url).hostname != "127.0.0.1"]


@pytest.mark.parametrize("key", ["Enter", "Space"])
@pytest.mark.parametrize(("path", "host"), PROVIDERS, ids=["youtube", "vimeo"])
def test_player_loads_only_on_request_from_the_privacy_host(
    page: Page, fixture_url: str, path: str, host: str, key: str
) -> None:
    seen = _record(page, allowed_host=host)
    page.goto(fixture_url + path, wait_until="networkidle")
    assert _outside(seen) == []
    assert page.locator("iframe").count() == 0
    button = page.get_by_role("button", name="Play the recording")
    assert button.is_visible()
    button.focus()
    page.keyboard.press(key)
    frame = page.locator("iframe.hub-player__frame")
    frame.wait_for()
    page.wait_for_load_state("networkidle")
    outside = _outside(seen)
    assert outside
    assert {urlsplit(url).hostname for url in outside} == {host}
    src = urlsplit(str(frame.get_attribute("src")))
    assert src.hostname == host
    query = parse_qs(src.query)
    if host == "player.vimeo.com":
        assert query["dnt"] == ["1"]
    assert frame.get_attribute("title") is not None
    assert str(frame.get_attribute("title")).startswith("Video player: ")
    assert page.evaluate("document.activeElement && document.activeElement.tagName") == "IFRAME"
    assert page.get_by_role("button", name="Play the recording").count() == 0


def test_without_javascript_a_plain_link_and_no_button(page_without_js: Page, fixture_url: str) -> None:
    page = page_without_js
    seen = _record(page)
    page.goto(fixture_url + "trainings/team-debrief/", wait_until="networkidle")
    assert _outside(seen) == []
    assert not page.locator(".hub-player__play").is_visible()
    link = page.get_by_role("link", name="Watch on Vimeo")
    assert link.get_attribute("href") == "https://vimeo.com/123456789"


def test_content_note_comes_before_the_player_in_dom_and_reading_order(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "trainings/team-debrief/")
    follows = page.evaluate(
        """() => document.querySelector(".hub-content-note")
            .compareDocumentPosition(document.querySelector("[data-hub-player]")) & Node.DOCUMENT_POSITION_FOLLOWING"""
    )
    assert follows
    note_box = page.locator(".hub-content-note").bounding_box()
    player_box = page.locator("[data-hub-player]").bounding_box()
    assert note_box is not None
    assert player_box is not None
    assert note_box["y"] + note_box["height"] <= player_box["y"]
    tree = page.locator("article.hub-item").aria_snapshot()
    assert tree.index("Content note") < tree.index("Play the recording")
    assert tree.index("Call 988") < tree.index("Play the recording")


def test_self_hosted_video_has_captions_and_loads_nothing_until_played(page: Page, fixture_url: str) -> None:
    seen = _record(page)
    page.goto(fixture_url + "trainings/short-clip/", wait_until="networkidle")
    assert _outside(seen) == []
    assert not [url for url in seen if url.endswith(".webm")]
    video = page.locator("video")
    assert video.get_attribute("preload") == "none"
    assert video.get_attribute("autoplay") is None
    assert video.get_attribute("controls") is not None
    track = page.locator("video > track")
    assert track.get_attribute("kind") == "captions"
    assert track.get_attribute("srclang") == "en"
    cues = page.evaluate(
        """async () => {
            const video = document.querySelector("video");
            const track = video.textTracks[0];
            track.mode = "showing";
            for (let i = 0; i < 50 && (!track.cues || track.cues.length === 0); i++) {
                await new Promise(r => setTimeout(r, 100));
            }
            return track.cues ? Array.from(track.cues, c => c.text) : [];
        }"""
    )
    assert cues == ["A one-second test clip: two colours alternate."]
    played = page.evaluate(
        """async () => {
            const video = document.querySelector("video");
            video.muted = true;
            await video.play();
            await new Promise(r => setTimeout(r, 400));
            return video.currentTime > 0;
        }"""
    )
    assert played
    assert [url for url in seen if url.endswith(".webm")]
    assert _outside(seen) == []


def test_a_caption_line_asks_for_play_first_and_then_seeks_the_loaded_player(page: Page, fixture_url: str) -> None:
    """A time in the caption lines contacts no provider by itself; once the player is loaded it messages it."""
    seen = _record(page, allowed_host="player.vimeo.com")
    page.goto(fixture_url + "trainings/team-debrief/", wait_until="networkidle")
    time = page.get_by_role("button", name="Play from 0:00")
    time.click()
    assert "Play the recording" in page.locator(".hub-cues [role=status]").inner_text()
    assert _outside(seen) == []
    page.get_by_role("button", name="Play the recording").click()
    page.locator("iframe.hub-player__frame").wait_for()
    page.evaluate(
        """() => { const frame = document.querySelector("iframe.hub-player__frame");
            window.__sent = [];
            const stub = {postMessage: (message, origin) => window.__sent.push([message, origin])};
            Object.defineProperty(frame, "contentWindow", {value: stub}); }"""
    )
    time.click()
    sent = page.evaluate("window.__sent")
    assert [message for message, _origin in sent] == ['{"method":"setCurrentTime","value":0}', '{"method":"play"}']
    assert {origin for _message, origin in sent} == {"https://player.vimeo.com"}
    assert page.locator(".hub-cues [role=status]").inner_text() == ""


def test_a_caption_line_plays_a_self_hosted_video_from_its_time(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "trainings/short-clip/", wait_until="networkidle")
    page.get_by_role("button", name="Play from 0:00").click()
    page.wait_for_function("document.querySelector('video').currentTime > 0 || document.querySelector('video').ended")
