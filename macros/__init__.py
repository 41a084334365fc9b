"""The learning hub's code, by stage: content/ (YAML → Catalog), site/ (Catalog → HTML), outputs/ (files besides
pages), edge/ (the only MkDocs code), publish/ (build, check, swap). Importing this package loads nothing else."""
