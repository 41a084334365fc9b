"""MkDocs events: load the content once, add the output files and one page per item, swap the site in when good.

MkDocs imports this file by path; with macros/edge/entry.py it is the only code that knows about MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros.content.load import load_catalog
from macros.content.problems import ContentError
from macros.edge.build import Build, Staging, attach, build_of, detach
from macros.edge.item_page import ItemPage
from macros.edge.theme import theme_text, theme_values
from macros.outputs.base import BuildInfo
from macros.outputs.producers import generate_files
from macros.publish.editor import bundle, settings
from macros.publish.project import DEFAULT_SITE_URL, build_date, build_time, commit, public_url, with_slash
from macros.publish.search_index import SearchIndexError, write_index
from macros.site.listings import crisis_bar
from macros.site.pages import generate_pages
from macros.site.search import index_documents, synonyms_json

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check every YAML file before MkDocs touches the output folder."""
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: use_directory_urls must stay true; generated links assume it")
    if url := public_url():
        config.site_url = url  # the deploy workflow passes the Pages address as SITE_URL
    project = Path(config.config_file_path).parent
    try:
        catalog = load_catalog(project / "sessions", config.docs_dir, root=project)
    except ContentError as error:
        raise PluginError(error.report()) from None
    staging = Staging.beside(Path(config.site_dir))
    attach(config, Build.start(catalog, staging))
    config.site_dir = str(staging.folder)
    # One source, sessions/site.yaml; each value escaped once as it is handed to the theme (macros/edge/theme.py).
    config.site_name = theme_text(catalog.site.title)
    config.site_description = theme_text(" ".join(catalog.site.description.split()))
    config.extra["hub_crisis_bar"] = theme_values(crisis_bar(catalog.site))
    config.extra["hub_build"] = theme_values({"date": build_date(), "commit": commit(project)})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Make the output files, then the item pages (which show the files' sizes); item pages stay out of the nav."""
    build = build_of(config)
    site_url = with_slash(str(config.site_url or DEFAULT_SITE_URL))
    info = BuildInfo(site_url=site_url, now=build_time(), editor=settings())
    build.keep_outputs(generate_files(build.catalog, build.relations, info))
    for output in build.outputs.values():
        files.append(File.generated(config, output.path, content=output.content))
    for path, source in bundle(Path(config.config_file_path).parent).items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    pages = generate_pages(build.catalog, build.relations, build.file_sizes, Path(config.docs_dir))
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"docs/{page.src_uri} is written by hand, but the page {page.path} is generated from "
                f"sessions/; rename or remove docs/{page.src_uri}"
            )
        ItemPage.add(page, files, config)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Swap the finished site into place, unless a strict build is about to fail on warnings."""
    build = build_of(config)
    staging = build.staging
    if not (config.strict and staging is not None and staging.warned):
        site, docs = Path(config.site_dir), Path(config.docs_dir)
        documents = index_documents(site, docs, build.search_labels)
        try:
            report = write_index(documents, site, synonyms_json(build.catalog.synonyms))
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
