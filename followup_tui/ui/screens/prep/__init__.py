"""The prep screens and dialogs."""
