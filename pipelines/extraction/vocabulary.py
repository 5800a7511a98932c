"""Text folding and the shared multilingual vocabulary of the extractors.

Every fragment here is written for text passed through ``fold_keep_offsets``: lower case, no
accents, ASCII digits. Folding keeps the length of the text, so a span found in the folded
text points to the same characters in the original. This module holds the words about
dates, years, deadlines, plans, needs, currencies and table labels; the words that name an
indicator are in ``indicator_vocabulary``. Extend the tables to teach the extractors new
words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

#: Arabic-Indic and extended Arabic-Indic digits, folded to ASCII digits.
_DIGITS: Final[dict[int, str]] = {
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
}


def without_marks(text: str) -> str:
    """``text`` in its compatibility decomposition, combining marks left out ("é" to "e",
    "ﬁ" to "fi")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if ord(char) in _DIGITS:
        return _DIGITS[ord(char)]
    if char in "’‘`´":
        return "'"
    lower = char.lower()
    char = lower if len(lower) == 1 else char
    base = without_marks(char)
    return base if len(base) == 1 else char


def fold_keep_offsets(text: str) -> str:
    """Lower case, accents and apostrophe variants removed, one character for one character.

    A character whose folded form would change the length of the text is kept as it is,
    so offsets into the folded text are offsets into ``text``.
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    return "\n".join(map(_fold_line, text.split("\n")))


@functools.lru_cache(maxsize=8192)
def _fold_line(line: str) -> str:
    """One line folded. Lines recur: a passage is folded again as the context of the next
    (its heading and the paragraph before it), and headings above many passages."""
    return "".join(map(_fold_char, line))


#: Optional Arabic prefixes (and, so, with, for, the) and a word's ending up to a separator:
#: Arabic fragments are written ``{AR}word{AR_END}``.
AR: Final[str] = r"(?:[وفبلك]?(?:ال)?|لل)"
AR_END: Final[str] = r"[^\s،؛.,;:()]*"


def alternation(fragments: tuple[str, ...]) -> str:
    """One non-capturing group matching any fragment, each bounded by word edges."""
    return r"(?:" + "|".join(rf"\b(?:{f})\b" for f in fragments) + r")"


#: First cell of a table row, or a column header, that holds a total.
TOTAL_LABEL: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?:grand |overall )?(?:total(?:es|e|s)?|suma|somme|sum|итого|всего|المجموع|الاجمالي)"
    r"(?: general| generale| general| global| gen\.?)?\s*[:.]?\s*$"
)
SUBTOTAL_LABEL: Final[re.Pattern[str]] = re.compile(r"\b(?:sub|sous)[- ]?total")

#: Labels of table rows or columns that count things other than the indicator's unit.
NON_FIGURE_LABELS: Final[re.Pattern[str]] = re.compile(
    r"\b(?:number|nombre|numero|no\.|n°|nb|cantidad|total) (?:of |de |d')?(?:the |las |los |les )?"
    r"(?:areas?|zones?|zonas?|polygon\w*|poligonos?|sites?|fields?|minefields?|shas?|chas?|tasks?|"
    r"taches|tareas|accidents?|accidentes|incidents?|incidentes|events?|eventos)\b|"
    r"\b(?:sessions?|sesion(?:es)?|seances?|workshops?|ateliers?|talleres?|campaigns?|campagnes?|"
    r"campanas?|activit\w*|actividades|communit\w*|communautes?|comunidades|villages?|aldeas?|"
    r"veredas?|teams?|equipes?|equipos?|operators?|operateurs?|operadores?|organi[sz]ations?|"
    r"organizaciones|schools?|ecoles?|escuelas?|percentage|pourcentage|porcentaje|districts?|"
    r"municipalities|municipios?|departments|departamentos?|provinces?|provincias?|devices?|"
    r"dispositifs?|artefactos?|items?|uxo|erw|reg|restes explosifs|restos explosivos)\b|%"
)

#: Reference words before a number that make it a label, not a figure.
REFERENCE_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"(?:\b(?:actions?|accion(?:es)?|articles?|articulos?|art|paragraphs?|paragraphes?|parrafos?|"
    r"para|paras|pages?|paginas?|p|pp|resolutions?|resolucion|decisions?|decision|no|nos|nr|"
    r"number|numero|num|sections?|seccion|annex|annexe|anexo|table|tableau|cuadro|tabla|figure|"
    r"figura|chapter|chapitre|capitulo|law|loi|ley|decree|decret|decreto|protocol|protocole|"
    r"protocolo|phase|fase|level|niveau|nivel|rule|regle|regla|item|point|punto|goal|objective|"
    r"objectif|objetivo|indicator|indicateur|indicador|msp|rc|cluster|grupo|group|groupe|"
    r"round|ronda|version|priority|prioridad|priorite)\.?|n°|nº|№|#)\s*$"
)

MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
#: Levantine month names written before the common Arabic ones: "كانون الأول/ديسمبر".
_LEVANTINE: Final[str] = (
    r"(?:كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|"
    r"كانون الاول)\s*/\s*"
)
MONTH: Final[str] = (
    rf"(?:{_LEVANTINE})?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
)

#: Words before a year that say a figure refers to that year ("in 2021", "the 2021 casualties").
YEAR_BEFORE: Final[str] = (
    r"in|during|throughout|over|for|en|durante|pendant|pour|au cours de|in the course of|"
    r"dans le courant de|a lo largo de|as of|as at|at the end of|by the end of|end of|"
    r"a la fin de|fin|a finales de|a fines de|al cierre de|al final de|a la fecha de|a fecha de|"
    r"of the|the|its|their|de|del|des|du|al|au|on|le|el|at|a|в|во|за|на|по состоянию на|"
    r"في|خلال|وفي|وخلال|حتى|وحتى"
)
#: Words before a year that make it the start of a period: the figure has no single year.
YEAR_PERIOD_BEFORE: Final[str] = (
    r"since|depuis|desde|from|between|entre|after|apres|despues de|a partir de|с|начиная с|"
    r"منذ"
)
#: Words before a year that make it a target or an end date rather than the figure's year.
YEAR_TARGET_BEFORE: Final[str] = (
    r"by|d'ici|before|avant|antes de|until|till|hasta|jusqu'|jusqu'a|jusqu'au|jusqu'en|para|to|"
    r"до|к"
)
#: Names of budgets and finance laws that a year ends ("loi de finances 2022", "Finance Act
#: 2021", "presupuesto 2022"): the year is the law's, so it dates the figures of its sentence only.
NAMED_BY_YEAR: Final[str] = (
    r"\b(?:loi de finances(?: rectificative)?|budget(?: de l'etat| national| general)?|"
    r"finance (?:act|law|bill)|budget (?:act|law)|appropriations? act|"
    r"ley de presupuestos?(?: generales?)?(?: del estado| de la nacion)?|"
    r"presupuesto(?: general| nacional)?(?: del estado| de la nacion)?)"
    r"\s*(?:(?:de|pour|of|for|para|del) )?(?:(?:l'annee|the year|el ano|l'exercice|fiscal year) )?$"
)
#: Words that make a figure a running total rather than the figure of one year.
TO_DATE: Final[str] = (
    r"\b(?:to date|so far|thus far|a ce jour|jusqu'a present|jusqu'ici|a la fecha|hasta la fecha|"
    r"hasta ahora|cumulative\w*|cumulat\w*|acumulad\w*)\b"
)

#: A date or a year near one of these is an Article 5 deadline.
DEADLINE_WORDS: Final[tuple[str, ...]] = (
    r"deadlines?", r"echeances?", r"delai\w*", r"plazos?", r"fechas? limites?", r"date butoir",
    r"dates? limites?", r"extended (?:until|to)", r"extension (?:request )?(?:until|to)",
    r"prorroga\w*", r"prorrog\w*", r"prolong\w*", r"vence\w*", r"expir\w*", r"срок\w*",
    r"истека\w*", r"موعد", r"اقصاه", r"مهله",
)
#: Sentences about these deadlines are not about Article 5.
OTHER_DEADLINES: Final[str] = (
    r"\b(?:art(?:icle|iculo|\.)? ?[47]\b|stockpil\w*|existencias|stocks?|transparen\w*|"
    r"report(?:s|ing)?|rapports?|informes?|стать\w* [47]|المادة [47])\b"
)

#: Codes of currencies other than the US dollar and the euro, in folded text.
OTHER_CURRENCY_CODES: Final[str] = (
    r"aud|cad|chf|cny|cop|dkk|gbp|iqd|jpy|krw|mxn|nok|nzd|pen|sek|thb|xaf|xof|zar|lkr|khr|afn|"
    r"ngn|ars|clp|brl|inr|pkr|try|uah|rub|kzt|tjs|ugx|tzs|etb|sdg|ssp|yer|syp|lbp|jod|egp|mad|"
    r"dzd|tnd|lyd|sar|aed|qar|kwd|aoa|bam|hrk|rsd|mzn|zwl|cdf|mru|omr|fcfa|cfa"
)
#: Names of those currencies in English, French and Spanish, and their signs.
OTHER_CURRENCY_NAMES: Final[str] = (
    r"francs?|francos|pesos|baht|yens?|yuan|rupees?|roupies|rupias|kwanzas?|dinars?|soles|"
    r"pounds?|livres?|libras?|kroner|kronor|couronnes|coronas"
)
OTHER_CURRENCY_SIGNS: Final[str] = r"£|¥|₹"
#: Any currency beside a figure makes it a sum of money: codes, names and signs.
ANY_CURRENCY: Final[str] = (
    r"us ?\$|\$ ?us|usd|eur|euros?|dollars?|dolares|\$|€|"
    rf"{OTHER_CURRENCY_CODES}|{OTHER_CURRENCY_NAMES}|{OTHER_CURRENCY_SIGNS}"
)

#: Dollar currencies other than the US dollar: a bare ``$`` is not trusted beside them.
OTHER_DOLLARS: Final[str] = (
    r"\b(?:cad|aud|nzd|hkd|sgd|c\$|ca\$|a\$|au\$|nz\$|hk\$|s\$|mx\$)|(?:canadian|australian|"
    r"new zealand|hong kong|singapore) dollars?|dollars? (?:canadiens?|australiens?|neo-zelandais)|"
    r"dolares (?:canadienses|australianos)|pesos?\b|\b(?:cop|mxn|clp|ars)\b"
)

#: Plans and targets: a figure in a clause with one of these is not a result.
FUTURE_WORDS: Final[tuple[str, ...]] = (
    r"will", r"shall", r"would", r"plans?(?: to)?", r"planned", r"planning", r"expect\w*",
    r"aims? to", r"intends? to", r"targets?", r"targeted", r"projected", r"foresees?",
    r"envisag\w*", r"prevoit", r"prevu\w*", r"vise\w*", r"objectifs?", r"d'ici", r"preve\w*",
    r"previst\w*", r"planea\w*", r"planific\w*", r"pretende\w*", r"se propone\w*",
    r"proyect\w*", r"objetivos?", r"se espera", r"tiene previsto", r"compte(?:nt)?",
    r"(?:is|are) to be", r"doi(?:t|vent) etre", r"deb(?:e|en) ser", r"будет", r"будут",
    r"планиру\w*", r"намерен\w*", r"سوف", r"سيتم", r"تعتزم", r"تخطط", r"من المقرر",
)
#: Amounts that are needed, missing or estimated are not funding received or spent.
NEED_WORDS: Final[tuple[str, ...]] = (
    r"requir\w*", r"needs?", r"needed", r"shortfall", r"gaps?", r"deficits?", r"besoins?",
    r"necessit\w*", r"necesit\w*", r"necesari\w*", r"requier\w*", r"requerid\w*", r"falta\w*",
    r"manque\w*", r"estimated", r"estime\w*", r"estimad\w*", r"costed", r"cost\w* estimad\w*",
    r"appeal\w*", r"appel\w*", r"request\w*", r"solicit\w*", r"sollicit\w*", r"потребност\w*",
    r"необходим\w*", r"дефицит\w*", r"احتياج[^\s،.,;:()]*", r"نقص",
)
