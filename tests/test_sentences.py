"""Sentences as both extractors cut them."""

import pytest

from pipelines.extraction.action_cues import sentence_cues
from pipelines.extraction.sentences import sentence_spans


def cut(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in sentence_spans(text)]


def test_abbreviations_and_decimals_end_no_sentence() -> None:
    text = "Art. 5 applies. Approx. 2.5 km² remain. Ver el núm. 3. Fin."
    assert cut(text) == ["Art. 5 applies.", "Approx. 2.5 km² remain.", "Ver el núm. 3.", "Fin."]


def test_figures_are_not_cut() -> None:
    text = "Japan provided USD 39.8 million. It also funded clearance in Cambodia (Action 21)."
    assert cut(text) == ["Japan provided USD 39.8 million.",
                         "It also funded clearance in Cambodia (Action 21)."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Survey done.\n\nClearance goes on", ["Survey done.", "Clearance goes on"]),
    ("Results:\n• 12 ha cleared\n• 3 ha reduced", ["Results:", "• 12 ha cleared", "• 3 ha reduced"]),
    ("¿Cuántas minas quedan? 1 200 minas.", ["¿Cuántas minas quedan?", "1 200 minas."]),
])
def test_blank_lines_bullets_and_figures_after_a_stop_start_a_sentence(text, expected) -> None:
    assert cut(text) == expected


def test_cues_point_at_the_sentences_where_they_fire() -> None:
    text = ("The weather was fine. In 2021 Japan provided USD 39.8 million for mine action in "
            "Cambodia. Nothing else.")
    [((start, end), weights)] = sentence_cues(text)  # the donor's support, told by one sentence
    assert weights and text[start:end].startswith("In 2021 Japan") and text[end - 1] == "."
    assert sentence_cues("The weather was fine. Nothing else.") == []
