"""Screens grouped by feature, each with its dialogs."""
