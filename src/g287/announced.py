"""The policy DHS/ICE announced on 2025-09-18, as data: its source, rules and interpretations.

Every number here is quoted from the primary source (``data/dhs-287g-release-2025-09-18.txt``)
and cited by paragraph: ¶6 for the effective date, ¶7 for salary, benefits and the overtime
cap, ¶8 for the quarterly awards and their tiers. Where the source is silent, the reading g287
applies is an :class:`~g287.Interpretation` with an id, listed in :data:`INTERPRETATIONS`.

>>> POLICY.effective_from, [str(t.amount) for t in POLICY.tiers], POLICY.overtime_share
(datetime.date(2025, 10, 1), ['1000.00', '750.00', '500.00'], Fraction(1, 4))
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Final

from ._validators import instance, to_date
from .calendar import DateRange, FiscalQuarter, FiscalYear
from .errors import NotInEffectError
from .policy import (
    AwardTier,
    Citation,
    Interpretation,
    Interpretations,
    Option,
    Policy,
    Rule,
    Source,
)

__all__ = ["INTERPRETATIONS", "POLICY", "REGISTRY", "SOURCE", "policy_in_force"]

#: The primary source: the DHS/ICE press release of 2025-09-18.
#:
#: :meta hide-value:
SOURCE: Final = Source(
    id="DHS-2025-09-18",
    title="Under President Trump and Secretary Noem, 287(g) partnerships increased by 641%",
    publisher="U.S. Department of Homeland Security / U.S. Immigration and Customs Enforcement",
    date=dt.date(2025, 9, 18),
    url="https://www.ice.gov/287g",
)

# The quotes, verbatim. The salary and overtime sentence is ¶7; the award sentence and its tiers
# stand in full only in ¶8 (which also repeats the end of ¶7, an artefact of how the page was
# captured), so the award rules cite ¶8: a locator must point at its quote.
_P6: Final = (
    "Starting October 1, 2025, participating law enforcement will have these reimbursement "
    "opportunities:"
)
_SALARY: Final = (
    "ICE will fully reimburse participating agencies for the annual salary and benefits of each "
    "eligible trained 287(g) officer"
)
_OVERTIME: Final = "including overtime coverage up to 25% of the officer\u2019s annual salary"
_AWARD: Final = (
    "Law enforcement agencies will be eligible for quarterly monetary performance awards based on "
    "the successful location of illegal aliens provided by ICE and overall assistance to further "
    "ICE\u2019s mission to defend the homeland"
)


def _rule(rule_id: str, title: str, statement: str, quote: str, paragraph: int) -> Rule:
    return Rule(rule_id, title, statement, Citation(SOURCE, f"\u00b6{paragraph}", quote))


_RULES: Final = (
    _rule(
        "R-EFF",
        "Effective date",
        "The policy applies from 2025-10-01, the start of federal FY2026; "
        "nothing dated before then is payable under it.",
        _P6,
        6,
    ),
    _rule(
        "R-SAL",
        "Salary and benefits",
        "ICE reimburses in full the annual salary and benefits of "
        "each eligible trained 287(g) officer.",
        _SALARY,
        7,
    ),
    _rule(
        "R-OT",
        "Overtime cap",
        "Overtime is reimbursed up to 25% of the officer's annual salary.",
        _OVERTIME,
        7,
    ),
    _rule(
        "R-AWD",
        "Quarterly performance award",
        "Agencies may earn quarterly performance awards "
        "based on the successful location of the people ICE provides and overall assistance.",
        _AWARD,
        8,
    ),
    _rule(
        "R-AWD-1",
        "Award tier 90%-100%",
        "A location rate of 90%-100% earns $1,000 per eligible task force officer.",
        "90% - 100% - $1,000 per eligible task force officer",
        8,
    ),
    _rule(
        "R-AWD-2",
        "Award tier 80%-89%",
        "A location rate of 80%-89% earns $750 per eligible task force officer.",
        "80% - 89% - $750 per eligible task force officer",
        8,
    ),
    _rule(
        "R-AWD-3",
        "Award tier 70%-79%",
        "A location rate of 70%-79% earns $500 per eligible task force officer.",
        "70% - 79% - $500 per eligible task force officer",
        8,
    ),
)

#: Where the source is silent: each reading g287 applies, with its id and alternatives (DESIGN §2).
#:
#: :meta hide-value:
INTERPRETATIONS: Final = Interpretations(
    (
        Interpretation(
            "I-RATE",
            "What is the location rate?",
            "Leads located divided by leads provided in the quarter, as an exact fraction. "
            "Located above provided, negative or non-integer counts are invalid input.",
            "R-AWD",
        ),
        Interpretation(
            "I-BAND",
            "The bands are whole percents (…89%, 90%…). Where does 89.6% fall?",
            "Truncate to the whole percent: 89.6% is 89% and earns the 80%-89% tier. "
            "This is the same as requiring the rate to reach 90% exactly.",
            "R-AWD",
            "band_rounding",
            (
                Option("truncate", "drop the fraction of a percent (89.6% is 89%)"),
                Option("half-up", "round to the nearest percent, halves up"),
                Option("half-even", "round halves to the even percent"),
            ),
        ),
        Interpretation(
            "I-BELOW",
            "What does a rate under 70%, or a quarter with no leads provided, earn?",
            "No award, with the reason stated.",
            "R-AWD",
            "no_leads",
            (
                Option("no-award", "a quarter with no leads earns no award, reason stated"),
                Option("error", "a quarter with no leads is refused as invalid input"),
            ),
        ),
        Interpretation(
            "I-ASSIST",
            'How does "overall assistance" enter the award?',
            "It is ICE's judgement, given as an input (satisfactory by default); "
            "unsatisfactory assistance earns no award, with the reason stated.",
            "R-AWD",
        ),
        Interpretation(
            "I-HEAD",
            'Which officers count toward "per eligible task force officer"?',
            "Task Force Model officers eligible on the quarter's last day and paid for "
            "eligible days in the quarter: an officer the claim holds no eligible pay for in "
            "the quarter has no basis for an award.",
            "R-AWD",
            "headcount",
            (
                Option(
                    "last-day",
                    "Task Force Model officers eligible on the quarter's last day, paid for "
                    "eligible days in it",
                ),
                Option(
                    "any-day",
                    "Task Force Model officers eligible on any day of the quarter, paid for "
                    "eligible days in it",
                ),
            ),
        ),
        Interpretation(
            "I-MODEL",
            "Whose salary, benefits and overtime are reimbursable?",
            "Task Force Model officers only. ¶7's \u201ceach eligible trained 287(g) officer\u201d "
            "could be read to cover every model, but the programme's original notice of "
            "2025-09-02 presents the reimbursement under the Task Force Model, the National "
            "Fraternal Order of Police statement speaks of reimbursing \u201ceach eligible "
            "TFO\u201d, and all later reporting describes Task Force Model money. Where the "
            "evidence is divided the default must be the reading that cannot over-claim.",
            "R-SAL",
            "model_scope",
            (
                Option("task-force-only", "Task Force Model officers only"),
                Option(
                    "all-models",
                    "trained officers of every 287(g) model (Jail Enforcement, Task Force, "
                    "Warrant Service Officer): ¶7 read literally",
                ),
            ),
        ),
        Interpretation(
            "I-CAPBASE",
            "The overtime cap is 25% of what?",
            "The officer's annual base salary for the fiscal year; benefits are excluded.",
            "R-OT",
        ),
        Interpretation(
            "I-CAPYEAR",
            "Over what period does the overtime cap run?",
            "Each federal fiscal year (1 October to 30 September), cumulatively across every "
            "claim in that year.",
            "R-OT",
        ),
        Interpretation(
            "I-ADJUST",
            "How is a correction to pay in a period already filed claimed?",
            "As an adjustment in the next claim of the fiscal year: the filed period is "
            "recomputed from the corrected payroll, with each officer's cap used as the whole "
            "year's ledger now stands, and the difference from what was filed (salary, benefits "
            "and reimbursed overtime, more or less) is added to that claim. A filed claim is "
            "never refiled, and the year's filings end at what one claim of the whole year on "
            "the final payroll would reimburse.",
            "R-SAL",
        ),
        Interpretation(
            "I-CAPPRO",
            "Is the cap smaller for an officer eligible for only part of the year?",
            "No: the cap is not prorated.",
            "R-OT",
            "cap_proration",
            (
                Option("none", "the full cap however few days the officer was eligible"),
                Option(
                    "by-eligible-days",
                    "the cap times eligible days over days in the fiscal year, rounded down",
                ),
            ),
        ),
        Interpretation(
            "I-WIN",
            "From when, and until when, is an officer's pay reimbursable?",
            "From the latest of the policy's start, the agency's agreement date and the officer's "
            "training completion, until the officer's separation date (inclusive).",
            "R-SAL",
        ),
        Interpretation(
            "I-DAYS",
            "What of a pay period that straddles a window or quarter boundary?",
            "Its amounts are spread evenly over its calendar days.",
            "R-SAL",
        ),
        Interpretation(
            "I-CENT",
            "How are amounts rounded?",
            "Money is Decimal in cents. The overtime cap rounds down to the cent, so it can never "
            "be exceeded. An amount split across days or quarters uses the largest-remainder "
            "method, so the parts always sum to the whole.",
            "R-OT",
        ),
    )
)

#: The policy DHS/ICE announced on 2025-09-18, in force from 2025-10-01 (R-EFF) with no end date.
#:
#: :meta hide-value:
POLICY: Final = Policy(
    name="287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18)",
    effective_from=dt.date(2025, 10, 1),
    effective_until=None,
    sources=(SOURCE,),
    rules=_RULES,
    interpretations=INTERPRETATIONS,
    tiers=(
        AwardTier("R-AWD-1", 90, 100, "1000"),  # ¶8: "90% - 100% - $1,000 per eligible …"
        AwardTier("R-AWD-2", 80, 89, "750"),  # ¶8: "80% - 89% - $750 per eligible …"
        AwardTier("R-AWD-3", 70, 79, "500"),  # ¶8: "70% - 79% - $500 per eligible …"
    ),
    overtime_share=Fraction(1, 4),  # R-OT, ¶7: "up to 25% of the officer's annual salary"
)

#: Every policy g287 knows, oldest first. :func:`~g287.policy_in_force` chooses from it.
#:
#: :meta hide-value:
REGISTRY: Final[tuple[Policy, ...]] = (POLICY,)


def policy_in_force(day: dt.date, registry: tuple[Policy, ...] = REGISTRY) -> Policy:
    """The policy in force on ``day``.

    Raises:
        NotInEffectError: if no policy covers ``day`` (before 2025-10-01: R-EFF).

    >>> policy_in_force(dt.date(2025, 10, 1)) is POLICY
    True
    """
    day = to_date(day, "date")
    instance(registry, tuple, "registry", "a tuple of g287.Policy")
    for policy in registry:
        instance(policy, Policy, "registry", "a tuple of g287.Policy")
    for policy in reversed(registry):
        if policy.covers(day):
            return policy
    first = min((p.effective_from for p in registry), default=None)
    if first is not None and day < first:
        raise NotInEffectError(
            f"date: {day.isoformat()} is before {first.isoformat()}, when the first policy "
            "applies; nothing is payable (R-EFF)",
            field="date",
            value=day,
        )
    raise NotInEffectError(
        f"date: {day.isoformat()} is outside every known policy; nothing is payable (R-EFF)",
        field="date",
        value=day,
    )


def policy_for(
    policy: object, period: FiscalQuarter | FiscalYear | DateRange, field: str
) -> Policy:
    """The policy to apply to ``period``: the one given, or the one in force (R-EFF).

    Either way the policy must be in force on the period's first day, else
    :class:`~g287.NotInEffectError` naming the period; its ``field`` is the argument that gave
    the period (``quarter``, ``fiscal_year``, ``period``).
    """
    if policy is None:
        try:
            return policy_in_force(period.start)
        except NotInEffectError as exc:
            raise NotInEffectError(f"{period}: {exc}", field=field, value=exc.value) from None
    pol = instance(policy, Policy, "policy", "a g287.Policy or None")
    pol.require_in_force(period.start, str(period), field)
    return pol
