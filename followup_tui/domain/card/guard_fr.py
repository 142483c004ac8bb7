"""The card guard's French: where a word is a topic a card never raises, and where it is not.

Plain data with no Textual, read by ``guard``. The harmless spans keep "au pied levé",
"conditions de paiement", "les avantages du tutorat entre pairs" and "le traitement des données".
"""

from __future__ import annotations

import re

from followup_tui.domain.card.guard_rules import AMOUNT, FLAGS, GuardData, Rule, words

OTHERS = words(
    r"patient\w*|élèves?|(?<!mes\s)(?<!nos\s)enfants|clients?|clientèle|résident\w*|usagers?|utilisat\w+"
    r"|personnes|familles|collègues?|étudiant\w*|participant\w*|convives|bénéficiaires|leurs?|vos|votre"
    r"|service|projets?|app|appli\w*|plateforme|études?|formations?|ateliers?|cours|programmes?|produits?"
    r"|spécialis\w+|guide|soign\w+|femmes|mères|expérience|travaillé|travaille|infirmi\w+|master"
    r"|diplôme|unité|bloc|cabinet",
)
"""The people and work a condition belongs to when it is the job, not the user's own."""

_FAMILY = (
    r"(?:mère|maman|père|papa|parents|mari|femme|conjoint\w*|compagn\w+|frère|sœur|soeur|fils|fille|enfants?"
    r"|grand-\w+|oncle|tante|bébé)"
)
_FORMER = (
    r"(?:mon|ma|mes|notre|nos)\s+(?:(?:ancien\w*|ex-?|précédent\w*|dernier|dernière|actuel\w*)\s+)?"
    r"(?:patron\w*|chef\w*|manager\w*|responsable\w*|employeur\w*|entreprise|boîte|société|"
    r"équipe|direct\w+|collègues?"
    r"|supérieur\w*|poste|job|restaurant|école|agence|N\+1)"
    r"|(?:patron|chef|manager|employeur|entreprise|poste|boîte)\s+(?:précédent\w*|d'avant|d’avant)"
)
_BUSINESS = words(
    r"économis\w+|économies|chiffre d'affaires|chiffre d’affaires|CA|budgets?|ventes?|coûts?|dons?"
    r"|collect\w+|subventions?|contrats?|commandes?|utilisateurs|clients|abonnés|téléchargements|bénéfices?"
    r"|marge|financement\w*|levée de fonds|levé|investissement\w*|course|couru|réduit|réduction|loyer",
)
"""An amount in a sentence with one of these is a business figure ("40 000 € d'économies")."""

_NOTE = "On dirait une note pour vous-même : écrivez-le directement à la personne (« J’ai mené… »)."
_ADD = "Dites simplement ce que vous voulez ajouter."

DATA = GuardData(
    topics={
        "health": (
            Rule(
                words(
                    r"malad(?:e|ie|ies)|diagnostiqu\w+|diagnostic|handicap\w*|RQTH|dépression\w*"
                    r"|déprimé\w*|anxiété|troubles? anxieux"
                    r"|crises? d'angoisse|crises? d’angoisse|crises? de panique|TDAH|autis\w+|dyslexi\w+"
                    r"|bipolaire|stress post-?traumatique|santé mentale|cancer|tumeur"
                    r"|opéré\w*|opération|chirurgie|hospitalisé\w*|à l'hôpital|à l’hôpital|traitement"
                    r"|médicaments?|cachets|antidépresseurs?|insuline|thérapie"
                    r"|thérapeute|psy|psychologue|psychiatre|diabète|diabétique|épilep\w+|asthme"
                    r"|sourde?|aveugle|malvoyant\w*|malentendant\w*|appareils? auditifs?"
                    r"|AVC|infarctus|bless(?:ure|é|ée)s?|problèmes? de santé|raisons de santé|ma santé"
                    r"|remis\w* d[e']",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"arrêt(?:\s+(?:maladie|de travail))?|en arrêt|congé maladie|burn-?out"
                    r"|épuisement professionnel|migraines?|chimio\w*|covid long|dépression nerveuse"
                    r"|mon (?:médecin|diagnostic|traitement)|ma (?:maladie|santé)",
                ),
                not_for_others=True,
            ),
        ),
        "personal life": (
            Rule(
                words(
                    r"divorc\w+|séparé\w*|séparation|enceinte|grossesse|FIV|PMA|parcours de fertilité"
                    r"|veu(?:f|ve)|deuil|garde (?:de mes|des) enfants|accouch\w+",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"congé (?:maternité|paternité|parental)"
                    r"|mère célibataire|père célibataire|famille monoparentale|je suis seul\w* avec"
                    r"|obsèques|enterrement|funérailles|décès",
                    rf"{_FAMILY}(?:\s+\w+){{0,3}}\s+(?:est décédée?|est morte?|nous a quittés)",
                    rf"perdu (?:mon|ma|mes) {_FAMILY}",
                    rf"(?:je m'occupe|je m’occupe|m'occuper|m’occuper) de (?:mon|ma|mes) {_FAMILY}",
                    r"(?:récupérer|chercher|déposer) (?:mes|mon|ma) (?:enfants?|fils|fille|"
                    r"petit\w*) à (?:la crèche|l'école|l’école)",
                    r"(?:la|ma) crèche de (?:mon|ma|mes)",
                    r"à mon âge|mon âge",
                    r"trop vieu(?:x|lle)|trop âgé\w*",
                    r"j['’]ai\s+\d{2}\s+ans(?!\s+(?:d['’]expérience|d['’]ancienneté|de métier|de carrière))",
                    r"(?:proche|à quelques années) de (?:la|ma) retraite",
                    r"candidats plus jeunes",
                ),
                not_for_others=True,
            ),
        ),
        "complaints about past work": (
            Rule(
                words(
                    r"harcel\w+|harcèlement|toxiques?|horribles?|nul(?:le)?s?|incompétent\w*"
                    r"|une catastrophe|un cauchemar|un désastre|injust\w+|criait|hurlait|humili\w+"
                    r"|exploit\w+|n'écoutait jamais|n’écoutait jamais|mentait|a menti|paresseu\w+"
                    r"|pas professionnel\w*|mal géré\w*|mal dirigé\w*"
                    r"|s'attribuait|s’attribuait|s'est approprié|s’est approprié|détestais|(?:le|la) pire"
                    r"|chaotique|le chaos|méprisant\w*|ne me respectait|microgestion|micro-management",
                ),
                needs=words(_FORMER),
            ),
            Rule(
                words(
                    r"harcèlement (?:moral|au travail)|(?:j'ai été|j’ai été|été) harcelé\w*"
                    r"|(?:ambiance|environnement|culture) toxique|prud'hommes|prud’hommes",
                ),
            ),
        ),
        "pay": (
            Rule(
                words(
                    r"salaires?|salarial\w*|rémunération\w*|brut annuel|brut par an|net par mois|k€ brut"
                    r"|commissions?|primes?|variable|intéressement|stock-options|BSPCE|actions gratuites"
                    r"|TJM|taux journalier|(?:bien|mal|mieux) payé\w*"
                    r"|(?:me|nous) pa(?:y|i)(?:e|ent|ait|aient)|gagn(?:e|ais)\s+(?:\d|plus|moins|environ)"
                    r"|augmentation (?:de salaire|salariale)|prétentions|OTE"
                    r"|(?:mon|le|un|salaire|rémunération)\s+fixe|package (?:total|salarial|global)"
                    r"|rémunération globale",
                ),
            ),
            Rule(AMOUNT, unless=_BUSINESS),
        ),
        "benefits": (
            Rule(
                words(
                    r"avantages sociaux|(?:les|vos) avantages(?!\s+(?:du|de|des|pour|que|d'|d’))|mutuelle"
                    r"|prévoyance|tickets? restaurant|titres-restaurant|carte déjeuner|voiture de fonction"
                    r"|comité d'entreprise|comité d’entreprise|CSE|plan d'épargne|plan d’épargne|PEE"
                    r"|retraite complémentaire|prise en charge (?:du|de l') (?:transport|abonnement)",
                ),
            ),
        ),
        "holidays": (
            Rule(
                words(
                    r"(?:\d+|vingt-cinq|trente|combien de)\s+(?:jours\s+de\s+)?(?:congés|vacances)"
                    r"|congés payés|jours de congé|RTT|(?:mes|les) (?:congés|vacances)"
                    r"|en (?:congé|vacances)|vacances (?:prévues|réservées)|jours off|congé sabbatique",
                ),
            ),
        ),
        "notice periods": (
            Rule(
                words(
                    r"préavis",
                    r"(?:ma|la) démission (?:prend effet|court|sera effective)",
                ),
                unless=words(r"propriétaire|bailleur|bail|appartement|logement|location"),
            ),
        ),
    },
    harmless=(
        words(
            r"à l['’]aveugle",
            r"avantages?\s+(?:du|de|des|pour|d'|d’)|conditions de paiement"
            r"|traitement (?:des|de la|du|de l'|de l’) ?(?:données|commandes|demandes|dossiers|"
            r"signal|eau|image|information|texte)?"
            r"|(?:psychomotricien|ergothérapeute|orthophoniste|kinésithérapeute|art-thérapeute)\w*"
            r"|santé mentale (?:des|de nos|des jeunes|au travail pour)"
            r"|séparation des (?:responsabilités|tâches|rôles|déchets)|Commission européenne"
            r"|diagnostic (?:des|de la|du|d'|de) ?(?:pannes|réseau|système|situation|territoire)?"
            r"|à l'hôpital (?:où|depuis)|à l’hôpital (?:où|depuis)"
            r"|variable(?:s)? (?:d'environnement|d’environnement|du|de)|accompagnement (?:du|au) deuil"
            r"|au pied levé|prime (?:time|abord)|Amazon Prime|Prime Video|en arrêt (?:sur|devant)"
            r"|arrêt (?:de la|du|des) (?:production|service|machine|ligne)",
        ),
    ),
    self_words=re.compile(r"(?<!\w)(?:(?:je|me|moi|mon|ma|mes|nous|notre|nos)(?![\w-])|[jm]['’])", FLAGS),
    others=OTHERS,
    topic_hints={
        "health": "Votre santé vous appartient ; la carte n’en a pas besoin.",
        "personal life": "La vie privée peut rester privée ; la carte parle du poste.",
        "complaints about past work": "Pas de critiques d’un ancien poste ; dites ce qui vous attire.",
        "pay": "Le salaire se discute avec l’offre, pas sur la carte.",
        "benefits": "Les avantages viennent avec l’offre ; gardez-les pour ce moment.",
        "holidays": "Les congés se discutent avec l’offre, pas sur la carte.",
        "notice periods": "Le préavis et l’arrivée se règlent avec l’offre.",
    },
    phrases={
        "désolé": "Énoncez le fait calmement ; inutile de vous excuser.",
        "pardon": "Énoncez le fait calmement ; inutile de vous excuser.",
        "je m'excuse": "Une carte qui ajoute un détail convainc mieux qu’une carte qui s’excuse.",
        "j'ai oublié": "Dites ce que vous voulez ajouter ; inutile de préciser que vous l’avez oublié.",
        "je n'ai pas mentionné": _ADD,
        "j'aurais dû": "Dites ce que vous aimeriez ajouter maintenant.",
        "stressé": "Tout le monde est stressé ; la carte parle du poste, pas du trac.",
        "désespéré": "Motivé, c’est bien ; désespéré, non.",
        "gêné": "Laissez de côté ce que vous avez ressenti ; ajoutez le détail.",
        "je ne suis pas doué": "Décrivez plutôt ce que vous faites bien.",
        "je voulais juste": "Enlevez le « juste » et dites-le simplement.",
        "une autre chance": "Proposez de poursuivre la conversation plutôt que de demander une autre chance.",
        "mon erreur": "Nommez le détail à ajouter, pas l’erreur.",
        "j'ai raté": "Laissez le verdict de côté ; ajoutez le détail.",
        "bête": "Laissez de côté les mots durs envers vous-même.",
        "j'espère que cela ne vous dérange pas": "Dites-le directement.",
        "vous devez savoir": "Présentez-le comme un fait sur votre travail ; la carte ne leur demande rien.",
        "dis-lui": _NOTE,
        "mentionner que": _NOTE,
        "penser à dire": _NOTE,
        "note pour moi": _NOTE,
    },
    patterns={
        "désolé": r"désolée?s?",
        "pardon": r"pardon|excusez-moi",
        "je m'excuse": r"je m['’]excuse|toutes mes excuses|mes excuses",
        "j'ai oublié": r"j['’]ai oublié|oublié de (?:dire|mentionner|préciser)",
        "je n'ai pas mentionné": r"je n['’]ai pas (?:mentionné|dit|parlé|précisé)",
        "j'aurais dû": r"j['’]aurais dû|j['’]aurais (?:\w+\s+)?dû",
        "stressé": r"stressée?|nerveu(?:x|se)|angoissée?",
        "désespéré": r"désespérée?",
        "gêné": r"gênée?|honte|embarrass\w+",
        "je ne suis pas doué": r"je ne suis pas (?:très )?(?:douée?|bonne? (?:en|pour|à))",
        "une autre chance": r"une (?:autre|seconde|deuxième|nouvelle) chance",
        "j'ai raté": r"j['’]ai (?:raté|tout raté|foiré|loupé)",
        "bête": r"bête|stupide|idiot\w*",
        "j'espère que cela ne vous dérange pas": r"j['’]espère que (?:cela|ça) ne vous dérange pas",
        "vous devez savoir": r"vous devez savoir|il faut que vous sachiez",
        "dis-lui": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:dis-lui|lui dire|dites-lui)",
        "mentionner que": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:mentionner|préciser|dire|souligner)\s+que",
        "penser à dire": r"(?:penser à|ne pas oublier de|n['’]oublie pas de)\s+(?:dire|mentionner|préciser)",
    },
    notes_to_self=frozenset({"dis-lui", "mentionner que", "penser à dire", "note pour moi"}),
)
"""French: the topics in context, the harmless spans, the phrases to avoid and every hint."""
