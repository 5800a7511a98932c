"""Find the input files and identify each by the hash of its bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from sources.detect import detect_type

#: File type of a link that points outside the sources folder.
OUTSIDE = "outside"

MANIFEST_COLUMNS = ["file_name", "source_path", "sha256", "size_bytes", "file_type", "duplicate_of"]

#: Hash and type of the files seen by this process, by path, size and modification time:
#: the checks list the folder again after the load without hashing every file twice.
_SEEN: dict[tuple[str, int, int], tuple[str, str]] = {}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(sources: Path) -> pd.DataFrame:
    """Every file under ``sources`` (hidden files aside), with its hash, type and duplicate.

    ``file_name`` is the path relative to the sources folder. A file whose bytes equal an
    earlier file's (in name order) is marked as that file's duplicate.
    """
    if not sources.is_dir():
        raise FileNotFoundError(f"the sources folder {sources} does not exist")
    rows = []
    first_by_hash: dict[str, str] = {}
    root = sources.resolve()
    for path in sorted(p for p in sources.rglob("*") if p.is_file()):
        relative = path.relative_to(sources)
        if any(part.startswith(".") for part in relative.parts):
            continue
        name = relative.as_posix()
        if not path.resolve().is_relative_to(root):
            # A link to a file elsewhere: never followed, reported in quarantine.
            rows.append({"file_name": name, "source_path": name, "sha256": None,
                         "size_bytes": 0, "file_type": OUTSIDE, "duplicate_of": None})
            continue
        stat = path.stat()
        seen = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        if seen not in _SEEN:
            _SEEN[seen] = (sha256_of(path), detect_type(path).value)
        digest, file_type = _SEEN[seen]
        rows.append(
            {
                "file_name": name,
                "source_path": name,
                "sha256": digest,
                "size_bytes": stat.st_size,
                "file_type": file_type,
                "duplicate_of": first_by_hash.get(digest),
            }
        )
        first_by_hash.setdefault(digest, name)
    return pd.DataFrame(rows, columns=MANIFEST_COLUMNS)
