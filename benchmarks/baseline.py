"""The baseline: the very same pages as plain Markdown files, built by stock Material with no macros and one small
hook (benchmarks/baseline_hook.py: the theme templates' English words, nothing else). English only: the baseline is
what a one-language site built this way costs.

Item pages are written out once from our own page generator, hand-written pages have their macro calls
rendered once, and the item pages are kept out of the nav (`not_in_nav`): Material's best case. What our
build costs beyond this is what the content layer, indexes, generated pages and custom search add.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml

from macros.content.load import load_catalog
from macros.edge.build import Build, Edition, attach
from macros.edge.entry import define_env
from macros.outputs.base import BuildInfo
from macros.outputs.producers import generate_files
from macros.site.language import ENGLISH
from macros.site.listings import crisis_bar
from macros.site.pages import PageInputs, generate_pages

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


class _MacroEnv:
    """Just enough of mkdocs-macros' `env` for macros/edge/entry.py to register its macros."""

    def __init__(self) -> None:
        self.macros: dict[str, Any] = {}
        self.page: Any = None
        self.conf = SimpleNamespace()

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function


def _render_hand_written(docs: Path, macro_env: _MacroEnv) -> None:
    """Pages that opt in to macros get their calls replaced by the HTML the macros return."""
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        meta = yaml.safe_load(match.group(1)) if match else {}
        if not isinstance(meta, dict) or not meta.get("render_macros"):
            continue
        src_uri = path.relative_to(docs).as_posix()
        url = "" if src_uri == "index.md" else src_uri.removesuffix("index.md").removesuffix(".md")
        url = url if url.endswith("/") or not url else f"{url}/"
        macro_env.page = SimpleNamespace(url=url, file=SimpleNamespace(src_uri=src_uri))
        body = text[match.end() :] if match else text
        rendered = jinja.from_string(body).render(**macro_env.macros)
        path.write_text(text[: match.end()] + rendered if match else rendered, encoding="utf-8")


def _config(project: Path, sections: set[str], crisis_lines: list[dict[str, Any]]) -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(Path(__file__).with_name("baseline_hook.py"))]
    config.pop("watch", None)
    config["plugins"] = ["search"]
    config.setdefault("extra", {})["hub_crisis_bar"] = crisis_lines
    config["not_in_nav"] = "\n".join(f"/{section}/*/" for section in sorted(sections))
    return config


def write_baseline(project: Path, target: Path) -> None:
    """Turn the synthetic `project` into a plain Material project at `target` with the same pages."""
    shutil.copytree(
        project / "docs",
        target / "docs",
        ignore=lambda folder, names: ["es"] if folder == str(project / "docs") else [],
    )
    if (project / "overrides").is_dir():
        shutil.copytree(project / "overrides", target / "overrides")
    docs = target / "docs"
    catalog = load_catalog(project / "sessions", project / "docs", root=project)
    build = Build.start([Edition.start(ENGLISH, catalog)])
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    info = BuildInfo(site_url=str(config.get("site_url") or "http://127.0.0.1:8000/"))
    build.keep_outputs(generate_files(build.catalog, build.relations, info))
    sections = set()
    for page in generate_pages(PageInputs(build.catalog, build.relations, build.file_sizes)):
        out = docs / page.src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page.markdown(), encoding="utf-8")
        sections.add(page.path.split("/", 1)[0])
    for output in build.outputs.values():
        out = docs / output.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(output.content)
    macro_env = _MacroEnv()
    attach(macro_env.conf, build)
    define_env(macro_env)
    _render_hand_written(docs, macro_env)
    baseline = _config(project, sections, crisis_bar(catalog.site))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(baseline, sort_keys=False, allow_unicode=True), encoding="utf-8")
