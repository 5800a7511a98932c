"""Themes that show in words spread over a sentence rather than in a fixed phrase.

A donor reports its support as "in 2021 Japan provided USD 39.8 million for mine action", a
State reports gender balance as "half of the deminers recruited were women" and its
transparency report as "our Article 7 report covering 2021 was submitted on 28 April": no
term of ``action_keywords`` holds such sentences, whose words vary and stand far apart. A
cue names the groups of words that must all be in one sentence, and the words that rule the
sentence out (the money is a national budget or was received; the women are beneficiaries,
not staff). A cue is evidence enough on its own, whatever heading stands above it. Every
fragment is written for ``text.fold`` text (lower case, no accents, punctuation kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pipelines.extraction.patterns import DIGIT
from pipelines.extraction.sentences import sentence_spans
from pipelines.extraction.text import fold
from pipelines.extraction.vocabulary import ANY_CURRENCY


@dataclass(frozen=True)
class Cue:
    """An action told by a word of each of ``groups`` in one sentence, and none of ``unless``."""

    action_no: int
    weight: float
    groups: tuple[re.Pattern[str], ...]
    unless: re.Pattern[str] | None = None

    def fires(self, sentence: str) -> bool:
        """Whether the folded ``sentence`` holds every group and nothing of ``unless``.

        The groups are looked for first, in their order: most sentences lack the first one,
        and ``unless`` is the longest pattern.
        """
        if not self.may_fire(sentence):
            return False
        return self.unless is None or not self.unless.search(sentence)

    def may_fire(self, folded: str) -> bool:
        """Whether the folded text holds every group: a sentence of a passage that lacks one
        of them cannot fire this cue."""
        return all(group.search(folded) for group in self.groups)


def _words(*fragments: str) -> str:
    return r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)"


#: A sum of money: a currency beside a figure, either way round.
_AMOUNT: Final[str] = (
    rf"(?:(?<!\w)(?:{ANY_CURRENCY})\s?\d|\d(?:[\d.,\s]*\d)?\s*(?:millions?|millones|billions?|"
    rf"milliards?|mil millones)?\s*(?:d'|de\s+)?(?:{ANY_CURRENCY})(?!\w))"
)
#: A State giving a sum: a verb or noun of funding, the amount a few words later.
_GIVING: Final[str] = _words(
    r"provided", r"contributed", r"committed", r"donated", r"pledged", r"disbursed", r"granted",
    r"funded", r"financed", r"allocated", r"our (?:contribution|funding|support)",
    r"a (?:fourni|verse|alloue|accorde|octroye|finance|consacre|contribue|apporte)",
    r"ont (?:fourni|verse|alloue|finance|contribue)",
    r"notre (?:contribution|financement|soutien|appui)",
    r"aporto", r"contribuyo", r"dono", r"financio", r"otorgo", r"desembolso",
    r"nuestra (?:contribucion|financiacion)", r"nuestro (?:aporte|apoyo|financiamiento)",
)
AMOUNT: Final = re.compile(_AMOUNT)
GAVE_AMOUNT: Final = re.compile(rf"{_GIVING}.{{0,80}}?{_AMOUNT}")
#: What the money went to: mine action, or a part of it.
MINE_ACTION: Final = re.compile(_words(
    r"mine action", r"humanitarian demining", r"demining", r"mine clearance", r"clearance",
    r"victim assistance", r"risk education", r"survey",
    r"action contre les mines", r"lutte antimines", r"deminage", r"depollution",
    r"assistance aux victimes", r"education aux risques",
    r"accion (?:integral )?contra (?:las )?minas", r"desminado", r"despeje",
    r"asistencia a (?:las )?victimas", r"educacion (?:en|sobre) el riesgo",
))
#: Money of the State's own programme, or money it received.
NATIONAL_OR_RECEIVED: Final = re.compile(_words(
    r"national budget", r"state budget", r"own (?:resources|budget|funds)", r"domestic",
    r"government(?! of)", r"council of ministers", r"received?", r"came from",
    r"from (?:its|our) (?:international )?(?:partners|donors)",
    r"(?:international|development) (?:partners|donors|assistance|cooperation|funding)",
    r"(?:partners|donors) (?:provided|contributed|funded)", r"funded by", r"financed by",
    r"european (?:union|commission)",
    r"budget (?:national|de l'etat)", r"par l'etat", r"gouvernement(?! d)", r"recu\w*",
    r"(?:de|par) (?:ses|nos|les) partenaires", r"partenaires (?:internationaux|techniques)",
    r"union europeenne", r"finance\w* par",
    r"presupuesto(?: nacional| del estado| general)?", r"recursos propios", r"gobierno(?! de)",
    r"el estado", r"recibi\w*", r"cooperacion internacional",
    r"(?:de|por) (?:sus|nuestros|los) (?:socios|donantes)", r"union europea", r"financiad\w* por",
))

WOMEN: Final = re.compile(_words(r"women", r"woman", r"female", r"femmes?", r"mujeres", r"mujer"))
#: The people who do mine action or attend its meetings.
WORKFORCE: Final = re.compile(_words(
    r"staff", r"deminers?", r"personnel", r"employees", r"workforce", r"team leaders", r"teams?",
    r"delegations?", r"delegates", r"recruited", r"demineu(?:r|se)s?", r"effectifs?",
    r"equipes?", r"employes", r"personal", r"desminador(?:a|es|as)?", r"equipos?",
    r"plantilla", r"delegacion(?:es)?", r"empleados?",
))
#: A share of a whole, or a balance.
SHARE: Final = re.compile(
    r"%|" + _words(
        r"per ?cent", r"percent", r"half", r"one in \w+", r"proportion", r"gender[- ]balanced",
        r"mixed", r"pour ?cent", r"moitie", r"un sur \w+", r"tiers", r"mixtes?", r"paritaires?",
        r"por ?ciento", r"mitad", r"uno de cada", r"tercio", r"mixtos?", r"paritari[oa]s?",
    )
)
#: The people a service reaches: women among them are no staff.
BENEFICIARIES: Final = re.compile(_words(
    r"girls", r"boys", r"children", r"beneficiar\w*", r"survivors", r"victims", r"casualties",
    r"reached", r"filles", r"garcons", r"enfants", r"survivants", r"victimes", r"ninas",
    r"ninos", r"sobrevivientes", r"victimas",
))

#: A report under Article 7, the Convention's transparency report.
_REPORT: Final[str] = _words(r"reports?", r"rapports?", r"informes?")
_ARTICLE_7: Final[str] = _words(r"article 7", r"articulo 7", r"transparen\w*")
TRANSPARENCY_REPORT: Final = re.compile(
    rf"{_REPORT}.{{0,40}}?{_ARTICLE_7}|{_ARTICLE_7}.{{0,20}}?{_REPORT}"
)
#: Handed in: the report was submitted, not only announced or quoted.
SUBMITTED: Final = re.compile(_words(
    r"submitted", r"presented", r"delivered", r"transmitted", r"filed", r"soumis", r"remis",
    r"presente", r"transmis", r"depose", r"presentado", r"presento", r"presentamos",
    r"presentacion", r"entregado", r"entrego", r"remitido", r"sometido",
))

#: The State's own money: its budget or resources, not what partners gave.
OWN_FUNDS: Final = re.compile(_words(
    r"national budget", r"state budget", r"(?:its|our) (?:own )?budget", r"own (?:resources|funds)",
    r"national (?:resources|funds|funding)", r"budget (?:national|de l'etat)", r"budget de l'etat",
    r"(?:ses|nos) (?:propres )?(?:ressources|fonds)", r"ressources (?:propres|nationales)",
    r"fonds propres", r"financement national", r"presupuesto (?:nacional|del estado|general)",
    r"(?:su|nuestro) (?:propio )?presupuesto", r"recursos (?:propios|nacionales)",
    r"fondos propios", r"financiacion nacional", r"financiamiento nacional",
))

#: Action 43: assistance from States in a position to provide it.
DONOR_SUPPORT: Final = Cue(43, 2.0, (DIGIT, GAVE_AMOUNT, MINE_ACTION),
                          re.compile(f"{NATIONAL_OR_RECEIVED.pattern}|{OWN_FUNDS.pattern}"))
CUES: Final[tuple[Cue, ...]] = (
    DONOR_SUPPORT,
    # Action 42: an affected State funding its own mine action (national ownership).
    Cue(42, 2.0, (DIGIT, OWN_FUNDS, AMOUNT, MINE_ACTION)),
    # Action 4: gender-balanced participation in mine action and in the Convention's meetings.
    Cue(4, 2.0, (WOMEN, WORKFORCE, SHARE), BENEFICIARIES),
    # Action 49: the annual Article 7 report, submitted.
    Cue(49, 2.0, (TRANSPARENCY_REPORT, SUBMITTED)),
)

#: The sentences of a text (start and end) where cues fire, with the weight per action.
SentenceCues = list[tuple[tuple[int, int], dict[int, float]]]


def sentence_cues(text: str) -> SentenceCues:
    """The sentences of ``text`` where cues fire, with the weight per action of those cues.

    Only the cues whose every group is somewhere in the passage are tried on its sentences:
    most passages have none, and then their sentences are not folded one by one.
    """
    passage = fold(text)
    candidates = [cue for cue in CUES if cue.may_fire(passage)]
    if not candidates:
        return []
    found: SentenceCues = []
    for start, end in sentence_spans(text):
        folded = fold(text[start:end])
        weights: dict[int, float] = {}
        for cue in candidates:
            if cue.fires(folded):
                weights[cue.action_no] = max(cue.weight, weights.get(cue.action_no, 0.0))
        if weights:
            found.append(((start, end), weights))
    return found


def names_amount(text: str) -> bool:
    """Whether ``text`` holds a sum of money."""
    return AMOUNT.search(fold(text)) is not None
