"""The renderer turns document specifications into the PDF and Word files they describe."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest

from corpus.render import load_spec, main, render, render_folder
from corpus.render_spec import PageOverflowError, SpecError
from pipelines.extraction.model import DISAGGREGATIONS, INDICATOR_UNITS

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"
ROWS = [["Method", "Area (m²)"], ["Cleared", "1 234 567"], ["Total", "2 000 000"]]


def _spec(file_name: str, layout: str = "single", **overrides: Any) -> dict[str, Any]:
    fmt = file_name.rsplit(".", 1)[1]
    spec: dict[str, Any] = {
        "file_name": file_name,
        "format": fmt,
        "meeting": "IM2022",
        "letterhead": ["Mission permanente du Sénégal", "Tél. +41 22 918 02 30"],
        "running_header": "Sénégal – Réunions intersessions 2022",
        "running_footer": "Page {page} of {pages}",
        "pages": [
            [
                {"type": "title", "text": "Mise à jour sur le Plan d'action d'Oslo"},
                {"type": "heading", "level": 1, "text": "Enquête et déminage"},
                {
                    "type": "paragraph",
                    "text": "En 2021, 66\u00a0650 m² ont été dépollués (action 21).",
                },
                {"type": "bullets", "items": ["première mesure", "seconde mesure"]},
                {"type": "table", "rows": ROWS},
            ],
            [
                {"type": "heading", "level": 2, "text": "Échéance"},
                {"type": "paragraph", "text": "L'échéance est fixée au 1er mars 2026."},
                {"type": "signature", "lines": ["Genève, le 20 juin 2022"]},
            ],
        ],
    }
    if fmt == "pdf":
        spec["layout"] = layout
    spec.update(overrides)
    return spec


def _pdf_pages(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


@pytest.mark.parametrize("layout", ["single", "two_column"])
def test_pdf_has_one_page_per_spec_page_with_text_and_furniture(tmp_path: Path, layout: str):
    pages = _pdf_pages(render(_spec("update.pdf", layout), tmp_path))

    assert len(pages) == 2
    assert "Mission permanente du Sénégal" in pages[0]
    assert "Mise à jour sur le Plan d'action d'Oslo" in pages[0]
    assert "66 650 m² ont été dépollués" in pages[0]
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
    assert "Sénégal – Réunions intersessions 2022" in pages[1]
    assert "Mission permanente" not in pages[1]
    assert "1er mars 2026" in pages[1]


@pytest.mark.parametrize("layout", ["single", "two_column"])
def test_pdf_tables_are_ruled_so_pdfplumber_finds_their_cells(tmp_path: Path, layout: str):
    with pdfplumber.open(render(_spec("table.pdf", layout), tmp_path)) as pdf:
        assert pdf.pages[0].extract_tables() == [ROWS]
        assert pdf.pages[1].extract_tables() == []


def test_two_column_text_fills_the_left_column_then_the_right(tmp_path: Path):
    blocks = [
        {"type": "paragraph", "text": f"Paragraph P{no:02d} " + "mine action text " * 12}
        for no in range(1, 11)
    ]
    spec = _spec("columns.pdf", "two_column", letterhead=[], pages=[blocks])
    with pdfplumber.open(render(spec, tmp_path)) as pdf:
        page = pdf.pages[0]
        middle = page.width / 2
        words = {w["text"]: w for w in page.extract_words() if w["text"].startswith("P")}
    first, last = words["P01"], words["P10"]
    assert first["x1"] < middle < last["x0"]
    assert last["top"] > first["top"]


def test_scanned_pdf_has_images_and_no_text_layer(tmp_path: Path):
    path = render(_spec("scan.pdf", "scanned"), tmp_path)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            assert page.chars == []
            assert len(page.images) == 1
            assert page.images[0]["srcsize"] == pytest.approx((1654, 2339), abs=2)
    assert b"/Font" not in path.read_bytes()


def test_docx_keeps_styles_tables_page_breaks_and_running_text(tmp_path: Path):
    document = docx.Document(render(_spec("update.docx"), tmp_path))

    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Title", "Mise à jour sur le Plan d'action d'Oslo") in styles
    assert ("Heading 1", "Enquête et déminage") in styles
    assert ("Heading 2", "Échéance") in styles
    assert ("List Bullet", "première mesure") in styles
    assert any("66\u00a0650 m²" in text for _, text in styles)
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == ROWS
    body = document.element.body.xml
    assert body.count('w:type="page"') == 1
    section = document.sections[0]
    first_header = [p.text for p in section.first_page_header.paragraphs]
    assert first_header[:2] == ["Mission permanente du Sénégal", "Tél. +41 22 918 02 30"]
    assert section.header.paragraphs[0].text == "Sénégal – Réunions intersessions 2022"
    assert section.footer.paragraphs[0].text == "Page 1 of 2"
    assert "PAGE" in section.footer._element.xml and "NUMPAGES" in section.footer._element.xml


@pytest.mark.parametrize(
    ("file_name", "layout"),
    [("a.pdf", "single"), ("b.pdf", "two_column"), ("c.pdf", "scanned"), ("d.docx", "single")],
)
def test_rendering_twice_gives_identical_bytes(tmp_path: Path, file_name: str, layout: str):
    first = render(_spec(file_name, layout), tmp_path / "one").read_bytes()
    second = render(_spec(file_name, layout), tmp_path / "two").read_bytes()
    assert first == second


@pytest.mark.parametrize("file_name", ["long.pdf", "long.docx"])
def test_a_page_that_does_not_fit_raises_and_names_the_page(tmp_path: Path, file_name: str):
    spec = _spec(file_name)
    spec["pages"][1] = [{"type": "paragraph", "text": "Text " * 120} for _ in range(25)]
    with pytest.raises(PageOverflowError, match="page 2"):
        render(spec, tmp_path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"file_name": "update.docx"}, "extension"),
        ({"layout": "landscape"}, "layout"),
        ({"pages": []}, "pages"),
        ({"pages": [[{"type": "heading", "level": 4, "text": "x"}]]}, "level"),
        ({"pages": [[{"type": "table", "rows": [["a", "b"], ["c"]]}]]}, "same number"),
    ],
)
def test_invalid_specs_are_refused_with_a_reason(tmp_path: Path, change: dict, message: str):
    with pytest.raises(SpecError, match=message):
        render({**_spec("update.pdf"), **change}, tmp_path)


def test_render_folder_and_command_line_render_every_json(tmp_path: Path):
    specs = tmp_path / "specs"
    specs.mkdir()
    for name in ("one.pdf", "two.docx"):
        (specs / f"{name}.json").write_text(json.dumps(_spec(name)), encoding="utf-8")

    written = render_folder(specs, tmp_path / "out")
    assert sorted(p.name for p in written) == ["one.pdf", "two.docx"]
    assert main([str(specs), str(tmp_path / "cli")]) == 0
    assert sorted(p.name for p in (tmp_path / "cli").iterdir()) == ["one.pdf", "two.docx"]


def _sample_specs() -> list[Path]:
    return sorted(SAMPLES.glob("*.json"))


@pytest.mark.parametrize("path", _sample_specs(), ids=lambda p: p.stem)
def test_bundled_samples_render_and_their_gold_names_real_pages(tmp_path: Path, path: Path):
    spec = load_spec(path)
    rendered = render(spec, tmp_path)
    gold = spec["gold"]
    pages = len(spec["pages"])

    assert rendered.name == spec["file_name"]
    assert gold["language"] in {"en", "fr", "es"}
    assert all(1 <= a["page"] <= pages for a in gold["explicit_actions"])
    assert all(1 <= a <= 50 for a in gold["inferred_actions"])
    assert not set(gold["inferred_actions"]) & {a["action_no"] for a in gold["explicit_actions"]}
    for indicator in gold["indicators"]:
        assert indicator["indicator"] in INDICATOR_UNITS
        assert indicator.get("disaggregation") in (None, *DISAGGREGATIONS)
        assert 1 <= indicator["page"] <= pages
