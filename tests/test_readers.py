"""Readers on real PDF and Word files: pages, layout, tables, headers, and bad files."""

from pathlib import Path

import pytest
from PIL import ImageOps

from corpus.render_pdf import pdf_bytes
from corpus.render_scan import image_pdf_bytes, rasterise
from corpus.render_spec import parse_spec
from sources import BlockKind, ReadStatus, read_document
from sources.detect import FileType, detect_type
from sources.ocr import ocr_available
from tests.conftest import heading, para, spec, table

LONG = "The national authority reported steady progress on survey and clearance. " * 3


def test_pdf_pages_headings_and_tables(make_document):
    path = make_document(
        "update.pdf",
        [[heading("Survey and clearance"), para(LONG),
          table([["Method", "Area (m²)"], ["Cleared", "1 234 567"], ["Total", "1 234 567"]])],
         [heading("Victim assistance"), para("Action 36: the database was updated.")]],
    )
    result = read_document(path)
    assert result.status is ReadStatus.SUCCESS
    assert [p.number for p in result.pages] == [1, 2]
    kinds = [b.kind for b in result.pages[0].blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.TABLE]
    assert result.pages[0].blocks[2].rows[1] == ("Cleared", "1 234 567")
    assert "Action 36" in result.pages[1].text


def test_running_header_and_page_numbers_are_set_apart(make_document):
    path = make_document(
        "update.pdf",
        [[para(LONG)], [para(LONG)], [para(LONG)]],
        running_header="Permanent Mission of Chile",
        running_footer="Page {page} of {pages}",
    )
    result = read_document(path)
    assert all("Permanent Mission of Chile" not in page.text for page in result.pages)
    assert all("Page" not in page.text.split(".")[-1] for page in result.pages)
    assert "Permanent Mission of Chile" in result.furniture


def test_two_column_pdf_is_read_column_by_column(make_document):
    left = "Alpha " + "left column words " * 40 + "ENDLEFT."
    right = "Omega " + "right column words " * 40 + "ENDRIGHT."
    path = make_document("cols.pdf", [[para(left), para(right)]], layout="two_column")
    text = read_document(path).text
    assert text.index("ENDLEFT") < text.index("Omega")


def test_docx_pages_headings_tables_and_header(make_document):
    path = make_document(
        "update.docx",
        [[heading("Asistencia a las víctimas"), para("Acción 36 del Plan de Acción de Oslo.")],
         [table([["Año", "Víctimas"], ["2021", "12"]])]],
        letterhead=["Misión Permanente del Perú"],
    )
    result = read_document(path)
    assert result.status is ReadStatus.SUCCESS
    assert len(result.pages) == 2
    assert result.pages[0].blocks[0].kind is BlockKind.HEADING
    assert result.pages[1].blocks[0].rows == (("Año", "Víctimas"), ("2021", "12"))
    assert any("Misión Permanente del Perú" in line for line in result.furniture)


@pytest.mark.parametrize("name", ["list.docx", "list.pdf"])
def test_list_items_open_with_their_bullet_in_word_as_in_pdf(make_document, name):
    items = ["USD 2 million for clearance in Angola;", "USD 1 million for risk education."]
    path = make_document(name, [[para("In 2021 the main contributions were:"),
                                 {"type": "bullets", "items": items},
                                 para("Not an item of the list.")]])
    texts = [block.text for block in read_document(path).pages[0].blocks]
    assert texts == ["In 2021 the main contributions were:", *(f"• {item}" for item in items),
                     "Not an item of the list."]


def test_word_list_items_follow_the_style_they_are_based_on_and_numbering_id_0(tmp_path: Path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    items = document.styles.add_style("Our items", WD_STYLE_TYPE.PARAGRAPH)
    items.base_style = document.styles["List Bullet"]
    document.add_paragraph("Item in a style based on a list style.", style="Our items")
    unlisted = document.add_paragraph("Taken out of the list.", style="List Bullet")
    numbering = OxmlElement("w:numPr")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), "0")
    numbering.append(number)
    unlisted._p.get_or_add_pPr().append(numbering)
    document.add_paragraph("A plain paragraph.")
    path = tmp_path / "styles.docx"
    document.save(path)
    texts = [block.text for block in read_document(path).pages[0].blocks]
    assert texts == ["• Item in a style based on a list style.", "Taken out of the list.",
                     "A plain paragraph."]


@pytest.mark.parametrize(
    ("name", "content", "expected_type", "reason"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", FileType.PDF, "corrupt or truncated"),
        ("page.pdf", b"<!DOCTYPE html><html><body>hi</body></html>", FileType.HTML, "HTML page"),
        ("empty.docx", b"", FileType.EMPTY, "empty"),
        ("old.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, FileType.DOC, "convert it"),
        ("notes.pdf", b"just some text that is not a pdf", FileType.TEXT, "plain-text"),
    ],
)
def test_bad_files_fail_with_a_reason_naming_the_file(tmp_path: Path, name, content, expected_type, reason):
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_type(path) is expected_type
    result = read_document(path)
    assert result.status is ReadStatus.FAILED
    assert result.errors[0].startswith(name)
    assert reason in result.errors[0]


def test_truncated_pdf_is_reported_not_raised(make_document, tmp_path: Path):
    whole = make_document("whole.pdf", [[para(LONG)]]).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    result = read_document(cut)
    assert result.status in (ReadStatus.FAILED, ReadStatus.PARTIAL)
    assert result.errors and result.errors[0].startswith("cut.pdf")


def test_scanned_pages_without_ocr_are_reported_not_read_as_empty(make_document):
    path = make_document("scan.pdf", [[para("Colombia cleared 1,500 square metres in 2021.")]],
                         layout="scanned")
    result = read_document(path, use_ocr=False)
    assert result.status is ReadStatus.FAILED
    assert any("scan.pdf, page 1: scanned page without a text layer, and OCR is switched off "
               "for this run" in e for e in result.errors)
    assert any("scan.pdf: no text could be read" in e for e in result.errors)


def test_scanned_pages_without_tesseract_say_it_is_not_installed(make_document, tmp_path,
                                                                monkeypatch):
    from sources import ocr

    path = make_document("scan.pdf", [[para("Colombia cleared 1,500 square metres in 2021.")]],
                         layout="scanned")
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))  # no tesseract on the PATH
    ocr.available_languages.cache_clear()
    try:
        result = read_document(path, use_ocr=True)
    finally:
        ocr.available_languages.cache_clear()
    assert result.status is ReadStatus.FAILED
    assert any("scan.pdf, page 1: scanned page without a text layer, and OCR (Tesseract with "
               "eng/fra/spa) is not installed" in e for e in result.errors)


@pytest.mark.skipif(not ocr_available(), reason="Tesseract with eng/fra/spa is not installed")
def test_a_scan_in_colour_is_read_like_one_in_grey(tmp_path):
    """Pages go to Tesseract in grey: dark blue ink on yellowed paper keeps its text."""
    text = parse_spec(spec("scan.pdf", [[para("Colombia cleared 1,500 square metres in 2021.")]]))
    grey = rasterise(pdf_bytes(text))
    colour = [ImageOps.colorize(page, black="#1b2a6b", white="#efe3c2") for page in grey]
    assert colour[0].mode == "RGB" and len(set(colour[0].getdata())) > 2
    paths = {}
    for name, pages in (("grey.pdf", grey), ("colour.pdf", colour)):
        paths[name] = tmp_path / name
        paths[name].write_bytes(image_pdf_bytes(pages))
    read = {name: read_document(path) for name, path in paths.items()}
    assert all(result.ocr_pages == 1 for result in read.values())
    assert "1,500 square metres" in read["colour.pdf"].pages[0].text
    assert read["colour.pdf"].pages[0].text == read["grey.pdf"].pages[0].text
