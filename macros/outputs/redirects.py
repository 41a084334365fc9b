"""The producer of redirect pages: a small HTML file at each old address, as mkdocs-redirects writes them.

A meta refresh sends browsers on at once, the canonical link tells search engines where the page lives now, and a
visible link serves anyone whose browser does not follow the refresh. The pages stay out of the sitemap.
"""

from __future__ import annotations

from macros.content import model as m
from macros.content.aliases import redirects
from macros.content.routes import relative
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.relations import Relations
from macros.site.render import render


def redirect_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    """`<old address>/index.html` for every alias, in the language's part of the site; relative targets keep working
    under any base path."""
    language = info.language
    files = []
    for redirect in redirects(catalog, language):
        old, new = language.path(redirect.old), language.path(redirect.new)
        html = render(
            "redirect.html",
            old,
            language,
            title=redirect.title,
            target=relative(old, new),
            canonical=f"{info.site_url}{new}",
        )
        files.append(OutputFile(f"{old}index.html", (html + "\n").encode("utf-8")))
    return files
