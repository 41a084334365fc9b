"""Caption files: a WebVTT file must say so on its first line, or browsers silently show no captions."""

from __future__ import annotations

from pathlib import Path

_SIGNATURE = b"WEBVTT"


def webvtt_problem(path: Path) -> str | None:
    """Why `path` is not a WebVTT file a browser will read, or None when its first line is right."""
    head = path.read_bytes()[:64].removeprefix(b"\xef\xbb\xbf")
    first_line = head.split(b"\n", 1)[0].rstrip(b"\r")
    if first_line == _SIGNATURE or first_line.startswith((_SIGNATURE + b" ", _SIGNATURE + b"\t")):
        return None
    return "line 1 must be WEBVTT (the file signature); browsers show no captions from this file"
