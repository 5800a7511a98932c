"""Attribute a document to the State Party that wrote it.

The author is named by the letterhead ("Permanent Mission of ..."), a statement line
("Statement by the delegation of ...") or a signature block, in English, French or Spanish;
failing those, by the file name; failing both, by the State named most often, flagged for
review. A donor listing the States it supports is attributed to itself, not to the first
State it names, because author cues outrank mere mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import pandas as pd

from pipelines.extraction.text import fold, fold_name

#: Phrases that introduce the author anywhere in a document, folded (lower case, no accents).
STRONG_CUES: Final[tuple[str, ...]] = (
    r"permanent mission of",
    r"permanent representation of",
    r"embassy of",
    r"statement (?:delivered )?by(?: the)?(?: delegation of| representative of| government of)?",
    r"written (?:update|statement|contribution) (?:of|by|from)(?: the)?(?: government of)?",
    r"delegation of",
    r"mission permanente (?:de la |du |des |de l'|d'|de )?",
    r"representation permanente (?:de la |du |des |de l'|d'|de )?",
    r"ambassade (?:de la |du |des |de l'|d'|de )",
    r"declaration (?:de|par) (?:la delegation |le gouvernement )?(?:de la |du |des |de l'|d'|de )?",
    r"delegation (?:de la |du |des |de l'|d'|de )",
    r"mision permanente (?:de la |del |de )?",
    r"representacion permanente (?:de la |del |de )?",
    r"embajada (?:de la |del |de )",
    r"declaracion (?:de la delegacion |del gobierno )?(?:de la |del |de )?",
    r"delegacion (?:de la |del |de )",
    r"постоянное представительство",
    r"постоянного представительства",
    r"заявление делегации",
    r"делегация",
    r"делегации",
    fold("البعثة الدائمة"),
    r"بيان وفد",
    r"وفد",
)
#: Phrases that name the author only at the very top of a document (a letterhead).
LETTERHEAD_CUES: Final[tuple[str, ...]] = (
    r"government of",
    r"ministry of [a-z ]{3,40} of",
    r"republic of",
    r"kingdom of",
    r"gouvernement (?:de la |du |des |de l'|d'|de )",
    r"republique (?:de la |du |des |de l'|d'|de )",
    r"gobierno (?:de la |del |de )",
    r"republica (?:de la |del |de )",
    r"правительство",
    r"правительства",
    r"حكومة",
)
_ARTICLE = r"\s*(?:the\s+|la\s+|le\s+|el\s+|l')?"
_STRONG = re.compile(r"(?:" + "|".join(STRONG_CUES) + r")" + _ARTICLE)
_ANY = re.compile(r"(?:" + "|".join(STRONG_CUES + LETTERHEAD_CUES) + r")" + _ARTICLE)
#: Characters at the top of a document where a letterhead can be.
LETTERHEAD_CHARS: Final[int] = 300
_CUE_WINDOW: Final[int] = 60


@dataclass(frozen=True)
class Attribution:
    iso3: str | None
    method: str | None
    confidence: float
    review_reason: str | None = None


class AliasIndex:
    """Finds State names (any alias, any language) in folded text, longest name first."""

    def __init__(self, aliases: pd.DataFrame) -> None:
        names: dict[str, str] = {}
        for iso3, alias in aliases[["iso3", "alias"]].itertuples(index=False):
            key = fold_name(alias)
            if len(key) >= 3:
                names.setdefault(key, iso3)
        self._iso3 = names
        self.codes = frozenset(aliases["iso3"])
        alternatives = sorted(names, key=len, reverse=True)
        self._pattern = re.compile(r"\b(" + "|".join(map(re.escape, alternatives)) + r")\b")

    def find(self, folded: str) -> list[tuple[int, str]]:
        """(position, iso3) of every State name in ``folded`` (text passed through fold_name)."""
        return [(m.start(), self._iso3[m.group(1)]) for m in self._pattern.finditer(folded)]


def attribute_state(
    file_name: str, head_text: str, full_text: str, furniture: Iterable[str], index: AliasIndex
) -> Attribution:
    """The submitting State of a document.

    ``head_text`` is the first page and ``furniture`` the running headers and footers, where
    letterheads sit; ``full_text`` is searched for author cues (signature blocks) and mentions.
    """
    head = "\n".join([*furniture, head_text])
    author = _from_cues(head[:LETTERHEAD_CHARS], index, _ANY) or _from_cues(head, index, _STRONG)
    by_name = _from_file_name(file_name, index)
    if not author and not by_name:
        author = _from_cues(full_text, index, _STRONG)
    if author and by_name and author != by_name:
        return Attribution(
            author,
            "letterhead",
            0.8,
            f"the text names {author} as author but the file name points to {by_name}",
        )
    if author:
        return Attribution(author, "letterhead", 0.97 if by_name == author else 0.92)
    if by_name:
        return Attribution(by_name, "file_name", 0.9)
    counts = Counter(iso3 for _, iso3 in index.find(fold_name(full_text)))
    if counts:
        (best, n), *rest = counts.most_common(2)
        tie = bool(rest) and rest[0][1] == n
        reason = "State inferred from the names the text mentions; check it"
        return Attribution(None if tie else best, None if tie else "mentions", 0.3 if tie else 0.5, reason)
    return Attribution(None, None, 0.0, "no State Party could be identified")


def _from_file_name(file_name: str, index: AliasIndex) -> str | None:
    stem = file_name.rsplit(".", 1)[0]
    found = {iso3 for _, iso3 in index.find(fold_name(stem))}
    found |= {token for token in re.split(r"[^A-Z]+", stem) if token in index.codes}
    return found.pop() if len(found) == 1 else None


def _from_cues(text: str, index: AliasIndex, cues: re.Pattern[str]) -> str | None:
    folded = fold(text)
    for cue in cues.finditer(folded):
        window = fold_name(folded[cue.end() : cue.end() + _CUE_WINDOW])
        hits = index.find(window)
        if hits and hits[0][0] <= 12:
            return hits[0][1]
    return None
