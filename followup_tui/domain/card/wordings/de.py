"""The card's German wordings: Sie-form, a greeting that guesses no gender, original to followup.

"Liebe Frau …" / "Lieber Herr …" (and "Sehr geehrte …") appear only when the user wrote the
salutation in how the interviewer is addressed. As in a German letter, the line after the
greeting's comma starts in lower case, and the sign-off has no comma.
"""

from __future__ import annotations

from followup_tui.domain.card.wordings import Frame, Phrasing, RoleWords, Thanks, Wording

WORDINGS: tuple[Wording, ...] = (
    Wording(
        greeting="Guten Tag {name},",
        greeting_titled="Guten Tag {name},",
        greeting_team="Liebes Team{team},",
        thanks=Thanks(
            onsite="vielen Dank, dass Sie sich{when} Zeit für mich genommen haben, "
            "um über {role} zu sprechen.",
            video="vielen Dank für das Videogespräch{when} über {role}.",
            phone="vielen Dank für das Telefonat{when} über {role}.",
        ),
        enjoyed="Besonders gefallen hat mir {x}.",
        enjoyed_clause="Besonders gefallen hat mir, {x}.",
        add_one="Eines möchte ich gern noch ergänzen.",
        add_many="{N} Dinge möchte ich gern noch ergänzen.",
        closing="Ich freue mich darauf, von Ihnen zu hören.",
        sign_off="Viele Grüße",
        day=" am {day}",
        saluted={"frau": "Liebe {name},", "herr": "Lieber {name},"},
    ),
    Wording(
        greeting="Guten Tag {name},",
        greeting_titled="Guten Tag {name},",
        greeting_team="Sehr geehrte Damen und Herren,",
        thanks=Thanks(
            onsite="herzlichen Dank, dass ich mich{when} bei Ihnen persönlich für {role} vorstellen durfte.",
            video="herzlichen Dank, dass ich mich{when} im Videogespräch für {role} vorstellen durfte.",
            phone="herzlichen Dank, dass ich mich{when} telefonisch für {role} vorstellen durfte.",
        ),
        enjoyed="In guter Erinnerung bleibt mir {x}.",
        enjoyed_clause="In guter Erinnerung bleibt mir, {x}.",
        add_one="Zu unserem Gespräch möchte ich noch etwas ergänzen.",
        add_many="Zu unserem Gespräch möchte ich noch {n} Punkte ergänzen.",
        closing="Über eine Rückmeldung von Ihnen würde ich mich sehr freuen.",
        sign_off="Mit freundlichen Grüßen",
        day=" am {day}",
        saluted={"frau": "Sehr geehrte {name},", "herr": "Sehr geehrter {name},"},
    ),
    Wording(
        greeting="Hallo {name},",
        greeting_titled="Guten Tag {name},",
        greeting_team="Liebes Team{team},",
        thanks=Thanks(
            onsite="haben Sie vielen Dank für Ihre Zeit{when} und das offene Gespräch über {role}.",
            video="haben Sie vielen Dank für das offene Videogespräch{when} über {role}.",
            phone="haben Sie vielen Dank für das offene Telefonat{when} über {role}.",
        ),
        enjoyed="Am meisten beeindruckt hat mich {x}.",
        enjoyed_clause="Am meisten beeindruckt hat mich, {x}.",
        add_one="Rückblickend möchte ich einen Punkt klarstellen.",
        add_many="Rückblickend möchte ich {n} Punkte klarstellen.",
        closing="Gern würde ich unser Gespräch bald fortsetzen.",
        sign_off="Herzliche Grüße",
        day=" am {day}",
        saluted={"frau": "Liebe {name},", "herr": "Lieber {name},"},
    ),
)
"""The German sets."""

NUMBER_WORDS: dict[int, str] = {2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs"}
"""Counts in words for ``{n}``."""

FRAME = Frame(
    language="de",
    wordings=WORDINGS,
    role=RoleWords(
        both="die Stelle als {role} bei {company}",
        role_only="die Stelle als {role}",
        company_only="die Stelle bei {company}",
        neither="die Stelle",
    ),
    team=" von {company}",
    nobody="",
    numbers=NUMBER_WORDS,
    several="einige",
    drive={
        "weil": "Diese Stelle liegt mir am Herzen, {x}.",
        "da": "Diese Stelle liegt mir am Herzen, {x}.",
        "um": "Ich würde sehr gern bei Ihnen arbeiten, {x}.",
    },
    answer="Zu Ihrer Frage „{q}“:",
    you_words=frozenset({"Sie", "Ihr", "Ihre", "Ihnen", "Ihren", "Ihrem", "Ihrer", "Ihres"}),
    you_case=True,
    titles={},
    phrasing=Phrasing(
        phrase_starts=frozenset(
            {
                "der",
                "die",
                "das",
                "ein",
                "eine",
                "ihr",
                "ihre",
                "unser",
                "unsere",
                "dieser",
                "diese",
                "dieses",
            }
        ),
        clause_starts=frozenset({"wie", "was", "warum", "wann", "wo", "wer", "welche", "ob", "dass"}),
        verbs=frozenset(
            {
                "ist",
                "war",
                "sind",
                "waren",
                "hat",
                "hatte",
                "haben",
                "hatten",
                "wird",
                "wurde",
                "habe",
                "bin",
                "fand",
                "gefiel",
                "gefällt",
                "kann",
                "konnte",
                "möchte",
            }
        ),
        keep_capital=frozenset({"ihr", "ihre"}),
    ),
)
"""Everything a German card says around the user's sentences."""
