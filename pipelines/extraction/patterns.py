"""Word patterns written so that Python's regex engine can scan for them quickly.

A pattern that opens with ``\\b`` or ``(?<!\\w)`` is tried at every position of the text.
One that opens with a letter, or with a choice between fragments that each open with a
letter, is looked for by a fast scan for those letters first. The word-start test then
comes right after the first letter, as a look back over two characters: the same matches,
found about ten times faster for the action terms and the status cues. A choice between
dozens of fragments gains little this way (too many first letters), so the keyword tables
of the figures keep their plain form.
"""

from __future__ import annotations

import re
from typing import Final

#: A digit. Figures, amounts and years are written in digits and most sentences hold none:
#: looking for one first is a cheap way past them.
DIGIT: Final = re.compile(r"\d")

_QUANTIFIERS = frozenset("?*+{")
_LETTER_FIRST = r"(?<!\w\w)"  # after one word character: it starts a word


def word_start(word: str) -> str:
    """Regex for the literal ``word`` where a word starts, as ``\\b`` + ``word`` matches it.

    The look back comes after the whole word, so the engine scans for all of it at once.
    ``word`` must start with a word character.
    """
    return re.escape(word) + rf"(?<!\w[\s\S]{{{len(word)}}})"


def top_level_alternatives(fragment: str) -> list[str]:
    """The alternatives of ``fragment`` split at each ``|`` outside groups and classes."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(fragment):
        char = fragment[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if fragment.startswith("^", index + 1):
                index += 1
            if fragment.startswith("]", index + 1):
                index += 1  # "[]...]" and "[^]...]": a leading "]" is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(fragment[start:index])
            start = index + 1
        index += 1
    parts.append(fragment[start:])
    return parts


def at_word_start(fragment: str, boundary: str = r"\b") -> list[str]:
    """The alternatives of ``boundary`` + ``(?:fragment)``, each opening with its letter if
    it can.

    ``boundary`` is ``\\b`` or ``(?<!\\w)``: before a word character both say that no word
    character stands before it, which the look back after the first letter says too. An
    alternative that opens otherwise (a symbol, a class, an escape, a group, or a letter
    made optional) keeps ``boundary`` in front of it.
    """
    written = []
    for alternative in top_level_alternatives(fragment):
        first, rest = alternative[:1], alternative[1:]
        if first.isalnum() and rest[:1] not in _QUANTIFIERS:
            written.append(first + _LETTER_FIRST + rest)
        else:
            written.append(f"{boundary}(?:{alternative})")
    return written
