"""Detect the language of a document among the six the Convention's meetings use."""

from __future__ import annotations

import functools
import re
import threading
from typing import Final

#: Languages we tell apart: the working languages of the updates plus Arabic and Russian.
LANGUAGES: Final[tuple[str, ...]] = ("en", "fr", "es", "ar", "ru")
UNDETERMINED: Final[str] = "und"
#: Characters of a text that decide its language.
SAMPLE_CHARS: Final[int] = 2000

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")


_LOADING = threading.Lock()


def _identifier():
    with _LOADING:
        return _load_identifier()


def load_in_background() -> threading.Thread:
    """Start loading the identifier (~0.7 s) on a thread, for a process that is only waiting.

    Start it after the forks of the work it waits for: a child forked while the thread loads
    inherits the loading lock held, and would wait for ever if it detected a language.
    """
    thread = threading.Thread(target=_identifier, name="language-identifier", daemon=True)
    thread.start()
    return thread


@functools.cache
def _load_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["en", "fr", "es"])
    # set_languages keeps the full model (~27 MB) to allow a later reset; this one never resets
    identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language of ``text``, or 'und' when there is too little text.

    Arabic and Cyrillic script decide at once; Latin-script text goes to a language
    identifier restricted to English, French and Spanish. The first SAMPLE_CHARS characters
    are enough to tell these apart; more costs time and changes nothing.
    """
    sample = text[:SAMPLE_CHARS]
    arabic = len(_ARABIC.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if max(arabic, cyrillic, latin) < 20:
        return UNDETERMINED
    if arabic > latin and arabic >= cyrillic:
        return "ar"
    if cyrillic > latin:
        return "ru"
    language, _ = _identifier().classify(sample)
    return str(language)
