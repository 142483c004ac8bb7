"""The card's Spanish wordings: usted register, no guessed gender, original to followup.

The greeting ends with a colon, as a Spanish letter's does. "Estimada Sra. …" / "Estimado
Sr. …" appear only when the user wrote the salutation in how the interviewer is addressed.
The frame never says "le" or "usted" itself, so a card to a whole team reads as well.
"""

from __future__ import annotations

from followup_tui.domain.card.wordings import Frame, Phrasing, RoleWords, Thanks, Wording

_SALUTED = {
    "sr": "Estimado {name}:",
    "don": "Estimado {name}:",
    "dr": "Estimado {name}:",
    "sra": "Estimada {name}:",
    "srta": "Estimada {name}:",
    "doña": "Estimada {name}:",
    "dra": "Estimada {name}:",
}

WORDINGS: tuple[Wording, ...] = (
    Wording(
        greeting="Hola, {name}:",
        greeting_titled="Buenos días, {name}:",
        greeting_team="Estimado equipo{team}:",
        thanks=Thanks(
            onsite="Muchas gracias por recibirme{when} para hablar sobre {role}.",
            video="Muchas gracias por atenderme{when} por videollamada para hablar sobre {role}.",
            phone="Muchas gracias por atenderme{when} por teléfono para hablar sobre {role}.",
        ),
        enjoyed="Valoré mucho {x}.",
        enjoyed_clause="Me pareció muy interesante {x}.",
        add_one="Me gustaría añadir una cosa.",
        add_many="Me gustaría añadir {n} cosas.",
        closing="Quedo a la espera de sus noticias.",
        sign_off="Un cordial saludo,",
        day=" el {day}",
        saluted=_SALUTED,
    ),
    Wording(
        greeting="Buenos días, {name}:",
        greeting_titled="Buenos días, {name}:",
        greeting_team="Estimado equipo{team}:",
        thanks=Thanks(
            onsite="Agradezco mucho el tiempo dedicado{when} y nuestra conversación sobre {role}.",
            video="Agradezco mucho el tiempo dedicado{when} en la videollamada sobre {role}.",
            phone="Agradezco mucho el tiempo dedicado{when} en la llamada sobre {role}.",
        ),
        enjoyed="Aprecié especialmente {x}.",
        enjoyed_clause="Me resultó especialmente interesante {x}.",
        add_one="Quisiera hacer una aclaración.",
        add_many="Quisiera hacer {n} aclaraciones.",
        closing="Espero que podamos seguir conversando pronto.",
        sign_off="Saludos cordiales,",
        day=" el {day}",
        saluted=_SALUTED,
    ),
    Wording(
        greeting="Hola, {name}:",
        greeting_titled="Buenos días, {name}:",
        greeting_team="Hola, equipo{team}:",
        thanks=Thanks(
            onsite="Gracias por la agradable conversación{when} sobre {role}.",
            video="Gracias por la agradable videollamada{when} sobre {role}.",
            phone="Gracias por la agradable llamada{when} sobre {role}.",
        ),
        enjoyed="Disfruté especialmente {x}.",
        enjoyed_clause="Me llamó la atención {x}.",
        add_one="Pensándolo bien, quisiera precisar una cuestión.",
        add_many="Pensándolo bien, quisiera precisar {n} cuestiones.",
        closing="Será un placer volver a conversar.",
        sign_off="Atentamente,",
        day=" del {day}",
        saluted=_SALUTED,
    ),
)
"""The Spanish sets (every counted noun is feminine, so "varias" fits them all)."""

NUMBER_WORDS: dict[int, str] = {2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis"}
"""Counts in words for ``{n}``."""

FRAME = Frame(
    language="es",
    wordings=WORDINGS,
    role=RoleWords(
        both="el puesto de {role} en {company}",
        role_only="el puesto de {role}",
        company_only="el puesto en {company}",
        neither="el puesto",
        lower_case=True,
    ),
    team=" de {company}",
    nobody="",
    numbers=NUMBER_WORDS,
    several="varias",
    drive={
        "porque": "Este puesto me importa mucho {x}.",
        "para": "Me encantaría dar este paso {x}.",
    },
    answer="Sobre su pregunta «{q}»:",
    you_words=frozenset({"usted", "ustedes", "su", "sus", "tu", "tus"}),
    titles={},
    phrasing=Phrasing(
        phrase_starts=frozenset(
            {"el", "la", "los", "las", "un", "una", "su", "sus", "nuestro", "nuestra", "este", "esta"}
        ),
        clause_starts=frozenset({"cómo", "qué", "cuándo", "dónde", "quién", "cuánto", "cuánta"}),
        verbs=frozenset(
            {
                "es",
                "fue",
                "era",
                "son",
                "fueron",
                "está",
                "estaba",
                "estuvo",
                "hay",
                "había",
                "tiene",
                "tenía",
                "ha",
                "han",
                "gustó",
                "encantó",
                "pareció",
            }
        ),
        suffixes=("ar", "er", "ir"),
    ),
)
"""Everything a Spanish card says around the user's sentences."""
