"""Turn passages into the fact tables: action_progress and indicator_values."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

import pandas as pd

from pipelines.extraction.actions import ActionMatcher
from pipelines.extraction.indicators import find_indicators
from pipelines.extraction.model import Passage, PassageKind
from sources.layout import LIST_ITEM

ACTION_COLUMNS = [
    "document_id", "state_iso3", "action_no", "page", "passage_no", "evidence", "method",
    "confidence", "status", "ocr", "reviewed_by",
]
INDICATOR_COLUMNS = [
    "fact_id", "document_id", "state_iso3", "indicator", "value", "unit", "year",
    "disaggregation", "page", "passage_no", "evidence", "ocr", "reviewed_by",
]


def passages_by_document(passages: pd.DataFrame) -> Iterator[tuple[str, list[Passage]]]:
    """Passage records per document, tables with their rows rebuilt from the stored text."""
    body = passages[passages["kind"] != PassageKind.HEADER.value]
    for document_id, group in body.sort_values(["document_id", "passage_no"]).groupby(
        "document_id", sort=False
    ):
        yield str(document_id), [
            Passage(
                passage_no=int(row.passage_no),
                page=int(row.page),
                kind=PassageKind(row.kind),
                text=row.text,
                heading_path=row.heading_path,
                rows=_rows(row.text) if row.kind == PassageKind.TABLE else (),
                ocr=bool(row.ocr),
            )
            for row in group.itertuples(index=False)
        ]


def _rows(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cell.strip() for cell in line.split(" | ")) for line in text.splitlines())


def action_progress(
    passages: pd.DataFrame, documents: pd.DataFrame, matcher: ActionMatcher
) -> pd.DataFrame:
    state = dict(zip(documents["document_id"], documents["state_iso3"], strict=True))
    rows = [
        [document_id, state.get(document_id), m.action_no, m.page, m.passage_no, m.evidence,
         m.method.value, m.confidence, m.status, m.ocr, None]
        for document_id, doc_passages in passages_by_document(passages)
        for m in matcher.mentions(doc_passages)
    ]
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def indicator_values(passages: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Figures of every passage; the same figure found twice on one page is kept once."""
    meta = dict(zip(documents["document_id"], zip(documents["state_iso3"], documents["language"],
                                                  documents["sha256"], strict=True), strict=True))
    rows: dict[str, list] = {}
    for document_id, doc_passages in passages_by_document(passages):
        state, language, sha256 = meta[document_id]
        previous = lead = ""
        for passage in doc_passages:
            if passage.kind is PassageKind.HEADING:
                previous = lead = ""  # the paragraph before a heading ends its section
                continue
            # The heading ("Land release in 2021") and the paragraph before a table or a
            # list ("Land released by method (hectares):") often carry its year or unit; the
            # paragraph that opens a list stays the context of its items while they run on.
            in_list = lead and (previous.rstrip()[-1:] in (":", ";") or _is_item(passage.text))
            context = f"{passage.heading_path}\n{lead}\n{previous}" if in_list else (
                f"{passage.heading_path}\n{previous}")
            lead = _list_lead(passage.text, lead)
            previous = passage.text
            for found in find_indicators(passage.text, language, passage.rows, context=context):
                key = fact_id(sha256, found.indicator, found.year, found.disaggregation,
                              found.value, passage.page)
                rows.setdefault(key, [
                    key, document_id, state, found.indicator, found.value, found.unit,
                    found.year, found.disaggregation, passage.page, passage.passage_no,
                    found.evidence, passage.ocr, None,
                ])
    frame = pd.DataFrame(list(_without_undated_repeats(rows.values())), columns=INDICATOR_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def _list_lead(text: str, lead: str) -> str:
    """The paragraph that opens the list the next passage may belong to: ``text`` when it ends
    with a colon, ``lead`` still when ``text`` is an item of its list, else none.

    An item ends with a semicolon or opens with a bullet or a number ("• ", "a) "); the list
    goes on after one that ends with a semicolon, and to each next item that opens so.
    """
    end = text.rstrip()[-1:]
    if end == ":":
        return text
    return lead if end == ";" or _is_item(text) else ""


def _is_item(text: str) -> bool:
    return LIST_ITEM.match(text) is not None


def _without_undated_repeats(rows: Iterable[list]) -> Iterator[list]:
    """Rows less a figure without a year that the same page also gives with its year.

    A total stated in the text ("At 31 December 2021, 1,118,260 m² remained") and again in a
    table without its year is one fact: the dated one is kept.
    """
    rows = list(rows)
    column = {name: i for i, name in enumerate(INDICATOR_COLUMNS)}

    def fact(row: list) -> tuple:
        return tuple(row[column[c]] for c in
                     ("document_id", "page", "indicator", "disaggregation", "value"))

    dated = {fact(row) for row in rows if row[column["year"]] is not None}
    return (row for row in rows if row[column["year"]] is not None or fact(row) not in dated)


def fact_id(sha256: str, indicator: str, year: int | None, disaggregation: str | None,
            value: float, page: int) -> str:
    """Stable id of a figure: the same figure in the same file keeps its id across runs."""
    key = f"{sha256}|{indicator}|{year}|{disaggregation}|{value:.6g}|{page}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]
