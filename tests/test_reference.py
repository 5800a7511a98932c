"""The reference seeds: complete, consistent, multilingual, and loud when malformed."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from pipelines.extraction import text
from pipelines.extraction.actions import ActionMatcher
from pipelines.extraction.model import Passage, PassageKind
from pipelines.extraction.states import AliasIndex
from schemas.vocab import MEETING_LANGUAGES
from warehouse import reference
from warehouse.reference import ReferenceDataError, fold

#: Terms (language, folded) that may also fire on a term of another section's action.
#: Keep this list short: every entry weakens the section a passage is given.
ALLOWED_CROSS_SECTION_TERMS: frozenset[tuple[str, str]] = frozenset({
    # Action 32 (risk education reported in Article 7 reports) contains Action 49's term.
    ("en", "article 7 report"),
    ("fr", "rapport au titre de l article 7"),
    ("es", "informe del articulo 7"),
    # The bare name of risk education points to Action 29 (provide it to affected people);
    # Action 24's terms (risk education plans of extension requests, section V) contain it.
    ("en", "risk education"),
    ("fr", "education aux risques"),
    ("es", "educacion sobre el riesgo"),
    ("es", "educacion en el riesgo"),
    ("ru", "просвещени о минн опасност"),
})
#: Terms (language, folded) that two sections may both list word for word.
ALLOWED_REPEATED_TERMS: frozenset[tuple[str, str]] = frozenset()
#: Actions whose content is unknown (NOTES.md): only weak hints, at most this weight.
UNKNOWN_CONTENT_ACTIONS = frozenset({7, 8, 9, 13, 16, 17, 45, 47})
WEAK: float = 0.5
#: Terms per action and language, for every action whose content is known.
MIN_TERMS = 12
#: Heading variants per section and language.
MIN_HEADINGS = 6
#: The matcher puts whitespace between a term's words: punctuation there never matches.
BLOCKING_PUNCTUATION = re.compile(r"[,;:()\"!?]")

COMMITTEE_BY_ACTION = [
    (range(1, 18), "president"),
    (range(18, 33), "article5"),
    (range(33, 42), "victim_assistance"),
    (range(42, 48), "cooperation"),
    (range(48, 51), "compliance"),
]

EXPECTED_COLUMNS = {
    "load_oap_sections": {"section_no": "object", "title": "object", "first_action": "Int64",
                          "last_action": "Int64", "committee": "object", "title_status": "object"},
    "load_oap_actions": {"action_no": "int64", "section_no": "object", "section_title": "object",
                         "short_title": "object", "committee": "object", "committee_key": "object",
                         "text": "object", "text_status": "object", "keywords_en": "object",
                         "keywords_fr": "object", "keywords_es": "object"},
    "load_action_keywords": {"action_no": "int64", "language": "object", "term": "object",
                             "weight": "float64"},
    "load_section_headings": {"section_no": "object", "language": "object", "term": "object"},
    "load_states_parties": {
        "iso3": "object", "name": "object", "name_fr": "object", "name_es": "object",
        "article5_obligation": "bool", "article5_deadline": "datetime64[ns]",
        "article5_deadline_extended": "datetime64[ns]", "article5_expired": "bool",
        "article5_confidence": "object", "article4_obligation": "bool", "article4_note": "object",
        "significant_victims": "bool", "significant_victims_verified": "bool",
        "entry_into_force": "datetime64[ns]"},
    "load_state_aliases": {"iso3": "object", "alias": "object", "language": "object",
                           "alias_type": "object", "ambiguous": "bool"},
    "load_meetings": {"meeting_id": "object", "type": "object", "name": "object",
                      "start_date": "datetime64[ns]", "end_date": "datetime64[ns]",
                      "place": "object", "president": "object", "presidency_state": "object",
                      "confidence": "object"},
}


def test_all_tables_loaded_at_once_are_those_each_loader_gives() -> None:
    tables = reference.load_all()
    assert tuple(tables) == reference.TABLES
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, getattr(reference, f"load_{name}")())


@pytest.fixture(scope="module")
def actions() -> pd.DataFrame:
    return reference.load_oap_actions()


@pytest.fixture(scope="module")
def keywords() -> pd.DataFrame:
    return reference.load_action_keywords()


@pytest.fixture(scope="module")
def aliases() -> pd.DataFrame:
    return reference.load_state_aliases()


@pytest.mark.parametrize("loader, columns", EXPECTED_COLUMNS.items())
def test_columns_and_dtypes(loader: str, columns: dict[str, str]) -> None:
    frame = getattr(reference, loader)()
    assert {c: str(t) for c, t in frame.dtypes.items()} == columns
    assert len(frame) > 0


def test_seeds_come_from_the_installed_package() -> None:
    folder = Path(str(reference.default_seeds_dir()))
    assert folder.parent == Path(reference.__file__).parent
    assert (folder / "oap_actions.csv").is_file()


def test_fifty_actions_with_their_committee(actions: pd.DataFrame) -> None:
    assert actions.action_no.tolist() == list(range(1, 51))
    for numbers, key in COMMITTEE_BY_ACTION:
        assert set(actions.loc[actions.action_no.isin(numbers), "committee_key"]) == {key}
    assert set(actions.text_status) <= {"verified", "not_verified"}
    assert actions.loc[actions.text_status == "verified", "text"].notna().all()


def test_section_spans_match_the_action_table(actions: pd.DataFrame) -> None:
    sections = reference.load_oap_sections().dropna(subset=["first_action"])
    covered: list[int] = []
    for section in sections.itertuples():
        span = list(range(section.first_action, section.last_action + 1))
        in_table = actions.loc[actions.section_no == section.section_no, "action_no"].tolist()
        assert in_table == span, section.section_no
        assert set(actions.loc[actions.section_no == section.section_no, "section_title"]) == {
            section.title}
        covered += span
    assert sorted(covered) == list(range(1, 51))


def test_164_states_with_unique_iso3() -> None:
    states = reference.load_states_parties()
    assert len(states) == 164
    assert states.iso3.is_unique
    assert states.iso3.str.fullmatch(r"[A-Z]{3}").all()
    assert states.name_fr.notna().all() and states.name_es.notna().all()
    assert states.article5_obligation.sum() == 33


def test_every_state_has_an_alias_in_each_language(aliases: pd.DataFrame) -> None:
    languages = aliases.groupby("iso3").language.agg(set)
    assert len(languages) == 164
    lacking = {iso3: sorted({"en", "fr", "es"} - found) for iso3, found in languages.items()
               if not {"en", "fr", "es"} <= found}
    assert lacking == {}
    states = reference.load_states_parties()
    named = set(zip(aliases.iso3, aliases.alias, aliases.language))
    assert all((s.iso3, s.name, "en") in named for s in states.itertuples())


def test_every_state_has_arabic_and_russian_names(aliases: pd.DataFrame) -> None:
    states = reference.load_states_parties()
    languages = aliases.groupby("iso3").language.agg(set)
    lacking = {iso3: sorted({"ar", "ru"} - languages[iso3]) for iso3 in states.iso3
               if not {"ar", "ru"} <= languages[iso3]}
    assert lacking == {}
    article5 = set(states.loc[states.article5_obligation, "iso3"])
    official = aliases[aliases.alias_type.isin(["official_name_ar_short", "official_name_ru_short"])]
    assert article5 <= set(official.iso3)
    assert set(aliases.language) <= set(MEETING_LANGUAGES)


def test_fold_keeps_arabic_and_cyrillic_letters() -> None:
    assert fold("Республики Таджикистан") == "республики таджикистан"
    assert fold("Йемен") == "иемен"  # the breve folds away like an accent, in text too
    assert fold("أفغانستان") == fold("افغانستان") == "افغانستان"  # hamza seat folded
    assert fold("Guinea-Bissau") == "guinea bissau"


@pytest.mark.parametrize("letterhead, iso3", [
    ("Постоянное представительство Республики Таджикистан", "TJK"),
    ("Правительство Ирака", "IRQ"),
    ("Министерство обороны Украины", "UKR"),
    ("Постоянное представительство Боснии и Герцеговины", "BIH"),
    ("البعثة الدائمة لجمهورية العراق", "IRQ"),
    ("البعثة الدائمة لأفغانستان", "AFG"),
    ("حكومة جنوب السودان", "SSD"),
    ("Délégation du Sénégal", "SEN"),
])
def test_letterhead_names_are_found(aliases: pd.DataFrame, letterhead: str, iso3: str) -> None:
    found = AliasIndex(aliases).find(text.fold_name(letterhead))
    assert [code for _, code in found] == [iso3]


@pytest.mark.parametrize("iso3, alias, ambiguous", [
    ("SDN", "Судан", True),
    ("SSD", "Южный Судан", False),
    ("SDN", "السودان", True),
    ("SSD", "جنوب السودان", False),
    ("COG", "Конго", True),
    ("COD", "Демократическая Республика Конго", False),
    ("GIN", "Гвинея", True),
    ("TJK", "Республики Таджикистан", False),
    ("QAT", "قطر", True),  # also 'diameter'
    ("GIN", "Guinea", True),
    ("GNB", "Guinea-Bissau", False),
    ("SDN", "Sudan", True),
    ("SSD", "South Sudan", False),
    ("COG", "Congo", True),
    ("COD", "Democratic Republic of the Congo", False),
    ("TUR", "Turkey", True),
    ("NER", "Niger", False),
])
def test_ambiguous_aliases_are_flagged(aliases: pd.DataFrame, iso3: str, alias: str,
                                       ambiguous: bool) -> None:
    rows = aliases[(aliases.iso3 == iso3) & (aliases.alias == alias)]
    assert len(rows) >= 1
    assert rows.ambiguous.eq(ambiguous).all()


def test_every_action_has_terms_in_each_language(actions: pd.DataFrame,
                                                 keywords: pd.DataFrame) -> None:
    counts = keywords.groupby(["action_no", "language"]).size()
    for number in range(1, 51):
        for language in ("en", "fr", "es"):
            assert counts.get((number, language), 0) >= 3, (number, language)
    for language in ("en", "fr", "es"):
        assert (actions[f"keywords_{language}"].str.split("; ").str.len() >= 3).all()
    assert set(keywords.weight) <= {0.5, 1.0, 2.0}


def test_terms_rarely_point_to_two_sections(actions: pd.DataFrame,
                                            keywords: pd.DataFrame) -> None:
    """A term must not fire on another section's term, read the way the matcher reads text."""
    section = dict(zip(actions.action_no, actions.section_no))
    terms = keywords.assign(folded=keywords.term.map(fold), as_text=keywords.term.map(text.fold),
                            section=keywords.action_no.map(section))
    collisions = set()
    for language, group in terms.groupby("language"):
        for term in group.drop_duplicates(["folded", "section"]).itertuples():
            pattern = re.compile(text.stem_pattern(term.term))
            others = group.loc[group.section != term.section, "as_text"]
            if any(pattern.search(other) for other in others):
                collisions.add((language, term.folded))
    assert collisions - ALLOWED_CROSS_SECTION_TERMS == set(), sorted(collisions)
    assert len(ALLOWED_CROSS_SECTION_TERMS) <= 10


def test_no_term_is_listed_by_two_sections(actions: pd.DataFrame,
                                           keywords: pd.DataFrame) -> None:
    section = dict(zip(actions.action_no, actions.section_no))
    terms = keywords.assign(folded=keywords.term.map(fold), section=keywords.action_no.map(section))
    sections = terms.groupby(["language", "folded"]).section.nunique()
    repeated = set(sections[sections > 1].index)
    assert repeated - ALLOWED_REPEATED_TERMS == set(), sorted(repeated)


def test_known_actions_have_a_rich_vocabulary(keywords: pd.DataFrame) -> None:
    counts = keywords.groupby(["action_no", "language"]).size()
    thin = {(number, language): int(counts.get((number, language), 0))
            for number in set(range(1, 51)) - UNKNOWN_CONTENT_ACTIONS
            for language in ("en", "fr", "es")
            if counts.get((number, language), 0) < MIN_TERMS}
    assert thin == {}


def test_actions_of_unknown_content_get_only_weak_hints(keywords: pd.DataFrame) -> None:
    unknown = keywords[keywords.action_no.isin(UNKNOWN_CONTENT_ACTIONS)]
    assert set(unknown.action_no) == UNKNOWN_CONTENT_ACTIONS
    assert (unknown.weight <= WEAK).all(), unknown[unknown.weight > WEAK]


def test_terms_are_matchable(keywords: pd.DataFrame) -> None:
    """No punctuation between words; no term repeats, for the matcher, another of its action
    in its language (the same word in two languages, 'imsma', is fine)."""
    blocked = keywords[keywords.term.str.contains(BLOCKING_PUNCTUATION)]
    assert blocked.empty, blocked.term.tolist()
    patterns = keywords.assign(pattern=keywords.term.map(text.stem_pattern))
    repeated = patterns[patterns.duplicated(["action_no", "language", "pattern"], keep=False)]
    assert repeated.empty, repeated.term.tolist()


@pytest.fixture(scope="module")
def matcher(actions: pd.DataFrame, keywords: pd.DataFrame) -> ActionMatcher:
    return ActionMatcher(actions, keywords, reference.load_section_headings())


# Passages written for this test (not taken from any document): each names its theme
# without the action number, as written updates do.
@pytest.mark.parametrize("action, passage", [
    (36, "The Ministry of Health maintains a register of mine victims with data on 2,345 survivors."),
    (36, "La base de données des victimes a été mise à jour après le recensement des survivants."),
    (36, "La Unidad para las Víctimas actualizó el registro único de víctimas."),
    (38, "The rehabilitation centre produced 300 prostheses and distributed wheelchairs."),
    (39, "Les survivants ont bénéficié d'un appui psychosocial et d'un soutien par les pairs."),
    (40, "Se apoyaron proyectos productivos y la inclusión laboral de sobrevivientes."),
    (21, "In 2021 demining teams cleared 2,345,678 square metres and destroyed 1,203 mines."),
    (21, "En 2021, 45 000 mètres carrés ont été dépollués grâce au déminage manuel."),
    (18, "Al 31 de diciembre quedan 34 áreas peligrosas confirmadas por despejar."),
    (23, "El Estado presentará una solicitud de prórroga del plazo del artículo 5."),
    (25, "Contamination by mines of an improvised nature remains the main challenge."),
    (12, "Greece continued to destroy its stockpile of anti-personnel mines."),
    (29, "Explosive ordnance risk education sessions were held in 120 villages."),
    (42, "El Gobierno asignó recursos del Presupuesto General de la Nación al desminado."),
    (49, "Le rapport annuel de transparence a été soumis le 30 avril."),
    (10, "We call on all States not party to accede to the Convention without delay."),
])
def test_a_theme_without_its_number_is_recognised(matcher: ActionMatcher, action: int,
                                                  passage: str) -> None:
    found = matcher.mentions([Passage(1, 1, PassageKind.PARAGRAPH, passage)])
    assert action in {m.action_no for m in found}


@pytest.mark.parametrize("passage", [
    "The delegation thanks the President and reiterates its commitment to the Convention.",
    "La délégation remercie le Président et réaffirme son engagement envers la Convention.",
    "La delegación agradece a la Presidencia y reitera su compromiso con la Convención.",
    "The national authority held meetings with partners during the reporting period.",
])
def test_courtesies_map_to_no_action(matcher: ActionMatcher, passage: str) -> None:
    assert matcher.mentions([Passage(1, 1, PassageKind.PARAGRAPH, passage)]) == []


def test_section_headings_cover_sections_two_to_nine() -> None:
    headings = reference.load_section_headings()
    covered = headings.groupby("section_no").language.agg(set)
    assert set(covered.index) == {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
    assert all(found == set(MEETING_LANGUAGES) for found in covered)
    counts = headings.groupby(["section_no", "language"]).size()
    assert (counts >= MIN_HEADINGS).all(), counts[counts < MIN_HEADINGS]


@pytest.mark.parametrize("heading, sections", [
    ("Explosive Ordnance Risk Education", {"VI"}),
    ("Sensibilisation aux risques", {"VI"}),
    ("Educación sobre el riesgo de minas", {"VI"}),
    ("Article 5 implementation", {"V", "VI"}),  # the Committee's mandate covers both
    ("Aplicación del artículo 5", {"V", "VI"}),
    ("Transparency and exchange of information", {"IX"}),
    ("Cooperation and assistance", {"VIII"}),
    ("Assistance aux victimes > Réadaptation", {"VII"}),
    ("Gender and diversity", {"II"}),
    ("Universalization", {"III"}),
    ("Stockpile destruction", {"IV"}),
    ("Cumplimiento del artículo 5", {"V", "VI"}),  # not IX: 'cumplimiento' alone is no heading
])
def test_headings_point_to_their_section(matcher: ActionMatcher, heading: str,
                                         sections: set[str]) -> None:
    assert matcher.heading_sections(heading) == sections


@pytest.mark.parametrize("iso3, column, expected", [
    ("BIH", "article5_deadline", pd.Timestamp("2027-03-01")),  # month-only value
    ("ERI", "article5_deadline", pd.Timestamp("2020-12-31")),  # '(expired)' marker
    ("ERI", "article5_expired", True),
    ("AFG", "article5_expired", False),
    ("SDN", "article5_deadline_extended", pd.Timestamp("2027-04-01")),
    ("TUV", "article4_obligation", False),  # 'UNKNOWN'
    ("GRC", "article4_obligation", True),
    ("AFG", "significant_victims", True),  # 'TRUE?'
    ("AFG", "significant_victims_verified", False),
    ("AND", "entry_into_force", pd.Timestamp("1999-03-01")),
])
def test_states_parties_values(iso3: str, column: str, expected: object) -> None:
    states = reference.load_states_parties().set_index("iso3")
    assert states.at[iso3, column] == expected
    assert "UNKNOWN" in states.at["TUV", "article4_note"]


def test_month_only_meeting_spans_the_month() -> None:
    meetings = reference.load_meetings().set_index("meeting_id")
    assert meetings.at["PC7", "start_date"] == pd.Timestamp("2022-02-01")
    assert meetings.at["PC7", "end_date"] == pd.Timestamp("2022-02-28")
    assert (meetings.start_date <= meetings.end_date).all()


# --- malformed seeds --------------------------------------------------------------------------

Edit = Callable[[pd.DataFrame], pd.DataFrame]


def _set(row: int, column: str, value: str) -> Edit:
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = value
        return frame
    return edit


def _duplicate(row: int) -> Edit:
    return lambda frame: pd.concat([frame, frame.iloc[[row]]], ignore_index=True)


@pytest.mark.parametrize("file, edit, loader, row, column", [
    ("action_keywords.csv", lambda f: f.drop(columns="term"), "load_action_keywords", None, "term"),
    ("meetings.csv", _set(2, "start_date", "mid-November"), "load_meetings", 3, "start_date"),
    ("meetings.csv", _set(0, "end_date", "2019-02-30"), "load_meetings", 1, "end_date"),
    ("states_parties.csv", _set(4, "entry_into_force", "2003"), "load_states_parties", 5,
     "entry_into_force"),
    ("states_parties.csv", _set(0, "article5_deadline_pre_20msp", "soon"), "load_states_parties",
     1, "article5_deadline_pre_20msp"),
    ("oap_actions.csv", _set(9, "action_no", "51"), "load_oap_actions", 10, "action_no"),
    ("action_keywords.csv", _set(0, "action_no", "0"), "load_action_keywords", 1, "action_no"),
    ("oap_actions.csv", _set(0, "committee_key", "presidency"), "load_oap_actions", 1,
     "committee_key"),
    ("oap_actions.csv", _set(20, "section_no", "II"), "load_oap_actions", 21, "section_no"),
    ("state_aliases.csv", _set(3, "iso3", "XKX"), "load_state_aliases", 4, "iso3"),
    ("states_parties.csv", _duplicate(7), "load_states_parties", 165, "iso3"),
    ("meetings.csv", _duplicate(1), "load_meetings", 13, "meeting_id"),
    ("action_keywords.csv", _duplicate(5), "load_action_keywords", None, "action_no+language+term"),
    ("action_keywords.csv", _set(0, "weight", "heavy"), "load_action_keywords", 1, "weight"),
    ("section_headings.csv", _set(0, "term", "Best Practices"), "load_section_headings", 1,
     "term"),
])
def test_malformed_seed_raises(tmp_path: Path, file: str, edit: Edit, loader: str,
                               row: int | None, column: str) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(Path(str(reference.default_seeds_dir())), seeds)
    frame = pd.read_csv(seeds / file, dtype=str, keep_default_na=False)
    edit(frame).to_csv(seeds / file, index=False)
    with pytest.raises(ReferenceDataError, match=re.escape(file)) as caught:
        getattr(reference, loader)(seeds_dir=seeds)
    assert caught.value.file == file
    assert caught.value.column == column
    if row is not None:
        assert caught.value.row == row


def test_missing_seed_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="meetings.csv"):
        reference.load_meetings(seeds_dir=tmp_path)
