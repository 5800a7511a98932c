"""Work spread over forked workers gives exactly what one process gives."""

import gc
import hashlib
import time

import pandas as pd
import pytest

from pipelines.extraction.actions import ActionMatcher
from pipelines.extraction.states import AliasIndex
from pipelines.processes import forked_pool
from pipelines.stages import facts
from pipelines.stages.documents import _described, describe_documents
from pipelines.stages.parallel import _chunks, by_document
from pipelines.stages.reading import META_COLUMNS, PASSAGE_COLUMNS
from warehouse import reference

_TEXTS = [
    "In 2021, 1,234,567 square metres were cleared and 45 anti-personnel mines destroyed.",
    "Risk education reached 12 400 people (6 100 women and girls) in 2021.",
    "En 2021, 2,5 hectares ont été réduites par enquête technique ; action n° 21 du Plan.",
    "Se destruyeron 3.500 minas almacenadas; asistencia a las víctimas en zonas rurales.",
    "Action 44 of the Oslo Action Plan: USD 2.5 million for survey and clearance.",
]


def _corpus(n_documents: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    passages, documents = [], []
    for d in range(n_documents):
        sha = hashlib.sha256(f"document {d}".encode()).hexdigest()
        doc_id = sha[:16]
        language = ("en", "fr", "es")[d % 3]
        documents.append({"document_id": doc_id, "state_iso3": "COL", "language": language,
                          "sha256": sha})
        for p in range(1 + d % 7):  # documents of different lengths
            text = _TEXTS[(d + p) % len(_TEXTS)]
            passages.append([doc_id, p + 1, 1 + p // 3, "paragraph", "Land release", text, False])
    return pd.DataFrame(passages, columns=PASSAGE_COLUMNS), pd.DataFrame(documents)


@pytest.fixture(scope="module")
def corpus() -> tuple[pd.DataFrame, pd.DataFrame]:
    return _corpus(40)


def test_figures_on_workers_equal_one_process(corpus):
    passages, documents = corpus
    alone = facts.indicator_values(passages, documents)
    spread = by_document(facts.indicator_values, passages, documents, min_passages=0)
    assert len(alone) > 40
    pd.testing.assert_frame_equal(spread, alone)


def test_action_mentions_on_workers_equal_one_process(corpus):
    passages, documents = corpus
    matcher = ActionMatcher(reference.load_oap_actions(), reference.load_action_keywords(),
                            reference.load_section_headings())
    alone = facts.action_progress(passages, documents, matcher)
    spread = by_document(facts.action_progress, passages, documents, matcher, min_passages=0)
    assert {21, 44} <= set(alone["action_no"])
    pd.testing.assert_frame_equal(spread, alone)


def test_small_batches_stay_in_this_process(corpus):
    passages, _ = corpus
    seen = []

    def record(frame: pd.DataFrame) -> pd.DataFrame:
        seen.append(len(frame))
        return frame

    by_document(record, passages)
    assert seen == [len(passages)]  # under MIN_PASSAGES: one call here, none in workers


def test_a_failing_worker_stops_the_step(corpus):
    passages, _ = corpus

    def fail(frame: pd.DataFrame) -> pd.DataFrame:
        raise ValueError("cannot read this chunk")

    with pytest.raises(ValueError, match="cannot read this chunk"):
        by_document(fail, passages, min_passages=0)


def test_forked_workers_leave_the_objects_they_inherit_out_of_their_collections():
    inherited = [[] for _ in range(1_000)]  # containers a collection in a worker would visit
    with forked_pool(1) as pool:
        frozen = pool.submit(gc.get_freeze_count).result()
    assert frozen >= len(inherited)  # so their pages stay shared with this process
    assert gc.get_freeze_count() == 0  # and this process collects them again


def test_a_forked_pool_finishes_its_tasks_unless_its_block_fails():
    with forked_pool(1) as pool:
        done = [pool.submit(time.sleep, 0.05) for _ in range(3)]
    assert all(f.done() and not f.cancelled() for f in done)
    with pytest.raises(RuntimeError), forked_pool(1) as pool:
        first = pool.submit(time.sleep, 0.3)
        rest = [pool.submit(time.sleep, 0.3) for _ in range(5)]
        raise RuntimeError("the step failed")
    assert first.done() and any(f.cancelled() for f in rest)


def test_chunks_cover_every_document_once_in_order():
    sizes = pd.Series({f"d{i:02d}": 1 + (i * 7) % 11 for i in range(30)})
    ids = sorted(sizes.index)
    chunks = _chunks(sizes, ids, 8)
    assert [doc for chunk in chunks for doc in chunk] == ids
    assert len(chunks) <= 8
    assert max(sizes[c].sum() for c in chunks) <= 2 * sizes.sum() / 8 + sizes.max()


def test_documents_described_on_workers_equal_one_process_in_the_given_order():
    names = {"COL": "Colombia", "KHM": "Cambodia", "SEN": "Sénégal"}
    meta, passages = [], []
    for d in range(150):  # over MIN_DOCUMENTS: described on workers
        sha = hashlib.sha256(f"update {d}".encode()).hexdigest()
        doc_id = sha[:16]
        iso3 = list(names)[d % 3]
        meta.append([doc_id, f"{iso3.lower()}_update_{d}.pdf", f"{iso3.lower()}_update_{d}.pdf",
                     sha, 1000 + d, "pdf", 2, 0, None])
        if d % 10 == 9:
            continue  # no text at all
        title = f"{names[iso3]}: update on the Oslo Action Plan, Intersessional Meetings 2022"
        passages.append([doc_id, 1, 1, "heading", "", title, False])
        passages.append([doc_id, 2, 2, "paragraph", "Land release", _TEXTS[d % len(_TEXTS)], False])
    meta = pd.DataFrame(meta, columns=META_COLUMNS).sample(frac=1, random_state=3)
    passages = pd.DataFrame(passages, columns=PASSAGE_COLUMNS)
    aliases = reference.load_state_aliases()
    versions = {doc_id: "v1" for doc_id in meta["document_id"]}
    now = pd.Timestamp("2022-06-20 09:00")

    spread = describe_documents(meta, passages, aliases, read_version="1",
                                extract_versions=versions, now=now)
    alone = _described(meta, passages, AliasIndex(aliases))

    assert list(spread["document_id"]) == list(meta["document_id"])
    pd.testing.assert_frame_equal(spread[alone.columns], alone)
    assert set(spread["state_iso3"].dropna()) == set(names)
    assert (spread["meeting_id"].dropna() == "IM2022").all()
    assert spread["review_reason"].str.contains("no text found").sum() == 15
    assert (spread["extract_version"] == "v1").all() and (spread["loaded_at"] == now).all()
