"""Every content value MkDocs' config carries to the theme is escaped once, where the hook hands it over.

Material's templates print `config.site_name`, `config.site_description` and `config.extra` values without
escaping (MkDocs' theme environment has no autoescape). Here the real hook runs on a project whose site.yaml
holds markup and quotes in every text field, and every string in the config that came from that content must
be `Markup` holding the escaped text; the built pages' heads are read back by tests/publish/test_every_field.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from macros.edge.build import build_of

from ..conftest import make_project

PAYLOAD = "\"'><script>alert(1)</script>"


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def test_content_reaches_the_theme_config_escaped_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    site_yaml = project / "sessions" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    for old in ("title: Test Hub", "description: A small site for tests.", "name: 988 Suicide & Crisis Lifeline"):
        key, value = old.split(": ", 1)
        text = text.replace(old, f"{key}: '{value} {PAYLOAD.replace(chr(39), chr(39) * 2)}'", 1)
    short_name = "    short_name: 'Short " + PAYLOAD.replace("'", "''") + "'\n"
    text = text.replace("    kind: crisis\n", "    kind: crisis\n" + short_name)
    site_yaml.write_text(text, encoding="utf-8")
    previous = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config = config.plugins.on_config(config)
    finally:
        os.chdir(previous)
    carried = [
        (where, value)
        for name in ("site_name", "site_description", "extra")
        for where, value in _strings(config[name], name)
        if "<script>" in str(value) or "&lt;script&gt;" in str(value)
    ]
    assert {where for where, _ in carried} >= {"site_name", "site_description", "extra.hub_crisis_bar[0].name"}
    for where, value in carried:
        assert isinstance(value, Markup), f"{where} reaches the theme unescaped"
        assert "<script>" not in value, where
        assert value.unescape().endswith(PAYLOAD), where
    assert config["site_name"] == escape("Test Hub " + PAYLOAD)


def test_spanish_content_reaches_the_theme_escaped_once(tmp_path: Path) -> None:
    """A Spanish page's theme reads the Spanish view of the config (macros/edge/theme.py: LanguageView): its site
    name, description and crisis bar come from sessions/es/site.yaml, escaped once as they are handed over."""
    project = make_project(tmp_path / "project")
    spanish = project / "sessions" / "es" / "site.yaml"
    quoted = PAYLOAD.replace("'", "''")
    spanish.write_text(
        f"title: 'Centro {quoted}'\ndescription: 'Un sitio {quoted}'\nhelp_lines:\n  - name: 'Línea {quoted}'\n  - ~\n",
        encoding="utf-8",
    )
    previous = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        config = config.plugins.on_config(config)
        config.plugins.on_nav(Navigation([], []), config=config, files=Files([]))
        view = build_of(config).views["es"]
    finally:
        os.chdir(previous)
    handed = {
        "site_name": view.site_name,
        "site_description": view.site_description,
        "crisis bar": view.extra["hub_crisis_bar"][0]["name"],
    }
    for where, value in handed.items():
        assert isinstance(value, Markup), f"{where} reaches the theme unescaped"
        assert "<script>" not in value, where
        assert value.unescape().endswith(PAYLOAD), where
    assert view.theme.language == "es", "Material's own words in Spanish"
    assert config.site_name == escape("Test Hub"), "the English pages keep the English config"
