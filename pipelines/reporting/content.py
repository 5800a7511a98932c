"""Put the chapters together, in order, and number paragraphs, tables and figures."""

from __future__ import annotations

from pipelines.reporting import annexes, cross, front, method, sections
from pipelines.reporting.context import Context
from pipelines.reporting.model import Block, Report, number_captions, number_paragraphs

#: Paragraphs are numbered in the body; annexes keep their own, unnumbered paragraphs.
FIRST_ANNEX = "annex-states"


def build_content(ctx: Context) -> Report:
    """The whole report as blocks, ready for any renderer.

    The chapters with charts are built first: their charts are then drawn (by the context's
    drawer, a worker process) while the other chapters are built.
    """
    with_charts = {
        "coverage": cross.coverage_chapter(ctx),
        "deadlines": cross.deadlines_chapter(ctx),
        "sections": sections.section_chapters(ctx),
    }
    blocks: list[Block] = [
        *front.executive_summary(ctx),
        *method.method_blocks(ctx),
        *with_charts["sections"],
        *with_charts["coverage"],
        *with_charts["deadlines"],
        *cross.change_chapter(ctx),
        *annexes.state_annex(ctx),
        *annexes.silent_states_annex(ctx),
        *annexes.publication_index(ctx),
        *annexes.reproducibility(ctx),
    ]
    blocks = number_captions(number_paragraphs(blocks, stop_at=FIRST_ANNEX))
    return Report(front.title_page(ctx), blocks)
