"""The browser editor's configuration against the field specs: every kind, every field, every required flag and a
relation widget for every reference, so the form and the loader cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.content import spec as s
from macros.content.kinds import KINDS, SINGLE_FILES
from macros.content.translations import text_part
from macros.outputs.base import EditorSettings
from macros.outputs.cms import SETTINGS, admin_page, configuration
from macros.publish.editor import settings

from ..conftest import ROOT, pagefind_fragments

CONFIG = configuration("https://hub.example.org/", EditorSettings())


def _collection(name: str) -> dict[str, Any]:
    return next(each for each in CONFIG["collections"] if each["name"] == name)


def _check(fields: list[dict[str, Any]], spec: s.Obj, relaxed: bool, where: str) -> None:
    """Same names in the same order; required as in the spec (never inside an optional object); the right widget."""
    assert [field["name"] for field in fields] == list(spec.fields), where
    for field, (name, declared) in zip(fields, spec.fields.items(), strict=True):
        here = f"{where}.{name}"
        assert field["required"] is (declared.required and not relaxed), here
        if declared.spec.doc:
            assert field["hint"] == declared.spec.doc, here
        optional_object = isinstance(declared.spec, s.Obj) and not declared.required
        _check_widget(field, declared.spec, relaxed or optional_object, here)


def _check_widget(field: dict[str, Any], spec: s.Spec, relaxed: bool, where: str) -> None:
    if isinstance(spec, s.Obj):
        assert field["widget"] == "object", where
        _check(field["fields"], spec, relaxed, where)
    elif isinstance(spec, s.ListOf):
        _check_list(field, spec, relaxed, where)
    elif isinstance(spec, s.Ref):
        _check_relation(field, spec.kind, where)
        assert "multiple" not in field, where
    elif isinstance(spec, s.Choice):
        assert (field["widget"], field["options"]) == ("select", list(spec.options)), where
    elif isinstance(spec, s.Integer):
        assert (field["widget"], field["value_type"], field["min"], field["max"]) == (
            "number",
            "int",
            spec.minimum,
            spec.maximum,
        ), where
    elif isinstance(spec, s.LocalFile):
        assert field["widget"] == "file", where
    elif isinstance(spec, s.Text):
        assert field["widget"] == ("string" if spec.one_line else "text"), where
    else:
        assert field["widget"] == "string", where
        assert field["pattern"], where


def _check_list(field: dict[str, Any], spec: s.ListOf, relaxed: bool, where: str) -> None:
    if spec.min_items:
        assert field["min"] == spec.min_items, where
    if isinstance(spec.item, s.Ref):
        _check_relation(field, spec.item.kind, where)
        assert field["multiple"] is True, where
    elif isinstance(spec.item, s.Choice):
        assert (field["widget"], field["multiple"], field["options"]) == ("select", True, list(spec.item.options))
    elif isinstance(spec.item, s.Obj):
        assert field["widget"] == "list", where
        _check(field["fields"], spec.item, relaxed, where)
    else:
        assert field["widget"] == "list", where
        _check_widget(field["field"], spec.item, relaxed, f"{where}[]")


def _check_relation(field: dict[str, Any], kind: str, where: str) -> None:
    assert field["widget"] == "relation", where
    if kind == "audience":
        assert (field["collection"], field["file"], field["value_field"]) == (SETTINGS, "audiences", "audiences.*.id")
        return
    assert (field["collection"], field["value_field"]) == (kind, "{{slug}}"), where
    assert _collection(kind)["folder"], where


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_kind_is_a_folder_collection_with_every_field(kind: Any) -> None:
    collection = _collection(kind.name)
    assert collection["folder"] == f"sessions/{kind.folder}"
    assert (collection["extension"], collection["create"], collection["slug"]) == ("yaml", True, "{{slug}}")
    assert collection["identifier_field"] == next(iter(kind.spec.fields))
    _check(collection["fields"], kind.spec, relaxed=False, where=kind.name)


def test_site_and_audiences_are_one_files_collection() -> None:
    files = _collection(SETTINGS)["files"]
    assert [each["file"] for each in files] == [f"sessions/{name}" for name in SINGLE_FILES]
    for each, spec in zip(files, SINGLE_FILES.values(), strict=True):
        _check(each["fields"], spec, relaxed=False, where=each["name"])


def test_every_reference_in_the_specs_is_a_relation() -> None:
    """Count them: a Ref the walker found must come out as a relation widget somewhere."""
    expected = sum(1 for kind in KINDS for _ in s.walk_refs(kind.spec)) + len(KINDS)  # and each translation's chooser
    text = yaml.safe_dump(CONFIG)
    assert text.count("widget: relation") == expected > 10


def test_an_optional_object_can_stay_empty_but_a_required_one_cannot() -> None:
    training = {field["name"]: field for field in _collection("training")["fields"]}
    recording = {field["name"]: field for field in training["recording"]["fields"]}
    assert training["recording"]["required"] is False
    assert recording["status"]["required"] is False  # required only once filled: the build checks it
    program = {field["name"]: field for field in _collection("program")["fields"]}
    rating = {field["name"]: field for field in program["rating"]["fields"]}
    assert program["rating"]["required"] is True
    assert rating["value"]["required"] is True


def test_date_pattern_takes_partial_dates_and_unknown_only_where_allowed() -> None:
    training = {field["name"]: field for field in _collection("training")["fields"]}
    plan = {field["name"]: field for field in _collection("action_plan")["fields"]}
    date = re.compile(training["date"]["pattern"][0])
    for good in ("2017", "2017-03", "2017-03-14", "unknown"):
        assert date.match(good), good
    for bad in ("2017-13", "14/03/2017", "2017-3", "soon", "2017-03-32"):
        assert not date.match(bad), bad
    assert not re.match(plan["updated"]["pattern"][0], "unknown")


def test_no_repository_is_invented() -> None:
    """Until a repository and a sign-in helper are set, the backend is the local server and the page says so."""
    assert CONFIG["backend"]["name"] == "proxy"
    assert "repo" not in yaml.safe_dump(CONFIG)
    assert 'data-published="off"' in admin_page("Hub", EditorSettings())
    published = configuration("https://x/", EditorSettings("owner/hub", "main", "https://auth.example.org"))
    assert published["backend"] == {
        "name": "github",
        "repo": "owner/hub",
        "branch": "main",
        "base_url": "https://auth.example.org",
        "open_authoring": True,
    }
    assert published["publish_mode"] == "editorial_workflow"  # a pull request per entry


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUB_CMS_REPOSITORY", raising=False)
    monkeypatch.setenv("GITHUB_REPOSITORY", "someone/learning-hub")
    monkeypatch.setenv("HUB_CMS_AUTH_URL", "https://auth.example.org")
    monkeypatch.setenv("HUB_CMS_LOCAL_PORT", "8099")
    found = settings()
    assert (found.repository, found.branch, found.published) == ("someone/learning-hub", "main", True)
    assert found.local_url == "http://127.0.0.1:8099/api/v1"


def test_admin_is_only_in_admin_and_out_of_search_and_sitemap(shipped_site: Path) -> None:
    admin = (shipped_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in admin
    assert (shipped_site / "admin" / "config.yml").is_file()
    assert "admin/" not in (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    indexed = [fragment["url"] for fragment in pagefind_fragments(shipped_site)]
    assert indexed
    assert not [url for url in indexed if "admin/" in url]
    for page in shipped_site.rglob("*.html"):
        if page.parent.name != "admin":
            loaded = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page.read_text(encoding="utf-8"))
            assert not [source for source in loaded if "admin/" in source or "decap" in source], page


def test_the_published_build_installs_the_editor_bundle() -> None:
    """The first README command does not run npm; the deploy workflow must, or /admin/ has no editor."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    npm = next(index for index, run in enumerate(runs) if "npm ci --ignore-scripts" in run)
    build = next(index for index, run in enumerate(runs) if "macros build" in run)
    assert npm < build


def test_each_kind_has_a_translation_collection_of_its_text_fields() -> None:
    """sessions/es/<folder>/: the text part of the spec, nothing required, lists in step with the English (no
    reordering), and a chooser naming the English item a new translation translates."""
    collections = {collection["name"]: collection for collection in CONFIG["collections"]}
    for kind in KINDS:
        spanish = collections[f"{kind.name}_es"]
        assert spanish["folder"] == f"sessions/es/{kind.folder}"
        assert spanish["identifier_field"] == "translation_of"
        chooser, *fields = spanish["fields"]
        assert chooser["name"] == "translation_of"
        assert chooser["widget"] == "relation"
        assert chooser["collection"] == kind.name
        part = text_part(kind.spec)
        assert isinstance(part, s.Obj)
        assert [field["name"] for field in fields] == list(part.fields)
        assert not any(field["required"] for field in fields)
        assert "date" not in [field["name"] for field in fields]
    lists = [field for field in collections["series_es"]["fields"] if field["name"] == "sessions"]
    assert lists[0]["allow_reorder"] is False
    settings = collections["settings_es"]
    assert [file["file"] for file in settings["files"]] == ["sessions/es/site.yaml", "sessions/es/audiences.yaml"]
