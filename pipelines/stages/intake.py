"""Find the input files and identify each by the hash of its bytes."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipelines.stages.known_files import KnownFiles, file_key
from sources.detect import detect_type

#: File type of a link that points outside the sources folder.
OUTSIDE = "outside"

MANIFEST_COLUMNS = ["file_name", "source_path", "sha256", "size_bytes", "file_type", "duplicate_of"]

#: The file, in the instance's storage, that keeps the hashes of the files already seen.
KNOWN_FILES_RECORD = "source-files.json"

#: The known files of each record, read once per process: the checks list the folder again
#: after the load without hashing or reading the record twice.
_KNOWN: dict[Path | None, KnownFiles] = {}


@dataclass(frozen=True)
class SourceEntry:
    """A file of the sources folder: its name there, its path, and where it really is."""

    name: str  # path relative to the folder, with "/"
    path: Path
    real: str | None  # the file's resolved path; None for a link to a file outside the folder
    stat: os.stat_result  # of the file itself, links followed


def walk(sources: Path) -> list[SourceEntry]:
    """Every file under ``sources``, in path order, hidden files and folders aside.

    A link to a file is listed (``real`` tells where it leads); a link to a folder is not
    entered. A folder that cannot be listed raises, naming it: no file is passed over silently.
    """
    root = str(sources.resolve())
    found: list[tuple[tuple[str, ...], SourceEntry]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(str(sources), ())]
    while pending:
        folder, parts = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                at = (*parts, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, at))
                elif entry.is_file():
                    if entry.is_symlink():
                        target = Path(entry.path).resolve()
                        real = str(target) if target.is_relative_to(root) else None
                    else:
                        real = os.path.join(root, *at)
                    found.append((at, SourceEntry("/".join(at), Path(entry.path), real,
                                                  entry.stat())))
    return [entry for _, entry in sorted(found, key=lambda item: item[0])]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(sources: Path, storage: Path | None = None) -> pd.DataFrame:
    """Every file under ``sources`` (hidden files aside), with its hash, type and duplicate.

    ``file_name`` is the path relative to the sources folder. A file whose bytes equal an
    earlier file's (in name order) is marked as that file's duplicate. Only files not seen
    before are read and hashed: the record of the files seen (``KnownFiles``) is kept in the
    folder ``storage`` (the Dagster instance's), else in this process alone.
    """
    if not sources.is_dir():
        raise FileNotFoundError(f"the sources folder {sources} does not exist")
    record = storage / KNOWN_FILES_RECORD if storage else None
    if record not in _KNOWN:
        _KNOWN[record] = KnownFiles(record)
    known = _KNOWN[record]
    rows = []
    first_by_hash: dict[str, str] = {}
    listed = set()
    for entry in walk(sources):
        if entry.real is None:
            # A link to a file elsewhere: never followed, reported in quarantine.
            rows.append({"file_name": entry.name, "source_path": entry.name, "sha256": None,
                         "size_bytes": 0, "file_type": OUTSIDE, "duplicate_of": None})
            continue
        key = file_key(entry.real, entry.stat)
        listed.add(key)
        found = known.get(key)
        if found is None:
            found = sha256_of(entry.path), detect_type(entry.path).value
            known.add(key, *found)
        digest, file_type = found
        rows.append(
            {
                "file_name": entry.name,
                "source_path": entry.name,
                "sha256": digest,
                "size_bytes": entry.stat.st_size,
                "file_type": file_type,
                "duplicate_of": first_by_hash.get(digest),
            }
        )
        first_by_hash.setdefault(digest, entry.name)
    known.keep_only(str(sources.resolve()), listed)
    known.save()
    return pd.DataFrame(rows, columns=MANIFEST_COLUMNS)
