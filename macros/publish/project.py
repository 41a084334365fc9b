"""Facts about the project that commands need without loading MkDocs: the public address and the commit."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import yaml

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
_SITE_URL = re.compile(r"^site_url:\s*(.+?)\s*$", re.MULTILINE)


def public_url() -> str | None:
    """The SITE_URL environment variable, ending with `/`: the deploy workflow sets the Pages address this way."""
    value = os.environ.get("SITE_URL", "").strip()
    return with_slash(value) if value else None


def with_slash(url: str) -> str:
    """Base addresses end with `/`, so a page's path can be appended."""
    return url if url.endswith("/") else f"{url}/"


def site_url(config: Path) -> str:
    """SITE_URL when set, else `site_url` from mkdocs.yml (an `!ENV [NAME, default]` value reads NAME), with `/`."""
    if override := public_url():
        return override
    try:
        text = config.read_text(encoding="utf-8")
    except OSError:
        return DEFAULT_SITE_URL
    match = _SITE_URL.search(text)
    if not match:
        return DEFAULT_SITE_URL
    raw = match.group(1)
    if raw.startswith("!ENV"):
        names = yaml.safe_load(raw.removeprefix("!ENV").strip())
        candidates = names if isinstance(names, list) else [names]
        *variables, default = candidates if len(candidates) > 1 else [*candidates, DEFAULT_SITE_URL]
        value = next((os.environ[name] for name in variables if os.environ.get(name)), default)
    else:
        value = yaml.safe_load(raw)
    return with_slash(str(value or DEFAULT_SITE_URL))


def commit(folder: Path) -> str:
    """The short commit hash of `folder`'s checkout, or `unknown` outside git (a copied or unpacked tree)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=folder, capture_output=True, text=True, check=False, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    value = result.stdout.strip()
    return value if result.returncode == 0 and re.fullmatch(r"[0-9a-f]{4,40}", value) else "unknown"


def build_time() -> datetime:
    """Now in UTC, or SOURCE_DATE_EPOCH when set, so a rebuild (footer, feed, calendars) can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)


def build_date() -> str:
    """The build day as YYYY-MM-DD, for the footer."""
    return build_time().strftime("%Y-%m-%d")
