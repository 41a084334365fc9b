"""A recording's own WebVTT captions as timestamped lines on its page: readable without JavaScript, found by search.

With JavaScript (docs/javascripts/player.js) a line's time seeks the self-hosted video, or the YouTube or Vimeo
player once the person has pressed play. The file is read with webvtt-py, a maintained parser that knows the
format's timestamps, cue settings and escapes, rather than a hand-written one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from macros.content import model as m


@dataclass(frozen=True)
class Cue:
    start: int
    """Seconds from the start of the recording."""
    text: str

    @property
    def stamp(self) -> str:
        """`4:05`, or `1:02:05` past the hour, as video players show times."""
        hours, rest = divmod(self.start, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


def caption_cues(recording: m.Recording | None, docs_dir: Path | None) -> list[Cue]:
    """The lines of a recording's own `.vtt` file, in order; none for captions kept in the provider's player."""
    if recording is None or docs_dir is None or not recording.captions or recording.captions == "provider":
        return []
    try:
        text = (docs_dir / recording.captions).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # `validate` reports a missing or unreadable file; the page keeps its download link
    return cues_of(text)


def cues_of(vtt: str) -> list[Cue]:
    """The spoken lines of WebVTT text: no header, cue ids, settings, NOTE blocks or voice tags; [] if malformed."""
    try:
        captions = webvtt.from_string(vtt)
    except (MalformedFileError, MalformedCaptionError):
        return []
    cues = (Cue(caption.start_in_seconds, " ".join(caption.text.split())) for caption in captions.captions)
    return [cue for cue in cues if cue.text]
