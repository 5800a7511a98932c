"""Figures of a document as rows: the same fact on a page is one row."""

import pandas as pd

from pipelines.stages import facts
from pipelines.stages.reading import PASSAGE_COLUMNS


def _document(*passages: tuple[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [["d1", n, 2, kind, "III. Contamination restante", text, False]
            for n, (kind, text) in enumerate(passages, start=1)]
    documents = pd.DataFrame([{"document_id": "d1", "state_iso3": "SEN", "language": "fr",
                               "sha256": "a" * 64}])
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS), documents


def test_a_total_given_with_its_year_and_again_in_a_table_without_it_is_one_row():
    passages, documents = _document(
        ("paragraph", "Au 31 décembre 2021, il restait 901 060 m² de zones dangereuses."),
        ("paragraph", "Le tableau suivant donne les superficies."),
        ("table", ("Département | Superficie (m²)\nZiguinchor | 402 310\nBignona | 498 750\n"
                  "Total | 901 060")),
    )
    figures = facts.indicator_values(passages, documents)
    remaining = figures[figures["indicator"] == "area_remaining_m2"]
    assert remaining[["value", "year", "page"]].values.tolist() == [[901060.0, 2021, 2]]


def test_undated_figures_stay_when_no_dated_twin_exists():
    passages, documents = _document(
        ("paragraph", "Le tableau suivant donne les superficies."),
        ("table", ("Département | Superficie restante (m²)\nZiguinchor | 402 310\n"
                  "Total | 402 310")),
    )
    figures = facts.indicator_values(passages, documents)
    assert figures[["indicator", "value"]].values.tolist() == [["area_remaining_m2", 402310.0]]
    assert figures["year"].isna().all()


def test_the_paragraph_before_a_heading_gives_no_year_to_the_section_after_it():
    rows = [
        ["d1", 1, 1, "paragraph", "Cooperation", "In 2022 Chile gave USD 50,000 to the ISU.", False],
        ["d1", 2, 1, "heading", "Cooperation", "Victim assistance", False],
        ["d1", 3, 1, "paragraph", "Victim assistance",
         "Chile assists 154 survivors through the public health network.", False],
        ["d1", 4, 1, "paragraph", "Victim assistance",
         "Survivors by region are given below.", False],
        ["d1", 5, 1, "table", "Victim assistance", "Region | Survivors assisted\nNorth | 15", False],
    ]
    documents = pd.DataFrame([{"document_id": "d1", "state_iso3": "CHL", "language": "en",
                               "sha256": "b" * 64}])
    figures = facts.indicator_values(pd.DataFrame(rows, columns=PASSAGE_COLUMNS), documents)
    survivors = figures[figures["indicator"] == "survivors_assisted"]
    assert survivors["value"].tolist() == [154.0, 15.0]
    assert survivors["year"].isna().all()  # 2022 is the year of the cooperation paragraph


def test_the_paragraph_that_opens_a_list_dates_every_item_of_it():
    passages, documents = _document(
        ("paragraph", "En 2021, le Sénégal a reçu les contributions suivantes :"),
        ("paragraph", "40 000 EUR de la Belgique pour l'éducation aux risques ;"),
        ("paragraph", "60 000 EUR de l'Allemagne pour le déminage ;"),
        ("paragraph", "25 000 EUR de l'Irlande pour l'assistance aux victimes."),
        ("paragraph", "Le Japon a versé 30 000 EUR au centre national."),
    )
    years = facts.indicator_values(passages, documents).set_index("value")["year"]
    assert years.loc[[40000.0, 60000.0, 25000.0]].fillna(0).tolist() == [2021, 2021, 2021]
    assert pd.isna(years[30000.0])  # after the list: the year of the paragraph before it only


def test_the_paragraph_that_opens_a_bulleted_list_dates_every_item_of_it():
    passages, documents = _document(
        ("paragraph", "En 2021, les principales contributions reçues ont été les suivantes :"),
        ("paragraph", "• 2 000 000 USD de la Norvège pour le déminage à Ziguinchor."),
        ("paragraph", "• 1 500 000 USD du Japon pour l'enquête non technique."),
        ("paragraph", "b) 800 000 USD de la Suisse pour l'assistance aux victimes."),
        ("paragraph", "Le Canada a aussi versé 300 000 USD au centre national."),
        ("paragraph", "• 100 000 USD d'une ONG nationale."),
    )
    years = facts.indicator_values(passages, documents).set_index("value")["year"]
    assert years.loc[[2_000_000.0, 1_500_000.0, 800_000.0]].fillna(0).tolist() == [2021] * 3
    assert pd.isna(years[300_000.0])  # a paragraph after the list is no item of it
    assert pd.isna(years[100_000.0])  # nor is an item of a later list without its own lead
