"""A synthetic pile of written updates of any size, rendered once and kept in a cache.

Each document's specification (``corpus/SPEC.md``) depends only on the seed, its index and the
scanned share, so the first 100 documents of a 500-document corpus are the 100-document corpus:
rendered files are kept per document in ``bench/.cache`` and reused by every later benchmark of
the same parameters. Rendering runs on two processes.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from bench import synthetic_text as words
from corpus.render import PageOverflowError, render

logger = logging.getLogger(__name__)

#: Bump when the generated specifications change: the cache is keyed by it.
GENERATOR_VERSION: Final = "1"
CACHE_ROOT: Final = Path(__file__).resolve().parent / ".cache"
#: States drawn for the documents (ISO3 codes of States with mine action programmes).
STATES: Final = ("AGO", "BIH", "KHM", "TCD", "CHL", "COL", "COD", "ECU", "HRV", "IRQ", "LKA",
                 "MOZ", "PER", "SEN", "SOM", "TJK", "THA", "UKR", "ZWE")
ADDED_INDEX: Final = 999_999


@dataclass(frozen=True)
class Document:
    """One generated document: where it is, what kind, and how many pages."""

    path: Path
    kind: str  # "pdf", "two_column", "scanned" or "docx"
    pages: int

    @property
    def is_text_pdf(self) -> bool:
        return self.kind in ("pdf", "two_column")


def state_names() -> dict[str, dict[str, str]]:
    """Short official names of the STATES per language, from the reference seeds."""
    import csv

    seeds = Path(__file__).resolve().parents[1] / "warehouse" / "seeds" / "state_aliases.csv"
    names: dict[str, dict[str, str]] = {lang: {} for lang in words.LANGUAGES}
    with seeds.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["iso3"] in STATES and row["alias_type"] == f"official_name_{row['language']}_short":
                names.setdefault(row["language"], {})[row["iso3"]] = row["alias"]
    return names


def is_scanned(index: int, share: float) -> bool:
    """Spread scanned documents evenly: every prefix of n documents holds floor(n * share)."""
    return int((index + 1) * share) > int(index * share)


def spec(index: int, *, seed: int, scanned_share: float, names: dict[str, dict[str, str]]) -> dict:
    """The specification of document ``index``: ~10 pages, prose, some tables, EN/FR/ES."""
    rng = random.Random(f"{seed}-{index}")
    lang = rng.choices(words.LANGUAGES, weights=(2, 1, 1))[0]
    iso3 = rng.choice(STATES)
    state = names[lang].get(iso3) or names["en"][iso3]
    year = rng.choice((2020, 2021, 2022))
    if index == ADDED_INDEX:
        fmt, layout = "pdf", "single"
    elif is_scanned(index, scanned_share):
        fmt, layout = "pdf", "scanned"
    elif rng.random() < 0.35:
        fmt, layout = "docx", "single"
    else:
        fmt, layout = "pdf", "two_column" if rng.random() < 0.2 else "single"
    n_pages = 10 if index == ADDED_INDEX else rng.randint(8, 12)
    pages = [_page(rng, lang, state, year, no, n_pages) for no in range(1, n_pages + 1)]
    stem = "added" if index == ADDED_INDEX else f"{index:05d}"
    return {
        "file_name": f"{stem}_{iso3.lower()}_{lang}_update.{fmt}",
        "format": fmt,
        "layout": layout,
        "meeting": f"IM{year + 1}",
        "letterhead": [words.LETTERHEAD[lang].format(state=state), words.SUBHEAD[lang]],
        "running_header": words.RUNNING_HEADER[lang].format(state=state, year=year + 1),
        "running_footer": words.RUNNING_FOOTER[lang],
        "pages": pages,
    }


def _page(rng: random.Random, lang: str, state: str, year: int, no: int, n_pages: int) -> list:
    blocks: list[dict[str, Any]] = []
    if no == 1:
        blocks.append({"type": "title", "text": words.TITLES[lang]})
    blocks.append({"type": "heading", "level": 1,
                   "text": f"{no}. {rng.choice(words.HEADINGS[lang])}"})
    with_table = rng.random() < 0.2
    for n in range(2 if with_table else 3):
        blocks.append({"type": "paragraph", "text": _paragraph(rng, lang, state, year)})
        if n == 0 and rng.random() < 0.25:
            blocks.append({"type": "bullets",
                           "items": [_sentence(rng, lang, state, year) for _ in range(2)]})
    if with_table:
        blocks.append({"type": "table", "rows": _table(rng, lang, year)})
    if no == n_pages:
        blocks.append({"type": "signature",
                       "lines": [words.SIGNATURE[lang].format(next_year=year + 1), state]})
    return blocks


def _sentence(rng: random.Random, lang: str, state: str, year: int) -> str:
    action = rng.randint(1, 50)
    return rng.choice(words.SENTENCES[lang]).format(
        year=year, state=state, action=action, action2=min(50, action + 1),
        area=f"{rng.randint(10_000, 9_000_000):,}", area2=f"{rng.randint(10_000, 900_000):,}",
        mines=f"{rng.randint(10, 9_000):,}", people=f"{rng.randint(500, 90_000):,}",
        villages=rng.randint(5, 400), casualties=rng.randint(1, 300),
        millions=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}", millions2=f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
    )


def _paragraph(rng: random.Random, lang: str, state: str, year: int) -> str:
    return " ".join(_sentence(rng, lang, state, year) for _ in range(rng.randint(3, 4)))


def _table(rng: random.Random, lang: str, year: int) -> list[list[str]]:
    head = [h.format(year=year) for h in words.TABLE_HEADERS[lang]]
    body = [[p, f"{rng.randint(1_000, 900_000):,}", f"{rng.randint(1, 900):,}"]
            for p in rng.sample(words.PROVINCES, 4)]
    total = [words.TOTAL[lang], f"{sum(int(r[1].replace(',', '')) for r in body):,}",
             f"{sum(int(r[2].replace(',', '')) for r in body):,}"]
    return [head, *body, total]


def _kind(raw: dict) -> str:
    if raw["format"] == "docx":
        return "docx"
    return {"single": "pdf"}.get(raw["layout"], raw["layout"])


def _render_one(raw: dict, folder: str) -> int:
    """Render a specification into ``folder`` atomically; drop blocks of a page that overflows."""
    target = Path(folder) / raw["file_name"]
    with tempfile.TemporaryDirectory(dir=folder, prefix=".render-") as tmp:
        while True:
            try:
                written = render(raw, Path(tmp))
                break
            except PageOverflowError as error:
                page = int(str(error).split("page ")[-1].split()[0]) - 1
                if len(raw["pages"][page]) <= 2:
                    raise
                raw["pages"][page].pop(-2 if raw["pages"][page][-1]["type"] == "signature" else -1)
        os.replace(written, target)
    return len(raw["pages"])


class Corpus:
    """The cached documents of one seed and scanned share."""

    def __init__(self, *, seed: int = 7, scanned_share: float = 0.01, root: Path = CACHE_ROOT):
        self.seed, self.scanned_share = seed, scanned_share
        self.folder = root / f"docs-v{GENERATOR_VERSION}-seed{seed}-scanned{scanned_share:g}"
        self._names = state_names()

    def _spec(self, index: int) -> dict:
        return spec(index, seed=self.seed, scanned_share=self.scanned_share, names=self._names)

    def documents(self, n: int, *, processes: int = 2) -> list[Document]:
        """The first ``n`` documents, rendering those not in the cache yet."""
        return self._ensure([self._spec(i) for i in range(n)], processes)

    def added_document(self) -> Document:
        """A ten-page text PDF outside every corpus: the document a re-run absorbs."""
        return self._ensure([self._spec(ADDED_INDEX)], 1)[0]

    def _ensure(self, specs: list[dict], processes: int) -> list[Document]:
        self.folder.mkdir(parents=True, exist_ok=True)
        missing = [raw for raw in specs if not (self.folder / raw["file_name"]).exists()]
        if missing:
            logger.info("rendering %d documents into %s", len(missing), self.folder)
            with ProcessPoolExecutor(max_workers=max(1, processes)) as pool:
                list(pool.map(_render_one, missing, [str(self.folder)] * len(missing), chunksize=4))
        return [self._document(raw) for raw in specs]

    def _document(self, raw: dict) -> Document:
        # A page that overflowed lost blocks when rendered, never the page itself.
        return Document(self.folder / raw["file_name"], _kind(raw), len(raw["pages"]))


def link_folder(documents: list[Document], folder: Path) -> Path:
    """A sources folder of hard links to ``documents`` (copies across file systems).

    Not symbolic links: the pipeline refuses links that point outside the sources folder.
    """
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for document in documents:
        add_file(document.path, folder)
    return folder


def add_file(path: Path, folder: Path) -> Path:
    """Put ``path`` into ``folder`` as a hard link, or a copy where a link cannot be made."""
    target = folder / path.name
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)
    return target


def iter_kinds(documents: list[Document]) -> Iterator[tuple[str, int, int]]:
    """(kind, documents, pages) per kind of document, for the benchmark's header."""
    for kind in ("pdf", "two_column", "docx", "scanned"):
        chosen = [d for d in documents if d.kind == kind]
        yield kind, len(chosen), sum(d.pages for d in chosen)
