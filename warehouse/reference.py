"""Reference data (OAP sections and actions, their terms, States Parties, aliases, meetings).

The CSVs in ``warehouse/seeds`` are the editable source of truth: the ISU pastes official
action texts into ``oap_actions.csv``. Each loader reads its seed(s), checks them and returns
a DataFrame with fixed columns and dtypes; a malformed seed raises ``ReferenceDataError``
naming the file, row and column. Conventions of every table returned here:

* text columns hold ``str`` (object dtype); a blank cell becomes ``None``;
* dates are ``datetime64[ns]`` at midnight (normalised to the day), missing dates ``NaT``;
  a month-only value ``YYYY-MM`` means the first day of that month (a meeting's
  ``end_date``: the last day, so the month stays a span that holds the real dates);
* errors count data rows from 1 (the header is line 1 of the file, row 1 is line 2).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final, NoReturn

import pandas as pd

from schemas.vocab import MEETING_LANGUAGES

#: Languages of most written updates: each has a column of terms in oap_actions (the Arabic
#: and Russian terms are in action_keywords only).
LANGUAGES: Final = ("en", "fr", "es")
SECTION_NOS: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
COMMITTEE_KEYS: Final = ("president", "article5", "victim_assistance", "cooperation", "compliance")
TEXT_STATUSES: Final = ("verified", "not_verified")
TITLE_STATUSES: Final = ("verified", "partial", "unverified")
ALIAS_TYPES: Final = (*(f"official_name_{language}_short" for language in MEETING_LANGUAGES),
                      "variant", "former_name")
N_ACTIONS: Final = 50
#: The reference tables, in the order ``load_all`` returns them.
TABLES: Final = ("oap_sections", "oap_actions", "action_keywords", "section_headings",
                 "states_parties", "state_aliases", "meetings")
_DATE: Final = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
#: A deadline cell: a date, '?' when uncertain, '(expired)' when it passed without completion.
_DEADLINE: Final = re.compile(r"^(?P<date>[\d-]+)(?P<unsure>\?)?\s*(?P<expired>\(expired\))?$")


class ReferenceDataError(ValueError):
    """A seed CSV is malformed; says which file, row and column."""

    def __init__(self, file: str, reason: str, row: int | None = None,
                 column: str | None = None) -> None:
        self.file, self.reason, self.row, self.column = file, reason, row, column
        where = file + (f", row {row} (line {row + 1})" if row else "")
        where += f", column {column!r}" if column else ""
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class _Seed:
    """One seed read as text: every cell a stripped ``str``, blanks ``''``."""

    name: str
    frame: pd.DataFrame

    def fail(self, reason: str, index: int | None = None, column: str | None = None) -> NoReturn:
        raise ReferenceDataError(self.name, reason, None if index is None else index + 1, column)

    def cells(self, column: str) -> Iterable[tuple[int, str]]:
        return enumerate(self.frame[column])

    def text(self, column: str, *, required: bool = False) -> pd.Series:
        for i, value in self.cells(column):
            if required and not value:
                self.fail("blank value", i, column)
        return self.frame[column].map(lambda v: v or None).astype(object)

    def choice(self, column: str, allowed: Iterable[str]) -> pd.Series:
        allowed = tuple(allowed)
        known = ", ".join(allowed) if len(allowed) <= 10 else f"the {len(allowed)} known values"
        for i, value in self.cells(column):
            if value not in allowed:
                self.fail(f"{value!r} is not one of {known}", i, column)
        return self.frame[column].astype(object)

    def integers(self, column: str, low: int, high: int, *,
                 nullable: bool = False) -> list[int | None]:
        out: list[int | None] = []
        for i, value in self.cells(column):
            if not value and nullable:
                out.append(None)
            elif not re.fullmatch(r"\d+", value) or not low <= int(value) <= high:
                self.fail(f"{value!r} is not a whole number in {low}..{high}", i, column)
            else:
                out.append(int(value))
        return out

    def flags(self, column: str, values: dict[str, bool]) -> list[bool]:
        """Booleans spelled as the keys of ``values`` (compared in upper case)."""
        out = []
        for i, value in self.cells(column):
            if value.upper() not in values:
                self.fail(f"{value!r} is not one of {', '.join(values)}", i, column)
            out.append(values[value.upper()])
        return out

    def date(self, i: int, column: str, value: str, *, month_end: bool = False) -> pd.Timestamp:
        match = _DATE.match(value)
        try:
            if match is None:
                raise ValueError
            year, month, day = match.groups()
            stamp = pd.Timestamp(int(year), int(month), int(day or 1))
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD or YYYY-MM)", i, column)
        return stamp + pd.offsets.MonthEnd(0) if month_end and match.group(3) is None else stamp

    def dates(self, column: str, *, month_end: bool = False) -> pd.Series:
        stamps = [self.date(i, column, v, month_end=month_end) if v else pd.NaT
                  for i, v in self.cells(column)]
        return pd.Series(stamps, dtype="datetime64[ns]")

    def unique(self, *key: str) -> None:
        repeated = self.frame.duplicated(list(key), keep="first")
        if repeated.any():
            i = int(repeated.to_numpy().nonzero()[0][0])
            values = ", ".join(self.frame.iloc[i][list(key)])
            self.fail(f"duplicate key ({values})", i, "+".join(key))


def default_seeds_dir() -> Traversable:
    """The ``seeds`` folder inside the installed ``warehouse`` package."""
    return resources.files("warehouse").joinpath("seeds")


def _read(name: str, columns: Iterable[str], seeds_dir: Path | None) -> _Seed:
    folder = default_seeds_dir() if seeds_dir is None else Path(seeds_dir)
    try:
        with folder.joinpath(name).open("r", encoding="utf-8-sig", newline="") as handle:
            frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise ReferenceDataError(name, f"file not found in {folder}") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise ReferenceDataError(name, f"not a readable UTF-8 CSV ({error})") from None
    for column in columns:
        if column not in frame.columns:
            raise ReferenceDataError(name, "column missing", column=column)
    return _Seed(name, frame.apply(lambda s: s.str.strip()).reset_index(drop=True))


def fold(text: str) -> str:
    """Lower case, no accents or ligatures, words separated by single spaces.

    Letters of any script are kept (Arabic and Cyrillic names too); Arabic short vowels and
    hamza seats fold away with the accents.
    """
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def load_oap_sections(seeds_dir: Path | None = None) -> pd.DataFrame:
    """Sections I..IX with their action spans (I, the introduction, has none)."""
    seed = _read("oap_sections.csv", ("section_no", "title", "title_status", "first_action",
                                      "last_action", "committee"), seeds_dir)
    seed.choice("section_no", SECTION_NOS)
    seed.unique("section_no")
    first = seed.integers("first_action", 1, N_ACTIONS, nullable=True)
    last = seed.integers("last_action", 1, N_ACTIONS, nullable=True)
    for i, (lo, hi) in enumerate(zip(first, last)):
        if (lo is None) != (hi is None) or (lo is not None and lo > hi):
            seed.fail(f"span {lo}..{hi} is not a range", i, "last_action")
    return pd.DataFrame({
        "section_no": seed.text("section_no", required=True),
        "title": seed.text("title", required=True),
        "first_action": pd.array(first, dtype="Int64"),
        "last_action": pd.array(last, dtype="Int64"),
        "committee": seed.text("committee"),
        "title_status": seed.choice("title_status", TITLE_STATUSES),
    })


def load_action_keywords(seeds_dir: Path | None = None) -> pd.DataFrame:
    """Terms per action and language that point to the action without its number."""
    seed = _read("action_keywords.csv", ("action_no", "language", "term", "weight"), seeds_dir)
    numbers = seed.integers("action_no", 1, N_ACTIONS)
    seed.choice("language", MEETING_LANGUAGES)
    _check_terms(seed)
    seed.unique("action_no", "language", "term")
    weights = []
    for i, value in seed.cells("weight"):
        weight = pd.to_numeric(value, errors="coerce")
        if pd.isna(weight) or not 0 < weight <= 5:
            seed.fail(f"{value!r} is not a weight in (0, 5]", i, "weight")
        weights.append(float(weight))
    return pd.DataFrame({"action_no": pd.array(numbers, dtype="int64"),
                         "language": seed.text("language"), "term": seed.text("term"),
                         "weight": pd.array(weights, dtype="float64")})


def load_section_headings(seeds_dir: Path | None = None) -> pd.DataFrame:
    """Thematic heading phrases that point a passage to an OAP section (II..IX)."""
    seed = _read("section_headings.csv", ("section_no", "language", "term"), seeds_dir)
    seed.choice("section_no", SECTION_NOS[1:])
    seed.choice("language", MEETING_LANGUAGES)
    _check_terms(seed)
    seed.unique("section_no", "language", "term")
    return pd.DataFrame({c: seed.text(c) for c in ("section_no", "language", "term")})


def _check_terms(seed: _Seed) -> None:
    for i, term in seed.cells("term"):
        if len(term) < 2 or term != term.lower() or ";" in term:
            seed.fail(f"{term!r} must be a lower-case phrase without ';'", i, "term")


def load_oap_actions(
    seeds_dir: Path | None = None, *, sections: pd.DataFrame | None = None,
    keywords: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The 50 actions with section, committee, official text (once pasted) and their terms.

    ``sections`` and ``keywords``, when given, are those ``load_oap_sections`` and
    ``load_action_keywords`` returned for the same seeds; else they are loaded here.
    """
    if sections is None:
        sections = load_oap_sections(seeds_dir)
    sections = sections.set_index("section_no")
    seed = _read("oap_actions.csv", ("action_no", "section_no", "section_title", "short_title",
                                     "text", "text_status", "committee", "committee_key"),
                 seeds_dir)
    numbers = seed.integers("action_no", 1, N_ACTIONS)
    seed.unique("action_no")
    missing = sorted(set(range(1, N_ACTIONS + 1)) - set(numbers))
    if missing:
        seed.fail(f"actions missing: {missing}", column="action_no")
    seed.choice("section_no", sections.index[sections.first_action.notna()])
    seed.choice("committee_key", COMMITTEE_KEYS)
    seed.choice("text_status", TEXT_STATUSES)
    for i, row in seed.frame.iterrows():
        section = sections.loc[row.section_no]
        if not section.first_action <= numbers[i] <= section.last_action:
            seed.fail(f"action {numbers[i]} is outside section {row.section_no} "
                      f"({section.first_action}..{section.last_action})", i, "section_no")
        if row.section_title and row.section_title != section.title:
            seed.fail(f"differs from oap_sections.csv ({section.title!r})", i, "section_title")
        if row.text_status == "verified" and not row.text:
            seed.fail("text_status is 'verified' but text is blank", i, "text")
    terms = load_action_keywords(seeds_dir) if keywords is None else keywords
    joined = terms.groupby(["action_no", "language"], sort=False)["term"].agg("; ".join)
    frame = pd.DataFrame({
        "action_no": pd.array(numbers, dtype="int64"),
        "section_no": seed.text("section_no"),
        "section_title": seed.frame.section_no.map(sections.title).astype(object),
        "short_title": seed.text("short_title", required=True),
        "committee": seed.text("committee", required=True),
        "committee_key": seed.text("committee_key"),
        "text": seed.text("text"),
        "text_status": seed.text("text_status"),
    })
    for language in LANGUAGES:
        frame[f"keywords_{language}"] = [joined.get((n, language), "") for n in numbers]
    return frame.sort_values("action_no", ignore_index=True)


def _read_states(seeds_dir: Path | None) -> _Seed:
    seed = _read("states_parties.csv", ("iso3", "name", "entry_into_force", "article5_obligation",
                                        "article5_deadline_pre_20msp",
                                        "article5_deadline_post_20msp", "article5_confidence",
                                        "article4_obligation", "article4_source",
                                        "significant_victims"), seeds_dir)
    for i, iso3 in seed.cells("iso3"):
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            seed.fail(f"{iso3!r} is not an ISO 3166 alpha-3 code", i, "iso3")
    seed.text("name", required=True)
    seed.unique("iso3")
    seed.unique("name")
    return seed


def _deadlines(seed: _Seed, column: str) -> tuple[pd.Series, list[bool], list[bool]]:
    """Dates, 'expired' markers and '?' markers of one deadline column."""
    stamps, expired, unsure = [], [], []
    for i, value in seed.cells(column):
        match = _DEADLINE.match(value)
        if value and match is None:
            seed.fail(f"{value!r} is not a deadline (date, 'date?' or 'date (expired)')", i, column)
        stamps.append(seed.date(i, column, match["date"]) if value else pd.NaT)
        expired.append(bool(value and match["expired"]))
        unsure.append(bool(value and match["unsure"]))
    return pd.Series(stamps, dtype="datetime64[ns]"), expired, unsure


def load_states_parties(
    seeds_dir: Path | None = None, *, aliases: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The States Parties with French and Spanish names and their time-bound obligations.

    ``article5_deadline`` is the deadline in force before the 20MSP, ``..._extended`` the one
    after it; ``article5_expired`` is the seed's '(expired)' marker. Article 4 'UNKNOWN' is
    read as False and explained in ``article4_note``. ``significant_victims`` 'TRUE?' is True
    with ``significant_victims_verified`` False; a blank is False, not verified either.
    ``aliases``, when given, is what ``load_state_aliases`` returned for the same seeds.
    """
    seed = _read_states(seeds_dir)
    if aliases is None:
        aliases = load_state_aliases(seeds_dir)
    names = {}
    for language in ("fr", "es"):
        official = aliases[aliases.alias_type == f"official_name_{language}_short"]
        names[language] = official.drop_duplicates("iso3").set_index("iso3").alias
    pre, expired_pre, unsure_pre = _deadlines(seed, "article5_deadline_pre_20msp")
    post, expired_post, unsure_post = _deadlines(seed, "article5_deadline_post_20msp")
    confidence = [
        "; ".join(filter(None, [c, "deadline marked '?' in the seed" if u1 or u2 else ""])) or None
        for c, u1, u2 in zip(seed.frame.article5_confidence, unsure_pre, unsure_post)
    ]
    article4 = seed.flags("article4_obligation", {"TRUE": True, "FALSE": False, "UNKNOWN": False})
    note = [f"UNKNOWN in the seed; {source}".rstrip("; ") if flag.upper() == "UNKNOWN"
            else source or None
            for flag, source in zip(seed.frame.article4_obligation, seed.frame.article4_source)]
    victims = {"TRUE": True, "FALSE": False, "TRUE?": True, "FALSE?": False, "": False}
    return pd.DataFrame({
        "iso3": seed.text("iso3"),
        "name": seed.text("name"),
        "name_fr": seed.frame.iso3.map(names["fr"]).astype(object).where(lambda s: s.notna(), None),
        "name_es": seed.frame.iso3.map(names["es"]).astype(object).where(lambda s: s.notna(), None),
        "article5_obligation": seed.flags("article5_obligation", {"TRUE": True, "FALSE": False}),
        "article5_deadline": pre,
        "article5_deadline_extended": post,
        "article5_expired": [a or b for a, b in zip(expired_pre, expired_post)],
        "article5_confidence": pd.Series(confidence, dtype=object),
        "article4_obligation": article4,
        "article4_note": pd.Series(note, dtype=object),
        "significant_victims": seed.flags("significant_victims", victims),
        "significant_victims_verified": [v.upper() in ("TRUE", "FALSE")
                                         for v in seed.frame.significant_victims],
        "entry_into_force": seed.dates("entry_into_force"),
    })


def load_state_aliases(seeds_dir: Path | None = None) -> pd.DataFrame:
    """Every name a document may use for a State Party, in English, French, Spanish, Arabic
    and Russian (Russian with the case forms a letterhead uses: "Республики Таджикистан").

    Each State's ``name`` is included (language 'en') even if the seed lacks it. ``ambiguous``
    is the seed's flag (an ordinary word, a given name, a region) or'ed with a computed one:
    the alias also names another State, or occurs as whole words inside another State's alias
    ('Guinea' in 'Guinea-Bissau'), so a matcher must prefer the longest alias.
    """
    states = _read_states(seeds_dir)
    seed = _read("state_aliases.csv", ("iso3", "alias", "language", "alias_type", "ambiguous"),
                 seeds_dir)
    seed.choice("iso3", states.frame.iso3)
    seed.text("alias", required=True)
    seed.choice("language", MEETING_LANGUAGES)
    seed.choice("alias_type", ALIAS_TYPES)
    seed.unique("iso3", "alias", "language")
    flagged = seed.flags("ambiguous", {"TRUE": True, "FALSE": False, "": False})
    frame = seed.frame[["iso3", "alias", "language", "alias_type"]].assign(ambiguous=flagged)
    named = set(zip(frame.iso3, frame.alias, frame.language))
    extra = [(iso3, name, "en", "official_name_en_short", False)
             for iso3, name in zip(states.frame.iso3, states.frame.name)
             if (iso3, name, "en") not in named]
    frame = pd.concat([frame, pd.DataFrame(extra, columns=frame.columns)], ignore_index=True)
    frame["ambiguous"] = frame.ambiguous.astype(bool) | pd.Series(_clashes(frame.iso3, frame.alias))
    return frame.astype({c: object for c in ("iso3", "alias", "language", "alias_type")})


def _clashes(iso3s: pd.Series, aliases: pd.Series) -> list[bool]:
    """Whether each alias equals, or is a run of whole words inside, another State's alias."""
    owners: dict[str, set[str]] = {}
    for iso3, alias in zip(iso3s, aliases):
        words = fold(alias).split()
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                owners.setdefault(" ".join(words[start:end]), set()).add(iso3)
    return [bool(owners.get(fold(alias), set()) - {iso3}) for iso3, alias in zip(iso3s, aliases)]


def load_meetings(seeds_dir: Path | None = None) -> pd.DataFrame:
    """Meetings from the Fourth Review Conference (2019) to the Fifth (2024)."""
    columns = ("meeting_id", "type", "name", "start_date", "end_date", "place", "president",
               "presidency_state", "confidence")
    seed = _read("meetings.csv", columns, seeds_dir)
    seed.text("meeting_id", required=True)
    seed.unique("meeting_id")
    start, end = seed.dates("start_date"), seed.dates("end_date", month_end=True)
    for i, (first, last) in enumerate(zip(start, end)):
        if pd.notna(first) and pd.notna(last) and first > last:
            seed.fail(f"ends ({last.date()}) before it starts ({first.date()})", i, "end_date")
    frame = pd.DataFrame({c: seed.text(c, required=c in ("type", "name")) for c in columns})
    return frame.assign(start_date=start, end_date=end)


def load_all(seeds_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every reference table, by name, each built once: the actions take their terms from the
    keywords loaded here, and the States their French and Spanish names from the aliases."""
    sections = load_oap_sections(seeds_dir)
    keywords = load_action_keywords(seeds_dir)
    aliases = load_state_aliases(seeds_dir)
    return {
        "oap_sections": sections,
        "oap_actions": load_oap_actions(seeds_dir, sections=sections, keywords=keywords),
        "action_keywords": keywords,
        "section_headings": load_section_headings(seeds_dir),
        "states_parties": load_states_parties(seeds_dir, aliases=aliases),
        "state_aliases": aliases,
        "meetings": load_meetings(seeds_dir),
    }
