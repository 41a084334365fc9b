"""Item pages are HTML already: MkDocs gets them as pages that skip the Markdown round trip.

A plain generated page would be read as front matter plus one raw HTML block, which Python-Markdown parses again
and MkDocs scans again for anchors: about half of all Markdown time in a large build. This page takes its title,
and HTML as given, and its anchors from `GeneratedPage.anchor_ids`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from macros.edge.theme import theme_text
from macros.site.pages import GeneratedPage


class ItemPage(Page):
    """A MkDocs page whose content is a `GeneratedPage`'s HTML, out of the nav."""

    def __init__(self, generated: GeneratedPage, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    @classmethod
    def add(cls, generated: GeneratedPage, files: Files, config: MkDocsConfig) -> ItemPage:
        file = File.generated(config, generated.src_uri, content=generated.html, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        return cls(generated, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        """Themes print `page.title` without escaping, so the title is stored escaped; no template code runs here."""
        self.markdown = ""
        self.meta = {"title": theme_text(self.generated.title), "render_macros": False}
        if self.generated.untranslated:  # its notes say the whole text is in English (macros/edge/hooks.py)
            self.meta["hub_untranslated"] = True
        if self.generated.title_lang:  # the header shows the title: marked English there too (overrides/partials)
            self.meta["hub_title_lang"] = self.generated.title_lang

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.generated.html
        self.toc = get_toc([])
        self.present_anchor_ids = self.generated.anchor_ids
