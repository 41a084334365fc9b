"""Fast edits: how long `mkdocs serve` takes to show a changed YAML file, measured on a synthetic project."""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
_SERVING = re.compile(r"Serving on http")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _lines(stream: object, into: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(str(line))


def _wait_for(lines: queue.Queue[str], pattern: re.Pattern[str], timeout: float) -> re.Match[str]:
    """The next log line matching `pattern`; a build error or the timeout raises."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if "Aborted" in line or "ERROR" in line:
            raise RuntimeError(line)
        match = pattern.search(line)
        if match:
            return match
    raise TimeoutError(f"mkdocs serve logged no {pattern.pattern!r} in {timeout:.0f} s")


def rebuild_seconds(project: Path, training: str, timeout: float = 600) -> tuple[float, float]:
    """Serve `project`, change one training's title, and return (first build, rebuild until the new title is served)."""
    port = _free_port()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(server.stdout, lines), daemon=True).start()
    try:
        first = float(_wait_for(lines, _BUILT, timeout).group(1))
        _wait_for(lines, _SERVING, timeout)  # an edit before the watcher starts would go unseen
        path = project / "sessions" / "trainings" / f"{training}.yaml"
        text = path.read_text(encoding="utf-8")
        marker = f"Edited {time.time_ns()}"
        start = time.perf_counter()
        path.write_text(re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M), encoding="utf-8")
        _wait_for(lines, _BUILT, timeout)
        url = f"http://127.0.0.1:{port}/trainings/{training}/"
        while marker not in urllib.request.urlopen(url, timeout=30).read().decode("utf-8"):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{url} never showed the edited title")
            time.sleep(0.05)
        return first, time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
