"""One entry point for every format: ``read_document`` picks the reader from the file's bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sources.detect import FileType, detect_type
from sources.docx import read_docx
from sources.model import ReadResult, failed
from sources.pdf import read_pdf

MAX_FILE_BYTES: Final[int] = 50 * 1024 * 1024
MAX_PAGES: Final[int] = 300

_UNSUPPORTED: Final[dict[FileType, str]] = {
    FileType.DOC: (
        "legacy Word 97-2003 (.doc) file; convert it to .docx (Word: File > Save As > .docx, "
        "or `libreoffice --headless --convert-to docx FILE`) and drop the .docx in the folder"
    ),
    FileType.DOCM: (
        "macro-enabled Word file; macros are never run here: open it in Word with macros "
        "disabled, save it as .docx (Word Document) and drop the .docx in the folder"
    ),
    FileType.HTML: "an HTML page, not a PDF or Word document (whatever its extension says)",
    FileType.ZIP: "a zip archive that is not a Word document",
    FileType.TEXT: "a plain-text file, not a PDF or Word document",
    FileType.EMPTY: "the file is empty",
    FileType.UNKNOWN: "unsupported file type (neither PDF nor Word .docx)",
}


def read_document(
    path: Path, *, use_ocr: bool = True, max_pages: int = MAX_PAGES, max_bytes: int = MAX_FILE_BYTES
) -> ReadResult:
    """Read a PDF or Word file into pages; never raises for a bad file, returns its reasons."""
    size = path.stat().st_size
    if size > max_bytes:
        return failed(
            "unknown",
            f"{path.name}: {size:,} bytes, over the limit of {max_bytes:,}; split the file or "
            "ask the State for a lighter version",
        )
    kind = detect_type(path)
    if kind is FileType.PDF:
        return read_pdf(path, max_pages=max_pages, use_ocr=use_ocr)
    if kind is FileType.DOCX:
        return read_docx(path, max_pages=max_pages)
    return failed(kind.value, f"{path.name}: {_UNSUPPORTED[kind]}")
