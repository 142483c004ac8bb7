"""The card guard's German: where a word is a topic a card never raises, and where it is not.

Plain data with no Textual, read by ``guard``. German joins words ("Jahresgehalt",
"Kündigungsfrist"), so some rules match a part of a word; the harmless spans keep "kurzfristig",
"Zahlungsbedingungen" and "die Vorteile des Peer-Tutorings" on the card.
"""

from __future__ import annotations

from followup_tui.domain.card.guard_rules import AMOUNT, GuardData, Rule, words

OTHERS = words(
    r"Patient\w*|Schüler\w*|(?<!meine\s)(?<!unsere\s)(?<!meinen\s)Kinder\w*|Kund\w*|Bewohner\w*|Klient\w*"
    r"|Mitarbeite\w*|Kolleg\w*|Menschen|Nutzer\w*|Familien|Teilnehme\w*|Gäste|Betroffene\w*|Ihre?[mnrs]?"
    r"|Station|Projekt\w*|App|Plattform|Studie\w*|Schulung\w*|Workshops?|Kurs\w*|Programm\w*|Produkt\w*"
    r"|Angebot|speziali\w+|Fortbildung\w*|Leitfaden|Erfahrung|gearbeitet|arbeite|Fachkraft|Pflege\w*"
    r"|Ausbildung|Studium|Beruf\w*|Abteilung|Praxis",
)
"""The people and work a condition belongs to when it is the job, not the user's own."""

_FAMILY = (
    r"(?:Mutter|Mama|Vater|Papa|Eltern|Mann|Frau|Partner\w*|Bruder|Schwester|Sohn|Tochter|Oma|Opa|Großmutter"
    r"|Großvater|Onkel|Tante|Kind|Kinder|Baby)"
)
_FORMER = (
    r"(?:mein\w*|unser\w*)\s+(?:(?:ehemalig|früher|letzt|alt|bisherig|jetzig|aktuell|vorherig)\w*\s+)?"
    r"(?:Chef\w*|Vorgesetzt\w+|Arbeitgeber\w*|Firma|Unternehmen|Team\w*|Teamleit\w+|"
    r"Leitung|Kolleg\w+|Küchenchef\w*"
    r"|Schulleit\w+|Stationsleit\w+|Geschäftsführ\w+|Betrieb\w*|Job|Stelle|Abteilung|Agentur)"
)
_BUSINESS = words(
    r"Umsatz\w*|eingespart\w*|gespart|Einsparung\w*|Budget\w*|Kosten\w*|Spende\w*|gesammelt"
    r"|Fördermittel\w*|Auftr(?:a|ä)g\w*|Kunden\w*|Nutzer\w*|Bestellung\w*|Verkauf\w*|Gewinn\w*|Pipeline"
    r"|Finanzierung\w*|Marge|Lauf\w*|gelaufen|Abonnent\w*|Follower\w*|Downloads|Schritte|Investition\w*"
    r"|Miete",
)
"""An amount in a sentence with one of these is a business figure ("40.000 € Kosten gespart")."""

_NOTE = "Das klingt nach einer Notiz an Sie selbst: Schreiben Sie es direkt an die Person („Ich habe …“)."
_ADD = "Nennen Sie einfach, was Sie ergänzen möchten."

DATA = GuardData(
    topics={
        "health": (
            Rule(
                words(
                    r"krank|Krankheit\w*|erkrankt\w*|\w*erkrankung\w*|Diagnose\w*|diagnostiziert\w*"
                    r"|Behinderung\w*|behindert\w*|Schwerbehinder\w+|Depression\w*|depressiv\w*"
                    r"|Angststörung\w*|Angstzustände|Panikattacke\w*|ADHS|Autismus|Autist\w*|Legasthenie"
                    r"|bipolar|PTBS"
                    r"|psychisch\w*\s+(?:Probleme\w*|Erkrankung\w*|Gesundheit|Belastung\w*|Krise\w*)|Krebs"
                    r"|Tumor|Operation|OP|Reha|im Krankenhaus|in der Klinik|Medikament\w*|Tabletten"
                    r"|Antidepressiva|Insulin|\w*[Tt]herapie|Therapeut\w*|Psychiater\w*|Diabetes|Diabetiker\w*|Epilepsie"
                    r"|taub|gehörlos|schwerhörig|blind|sehbehindert|Hörgerät\w*"
                    r"|Asthma|Schlaganfall|Herzinfarkt|Bandscheibenvorfall|Verletzung\w*|verletzt"
                    r"|gesundheitlich\w*",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"krankgeschrieben\w*|Krankschreibung\w*|Krankmeldung\w*|krankheitsbedingt\w*"
                    r"|Krankenstand\w*|arbeitsunfähig\w*|Arbeitsunfähigkeit|Burn-?out\w*|ausgebrannt"
                    r"|Migräne|Chemo\w*|Zusammenbruch|Long Covid|meine Diagnose"
                    r"|mein\w* (?:Arzt|Ärztin|Hausarzt|Hausärztin|Gesundheit)",
                ),
                not_for_others=True,
            ),
        ),
        "personal life": (
            Rule(words(r"wegen (?:der|unserer|meiner) (?:Kita|Kinderbetreuung)|wegen meiner Kinder")),
            Rule(
                words(
                    r"Scheidung\w*|geschieden|getrennt|Trennung|schwanger(?!e\b|en\b)\w*"
                    r"|Schwangerschaft\w*|Kinderwunsch|künstliche Befruchtung|Kinderbetreuung|Trauer"
                    r"|verwitwet\w*",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"alleinerziehend\w*|Elternzeit|Mutterschutz|Beerdigung\w*|Trauerfall|Todesfall\w*",
                    rf"{_FAMILY}\w*(?:\s+\w+){{0,4}}\s+(?:verstorben|gestorben|ist gestorben)",
                    rf"(?:meine[nrms]?|unsere[nrms]?)\s+{_FAMILY}\w*\s+(?:pflege|betreue)",
                    rf"(?:pflege|betreue|versorge)\s+(?:meine[nrms]?|unsere[nrms]?)\s+{_FAMILY}",
                    r"(?:aus der|von der) (?:Kita|Krippe) abholen|in die (?:Kita|Krippe) bringen",
                    r"(?:meine[nrms]?|unsere[nrms]?)\s+Kita",
                    r"Kita-(?:Platz|Zeiten|Schließzeiten)",
                    "mein (?-i:Alter)",
                    "in meinem (?-i:Alter)",
                    "zu alt",
                    r"ich bin\s+\d{2}(?![\d%])(?!\s+(?:Minuten|Kilometer|km|Stunden|Prozent))",
                    r"mit\s+\d{2}\s+(?:Jahren\s+)?(?:noch|bin ich|habe ich|will ich|möchte ich)",
                    r"\d{2}\s+Jahre\s+alt",
                    r"(?:kurz vor|vor) (?:der|meiner) (?:Rente|Pensionierung|dem Ruhestand)",
                    r"jünger\w* (?:Bewerber\w*|Kandidat\w*)",
                ),
                not_for_others=True,
            ),
        ),
        "complaints about past work": (
            Rule(
                words(
                    r"gemobbt|Mobbing|toxisch\w*|schrecklich\w*|furchtbar\w*|unfähig\w*|inkompetent\w*"
                    r"|eine Katastrophe|ein Albtraum|unfair\w*|ungerecht\w*|respektlos\w*|angeschrien"
                    r"|angebrüllt|schikaniert|ausgenutzt|nie ernst genommen|nie zugehört|gelogen|faul\w*"
                    r"|unprofessionell\w*|schlecht geführt|Vetternwirtschaft|mit fremden Federn"
                    r"|nicht wertgeschätzt|gehasst|hasste|schlimmste\w*|Mikromanagement|kontrollierte alles"
                    r"|ein Chaos|chaotisch\w*",
                ),
                needs=words(
                    _FORMER, r"(?:beim|bei meinem)\s+(?:letzten|alten|früheren|bisherigen)\s+Arbeitgeber"
                ),
            ),
            Rule(
                words(
                    r"(?:wurde|werde|bin|wurden)\s+(?:\w+\s+)?gemobbt|Mobbing am Arbeitsplatz"
                    r"|toxisch\w*\s+(?:Arbeitsklima|Umfeld|Kultur|Team|Betriebsklima)|Arbeitsgericht"
                    r"|schmückte sich mit meinen",
                ),
            ),
        ),
        "pay": (
            Rule(
                words(
                    r"\w*[Gg]ehalt(?!en\b)\w*|\w*[Gg]ehälter\w*|\w*löhne"
                    r"|(?:Stunden|Mindest|Brutto|Netto|Monats|Tarif|Wochen)lohn\w*"
                    r"|Lohn(?:erhöhung|vorstellung|niveau|gruppe)?|Vergütung\w*|Bezahlung"
                    r"|(?:gut|schlecht|besser|fair|unter)\s*bezahlt\w*"
                    r"|verdien(?:e|t|te)\s+(?:\w+\s+)?(?:\d|mehr|weniger|gut|rund|etwa|ungefähr)|brutto"
                    r"|netto|Provision\w*|Bonus\w*|Boni|Prämie\w*|Aktienoption\w*|Mitarbeiteraktien|Equity"
                    r"|Tagessatz|Stundensatz|OTE|Weihnachtsgeld|Urlaubsgeld|13. Monatsgehalt|Zielgehalt"
                    r"|Fixum|Jahresbrutto|variable[rn]?\s+(?:Anteil|Vergütung|Gehaltsanteil)",
                ),
            ),
            Rule(AMOUNT, unless=_BUSINESS),
            Rule(words(r"\d{1,3}(?:[.\s]\d{3})+\s+(?:im|pro)\s+(?:Jahr|Monat)"), unless=_BUSINESS),
        ),
        "benefits": (
            Rule(
                words(
                    r"Benefits|Zusatzleistung\w*|Sozialleistung\w*|Mitarbeitervorteil\w*"
                    r"|betriebliche\w* Altersvorsorge|Betriebsrente\w*|(?:Dienst|Firmen)wagen\w*"
                    r"|Job-?ticket\w*|Job-?rad\w*|Fahrradleasing|Essenszuschuss\w*"
                    r"|Zuschuss\s+(?:zur|zum|für)|Kita-Zuschuss\w*|Umzugspauschale"
                    r"|Umzugskosten\s+(?:übernommen|übernehmen|erstattet)|Fitnessstudio|Urban Sports Club"
                    r"|Gesundheitsleistungen",
                ),
            ),
        ),
        "holidays": (
            Rule(
                words(
                    r"Urlaubstag\w*|Urlaubsanspruch\w*|\d+\s+Tage\s+Urlaub"
                    r"|(?:dreißig|dreissig|\w+undzwanzig)\s+Tage\s+Urlaub"
                    r"|Urlaub\s+(?:geplant|gebucht|genommen|nehmen)|im Urlaub|in den Urlaub"
                    r"|mein\w*\s+Urlaub|Resturlaub|Sonderurlaub|freie Tage|Betriebsferien|Sabbatical"
                    r"|Urlaubsregel\w*|wie viel Urlaub",
                ),
            ),
        ),
        "notice periods": (
            Rule(
                words(
                    r"Kündigungsfrist\w*",
                    r"(?:habe|hab|hatte)\s+(?:ich\s+)?(?:\w+\s+)?gekündigt",
                    r"(?:ich\s+)?(?:muss|müsste|kann|werde)\s+(?:(?:noch|erst)\s+){0,2}kündigen",
                    r"mein\w*\s+Kündigung",
                    r"zum\s+(?:Quartalsende|Monatsende)",
                    "Freistellung",
                    r"freigestellt",
                ),
                unless=words(r"Wohnung\w*", r"Miet\w*", r"Vermieter\w*", "Abo", r"Handy\w*", r"Lieferant\w*"),
            ),
        ),
    },
    harmless=(
        words(
            r"Trennung\s+(?:der|von)\s+(?:Zuständigkeiten|Aufgaben|Daten)|in\s+der\s+Kinderbetreuung"
            r"|Kinderbetreuung\s+(?:gearbeitet|tätig)"
            r"|(?:Physio|Ergo|Logo|Sprach|Kunst|Musik|Spiel|Strahlen)therapie\w*"
            r"|(?:Physio|Ergo|Logo)therapeut\w*|Trauer\s*(?:begleitung|gruppe|café|arbeit)"
            r"|Bonus\s*(?:punkte|programm|karte)\w*|als Bonus"
            r"|Operationen|Operationssaal|OP-(?:Saal|Team|Pflege)"
            r"|(?:Verbindung|Vertrag)\s+(?:mit|zum)\s+\w+\s+gekündigt|Lohnbuchhaltung|Lohnabrechnung\w*"
            r"|Gehaltsabrechnung\w*"
            r"|Diagnose\w*\s+(?:von|der|des)\s+(?:Fehler\w*|Störung\w*|Maschine\w*|Anlage\w*)"
            r"|Fehlerdiagnose|im\s+Krankenhaus\s+(?:gearbeitet|tätig|arbeite|beschäftigt)"
            r"|in\s+der\s+Klinik\s+(?:gearbeitet|tätig|arbeite|beschäftigt)"
            r"|Schlaganfall\s*(?:station|einheit|patient)\w*|Scheidungs(?:verfahren|recht|anw\w+|fäll\w+)"
            r"|\d+\s?k-\w+",
        ),
    ),
    self_words=words(r"ich", "mich", "mir", r"mein\w*", "wir", r"unser\w*"),
    others=OTHERS,
    topic_hints={
        "health": "Ihre Gesundheit gehört Ihnen; die Karte braucht sie nicht.",
        "personal life": "Privates darf privat bleiben; die Karte gilt der Stelle.",
        "complaints about past work": "Kritik an früheren Arbeitgebern gehört nicht auf die Karte.",
        "pay": "Das Gehalt klären Sie beim Angebot, nicht auf der Karte.",
        "benefits": "Zusatzleistungen kommen mit dem Angebot zur Sprache.",
        "holidays": "Urlaub klären Sie beim Angebot, nicht auf der Karte.",
        "notice periods": "Kündigungsfrist und Eintritt klären Sie beim Angebot.",
    },
    phrases={
        "Entschuldigung": "Nennen Sie die Sache ruhig; eine Entschuldigung braucht es nicht.",
        "entschuldigen": "Eine Karte, die etwas ergänzt, wirkt besser als eine, die sich entschuldigt.",
        "tut mir leid": "Nennen Sie die Sache ruhig; eine Entschuldigung braucht es nicht.",
        "leider": "Lassen Sie das „leider“ weg und sagen Sie, was Sie ergänzen möchten.",
        "ich habe vergessen": (
            "Sagen Sie, was Sie ergänzen möchten; dass Sie es vergessen haben, muss niemand wissen."
        ),
        "vergessen zu sagen": (
            "Sagen Sie, was Sie ergänzen möchten; dass Sie es vergessen haben, muss niemand wissen."
        ),
        "nicht erwähnt": _ADD,
        "hätte ich sollen": "Sagen Sie, was Sie jetzt ergänzen möchten.",
        "nervös": "Alle sind nervös; die Karte handelt von der Stelle, nicht von der Aufregung.",
        "peinlich": "Lassen Sie weg, wie sich der Moment angefühlt hat; ergänzen Sie das Detail.",
        "verzweifelt": "Begeistert wirkt gut, verzweifelt nicht.",
        "ich bin nicht gut": "Beschreiben Sie lieber, was Sie gut können.",
        "wollte nur": "Lassen Sie das „nur“ weg und sagen Sie es direkt.",
        "noch eine Chance": "Bitten Sie darum, das Gespräch fortzusetzen, nicht um eine neue Chance.",
        "mein Fehler": "Nennen Sie das Detail, nicht den Fehler.",
        "vermasselt": "Lassen Sie das Urteil weg; ergänzen Sie das Detail.",
        "dumm": "Lassen Sie harte Worte über sich selbst weg.",
        "hoffentlich": "Sagen Sie bestimmt, was Sie möchten.",
        "Sie sollten wissen": "Teilen Sie es als Tatsache über Ihre Arbeit mit; die Karte verlangt nichts.",
        "sag ihr": _NOTE,
        "sag ihm": _NOTE,
        "erwähnen, dass": _NOTE,
        "nicht vergessen zu sagen": _NOTE,
        "Notiz an mich": _NOTE,
    },
    patterns={
        "entschuldigen": r"entschuldig(?:e|en|t)",
        "tut mir leid": r"(?:es\s+)?tut\s+mir\s+(?:so\s+|sehr\s+|wirklich\s+)?leid",
        "ich habe vergessen": r"(?:ich habe|hab ich|habe ich)\s+(?:\w+\s+){0,3}vergessen",
        "vergessen zu sagen": r"vergessen,?\s+(?:\w+\s+)?zu\s+(?:sagen|erwähnen)|vergaß",
        "nicht erwähnt": r"nicht\s+(?:\w+\s+)?erwähnt",
        "hätte ich sollen": r"(?:hätte ich|ich hätte)\s+(?:\S+\s+){0,8}?(?:sollen|müssen)",
        "nervös": r"nervös\w*|aufgeregt",
        "verzweifelt": r"verzweifelt\w*",
        "ich bin nicht gut": r"ich bin nicht (?:so |sehr )?gut(?:\s+(?:in|im|darin|bei))?",
        "noch eine Chance": r"(?:noch eine|eine zweite|eine weitere|eine neue) Chance",
        "vermasselt": r"vermasselt|verbockt|versemmelt|verhauen",
        "dumm": r"dumm\w*",
        "Sie sollten wissen": r"Sie (?:sollten|müssen) wissen",
        "sag ihr": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:sag|sagen)\s+ihr",
        "sag ihm": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:sag|sagen)\s+(?:ihm|ihnen)",
        "erwähnen, dass": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:erwähnen|sagen|betonen),?\s+dass",
        "nicht vergessen zu sagen": r"(?:daran denken|nicht vergessen),?\s+(?:zu\s+)?(?:sagen|erwähnen|dass)",
    },
    stems=frozenset({"Entschuldigung"}),
    notes_to_self=frozenset(
        {"sag ihr", "sag ihm", "erwähnen, dass", "nicht vergessen zu sagen", "Notiz an mich"}
    ),
)
"""German: the topics in context, the harmless spans, the phrases to avoid and every hint."""
