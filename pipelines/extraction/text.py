"""Text normalisation shared by the matchers: case and accents folded, spaces collapsed."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: the form matchers compare.

    Ligatures are spelled out ("œuvre" and "oeuvre" fold alike), so offsets in the folded
    text are only close to those in the original.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def fold_name(text: str) -> str:
    """``fold`` for names and file names: punctuation and underscores become spaces."""
    return _SPACES.sub(" ", re.sub(r"[_\-–.,;:()/\\]+", " ", fold(text))).strip()


def stem_pattern(term: str) -> str:
    """Regex for a folded term whose words may carry a short ending (plurals, gender)."""
    words = [re.escape(word) for word in fold(term).split()]
    return r"\b" + r"\s+".join(word + r"\w{0,3}" for word in words) + r"\b"
