"""Detect the language of a document among the five the Convention's meetings use
(``schemas.vocab.MEETING_LANGUAGES``): Arabic and Russian by their scripts, English, French
and Spanish by a language model."""

from __future__ import annotations

import functools
import os
import re
import tempfile
import threading
import zipfile
from array import array
from pathlib import Path
from typing import Final

import numpy as np

#: The Latin-script languages, which the identifier's model tells apart.
MODEL_LANGUAGES: Final[tuple[str, ...]] = ("en", "es", "fr")
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


def load_now() -> None:
    """Load the identifier now, or wait for the thread loading it: processes forked after
    this share it, and none inherits the loading lock held."""
    _identifier()


def load_in_background() -> threading.Thread:
    """Start loading the identifier (~0.1 s, ~0.7 s the first time) on a thread, for a process
    that is only waiting.

    Start it after the forks of the work it waits for: a child forked while the thread loads
    inherits the loading lock held, and would wait for ever if it detected a language.
    """
    thread = threading.Thread(target=_identifier, name="language-identifier", daemon=True)
    thread.start()
    return thread


def model_cache() -> Path:
    """Where the identifier's model is kept ready to load: in ``OAP_CACHE``, else the user's cache."""
    from py3langid import __version__

    folder = os.environ.get("OAP_CACHE") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oap"
    return Path(folder) / f"langid-{__version__}-{'-'.join(MODEL_LANGUAGES)}.npz"


@functools.cache
def _load_identifier():
    """The identifier restricted to English, French and Spanish.

    py3langid ships its model compressed (LZMA, ~0.6 s to open); the part we use (the
    tokenizer and three of its languages, ~40 MB) is kept uncompressed (``model_cache``)
    after the first load and opens in ~0.1 s. A cache that cannot be read or written is
    only a slower start.
    """
    from py3langid.langid import LanguageIdentifier

    path = model_cache()
    try:
        with np.load(path, allow_pickle=False) as model:
            arrays = {name: model[name] for name in model.files}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        arrays = _model_arrays()
        _save(path, arrays)
    return LanguageIdentifier(
        arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), _array(arrays["nextmove"]),
        arrays["out_feat"].tolist(), norm_probs=True, tk_row=_array(arrays["nextmove_row"]),
    )


def _model_arrays() -> dict:
    """The packaged model's arrays, its language columns cut to ``MODEL_LANGUAGES``."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    keep = [i for i, language in enumerate(classes) if language in MODEL_LANGUAGES]
    return {
        "ptc": np.ascontiguousarray(ptc[:, keep]), "pc": pc[keep],
        "classes": np.array([classes[i] for i in keep]),
        "nextmove": np.asarray(nextmove), "nextmove_row": np.asarray(row),
        "out_feat": np.array(output, dtype=np.int32),
    }


def _save(path: Path, arrays: dict) -> None:
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            partial = Path(handle.name)
            np.savez(handle, **arrays)
        os.replace(partial, path)
    except OSError:  # no cache: the next load opens the packaged model again
        if partial is not None:
            partial.unlink(missing_ok=True)


def _array(values: np.ndarray) -> array:
    """A numpy array of unsigned integers as the stdlib ``array`` the tokenizer walks."""
    return array(values.dtype.char, values.tobytes())


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
