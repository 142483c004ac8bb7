"""The insights screens and dialogs."""
