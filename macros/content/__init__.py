"""YAML → Catalog: specs, checks, the loader, the model, the table of kinds and routes. No MkDocs, no rendering."""
