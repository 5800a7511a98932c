"""Reference seeds checked once per content: a run whose seeds did not change reuses them.

Loading the seven seeds and checking them against their contracts costs about a second, most
of a run that has nothing else to do. The checked tables are kept in a pickle whose name is a
digest of everything that decides them: the seed files' bytes, the loaders' and contracts'
code, and the pandas and pandera versions. Any change to one of these makes a new digest, so
the seeds are loaded and checked again; a seed that breaks its contract is never kept.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from schemas import reference as reference_contracts
from warehouse import reference

_PREFIX = "reference-seeds-"
#: The tables this process took or checked last, under their cache file (one entry): the
#: assets of one run that use them get them without reading the pickle again.
_loaded: dict[Path, dict[str, pd.DataFrame]] = {}


def seeds_digest() -> str:
    """Digest of the seed files, the code that loads and checks them, and its libraries."""
    digest = hashlib.sha256()
    for package in ("pandas", "pandera"):
        digest.update(importlib.metadata.version(package).encode())
    for module in (reference, reference_contracts):
        digest.update(Path(module.__file__).read_bytes())
    seeds = reference.default_seeds_dir()
    for entry in sorted(seeds.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:24]


def checked_seeds(
    cache_dir: Path, load_and_check: Callable[[], dict[str, pd.DataFrame]]
) -> tuple[dict[str, pd.DataFrame], bool]:
    """The checked reference tables, and whether they came from the cache.

    ``load_and_check`` loads every seed and raises when one breaks its contract; only what
    it returns is kept, replacing any older cache file.
    """
    path = cache_dir / f"{_PREFIX}{seeds_digest()}.pkl"
    if path in _loaded and path.exists():
        return _loaded[path], True
    if path.exists():
        try:
            with path.open("rb") as handle:
                return _keep(path, pickle.load(handle)), True
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            path.unlink(missing_ok=True)  # unreadable: checked again below
    tables = load_and_check()
    cache_dir.mkdir(parents=True, exist_ok=True)
    for old in cache_dir.glob(f"{_PREFIX}*.pkl"):
        old.unlink(missing_ok=True)
    partial = path.with_suffix(".tmp")
    with partial.open("wb") as handle:
        pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    return _keep(path, tables), False


def _keep(path: Path, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    _loaded.clear()
    _loaded[path] = tables
    return tables
