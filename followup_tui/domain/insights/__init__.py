"""Insights across interviews: counting and wording."""
