"""The URL allow-list: content may link only where it is safe to send a person."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

VIDEO_HOSTS: tuple[str, ...] = (
    "www.youtube.com",
    "youtube.com",
    "m.youtube.com",
    "youtu.be",
    "www.youtube-nocookie.com",
    "vimeo.com",
    "player.vimeo.com",
)
"""Recording providers whose players can be loaded on request in privacy-enhanced mode."""

_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{1,20}[0-9]$")


def url_problem(value: str, schemes: tuple[str, ...], hosts: tuple[str, ...] = ()) -> str | None:
    """Why `value` may not be published as a link, or None when it may."""
    if any(char.isspace() or ord(char) < 32 for char in value):
        return "contains spaces or control characters; remove them"
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    allowed = " or ".join(f"{name}:" if name in ("mailto", "tel") else f"{name}://" for name in schemes)
    if scheme not in schemes:
        return f"must start with {allowed} (found {value.split(':', 1)[0] + ':' if ':' in value else value!r})"
    if scheme == "mailto":
        if parts.query or parts.fragment or not _EMAIL.match(parts.path):
            return "is not a single email address; write mailto:name@example.org with nothing after it"
        return None
    if scheme == "tel":
        return None if _PHONE.match(parts.path) else "is not a phone number; write tel:+1-617-555-0100"
    host = (parts.hostname or "").lower()
    if not _HOST.match(host) or parts.username or parts.password:
        return "has no valid host name; write it as https://example.org/page"
    if hosts and host not in hosts:
        return f"host {host} is not an allowed video provider; use one of: {', '.join(hosts)}"
    return None


def email_problem(value: str) -> str | None:
    return None if _EMAIL.match(value) else "is not an email address; write name@example.org"


def phone_problem(value: str) -> str | None:
    return None if _PHONE.match(value) else "is not a phone number; write it like 617-661-9036"


def tel_href(phone: str) -> str:
    """`tel:` link target: digits and a leading + only, which every phone dials."""
    digits = re.sub(r"[^0-9+]", "", phone)
    return f"tel:{digits}"
