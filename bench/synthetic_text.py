"""Phrase banks of the synthetic written updates, in English, French and Spanish.

Sentences carry the things the extraction looks for (action numbers, areas, mines, people,
funding), so the benchmark exercises the whole graph, not only the readers. ``{...}`` fields are
filled by ``bench.synthetic`` with figures drawn from a seeded generator.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "fr", "es")

TITLES: Final[dict[str, str]] = {
    "en": "Written update on the implementation of the Oslo Action Plan",
    "fr": "Mise à jour sur la mise en œuvre du Plan d'action d'Oslo",
    "es": "Actualización sobre la aplicación del Plan de Acción de Oslo",
}

LETTERHEAD: Final[dict[str, str]] = {
    "en": "Permanent Mission of {state}",
    "fr": "Mission permanente de {state}",
    "es": "Misión Permanente de {state}",
}

SUBHEAD: Final[dict[str, str]] = {
    "en": "to the United Nations Office at Geneva",
    "fr": "auprès de l'Office des Nations Unies à Genève",
    "es": "ante la Oficina de las Naciones Unidas en Ginebra",
}

RUNNING_HEADER: Final[dict[str, str]] = {
    "en": "{state} - Intersessional Meetings {year}",
    "fr": "{state} - Réunions intersessions {year}",
    "es": "{state} - Reuniones entre períodos de sesiones {year}",
}

RUNNING_FOOTER: Final[dict[str, str]] = {
    "en": "Page {page} of {pages}",
    "fr": "Page {page} sur {pages}",
    "es": "Página {page} de {pages}",
}

HEADINGS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Survey and clearance", "Risk education and risk reduction", "Victim assistance",
           "International cooperation and assistance", "Stockpile destruction",
           "Best practices for implementing the Convention", "Transparency and exchange of information"),
    "fr": ("Enquête et déminage", "Éducation aux risques et réduction des risques",
           "Assistance aux victimes", "Coopération et assistance internationales",
           "Destruction des stocks", "Pratiques optimales pour la mise en œuvre de la Convention",
           "Transparence et échange d'informations"),
    "es": ("Estudio y limpieza", "Educación sobre el riesgo y reducción del riesgo",
           "Asistencia a las víctimas", "Cooperación y asistencia internacionales",
           "Destrucción de existencias", "Mejores prácticas para la aplicación de la Convención",
           "Transparencia e intercambio de información"),
}

SENTENCES: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        ("In {year}, {state} cleared {area} square metres of land and destroyed {mines} "
        "anti-personnel mines (Action {action})."),
        ("Non-technical survey cancelled {area} square metres and technical survey reduced a "
        "further {area2} square metres during {year}."),
        ("Risk education sessions reached {people} people in {villages} villages in {year}, in "
        "line with Action {action}."),
        ("In {year}, {casualties} people were killed or injured by mines and explosive remnants "
        "of war."),
        ("The national authority received USD {millions} million from international partners in "
        "{year} and allocated USD {millions2} million from the national budget."),
        ("As at 31 December {year}, {area} square metres of confirmed hazardous area remained to "
        "be addressed."),
        ("The national mine action strategy was revised with the participation of affected "
        "communities, women and persons with disabilities."),
        ("Survivors received medical care, physical rehabilitation and psychological support "
        "through the national health system (Actions {action} and {action2})."),
        ("The information management system was updated so that every hazardous area is "
        "recorded with its precise perimeter and status."),
        ("Operators applied the land release standards adopted by the national authority, and "
        "quality management was strengthened."),
    ),
    "fr": (
        ("En {year}, {state} a dépollué {area} mètres carrés et détruit {mines} mines "
        "antipersonnel (Action {action})."),
        ("L'enquête non technique a annulé {area} mètres carrés et l'enquête technique a réduit "
        "{area2} mètres carrés supplémentaires en {year}."),
        ("Les séances d'éducation aux risques ont touché {people} personnes dans {villages} "
        "villages en {year}, conformément à l'Action {action}."),
        ("En {year}, {casualties} personnes ont été tuées ou blessées par des mines et des restes "
        "explosifs de guerre."),
        ("L'autorité nationale a reçu {millions} millions USD de ses partenaires en {year} et a "
        "alloué {millions2} millions USD du budget national."),
        ("Au 31 décembre {year}, {area} mètres carrés de zones dangereuses confirmées restaient à "
        "traiter."),
        ("La stratégie nationale de lutte antimines a été révisée avec la participation des "
        "communautés touchées, des femmes et des personnes handicapées."),
        ("Les survivants ont bénéficié de soins médicaux, de réadaptation physique et de soutien "
        "psychologique (Actions {action} et {action2})."),
        ("Le système de gestion de l'information a été mis à jour afin que chaque zone dangereuse "
        "soit enregistrée avec son périmètre exact."),
        ("Les opérateurs ont appliqué les normes de remise à disposition des terres adoptées par "
        "l'autorité nationale."),
    ),
    "es": (
        ("En {year}, {state} despejó {area} metros cuadrados de tierras y destruyó {mines} minas "
        "antipersonal (Acción {action})."),
        ("El estudio no técnico canceló {area} metros cuadrados y el estudio técnico redujo otros "
        "{area2} metros cuadrados en {year}."),
        ("Las sesiones de educación sobre el riesgo llegaron a {people} personas en {villages} "
        "comunidades en {year}, de acuerdo con la Acción {action}."),
        ("En {year}, {casualties} personas murieron o resultaron heridas por minas y restos "
        "explosivos de guerra."),
        ("La autoridad nacional recibió USD {millions} millones de sus socios en {year} y asignó "
        "USD {millions2} millones del presupuesto nacional."),
        ("Al 31 de diciembre de {year} quedaban por tratar {area} metros cuadrados de zonas "
        "peligrosas confirmadas."),
        ("La estrategia nacional de acción contra las minas se revisó con la participación de las "
        "comunidades afectadas, las mujeres y las personas con discapacidad."),
        ("Los sobrevivientes recibieron atención médica, rehabilitación física y apoyo psicológico "
        "(Acciones {action} y {action2})."),
        ("El sistema de gestión de la información se actualizó para que cada zona peligrosa quede "
        "registrada con su perímetro exacto."),
        ("Los operadores aplicaron las normas de liberación de tierras adoptadas por la autoridad "
        "nacional."),
    ),
}

TABLE_HEADERS: Final[dict[str, tuple[str, str, str]]] = {
    "en": ("Province", "Area cleared in {year} (m²)", "AP mines destroyed"),
    "fr": ("Province", "Superficie dépolluée en {year} (m²)", "Mines antipersonnel détruites"),
    "es": ("Provincia", "Superficie despejada en {year} (m²)", "Minas antipersonal destruidas"),
}

TOTAL: Final[dict[str, str]] = {"en": "Total", "fr": "Total", "es": "Total"}

PROVINCES: Final = ("North", "South", "East", "West", "Centre", "Coast", "Highlands", "Valley")

SIGNATURE: Final[dict[str, str]] = {
    "en": "Geneva, 20 June {next_year}",
    "fr": "Genève, le 20 juin {next_year}",
    "es": "Ginebra, 20 de junio de {next_year}",
}
