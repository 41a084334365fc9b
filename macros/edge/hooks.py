"""MkDocs events: load the content once, add the output files and one page per item in every language, swap the site
in when good.

One `mkdocs build` (and `mkdocs serve`) makes every language `extra.hub_languages` lists in mkdocs.yml: English at the
root, Spanish under `es/`, with the same pages. Theme templates get, on a Spanish page, a view of the config in
Spanish (macros/edge/theme.py), the Spanish menu and the catalog's words (`_`); nothing else about MkDocs changes.
MkDocs imports this file by path; with macros/edge/entry.py it is the only code that knows about MkDocs.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import (
    Navigation,
    _add_parent_links,
    _add_previous_and_next_links,
    _data_to_navigation,
    _get_by_type,
)
from mkdocs.structure.pages import Page

from macros.content.load import load_catalogs
from macros.content.problems import ContentError
from macros.content.translations import LANGUAGE_NAMES, SOURCE
from macros.edge.build import Build, Edition, Staging, attach, build_of, detach
from macros.edge.item_page import ItemPage
from macros.edge.theme import LanguageView, theme_text, theme_values
from macros.outputs.base import BuildInfo, OutputFile
from macros.outputs.producers import generate_files
from macros.publish.editor import bundle, settings
from macros.publish.project import DEFAULT_SITE_URL, build_date, build_time, commit, public_url, with_slash
from macros.publish.search_index import SearchIndexError, write_index
from macros.site.language import Language, load_language
from macros.site.listings import crisis_bar
from macros.site.messages import not_found_page, page_notes, script_messages, synonyms_file
from macros.site.pages import PageInputs, generate_pages
from macros.site.search import index_documents, synonyms_json

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def site_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """`extra.hub_languages` from mkdocs.yml (English alone when it is not given), English first."""
    codes = config.extra.get("hub_languages") or [SOURCE]
    if not isinstance(codes, list) or codes[0] != SOURCE or not set(codes) <= set(LANGUAGE_NAMES):
        raise PluginError(
            f"mkdocs.yml: extra.hub_languages: {codes!r}; list the site's languages, English first, from: "
            f"{', '.join(LANGUAGE_NAMES)}"
        )
    return tuple(dict.fromkeys(codes))


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check every YAML file, translations included, before MkDocs touches the output folder."""
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: use_directory_urls must stay true; generated links assume it")
    if url := public_url():
        config.site_url = url  # the deploy workflow passes the Pages address as SITE_URL
    project = Path(config.config_file_path).parent
    codes = site_languages(config)
    try:
        catalogs = load_catalogs(project / "sessions", config.docs_dir, root=project, languages=codes)
    except ContentError as error:
        raise PluginError(error.report()) from None
    languages = [load_language(code) for code in codes]
    staging = Staging.beside(Path(config.site_dir))
    build = Build.start([Edition.start(language, catalogs[language.code]) for language in languages], staging)
    attach(config, build)
    config.site_dir = str(staging.folder)
    # One source, sessions/site.yaml; each value escaped once as it is handed to the theme (macros/edge/theme.py).
    site = build.catalog.site
    config.site_name = theme_text(site.title)
    config.site_description = theme_text(" ".join(site.description.split()))
    config.extra["hub_crisis_bar"] = theme_values(crisis_bar(site))
    config.extra["hub_build"] = theme_values({"date": build_date(), "commit": commit(project)})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Make every language's output files, then its item pages (which show the files' sizes), out of the nav; the
    hand-written pages of other languages (docs/es/) out of the nav too, and their menu from mkdocs.yml's."""
    build = build_of(config)
    site_url = with_slash(str(config.site_url or DEFAULT_SITE_URL))
    docs = Path(config.docs_dir)
    outputs: dict[str, OutputFile] = {}
    for edition in build.editions.values():
        info = BuildInfo(site_url=site_url, now=build_time(), editor=settings(), language=edition.language)
        outputs |= generate_files(edition.catalog, edition.relations, info)
    build.keep_outputs(outputs)
    for output in build.outputs.values():
        files.append(File.generated(config, output.path, content=output.content))
    for path, source in bundle(Path(config.config_file_path).parent).items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    for edition in build.editions.values():
        inputs = PageInputs(
            edition.catalog, edition.relations, edition.file_sizes, docs, edition.language, sources=build.catalog
        )
        for page in generate_pages(inputs):
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    f"docs/{page.src_uri} is written by hand, but the page {page.path} is generated from "
                    f"sessions/; rename or remove docs/{page.src_uri}"
                )
            ItemPage.add(page, files, config)
    for language in build.languages[1:]:
        _add_language(files, config, build, language, docs)
    return files


def _add_language(files: Files, config: MkDocsConfig, build: Build, language: Language, docs: Path) -> None:
    """A language's hand-written pages out of the nav, its not-found page, its scripts' words and its menu."""
    for file in files.documentation_pages():
        if file.src_uri.startswith(language.prefix):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    not_found = File.generated(
        config, f"{language.prefix}404.md", content=not_found_page(language), inclusion=InclusionLevel.NOT_IN_NAV
    )
    not_found.dest_uri = f"{language.prefix}404.html"
    files.append(not_found)
    messages = script_messages(language, docs / "javascripts")
    files.append(File.generated(config, f"javascripts/messages.{language.code}.js", content=messages))
    build.navigations[language.code] = _navigation(config.nav or [], files, config, language)


def _translated_nav(entries: Any, language: Language) -> Any:
    """mkdocs.yml's menu in `language`: each title from the catalog, each page under the language's prefix."""
    if isinstance(entries, list):
        return [_translated_nav(entry, language) for entry in entries]
    if isinstance(entries, dict):
        return {
            language.gettext(title): _translated_nav(value, language) if not isinstance(value, str)
            else language.path(value)
            for title, value in entries.items()
        }  # fmt: skip
    return language.path(entries)


def _navigation(nav: Any, files: Files, config: MkDocsConfig, language: Language) -> Navigation:
    """The menu of a language's pages, made as MkDocs makes its own (`get_navigation`), but only for these pages:
    MkDocs' whole-site function would also make every English page without a menu title first."""
    items = _data_to_navigation(_translated_nav(nav, language), files, config)
    items = items if isinstance(items, list) else [items]
    pages = _get_by_type(items, Page)
    _add_previous_and_next_links(pages)
    _add_parent_links(items)
    return Navigation(items, pages)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Every page's address (for the language switch) and, for each other language, the config the theme sees."""
    build = build_of(config)
    build.pages = {_own(file.url) for file in files.documentation_pages()}
    for language in build.languages[1:]:
        edition = build.editions[language.code]
        site = edition.catalog.site
        extra = dict(config.extra) | {
            "hub_crisis_bar": theme_values(crisis_bar(site, language)),
            "homepage": language.prefix,
        }
        theme = LanguageView(config.theme, language=language.code, locale=language.locale)
        build.views[language.code] = LanguageView(
            config,
            site_name=theme_text(site.title),
            site_description=theme_text(" ".join(site.description.split())),
            extra=extra,
            theme=theme,
        )
    return nav


def _page_languages(build: Build, url: str, config: MkDocsConfig) -> dict[str, Any]:
    """What the theme needs to know about a page's language: its code and prefix, the switch to each other
    language (the same page when it exists there, else that language's home), the alternates for search engines,
    the English original of a translated page, and the words a build's date is written in."""
    url = _own(url)
    edition = build.edition_at(url)
    language = edition.language
    own = url.removeprefix(language.prefix)
    switch, alternates = [], []
    site_url = with_slash(str(config.site_url)) if config.site_url else ""
    for other in build.languages:
        counterpart = other.path(own)
        exists = counterpart in build.pages or own == "404.html"
        if other is not language:
            path = counterpart if exists else other.prefix
            switch.append({"code": other.code, "name": other.name, "path": path or "./"})
        if exists and site_url and own != "404.html":
            alternates.append({"lang": other.code, "href": site_url + counterpart})
    day = build_time().date()
    return {
        "lang": language.code,
        "prefix": language.prefix,
        "switch": switch,
        "alternates": alternates if len(alternates) > 1 else [],
        "updated": build_date() if language.is_source else language.day(day),
        "scripts": "" if language.is_source else f"javascripts/messages.{language.code}.js",
        "synonyms": synonyms_file(language),
    }


def _own(url: str) -> str:
    """A page's address as the pages set keeps it: the home page is `` (MkDocs calls it `./`)."""
    return "" if url == "./" else url


def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    """The page's language for the theme: its words (`_`), the switch and, on a page in another language, the config
    view and menu of that language."""
    build = build_of(config)
    edition = build.edition_at(page.url)
    context.update(edition.language.theme_callables)
    context["hub"] = _page_languages(build, page.url, config)
    if not edition.language.is_source:
        context["config"] = build.views[edition.language.code]
        context["nav"] = build.navigations[edition.language.code]
    return context


def on_template_context(context: Any, template_name: str, config: MkDocsConfig) -> Any:
    """Theme templates that are not pages (the not-found page at the root, the sitemap) are in the source language."""
    build = build_of(config)
    context.update(build.source.language.theme_callables)
    context["hub"] = _page_languages(build, template_name, config)
    return context


_H1_END = re.compile(r"</h1>")
NOTES_HERE = "<!-- hub:page-notes -->"
"""Where a page whose h1 belongs to a document (My learning's certificate and record) wants its notes instead."""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """On a page in another language, under its title (or where the page marks, `NOTES_HERE`): that it is the hub's
    translation, with a link to the English original, and, once, that some parts are only in English (they carry
    `lang="en"`)."""
    build = build_of(config)
    language = build.edition_at(page.url).language
    if language.is_source or page.meta.get("template") == "404.html":
        return html
    own = _own(page.url).removeprefix(language.prefix)
    original = (own or "./") if own in build.pages else ""
    notes = page_notes(language, page.url, original, 'lang="en"' in html, bool(page.meta.get("hub_untranslated")))
    if NOTES_HERE in html:
        return html.replace(NOTES_HERE, notes, 1)
    found = _H1_END.search(html)
    return html[: found.end()] + notes + html[found.end() :] if found else notes + html


def on_post_build(config: MkDocsConfig) -> None:
    """Swap the finished site into place, unless a strict build is about to fail on warnings."""
    build = build_of(config)
    staging = build.staging
    if not (config.strict and staging is not None and staging.warned):
        site, docs = Path(config.site_dir), Path(config.docs_dir)
        documents = [
            index_documents(site, docs, build.search_labels, build.languages, only=language)
            for language in build.languages
        ]
        synonyms = {
            synonyms_file(language): synonyms_json(build.catalog.synonyms, language.code)
            for language in build.languages
        }
        try:
            report = write_index(documents, site, synonyms)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        log.info(f"Search: indexed {report.pages} pages in {report.seconds:.1f} s")
    detach(config)
    if staging is None:
        return
    if config.strict and staging.warned:
        log.warning("The site was not replaced: the build has warnings and strict mode is on.")
        staging.close()
        return
    staging.publish()
    config.site_dir = str(staging.final)
