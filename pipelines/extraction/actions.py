"""Which OAP actions each passage reports on: by their number, or by their theme.

Explicit mentions come from the action numbers written in the text. Inferred mentions
come from the multilingual terms of the reference data (``action_keywords``) and from the
sentence cues of ``action_cues``: a passage's score for an action is the weight of the
distinct terms it contains, and of its cues. A thematic heading above the passage ("Victim
assistance", "Assistance aux victimes") narrows it to a section, except for what a cue says;
hints alone (the weakest terms) need such a heading or several distinct hints. An action
named by number in the passage, or in a heading above it, is not inferred again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

import pandas as pd

from pipelines.extraction.action_cues import (
    DONOR_SUPPORT,
    SentenceCues,
    names_amount,
    sentence_cues,
)
from pipelines.extraction.model import Method, Passage, PassageKind
from pipelines.extraction.references import find_action_references
from pipelines.extraction.status import classify_status
from pipelines.extraction.text import content_words, match_form, stem_pattern, word_bases

#: Smallest summed term weight for an inferred mention.
MIN_SCORE: Final[float] = 1.0
#: An action is kept beside the passage's best one only when it scores this share of it.
RUNNER_UP_SHARE: Final[float] = 0.6
MAX_INFERRED_PER_PASSAGE: Final[int] = 3
#: Factor applied to actions outside the section a heading points to.
OFF_SECTION_FACTOR: Final[float] = 0.4
#: Terms this light are hints. Hints alone, outside a heading of their section, must reach
#: MIN_SCORE with distinct words: "suspected hazardous area" is one hint, not two.
HINT_WEIGHT: Final[float] = 0.5
#: Sections whose themes a donor's figures fund elsewhere rather than carry out.
FUNDED_SECTIONS: Final = frozenset({"V", "VI", "VII"})
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


@dataclass
class _Evidence:
    """What a passage holds for one action: its terms' weights and spans, and its cues."""

    score: float = 0.0
    position: int = -1
    cued: bool = False
    terms: list[tuple[float, int, int]] = field(default_factory=list)  # weight, start, end

    def add(self, weight: float, start: int, end: int, cue: bool = False) -> None:
        self.score += weight
        if cue:
            self.cued = True
        else:
            self.terms.append((weight, start, end))
        if self.position < 0 or start < self.position:
            self.position = start

    @property
    def hints_only(self) -> bool:
        return not self.cued and all(weight <= HINT_WEIGHT for weight, _, _ in self.terms)

    def distinct_score(self) -> float:
        """The terms' weight, terms that overlap (share words) counted once, the longest kept."""
        kept: list[tuple[int, int]] = []
        score = 0.0
        for weight, start, end in sorted(self.terms, key=lambda term: term[1] - term[2]):
            if all(end <= a or start >= b for a, b in kept):
                kept.append((start, end))
                score += weight
        return score


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
        # whose first word it contains, not for all of them. A term is compiled the first time
        # a passage holds its first word: a run over a few documents compiles a few of them.
        self._by_first: dict[str, list[tuple[int, str, float]]] = defaultdict(list)
        for (action_no, pattern), weight in terms.items():
            self._by_first[first[pattern]].append((action_no, pattern, weight))
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._headings = [
            (section, re.compile(stem_pattern(term)))
            for section, term in headings[["section_no", "term"]].itertuples(index=False)
        ]
        self._heading_sections: dict[str, frozenset[str]] = {}

    def mentions(self, passages: Iterable[Passage]) -> list[ActionMention]:
        """Explicit and inferred mentions of one document's passages, in reading order.

        In a donor's statement (it reports money it gave to mine action), a passage with an
        amount is about that support: the survey, clearance, risk education or victim
        assistance it pays for elsewhere are not inferred as the donor's own work.
        """
        passages = list(passages)
        cues = {p.passage_no: sentence_cues(p.text) for p in passages
                if p.kind is not PassageKind.HEADING}
        donor = any(DONOR_SUPPORT.action_no in weights
                    for found in cues.values() for _, weights in found)
        found: list[ActionMention] = []
        heading_actions: dict[str, set[int]] = {}
        for passage in passages:
            explicit = self._explicit(passage)
            found.extend(explicit)
            if passage.kind is PassageKind.HEADING:
                if explicit:
                    heading_actions[passage.text] = {m.action_no for m in explicit}
                continue
            if explicit:
                continue
            named = {a for heading, numbers in heading_actions.items()
                     if heading in passage.heading_path for a in numbers}
            inferred = self._inferred(passage, named, cues[passage.passage_no])
            if donor and names_amount(passage.text):
                inferred = [m for m in inferred
                            if self._section.get(m.action_no) not in FUNDED_SECTIONS]
            found.extend(inferred)
        return found

    def _explicit(self, passage: Passage) -> list[ActionMention]:
        seen: dict[int, str] = {}
        for ref in find_action_references(passage.text):
            seen.setdefault(ref.action_no, ref.evidence)
        if not seen:
            return []
        status = classify_status(passage.text).value
        confidence = EXPLICIT_CONFIDENCE - (0.08 if passage.ocr else 0.0)
        return [
            ActionMention(n, passage.passage_no, passage.page, evidence, Method.EXPLICIT,
                          confidence, status, passage.ocr)
            for n, evidence in seen.items()
        ]

    def _inferred(self, passage: Passage, named: set[int], cues: SentenceCues
                  ) -> list[ActionMention]:
        """The actions a passage reports on by theme, best first.

        An action named by a heading above the passage still competes (the passage is about
        it, which can leave weaker themes behind) but is not reported again.
        """
        sections = self.heading_sections(passage.heading_path)
        scores: dict[int, float] = {}
        evidence = self._evidence(passage.text, cues)
        for action_no, found in evidence.items():
            in_section = self._section.get(action_no) in sections
            if found.hints_only and not in_section and found.distinct_score() < MIN_SCORE:
                continue
            off_section = sections and not in_section and not found.cued
            scores[action_no] = found.score * (OFF_SECTION_FACTOR if off_section else 1.0)
        if not scores:
            return []
        # Best score first, then the action whose evidence comes first, then the lower number.
        ranked = sorted(scores.items(),
                        key=lambda item: (-item[1], evidence[item[0]].position, item[0]))
        best = ranked[0][1]
        kept = [
            (action_no, score) for action_no, score in ranked
            if score >= MIN_SCORE and action_no not in named
            and (score >= RUNNER_UP_SHARE * best or evidence[action_no].cued)
        ]
        if not kept:
            return []
        status = classify_status(passage.text).value
        return [
            ActionMention(
                action_no,
                passage.passage_no,
                passage.page,
                _excerpt(passage.text, evidence[action_no].position),
                Method.INFERRED,
                round(min(0.9, 0.35 + 0.15 * score + (0.1 if sections else 0.0)), 2),
                status,
                passage.ocr,
            )
            for action_no, score in kept[:MAX_INFERRED_PER_PASSAGE]
        ]

    def _evidence(self, text: str, cues: SentenceCues) -> dict[int, _Evidence]:
        """The terms of ``text`` and the cues of its sentences, per action."""
        found: dict[int, _Evidence] = defaultdict(_Evidence)
        folded = match_form(text)
        for action_no, pattern, weight in self._candidates(folded):
            if pattern not in self._compiled:
                self._compiled[pattern] = re.compile(pattern)
            match = self._compiled[pattern].search(folded)
            if match:
                found[action_no].add(weight, match.start(), match.end())
        for (start, end), weights in cues:
            for action_no, weight in weights.items():
                found[action_no].add(weight, start, end, cue=True)
        return found

    def _candidates(self, folded: str) -> list[tuple[int, str, float]]:
        """Terms whose first word, give or take an ending of up to 3 letters (and an Arabic
        word's proclitics), is in the text."""
        bases = word_bases(folded)
        return [term for base in bases & self._by_first.keys() for term in self._by_first[base]]

    def heading_sections(self, heading_path: str) -> frozenset[str]:
        """OAP sections named by the thematic headings above a passage."""
        if heading_path not in self._heading_sections:
            folded = match_form(heading_path)
            self._heading_sections[heading_path] = frozenset(
                section for section, pattern in self._headings if pattern.search(folded)
            )
        return self._heading_sections[heading_path]


def _excerpt(text: str, position: int) -> str:
    """About EVIDENCE_CHARS characters of ``text`` around ``position``, cut at word boundaries."""
    if len(text) <= EVIDENCE_CHARS:
        return text
    start = max(0, position - EVIDENCE_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = text.find(" ", start + EVIDENCE_CHARS)
    excerpt = text[start : end if end > 0 else len(text)]
    return ("…" if start else "") + excerpt + ("…" if end > 0 else "")
