"""A run hashes only the files it has not seen, and never trusts a record of a changed file."""

import hashlib
import json
import os
from pathlib import Path

import pytest

from pipelines.stages import intake
from pipelines.stages.intake import KNOWN_FILES_RECORD, discover, walk


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """Names of the files read and hashed, each process started afresh (no record in memory)."""
    names: list[str] = []
    real = intake.sha256_of

    def counting(path: Path) -> str:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(intake, "sha256_of", counting)
    monkeypatch.setattr(intake, "_KNOWN", {})
    return names


def new_process(monkeypatch) -> None:
    monkeypatch.setattr(intake, "_KNOWN", {})


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_later_run_reads_only_new_files(tmp_path, hashed, monkeypatch):
    sources, storage = tmp_path / "sources", tmp_path / "storage"
    record = storage / KNOWN_FILES_RECORD
    sources.mkdir()
    (sources / "a.pdf").write_bytes(b"%PDF-1.7 a")
    (sources / "b.pdf").write_bytes(b"%PDF-1.7 b")
    first = discover(sources, storage)
    assert sorted(hashed) == ["a.pdf", "b.pdf"] and record.exists()
    new_process(monkeypatch)
    (sources / "c.pdf").write_bytes(b"%PDF-1.7 c")
    again = discover(sources, storage)
    assert sorted(hashed) == ["a.pdf", "b.pdf", "c.pdf"]  # only c.pdf read again
    assert again.iloc[:2].equals(first)
    assert again.set_index("file_name").loc["c.pdf", "sha256"] == sha(b"%PDF-1.7 c")
    assert set(again["file_type"]) == {"pdf"}


def test_a_file_written_again_is_hashed_again_even_with_its_size_and_time_restored(
    tmp_path, hashed, monkeypatch
):
    sources, storage = tmp_path / "sources", tmp_path / "storage"
    sources.mkdir()
    path = sources / "update.pdf"
    path.write_bytes(b"%PDF-1.7 first version")
    before = path.stat()
    discover(sources, storage)
    path.write_bytes(b"%PDF-1.7 other version")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    new_process(monkeypatch)
    (found,) = discover(sources, storage)["sha256"]
    assert found == sha(b"%PDF-1.7 other version")
    assert hashed == ["update.pdf", "update.pdf"]


@pytest.mark.parametrize("content", [
    "not json at all {", json.dumps({"files": "nonsense"}), json.dumps([1, 2, 3]),
])
def test_an_unreadable_record_is_ignored_and_written_anew(tmp_path, hashed, monkeypatch, content):
    sources, storage = tmp_path / "sources", tmp_path / "storage"
    record = storage / KNOWN_FILES_RECORD
    sources.mkdir()
    (sources / "a.pdf").write_bytes(b"%PDF-1.7 a")
    storage.mkdir()
    record.write_text(content)
    assert list(discover(sources, storage)["sha256"]) == [sha(b"%PDF-1.7 a")]
    new_process(monkeypatch)
    discover(sources, storage)
    assert hashed == ["a.pdf"]  # the record written by the first run was read by the second


def test_a_record_from_another_type_detection_is_ignored(tmp_path, hashed, monkeypatch):
    sources, storage = tmp_path / "sources", tmp_path / "storage"
    record = storage / KNOWN_FILES_RECORD
    sources.mkdir()
    (sources / "a.pdf").write_bytes(b"%PDF-1.7 a")
    discover(sources, storage)
    content = json.loads(record.read_text())
    content["stamp"] = "an older detection"
    content["files"][0][-2:] = ["0" * 64, "html"]
    record.write_text(json.dumps(content))
    new_process(monkeypatch)
    (row,) = discover(sources, storage).itertuples()
    assert (row.sha256, row.file_type) == (sha(b"%PDF-1.7 a"), "pdf")


def test_removed_files_are_forgotten_and_other_folders_kept(tmp_path, hashed, monkeypatch):
    storage = tmp_path / "storage"
    record = storage / KNOWN_FILES_RECORD
    inbox, archive = tmp_path / "inbox", tmp_path / "archive"
    for folder in (inbox, archive):
        folder.mkdir()
        (folder / "a.pdf").write_bytes(f"%PDF-1.7 {folder.name}".encode())
    (inbox / "b.pdf").write_bytes(b"%PDF-1.7 b")
    discover(inbox, storage)
    discover(archive, storage)
    (inbox / "b.pdf").unlink()
    discover(inbox, storage)
    known = {Path(entry[0]).relative_to(tmp_path).as_posix()
             for entry in json.loads(record.read_text())["files"]}
    assert known == {"inbox/a.pdf", "archive/a.pdf"}


def test_the_walk_lists_files_in_path_order_and_passes_over_hidden_ones(tmp_path):
    folder = tmp_path / "sources"
    elsewhere = tmp_path / "elsewhere"
    for name in ("a-b.pdf", "a/x.pdf", "a/.draft/y.pdf", ".hidden.pdf", "B.docx"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"x")
    elsewhere.mkdir()
    (elsewhere / "o.pdf").write_bytes(b"o")
    os.symlink(elsewhere / "o.pdf", folder / "out.pdf")
    os.symlink(folder / "B.docx", folder / "in.docx")
    os.symlink(elsewhere, folder / "linked_folder")  # not entered
    os.symlink(tmp_path / "missing.pdf", folder / "broken.pdf")  # no file behind it
    entries = walk(folder)
    # Path order, as sorted(Path) gives it: "a/x.pdf" before "a-b.pdf".
    assert [e.name for e in entries] == ["B.docx", "a/x.pdf", "a-b.pdf", "in.docx", "out.pdf"]
    real = {e.name: e.real for e in entries}
    assert real["out.pdf"] is None
    assert real["in.docx"] == str((folder / "B.docx").resolve())
    assert real["a/x.pdf"] == str((folder / "a" / "x.pdf").resolve())
