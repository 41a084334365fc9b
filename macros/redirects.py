"""The producer of redirect pages: a small HTML file at each old address, as mkdocs-redirects writes them.

A meta refresh sends browsers on at once, the canonical link tells search engines where the page lives now, and a
visible link serves anyone whose browser does not follow the refresh. The pages stay out of the sitemap.
"""

from __future__ import annotations

from macros import model as m
from macros.aliases import redirects
from macros.indexes import Indexes
from macros.outputs import BuildInfo, OutputFile
from macros.render import render
from macros.routes import relative


def redirect_files(catalog: m.Catalog, index: Indexes, info: BuildInfo) -> list[OutputFile]:
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
