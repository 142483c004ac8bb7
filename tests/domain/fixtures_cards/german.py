"""The German debriefs of the card fixtures."""

from __future__ import annotations

from tests.domain.fixtures_cards.cases import Case

GERMAN = (
    Case(
        "de-baeckerei",
        "de",
        "Bäckerei Schmidt GmbH",
        "Filialleitung (m/w/d)",
        (("Petra Schmidt", ""),),
        moment="der Rundgang durch die Backstube",
        additions=("Ich habe drei Jahre lang eine Filiale mit acht Mitarbeitenden geleitet.",),
        why="weil ich gutes Brot und zufriedene Kundschaft zusammenbringen möchte",
    ),
    Case(
        "de-frau",
        "de",
        "Stadtwerke Kassel AG",
        "Sachbearbeitung Einkauf",
        (("Frau Dr. Anna Weber", ""),),
        moment="wie Sie die Ausschreibungen digital abwickeln",
        additions=("Ich habe im letzten Jahr über 200 Ausschreibungen begleitet.",),
        why="Ich möchte in einem Betrieb arbeiten, der für die ganze Stadt da ist.",
    ),
    Case(
        "de-herr-video",
        "de",
        "Nordlicht Software GmbH & Co. KG",
        "Backend-Entwickler",
        (("Jonas Becker", "Herr Becker"),),
        format="video",
        moment="Die Live-Demo Ihrer Deployment-Pipeline war beeindruckend.",
        additions=("Ich habe unsere Monolith-Migration zu Kubernetes geleitet.",),
        why="Ich möchte an Software arbeiten, die Menschen täglich nutzen.",
    ),
    Case(
        "de-telefon",
        "de",
        "Klinikum Mitte",
        "Pflegefachkraft",
        (("Sabine Roth", ""),),
        format="phone",
        additions=("Ich habe fünf Jahre auf einer kardiologischen Station gearbeitet.",),
        why="Ich möchte mich in der Intensivpflege weiterentwickeln.",
    ),
    Case(
        "de-team",
        "de",
        "Café Sonnenschein",
        "Servicekraft",
        (),
        to=-1,
        moment="das herzliche Miteinander im Team",
        why="Ich arbeite gern mit Gästen, die wiederkommen.",
    ),
    Case(
        "de-zwei-punkte",
        "de",
        "Müller Maschinenbau KG",
        "Konstrukteur",
        (("Keller, Thomas", ""),),
        moment="die Führung durch die Montagehalle",
        additions=(
            "Ich arbeite seit sechs Jahren mit SolidWorks.",
            "Ich habe zwei Patente im Bereich Hydraulik mitentwickelt.",
        ),
        why="weil ich Maschinen bauen möchte, die lange halten",
    ),
    Case(
        "de-at",
        "de-AT",
        "Wiener Linien",
        "Projektleitung Barrierefreiheit",
        (("Mag. Lisa Huber", ""),),
        moment="Ihr Bericht über die neuen Niederflurwagen",
        additions=("Ich habe den barrierefreien Umbau von zwölf Stationen koordiniert.",),
        why="Ich möchte, dass alle die Stadt ohne Hürden nutzen können.",
    ),
    Case(
        "de-ohne-tag",
        "de",
        "Buchhandlung Seitenweise",
        "Buchhändlerin",
        (("Frau Meike Lorenz", ""),),
        when="2026-10-01 10:00",
        moment="das Gespräch über Ihre Lesereihe für Kinder",
        additions=("Ich habe Lesungen mit bis zu achtzig Gästen organisiert.",),
        why="Ich empfehle gern Bücher, die man sonst übersieht.",
    ),
    Case(
        "de-lang",
        "de",
        "Energieagentur Rhein-Main",
        "Referentin Energieberatung",
        (("Dr. Claudia Fuchs", ""),),
        moment="die Diskussion über Wärmepumpen in Altbauten",
        additions=(
            "In meiner bisherigen Tätigkeit habe ich Sanierungsfahrpläne für Mehrfamilienhäuser "
            "erstellt, Förderanträge für Eigentümergemeinschaften vorbereitet, Informationsabende mit "
            "Handwerksbetrieben organisiert und die Ergebnisse regelmäßig für die Geschäftsführung "
            "ausgewertet und aufbereitet.",
        ),
        why="Ich möchte, dass die Wärmewende in den Kellern der Menschen ankommt.",
    ),
    Case(
        "de-ohne-rolle",
        "de",
        "Gärtnerei Blum",
        "",
        (("Herr Karl Blum", ""),),
        moment="der Spaziergang durch die Gewächshäuser",
        additions=("Ich habe eine Ausbildung als Zierpflanzengärtner abgeschlossen.",),
        why="Ich arbeite am liebsten mit den Händen und draußen.",
    ),
)
