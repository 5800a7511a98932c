"""Contracts of the reference tables loaded from warehouse/seeds on every run."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import COMMITTEE_KEYS, MEETING_LANGUAGES, SECTIONS


class OapSections(pa.DataFrameModel):
    """Sections of the Oslo Action Plan and the span of actions in each."""

    section_no: Series[str] = pa.Field(unique=True, isin=SECTIONS, description="Roman numeral of the section.")
    title: Series[str] = pa.Field(description="Working title of the section (see title_status).")
    first_action: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=50, description="First action of the section.")
    last_action: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, le=50, description="Last action of the section.")
    committee: Series[str] = pa.Field(nullable=True, description="Body that follows the section.")
    title_status: Series[str] = pa.Field(nullable=True, description="Whether the title wording is verified.")

    class Config:
        strict = "filter"
        coerce = True


class OapActions(pa.DataFrameModel):
    """The 50 actions of the Oslo Action Plan; official texts are pasted in by the ISU."""

    action_no: Series[int] = pa.Field(unique=True, ge=1, le=50, description="Action number.")
    section_no: Series[str] = pa.Field(isin=SECTIONS, description="Section of the action.")
    section_title: Series[str] = pa.Field(description="Title of the section.")
    short_title: Series[str] = pa.Field(description="Short working title (not official text).")
    committee: Series[str] = pa.Field(description="Body that follows the action.")
    committee_key: Series[str] = pa.Field(isin=COMMITTEE_KEYS, description="Short key of that body.")
    text: Series[str] = pa.Field(nullable=True, description="Official text of the action, once verified.")
    text_status: Series[str] = pa.Field(isin=["verified", "not_verified"], description="Whether text is the verified official wording.")
    keywords_en: Series[str] = pa.Field(description="English terms used to infer the action ('; ' separated).")
    keywords_fr: Series[str] = pa.Field(description="French terms used to infer the action.")
    keywords_es: Series[str] = pa.Field(description="Spanish terms used to infer the action.")

    class Config:
        strict = "filter"
        coerce = True


class ActionKeywords(pa.DataFrameModel):
    """Terms per action and language that point to an action without its number."""

    action_no: Series[int] = pa.Field(ge=1, le=50, description="Action number.")
    language: Series[str] = pa.Field(isin=MEETING_LANGUAGES, description="Language of the term.")
    term: Series[str] = pa.Field(str_length={"min_value": 2}, description="Term, lower case.")
    weight: Series[float] = pa.Field(gt=0, le=5, description="Weight of the term as evidence.")

    class Config:
        strict = True
        coerce = True
        unique = ["action_no", "language", "term"]  # noqa: RUF012 - pandera's Config takes a list


class SectionHeadings(pa.DataFrameModel):
    """Thematic heading phrases that narrow a passage to an OAP section."""

    section_no: Series[str] = pa.Field(isin=SECTIONS, description="Section the heading points to.")
    language: Series[str] = pa.Field(isin=MEETING_LANGUAGES, description="Language of the phrase.")
    term: Series[str] = pa.Field(str_length={"min_value": 2}, description="Heading phrase, lower case.")

    class Config:
        strict = True
        coerce = True
        unique = ["section_no", "language", "term"]  # noqa: RUF012 - pandera's Config takes a list


class StatesParties(pa.DataFrameModel):
    """The 164 States Parties and their time-bound obligations."""

    iso3: Series[str] = pa.Field(unique=True, str_matches=r"^[A-Z]{3}$", description="ISO 3166 alpha-3 code.")
    name: Series[str] = pa.Field(description="English short name.")
    name_fr: Series[str] = pa.Field(nullable=True, description="French short name.")
    name_es: Series[str] = pa.Field(nullable=True, description="Spanish short name.")
    article5_obligation: Series[bool] = pa.Field(description="Has mined areas to clear under Article 5.")
    article5_deadline: Series[pd.Timestamp] = pa.Field(nullable=True, description="Article 5 deadline in force before the 20MSP.")
    article5_deadline_extended: Series[pd.Timestamp] = pa.Field(nullable=True, description="Article 5 deadline after extensions granted at or after the 20MSP.")
    article5_expired: Series[bool] = pa.Field(description="The Article 5 deadline passed without completion or extension.")
    article5_confidence: Series[str] = pa.Field(nullable=True, description="How sure the deadline is (see the seed's sources).")
    article4_obligation: Series[bool] = pa.Field(description="Still has stockpiles to destroy under Article 4.")
    significant_victims: Series[bool] = pa.Field(description="Has significant numbers of mine victims (victim assistance applies).")
    significant_victims_verified: Series[bool] = pa.Field(description="Whether significant_victims is checked against a published list.")
    entry_into_force: Series[pd.Timestamp] = pa.Field(nullable=True, description="Entry into force of the Convention for the State.")

    class Config:
        strict = "filter"
        coerce = True


class StateAliases(pa.DataFrameModel):
    """Names by which documents refer to States Parties, in English, French, Spanish, Arabic and Russian."""

    iso3: Series[str] = pa.Field(str_matches=r"^[A-Z]{3}$", description="State the alias names.")
    alias: Series[str] = pa.Field(str_length={"min_value": 2}, description="The name or variant.")
    language: Series[str] = pa.Field(description="Language of the alias.")
    alias_type: Series[str] = pa.Field(nullable=True, description="Kind of alias (official short name, variant, former name).")
    ambiguous: Series[bool] = pa.Field(description="The alias is also part of another State's name.")

    class Config:
        strict = "filter"
        coerce = True
        unique = ["iso3", "alias", "language"]  # noqa: RUF012 - pandera's Config takes a list


class Meetings(pa.DataFrameModel):
    """Meetings of the Convention from the Fourth Review Conference to the Fifth."""

    meeting_id: Series[str] = pa.Field(unique=True, description="Short id (IM2022, 20MSP, ...).")
    type: Series[str] = pa.Field(description="review_conference, intersessional, msp or pledging.")
    name: Series[str] = pa.Field(description="Name of the meeting.")
    start_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="First day.")
    end_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="Last day.")
    place: Series[str] = pa.Field(nullable=True, description="Where it was held.")
    president: Series[str] = pa.Field(nullable=True, description="Who presided.")
    presidency_state: Series[str] = pa.Field(nullable=True, description="State holding the presidency.")
    confidence: Series[str] = pa.Field(nullable=True, description="How sure these facts are.")

    class Config:
        strict = "filter"
        coerce = True
