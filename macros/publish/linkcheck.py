"""Check a built site: every internal link and anchor must resolve; external links are only listed.

Used by `python -m macros build` before the new site replaces the old one, and by the tests. Standard library only:
CI has no network, so external addresses are reported for a person to look at, never fetched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "track": ("src",),
    "video": ("src", "poster"),
    "iframe": ("src",),
}
"""Tags whose address attributes must resolve; `<link rel=canonical>` and alternates are absolute and skipped."""


class HtmlPage(HTMLParser):
    """The links, ids and first heading of one HTML file."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.h1: list[str] = []
        self._in_h1 = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(str(values[name]))
        for name in LINK_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.links.append(str(values[name]))
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1[-1] += data


@dataclass(frozen=True)
class BrokenLink:
    page: str
    """The page with the link, relative to the site folder (`trainings/x/index.html`)."""
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


@dataclass
class LinkReport:
    broken: list[BrokenLink] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)
    """Each external address and the pages that link to it."""
    pages: int = 0

    def external_text(self) -> str:
        """One address per line with the pages that use it: for a person to check by hand now and then."""
        lines = [f"{len(self.external)} external addresses, not checked (the build has no network):", ""]
        for url in sorted(self.external):
            lines.append(url)
            lines.extend(f"    {page}" for page in sorted(set(self.external[url])))
        return "\n".join(lines) + "\n"


def check_site(site: Path, site_url: str | None = None) -> LinkReport:
    """Parse every HTML page once, then resolve each local link and anchor against the files and ids.

    Absolute links to `site_url` itself (canonical links, the sitemap's pages) are checked like local ones.
    """
    parsed = {path.resolve(): HtmlPage(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}
    report = LinkReport(pages=len(parsed))
    root = site.resolve()
    for path, page in parsed.items():
        name = path.relative_to(root).as_posix()
        for link in page.links:
            link = _within(link, site_url)  # noqa: PLW2901
            if _is_external(link):
                report.external.setdefault(link, []).append(name)
                continue
            problem = _resolve(root, path, link, parsed)
            if problem:
                report.broken.append(BrokenLink(name, link, problem))
    return report


def _within(link: str, site_url: str | None) -> str:
    """A link to the site's own address (absolute, or from the server root under a base path like /hub/) as a path
    from the site folder's root; any other link unchanged."""
    if not site_url:
        return link
    if link.startswith(site_url):
        return "/" + link.removeprefix(site_url)
    base = urlsplit(site_url).path or "/"
    if base != "/" and link.startswith(base):
        return "/" + link.removeprefix(base)
    return link


def _is_external(link: str) -> bool:
    return urlsplit(link).scheme in ("http", "https") or link.startswith("//")


def _resolve(root: Path, path: Path, link: str, parsed: dict[Path, HtmlPage]) -> str | None:
    """Why `link` on the page at `path` points nowhere, or None when it resolves (or is not ours to check)."""
    parts = urlsplit(link)
    if parts.scheme:
        return None
    base = root if parts.path.startswith("/") else path.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
    if root != target and root not in target.parents:
        return "points outside the site"
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return "no such page or file"
    if parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
        return f"no anchor #{parts.fragment} on that page"
    return None


def broken_links(site: Path, site_url: str | None = None) -> list[str]:
    """Every local link or anchor in the built site that points nowhere, as `page: link (why)` lines."""
    return [str(problem) for problem in check_site(site, site_url).broken]


def summary(report: LinkReport, limit: int = 50) -> Iterable[str]:
    """What the build command prints: every broken link (up to `limit`) and a count of external ones."""
    for problem in report.broken[:limit]:
        yield f"broken link: {problem}"
    if len(report.broken) > limit:
        yield f"… and {len(report.broken) - limit} more broken links"
    yield (
        f"Link check: {report.pages} pages, {len(report.broken)} broken internal links, "
        f"{len(report.external)} external addresses listed (not checked)."
    )
