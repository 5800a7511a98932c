"""The hash and type of each source file already seen, kept from one run to the next.

A document is the SHA-256 of its bytes, so a run must know the hash of every file in the
folder, even when nothing changed. Hashing again each time would make a run with nothing to do
read the whole archive from disk: gigabytes for a few thousand reports. So the hash and the
detected type of each file are kept, under what changes whenever the file's bytes do: its real
path, size, inode, and times of last modification and status change. The kernel sets the
status-change time on every write (and on a rename or a copy), and ordinary tools cannot set
it back, so a file written again is hashed again, even if its size and modification time are
restored (as ``cp -p`` or an archive tool would).

The record is a JSON file (in the Dagster instance's storage); one that is missing, unreadable
or written by another version of the type detection is ignored, and every file is hashed again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from sources import detect

#: (real path, size, inode, modification time, status-change time), times in nanoseconds.
Key = tuple[str, int, int, int, int]


@functools.cache
def _stamp() -> str:
    """What decides the recorded types: the code of the type detection."""
    return hashlib.sha256(Path(detect.__file__).read_bytes()).hexdigest()[:16]


def file_key(real_path: str, stat: os.stat_result) -> Key:
    return real_path, stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns


class KnownFiles:
    """Hash and type per file key, read from ``record`` (None: kept in memory only)."""

    def __init__(self, record: Path | None = None):
        self.record = record
        self._known: dict[Key, tuple[str, str]] = _read(record) if record else {}
        self._changed = False

    def get(self, key: Key) -> tuple[str, str] | None:
        return self._known.get(key)

    def add(self, key: Key, sha256: str, file_type: str) -> None:
        self._known[key] = (sha256, file_type)
        self._changed = True

    def keep_only(self, root: str, keys: set[Key]) -> None:
        """Forget the files under ``root`` that are not among ``keys`` (removed or changed);
        files of other folders stay known."""
        prefix = root.rstrip(os.sep) + os.sep
        gone = [k for k in self._known if k[0].startswith(prefix) and k not in keys]
        for key in gone:
            del self._known[key]
        self._changed |= bool(gone)

    def save(self) -> None:
        """Write the record if anything changed since it was read (a failed write is ignored:
        the next run hashes those files again)."""
        if self.record is None or not self._changed:
            return
        partial = self.record.with_name(f"{self.record.name}.{os.getpid()}.tmp")
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps({"stamp": _stamp(), "files": [
                [*key, sha256, file_type] for key, (sha256, file_type) in self._known.items()
            ]}))
            partial.replace(self.record)
            self._changed = False
        except OSError:
            partial.unlink(missing_ok=True)


def _read(record: Path) -> dict[Key, tuple[str, str]]:
    try:
        content = json.loads(record.read_text())
        if content.get("stamp") != _stamp():
            return {}
        return {(str(path), int(size), int(inode), int(modified), int(changed)): (str(sha), str(kind))
                for path, size, inode, modified, changed, sha, kind in content["files"]}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}
