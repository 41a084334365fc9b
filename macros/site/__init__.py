"""Catalog → HTML: relations between items, one Jinja environment, item pages, listings, facets, search."""
