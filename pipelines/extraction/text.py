"""Text normalisation shared by the matchers: case and accents folded, spaces collapsed."""

from __future__ import annotations

import functools
import re

from pipelines.extraction.patterns import word_start
from pipelines.extraction.vocabulary import without_marks

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


class _Unaccented(dict):
    """Translation table: each character as its compatibility decomposition without
    combining marks ("é" to "e", "ﬁ" to "fi", a combining accent to nothing), apostrophes and
    ligatures as ``_APOSTROPHES`` writes them. Filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = without_marks(chr(code))
        return self[code]


_UNACCENTED = _Unaccented(_APOSTROPHES)


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: the form matchers compare.

    Ligatures are spelled out ("œuvre" and "oeuvre" fold alike), so offsets in the folded
    text are only close to those in the original. Kept for texts seen again: the matchers
    fold the same passage and its sentences several times.
    """
    text = text.translate(_APOSTROPHES if text.isascii() else _UNACCENTED)
    return _SPACES.sub(" ", text.lower()).strip()


def fold_name(text: str) -> str:
    """``fold`` for names and file names: punctuation and underscores become spaces."""
    return _SPACES.sub(" ", re.sub(r"[_\-–.,;:()/\\]+", " ", fold(text))).strip()


#: Words that may stand between the content words of a term ("register of all mine victims"
#: for "register of mine victims").
TERM_GAP = 2
#: Function words: optional in a term, so "base de données des victimes" matches the term
#: "base de données sur les victimes" (Arabic and Russian ones as ``fold`` writes them).
_FUNCTION_WORDS = (
    "a al an and at by d de del des du el en et for from in l la las le les los of on or "
    "para par pour por sur the to y "
    "в во и или к ко на о об обо от по с со у для из "
    "في من على الى عن مع او و"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
#: What Arabic writes onto the front of a word: a conjunction (wa, fa), a preposition (bi, li,
#: ka), the article (al-; li + al- is "lil"). A term's Arabic words are written without them.
_ARABIC_PROCLITICS = "(?:[وف]?[بكل]?(?:ال|ل)?)"
_ARABIC_PROCLITIC = re.compile(_ARABIC_PROCLITICS)
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a]")


def match_form(text: str) -> str:
    """``fold`` with punctuation and apostrophes turned into spaces: the form terms are
    matched in ("l'article 7" as "l article 7", "women, girls" as "women girls")."""
    return _SPACES.sub(" ", re.sub(r"[^\w\s]|_", " ", fold(text))).strip()


def content_words(term: str) -> list[str]:
    """The words of a term that must be in the text (its function words are optional)."""
    words = match_form(term).split()
    return [w for w in words if w not in FUNCTION_WORDS] or words


def stem_pattern(term: str) -> str:
    """Regex for a term, to search in ``match_form`` text: its content words in order, each
    with a short ending allowed (plurals, gender, Russian cases when the term gives the stem),
    separated by up to TERM_GAP other words besides the term's own function words, which may
    or may not be there. An Arabic word may carry its proclitics ("والتوعية" for "توعية")."""
    words = match_form(term).split()
    content = content_words(term)
    gap = rf"\s+(?:\S+\s+){{0,{TERM_GAP + len(words) - len(content)}}}?"
    head, *tail = content
    rest = "".join(gap + _clitics(word) + re.escape(word) + r"\w{0,3}" for word in tail)
    if _is_arabic(head):
        return rf"(?<!\w){_ARABIC_PROCLITICS}{re.escape(head)}\w{{0,3}}{rest}\b"
    return word_start(head) + r"\w{0,3}" + rest + r"\b"


def word_bases(text: str) -> set[str]:
    """The forms a term's first word may have in the words of ``text`` (in ``match_form``):
    each word less an ending of up to three letters, an Arabic word also less its proclitics."""
    fronts = set(text.split())
    if not text.isascii() and _ARABIC_LETTER.search(text):
        fronts |= {word[i:] for word in fronts if _is_arabic(word)
                   for i in range(1, min(5, len(word))) if _ARABIC_PROCLITIC.fullmatch(word, 0, i)}
    return {front[: len(front) - cut] for front in fronts for cut in range(min(4, len(front)))}


def _is_arabic(word: str) -> bool:
    return _ARABIC_LETTER.match(word) is not None


def _clitics(word: str) -> str:
    return _ARABIC_PROCLITICS if _is_arabic(word) else ""
