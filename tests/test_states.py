"""Attribution of a document to the State Party that wrote it, in five languages."""

import pandas as pd
import pytest

from pipelines.extraction.states import AliasIndex, attribute_state
from warehouse import reference

EXTRA = pd.DataFrame(
    [("TJK", "Таджикистан", "ru"), ("IRQ", "العراق", "ar")], columns=["iso3", "alias", "language"]
)


@pytest.fixture(scope="module")
def index() -> AliasIndex:
    aliases = reference.load_state_aliases()[["iso3", "alias", "language"]]
    return AliasIndex(pd.concat([aliases, EXTRA], ignore_index=True))


@pytest.mark.parametrize(
    ("file_name", "head", "expected", "method"),
    [
        ("colombia_update.pdf", "Written update on Article 5", "COL", "file_name"),
        ("statement_final_v2.docx", "Permanent Mission of Sri Lanka to the United Nations", "LKA", "letterhead"),
        ("update.pdf", "Mission permanente de la République du Sénégal", "SEN", "letterhead"),
        ("update.pdf", "Représentation permanente de la France auprès de la Conférence", "FRA", "letterhead"),
        ("informe.pdf", "Misión Permanente del Perú ante la Oficina de las Naciones Unidas", "PER", "letterhead"),
        ("x.docx", "Statement by the delegation of Cambodia", "KHM", "letterhead"),
        ("x.docx", "Declaración de la delegación de Ecuador", "ECU", "letterhead"),
        ("x.docx", "Постоянное представительство Республики Таджикистан", "TJK", "letterhead"),
        ("x.docx", "البعثة الدائمة لجمهورية العراق", "IRQ", "letterhead"),
    ],
)
def test_author_is_found(index, file_name, head, expected, method):
    found = attribute_state(file_name, head, head, [], index)
    assert (found.iso3, found.method) == (expected, method)


def test_a_donor_listing_recipients_is_attributed_to_itself(index):
    head = ("Permanent Mission of Norway. In 2021 Norway supported clearance in Colombia, "
            "Cambodia, Iraq and South Sudan, and victim assistance in Colombia.")
    assert attribute_state("cooperation_2021.pdf", head, head, [], index).iso3 == "NOR"


def test_a_signature_block_names_the_author(index):
    text = "We cleared 12 hectares in 2021.\nGeneva, 21 June 2022\nPermanent Mission of Chad"
    found = attribute_state("statement.pdf", "We cleared 12 hectares in 2021.", text, [], index)
    assert found.iso3 == "TCD"


def test_letterhead_in_a_word_header_counts(index):
    found = attribute_state("x.docx", "Mr President,", "Mr President,", ["Mission permanente du Niger"], index)
    assert found.iso3 == "NER"


def test_nothing_to_go_on_is_flagged(index):
    found = attribute_state("statement_final.docx", "Mr President, thank you.", "Mr President, thank you.", [], index)
    assert found.iso3 is None and "no State Party" in found.review_reason


def test_file_name_and_letterhead_disagreeing_is_flagged(index):
    found = attribute_state("peru_update.pdf", "Permanent Mission of Chile", "Permanent Mission of Chile", [], index)
    assert found.iso3 == "CHL" and "file name points to PER" in found.review_reason
