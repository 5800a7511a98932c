"""Which OAP actions each passage reports on: by their number, or by their theme.

Explicit mentions come from the action numbers written in the text. Inferred mentions
come from the multilingual terms of the reference data (``action_keywords``): a passage's
score for an action is the weight of the distinct terms it contains, and a thematic heading
above the passage ("Victim assistance", "Assistance aux victimes") narrows it to a section.
A passage under a heading that names an action by number is not inferred again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import pandas as pd

from pipelines.extraction.model import Method, Passage, PassageKind
from pipelines.extraction.references import find_action_references
from pipelines.extraction.status import classify_status
from pipelines.extraction.text import content_words, match_form, stem_pattern

#: Smallest summed term weight for an inferred mention.
MIN_SCORE: Final[float] = 1.0
#: An action is kept beside the passage's best one only when it scores this share of it.
RUNNER_UP_SHARE: Final[float] = 0.75
MAX_INFERRED_PER_PASSAGE: Final[int] = 2
#: Factor applied to actions outside the section a heading points to.
OFF_SECTION_FACTOR: Final[float] = 0.4
EXPLICIT_CONFIDENCE: Final[float] = 0.98
EVIDENCE_CHARS: Final[int] = 400


@dataclass(frozen=True)
class ActionMention:
    action_no: int
    passage_no: int
    page: int
    evidence: str
    method: Method
    confidence: float
    status: str
    ocr: bool


class ActionMatcher:
    """Maps passages to actions with the reference terms, built once per run."""

    def __init__(
        self, actions: pd.DataFrame, keywords: pd.DataFrame, headings: pd.DataFrame
    ) -> None:
        self._section = dict(zip(actions["action_no"], actions["section_no"], strict=True))
        terms: dict[tuple[int, str], float] = {}
        first: dict[str, str] = {}
        for action_no, term, weight in keywords[["action_no", "term", "weight"]].itertuples(
            index=False
        ):
            key = (int(action_no), stem_pattern(term))
            terms[key] = max(weight, terms.get(key, 0.0))
            first[key[1]] = content_words(term)[0]
        # Terms indexed by their first content word: a passage is searched only for the terms
        # whose first word it contains, not for all of them.
        self._by_first: dict[str, list[tuple[int, re.Pattern[str], float]]] = defaultdict(list)
        for (action_no, pattern), weight in terms.items():
            self._by_first[first[pattern]].append((action_no, re.compile(pattern), weight))
        self._headings = [
            (section, re.compile(stem_pattern(term)))
            for section, term in headings[["section_no", "term"]].itertuples(index=False)
        ]

    def mentions(self, passages: Iterable[Passage]) -> list[ActionMention]:
        found: list[ActionMention] = []
        explicit_headings: set[str] = set()
        for passage in passages:
            explicit = self._explicit(passage)
            if explicit and passage.kind is PassageKind.HEADING:
                explicit_headings.add(passage.text)
            found.extend(explicit)
            under_explicit = any(h in passage.heading_path for h in explicit_headings)
            if not explicit and not under_explicit and passage.kind is not PassageKind.HEADING:
                found.extend(self._inferred(passage))
        return found

    def _explicit(self, passage: Passage) -> list[ActionMention]:
        status = classify_status(passage.text).value
        confidence = EXPLICIT_CONFIDENCE - (0.08 if passage.ocr else 0.0)
        seen: dict[int, str] = {}
        for ref in find_action_references(passage.text):
            seen.setdefault(ref.action_no, ref.evidence)
        return [
            ActionMention(n, passage.passage_no, passage.page, evidence, Method.EXPLICIT,
                          confidence, status, passage.ocr)
            for n, evidence in seen.items()
        ]

    def _inferred(self, passage: Passage) -> list[ActionMention]:
        folded = match_form(passage.text)
        scores: dict[int, float] = defaultdict(float)
        first_hit: dict[int, int] = {}
        for action_no, pattern, weight in self._candidates(folded):
            match = pattern.search(folded)
            if match:
                scores[action_no] += weight
                first_hit.setdefault(action_no, match.start())
        if not scores:
            return []
        sections = self.heading_sections(passage.heading_path)
        if sections:
            for action_no in scores:
                if self._section.get(action_no) not in sections:
                    scores[action_no] *= OFF_SECTION_FACTOR
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        best = ranked[0][1]
        if best < MIN_SCORE:
            return []
        status = classify_status(passage.text).value
        kept = [(a, s) for a, s in ranked if s >= max(MIN_SCORE, RUNNER_UP_SHARE * best)]
        return [
            ActionMention(
                action_no,
                passage.passage_no,
                passage.page,
                _excerpt(passage.text, first_hit[action_no]),
                Method.INFERRED,
                round(min(0.9, 0.35 + 0.15 * score + (0.1 if sections else 0.0)), 2),
                status,
                passage.ocr,
            )
            for action_no, score in kept[:MAX_INFERRED_PER_PASSAGE]
        ]

    def _candidates(self, folded: str) -> list[tuple[int, re.Pattern[str], float]]:
        """Terms whose first word, give or take an ending of up to 3 letters, is in the text."""
        bases = {
            word[: len(word) - cut]
            for word in set(folded.split())
            for cut in range(min(4, len(word)))
        }
        return [term for base in bases & self._by_first.keys() for term in self._by_first[base]]

    def heading_sections(self, heading_path: str) -> set[str]:
        """OAP sections named by the thematic headings above a passage."""
        folded = match_form(heading_path)
        return {section for section, pattern in self._headings if pattern.search(folded)}


def _excerpt(text: str, position: int) -> str:
    """About EVIDENCE_CHARS characters of ``text`` around ``position``, cut at word boundaries."""
    if len(text) <= EVIDENCE_CHARS:
        return text
    start = max(0, position - EVIDENCE_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = text.find(" ", start + EVIDENCE_CHARS)
    excerpt = text[start : end if end > 0 else len(text)]
    return ("…" if start else "") + excerpt + ("…" if end > 0 else "")
