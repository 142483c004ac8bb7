"""Debriefs read as the interviewer who gets the card would, each kept with the card it gave.

``all_cases.CASES`` holds the debriefs, one module per language (the shape in ``cases.py``):
twenty in English (the list of issue 26: a nurse, a line cook, a
staff engineer before a panel of three, a teacher, a sales rep, a designer, lower case with
typos, second person, an 80-word addition, a health condition, a former boss, nothing written,
and more) and ten in each of German, Spanish and French. ``<name>.txt`` beside this file is the
card each gave, read by us before it was kept; ``tests/domain/test_card_fixtures.py`` asserts it.
"""
