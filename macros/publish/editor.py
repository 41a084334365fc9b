"""The browser editor's parts that are not content: its settings, its npm bundle, and the local mode.

The Decap CMS bundle comes from npm (`package.json` pins it); the build copies it from `node_modules/` beside the
generated `/admin/` page. Without `npm ci` the page says how to install it, and the rest of the site is unchanged.
`python -m macros edit` runs the local mode: Decap's file server (`decap-server`, writing into this checkout) and
`mkdocs serve`, stopped together.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from macros.outputs.base import EditorSettings
from macros.outputs.cms import ADMIN, BUNDLE_SCRIPT

DECAP_DIST = Path("node_modules/decap-cms/dist")
YAML_DIST = Path("node_modules/yaml/browser/dist")
DECAP_SERVER = Path("node_modules/decap-server/dist/index.js")
NPM_HINT = "run `npm ci --ignore-scripts --no-audit --no-fund` in the project folder first (needs Node.js 20 or newer)"


def settings() -> EditorSettings:
    """From the environment: HUB_CMS_REPOSITORY (else GITHUB_REPOSITORY, which GitHub Actions sets to the repository
    it runs in), HUB_CMS_BRANCH (main), HUB_CMS_AUTH_URL (the OAuth helper) and HUB_CMS_LOCAL_PORT (8081)."""
    repository = os.environ.get("HUB_CMS_REPOSITORY", "").strip() or os.environ.get("GITHUB_REPOSITORY", "").strip()
    port = os.environ.get("HUB_CMS_LOCAL_PORT", "").strip()
    return EditorSettings(
        repository=repository,
        branch=os.environ.get("HUB_CMS_BRANCH", "").strip() or "main",
        auth_url=os.environ.get("HUB_CMS_AUTH_URL", "").strip(),
        local_port=int(port) if port.isdigit() else 8081,
    )


def bundle(project: Path) -> dict[str, Path]:
    """Site path → file for the Decap bundle (its script, lazily loaded chunks, WebAssembly and licence) and the YAML
    library the formats use; empty when `npm ci` has not run, so the admin page explains instead."""
    decap = project / DECAP_DIST
    library = project / YAML_DIST
    if not (decap / BUNDLE_SCRIPT).is_file() or not library.is_dir():
        return {}
    files = {f"{ADMIN}{path.name}": path for path in decap.iterdir() if _shipped(path.name)}
    for path in library.rglob("*.js"):
        files[f"{ADMIN}yaml/{path.relative_to(library).as_posix()}"] = path
    files[f"{ADMIN}yaml/LICENSE"] = project / YAML_DIST.parent.parent / "LICENSE"
    return files


def _shipped(name: str) -> bool:
    """The decap-cms build and its chunks and licence; not the duplicate `cms.js` build or the source maps."""
    return name == BUNDLE_SCRIPT or name.endswith((".decap-cms.js", ".wasm")) or name == f"{BUNDLE_SCRIPT}.LICENSE.txt"


def run_local(project: Path, address: str) -> int:
    """`python -m macros edit`: the file server on 127.0.0.1 and `mkdocs serve`; Ctrl-C (or SIGTERM) stops both."""
    server_script = project / DECAP_SERVER
    node = shutil.which("node")
    if node is None or not server_script.is_file():
        print(f"The editor's local server is not installed: {NPM_HINT}.", file=sys.stderr)
        return 1
    _stop_on_signals()
    editor = settings()
    environment = os.environ | {
        "PORT": str(editor.local_port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(project),
        "MODE": "fs",
    }
    children = [subprocess.Popen([node, str(server_script)], cwd=project, env=environment)]
    try:
        if not wait_for(editor.local_url, children[0]):
            print(f"The editor's local server did not start on port {editor.local_port}.", file=sys.stderr)
            return 1
        print(f"Open http://{address}/admin/ to edit; the files are saved under {project / 'sessions'}.")
        serve = [sys.executable, "-m", "mkdocs", "serve", "-a", address]
        children.append(subprocess.Popen(serve, cwd=project, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"}))
        return children[1].wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for child in reversed(children):
            _stop(child)


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM end the command, even when it was started with SIGINT ignored (a background job)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Ask a child to stop, and make it stop if it has not within 10 s."""
    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 20) -> bool:
    """True once the local server answers Decap's `info` request; False if it exits or stays silent."""
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(
        url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}, method="POST"
    )
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            time.sleep(0.2)
    return False
