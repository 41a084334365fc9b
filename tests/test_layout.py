"""The flow reads from the listing: each stage imports only earlier stages, only the edge knows MkDocs, no cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from .conftest import ROOT

STAGES = ("content", "site", "outputs", "publish", "edge")
"""In flow order: a module may import its own stage and the ones before it."""
MKDOCS = {"mkdocs", "material", "mkdocs_macros"}
RENDERING = {"jinja2", "markupsafe", "docx", "openpyxl", "icalendar"}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every module under macros/ and what it imports, at the top or inside a function."""
    graph: dict[str, set[str]] = {}
    for path in sorted((ROOT / "macros").rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[_module(path)] = names
    return graph


GRAPH = _imports()


def _ours(names: set[str]) -> set[str]:
    return {name for name in names if name in GRAPH}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_the_stages_are_the_folders() -> None:
    folders = {path.name for path in (ROOT / "macros").iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert folders == set(STAGES)


def test_no_import_cycles() -> None:
    try:
        list(TopologicalSorter({module: _ours(names) - {module} for module, names in GRAPH.items()}).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' → '.join(error.args[1])}")


def test_each_stage_imports_only_itself_and_earlier_stages() -> None:
    wrong = []
    for module, names in GRAPH.items():
        stage = _stage(module)
        for name in _ours(names):
            other = _stage(name)
            if stage and other and STAGES.index(other) > STAGES.index(stage):
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_only_the_edge_imports_mkdocs_and_content_imports_no_rendering_library() -> None:
    for module, names in GRAPH.items():
        roots = {name.split(".")[0] for name in names}
        if _stage(module) != "edge":
            assert not roots & MKDOCS, f"{module} imports {roots & MKDOCS}"
        if _stage(module) == "content":
            assert not roots & RENDERING, f"{module} imports {roots & RENDERING}"


def test_importing_the_content_stage_loads_no_rendering_or_office_library() -> None:
    probe = (
        "import sys, macros, macros.content.load, macros.content.scaffold, macros.content.kinds, "
        "macros.content.sheet_import; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & " + repr(RENDERING | MKDOCS) + "))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
