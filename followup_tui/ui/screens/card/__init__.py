"""The card screens and dialogs."""
