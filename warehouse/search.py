"""Full-text search over the passages of the updates, in English, French and Spanish.

The warehouse is only read: the passages (a few thousand rows) are copied into an in-memory
database and indexed there for each search, which takes milliseconds, so nothing is written to
the warehouse file. Each document language gets its own index: with DuckDB's fts extension
(the `duckdb-extension-fts` wheel, loaded from its file since `INSTALL` needs the network)
BM25 ranking and the language's Snowball stemmer; without it, SQLite FTS5 from the standard
library, with BM25 and the Porter stemmer for English and prefix matching for French and
Spanish. Both fold case and accents, so "victimas" finds "víctimas".
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from warehouse.queries import Session

logger = logging.getLogger(__name__)

#: Document language -> Snowball stemmer of its index; other languages share an unstemmed one.
STEMMERS: Final = {"en": "english", "fr": "french", "es": "spanish"}
#: Words too common to search for: left out of the indexes and of the query.
STOPWORDS: Final = {
    "en": "a an and are as at be been by for from has have in is it its of on or that the "
          "their this to was were which with",
    "fr": "a au aux avec ce ces dans de des du elle en et est il ils la le les leur leurs lui "
          "mais ne nous on ou par pas pour qu que qui sa se ses son sont sur un une y d l",
    "es": "a al como con de del el en es esta este la las le lo los mas no o para pero por que "
          "se su sus un una uno y",
}
SNIPPET: Final = 240
PASSAGES_SQL: Final = """
SELECT p.document_id, p.passage_no, p.page, p.text, d.file_name, d.language, d.state_iso3,
       d.state_name, coalesce(a.actions, '') AS actions
FROM passages AS p
JOIN v_documents AS d USING (document_id)
LEFT JOIN (
    SELECT document_id, passage_no,
           string_agg(action_no || ' (' || status || ')', '; ' ORDER BY action_no) AS actions
    FROM action_progress GROUP BY document_id, passage_no
) AS a USING (document_id, passage_no)
WHERE p.kind IN ('paragraph', 'table')
"""
COLUMNS: Final = ("rank", "score", "state_iso3", "state_name", "file_name", "page", "language",
                  "actions", "snippet", "document_id", "passage_no")


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets stay those of ``text``."""
    return "".join(unicodedata.normalize("NFD", ch.lower())[:1] or ch for ch in text)


def terms(query: str) -> list[str]:
    return re.findall(r"\w+", fold(query))


def _group(language: str) -> str:
    return language if language in STEMMERS else "other"


def fts_extension() -> Path | None:
    """The fts extension file shipped by the `duckdb-extension-fts` wheel, if installed."""
    if importlib.util.find_spec("duckdb_extension_fts") is None:
        return None
    root = importlib.resources.files("duckdb_extension_fts").joinpath("extensions")
    path = Path(str(root)) / f"v{duckdb.__version__}" / "fts.duckdb_extension"
    return path if path.is_file() else None


def _duckdb_scores(corpus: pd.DataFrame, words: list[str], every: bool) -> pd.Series:
    """BM25 score per row of ``corpus`` (NaN: no match), from DuckDB fts indexes."""
    extension = fts_extension()
    if extension is None:
        raise RuntimeError("the duckdb-extension-fts package is not installed")
    scores = pd.Series(float("nan"), index=corpus.index)
    with duckdb.connect() as con:
        con.execute(f"LOAD '{extension}'")
        con.execute("SET enable_external_access = false")
        for group, part in corpus.groupby("group"):
            stemmer, stop = STEMMERS.get(group, "none"), STOPWORDS.get(group, "").split()
            wanted = [w for w in words if w not in stop]
            if not wanted:
                continue
            con.register("part", part[["rid", "text"]])
            con.execute(f"CREATE OR REPLACE TABLE p_{group} AS SELECT * FROM part")
            con.unregister("part")
            con.execute(f"CREATE OR REPLACE TABLE sw_{group} AS SELECT unnest(?::VARCHAR[]) AS sw",
                        [stop])
            con.execute(f"PRAGMA create_fts_index('p_{group}', 'rid', 'text', stemmer='{stemmer}',"
                        f" stopwords='sw_{group}', strip_accents=1, lower=1, overwrite=1)")
            found = con.execute(
                f"SELECT rid, score FROM (SELECT rid, fts_main_p_{group}.match_bm25(rid, ?, "
                f"conjunctive := ?) AS score FROM p_{group}) WHERE score IS NOT NULL",
                [" ".join(wanted), int(every)]).fetchall()
            for rid, score in found:
                scores.at[rid] = score
    return scores


def _prefix(word: str) -> str:
    """A crude stem for prefix matching: plural and gender endings off, at least 4 letters."""
    stem = re.sub(r"(es|s|e|a|o)$", "", word) if len(word) > 5 else word
    return stem if len(stem) >= 4 else word


def _sqlite_scores(corpus: pd.DataFrame, words: list[str], every: bool) -> pd.Series:
    """The same with SQLite FTS5: Porter for English, prefix matching for other languages."""
    scores = pd.Series(float("nan"), index=corpus.index)
    with sqlite3.connect(":memory:") as con:
        for group, part in corpus.groupby("group"):
            stop = STOPWORDS.get(group, "").split()
            wanted = [w for w in words if w not in stop]
            if not wanted:
                continue
            stemmer = "porter " if group == "en" else ""
            con.execute(f"CREATE VIRTUAL TABLE p_{group} USING fts5(rid UNINDEXED, text, "
                        f"tokenize='{stemmer}unicode61 remove_diacritics 2')")
            con.executemany(f"INSERT INTO p_{group} VALUES (?, ?)",
                            list(zip(part["rid"].tolist(), part["text"], strict=True)))
            match = [f'"{w}"' if group == "en" else f'"{_prefix(w)}"*' for w in wanted]
            found = con.execute(
                f"SELECT rid, -bm25(p_{group}) FROM p_{group} WHERE p_{group} MATCH ?",
                [(" AND " if every else " OR ").join(match)]).fetchall()
            for rid, score in found:
                scores.at[int(rid)] = score
    return scores


ENGINES: Final[dict[str, Callable[[pd.DataFrame, list[str], bool], pd.Series]]] = {
    "duckdb": _duckdb_scores,
    "sqlite": _sqlite_scores,
}


def engine() -> str:
    """The engine a search uses by default: DuckDB fts when its extension is there."""
    return "duckdb" if fts_extension() is not None else "sqlite"


def snippet(text: str, words: list[str], width: int = SNIPPET) -> str:
    """About ``width`` characters of ``text`` around the first word of the query it contains."""
    folded = fold(text)
    starts = [m.start() for w in words
              for m in [re.search(r"\b" + re.escape(_prefix(w)), folded)] if m]
    flat = " ".join(text.split())
    if len(text) <= width:
        return flat
    start = max(0, min(starts, default=0) - width // 3)
    if start:  # begin at a word
        start = text.find(" ", start) + 1 or start
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


@dataclass(frozen=True)
class Search:
    hits: pd.DataFrame
    engine: str


def search(session: Session, query: str, *, state_iso3: str | None = None,
           language: str | None = None, limit: int = 20, every: bool = True,
           using: str | None = None) -> Search:
    """Passages matching ``query``, best first, each with State, file, page, snippet and the
    actions mapped to it. ``every``: all words must occur (else any word)."""
    words = terms(query)
    if not words:
        raise ValueError("the search has no words")
    corpus = session.frame(PASSAGES_SQL + " ORDER BY p.document_id, p.passage_no")
    if state_iso3:
        corpus = corpus[corpus.state_iso3 == state_iso3]
    if language:
        corpus = corpus[corpus.language == language]
    corpus = corpus.reset_index(drop=True)
    corpus["rid"] = corpus.index
    corpus["group"] = corpus.language.map(_group)
    name = using or engine()
    scores = ENGINES[name](corpus, words, every) if len(corpus) else pd.Series(dtype=float)
    hits = corpus.assign(score=scores.round(4)).dropna(subset=["score"])
    hits = hits.sort_values(["score", "state_iso3", "file_name", "passage_no"],
                            ascending=[False, True, True, True]).head(limit)
    hits = hits.assign(rank=range(1, len(hits) + 1),
                       snippet=pd.Series([snippet(t, words) for t in hits.text],
                                         index=hits.index, dtype="object"))
    return Search(hits[list(COLUMNS)].reset_index(drop=True), name)
