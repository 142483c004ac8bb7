"""The card's French wordings: vous register, no agreement that guesses a gender, original to followup.

"Cher Monsieur …" / "Chère Madame …" appear only when the user wrote the salutation in how the
interviewer is addressed; "M." and "Mme" are written in full in the greeting, as French does.
"""

from __future__ import annotations

from followup_tui.domain.card.wordings import Frame, Phrasing, RoleWords, Thanks, Wording

WORDINGS: tuple[Wording, ...] = (
    Wording(
        greeting="Bonjour {name},",
        greeting_titled="Bonjour {name},",
        greeting_team="Bonjour à toute l'équipe{team},",
        thanks=Thanks(
            onsite="Merci beaucoup pour votre accueil et pour notre entretien{when} concernant {role}.",
            video="Merci beaucoup pour notre échange{when} en visioconférence concernant {role}.",
            phone="Merci beaucoup pour notre échange téléphonique{when} concernant {role}.",
        ),
        enjoyed="J'ai particulièrement apprécié {x}.",
        enjoyed_clause="J'ai trouvé très intéressant de voir {x}.",
        add_one="J'aimerais ajouter une chose.",
        add_many="J'aimerais ajouter {n} choses.",
        closing="Au plaisir d'avoir de vos nouvelles.",
        sign_off="Bien cordialement,",
        day=" de {day}",
    ),
    Wording(
        greeting="Bonjour {name},",
        greeting_titled="Bonjour {name},",
        greeting_team="Madame, Monsieur,",
        thanks=Thanks(
            onsite="Je vous remercie du temps que vous m'avez consacré{when} et de notre échange sur {role}.",
            video="Je vous remercie du temps que vous m'avez consacré{when} en visioconférence "
            "et de notre échange sur {role}.",
            phone="Je vous remercie du temps que vous m'avez consacré{when} au téléphone "
            "et de notre échange sur {role}.",
        ),
        enjoyed="J'ai beaucoup apprécié {x}.",
        enjoyed_clause="J'ai trouvé passionnant de découvrir {x}.",
        add_one="Je souhaite compléter mes réponses sur un point.",
        add_many="Je souhaite compléter mes réponses sur {n} points.",
        closing="J'espère que nous aurons l'occasion de poursuivre cette conversation.",
        sign_off="Cordialement,",
        day=" {day}",
        saluted={"m": "Cher {name},", "mme": "Chère {name},", "mlle": "Chère {name},"},
    ),
    Wording(
        greeting="Bonjour {name},",
        greeting_titled="Bonjour {name},",
        greeting_team="Bonjour à toute l'équipe{team},",
        thanks=Thanks(
            onsite="Un grand merci pour notre rencontre{when} et pour la discussion sur {role}.",
            video="Un grand merci pour notre échange vidéo{when} et pour la discussion sur {role}.",
            phone="Un grand merci pour notre appel{when} et pour la discussion sur {role}.",
        ),
        enjoyed="J'ai surtout retenu {x}.",
        enjoyed_clause="Ce qui m'a marqué, c'est de voir {x}.",
        add_one="Avec le recul, je tiens à préciser un point.",
        add_many="Avec le recul, je tiens à préciser {n} points.",
        closing="Au plaisir d'échanger à nouveau avec vous.",
        sign_off="Bien à vous,",
        day=" de {day}",
        saluted={"m": "Cher {name},", "mme": "Chère {name},", "mlle": "Chère {name},"},
    ),
)
"""The French sets."""

NUMBER_WORDS: dict[int, str] = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six"}
"""Counts in words for ``{n}``."""

FRAME = Frame(
    language="fr",
    wordings=WORDINGS,
    role=RoleWords(
        both="le poste de {role} chez {company}",
        role_only="le poste de {role}",
        company_only="le poste chez {company}",
        neither="le poste",
        lower_case=True,
    ),
    team=" de {company}",
    nobody="",
    numbers=NUMBER_WORDS,
    several="plusieurs",
    drive={
        "parce": "Ce poste me tient à cœur {x}.",
        "car": "Ce poste me tient à cœur, {x}.",
        "pour": "J'aimerais beaucoup rejoindre votre équipe {x}.",
    },
    answer="À propos de votre question « {q} » :",
    you_words=frozenset({"vous", "votre", "vos"}),
    titles={"m": "Monsieur", "mme": "Madame", "mlle": "Mademoiselle", "dr": "Docteur", "pr": "Professeur"},
    phrasing=Phrasing(
        phrase_starts=frozenset(
            {"le", "la", "les", "l'", "un", "une", "votre", "vos", "notre", "nos", "ce", "cette", "ces"}
        ),
        clause_starts=frozenset({"comment", "pourquoi", "quand", "combien", "où"}),
        verbs=frozenset(
            {"est", "était", "a", "ont", "avait", "sont", "étaient", "fut", "m'a", "j'ai", "c'était", "c'est"}
        ),
    ),
    elide=("de",),
)
"""Everything a French card says around the user's sentences."""
