"""Words that tell which indicator a figure is, in English, French, Spanish, Russian and Arabic.

Regex fragments over text folded by ``vocabulary.fold_keep_offsets`` (lower case, no
accents, no Arabic hamza; Russian "й" is folded to "и"). Arabic words carry attached
prefixes and short vowel marks, so their fragments take an optional prefix (``AR``) and an
open ending (``AR_END``). Add a word to a table to teach every extractor at once.
"""

from __future__ import annotations

from typing import Final

from pipelines.extraction.vocabulary import AR, AR_END

#: Land release by method and the contamination left, keyed by indicator.
AREA_KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "area_cancelled_m2": (
        r"cancel\w*", r"non[- ]?technical surveys?", r"nts", r"annul\w*",
        r"enquetes? non[- ]?techniques?", r"etudes? non[- ]?techniques?",
        r"estudios? no tecnicos?", r"encuestas? no tecnicas?", r"ent",
        r"исключен\w*", r"нетехническ\w* обследовани\w*", rf"{AR}الغاء", rf"{AR}الغي{AR_END}",
        rf"{AR}مسح غير التقني", r"المسح غير التقني",
    ),
    "area_reduced_m2": (
        r"reduc\w*", r"reduit\w*", r"reduj\w*", r"(?<!non )(?<!non-)(?<!non)technical surveys?",
        r"(?<!non )enquetes? techniques?", r"(?<!non )etudes? techniques?",
        r"estudios? tecnicos?", r"encuestas? tecnicas?",
        r"сокращен\w*", r"уменьшен\w*", r"(?<!не)техническ\w* обследовани\w*",
        rf"{AR}تقليص{AR_END}", rf"{AR}تخفيض{AR_END}", r"المسح التقني",
    ),
    "area_cleared_m2": (
        r"clear(?:ed|ance|ing|s)?", r"demin\w*", r"depollu\w*", r"despej\w*", r"limpi\w*",
        r"desmin\w*", r"очищен\w*", r"очистк\w*", r"расчищен\w*", r"разминирован\w*",
        rf"{AR}تطهير{AR_END}", rf"{AR}طهر{AR_END}",
    ),
    "area_remaining_m2": (
        r"remain\w*(?: to be \w+)?", r"restant\w*(?: a \w+)?",
        r"rest(?:e|ent|aient|ait)(?: a \w+)?",
        r"a traiter", r"pendientes?(?: de \w+)?", r"queda\w* por \w+",
        r"por (?:despejar|liberar|intervenir|atender|tratar|limpiar|desminar)", r"queda\w*",
        r"outstanding", r"(?:still|yet|left) to be (?:addressed|cleared|released|surveyed|treated)",
        r"(?:still|yet) contaminated", r"encore contamine\w*", r"(?:aun|todavia) contaminad\w*",
        r"known contamination", r"contaminacion (?:conocida|remanente|restante|residual)",
        r"contamination (?:connue|residuelle|restante)", r"remanente\w*", r"residuelle\w*",
        r"остава\w*", r"осталос\w*", r"остает\w*", r"остающ\w*", rf"{AR}متبقي{AR_END}",
    ),
}

_FR_HAZARDOUS: Final = r"(?:dangereuses?|suspectes?|confirmees?|minees?|contaminees?)"
_ES_HAZARDOUS: Final = r"(?:peligrosas?|sospechosas?|minadas?|contaminadas?|confirmadas?)"
#: Names of contaminated land: an area beside them that no method word claims is what remains.
#: French and Spanish put the adjectives after the noun, often two of them ("zonas peligrosas
#: confirmadas y sospechosas"): the name runs to the last one.
HAZARD_AREA_WORDS: Final[tuple[str, ...]] = (
    r"(?:mine )?(?:suspected|confirmed) hazardous areas?", r"hazardous areas?",
    r"(?:mine )?suspected areas?", r"(?:confirmed )?minefields?", r"mined areas?",
    r"contaminat\w*", rf"zones? {_FR_HAZARDOUS}(?:,? (?:et |ou )?{_FR_HAZARDOUS})*",
    rf"(?:zonas?|areas?) {_ES_HAZARDOUS}(?:,? (?:y |e |o )?{_ES_HAZARDOUS})*",
    r"superficies? (?:contaminadas?|contaminees?|minees?|minadas?)", r"shas?", r"chas?",
    r"загрязнен\w*", r"опасн\w* район\w*", rf"{AR}ملوث{AR_END}",
)
#: Release words: an area beside them is released land, not what remains.
RELEASE_WORDS: Final[tuple[str, ...]] = (
    r"releas\w*", r"liber\w*", r"survey\w*", r"trait\w*", r"handed over", r"remis\w*",
    r"entregad\w*", r"restitu\w*", r"intervenid\w*", r"высвобожден\w*", rf"{AR}افراج{AR_END}",
)

#: Words that place a mine count among stockpiles, retained mines or destroyed mines.
MINE_CONTEXT: Final[dict[str, tuple[str, ...]]] = {
    "stockpile": (
        r"stockpil\w*", r"stocks?", r"stockee?s?", r"existencias", r"arsenal\w*", r"reservas",
        r"almacenad\w*", r"almacenamiento", r"запас\w*", r"складир\w*", rf"{AR}مخزون{AR_END}",
    ),
    "retained": (
        r"retain\w*", r"retention", r"art(?:icle|iculo|\.)? ?3", r"conserv\w*", r"reten\w*",
        r"retien\w*", r"kept", r"detenues?", r"garde\w*", r"сохран\w*", rf"{AR}احتفاظ{AR_END}",
        rf"{AR}محتفظ{AR_END}",
    ),
    "destroyed": (
        r"destr\w*", r"detrui\w*", r"found", r"removed", r"clear(?:ed|ance)", r"neutrali[sz]\w*",
        r"located", r"detected", r"disposed", r"recovered", r"demolished", r"lifted",
        r"trouvee?s?", r"retiree?s?", r"enlevee?s?", r"decouverte?s?", r"elimin\w*",
        r"encontrad\w*", r"hallad\w*", r"removid\w*", r"retirad\w*", r"localizad\w*",
        r"levantad\w*", r"detectad\w*", r"desactivad\w*", r"уничтож\w*", r"обезврежен\w*",
        rf"{AR}تدمير{AR_END}", rf"{AR}دمر{AR_END}",
    ),
}

#: Number followed by these words counts mines; anti-vehicle mines are excluded after.
MINE_NOUN: Final[str] = (
    r"(?:(?:anti[- ]?personnel|anti[- ]?personal|ap|stockpiled|improvised|additional|more|"
    r"further|other ap|(?!(?:at|av|tank|anti\w*|to|of|in|for|and|or|the|from|with|per|on|by|as|"
    r"de|la|le|les|des|du|en|et|el|los|las|del|al|au|aux|par|por|para|con|sin)\b)[a-z0-9-]{2,12}) )"
    r"{0,3}(?:land ?)?mines?\b(?![ -](?:action|clearance|risk|detection|dogs?|free|awareness|"
    r"victims?|survivors?|casualt\w*|accidents?|incidents?|fields?|affected|contaminat\w*|"
    r"suspected|hazard\w*|ban|belt))|"
    r"minas?\b|apms?\b|map\b|minas? terrestres\b|"
    rf"(?:противопехотн\w* )?мин(?:ы|а|у|ой|ам|ами|ах)?\b|{AR}(?:لغم|الغام){AR_END}"
)
ANTI_VEHICLE: Final[str] = (
    r"\b(?:anti[- ]?(?:vehicle|tank|char|vehicule|tanque|vehiculo)s?|antichars?|antitanques?|"
    r"antivehicul\w*|av mines?|противотанков\w*)\b|\((?:av|at)\)|\b(?:and|et|y) (?:other )?"
    r"(?:erw|uxo|items|pieces|engins|restos|reg|munitions|explosive)|مضاد[^\s،.,;:()]* للدبابات"
)

#: People counted by a figure; a number followed by one of these is a count of people.
PEOPLE_NOUNS: Final[tuple[str, ...]] = (
    r"people", r"persons?", r"individuals?", r"beneficiar\w*", r"participants?",
    r"community members", r"residents", r"inhabitants", r"civilians", r"students",
    r"pupils", r"personnes?", r"individus", r"participantes?", r"habitants?", r"eleves",
    r"personas?", r"individuos", r"habitantes", r"estudiantes", r"alumnos",
    r"человек", r"людеи", r"лиц", rf"{AR}(?:شخص|اشخاص){AR_END}",
)
CASUALTY_NOUNS: Final[tuple[str, ...]] = (
    r"casualt(?:y|ies)", r"victims?", r"victimes?", r"victimas?", r"accident victims",
    r"жертв\w*", r"пострадавш\w*", rf"{AR}(?:ضحي|ضحايا){AR_END}",
)
SURVIVOR_NOUNS: Final[tuple[str, ...]] = (
    r"survivors?", r"survivants?", r"rescapes?", r"sobrevivientes?", r"supervivientes?",
    r"выживш\w*", rf"{AR}ناج{AR_END}",
)

#: Words that give a count of people its indicator.
PEOPLE_KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "eore_beneficiaries": (
        r"eore", r"mre", r"erm", r"erw risk education",
        r"(?:mine |explosive ordnance )?risk education",
        r"education (?:sur|aux?|au) (?:les )?risques?", r"sensibilis\w*",
        r"sensibiliz\w*", r"educacion (?:en|sobre|para) (?:el )?riesgo\w*",
        r"(?:mine|risk) awareness", r"prevention education", r"educacion en el riesgo de minas",
        r"минн\w* опасност\w*", rf"{AR}توعي{AR_END}",
    ),
    "casualties": (
        r"casualt(?:y|ies)", r"victims?", r"victimes?", r"victimas?", r"killed", r"injured",
        r"wounded", r"dead", r"deaths?", r"muert\w*", r"herid\w*", r"fallecid\w*",
        r"tue(?:e|s|es)?", r"blesse\w*", r"morts?", r"deces", r"жертв\w*", r"погиб\w*",
        r"ранен\w*", rf"{AR}(?:ضحي|ضحايا){AR_END}",
    ),
    "survivors_assisted": (
        r"survivors?", r"survivants?", r"rescapes?", r"sobrevivientes?", r"supervivientes?",
        r"выживш\w*", rf"{AR}ناج{AR_END}",
    ),
}

#: A victim or survivor figure is one of assistance when the clause has one of these.
ASSISTANCE_WORDS: Final[tuple[str, ...]] = (
    r"assist\w*", r"support\w*", r"rehabilit\w*", r"prosthe\w*", r"protes\w*", r"services?",
    r"atencion", r"atend\w*", r"asistencia", r"asisti\w*", r"apoy\w*",
    r"pris\w* en charge", r"prise en charge", r"benefici\w*", r"received", r"receiv\w*",
    r"recibi\w*", r"recu\w*", r"treated", r"soign\w*", r"accompagn\w*", r"acompan\w*",
    r"referred", r"orient\w*", r"aid(?:ed)?", r"aide\w*", r"ayud\w*", r"помощ\w*",
    r"реабилитац\w*", r"получил\w*", rf"{AR}مساعد{AR_END}", rf"{AR}تاهيل{AR_END}",
)

#: Parts of a people figure, longest phrases first; keys are DISAGGREGATIONS values.
DISAGGREGATION_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("female", (
        r"women and girls|femmes et (?:les )?(?:jeunes )?filles|mujeres y ninas|females?|"
        r"femenin[oa]s?|feminins?|feminines?"
    )),
    ("male", (
        r"men and boys|hommes et (?:les )?garcons|hombres y ninos|males?|masculin[oa]s?|"
        r"masculins?|masculines?"
    )),
    ("children", (
        r"girls and boys|boys and girls|filles et (?:les )?garcons|garcons et (?:les )?filles|"
        r"ninas y ninos|ninos y ninas|children|child|enfants?|menores(?: de edad)?|minors|"
        rf"дет(?:и|еи|ям|ьми)|{AR}اطفال{AR_END}"
    )),
    ("women", rf"women|woman|femmes?|mujer(?:es)?|женщин\w*|{AR}(?:نساء|امراه|امراة)"),
    ("men", rf"men|man|hommes?|hombres?|мужчин\w*|{AR}رجال"),
    ("girls", rf"girls?|filles?|jeunes filles|ninas?|девоч\w*|{AR}فتيات"),
    ("boys", rf"boys?|garcons?|ninos?|мальчик\w*|{AR}(?:فتيان|صبيان)"),
    ("adults", rf"adults?|adultes?|adult[oa]s?|взросл\w*|{AR}بالغين"),
)
