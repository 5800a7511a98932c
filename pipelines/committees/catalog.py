"""Which OAP actions, sections and committee views each Committee follows: one table,
``COMMITTEES``, read by `oap query --committee`, `oap pack` and the tests.

The action spans agree with ``oap_actions.committee_key`` in the seeds; the Committee on
Cooperative Compliance also reads the Article 3 and 4 figures (stockpiles destroyed, mines
retained) of section IV, which the President follows as actions 12-17.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from warehouse.queries import Condition, Session


@dataclass(frozen=True)
class Sheet:
    """One sheet of a pack: a committee view, narrowed to the Committee unless ``by_committee``
    is false. ``where`` and ``order_by`` are fixed SQL written here, never user input."""

    title: str
    view: str
    answers: str
    columns: tuple[str, ...] = ()
    where: str = ""
    order_by: str = "ALL"
    by_committee: bool = True


@dataclass(frozen=True)
class Committee:
    key: str
    name: str
    actions: tuple[int, ...]
    sections: tuple[str, ...]
    figure_sections: tuple[str, ...]
    sheets: tuple[Sheet, ...]
    headline_extra: tuple[str, ...] = ()

    @property
    def span(self) -> str:
        return f"{self.actions[0]}-{self.actions[-1]}"


EVIDENCE_COLUMNS: Final = (
    "action_no", "short_title", "state_iso3", "state_name", "status", "method", "confidence",
    "evidence", "file_name", "page", "meeting_id", "language", "ocr", "reviewed_by",
)
FIGURE_COLUMNS: Final = (
    "state_iso3", "state_name", "indicator", "year", "disaggregation", "value", "unit",
    "meeting_id", "evidence", "file_name", "page", "reports", "reviewed_by",
)

ACTIONS = Sheet("Actions", "v_action_summary",
                "How many States reported on each action, by status, and how many it applies to "
                "stayed silent.", order_by="action_no")
FIGURES = Sheet("Figures", "v_figures",
                "Every figure that counts on the Committee's indicators, with the words, file "
                "and page it was read from (repeats removed, latest meeting kept).",
                columns=FIGURE_COLUMNS, where="is_latest",
                order_by="indicator, state_name, year, disaggregation NULLS FIRST")
COVERAGE = Sheet("Coverage", "v_coverage_matrix",
                 "For each State that submitted an update and each action: reported, silent "
                 "(the action applies but the State said nothing) or not applicable.",
                 order_by="action_no, state_name")
EVIDENCE = Sheet("Evidence", "v_evidence",
                 "What each update says about each action: the quoted words with State, file "
                 "and page, best quotes first.", columns=EVIDENCE_COLUMNS,
                 order_by="action_no, quote_rank")
COMMON = (FIGURES, COVERAGE, EVIDENCE)

COMMITTEES: Final[dict[str, Committee]] = {c.key: c for c in (
    Committee("article5", "Committee on Article 5 Implementation", tuple(range(18, 33)),
              ("V", "VI"), ("V", "VI"), (
        ACTIONS,
        Sheet("Land release", "v_article5_land_release",
              "Per State and year: land cancelled, reduced and cleared, what remains, and the "
              "deadline.", order_by="state_name, year"),
        Sheet("Deadlines", "v_article5_deadlines",
              "Article 5 deadlines in force and extended, and what the updates say of "
              "completion, quoted with file and page.", order_by="deadline_in_force, state_name"),
        Sheet("Risk education", "v_risk_education",
              "People reached by mine risk education per State and year, by sex and age.",
              order_by="state_name, year"),
        *COMMON), headline_extra=("land_released_m2",)),
    Committee("victim_assistance", "Committee on Victim Assistance", tuple(range(33, 42)),
              ("VII",), ("VII",), (
        ACTIONS,
        Sheet("Victim assistance", "v_victim_assistance",
              "Casualties and survivors assisted per State and year, by sex and age.",
              order_by="state_name, indicator, year"),
        Sheet("Disaggregation", "v_disaggregation",
              "Which States broke their victim assistance figures down by sex or age, and "
              "which wrote about gender."),
        *COMMON)),
    Committee("cooperation", "Committee on the Enhancement of Cooperation and Assistance",
              tuple(range(42, 48)), ("VIII",), ("VIII",), (
        ACTIONS,
        Sheet("Funding", "v_cooperation_funding",
              "Funding reported per State, currency and year (never converted), and on how "
              "many actions each State asked for assistance.",
              order_by="state_name, currency, year"),
        Sheet("Requests", "v_evidence",
              "Every request for assistance, on any action, quoted with State, file and page.",
              columns=EVIDENCE_COLUMNS, where="status = 'request for assistance'",
              order_by="state_name, action_no", by_committee=False),
        *COMMON)),
    Committee("compliance", "Committee on Cooperative Compliance", (48, 49, 50), ("IX",),
              ("IV",), (
        ACTIONS,
        Sheet("Compliance", "v_compliance",
              "Per State: stockpiled mines destroyed (Article 4), mines retained (Article 3), "
              "actions 48-50 reported, Article 7 and 9 mentions.", order_by="state_name"),
        *COMMON)),
    Committee("president", "President (best practices, universalisation, stockpiles)",
              tuple(range(1, 18)), ("II", "III", "IV"), ("IV",), (
        ACTIONS,
        Sheet("Universalisation", "v_universalization",
              "What States reported on universalisation (actions 10-11), with the best quote.",
              order_by="action_no, state_name"),
        Sheet("Stockpiles", "v_compliance",
              "Per State: stockpiled mines destroyed and mines retained (actions 12-17).",
              order_by="state_name", by_committee=False),
        Sheet("Sections", "v_section_summary",
              "Per OAP section: actions and States reported, coverage of applicable pairs.",
              order_by="first_action", by_committee=False),
        Sheet("Headline figures", "v_headline_figures",
              "Headline counts and totals of the whole mid-point.", order_by="sort_order",
              by_committee=False),
        Sheet("States", "v_state_summary",
              "Per State that submitted: documents, languages, actions and silent actions.",
              where="submitted", order_by="state_name", by_committee=False),
        *COMMON)),
)}


def committee(key: str) -> Committee:
    try:
        return COMMITTEES[key]
    except KeyError:
        raise KeyError(f"no committee {key!r}; one of {', '.join(COMMITTEES)}") from None


def indicators(session: Session, item: Committee) -> tuple[str, ...]:
    """The indicators the Committee reads: those of its figure sections, and its extras."""
    rows = session.frame(
        "SELECT indicator FROM v_indicators WHERE section_no IN (SELECT unnest(?)) "
        "ORDER BY sort_order", [list(item.figure_sections)])
    return (*rows.indicator, *item.headline_extra)


def condition(session: Session, item: Committee) -> Condition:
    """Rows of a view that concern the Committee: by committee key, action, section or
    indicator, whichever column the view has first."""
    return Condition(f"--committee {item.key}", (
        ("committee_key", (item.key,)),
        ("action_no", item.actions),
        ("section_no", item.sections),
        ("indicator", indicators(session, item)),
    ))
