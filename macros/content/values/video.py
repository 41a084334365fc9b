"""Recording addresses → the provider's privacy-enhanced embed address, loaded only when a person presses play."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from macros.content.words import N_

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
EMBED_HOSTS: dict[str, str] = {"youtube": "www.youtube-nocookie.com", "vimeo": "player.vimeo.com"}
"""The only third-party hosts a page may contact, and only after the play button is pressed."""
PROVIDER_NAMES: dict[str, str] = {"youtube": "YouTube", "vimeo": "Vimeo", "self-hosted": N_("this site")}
"""Shown in sentences ("Watch on YouTube"); "this site" is in the message catalog (macros/content/words.py)."""


def provider_of(url: str) -> str:
    """`vimeo` or `youtube`: the allow-list (macros/urls.py) admits no other video host."""
    return "vimeo" if "vimeo" in (urlsplit(url).hostname or "").lower() else "youtube"


def _youtube_id(host: str, path: str, query: str) -> str | None:
    parts = [part for part in path.split("/") if part]
    if host == "youtu.be":
        candidate = parts[0] if parts else ""
    elif parts[:1] == ["watch"]:
        candidate = (parse_qs(query).get("v") or [""])[0]
    elif len(parts) == 2 and parts[0] in ("embed", "shorts", "live"):
        candidate = parts[1]
    else:
        return None
    return candidate if _YOUTUBE_ID.match(candidate) else None


def _vimeo_id(host: str, path: str) -> str | None:
    parts = [part for part in path.split("/") if part]
    if host == "player.vimeo.com":
        parts = parts[1:] if parts[:1] == ["video"] else []
    candidate = parts[0] if parts else ""
    return candidate if _VIMEO_ID.match(candidate) else None


def embed_url(url: str, language: str = "en") -> str | None:
    """The privacy-enhanced player for a YouTube or Vimeo address, or None when no video id can be read from it.

    YouTube: youtube-nocookie.com sets no cookie until playback. Vimeo: `dnt=1` turns off its tracking.
    `autoplay=1` is right here because the frame is only created when the person has pressed play;
    without it they would have to press play a second time, inside a frame they may not reach by keyboard.
    Both players are asked to start with captions on in `language` (YouTube's `cc_load_policy` and
    `cc_lang_pref`, Vimeo's `texttrack`): a player with no such track ignores the request, and one with
    captions, its own or generated, shows them from the first word.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if provider_of(url) == "vimeo":
        vimeo = _vimeo_id(host, parts.path)
        return f"https://{EMBED_HOSTS['vimeo']}/video/{vimeo}?dnt=1&autoplay=1&texttrack={language}" if vimeo else None
    youtube = _youtube_id(host, parts.path, parts.query)
    captions = f"cc_load_policy=1&cc_lang_pref={language}"
    return f"https://{EMBED_HOSTS['youtube']}/embed/{youtube}?autoplay=1&rel=0&{captions}" if youtube else None


def embed_problem(url: str) -> str | None:
    """Why a recording address cannot be played on request, or None when it can."""
    if embed_url(url) is None:
        return (
            "has no video id we can read; write it like https://www.youtube.com/watch?v=VIDEO_ID "
            "or https://vimeo.com/123456789"
        )
    return None
