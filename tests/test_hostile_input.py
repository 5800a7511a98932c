"""Bad and hostile input: each ends in quarantine with a reason, nothing runs, nothing escapes."""

import os
import zipfile
from pathlib import Path

import dagster as dg
import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from sources import ReadStatus, read_document
from tests.conftest import para


def encrypted_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), encrypt="s3cret")
    pdf.drawString(72, 720, "Action 21: cleared 10 hectares in 2021.")
    pdf.save()
    return path


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return path


def docx_with(path: Path, source: Path, replace: dict[str, bytes]) -> Path:
    """A copy of the Word file ``source`` with some archive members replaced or added."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for item in original.infolist():
            copy.writestr(item, replace.pop(item.filename, original.read(item.filename)))
        for name, data in replace.items():
            copy.writestr(name, data)
    return path


def test_password_protected_pdf(tmp_path: Path):
    result = read_document(encrypted_pdf(tmp_path / "locked.pdf"))
    assert result.status is ReadStatus.FAILED
    assert result.errors[0] == ("locked.pdf: the PDF is password-protected; "
                                "ask the State for an unprotected copy")


def test_zip_bomb_is_not_opened(tmp_path: Path):
    result = read_document(zip_bomb(tmp_path / "bomb.docx"))
    assert result.status is ReadStatus.FAILED
    assert "zip bomb" in result.errors[0] and result.errors[0].startswith("bomb.docx")


def test_macro_enabled_word_file_is_refused_without_running_anything(make_document, tmp_path):
    source = make_document("ok.docx", [[para("Action 21.")]])
    docm = docx_with(tmp_path / "update.docx", source, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    result = read_document(docm)
    assert result.status is ReadStatus.FAILED
    assert "macro-enabled" in result.errors[0] and "never run" in result.errors[0]


def test_external_entities_in_word_xml_are_not_resolved(make_document, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    source = make_document("ok.docx", [[para("Placeholder")]])
    with zipfile.ZipFile(source) as archive:
        xml = archive.read("word/document.xml").decode()
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Placeholder", "&xxe;")
    hostile = docx_with(tmp_path / "hostile.docx", source, {"word/document.xml": xml.encode()})
    result = read_document(hostile)
    assert "TOP-SECRET-CONTENT" not in result.text


def test_size_and_page_limits(make_document):
    path = make_document("big.pdf", [[para("one")], [para("two")], [para("three")]])
    too_big = read_document(path, max_bytes=100)
    assert too_big.status is ReadStatus.FAILED and "over the limit" in too_big.errors[0]
    too_long = read_document(path, max_pages=2)
    assert too_long.status is ReadStatus.FAILED and "3 pages, over the limit of 2" in too_long.errors[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".pdf", ".docx", ".doc", ""]))
def test_random_bytes_never_crash_a_reader(tmp_path_factory, data: bytes, suffix: str):
    path = tmp_path_factory.mktemp("fuzz") / f"random{suffix}"
    path.write_bytes(data)
    result = read_document(path, use_ocr=False)
    assert result.status in set(ReadStatus)
    assert result.status is not ReadStatus.FAILED or result.errors[0].startswith(path.name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.05, max_value=0.95))
def test_truncated_files_never_crash_a_reader(make_document, tmp_path_factory, cut: float):
    for name in ("whole.pdf", "whole.docx"):
        whole = make_document(name, [[para("Action 21: we cleared 5 hectares in 2021.")]]).read_bytes()
        path = tmp_path_factory.mktemp("cut") / name
        path.write_bytes(whole[: int(len(whole) * cut)])
        result = read_document(path, use_ocr=False)
        assert result.status in set(ReadStatus)


def test_every_bad_file_is_quarantined_with_its_reason_and_the_run_goes_on(make_document, tmp_path):
    sources = make_document("chile_update.pdf", [[para(
        "Permanent Mission of Chile. Under Action 21, Chile cleared 1,500 square metres in 2021.")]]).parent
    encrypted_pdf(sources / "locked.pdf")
    zip_bomb(sources / "bomb.docx")
    (sources / "page.pdf").write_text("<!DOCTYPE html><html><body>saved web page</body></html>")
    (sources / "old.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    (sources / "empty.pdf").write_bytes(b"")
    (sources / "truncated.pdf").write_bytes((sources / "chile_update.pdf").read_bytes()[:900])
    (sources / "copy of chile.pdf").write_bytes((sources / "chile_update.pdf").read_bytes())
    make_document("no_state.docx", [[para("We cleared 2 hectares in 2021 under Action 27.")]])
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes((sources / "chile_update.pdf").read_bytes())
    os.symlink(outside, sources / "link.pdf")
    settings_ = Settings(sources=sources, warehouse=tmp_path / "w.duckdb", reports=tmp_path / "r",
                         ocr=False, corrections=tmp_path / "c.csv", report_formats="html")
    with dg.instance_for_test() as instance:
        assert run_pipeline(settings_, instance=instance).success
    with duckdb.connect(str(settings_.warehouse), read_only=True) as con:
        held = dict(con.execute("SELECT file_name, reason FROM quarantine").fetchall())
        docs = dict(con.execute("SELECT file_name, status FROM documents").fetchall())
        review = con.execute(
            "SELECT review_reason FROM documents WHERE file_name = 'no_state.docx'").fetchone()[0]
    expected = {
        "locked.pdf": "password-protected", "bomb.docx": "zip bomb", "page.pdf": "HTML page",
        "old.doc": "convert it to .docx", "empty.pdf": "empty", "truncated.pdf": "corrupt or truncated",
        "copy of chile.pdf": "same content as chile_update.pdf", "link.pdf": "outside the sources folder",
    }
    assert set(held) == set(expected)
    for name, words in expected.items():
        assert held[name].startswith(name) and words in held[name], held[name]
    assert docs == {"chile_update.pdf": "loaded", "no_state.docx": "needs_review"}
    assert "no State Party could be identified" in review
