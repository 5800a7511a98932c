"""Column widths of the report's tables, measured in the report's own font.

Both renderers lay every table out with these widths. Word would otherwise squeeze a column
of titles into one word per line; and a PDF renderer left to find the widths itself measures
every word of every cell before it sets the first line (WeasyPrint took ~28 s over the PDF
of the benchmark's 316 documents that way, ~20 s with the widths given).

The widths are found as a browser's automatic table layout finds them: a column gets at least
its longest word (a figure is one word: it does not wrap), and the width left over goes to the
columns whose text would otherwise wrap, in proportion to how much more they would take on one
line. Text is measured with DejaVu Sans, the font of the tables in the HTML and the PDF, which
matplotlib ships; Word's Arial is a little narrower.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
from PIL import ImageFont

from pipelines.reporting.model import Table

_SIZE = 100  # the font is loaded at this size in pixels: widths in em are lengths / _SIZE
_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

#: Cells set in another font than the rest of the table (report.css), by class: the font's
#: file, and its size against that of the table's text.
_CELL_FONTS = {"hash": ("DejaVuSansMono.ttf", 5.6 / 7.2)}
#: Cells whose text may break between any two characters (``word-break: break-all`` in
#: report.css), by class: file names and hashes. Such a column keeps its longest text on one
#: line while the table has room, and gives way first when it has not.
_BREAK_ANYWHERE = frozenset({"file", "hash"})
#: The narrowest such a column becomes, in em.
_MIN_BREAKING_EM = 4.0
#: The fonts of the table's text and of its header.
TEXT, BOLD = ("DejaVuSans.ttf", 1.0), ("DejaVuSans-Bold.ttf", 1.0)


@functools.cache
def _font(name: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONTS / name), _SIZE)


@functools.lru_cache(maxsize=65_536)
def text_em(text: str, font: tuple[str, float] = TEXT) -> float:
    """The width of ``text`` on one line, in em of the table's text."""
    name, scale = font
    return _font(name).getlength(text) * scale / _SIZE


def _longest_word_em(text: str, font: tuple[str, float] = TEXT) -> float:
    return max((text_em(word, font) for word in text.split()), default=0.0)


def column_shares(table: Table, width_em: float, padding_em: float) -> tuple[float, ...]:
    """Each column's share of the width of ``table``, which is ``width_em`` wide, its cells
    padded by ``padding_em`` (left and right together)."""
    n = len(table.header)
    if not n:
        return ()
    widest = [text_em(h, BOLD) for h in table.header]
    narrowest = [_longest_word_em(h, BOLD) for h in table.header]
    breaking: set[int] = set()
    for row in table.rows:
        for i, cell in enumerate(row[:n]):
            font = _CELL_FONTS.get(cell.css, TEXT)
            wide = text_em(cell.text, font)
            widest[i] = max(widest[i], wide)
            # A figure does not wrap; other text wraps between words.
            narrowest[i] = max(narrowest[i],
                               wide if i in table.numeric else _longest_word_em(cell.text, font))
            if cell.css in _BREAK_ANYWHERE:
                breaking.add(i)
    room = width_em - padding_em * n
    if sum(narrowest) > room and breaking:  # the columns that may break give way
        others = sum(w for i, w in enumerate(narrowest) if i not in breaking)
        scale = max(room - others, 0.0) / sum(narrowest[i] for i in breaking)
        for i in breaking:
            narrowest[i] = max(_MIN_BREAKING_EM, narrowest[i] * scale)
            widest[i] = max(widest[i], narrowest[i])
    if sum(widest) <= room:  # every cell on one line: the rest shared out alike
        widths = [w * room / sum(widest) for w in widest]
    elif sum(narrowest) < room:
        spare, wanted = room - sum(narrowest), sum(widest) - sum(narrowest)
        widths = [low + spare * (high - low) / wanted
                  for low, high in zip(narrowest, widest, strict=True)]
    else:  # too many columns to fit: each as narrow as it can be
        widths = narrowest
    total = sum(widths) + padding_em * n
    return tuple((w + padding_em) / total for w in widths)
