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
    """`<old address>/index.html` for every alias; relative targets keep working under any base path."""
    files = []
    for redirect in redirects(catalog):
        html = render(
            "redirect.html",
            redirect.old,
            title=redirect.title,
            target=relative(redirect.old, redirect.new),
            canonical=f"{info.site_url}{redirect.new}",
        )
        files.append(OutputFile(f"{redirect.old}index.html", (html + "\n").encode("utf-8")))
    return files
