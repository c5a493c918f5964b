"""The policy as data: sources, citations, rules, award tiers, the overtime cap, interpretations.

Every object here is a frozen attrs class validated at construction, so an inconsistent policy
cannot exist. :data:`POLICY` is the policy DHS/ICE announced on 2025-09-18; a variant is made with
:func:`attrs.evolve` (or :meth:`Policy.choose` for an interpretation) and is validated again.

>>> import attrs
>>> from g287 import POLICY, BandRounding
>>> schedule = attrs.evolve(POLICY.award_schedule, band_rounding=BandRounding.HALF_UP)
>>> half_up = attrs.evolve(POLICY, award_schedule=schedule)
>>> policy_diff(POLICY, half_up)
(('award_schedule.band_rounding', 'truncate', 'half-up'),)
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from . import _validators as check
from ._validators import to_date
from .errors import InvalidInputError, InvalidTypeError, NotInEffectError, PolicyError
from .money import to_money

__all__ = [
    "INTERPRETATIONS",
    "POLICY",
    "REGISTRY",
    "SOURCE",
    "AwardSchedule",
    "AwardTier",
    "BandRounding",
    "CapProration",
    "Citation",
    "Headcount",
    "Interpretation",
    "Model",
    "ModelScope",
    "NoLeads",
    "OvertimeCap",
    "Policy",
    "Rule",
    "Source",
    "policy_diff",
    "policy_in_force",
]

_RULE_ID = re.compile(r"R-[A-Z]+(?:-[0-9A-Z]+)*")
_INTERPRETATION_ID = re.compile(r"I-[A-Z]+")
_LOCATOR = re.compile(r"\u00b6[1-9][0-9]*")


# --- interpretation options (DESIGN §2) --------------------------------------------------------


class BandRounding(enum.Enum):
    """I-BAND: how a location rate is placed in the whole-percent bands of ¶8."""

    #: Drop the fraction of a percent: 89.6% is 89% (the default; the same as "rate >= 90%").
    TRUNCATE = "truncate"
    #: Round to the nearest whole percent, halves up: 89.5% is 90%.
    HALF_UP = "half-up"
    #: Round to the nearest whole percent, halves to the even percent: 89.5% is 90%, 88.5% is 88%.
    HALF_EVEN = "half-even"


class NoLeads(enum.Enum):
    """I-BELOW: what a quarter in which ICE provided no leads earns."""

    #: No award, with the reason stated (the default).
    NO_AWARD = "no-award"
    #: Refuse to compute: raise :class:`~g287.InvalidInputError`.
    ERROR = "error"


class Headcount(enum.Enum):
    """I-HEAD: which task force officers count toward "per eligible task force officer"."""

    #: Task Force Model officers eligible on the quarter's last day (the default).
    LAST_DAY = "last-day"
    #: Task Force Model officers eligible on any day of the quarter.
    ANY_DAY = "any-day"


class Model(enum.Enum):
    """The three 287(g) models an agency can sign."""

    JAIL_ENFORCEMENT = "JEM"
    TASK_FORCE = "TFM"
    WARRANT_SERVICE_OFFICER = "WSO"


class ModelScope(enum.Enum):
    """I-MODEL: whose pay is reimbursable under R-SAL and R-OT."""

    #: Trained officers of every 287(g) model, as ¶7 says "each eligible trained 287(g) officer".
    ALL_MODELS = "all-models"
    #: Task Force Model officers only (the reading of a secondary source).
    TASK_FORCE_ONLY = "task-force-only"

    @property
    def models(self) -> frozenset[Model]:
        """The models whose officers' pay is reimbursable under this option."""
        if self is ModelScope.TASK_FORCE_ONLY:
            return frozenset({Model.TASK_FORCE})
        return frozenset(Model)


class CapProration(enum.Enum):
    """I-CAPPRO: whether the overtime cap shrinks for an officer eligible for part of a year."""

    #: The full cap applies however few days the officer was eligible (the default).
    NONE = "none"
    #: The cap is multiplied by eligible days ÷ days in the fiscal year, then rounded down.
    BY_ELIGIBLE_DAYS = "by-eligible-days"


# --- validators -------------------------------------------------------------------------------

_text = check.text(PolicyError)  # an empty name, title or quote makes the policy inconsistent


def _matches(pattern: re.Pattern[str], expected: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise PolicyError(f"{attribute.name}: {value!r} is not {expected}")

    return check


def _tuple_of(kind: type, what: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
            raise InvalidTypeError(f"{attribute.name}: {value!r}; expected a tuple of {what}")

    return check


def _amount(value: object) -> Decimal:
    try:
        return to_money(value, "amount")
    except InvalidInputError as exc:  # a bad tier amount makes the policy inconsistent
        raise PolicyError(f"award tier {exc}") from None


# --- sources, citations, rules ----------------------------------------------------------------


@attrs.frozen
class Source:
    """A document the policy is taken from."""

    id: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    publisher: str = attrs.field(validator=_text)
    date: dt.date = attrs.field(validator=check.date)
    url: str = attrs.field(validator=_text)


@attrs.frozen
class Citation:
    """A verbatim passage of a :class:`Source`, located by paragraph (``¶7``).

    Paragraphs are the source text's non-empty lines, counted from 1.
    """

    source: Source = attrs.field(validator=check.instance_of(Source, "a Source"))
    locator: str = attrs.field(validator=_matches(_LOCATOR, "a paragraph locator such as '¶7'"))
    quote: str = attrs.field(validator=_text)

    def __str__(self) -> str:
        return f"{self.source.id} {self.locator}: \u201c{self.quote}\u201d"


@attrs.frozen
class Rule:
    """A rule of the policy: a stable id (``R-…``), what it says, and the passage it comes from.

    Rule ids are public: they appear in explanations, JSON, the CLI and the docs. They are never
    renumbered.
    """

    id: str = attrs.field(validator=_matches(_RULE_ID, "a rule id such as 'R-OT'"))
    title: str = attrs.field(validator=_text)
    statement: str = attrs.field(validator=_text)
    citation: Citation = attrs.field(validator=check.instance_of(Citation, "a Citation"))


@attrs.frozen
class Interpretation:
    """A named reading of the source where it is silent (``I-…``), with its options.

    ``option`` is the dotted path of the :class:`Policy` attribute that selects the reading, or
    ``None`` where there is only one reading.
    """

    id: str = attrs.field(
        validator=_matches(_INTERPRETATION_ID, "an interpretation id such as 'I-BAND'")
    )
    question: str = attrs.field(validator=_text)
    default: str = attrs.field(validator=_text)
    #: The rule whose passage this interpretation reads.
    rule_id: str = attrs.field(validator=_matches(_RULE_ID, "a rule id such as 'R-OT'"))
    alternatives: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(str, "text"))
    option: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check.instance_of(str, "a dotted path"))
    )


# --- the award schedule -----------------------------------------------------------------------


@attrs.frozen
class AwardTier:
    """A band of whole-percent location rates and the award per eligible task force officer.

    ``low`` and ``high`` are the band as published, both included: ``90``–``100``.
    """

    rule_id: str = attrs.field(validator=_matches(_RULE_ID, "a rule id such as 'R-AWD-1'"))
    low: int = attrs.field(validator=check.instance_of(int, "a whole percent (int)"))
    high: int = attrs.field(validator=check.instance_of(int, "a whole percent (int)"))
    amount: Decimal = attrs.field(converter=_amount)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.low <= self.high <= 100:
            raise PolicyError(
                f"{self.rule_id}: band {self.low}%-{self.high}% is not within 0-100 "
                "with low <= high"
            )

    @property
    def band(self) -> str:
        """The band as published: ``"90%-100%"``."""
        return f"{self.low}%-{self.high}%"

    def __contains__(self, percent: object) -> bool:
        return (
            isinstance(percent, int)
            and not isinstance(percent, bool)
            and self.low <= percent <= self.high
        )


@attrs.frozen
class AwardSchedule:
    """The quarterly performance award (R-AWD): its tiers and the interpretations that place a
    location rate in them (I-BAND), handle a quarter without leads (I-BELOW) and count officers
    (I-HEAD)."""

    tiers: tuple[AwardTier, ...] = attrs.field(validator=_tuple_of(AwardTier, "AwardTier"))
    band_rounding: BandRounding = attrs.field(
        default=BandRounding.TRUNCATE, validator=check.instance_of(BandRounding, "a BandRounding")
    )
    no_leads: NoLeads = attrs.field(
        default=NoLeads.NO_AWARD, validator=check.instance_of(NoLeads, "a NoLeads option")
    )
    headcount: Headcount = attrs.field(
        default=Headcount.LAST_DAY, validator=check.instance_of(Headcount, "a Headcount option")
    )
    # A lookup of whole percent (0-100) -> tier, derived from ``tiers``: the hot path of
    # award_tier is one index instead of a search.
    _by_percent: tuple[AwardTier | None, ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.tiers:
            raise PolicyError("tiers: () is empty; expected at least one award tier")
        ordered = sorted(self.tiers, key=lambda t: t.low, reverse=True)
        if list(self.tiers) != ordered:
            raise PolicyError(
                "tiers: "
                + ", ".join(t.band for t in self.tiers)
                + " are not ordered; expected the highest band first"
            )
        for upper, lower in itertools.pairwise(self.tiers):
            if lower.high >= upper.low:
                raise PolicyError(
                    f"tiers: {lower.rule_id} {lower.band} overlaps {upper.rule_id} {upper.band}"
                )
        if len({t.rule_id for t in self.tiers}) != len(self.tiers):
            raise PolicyError("tiers: two tiers share a rule id; expected one id per tier")
        table: list[AwardTier | None] = [None] * 101
        for tier in self.tiers:
            table[tier.low : tier.high + 1] = [tier] * (tier.high - tier.low + 1)
        object.__setattr__(self, "_by_percent", tuple(table))

    def percent(self, rate: Fraction) -> int:
        """The whole percent a rate (a ``Fraction`` from 0 to 1) falls in, per I-BAND.

        >>> from g287 import POLICY
        >>> POLICY.award_schedule.percent(Fraction(179, 200))   # 89.5%
        89
        """
        if isinstance(rate, bool) or not isinstance(rate, (Fraction, int)):
            raise InvalidTypeError(
                f"rate: {rate!r} is a {type(rate).__name__}; expected a fractions.Fraction 0 to 1"
            )
        if not 0 <= rate <= 1:
            raise InvalidInputError(f"rate: {rate}; expected a location rate from 0 to 1")
        return self._percent(Fraction(rate))

    def _percent(self, rate: Fraction) -> int:
        """:meth:`percent` for a rate already checked (the hot path of ``award_tier``)."""
        n, d = rate.numerator, rate.denominator
        if self.band_rounding is BandRounding.TRUNCATE:
            return 100 * n // d
        if self.band_rounding is BandRounding.HALF_UP:
            return (200 * n + d) // (2 * d)
        return round(Fraction(100 * n, d))

    def tier_for_percent(self, percent: int) -> AwardTier | None:
        """The tier whose band holds a whole percent (0-100), or ``None`` below every band."""
        if isinstance(percent, bool) or not isinstance(percent, int):
            raise InvalidTypeError(
                f"percent: {percent!r} is a {type(percent).__name__}; expected a whole percent"
            )
        if not 0 <= percent <= 100:
            raise InvalidInputError(f"percent: {percent}; expected a whole percent from 0 to 100")
        return self._by_percent[percent]

    @property
    def lowest(self) -> AwardTier:
        """The tier with the lowest band (its ``low`` is the threshold for any award)."""
        return self.tiers[-1]


# --- the overtime cap -------------------------------------------------------------------------


def _cap_fraction(_instance: object, attribute: attrs.Attribute[Fraction], value: object) -> None:
    if not isinstance(value, Fraction):
        raise InvalidTypeError(
            f"{attribute.name}: {value!r} is a {type(value).__name__}; "
            "expected a fractions.Fraction such as Fraction(1, 4)"
        )
    if not 0 <= value <= 1:
        raise PolicyError(f"{attribute.name}: {value} is outside 0-1; expected a share of salary")


@attrs.frozen
class OvertimeCap:
    """R-OT: reimbursed overtime is at most ``fraction`` of the officer's annual salary.

    The basis is the annual base salary with benefits excluded (I-CAPBASE); the cap runs per
    federal fiscal year (I-CAPYEAR), rounds down to the cent (I-CENT) and is or is not prorated
    for part-year officers (I-CAPPRO).
    """

    fraction: Fraction = attrs.field(validator=_cap_fraction)
    proration: CapProration = attrs.field(
        default=CapProration.NONE, validator=check.instance_of(CapProration, "a CapProration")
    )

    @property
    def percent(self) -> Fraction:
        """The cap as a percent of salary (``Fraction(25)`` for 25%)."""
        return self.fraction * 100


# --- the policy -------------------------------------------------------------------------------


@attrs.frozen
class Policy:
    """One version of the 287(g) reimbursement and award policy.

    Construction checks that the period is ordered, that every rule is cited from one of the
    policy's sources, and that the award tiers and the cap refer to rules the policy has.
    """

    name: str = attrs.field(validator=_text)
    effective_from: dt.date = attrs.field(validator=check.date)
    effective_until: dt.date | None = attrs.field(validator=check.optional_date)
    sources: tuple[Source, ...] = attrs.field(validator=_tuple_of(Source, "Source"))
    rules: tuple[Rule, ...] = attrs.field(validator=_tuple_of(Rule, "Rule"))
    award_schedule: AwardSchedule = attrs.field(
        validator=check.instance_of(AwardSchedule, "an AwardSchedule")
    )
    overtime_cap: OvertimeCap = attrs.field(
        validator=check.instance_of(OvertimeCap, "an OvertimeCap")
    )
    #: I-MODEL: whose pay is reimbursable.
    model_scope: ModelScope = attrs.field(
        default=ModelScope.ALL_MODELS, validator=check.instance_of(ModelScope, "a ModelScope")
    )
    # Computed on first use by `fingerprint` and kept: not part of equality, hashing or JSON.
    _fingerprint: str | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise PolicyError(
                f"effective_until: {self.effective_until.isoformat()} is before effective_from "
                f"{self.effective_from.isoformat()}; expected an end on or after the start"
            )
        ids = [rule.id for rule in self.rules]
        if len(set(ids)) != len(ids):
            raise PolicyError(f"rules: {ids!r} repeat an id; expected each rule id once")
        for rule in self.rules:
            if rule.citation.source not in self.sources:
                raise PolicyError(
                    f"rules: {rule.id} cites {rule.citation.source.id!r}, "
                    "which is not among the policy's sources"
                )
        needed = ["R-EFF", "R-SAL", "R-OT", "R-AWD"] + [
            t.rule_id for t in self.award_schedule.tiers
        ]
        for rule_id in needed:
            if rule_id not in ids:
                raise PolicyError(
                    f"rules: {rule_id} has no rule with a citation; every rule needs one"
                )

    def _repr_html_(self) -> str:
        from .html import policy_html  # noqa: PLC0415 - HTML sits at the edge

        return policy_html(self)

    @property
    def fingerprint(self) -> str:
        """A stable hash of the policy's canonical JSON: which variant produced a figure."""
        if self._fingerprint is None:
            from .serialize import fingerprint  # noqa: PLC0415 - JSON sits at the edge

            object.__setattr__(self, "_fingerprint", fingerprint(self))
        assert self._fingerprint is not None
        return self._fingerprint

    # -- lookups --

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; :class:`~g287.InvalidInputError` if there is none."""
        _id_text(rule_id, "rule_id")
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise InvalidInputError(f"rule_id: {rule_id!r} is not a rule of {self.name!r}")

    def citation(self, rule_id: str) -> Citation:
        """The citation behind a rule id, or for an interpretation id the passage it reads."""
        _id_text(rule_id, "rule_id")
        if rule_id in INTERPRETATIONS:
            rule_id = INTERPRETATIONS[rule_id].rule_id
        return self.rule(rule_id).citation

    def covers(self, day: dt.date) -> bool:
        """Whether the policy is in force on ``day``."""
        day = to_date(day, "day")
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )

    def require_in_force(self, day: dt.date, what: str) -> None:
        """Raise :class:`~g287.NotInEffectError` unless in force on ``day`` (R-EFF)."""
        if not self.covers(day):
            until = self.effective_until.isoformat() if self.effective_until else "open-ended"
            raise NotInEffectError(
                f"{what}: starts {day.isoformat()}, outside {self.name!r} "
                f"({self.effective_from.isoformat()} to {until}) (R-EFF)"
            )

    # -- interpretations --

    @property
    def choices(self) -> dict[str, str]:
        """The option chosen for each selectable interpretation, by id.

        >>> from g287 import POLICY
        >>> POLICY.choices["I-BAND"]
        'truncate'
        """
        return {
            i.id: _option_at(self, i.option).value
            for i in INTERPRETATIONS.values()
            if i.option is not None
        }

    def choose(self, interpretation_id: str, option: str) -> Policy:
        """A variant of this policy with another option for one interpretation.

        The option lives where :attr:`Interpretation.option` says; the variant is built with
        :func:`attrs.evolve` and so validated again.

        >>> from g287 import POLICY
        >>> POLICY.choose("I-BAND", "half-up").choices["I-BAND"]
        'half-up'
        """
        selectable = [i.id for i in INTERPRETATIONS.values() if i.option is not None]
        _id_text(interpretation_id, "interpretation_id")
        interpretation = INTERPRETATIONS.get(interpretation_id)
        if interpretation is None or interpretation.option is None:
            raise InvalidInputError(
                f"interpretation_id: {interpretation_id!r} has no options; "
                f"expected one of {', '.join(selectable)}"
            )
        kind = type(_option_at(self, interpretation.option))
        try:
            chosen = kind(option)
        except ValueError:
            allowed = ", ".join(repr(o.value) for o in kind)
            raise InvalidInputError(
                f"option: {option!r} is not an option of {interpretation_id}; "
                f"expected one of {allowed}"
            ) from None
        variant: Policy = _evolve_at(self, interpretation.option.split("."), chosen)
        return variant


def _id_text(value: object, field: str) -> None:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{field}: {value!r} is a {type(value).__name__}; expected an id")


def _option_at(obj: object, path: str) -> enum.Enum:
    """The interpretation option at a dotted attribute path such as ``award_schedule.headcount``."""
    for name in path.split("."):
        obj = getattr(obj, name)
    assert isinstance(obj, enum.Enum)
    return obj


def _evolve_at(obj: Any, path: list[str], value: object) -> Any:
    """``attrs.evolve`` along a path of attribute names, rebuilding and re-validating each level."""
    head, *rest = path
    inner = _evolve_at(getattr(obj, head), rest, value) if rest else value
    return attrs.evolve(obj, **{head: inner})


def policy_diff(a: Policy, b: Policy) -> tuple[tuple[str, object, object], ...]:
    """List what differs between two policies as ``(dotted path, value in a, value in b)``.

    Enum options are shown by their value; tiers by their position (``award_schedule.tiers[0]``).
    """
    found: list[tuple[str, object, object]] = []

    def walk(path: str, x: object, y: object) -> None:
        if x == y:
            return
        if attrs.has(type(x)) and type(x) is type(y):
            for field in attrs.fields(type(x)):  # type: ignore[arg-type]
                if field.init:
                    walk(
                        f"{path}.{field.name}" if path else field.name,
                        getattr(x, field.name),
                        getattr(y, field.name),
                    )
        elif isinstance(x, tuple) and isinstance(y, tuple) and len(x) == len(y):
            for i, (u, v) in enumerate(zip(x, y, strict=True)):
                walk(f"{path}[{i}]", u, v)
        else:
            found.append(
                (
                    path,
                    x.value if isinstance(x, enum.Enum) else x,
                    y.value if isinstance(y, enum.Enum) else y,
                )
            )

    walk("", a, b)
    return tuple(found)


# --- interpretations catalogue (DESIGN §2) -----------------------------------------------------

INTERPRETATIONS: Final[dict[str, Interpretation]] = {
    i.id: i
    for i in (
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
            (
                "half-up: round to the nearest percent, halves up",
                "half-even: round halves to the even percent",
            ),
            "award_schedule.band_rounding",
        ),
        Interpretation(
            "I-BELOW",
            "What does a rate under 70%, or a quarter with no leads provided, earn?",
            "No award, with the reason stated.",
            "R-AWD",
            ("error: a quarter with no leads is refused as invalid input",),
            "award_schedule.no_leads",
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
            "Task Force Model officers eligible on the quarter's last day.",
            "R-AWD",
            ("any-day: Task Force Model officers eligible on any day of the quarter",),
            "award_schedule.headcount",
        ),
        Interpretation(
            "I-MODEL",
            "Whose salary, benefits and overtime are reimbursable?",
            "Trained officers of every 287(g) model (Jail Enforcement, Task Force, Warrant Service "
            'Officer), as the source says "each eligible trained 287(g) officer".',
            "R-SAL",
            ("task-force-only: Task Force Model officers only (a secondary source's reading)",),
            "model_scope",
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
            "I-CAPPRO",
            "Is the cap smaller for an officer eligible for only part of the year?",
            "No: the cap is not prorated.",
            "R-OT",
            (
                (
                    "by-eligible-days: the cap times eligible days over days in the fiscal year, "
                    "rounded down to the cent"
                ),
            ),
            "overtime_cap.proration",
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
}

# --- the built-in policy ----------------------------------------------------------------------

#: The primary source: the DHS/ICE press release of 2025-09-18.
SOURCE: Final = Source(
    id="DHS-2025-09-18",
    title="Under President Trump and Secretary Noem, 287(g) partnerships increased by 641%",
    publisher="U.S. Department of Homeland Security / U.S. Immigration and Customs Enforcement",
    date=dt.date(2025, 9, 18),
    url="https://www.ice.gov/287g",
)

_P6 = (
    "Starting October 1, 2025, participating law enforcement will have these reimbursement "
    "opportunities:"
)
_SALARY = (
    "ICE will fully reimburse participating agencies for the annual salary and benefits of each "
    "eligible trained 287(g) officer"
)
_OVERTIME = "including overtime coverage up to 25% of the officer\u2019s annual salary"
_AWARD = (
    "Law enforcement agencies will be eligible for quarterly monetary performance awards based on "
    "the successful location of illegal aliens provided by ICE and overall assistance to further "
    "ICE\u2019s mission to defend the homeland"
)


# Where each quote stands verbatim. The salary and overtime sentence is ¶7; the award sentence and
# its tiers stand in full only in ¶8 (which also repeats the end of ¶7, an artefact of how the
# page was captured), so the award rules cite ¶8: a locator must point at its quote.
_P_AWARD = "\u00b68"


def _rule(rule_id: str, title: str, statement: str, quote: str, locator: str = "\u00b67") -> Rule:
    return Rule(rule_id, title, statement, Citation(SOURCE, locator, quote))


_RULES = (
    _rule(
        "R-EFF",
        "Effective date",
        "The policy applies from 2025-10-01, the start of federal FY2026; "
        "nothing dated before then is payable under it.",
        _P6,
        "\u00b66",
    ),
    _rule(
        "R-SAL",
        "Salary and benefits",
        "ICE reimburses in full the annual salary and benefits of "
        "each eligible trained 287(g) officer.",
        _SALARY,
    ),
    _rule(
        "R-OT",
        "Overtime cap",
        "Overtime is reimbursed up to 25% of the officer's annual salary.",
        _OVERTIME,
    ),
    _rule(
        "R-AWD",
        "Quarterly performance award",
        "Agencies may earn quarterly performance awards "
        "based on the successful location of the people ICE provides and overall assistance.",
        _AWARD,
        _P_AWARD,
    ),
    _rule(
        "R-AWD-1",
        "Award tier 90%-100%",
        "A location rate of 90%-100% earns $1,000 per eligible task force officer.",
        "90% - 100% - $1,000 per eligible task force officer",
        _P_AWARD,
    ),
    _rule(
        "R-AWD-2",
        "Award tier 80%-89%",
        "A location rate of 80%-89% earns $750 per eligible task force officer.",
        "80% - 89% - $750 per eligible task force officer",
        _P_AWARD,
    ),
    _rule(
        "R-AWD-3",
        "Award tier 70%-79%",
        "A location rate of 70%-79% earns $500 per eligible task force officer.",
        "70% - 79% - $500 per eligible task force officer",
        _P_AWARD,
    ),
)

#: The policy DHS/ICE announced on 2025-09-18, in force from 2025-10-01 (R-EFF) with no end date.
POLICY: Final = Policy(
    name="287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18)",
    effective_from=dt.date(2025, 10, 1),
    effective_until=None,
    sources=(SOURCE,),
    rules=_RULES,
    award_schedule=AwardSchedule(
        tiers=(
            AwardTier("R-AWD-1", 90, 100, "1000"),
            AwardTier("R-AWD-2", 80, 89, "750"),
            AwardTier("R-AWD-3", 70, 79, "500"),
        )
    ),
    overtime_cap=OvertimeCap(Fraction(1, 4)),  # R-OT: "up to 25% of the officer's annual salary"
)

#: Every policy g287 knows, oldest first. :func:`policy_in_force` chooses from it.
REGISTRY: Final[tuple[Policy, ...]] = (POLICY,)


def policy_in_force(day: dt.date, registry: tuple[Policy, ...] = REGISTRY) -> Policy:
    """The policy in force on ``day``.

    Raises:
        NotInEffectError: if no policy covers ``day`` (before 2025-10-01: R-EFF).

    >>> policy_in_force(dt.date(2025, 10, 1)) is POLICY
    True
    """
    day = to_date(day, "date")
    if not isinstance(registry, tuple) or not all(isinstance(p, Policy) for p in registry):
        raise InvalidTypeError(f"registry: {registry!r}; expected a tuple of g287.Policy")
    for policy in reversed(registry):
        if policy.covers(day):
            return policy
    first = min((p.effective_from for p in registry), default=None)
    if first is not None and day < first:
        raise NotInEffectError(
            f"date: {day.isoformat()} is before {first.isoformat()}, when the first policy "
            "applies; nothing is payable (R-EFF)"
        )
    raise NotInEffectError(
        f"date: {day.isoformat()} is outside every known policy; nothing is payable (R-EFF)"
    )
