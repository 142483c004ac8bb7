"""The French debriefs of the card fixtures."""

from __future__ import annotations

from tests.domain.fixtures_cards.cases import Case

FRENCH = (
    Case(
        "fr-atelier",
        "fr",
        "Atelier Lumière SAS",
        "ingénieure produit",
        (("Claire Martin", ""),),
        moment="la visite de l'atelier",
        additions=("J'ai dirigé la refonte de l'application mobile.",),
        why="Je veux créer des objets utiles avec votre équipe.",
    ),
    Case(
        "fr-madame",
        "fr",
        "Mairie de Lyon",
        "chargée de communication",
        (("Mme Isabelle Roux", ""),),
        moment="comment vous préparez les conseils de quartier",
        additions=("J'ai géré les réseaux sociaux d'une ville de 80 000 habitants.",),
        why="parce que la vie locale me passionne",
    ),
    Case(
        "fr-monsieur-video",
        "fr",
        "Datavisio SARL",
        "analyste de données",
        (("Julien Dubois", "M. Dubois"),),
        format="video",
        moment="La démonstration de votre tableau de bord était très claire.",
        additions=("J'ai automatisé les rapports mensuels de trois services.",),
        why="J'ai envie d'apprendre auprès d'une équipe qui décide avec les données.",
    ),
    Case(
        "fr-telephone",
        "fr",
        "Hôpital Saint-Louis",
        "infirmier",
        (("Nathalie Petit", ""),),
        format="phone",
        additions=("J'ai travaillé cinq ans en service de cardiologie.",),
        why="Je veux me former aux soins intensifs.",
    ),
    Case(
        "fr-equipe",
        "fr",
        "Boulangerie Dupain",
        "vendeuse",
        (),
        to=-1,
        moment="l'ambiance du fournil",
        why="J'aime commencer la journée avec l'odeur du pain.",
    ),
    Case(
        "fr-deux-points",
        "fr",
        "Bâtiments Durables SA",
        "cheffe de chantier",
        (("Marc Lefèvre", ""),),
        moment="la visite du chantier de Villeurbanne",
        additions=(
            "J'ai dirigé des chantiers de soixante logements.",
            "Je suis titulaire d'un diplôme en prévention des risques.",
        ),
        why="parce que je veux construire des logements qui durent",
    ),
    Case(
        "fr-elision",
        "fr",
        "Orange Business",
        "ingénieur réseau",
        (("Pr. Hélène Girard", ""),),
        moment="les échanges sur la fibre en zone rurale",
        additions=("J'ai déployé le réseau d'un campus de 4 000 étudiants.",),
        why="Je veux relier les territoires oubliés.",
    ),
    Case(
        "fr-sans-jour",
        "fr",
        "Éditions du Quai",
        "correctrice",
        (("Sophie Laurent", ""),),
        when="2026-10-01 10:00",
        moment="la présentation de votre collection jeunesse",
        additions=("J'ai corrigé plus de quarante ouvrages de non-fiction.",),
        why="J'aime qu'un livre sorte impeccable.",
    ),
    Case(
        "fr-long",
        "fr",
        "Fondation Horizon",
        "chargée de projets",
        (("Thomas Moreau", ""),),
        moment="la présentation du programme pour l'emploi des jeunes",
        additions=(
            "Dans mon poste précédent, j'ai conçu et coordonné des programmes de formation pour des jeunes "
            "sans emploi, géré les subventions publiques et privées qui les finançaient, rédigé les bilans "
            "demandés par chaque financeur et accompagné plus de deux cents participants jusqu'à "
            "leur premier contrat, en lien avec les entreprises de toute la région.",
        ),
        why="Je veux que plus de jeunes trouvent leur premier emploi.",
    ),
    Case(
        "fr-sans-poste",
        "fr",
        "Pépinières du Val",
        "",
        (("M. Bernard Roche", ""),),
        moment="la promenade dans les serres",
        additions=("J'ai un diplôme en horticulture.",),
        why="J'aime travailler dehors.",
    ),
)
