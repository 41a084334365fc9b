"""Lists that hand-written pages show: every item of a kind, and the help lines. Pure functions of the catalog."""

from __future__ import annotations

from macros import model as m
from macros.indexes import Indexes
from macros.render import render
from macros.urls import tel_href

KINDS = ("trainings", "series", "people", "topics", "programs", "services")


def index_of(kind: str, catalog: m.Catalog, index: Indexes, here: str) -> str:
    """Every item of `kind`, linked, for the section's landing page at `here`."""
    if kind not in KINDS:
        raise ValueError(f"index_of({kind!r}): unknown kind; use one of: {', '.join(KINDS)}")
    return render("index.html", here, kind=kind, catalog=catalog, index=index)


def help_lines(catalog: m.Catalog, here: str) -> str:
    """The site's help lines with call, text and chat links that work on a phone."""
    return render("help_lines.html", here, catalog=catalog, site=catalog.site)


def banner_links(site: m.Site) -> list[dict[str, str]]:
    """Label and `tel:` target of each help line with a phone, for the banner the theme shows on every page."""
    links = []
    for line in site.help_lines:
        if not line.phone:
            continue
        label = line.short_name or line.name
        if line.phone not in label:
            label = f"{label}: {line.phone}"
        links.append({"label": label, "href": tel_href(line.phone)})
    return links
