"""Use of the data beyond one screen: autosave, the bank, import/export, doctor, demo data."""
