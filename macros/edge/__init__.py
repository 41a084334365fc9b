"""The MkDocs edge: the hook, the mkdocs-macros entry and the build object they share. Only here is MkDocs."""
