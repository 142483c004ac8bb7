"""The debriefs of the card fixtures (see the package's docstring)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One debrief, with whom the card goes to."""

    name: str
    language: str
    company: str
    role: str
    people: tuple[tuple[str, str], ...] = ()
    """(name, how the card addresses them: "" makes it from the name) per interviewer."""
    to: int = 0
    """Which interviewer the card is for (-1: the team)."""
    format: str = "onsite"
    when: str = "2026-11-24 14:00"
    moment: str = ""
    additions: tuple[str, ...] = ()
    why: str = ""
    signer: str = "Jo Rivera"
    questions: tuple[tuple[str, str], ...] = field(default=())
    """(question, fuller answer) per answer to clarify."""


PANEL_MOMENT = (
    "Ana: your question about multi-region failover\nBen: the whiteboard session on queue back-pressure"
)
"""A panel's moments, one line per person."""

ENGLISH = (
    Case(
        "en-nurse",
        "en",
        "St Hilda's Hospital NHS Trust",
        "Staff Nurse, Cardiology Ward",
        (("Sister Mary Joseph", ""),),
        moment="the walk round the cardiac step-down unit",
        additions=("I have run the night shift for twelve beds on my own since March.",),
        why="to care for patients in the days after heart surgery",
    ),
    Case(
        "en-line-cook",
        "en",
        "The Copper Pot Ltd",
        "line cook",
        (("Marco Bellini", ""),),
        moment="Tasting the new autumn menu with the brigade was a treat.",
        additions=("I ran the grill station on my own for Saturday service at my last kitchen.",),
        why="because I want to learn classic sauces from a chef who still makes them daily",
        signer="sam lee",
    ),
    Case(
        "en-staff-engineer-panel-1",
        "en",
        "Nimbus Data Ltd.",
        "Staff Engineer",
        (("Ana Ruiz", ""), ("Dr. Ben Cole", ""), ("Chloé Martin", "")),
        to=0,
        moment=PANEL_MOMENT,
        additions=("I led the migration of our event pipeline to Kafka across three regions.",),
        why="I want to work on systems where correctness matters more than speed.",
    ),
    Case(
        "en-staff-engineer-panel-2",
        "en",
        "Nimbus Data Ltd.",
        "Staff Engineer",
        (("Ana Ruiz", ""), ("Dr. Ben Cole", ""), ("Chloé Martin", "")),
        to=1,
        moment=PANEL_MOMENT,
        additions=("I led the migration of our event pipeline to Kafka across three regions.",),
        why="I want to work on systems where correctness matters more than speed.",
    ),
    Case(
        "en-staff-engineer-panel-3",
        "en",
        "Nimbus Data Ltd.",
        "Staff Engineer",
        (("Ana Ruiz", ""), ("Dr. Ben Cole", ""), ("Chloé Martin", "")),
        to=2,
        moment=PANEL_MOMENT,
        additions=("I led the migration of our event pipeline to Kafka across three regions.",),
        why="I want to work on systems where correctness matters more than speed.",
    ),
    Case(
        "en-teacher",
        "en",
        "Larkfield Primary School",
        "Year 2 teacher",
        (("Mrs. Helen Carter", ""),),
        moment="how the children lead the morning reading circle",
        additions=("I did the RWI phonics training in September.",),
        why="to teach in a school that reads with every child every day",
    ),
    Case(
        "en-sales-rep",
        "en",
        "Brightline Software Inc.",
        "Account Executive - EMEA",
        (("Tom Reyes", ""),),
        format="video",
        moment="hearing how the team splits accounts by industry",
        additions=("I closed the largest logistics deal in my region last year.",),
        why="I want to sell a product customers renew without being chased.",
    ),
    Case(
        "en-designer",
        "en",
        "Fernhill Studio",
        "Product Designer (Remote)",
        (("Keller, Anna", ""),),
        moment="the critique of the onboarding flow",
        additions=("I redesigned the onboarding of a banking app and tested it with forty users.",),
        why="because your studio still sketches on paper first",
    ),
    Case(
        "en-lower-case-typos",
        "en",
        "acme widgets",
        "warehouse supervisor",
        (("dave o'neill", ""),),
        moment="the tour of the new packing line",
        additions=("i managed a team of 14 pickers on the night shift for 2 years",),
        why="i can start on monday and i live ten minutes away",
        signer="priya shah",
    ),
    Case(
        "en-second-person",
        "en",
        "Harbour Line Ferries",
        "Operations Analyst",
        (("Grace Obi", ""),),
        moment="You explained how the timetable is rebuilt every winter.",
        additions=("I built the rota model that cut overtime at my last employer.",),
        why="I want to make a service people rely on run on time.",
    ),
    Case(
        "en-80-word-addition",
        "en",
        "Ledgerly",
        "Data Engineer",
        (("Sam Okafor", ""),),
        moment="hearing how billing will move onto event streams next spring",
        additions=(
            "In my last role I rebuilt the nightly reconciliation between the ledger and the bank "
            "feed, moved it from a fragile set of cron scripts to an orchestrated pipeline with retries "
            "and alerts, cut the failure rate from weekly to almost never, wrote the runbook the on-call "
            "team still uses, documented every failure mode we had seen in two years of incidents, and "
            "trained two colleagues to own it after I moved on to the data platform work.",
        ),
        why="I want to build the systems people trust with their bills.",
    ),
    Case(
        "en-health-condition",
        "en",
        "Riverside Clinic",
        "Receptionist",
        (("Paula Grant", ""),),
        moment="meeting the team at the front desk",
        additions=(
            "I was off for six months with depression after my divorce.",
            "I have run a busy front desk for four years.",
        ),
        why="I want to be the calm first face patients see.",
    ),
    Case(
        "en-former-boss",
        "en",
        "Kestrel Logistics",
        "Fleet Coordinator",
        (("Owen Hale", ""),),
        moment="the look at the new routing screen",
        additions=("My last manager was a bully and that is why I left.", "I plan routes for 40 vans a day."),
        why="I want to work somewhere that plans ahead.",
    ),
    Case("en-nothing-written", "en", "Northwind Labs", "Backend engineer", (("Sam Okafor", ""),), signer=""),
    Case(
        "en-phone-screen",
        "en",
        "Orbit Health",
        "Clinical Data Manager",
        (("Rachel Adams", ""),),
        format="phone",
        additions=("I have cleaned and locked three phase III trial databases.",),
        why="I want my work to reach patients sooner.",
    ),
    Case(
        "en-team-card",
        "en",
        "Copperleaf Health",
        "Backend Engineer",
        (),
        to=-1,
        moment="hearing how the on-call rota is shared",
        why="I want to build software clinicians trust.",
    ),
    Case(
        "en-double-given-name",
        "en",
        "Sol y Mar Hotels",
        "Revenue Manager",
        (("María José García López", ""),),
        moment="the walk through the new booking dashboard",
        additions=("I raised direct bookings by a fifth at my last hotel.",),
        why="I want to grow a group that still feels independent.",
    ),
    Case(
        "en-written-address",
        "en",
        "Grey & Partners LLP",
        "Paralegal",
        (("Jane Carter", "Mrs. Carter"),),
        moment="the overview of the disclosure process",
        additions=("I have managed disclosure for two commercial cases.",),
        why="I want to grow into a litigation role.",
    ),
    Case(
        "en-answer-to-clarify",
        "en",
        "Streamwise",
        "Senior Data Engineer",
        (("Lena Brandt", ""),),
        moment="the walk-through of your lakehouse design",
        additions=(),
        questions=(
            ("How would you partition the events table?", "By the join key, with date sub-partitions."),
        ),
        why="I want to work on data that people act on every day.",
    ),
    Case(
        "en-repeated-point",
        "en",
        "Fabrikam",
        "Platform Engineer",
        (("Priya Raman", ""),),
        format="video",
        moment="hearing how you run game days",
        additions=("I ran a Kafka cluster for two years.", "I ran a Kafka cluster for two years"),
        why="I want to keep platforms boring in the best way.",
    ),
)

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

SPANISH = (
    Case(
        "es-clinica",
        "es",
        "Clínica Triana S.L.",
        "enfermera de quirófano",
        (("María José García López", ""),),
        moment="la visita a la unidad de cirugía",
        additions=("Tengo cinco años de experiencia en anestesia.",),
        why="porque quiero crecer en cirugía cardíaca",
    ),
    Case(
        "es-sra",
        "es",
        "Hotel Mirador S.A.",
        "recepcionista",
        (("Sra. Carmen Ruiz", ""),),
        moment="cómo organizan los turnos de fin de semana",
        additions=("Hablo inglés, francés y alemán con clientes a diario.",),
        why="Quiero crecer en un hotel que cuida a sus huéspedes.",
    ),
    Case(
        "es-sr-video",
        "es",
        "Datalia Consultores S.L.U.",
        "analista de datos",
        (("Luis Gómez", "Sr. Gómez"),),
        format="video",
        moment="La demostración de su panel de ventas fue muy clara.",
        additions=("He automatizado los informes mensuales de tres departamentos.",),
        why="para aprender de un equipo que toma decisiones con datos",
    ),
    Case(
        "es-telefono",
        "es",
        "Colegio San Fermín",
        "profesora de primaria",
        (("Pilar Navarro", ""),),
        format="phone",
        additions=("He dado clase en primero y segundo de primaria durante cuatro años.",),
        why="Me encanta enseñar a leer.",
    ),
    Case(
        "es-equipo",
        "es",
        "Panadería La Espiga",
        "dependiente",
        (),
        to=-1,
        moment="el ambiente del obrador",
        why="Quiero trabajar en un lugar donde se hace el pan cada mañana.",
    ),
    Case(
        "es-dos-cosas",
        "es",
        "Constructora Levante S.A.",
        "jefa de obra",
        (("Dra. Elena Marín", ""),),
        moment="la visita a la obra de Valencia",
        additions=(
            "He dirigido obras de hasta sesenta viviendas.",
            "Tengo el máster en prevención de riesgos laborales.",
        ),
        why="porque quiero liderar proyectos de vivienda sostenible",
    ),
    Case(
        "es-419",
        "es-419",
        "Mercado Verde",
        "coordinador de logística",
        (("Andrés Pérez", ""),),
        moment="conocer el centro de distribución",
        additions=("Coordiné la distribución de cuarenta tiendas en Bogotá.",),
        why="Quiero ayudar a que los productos frescos lleguen antes.",
    ),
    Case(
        "es-sin-dia",
        "es",
        "Editorial Alba",
        "correctora",
        (("Teresa Vidal", ""),),
        when="2026-10-01 10:00",
        moment="la charla sobre su colección infantil",
        additions=("He corregido más de cuarenta libros de no ficción.",),
        why="Me gusta que cada libro salga limpio.",
    ),
    Case(
        "es-largo",
        "es",
        "Fundación Horizonte",
        "técnica de proyectos",
        (("Javier Molina", ""),),
        moment="la presentación del programa de empleo juvenil",
        additions=(
            "En mi puesto anterior diseñé y coordiné programas de formación para jóvenes desempleados, "
            "gestioné las subvenciones públicas y privadas que los financiaban, preparé las memorias "
            "justificativas para cada convocatoria y acompañé a más de doscientos participantes hasta "
            "su primer contrato laboral, en colaboración con empresas de toda la comarca.",
        ),
        why="Quiero que más jóvenes encuentren su primer trabajo.",
    ),
    Case(
        "es-sin-puesto",
        "es",
        "Viveros El Olivo",
        "",
        (("Sr. Antonio Ruiz", ""),),
        moment="el paseo por los invernaderos",
        additions=("Tengo un ciclo formativo en jardinería.",),
        why="Me gusta trabajar al aire libre.",
    ),
)

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

CASES: tuple[Case, ...] = (*ENGLISH, *GERMAN, *SPANISH, *FRENCH)
"""Every debrief of the fixtures."""
