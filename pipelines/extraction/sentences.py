"""Sentences of a passage, as both extractors cut them.

A sentence ends at a full stop, question or exclamation mark followed by a space and a
capital or a digit, at a blank line, before a bullet, or at a semicolon that ends a line.
A stop after an abbreviation ("Art. 5", "núm. 3") or inside a figure ("45.7 million") ends
nothing.
"""

from __future__ import annotations

import re
from typing import Final

from pipelines.extraction.vocabulary import fold_keep_offsets

#: Words whose final full stop does not end a sentence.
ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {
        "no", "nos", "nr", "art", "arts", "approx", "para", "paras", "p", "pp", "e.g", "i.e",
        "eg", "ie", "etc", "vs", "fig", "cf", "num", "n", "sr", "sra", "mr", "mrs", "ms", "dr",
        "st", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "av", "ca", "incl", "u.s", "ee.uu", "sq", "op", "vol", "ch", "sect", "res",
    }
)
_SENTENCE_BREAK: Final[re.Pattern[str]] = re.compile(
    r"[.!?]+[\"'”’)]*\s+(?=[\"'“(¿¡•\-–]?[A-Z0-9ÀÁÂÉÈÊÍÎÓÔÚÑÇ])|\n\s*\n|\n(?=\s*[•▪·*\-–]\s)|;\s*\n"
)
_WORD_BEFORE_DOT: Final[re.Pattern[str]] = re.compile(r"([\w.]+)\.+[\"'”’)]*\s+$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence or bullet item of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        word = _WORD_BEFORE_DOT.search(text, max(0, match.start() - 12), match.end())
        if word and match.group(0)[0] == "." and fold_keep_offsets(word.group(1)) in ABBREVIATIONS:
            continue
        if text[start:match.start()].strip():
            spans.append((start, match.start() + 1))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
