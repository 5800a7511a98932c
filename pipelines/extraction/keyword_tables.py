"""Compiled keyword tables, with a lighter form for text in the Latin script alone.

A table's patterns hold fragments in Arabic and Russian besides English, French and
Spanish. Where a text has no Arabic or Cyrillic letter, those fragments cannot match, yet the
regex engine still tries each of them at every position: the table's Latin form leaves them
out and finds the same matches about twice as fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Final

from pipelines.extraction.vocabulary import alternation

_OTHER_SCRIPTS: Final = re.compile(r"[\u0400-\u04FF\u0600-\u06FF]")
_LOOK_BEHIND: Final = re.compile(r"\(\?<[!=][^()]*\)")
_ESCAPE: Final = re.compile(r"\\.")
_NEVER: Final = re.compile(r"(?!)")


def needs_other_script(fragment: str) -> bool:
    """Whether every match of ``fragment`` holds an Arabic or Cyrillic letter: its words are
    written in those scripts alone (a look back such as ``(?<!не)`` does not count)."""
    words = _ESCAPE.sub("", _LOOK_BEHIND.sub("", fragment))
    return bool(_OTHER_SCRIPTS.search(words)) and not re.search(r"[a-z]", words)


class KeywordTable(Mapping[str, re.Pattern[str]]):
    """Keyword fragments per key, compiled as one pattern each (``alternation``)."""

    def __init__(self, table: Mapping[str, tuple[str, ...]]) -> None:
        self._all = {key: re.compile(alternation(fragments)) for key, fragments in table.items()}
        self._latin = {}
        for key, fragments in table.items():
            latin = tuple(f for f in fragments if not needs_other_script(f))
            self._latin[key] = re.compile(alternation(latin)) if latin else _NEVER

    def __getitem__(self, key: str) -> re.Pattern[str]:
        return self._all[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def for_text(self, folded: str, start: int = 0, end: int | None = None
                 ) -> Mapping[str, re.Pattern[str]]:
        """The patterns to search ``folded[start:end]`` with: the Latin form where that text
        has no Arabic or Cyrillic letter (the same matches), else the whole table."""
        end = len(folded) if end is None else end
        if folded.isascii() or not _OTHER_SCRIPTS.search(folded, start, end):
            return self._latin
        return self._all
