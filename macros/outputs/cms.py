"""The browser editor's configuration (`/admin/config.yml`), derived from the same field specs as the loader.

Decap CMS shows one form per kind from it: a folder collection per kind (one file per item, the file name is the
id), `site.yaml` and `audiences.yaml` as a files collection, a widget per field type, each field's doc as its hint
and `required` as in the spec. Nothing here restates what the specs already say; `validate` stays the authority
for what a form cannot check (ids that exist, files that exist, cross-field rules), with file and line.

Translations get a collection per kind too (`training_es`: sessions/es/trainings/, the text fields only, none
required), since Decap 3.16.3's own i18n structures would rename or move every English file (see
macros/content/translations.py). A new translation is named after the English item it translates, chosen from a
list (`translation_of`, which the file itself does not keep: its name does); a list keeps an emptied item as
`- null`, so items stay in step with the English.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import yaml

from macros.content import model as m
from macros.content import spec as s
from macros.content.kinds import KINDS, SINGLE_FILES, Kind
from macros.content.translations import LANGUAGE_NAMES, TRANSLATED_FILES, TRANSLATIONS, text_part
from macros.content.values.dates import FIRST_YEAR, LAST_YEAR
from macros.outputs.base import BuildInfo, EditorSettings, OutputFile
from macros.outputs.schemas import value_pattern
from macros.site.relations import Relations

ADMIN = "admin/"
"""Where the editor lives in the site; the build copies the Decap bundle beside these files."""
SETTINGS = "settings"
"""The files collection holding `site.yaml` and `audiences.yaml`."""
MEDIA_FOLDER = "docs/files"
PUBLIC_FOLDER = "files"
"""Uploads land in docs/files/ and the field holds `files/<name>`, the path the loader expects."""
BUNDLE_SCRIPT = "decap-cms.js"
EDITOR_SCRIPT = Path(__file__).with_name("editor.js")
"""Starts the editor: reads config.yml, registers the YAML formats that keep the specs' field order."""


def cms_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    """The producer: `/admin/config.yml` and the page that loads the editor."""
    config = configuration(info.site_url, info.editor)
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)
    return [
        OutputFile(f"{ADMIN}config.yml", text.encode("utf-8")),
        OutputFile(f"{ADMIN}index.html", admin_page(catalog.site.title, info.editor).encode("utf-8")),
        OutputFile(f"{ADMIN}editor.js", EDITOR_SCRIPT.read_bytes()),
    ]


def configuration(site_url: str, settings: EditorSettings) -> dict[str, Any]:
    """The whole Decap configuration; `collections` first by kind, in the table's order, then the settings files."""
    collections = [_folder_collection(kind.name) for kind in KINDS]
    collections.append(_settings_collection())
    for language in TRANSLATIONS:
        collections += [_translation_collection(kind, language) for kind in KINDS]
        collections.append(_settings_translation(language))
    return {
        "backend": _backend(settings),
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": settings.local_url, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "site_url": site_url,
        "display_url": site_url,
        "locale": "en",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": False},
        "collections": collections,
    }


def _backend(settings: EditorSettings) -> dict[str, Any]:
    """GitHub with a pull request per entry (open authoring for people without write access) once it is set up;
    until then the local server, so the configuration never names a repository nobody gave."""
    if not settings.published:
        return {"name": "proxy", "proxy_url": settings.local_url, "branch": settings.branch}
    return {
        "name": "github",
        "repo": settings.repository,
        "branch": settings.branch,
        "base_url": settings.auth_url,
        "open_authoring": True,
    }


def _folder_collection(name: str) -> dict[str, Any]:
    kind = next(each for each in KINDS if each.name == name)
    identifier = next(iter(kind.spec.fields))
    return {
        "name": kind.name,
        "label": kind.plural[:1].upper() + kind.plural[1:],
        "label_singular": kind.singular[:1].upper() + kind.singular[1:],
        "folder": f"sessions/{kind.folder}",
        "extension": "yaml",
        "format": f"hub-{kind.name}",
        "create": True,
        "identifier_field": identifier,
        "slug": "{{slug}}",
        "fields": fields(kind.spec, relaxed=False),
    }


def _settings_collection() -> dict[str, Any]:
    files = [
        {
            "name": file_name.removesuffix(".yaml"),
            "label": file_name.removesuffix(".yaml").capitalize(),
            "file": f"sessions/{file_name}",
            "fields": fields(spec, relaxed=False),
        }
        for file_name, spec in SINGLE_FILES.items()
    ]
    return {
        "name": SETTINGS,
        "label": "Site settings",
        "extension": "yaml",
        "format": f"hub-{SETTINGS}",
        "files": files,
    }


TRANSLATION_OF = "translation_of"
"""The form's field naming the English item a new translation translates: it names the file, and is not kept in it."""


def _translation_collection(kind: Kind, language: str) -> dict[str, Any]:
    part = text_part(kind.spec)
    assert isinstance(part, s.Obj)
    name = LANGUAGE_NAMES[language]
    chooser = relation(kind.name) | {
        "name": TRANSLATION_OF,
        "label": f"Translation of (the {kind.singular})",
        "required": False,
        "hint": "Only when you start a translation: the English item it translates, which names the file.",
    }
    return {
        "name": f"{kind.name}_{language}",
        "label": f"{kind.plural[:1].upper() + kind.plural[1:]} in {name}",
        "label_singular": f"{kind.singular[:1].upper() + kind.singular[1:]} in {name}",
        "description": (
            f"The {name} text of the English {kind.plural}: give only what you translate; what you leave out is "
            "shown in English, marked as such. Keep one list item per English item, in the same order."
        ),
        "folder": f"sessions/{language}/{kind.folder}",
        "extension": "yaml",
        "format": f"hub-{kind.name}-{language}",
        "create": True,
        "identifier_field": TRANSLATION_OF,
        "slug": "{{slug}}",
        "fields": [chooser, *fields(part, relaxed=True)],
    }


def _settings_translation(language: str) -> dict[str, Any]:
    files = []
    for file_name, spec in TRANSLATED_FILES.items():
        part = text_part(spec)
        assert isinstance(part, s.Obj)
        stem = file_name.removesuffix(".yaml")
        files.append(
            {"name": stem, "label": stem.capitalize(), "file": f"sessions/{language}/{file_name}",
             "fields": fields(part, relaxed=True)}
        )  # fmt: skip
    return {
        "name": f"{SETTINGS}_{language}",
        "label": f"Site settings in {LANGUAGE_NAMES[language]}",
        "extension": "yaml",
        "format": f"hub-{SETTINGS}-{language}",
        "files": files,
    }


def fields(spec: s.Obj, relaxed: bool) -> list[dict[str, Any]]:
    """One widget per field, in spec order (the order the written file keeps).

    `relaxed` is true inside an optional object: its inner fields are required only once it is filled, which a form
    cannot say, so they are optional here and the build checks them.
    """
    return [
        field(name, declared.spec, declared.required and not relaxed, relaxed) for name, declared in spec.fields.items()
    ]


def field(name: str, spec: s.Spec, required: bool, relaxed: bool = False) -> dict[str, Any]:
    """The widget of one field, with its label, hint and required flag."""
    result: dict[str, Any] = {"name": name, "label": _label(name), "required": required}
    result |= _widget(name, spec, required, relaxed)
    if hint := spec.doc or _format_hint(spec):
        result["hint"] = hint
    return result


def _format_hint(spec: s.Spec) -> str:
    """Fields whose spec has no doc still say how to write them when the type has a format (dates)."""
    pattern = _pattern(spec) if isinstance(spec, s.Date) else None
    return pattern[1] if pattern else ""


def _widget(name: str, spec: s.Spec, required: bool, relaxed: bool) -> dict[str, Any]:
    if isinstance(spec, s.Obj):
        inner_relaxed = relaxed or not required
        return {"widget": "object", "collapsed": not required, "fields": fields(spec, inner_relaxed)}
    if isinstance(spec, s.ListOf):
        return _list(name, spec, relaxed)
    if isinstance(spec, s.Ref):
        return relation(spec.kind)
    if isinstance(spec, s.Choice):
        return {"widget": "select", "options": list(spec.options)}
    if isinstance(spec, s.Integer):
        return {"widget": "number", "value_type": "int", "min": spec.minimum, "max": spec.maximum, "step": 1}
    if isinstance(spec, s.LocalFile):
        return {"widget": "file", "allow_multiple": False, "choose_url": bool(spec.keywords)}
    if isinstance(spec, s.Text) and not spec.one_line:
        return {"widget": "text"}
    widget: dict[str, Any] = {"widget": "string"}
    if pattern := _pattern(spec):
        widget["pattern"] = list(pattern)
    return widget


def _list(name: str, spec: s.ListOf, relaxed: bool) -> dict[str, Any]:
    bounds = {"min": spec.min_items} if spec.min_items else {}
    item = spec.item
    if isinstance(item, s.Ref):
        return relation(item.kind) | {"multiple": True} | bounds
    if isinstance(item, s.Choice):
        return {"widget": "select", "multiple": True, "options": list(item.options)} | bounds
    if spec.empty_items:  # a translation's list: one item per English item, in the same order
        bounds |= {"allow_reorder": False}
    if isinstance(item, s.Obj):
        return {"widget": "list", "collapsed": True, "fields": fields(item, relaxed)} | bounds
    inner = field(name, item, required=True, relaxed=relaxed)
    inner.pop("hint", None)
    return {"widget": "list", "field": inner} | bounds


def relation(kind_name: str) -> dict[str, Any]:
    """A choice among the existing items of a kind: the form offers only ids that exist."""
    if kind_name == "audience":
        return {
            "widget": "relation",
            "collection": SETTINGS,
            "file": "audiences",
            "value_field": "audiences.*.id",
            "search_fields": ["audiences.*.title"],
            "display_fields": ["audiences.*.title"],
        }
    kind = next(each for each in KINDS if each.name == kind_name)
    shown = next(iter(kind.spec.fields))
    return {
        "widget": "relation",
        "collection": kind.name,
        "value_field": "{{slug}}",
        "search_fields": [shown],
        "display_fields": [shown],
        "options_length": 1000,
    }


def _pattern(spec: s.Spec) -> tuple[str, str] | None:
    """The form's first check of a single-line value (Decap adds the full stop): the editor schema's pattern, with
    a hint in words; the loader's message says more."""
    hint = _HINTS.get(type(spec))
    pattern = value_pattern(spec) if hint is not None else None
    if pattern is None or hint is None:
        return None
    if isinstance(spec, s.Date):
        hint += f"{', or unknown' if spec.allow_unknown else ''} (years {FIRST_YEAR} to {LAST_YEAR})"
    if isinstance(spec, s.Url):
        hint += " or ".join(f"{name}:" for name in spec.schemes)
    return pattern, hint


_HINTS: dict[type[s.Spec], str] = {
    s.Date: "Write a date like 2017, 2017-03 or 2017-03-14",
    s.Identifier: "Use lower-case letters, digits and hyphens, like peer-support",
    s.Url: "Write the whole address, starting with ",
    s.Email: "Write an address like team@example.org",
    s.Phone: "Write digits, with spaces, dots or dashes if you like",
    s.Doi: "Write it like 10.1093/sw/52.1.63, without https://doi.org/",
}
"""The kinds of value the form checks as they are typed, with the hint it shows when one does not match."""


def _label(name: str) -> str:
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


def admin_page(site_title: str, settings: EditorSettings) -> str:
    """The one page that loads the editor: no search, no index, nothing from anyone but this site."""
    title = escape(f"Content editor: {site_title}")
    published = "on" if settings.published else "off"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<script>window.CMS_MANUAL_INIT = true;</script>
</head>
<body data-published="{published}">
<main id="hub-editor-note" hidden>
<h1>{title}</h1>
<p id="hub-editor-message"></p>
<p>The maintainers' guide, under "Editing in the browser", explains both ways to edit: this form and the
YAML files.</p>
</main>
<noscript><p>The content editor needs JavaScript. You can also edit the YAML files under
<code>sessions/</code> directly, as the maintainers' guide explains.</p></noscript>
<script type="module" src="editor.js" data-bundle="{BUNDLE_SCRIPT}"></script>
</body>
</html>
"""
