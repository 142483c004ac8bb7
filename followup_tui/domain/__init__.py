"""The domain: models and pure functions over them (no Textual, no storage)."""
