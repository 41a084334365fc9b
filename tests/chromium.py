"""Browser-test plumbing: a real built site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Chromium comes from the system (`apt-get install chromium`); `playwright install` is never needed.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .node_tools import AXE, require

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = "install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set HUB_CHROMIUM to its path"


def chromium_path() -> str | None:
    """The system Chromium, or None on a machine without one."""
    configured = os.environ.get("HUB_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name, path="/usr/bin:/usr/local/bin:/snap/bin")
        if found:
            return found
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1; yields the base URL with a trailing slash."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""WCAG 2.1 A and AA: the level the site promises."""


def network_cut(page: Page, seen: list[str]) -> None:
    """Record every request into `seen`; one for any host but 127.0.0.1 is refused, as if the network were cut."""

    def handle(route: Route) -> None:
        seen.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)


def downloaded(page: Page, button: str, folder: Path) -> Path:
    """Click the button named `button` and keep the file it downloads in `folder`, under the name the page gave it."""
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    return saved


def axe_run(page: Page) -> dict[str, Any]:
    """axe-core on the page as it stands: `found` (one line per violation: rule, help, where), `passed` (count) and
    `rules` (the ids of the rules that passed, such as html-has-lang and valid-lang)."""
    page.add_script_tag(path=str(require(AXE)))
    result: dict[str, Any] = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            const found = result.violations.map(
                v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
            return {found, passed: result.passes.length, rules: result.passes.map(p => p.id)};
        }""",
        AXE_TAGS,
    )
    return result
