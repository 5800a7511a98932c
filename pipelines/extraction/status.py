"""What a passage says about an action: progress, completion, a challenge, a plan or a request."""

from __future__ import annotations

import re
from typing import Final

from pipelines.extraction.model import ProgressStatus
from pipelines.extraction.patterns import at_word_start, top_level_alternatives
from pipelines.extraction.text import fold

#: Folded cue patterns per status, in English, French and Spanish, strongest status first.
STATUS_CUES: Final[tuple[tuple[ProgressStatus, tuple[str, ...]], ...]] = (
    (
        ProgressStatus.REQUEST,
        (
            r"request(?:s|ed|ing)? (?:for )?(?:\w+ ){0,3}(?:support|assistance|funding)",
            r"(?:call|appeal)(?:s|ed)? (?:on|to) (?:donors|partners|the international)",
            r"need(?:s|ed)? (?:\w+ ){0,3}(?:support|assistance|funding|resources)",
            r"seek(?:s|ing)? (?:\w+ ){0,3}(?:support|assistance|funding|partners)",
            r"sollicit\w* (?:l'|un |une |le |la |des )?(?:appui|assistance|soutien|aide|financement)",
            r"(?:appel|appelle) (?:aux|a la) (?:partenaires|donateurs|communaute)",
            r"besoin (?:d'|de )(?:appui|assistance|soutien|financement|ressources)",
            r"solicit\w* (?:el |la |un |una )?(?:apoyo|asistencia|cooperacion|financiacion|financiamiento)",
            r"(?:requiere|necesita|necesitamos)\w* (?:\w+ ){0,3}(?:apoyo|asistencia|recursos|financiacion)",
            r"llamamiento a (?:los )?(?:donantes|socios)",
        ),
    ),
    (
        ProgressStatus.CHALLENGE,
        (
            r"challeng\w*", r"difficult\w*", r"obstacle\w*", r"constrain\w*", r"shortfall\w*",
            r"lack of", r"insufficient", r"delay\w*", r"hamper\w*", r"impede\w*", r"prevent\w* us",
            r"defi\w*", r"difficult\w*", r"manque (?:de|d')", r"insuffisan\w*", r"retard\w*",
            r"entrave\w*", r"desafio\w*", r"dificultad\w*", r"falta de", r"insuficient\w*",
            r"retraso\w*", r"obstaculo\w*", r"limitacion\w*",
        ),
    ),
    (
        ProgressStatus.COMPLETED,
        (
            r"\bcompleted\b", r"\bfinali[sz]ed\b", r"declared (?:\w+ ){0,4}free",
            r"fulfill?ed (?:its|our) obligation", r"\bacheve\w*", r"\btermine\w*", r"\bfinalise\w*",
            r"declare\w* (?:\w+ ){0,3}exempte?s? de mines", r"\bconcluid\w*", r"\bcompletad\w*",
            r"\bfinalizad\w*", r"\bculmin\w*", r"declarad\w* (?:\w+ ){0,3}libres? de minas",
        ),
    ),
    (
        ProgressStatus.PLAN,
        (
            r"\bwill\b", r"\bplan(?:s|ned)? to\b", r"\bintend\w*", r"\bexpect\w* to\b", r"\baims? to\b",
            r"\bprevoi\w*", r"\benvisag\w*", r"\bcompte\b", r"\bprevu\w*", r"\bplanea\w*", r"\bpreve\b",
            r"tiene previsto", r"se propone", r"\bprevist\w*",
        ),
    ),
)


def _scan_friendly(cue: str) -> str:
    """A cue opening with ``\\b``, written to open with its letter (same matches, found
    faster). A cue that is a choice at its top level keeps its form: its ``\\b`` binds the
    first choice only."""
    if not cue.startswith(r"\b") or len(top_level_alternatives(cue)) > 1:
        return cue
    return "|".join(at_word_start(cue[2:]))


_COMPILED = tuple(
    (status, re.compile("|".join(map(_scan_friendly, cues)))) for status, cues in STATUS_CUES
)


def classify_status(text: str) -> ProgressStatus:
    """The strongest status whose cues the passage contains; progress when none do."""
    folded = fold(text)
    for status, pattern in _COMPILED:
        if pattern.search(folded):
            return status
    return ProgressStatus.PROGRESS
