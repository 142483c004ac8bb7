"""The card guard's Spanish: where a word is a topic a card never raises, and where it is not.

Plain data with no Textual, read by ``guard``. Spanish often leaves out "yo", so the verb's own
first person ("tengo", "estuve", "me diagnosticaron") puts the user in the sentence; the harmless
spans keep "con poca antelación", "condiciones de pago" and "los beneficios de la tutoría".
"""

from __future__ import annotations

from followup_tui.domain.card.guard_rules import AMOUNT, GuardData, Rule, words

OTHERS = words(
    r"pacientes?|alumn\w+|(?<!mis\s)(?<!nuestros\s)(?:niñ[oa]s|hij[oa]s)|clientes?|residentes?|usuari\w+"
    r"|personas|familias|compañer\w+|estudiantes?|participantes?|huéspedes|comensales|afectad\w+"
    r"|su|sus|vuestr\w+|planta|proyect\w+|app|aplicación|plataforma|estudios?|formaci\w+|talleres?|taller"
    r"|cursos?|programas?|productos?|servicios?|especializad\w+|guía|experiencia|trabajé|trabajo|trabajando"
    r"|enfermer\w+|máster|grado|especialista|unidad|quirófano|consulta",
)
"""The people and work a condition belongs to when it is the job, not the user's own."""

_FAMILY = (
    r"(?:madre|mamá|padre|papá|padres|marido|esposo|esposa|mujer|pareja|herman[oa]|hij[oa]s?|abuel[oa]|tí[oa]"
    r"|bebé|suegr[oa])"
)
_FORMER = (
    r"(?:mi|mis|nuestr[oa]s?)\s+(?:(?:antigu[oa]s?|anterior(?:es)?|ex|últim[oa]s?|actual(?:es)?)\s+)?"
    r"(?:jef[ea]|jefes|empresa|empleador\w*|equipo|responsable|supervisor\w*|director\w*|compañer\w+|trabajo"
    r"|restaurante|cocina|chef|colegio|agencia|encargad[oa])"
    r"|(?:jef[ea]|empresa|trabajo|equipo|encargad[oa])\s+(?:anterior|de antes)"
)
_BUSINESS = words(
    r"ahorr\w+|factura\w*|presupuestos?|ventas?|ingresos|costes?|costos?|donaci\w+|recaud\w+|subvenci\w+"
    r"|contratos?|pedidos?|usuarios|clientes|seguidores|descargas|beneficio neto|beneficios de la empresa"
    r"|margen|financiaci\w+|inversi\w+|carrera|corr\w+|suscriptores|reduje|reducimos|redujimos",
)
"""An amount in a sentence with one of these is a business figure ("ahorré 40.000 € en licencias")."""

_SELF_VERBS = (
    r"tengo|tuve|tenía|he tenido|estoy|estuve|estaba|he estado|sufro|sufrí|padezco|padecí|"
    r"tomo|tomé|llevo|necesito"
    r"|paso|pasé|vivo|soy|fui|superé|he superado|me|mi|mis|yo|mí|conmigo|nos|nuestr\w+|estamos|tenemos"
)
_NOTE = "Suena a nota para usted: escríbalo directamente a la persona («He dirigido…»)."
_ADD = "Diga directamente lo que quiere añadir."

DATA = GuardData(
    topics={
        "health": (
            Rule(
                words(
                    r"enferm(?:o|a|edad(?:es)?)|diagnostic\w+|diagnóstico|discapacidad\w*"
                    r"|depresi(?:ón|ones)|deprimid[oa]|ansiedad|ataques? de pánico|TDAH|autis\w+|dislexia"
                    r"|bipolar|estrés postraumático|salud mental|cáncer|tumor|operaron|operación|cirugía"
                    r"|ingresad[oa]|hospitalizad[oa]|en el hospital|medicaci\w+|medicamentos?|pastillas"
                    r"|antidepresivos?|insulina|terapia|terapeuta|psicólog[oa]|psiquiatra|diabetes|diabétic[oa]"
                    r"|sord[oa]|ciego|ciega|discapacidad visual|audífonos?"
                    r"|epilepsia|asma|ictus|infarto|lesi(?:ón|ones)|lesionad[oa]"
                    r"|problemas de salud|motivos de salud|mi salud|recuper\w+ de",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"(?:de|mi|la)\s+baja(?!\s+(?:por|de)\s+(?:maternidad|paternidad))(?:\s+(?:médica|"
                    r"laboral|por enfermedad))?"
                    r"|baja médica|incapacidad temporal"
                    r"|burn-?out|síndrome de estar quemad[oa]|quemad[oa] del trabajo|migrañas?|quimio\w*"
                    r"|covid persistente|crisis nerviosa|mi (?:médic[oa]|diagnóstico|salud|enfermedad)",
                ),
                not_for_others=True,
            ),
        ),
        "personal life": (
            Rule(
                words(
                    r"divorci\w+|separad[oa]|separación|embarazad[oa]|embarazo"
                    r"|fecundación in vitro|FIV|tratamiento de fertilidad|viud[oa]|duelo"
                    r"|cuidado de (?:mis|los) hijos",
                ),
                about_self=True,
            ),
            Rule(
                words(
                    r"baja (?:de|por) (?:maternidad|paternidad)|permiso de (?:maternidad|paternidad)"
                    r"|(?:sale|salgo|salimos) de cuentas|dar a luz"
                    r"|madre soltera|padre soltero|familia monoparental|funeral|entierro|velatorio"
                    r"|falleci(?:ó|miento)",
                    rf"{_FAMILY}(?:\s+\w+){{0,3}}\s+(?:murió|falleció|se murió)",
                    rf"perdí a mi {_FAMILY}",
                    rf"(?:cuido|cuidar|cuidando) (?:a|de) mi {_FAMILY}",
                    r"(?:recoger|recojo|llevar|llevo) a (?:mis|mi) (?:hij[oa]s?|niñ[oa]s?|peque\w*)",
                    r"(?:la|mi) guardería de (?:mi|mis)",
                    r"a mi edad|por mi edad|mi edad",
                    r"demasiado mayor",
                    r"tengo\s+\d{2}\s+años(?!\s+de\s+experiencia)",
                    r"(?:cerca|a punto) de (?:la|mi) jubilación",
                    r"candidatos más jóvenes",
                ),
                not_for_others=True,
            ),
        ),
        "complaints about past work": (
            Rule(
                words(
                    r"acos\w+|tóxic[oa]s?|horrible\w*|fatal|pésim[oa]s?|incompetentes?|un desastre"
                    r"|una pesadilla|injust\w+|me gritaba|nos gritaba|gritaba a|me humillaba|humillante"
                    r"|se aprovechaba|nos explotaba|explotaba|nunca escuchaba|mintió|mentía|vag[oa]s"
                    r"|poco profesional\w*|mal gestionad[oa]|mal dirigid[oa]"
                    r"|se (?:apuntaba|atribuía) el mérito|odiaba|(?:el|la) peor|un caos|caótic[oa]"
                    r"|me infravaloraban|no me valoraban|microgesti\w+",
                ),
                needs=words(_FORMER),
            ),
            Rule(
                words(
                    r"acoso laboral|(?:sufrí|sufrió|sufrimos) acoso|ambiente (?:laboral )?tóxico"
                    r"|(?:me|nos) acosaba|demanda (?:por despido|laboral)",
                ),
            ),
        ),
        "pay": (
            Rule(
                words(
                    r"salari(?:o|os|al|ales)|sueldos?|remuneraci\w+|retribuci\w+|nómina"
                    r"|brutos? anuales?|bruto al año|netos? al mes|comisi(?:ón|ones)"
                    r"|bonus|bonos? por objetivos|variable"
                    r"|prima (?:por|de) (?:objetivos|productividad|firma)"
                    r"|stock options|opciones sobre acciones|acciones de la empresa"
                    r"|tarifa (?:diaria|por hora)|(?:me|nos) paga(?:n|ban|rían)?"
                    r"|(?:bien|mal|mejor) pagad[oa]|cobr(?:o|aba|ar|é)\s+(?:\d|más|menos|unos)"
                    r"|gan(?:o|aba)\s+(?:\d|más|menos|unos)|aumento de sueldo|subida salarial|OTE"
                    r"|(?:mi|el|sueldo|salario)\s+fijo|paquete (?:retributivo|salarial|total)"
                    r"|retribución total",
                ),
            ),
            Rule(AMOUNT, unless=_BUSINESS),
            Rule(
                words(
                    r"\d[\d.,]*\s?(?:mil\s+)?(?:brutos?|netos?)",
                    r"\d[\d.,]*\s?mil\s+(?:al|por|cada)\s+(?:año|mes)",
                ),
                unless=_BUSINESS,
            ),
        ),
        "benefits": (
            Rule(
                words(
                    r"beneficios sociales|(?:los|sus) beneficios(?!\s+(?:de|para|del|que))"
                    r"|retribución flexible|seguro médico|seguro de salud|plan de pensiones"
                    r"|coche de empresa|tickets? (?:restaurante|comida)|cheques? (?:comida|guardería)"
                    r"|ayuda (?:para|por) (?:la )?(?:mudanza|comida|transporte)"
                    r"|gimnasio gratis|gimnasio pagado|ventajas para (?:los )?empleados",
                ),
            ),
        ),
        "holidays": (
            Rule(
                words(
                    r"(?:\d+|veinte|treinta|veintidós|veintitrés|cuántos)\s+días\s+de\s+vacaciones"
                    r"|días de vacaciones|(?:mis|las) vacaciones|de vacaciones"
                    r"|vacaciones (?:pagadas|reservadas|planeadas)|días libres|días de asuntos propios"
                    r"|tiempo libre|excedencia",
                ),
            ),
        ),
        "notice periods": (
            Rule(
                words(
                    r"preaviso|periodo de aviso"
                    r"|(?:dos|tres|cuatro|quince|\d+)\s+(?:semanas|días|meses)\s+de\s+(?:aviso|preaviso)"
                    r"|(?:avisar|dar aviso)\s+(?:a|en) (?:mi|la) empresa\s+con",
                ),
                unless=words(r"casero|caser[oa]|alquiler|piso|arrendador"),
            ),
        ),
    },
    harmless=(
        words(
            r"beneficios?\s+(?:de|para|del)\b|condiciones de pago"
            r"|(?:psico|fisio|logo)?terapia (?:ocupacional|del habla|física|de grupo para)"
            r"|(?:fisio|logo)terapeuta|salud mental (?:comunitaria|infantil|de los|de las)"
            r"|separación de (?:responsabilidades|funciones|residuos)"
            r"|(?:la|una) comisión (?:europea|de servicios|de calidad|de fiestas)|Comisión Europea"
            r"|diagnóstico de (?:averías|fallos|problemas|la red)|en el hospital (?:donde|trabajo|trabajé)"
            r"|variable(?:s)? (?:de|del|en) (?:entorno|sistema|código)"
            r"|duelo (?:perinatal|infantil)? ?(?:grupo|acompañamiento)|acompañamiento en el duelo"
            r"|(?:gestion\w*|llev\w+|prepar\w+|elabor\w+|tramit\w+|proces\w+|cierre|cálculo|departamento"
            r"|técnic[oa]|responsable)\s+(?:de\s+)?(?:la\s+|las\s+)?nóminas?"
            r"|(?:contra el )?acoso escolar|(?:calendario|cuadrante|planificación|turnos) de vacaciones",
        ),
    ),
    self_words=words(_SELF_VERBS),
    others=OTHERS,
    topic_hints={
        "health": "Su salud es cosa suya; la tarjeta no la necesita.",
        "personal life": "Lo privado puede quedar en privado; la tarjeta va del puesto.",
        "complaints about past work": "Deje fuera las críticas a antiguos empleos; cuente qué le atrae.",
        "pay": "El sueldo se trata con la oferta, no en la tarjeta.",
        "benefits": "Los beneficios llegan con la oferta; guárdelos para entonces.",
        "holidays": "Las vacaciones se tratan con la oferta, no en la tarjeta.",
        "notice periods": "El preaviso y la incorporación se tratan con la oferta.",
    },
    phrases={
        "lo siento": "Cuente el hecho con calma; no hace falta disculparse.",
        "perdón": "Cuente el hecho con calma; no hace falta disculparse.",
        "disculpas": "Una tarjeta que añade un detalle convence más que una que se disculpa.",
        "se me olvidó": "Diga lo que quiere añadir; no hace falta contar que se le olvidó.",
        "no mencioné": _ADD,
        "debería haber": "Diga lo que quiere añadir ahora.",
        "nervioso": "Todo el mundo se pone nervioso; la tarjeta trata del puesto, no de los nervios.",
        "desesperado": "Con ganas suena bien; desesperado, no.",
        "vergüenza": "Deje fuera cómo se sintió en ese momento; añada el detalle.",
        "no se me da bien": "Describa mejor lo que hace bien.",
        "solo quería": "Quite el «solo» y dígalo sin rodeos.",
        "otra oportunidad": "Pida continuar la conversación, no otra oportunidad.",
        "metí la pata": "Nombre el detalle que quiere añadir, no el error.",
        "mi error": "Nombre el detalle que quiere añadir, no el error.",
        "tonto": "Deje fuera las palabras duras sobre usted.",
        "ojalá": "Diga con seguridad lo que quiere.",
        "espero que no le importe": "Dígalo directamente.",
        "debe saber": "Cuéntelo como un hecho de su trabajo; la tarjeta no le pide nada a la otra persona.",
        "dile": _NOTE,
        "mencionar que": _NOTE,
        "recordar decir": _NOTE,
        "nota para mí": _NOTE,
    },
    patterns={
        "lo siento": r"lo\s+siento|siento\s+mucho",
        "perdón": r"perd(?:ón|one|óneme|ona)",
        "disculpas": r"disculp(?:as|e|en|a|o)|me disculpo",
        "se me olvidó": r"se me olvid(?:ó|aron)|olvidé",
        "no mencioné": r"no (?:mencioné|dije|comenté)",
        "debería haber": r"debería(?:\s+\w+)?\s+haber|tendría que haber",
        "nervioso": r"nervios[oa]s?",
        "desesperado": r"desesperad[oa]s?",
        "vergüenza": r"vergüenza|vergonzos[oa]",
        "otra oportunidad": r"(?:otra|una segunda|una nueva) oportunidad",
        "metí la pata": r"metí la pata|la fastidié|la cagué",
        "tonto": r"tont[oa]|estúpid[oa]",
        "debe saber": r"(?:usted\s+)?(?:debe|debería|tiene que) saber",
        "dile": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:dile|decirle|dígale)",
        "mencionar que": r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:mencionar|comentar|recalcar|menciona|comenta)\s+que",
        "recordar decir": r"(?:recordar|acordarme de|no olvidar|no olvides)\s+(?:decir|mencionar|comentar)",
        "nota para mí": r"nota para mí",
    },
    notes_to_self=frozenset({"dile", "mencionar que", "recordar decir", "nota para mí"}),
)
"""Spanish: the topics in context, the harmless spans, the phrases to avoid and every hint."""
