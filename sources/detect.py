"""Recognise a file's type from its bytes, never from its name."""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path


class FileType(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    DOCM = "docm"  # macro-enabled Word: never opened, so no macro can run
    DOC = "doc"  # legacy Word 97-2003 (OLE2 compound file)
    ZIP = "zip"  # a zip archive that is not a Word document
    HTML = "html"
    TEXT = "text"
    EMPTY = "empty"
    UNKNOWN = "unknown"


_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def detect_type(path: Path) -> FileType:
    """Type of the file at ``path`` from its leading bytes (and, for zips, its members)."""
    with path.open("rb") as handle:
        head = handle.read(2048)
    if not head.strip():
        return FileType.EMPTY
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return FileType.PDF
    if head.startswith(_OLE2):
        return FileType.DOC
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered[:512]:
        return FileType.HTML
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return FileType.UNKNOWN
    return FileType.TEXT


def _zip_type(path: Path) -> FileType:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return FileType.UNKNOWN
    if "word/document.xml" not in names:
        return FileType.ZIP
    return FileType.DOCM if any(n.lower().endswith("vbaproject.bin") for n in names) else FileType.DOCX
