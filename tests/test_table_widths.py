"""Column widths of the report's tables: measured once, the same in HTML, PDF and Word."""

from __future__ import annotations

import re

import docx
import lxml.html
import pytest

from pipelines.reporting.html import CELL_PADDING_EM
from pipelines.reporting.model import Cell, Table
from pipelines.reporting.widths import BOLD, column_shares, text_em

WIDTH_EM = 66.0


def _shares(table: Table) -> tuple[float, ...]:
    """The shares the HTML and the PDF lay ``table`` out with, on a page ``WIDTH_EM`` wide."""
    return column_shares(table, WIDTH_EM, CELL_PADDING_EM)


def _table(rows: list[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> Table:
    return Table("Land release", ("State", "Action title", "Cleared"),
                 tuple(tuple(Cell(text) for text in row) for row in rows), numeric)


def test_a_figure_keeps_its_width_and_long_text_takes_what_is_left() -> None:
    title = "Survey and clearance of all remaining mined areas under Article 5 " * 3
    table = _table([("Bosnia and Herzegovina", title, "18,632,847"), ("Chad", "Short", "7")],
                   numeric=(2,))
    state, words, figure = (share * WIDTH_EM for share in _shares(table))
    assert figure >= text_em("18,632,847") + CELL_PADDING_EM - 1e-9  # the figure on one line
    assert state >= text_em("Herzegovina") + CELL_PADDING_EM - 1e-9  # its longest word
    assert words > state + figure  # the text that would wrap most gets the room left
    assert sum(_shares(table)) == pytest.approx(1.0)


def test_a_table_that_fits_on_one_line_is_shared_out_by_its_widest_texts() -> None:
    table = _table([("Chad", "Stockpile destruction", "12")], numeric=(2,))
    shares = _shares(table)
    text = [share * WIDTH_EM - CELL_PADDING_EM for share in shares]
    widest = [text_em("Chad"), text_em("Stockpile destruction"), text_em("Cleared", BOLD)]
    assert widest[0] < text_em("State", BOLD)  # the header is the widest text of its column
    widest[0] = text_em("State", BOLD)
    assert [t / text[0] for t in text] == pytest.approx([w / widest[0] for w in widest])
    assert sum(shares) == pytest.approx(1.0)


def test_a_file_name_that_may_break_anywhere_gives_way_when_the_words_do_not_fit() -> None:
    name = "germany_humanitarian_mine_action_contribution_2022.docx"
    header = ("State", "File", "Language", "Meeting", "Pages", "Sections", "Actions", "Figures")
    row = ("Bosnia and Herzegovina", name, "English", "IM2022", "2", "II, IV-IX", "8", "16")

    def shares(css: str) -> tuple[float, ...]:
        cells = tuple(Cell(text, css if i == 1 else "") for i, text in enumerate(row))
        return _shares(Table("Updates read", header, (cells,), (4, 6, 7)))

    state = text_em("Herzegovina") + CELL_PADDING_EM
    assert shares("")[0] * WIDTH_EM < state  # every column squeezed: the State's word breaks
    fitted = shares("file")
    assert fitted[0] * WIDTH_EM >= state - 1e-9  # the file name breaks instead
    assert text_em(name) + CELL_PADDING_EM > fitted[1] * WIDTH_EM >= 4.0
    assert sum(fitted) == pytest.approx(1.0)
    roomy = Table("Updates read", ("File",), ((Cell("a_short_name.pdf", "file"),),))
    assert _shares(roomy) == (1.0,)  # with room, it stays whole


def test_a_hash_is_measured_in_the_small_font_it_is_set_in() -> None:
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    plain = Table("Input files", ("File", "SHA-256"), ((Cell("a.pdf"), Cell(digest)),))
    small = Table("Input files", ("File", "SHA-256"), ((Cell("a.pdf"), Cell(digest, "hash")),))
    assert _shares(small)[1] < _shares(plain)[1]


def test_html_and_word_lay_each_table_out_with_the_same_shares(tmp_path) -> None:
    from docx.shared import Cm

    from pipelines.reporting.docx_report import TABLE_FONT, TABLE_WIDTH, write_docx
    from pipelines.reporting.html import render_html
    from pipelines.reporting.model import Report, TitlePage

    table = _table([("Bosnia and Herzegovina", "Survey and clearance " * 8, "18,632,847")],
                   numeric=(2,))
    title = TitlePage("Convention", "20MSP", "Geneva", "Title", "Subtitle",
                      "APLC/MSP.20/2022/WP.x", "today", "Presidency", "Draft")
    report = Report(title, [table])
    html = lxml.html.fromstring(render_html(report))
    cols = html.xpath("//table[contains(@class, 'data')]/colgroup/col")
    html_shares = [float(re.search(r"width: ([\d.]+)%", c.get("style")).group(1)) / 100
                   for c in cols]
    word = docx.Document(str(write_docx(report, tmp_path / "r.docx")))
    grid = [column.width / TABLE_WIDTH for column in word.tables[-1].columns]  # after the title page's
    assert len(html_shares) == len(grid) == 3
    assert sum(html_shares) == pytest.approx(1.0, abs=0.002)
    assert sum(grid) == pytest.approx(1.0, abs=0.001)
    # One measure for both: the proportions differ only because the widths differ in em.
    assert [round(s, 1) for s in html_shares] == [round(s, 1) for s in grid]
    assert html_shares.index(max(html_shares)) == grid.index(max(grid)) == 1
    # Word's cells have wider margins (0.19 cm a side): its figure column makes room for them.
    figure = text_em("18,632,847") * TABLE_FONT.pt + Cm(0.38).pt
    assert grid[2] * TABLE_WIDTH.pt > figure
