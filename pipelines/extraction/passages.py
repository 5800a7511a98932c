"""Split a read document into passages that carry their page and the headings above them."""

from __future__ import annotations

from collections.abc import Iterable

from pipelines.extraction.model import Passage, PassageKind
from sources.model import BlockKind, Page

_KINDS = {
    BlockKind.HEADING: PassageKind.HEADING,
    BlockKind.PARAGRAPH: PassageKind.PARAGRAPH,
    BlockKind.TABLE: PassageKind.TABLE,
}


def to_passages(pages: Iterable[Page]) -> list[Passage]:
    """One passage per block, numbered from 1 in reading order, with its heading path."""
    passages: list[Passage] = []
    headings: list[tuple[int, str]] = []  # (level, text) of the open headings
    for page in pages:
        for block in page.blocks:
            if block.kind is BlockKind.HEADING:
                level = block.level or 1
                headings = [h for h in headings if h[0] < level]
                path = " > ".join(text for _, text in headings)
                headings.append((level, block.text))
            else:
                path = " > ".join(text for _, text in headings)
            passages.append(
                Passage(
                    passage_no=len(passages) + 1,
                    page=page.number,
                    kind=_KINDS[block.kind],
                    text=block.text,
                    heading_path=path,
                    rows=block.rows,
                    ocr=page.ocr,
                )
            )
    return passages
