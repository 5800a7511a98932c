"""The fast PDF path (pdfium's page objects) reads what the pdfplumber path reads.

Pages are read from pdfium's objects and only the pages it cannot describe go through
pdfplumber; both must give the same blocks, tables, furniture and errors. OCR reads the scanned
pages of a document side by side and must give the text it gives one page at a time.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen import canvas

import sources.pdf
from sources import BlockKind, ReadStatus, read_document
from sources.ocr import ocr_available, ocr_pdf_page, ocr_pdf_pages
from sources.pdfium_page import read_page
from tests.conftest import heading, para, table

LONG = "Clearance teams released land in three provinces and handed it back to communities. " * 3
ROWS = [["Province", "Area cleared (m²)", "AP mines"], ["Battambang", "1,820,520", "3,904"],
        ["Pailin", "905,830", "1,980"], ["Total", "2,726,350", "5,884"]]


def _pdfplumber_only(path: Path, monkeypatch: pytest.MonkeyPatch):
    """The document as read when every page goes through pdfplumber."""
    with monkeypatch.context() as patch:
        patch.setattr(sources.pdf, "read_page", lambda page: None)
        return read_document(path, use_ocr=False)


def _raw_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF with Helvetica (/F1) and Helvetica-Bold (/F2) and the given content."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def _fast_path_reads(path: Path) -> list[bool]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [read_page(page) is not None for page in document]
    finally:
        document.close()


@pytest.mark.parametrize("layout", ["single", "two_column"])
def test_a_page_with_a_table_yields_the_table_pdfplumber_finds(make_document, layout, monkeypatch):
    path = make_document("table.pdf", [[heading("Survey and clearance"), para(LONG), table(ROWS),
                                        para("Action 21: the figures above are final.")],
                                       [para(LONG)]],
                         layout=layout, letterhead=["Permanent Mission of Cambodia"],
                         running_header="Cambodia - Intersessional Meetings 2022",
                         running_footer="Page {page} of {pages}")
    with pdfplumber.open(path) as pdf:
        expected = [tuple(" ".join((cell or "").split()) for cell in row)
                    for row in pdf.pages[0].extract_tables()[0]]
    assert _fast_path_reads(path) == [True, True]
    result = read_document(path, use_ocr=False)
    tables = [block for block in result.pages[0].blocks if block.kind is BlockKind.TABLE]
    assert [tables[0].rows] == [tuple(expected)] and tables[0].rows[3][0] == "Total"
    assert result == _pdfplumber_only(path, monkeypatch)


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"BT /F1 12 Tf 72 700 Td (Acc) Tj (ion plan) Tj ET", "Accion plan"),  # one word, two runs
        (b"BT /F1 12 Tf 72 700 Td [(Hello) -600 (World) -100 (again)] TJ ET", "Hello Worldagain"),
        (b"BT /F2 12 Tf 72 700 Td (Action 21) Tj /F1 12 Tf (: cleared) Tj ET", "Action 21 : cleared"),
        (b"BT /F1 1 Tf 12 0 0 12 72 700 Tm (Scaled text matrix) Tj ET", "Scaled text matrix"),
        (b"q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 350 Td (Scaled by cm) Tj ET Q", "Scaled by cm"),
        (b"BT /F1 12 Tf 72 700 Td (km) Tj 5 Ts /F1 8 Tf (2) Tj 0 Ts /F1 12 Tf ( area) Tj ET",
         "km 2 area"),
    ],
)
def test_text_runs_become_the_words_pdfplumber_makes(tmp_path, monkeypatch, content, line):
    path = _raw_pdf(tmp_path / "raw.pdf", content + b" BT /F1 10 Tf 72 600 Td (Second line.) Tj ET")
    assert _fast_path_reads(path) == [True]
    result = read_document(path, use_ocr=False)
    assert line in result.text
    assert result == _pdfplumber_only(path, monkeypatch)


def test_pages_pdfium_cannot_describe_go_through_pdfplumber(tmp_path, monkeypatch):
    path = tmp_path / "mixed.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Plain page: Action 21, 10 hectares cleared in 2021.")
    pdf.showPage()
    pdf.beginForm("stamp")
    pdf.drawString(72, 700, "Inside a form XObject: Action 27.")
    pdf.endForm()
    pdf.doForm("stamp")
    pdf.showPage()
    pdf.setPageRotation(90)
    pdf.drawString(72, 720, "A rotated page: Action 33.")
    pdf.save()
    assert _fast_path_reads(path) == [True, False, False]
    result = read_document(path, use_ocr=False)
    assert result.status is ReadStatus.SUCCESS
    assert "Action 27" in result.pages[1].text and result.pages[2].blocks
    assert result == _pdfplumber_only(path, monkeypatch)


def test_bundled_samples_read_the_same_on_both_paths(tmp_path, monkeypatch):
    from corpus.render import render_folder

    root = Path(__file__).resolve().parents[1]
    pdfs = [p for p in render_folder(root / "corpus" / "samples", tmp_path) if p.suffix == ".pdf"]
    for path in pdfs:
        assert read_document(path, use_ocr=False) == _pdfplumber_only(path, monkeypatch), path.name


@pytest.mark.skipif(not ocr_available(), reason="Tesseract with eng/fra/spa is not installed")
def test_ocr_of_pages_side_by_side_gives_the_text_of_one_page_at_a_time(make_document):
    path = make_document("scan.pdf", [[heading("Victim assistance"), para(LONG)],
                                      [para("Action 36: 120 survivors were assisted in 2021.")]],
                         layout="scanned")
    together = ocr_pdf_pages(path, [0, 1], workers=2)
    assert together == {index: ocr_pdf_page(path, index) for index in (0, 1)}
    assert "survivors" in together[1]
    result = read_document(path)
    assert result.ocr_pages == 2 and "survivors" in result.pages[1].text
