"""ProperDocs, the maintained fork of MkDocs 1.6.1, builds the same site: every file equal but the generator tag.

ProperDocs ships its own package, `properdocs`; its command redirects every `mkdocs.*` import to `properdocs.*`
(properdocs/replacement.py), so the edge's `from mkdocs… import …`, Material and mkdocs-macros run on it unchanged,
and it reads mkdocs.yml when given `-f mkdocs.yml`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from ..conftest import ROOT, differing_files

MATERIAL = f"mkdocs-material-{version('mkdocs-material')}"
MKDOCS_GENERATOR = f'<meta name="generator" content="mkdocs-{version("mkdocs")}, {MATERIAL}">'.encode()
PROPERDOCS_GENERATOR = (
    f'<meta name="generator" content="mkdocs-ProperDocs {version("properdocs")}, {MATERIAL}">'.encode()
)


def test_properdocs_builds_the_same_site(epoch_site: Path, properdocs_site: Path) -> None:
    """Material writes the engine's name and version into every page's generator tag; nothing else may differ."""
    differing = differing_files(epoch_site, properdocs_site)
    assert differing, "every file is equal: was the second site really built by ProperDocs?"
    for name in differing:
        assert (epoch_site / name).is_file(), f"only ProperDocs wrote {name}"
        assert (properdocs_site / name).is_file(), f"only MkDocs wrote {name}"
        mkdocs_page, properdocs_page = (epoch_site / name).read_bytes(), (properdocs_site / name).read_bytes()
        assert MKDOCS_GENERATOR in mkdocs_page, name
        assert PROPERDOCS_GENERATOR in properdocs_page, name
        assert mkdocs_page.replace(MKDOCS_GENERATOR, b"") == properdocs_page.replace(PROPERDOCS_GENERATOR, b""), name


def test_every_mkdocs_module_the_edge_imports_is_properdocs_under_properdocs() -> None:
    """Under `properdocs`, the MkDocs modules the hooks use come from ProperDocs, even with MkDocs installed."""
    modules = sorted(
        {
            node.module
            for path in (ROOT / "macros" / "edge").glob("*.py")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mkdocs.")
        }
    )
    assert "mkdocs.structure.files" in modules
    code = (
        f"import importlib, properdocs.__main__\nfor name in {modules!r}: print(importlib.import_module(name).__file__)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    files = result.stdout.splitlines()
    assert len(files) == len(modules)
    assert all("/site-packages/properdocs/" in file for file in files), files
