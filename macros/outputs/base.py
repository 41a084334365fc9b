"""The types every output producer shares: the file it returns and what it may know of the build.

Each producer returns `OutputFile`s; the hook adds them to the site in memory, so nothing generated is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from macros.content import model as m
from macros.site.language import ENGLISH, Language
from macros.site.relations import Relations


@dataclass(frozen=True)
class OutputFile:
    path: str
    """Address inside the site without a leading slash, e.g. `feed.xml` or `calendar/x.ics`."""
    content: bytes


@dataclass(frozen=True)
class EditorSettings:
    """Where the published editor saves: a GitHub repository and branch, and the OAuth helper that signs people in.

    Unknown until set (`HUB_CMS_REPOSITORY`, or GitHub Actions' own `GITHUB_REPOSITORY`); without a repository and
    a helper the published `/admin/` says that sign-in is not set up, and only the local mode works.
    """

    repository: str = ""
    branch: str = "main"
    auth_url: str = ""
    local_port: int = 8081

    @property
    def published(self) -> bool:
        return bool(self.repository and self.auth_url)

    @property
    def local_url(self) -> str:
        return f"http://127.0.0.1:{self.local_port}/api/v1"


@dataclass(frozen=True)
class BuildInfo:
    """What producers may need beyond the catalog: the public base address (ends with `/`) and the build time."""

    site_url: str
    now: datetime | None = None
    """When the build ran (from SOURCE_DATE_EPOCH when set, for reproducible files); None means now."""
    editor: EditorSettings = EditorSettings()
    """Where the browser editor saves (macros/outputs/cms.py)."""
    language: Language = ENGLISH
    """The language of the files being made: each language's files live under its prefix (`es/feed.xml`)."""


Producer = Callable[[m.Catalog, Relations, BuildInfo], Iterable[OutputFile]]
"""What every producer is: a pure function of the catalog; macros/outputs/producers.py lists them."""
