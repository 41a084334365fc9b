"""`python -m macros edit`, the README's local-mode command: it starts the editor's file server and the site together,
serves /admin/ pointed at that server, and Ctrl-C stops both."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from macros.publish.editor import DECAP_SERVER
from tests.conftest import ROOT, free_port, make_project
from tests.node_tools import require


def _fetch(url: str, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(0.3)
    return None


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_edit_serves_the_editor_with_its_file_server_and_stops_both(tmp_path: Path) -> None:
    require(ROOT / DECAP_SERVER)
    if shutil.which("node") is None:
        pytest.skip("no `node` found: install Node.js 20 or newer")
    project = make_project(tmp_path / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    site_port, server_port = free_port(), free_port()
    environment = {"PATH": os.environ["PATH"], "HOME": str(project), "HUB_CMS_LOCAL_PORT": str(server_port)}
    command = [sys.executable, "-m", "macros", "edit", "-a", f"127.0.0.1:{site_port}"]
    process = subprocess.Popen(  # its own process group, as a terminal gives a command: Ctrl-C reaches all of it
        command, cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        config = _fetch(f"http://127.0.0.1:{site_port}/admin/config.yml", 90)
        assert config is not None
        assert f"url: http://127.0.0.1:{server_port}/api/v1" in config
        assert _listening(server_port)
        assert _fetch(f"http://127.0.0.1:{site_port}/admin/decap-cms.js", 5)
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        try:
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    assert not _listening(server_port)
    assert not _listening(site_port)
