"""How the thank-you card screen looks: who it is for, its state, the editor, the meter, the flags.

The screen carries these rules as its ``DEFAULT_CSS`` rather than in a CSS file of its own:
Textual reads a screen's CSS file the first time the screen is pushed, and then parses every
stylesheet of the app again and restyles every widget of every screen (the home rows too),
about 35 ms of CPU at 1,000 interviews. ``DEFAULT_CSS`` is only added to the rules.
"""

CARD_CSS = """
CardScreen #card-to { padding: 0 1; text-style: bold; }
CardScreen #card-state { padding: 0 1; color: $text-muted; }
CardScreen #card-state.-due { color: $warning; }
CardScreen #card-missing { padding: 0 1; max-height: 4; color: $warning; display: none; }
CardScreen #card-missing.-shown { display: block; }
CardScreen #card-not-yet { padding: 1 1; display: none; }
CardScreen #card-text { height: 1fr; min-height: 5; }
CardScreen #card-meter { padding: 0 1; color: $success; }
CardScreen #card-meter.-short { color: $warning; }
CardScreen #card-meter.-long { color: $error; text-style: bold; }
CardScreen #card-flags { padding: 0 1; max-height: 3; color: $text-muted; }
CardScreen #card-flags.-flagged { color: $warning; }
"""
"""The card screen's rules (ids as ``CardScreen.compose`` gives them)."""
