"""The Spanish debriefs of the card fixtures."""

from __future__ import annotations

from tests.domain.fixtures_cards.cases import Case

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
