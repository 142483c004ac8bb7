"""Storage: the data file, its safety, migrations and the repository (no Textual)."""
