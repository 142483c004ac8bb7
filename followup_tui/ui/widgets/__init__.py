"""Reusable widgets with their own DEFAULT_CSS; they post messages and never save."""
