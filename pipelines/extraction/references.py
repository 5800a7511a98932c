"""Explicit mentions of Oslo Action Plan actions by their number.

Reads "Action 21", "Actions 18 to 20", "actions 1, 2 and 5", "OAP #27", "Action n° 21 du Plan
d'action d'Oslo", "acciones 33 a 35", "Действие 21" or "الإجراء 21", in any case and with or
without accents. Only numbers 1 to 50 count, and a range must run upwards inside that span.
Actions of other plans ("Action 4 of the Maputo Action Plan", a national strategy) are left out,
and so are "Article 5", years, page numbers and "Action Plan 2020".
"""

from __future__ import annotations

import re
from typing import Final

from pipelines.extraction.model import ActionReference
from pipelines.extraction.vocabulary import fold_keep_offsets

FIRST_ACTION: Final[int] = 1
LAST_ACTION: Final[int] = 50
CONTEXT_CHARS: Final[int] = 60

#: Words that name an action, over folded text; a trailing "s" or plural ending marks a list.
ACTION_WORDS: Final[tuple[str, ...]] = (
    r"(?:oap|pao) (?:actions?|acciones|accion)",
    r"actions?",
    r"accion(?:es)?",
    r"medidas?",
    r"(?:oap|pao)",
    r"де[йи]стви[еяйюиемх]\w{0,2}",
    r"мер(?:а|ы|е|у|ой|ам|ами|ах)?",
    r"(?:[وفبلك]?ال|لل)اجراء(?:ات)?",
    r"اجراء(?:ات)?",
)
_PLURAL: Final[re.Pattern[str]] = re.compile(r"(?:s|es|ия|ий|иям|иями|иях|ы|ам|ами|ах|ات)$")

#: "n°", "No.", "nº" (folded to "no"), "núm.", "#", "№", "номер", "رقم".
_MARKER: Final[str] = (
    r"(?:(?:n ?[°o]s?|n\.[°o]|nr|num(?:ber|ero)?|numeros?)\.?|#|№|номер|رقم)"
)
#: An action number; not part of a decimal, a grouped number, a percentage or an ordinal.
_NUMBER: Final[str] = r"#? ?(\d{1,3})(?![\d]|[.,]\d|\s\d{3}\b|\s*%|\s*(?:st|nd|rd|th)\b)"
_RANGE: Final[str] = (
    r"\s*(?:-|–|—|‑|to|through|thru|a|au|al|hasta|по|до|الى|حتى)\s*(?:la\s+|the\s+)?"
)
_LIST_SEP: Final[str] = r"\s*[,;،]\s*"
_CONJUNCTION: Final[str] = (
    r"\s*,?\s*(?:(?<!\w)(?:and|et|y|or|ou|o|и|или)(?!\w)|&|و)\s*"
)
#: One number or a range; ``_ITEM`` captures both ends, ``_ITEM_TEXT`` only matches them.
_ITEM: Final[str] = rf"{_NUMBER}(?:{_RANGE}{_NUMBER})?"
_ITEM_TEXT: Final[str] = _ITEM.replace(r"(\d{1,3})", r"\d{1,3}")

_REFERENCE: Final[re.Pattern[str]] = re.compile(
    r"(?<![\w-])(?P<word>" + "|".join(ACTION_WORDS) + r")(?![\w-])"
    rf"\s*(?:{_MARKER}\s*)?"
    r"(?:(?:from|desde|du|de la|с|من)\s+(?=\d{1,2}" + _RANGE + r"\d))?"
    rf"(?P<body>{_ITEM_TEXT}(?:{_LIST_SEP}(?:{_MARKER}\s*)?{_ITEM_TEXT})*"
    rf"(?:{_CONJUNCTION}(?:{_MARKER}\s*)?{_ITEM_TEXT})*)"
)
_ITEM_RE: Final[re.Pattern[str]] = re.compile(_ITEM)
_CONJUNCTION_RE: Final[re.Pattern[str]] = re.compile(_CONJUNCTION.replace(r"\s*,?", "", 1))

#: After a bare comma list, what may follow its last number.
_LIST_END: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:$|[).:;]|\b(?:of|du|de|del|des|in|en|under|oap|pao|were|are|have|has|ont|sont|han|"
    r"son|se|respectively|respectivement|respectivamente)\b)"
)
#: Words before "action" that make it a common noun ("mine action 21 staff").
_COMMON_NOUN_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:mine|mines|humanitarian|humanitaire|humanitaria|demining)\s*$"
)
#: A plan, strategy or programme named after the numbers, to check it is the Oslo one.
_OTHER_PLAN: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?:of|du|de|del|des)\b[^.;,]{0,50}?\b(?:plan|strategy|"
    r"strategie|estrategia|programme|program|programa|roadmap|feuille de route|hoja de ruta|"
    r"framework|convention|convencion)\b"
)
_NAME_END: Final[re.Pattern[str]] = re.compile(r"[.;,()]|\b(?:and|et|y|или|و)\b")
_OSLO: Final[re.Pattern[str]] = re.compile(r"\b(?:oslo|oap|pao|осло|اوسلو)\b")


def _numbers(body: str, plural: bool) -> list[int]:
    """Action numbers of a list body; ranges are expanded, invalid items dropped."""
    items = list(_ITEM_RE.finditer(body))
    has_conjunction = bool(
        items and len(items) > 1 and _CONJUNCTION_RE.search(body[items[-2].end():items[-1].start()])
    )
    if not plural and not has_conjunction:
        items = items[:1]
    numbers: list[int] = []
    for item in items:
        first = int(item.group(1))
        last = int(item.group(2)) if item.group(2) else first
        if not FIRST_ACTION <= first <= LAST_ACTION:
            continue
        if item.group(2) and not first < last <= LAST_ACTION:
            continue
        numbers.extend(range(first, last + 1))
    return numbers


def _evidence(text: str, start: int, end: int) -> str:
    """The matched span with some words either side, on one line."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    return " ".join(text[left:right].split())


def _trim_list(folded: str, match: re.Match[str]) -> tuple[str, int]:
    """The list body, cut to its first item when a bare comma list runs into other numbers."""
    body, end = match.group("body"), match.end("body")
    items = list(_ITEM_RE.finditer(body))
    if len(items) < 2 or _CONJUNCTION_RE.search(body[items[-2].end():items[-1].start()]):
        return body, end
    if _LIST_END.match(folded, end):
        return body, end
    first_end = match.start("body") + items[0].end()
    return folded[match.start("body"):first_end], first_end


def find_action_references(text: str) -> list[ActionReference]:
    """One reference per action number named in ``text``, at its first mention, in text order."""
    folded = fold_keep_offsets(text)
    seen: dict[int, ActionReference] = {}
    for match in _REFERENCE.finditer(folded):
        if _COMMON_NOUN_BEFORE.search(folded, max(0, match.start() - 20), match.start()):
            continue
        body, end = _trim_list(folded, match)
        tail = folded[end:end + 120]
        plan = _OTHER_PLAN.match(tail)
        if plan and not _OSLO.search(tail[:plan.end()] + _NAME_END.split(tail[plan.end():])[0]):
            continue  # "Action 4 of the Maputo Action Plan"
        plural = bool(_PLURAL.search(match.group("word"))) or match.group("word") in ("oap", "pao")
        start = match.start()
        for number in _numbers(body, plural):
            if number not in seen:
                seen[number] = ActionReference(number, start, end, _evidence(text, start, end))
    return sorted(seen.values(), key=lambda ref: (ref.start, ref.action_no))
