"""The home screens and dialogs."""
