"""The policy model: sources, citations, rules, award tiers, interpretations, and :class:`Policy`.

Every object here is a frozen attrs class validated at construction, so an inconsistent policy
cannot exist. The policy DHS/ICE announced on 2025-09-18 is data built from these types, in
:mod:`g287.announced`. The five selectable interpretations are plain fields of :class:`Policy`,
so a variant is one :func:`attrs.evolve` away, and :meth:`~g287.Policy.choose` is the same thing by
interpretation id:

>>> import attrs
>>> from g287 import POLICY, BandRounding
>>> half_up = attrs.evolve(POLICY, band_rounding=BandRounding.HALF_UP)
>>> half_up == POLICY.choose("I-BAND", "half-up")
True
>>> policy_diff(POLICY, half_up)
(('I-BAND', 'truncate', 'half-up'),)
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from . import html
from ._canonical import fingerprint
from ._validators import (
    Value,
    check_with,
    code_points,
    instance,
    of_type,
    to_date,
    to_optional_date,
    tuple_of,
    type_error,
)
from ._validators import validator as checked
from .errors import InvalidInputError, NotInEffectError, PolicyError
from .money import format_percent, to_money

__all__ = [
    "REGISTERED",
    "AwardTier",
    "BandRounding",
    "CapProration",
    "Citation",
    "Headcount",
    "Interpretation",
    "Interpretations",
    "Model",
    "ModelScope",
    "NoLeads",
    "Option",
    "Policy",
    "Rule",
    "Source",
    "policy_diff",
    "to_model",
    "to_rate",
    "whole_percent",
]

RULE_ID: Final = re.compile(r"R-[A-Z]+(?:-[0-9A-Z]+)*")
INTERPRETATION_ID: Final = re.compile(r"I-[A-Z]+")
_LOCATOR: Final = re.compile(r"\u00b6[1-9][0-9]*")


# --- the 287(g) models and the interpretation options (DESIGN §2) ------------------------------


class Model(enum.Enum):
    """The three 287(g) models an agency can sign."""

    JAIL_ENFORCEMENT = "JEM"
    TASK_FORCE = "TFM"
    WARRANT_SERVICE_OFFICER = "WSO"


def to_model(value: object, field: str = "model") -> Model:
    """A :class:`Model`, its code (``"TFM"``) or its name (``"Task Force Model"``), any case.

    >>> to_model("tfm"), to_model("Jail Enforcement")
    (<Model.TASK_FORCE: 'TFM'>, <Model.JAIL_ENFORCEMENT: 'JEM'>)
    """
    if isinstance(value, Model):
        return value
    if isinstance(value, str):
        # Spaces, hyphens and underscores separate words; any other character (a line break,
        # a tab) is part of the text, so a value that holds one is refused, not folded away.
        words = " ".join(re.split(r"[ _-]+", value.strip(" ").lower())).strip(" ")
        found = _MODEL_NAMES.get(words.removesuffix(" model"))
        if found is not None:
            return found
        raise InvalidInputError.about(
            field, value, "is not a 287(g) model; expected JEM, TFM or WSO (or their names)"
        )
    raise type_error(field, value, "a g287.Model or its code such as 'TFM'")


#: The models by code and by name, lower case, without a trailing "model".
_MODEL_NAMES: Final = {
    "jem": Model.JAIL_ENFORCEMENT,
    "jail enforcement": Model.JAIL_ENFORCEMENT,
    "tfm": Model.TASK_FORCE,
    "task force": Model.TASK_FORCE,
    "wso": Model.WARRANT_SERVICE_OFFICER,
    "warrant service officer": Model.WARRANT_SERVICE_OFFICER,
    "warrant service": Model.WARRANT_SERVICE_OFFICER,
}


class BandRounding(enum.Enum):
    """I-BAND: how a location rate is placed in the whole-percent bands of ¶8."""

    #: Drop the fraction of a percent: 89.6% is 89% (the same as "rate >= 90%").
    TRUNCATE = "truncate"
    #: Round to the nearest whole percent, halves up: 89.5% is 90%.
    HALF_UP = "half-up"
    #: Round to the nearest whole percent, halves to the even percent: 89.5% is 90%, 88.5% is 88%.
    HALF_EVEN = "half-even"


class NoLeads(enum.Enum):
    """I-BELOW: what a quarter in which ICE provided no leads earns."""

    #: No award, with the reason stated.
    NO_AWARD = "no-award"
    #: Refuse to compute: raise :class:`~g287.InvalidInputError`.
    ERROR = "error"


class Headcount(enum.Enum):
    """I-HEAD: which task force officers count toward "per eligible task force officer"."""

    #: Task Force Model officers eligible on the quarter's last day.
    LAST_DAY = "last-day"
    #: Task Force Model officers eligible on any day of the quarter.
    ANY_DAY = "any-day"


class ModelScope(enum.Enum):
    """I-MODEL: whose pay is reimbursable under R-SAL and R-OT."""

    #: Task Force Model officers only: the reading the programme's notice and reports support.
    TASK_FORCE_ONLY = "task-force-only"
    #: Trained officers of every 287(g) model, ¶7's "each eligible trained 287(g) officer" read
    #: literally.
    ALL_MODELS = "all-models"

    def covers(self, model: Model) -> bool:
        """Whether an officer of ``model`` has reimbursable pay under this option."""
        return self is ModelScope.ALL_MODELS or model is Model.TASK_FORCE

    @property
    def models(self) -> frozenset[Model]:
        """The models whose officers' pay is reimbursable under this option."""
        return _SCOPED[self]


_SCOPED: Final = {scope: frozenset(filter(scope.covers, Model)) for scope in ModelScope}


class CapProration(enum.Enum):
    """I-CAPPRO: whether the overtime cap shrinks for an officer eligible for part of a year."""

    #: The full cap applies however few days the officer was eligible.
    NONE = "none"
    #: The cap is multiplied by eligible days ÷ days in the fiscal year, then rounded down.
    BY_ELIGIBLE_DAYS = "by-eligible-days"


def whole_percent(located: Any, provided: Any, rounding: BandRounding) -> Any:
    """I-BAND: the whole percent ``located / provided`` is placed at, in integers only.

    The one band function of g287: :meth:`~g287.Policy.percent`, the batch path (Python integers
    or NumPy integer arrays alike: only ``//``, ``divmod``, comparisons and ``|``/``&`` are
    used) and the docs call it. ``provided`` must be positive.

    >>> [whole_percent(179, 200, r) for r in BandRounding]
    [89, 90, 90]
    >>> whole_percent(177, 200, BandRounding.HALF_EVEN)    # 88.5% goes to the even 88
    88
    """
    if rounding is BandRounding.TRUNCATE:
        return 100 * located // provided
    if rounding is BandRounding.HALF_UP:
        return (200 * located + provided) // (2 * provided)
    whole, rest = divmod(100 * located, provided)
    return whole + ((2 * rest > provided) | ((2 * rest == provided) & (whole % 2 == 1)))


# --- sources, citations, rules, interpretations ------------------------------------------------


#: The interpretations g287's calculations follow and cite in their explanations; a policy
#: must state each, or a figure could not say where it comes from.
FOLLOWED: Final = frozenset(
    {
        "I-ADJUST",
        "I-ASSIST",
        "I-BAND",
        "I-BELOW",
        "I-CAPBASE",
        "I-CAPPRO",
        "I-CAPYEAR",
        "I-CENT",
        "I-DAYS",
        "I-HEAD",
        "I-MODEL",
        "I-RATE",
        "I-WIN",
    }
)


def _policy_text(value: object, field: str) -> str:
    """Text of a policy's part: printed in every audit trail and report, so it must be there
    and hold nothing that does not print (a line break or an escape sequence could forge a
    line of the trail)."""
    if not isinstance(value, str):
        raise type_error(field, value, "text")
    if not value.strip():
        raise PolicyError.about(field, value, "is empty; expected text")
    if not value.isprintable():
        hidden = "".join(c for c in value if not c.isprintable())
        raise PolicyError.about(
            field, value, f"contains {code_points(hidden)}; expected printable text"
        )
    return value


def _matching(pattern: re.Pattern[str], expected: str) -> Any:
    def check(value: object, field: str) -> None:
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise PolicyError.about(field, value, f"is not {expected}")

    return checked(check)


_text = checked(_policy_text)


def _source_date(value: object) -> dt.date:
    return to_date(value, "date")


def _effective_from(value: object) -> dt.date:
    return to_date(value, "effective_from")


def _effective_until(value: object) -> dt.date | None:
    return to_optional_date(value, "effective_until")


@attrs.frozen(slots=False, repr=False, eq=False)
class Source(Value):
    """A document the policy is taken from."""

    id: str = attrs.field(metadata=check_with(_text))
    title: str = attrs.field(metadata=check_with(_text))
    publisher: str = attrs.field(metadata=check_with(_text))
    date: dt.date = attrs.field(converter=_source_date)
    url: str = attrs.field(metadata=check_with(_text))


@attrs.frozen(slots=False, repr=False, eq=False)
class Citation(Value):
    """A verbatim passage of a :class:`Source`, located by paragraph (``¶7``).

    Paragraphs are the source text's non-empty lines, counted from 1.
    """

    source: Source = attrs.field(metadata=check_with(of_type(Source, "a Source")))
    locator: str = attrs.field(
        metadata=check_with(_matching(_LOCATOR, "a paragraph locator such as '¶7'"))
    )
    quote: str = attrs.field(metadata=check_with(_text))

    def __str__(self) -> str:
        return f"{self.source.id} {self.locator}: \u201c{self.quote}\u201d"


@attrs.frozen(slots=False, repr=False, eq=False)
class Rule(Value):
    """A rule of the policy: a stable id (``R-…``), what it says, and the passage it comes from.

    Rule ids are public: they appear in explanations, JSON, the CLI and the docs. They are never
    renumbered.
    """

    id: str = attrs.field(metadata=check_with(_matching(RULE_ID, "a rule id such as 'R-OT'")))
    title: str = attrs.field(metadata=check_with(_text))
    statement: str = attrs.field(metadata=check_with(_text))
    citation: Citation = attrs.field(metadata=check_with(of_type(Citation, "a Citation")))


@attrs.frozen(slots=False, repr=False, eq=False)
class Option(Value):
    """One reading an interpretation can take: its value (``"half-up"``) and what it means."""

    value: str = attrs.field(metadata=check_with(_text))
    text: str = attrs.field(metadata=check_with(_text))

    def __str__(self) -> str:
        return f"{self.value}: {self.text}"


@attrs.frozen(slots=False, repr=False, eq=False)
class Interpretation(Value):
    """A named reading of the source where it is silent (``I-…``), with its options.

    ``field`` names the :class:`Policy` field that selects the reading, and ``options`` lists
    every value that field can take, the announced policy's first; both are empty where there
    is only one reading.
    """

    id: str = attrs.field(
        metadata=check_with(_matching(INTERPRETATION_ID, "an id such as 'I-BAND'"))
    )
    question: str = attrs.field(metadata=check_with(_text))
    #: The reading the announced policy applies, in words.
    default: str = attrs.field(metadata=check_with(_text))
    #: The rule whose passage this interpretation reads.
    rule_id: str = attrs.field(metadata=check_with(_matching(RULE_ID, "a rule id such as 'R-OT'")))
    field: str | None = attrs.field(
        default=None,
        metadata=check_with(attrs.validators.optional(of_type(str, "a Policy field name"))),
    )
    options: tuple[Option, ...] = attrs.field(
        default=(), metadata=check_with(tuple_of(Option, "Option"))
    )

    def _check(self) -> None:
        if (self.field is None) != (not self.options):
            raise PolicyError.about(
                "options", self.options, f"of {self.id} do not match its field {self.field!r}"
            )

    @property
    def values(self) -> tuple[str, ...]:
        """The option values, the announced policy's first (empty if there is one reading)."""
        return tuple(o.value for o in self.options)

    @property
    def alternatives(self) -> tuple[Option, ...]:
        """The options other than the announced policy's."""
        return self.options[1:]

    @property
    def option_type(self) -> type[enum.Enum] | None:
        """The enum of the :class:`Policy` field that selects this interpretation, if any."""
        return None if self.field is None else OPTION_TYPES[self.field]


@attrs.frozen(slots=False, repr=False, eq=False)
class Interpretations(Value, Mapping[str, Interpretation]):
    """The interpretations catalogue: an immutable mapping from id to :class:`Interpretation`."""

    entries: tuple[Interpretation, ...] = attrs.field(
        metadata=check_with(tuple_of(Interpretation, "Interpretation"))
    )

    def _check(self) -> None:
        ids = [i.id for i in self.entries]
        if len(set(ids)) != len(ids):
            raise PolicyError.about("interpretations", ids, "repeat an id; expected each once")

    def __getitem__(self, interpretation_id: str) -> Interpretation:
        for item in self.entries:
            if item.id == interpretation_id:
                return item
        raise KeyError(interpretation_id)

    def __iter__(self) -> Iterator[str]:
        return (item.id for item in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def _repr_html_(self) -> str:
        return html.table(
            ("id", "question", "default", "alternatives"),
            [
                (i.id, i.question, i.default, "; ".join(map(str, i.alternatives)))
                for i in self.entries
            ],
            caption="Interpretations",
        )


# --- the award tiers ---------------------------------------------------------------------------


def _tier_amount(value: object) -> Decimal:
    try:
        return to_money(value, "amount")
    except InvalidInputError as exc:  # a bad tier amount makes the policy inconsistent
        raise PolicyError(str(exc), field="amount", value=value) from None


@attrs.frozen(slots=False, repr=False, eq=False)
class AwardTier(Value):
    """A band of whole-percent location rates and the award per eligible task force officer.

    ``low`` and ``high`` are the band as published, both included: ``90``–``100``.
    """

    rule_id: str = attrs.field(
        metadata=check_with(_matching(RULE_ID, "a rule id such as 'R-AWD-1'"))
    )
    low: int = attrs.field(metadata=check_with(of_type(int, "a whole percent (int)")))
    high: int = attrs.field(metadata=check_with(of_type(int, "a whole percent (int)")))
    amount: Decimal = attrs.field(converter=_tier_amount)

    def _check(self) -> None:
        for name in ("low", "high"):
            if not 0 <= getattr(self, name) <= 100:
                raise PolicyError.about(
                    name, getattr(self, name), f"of {self.rule_id} is not a percent 0-100"
                )
        if self.low > self.high:
            raise PolicyError.about(
                "high", self.high, f"of {self.rule_id} is below its low {self.low}"
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


# --- the policy --------------------------------------------------------------------------------


def _share(value: object, field: str) -> Fraction:
    if not isinstance(value, Fraction):
        raise type_error(field, value, "a fractions.Fraction such as Fraction(1, 4)")
    if not 0 <= value <= 1:
        raise PolicyError.about(field, value, "is outside 0-1; expected a share of salary")
    return value


@attrs.frozen(slots=False, repr=False, eq=False)
class Policy(Value):
    """One version of the 287(g) reimbursement and award policy.

    Construction checks that the period is ordered, that every rule is cited from one of the
    policy's sources, that the award tiers and every interpretation refer to rules the policy
    has, and that the tiers are ordered and do not overlap.
    """

    name: str = attrs.field(metadata=check_with(_text))
    effective_from: dt.date = attrs.field(converter=_effective_from)
    effective_until: dt.date | None = attrs.field(converter=_effective_until)
    sources: tuple[Source, ...] = attrs.field(metadata=check_with(tuple_of(Source, "Source")))
    rules: tuple[Rule, ...] = attrs.field(metadata=check_with(tuple_of(Rule, "Rule")))
    interpretations: Interpretations = attrs.field(
        metadata=check_with(of_type(Interpretations, "an Interpretations catalogue"))
    )
    #: R-AWD-1 …: the award per eligible task force officer by band, highest band first.
    tiers: tuple[AwardTier, ...] = attrs.field(
        metadata=check_with(tuple_of(AwardTier, "AwardTier"))
    )
    #: R-OT: reimbursed overtime is at most this share of annual base salary (I-CAPBASE).
    overtime_share: Fraction = attrs.field(metadata=check_with(checked(_share)))
    band_rounding: BandRounding = attrs.field(
        default=BandRounding.TRUNCATE,
        metadata=check_with(of_type(BandRounding, "a BandRounding"), interpretation="I-BAND"),
    )
    no_leads: NoLeads = attrs.field(
        default=NoLeads.NO_AWARD,
        metadata=check_with(of_type(NoLeads, "a NoLeads"), interpretation="I-BELOW"),
    )
    headcount: Headcount = attrs.field(
        default=Headcount.LAST_DAY,
        metadata=check_with(of_type(Headcount, "a Headcount"), interpretation="I-HEAD"),
    )
    model_scope: ModelScope = attrs.field(
        default=ModelScope.TASK_FORCE_ONLY,
        metadata=check_with(of_type(ModelScope, "a ModelScope"), interpretation="I-MODEL"),
    )
    cap_proration: CapProration = attrs.field(
        default=CapProration.NONE,
        metadata=check_with(of_type(CapProration, "a CapProration"), interpretation="I-CAPPRO"),
    )
    # Derived once at construction, not part of equality, hashing, repr or JSON: the tier of each
    # whole percent 0-100 (award_tier's hot path is one index), and the fingerprint on first use.
    _by_percent: tuple[AwardTier | None, ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _fingerprint: str | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )
    _label: str | None = attrs.field(init=False, default=None, repr=False, eq=False, hash=False)

    def _check(self) -> None:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise PolicyError(
                f"effective_until: {self.effective_until.isoformat()} is before effective_from "
                f"{self.effective_from.isoformat()}; expected an end on or after the start",
                field="effective_until",
                value=self.effective_until,
            )
        self._check_rules()
        self._check_interpretations()
        object.__setattr__(self, "_by_percent", _percent_table(self.tiers))

    def _check_rules(self) -> None:
        ids = [rule.id for rule in self.rules]
        if len(set(ids)) != len(ids):
            raise PolicyError.about("rules", ids, "repeat an id; expected each rule id once")
        for rule in self.rules:
            if rule.citation.source not in self.sources:
                raise PolicyError.about(
                    "rules", rule.id, "cites a source that is not among the policy's sources"
                )
        needed = ["R-EFF", "R-SAL", "R-OT", "R-AWD"] + [t.rule_id for t in self.tiers]
        needed += [i.rule_id for i in self.interpretations.values()]
        for rule_id in needed:
            if rule_id not in ids:
                raise PolicyError.about(
                    "rules",
                    rule_id,
                    "is used but is not a rule of the policy; every rule needs one",
                )

    def _check_interpretations(self) -> None:
        missing = sorted(FOLLOWED - set(self.interpretations))
        if missing:
            raise PolicyError.about(
                "interpretations",
                missing,
                "are followed by g287's calculations, which cite them; every policy states them",
            )
        fields = {f.name: f.metadata["interpretation"] for f in OPTION_FIELDS}
        for item in self.interpretations.values():
            if item.field is not None and fields.get(item.field) != item.id:
                raise PolicyError.about(
                    "interpretations", item.id, f"names {item.field!r}, not its Policy field"
                )
        for name, interpretation_id in fields.items():
            found = self.interpretations.get(interpretation_id)
            expected = tuple(o.value for o in OPTION_TYPES[name])
            if found is None or found.field != name or sorted(found.values) != sorted(expected):
                raise PolicyError.about(
                    "interpretations",
                    interpretation_id,
                    f"must describe the field {name!r} with the options {list(expected)}",
                )

    # -- identity --

    @property
    def fingerprint(self) -> str:
        """A stable hash of the policy's canonical JSON: which variant produced a figure."""
        if self._fingerprint is None:
            object.__setattr__(self, "_fingerprint", fingerprint(self))
        assert self._fingerprint is not None
        return self._fingerprint

    @property
    def registered(self) -> bool:
        """Whether g287 vouches for this policy: its fingerprint is one of :data:`REGISTERED`.

        >>> from g287 import POLICY
        >>> POLICY.registered, POLICY.choose("I-BAND", "half-up").registered
        (True, False)
        """
        return self.fingerprint in REGISTERED

    @property
    def label(self) -> str:
        """The policy's name as every report shows it: it says what the policy is.

        A registered policy shows its name; a registered policy with other interpretation
        options shows them (``… [I-BAND=half-up]``), however the variant was made; any other
        policy — an edited one that kept the official name, say — is marked
        ``[unregistered]``.

        >>> from g287 import POLICY
        >>> POLICY.choose("I-BAND", "half-up").label
        '287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18) [I-BAND=half-up]'
        """
        if self._label is None:
            object.__setattr__(self, "_label", self._make_label())
        assert self._label is not None
        return self._label

    def _make_label(self) -> str:
        if self.registered:
            return self.name
        defaults = {f.name: f.default for f in OPTION_FIELDS}
        chosen = [
            f"{f.metadata['interpretation']}={getattr(self, f.name).value}"
            for f in OPTION_FIELDS
            if getattr(self, f.name) != f.default
        ]
        if chosen and attrs.evolve(self, **defaults).registered:  # type: ignore[arg-type]
            return f"{self.name} [{', '.join(chosen)}]"
        return f"{self.name} [unregistered]"

    def _repr_html_(self) -> str:
        tiers = html.table(
            ("rule", "location rate", "per eligible task force officer"),
            [(t.rule_id, t.band, t.amount) for t in self.tiers],
            caption=f"{self.name} (from {self.effective_from.isoformat()})",
        )
        other = html.table(
            ("id", "choice"),
            [
                (
                    "R-OT",
                    f"overtime cap {format_percent(self.overtime_share)} of annual base salary",
                ),
                *sorted(self.choices.items()),
            ],
        )
        return f"<div>{tiers}{other}</div>"

    # -- lookups --

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; :class:`~g287.InvalidInputError` if there is none."""
        instance(rule_id, str, "rule_id", "an id")
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise InvalidInputError.about("rule_id", rule_id, f"is not a rule of {self.name!r}")

    def citation(self, rule_id: str) -> Citation:
        """The citation behind a rule id, or for an interpretation id the passage it reads."""
        instance(rule_id, str, "rule_id", "an id")
        item = self.interpretations.get(rule_id)
        return self.rule(item.rule_id if item is not None else rule_id).citation

    def covers(self, day: dt.date) -> bool:
        """Whether the policy is in force on ``day``."""
        day = to_date(day, "day")
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )

    def require_in_force(self, day: dt.date, what: str, field: str = "period") -> None:
        """Raise :class:`~g287.NotInEffectError` unless in force on ``day`` (R-EFF).

        ``what`` names the period in the message (``FY2025 Q4``), ``field`` the argument.
        """
        if not self.covers(day):
            until = self.effective_until.isoformat() if self.effective_until else "open-ended"
            raise NotInEffectError(
                f"{what}: starts {day.isoformat()}, outside {self.name!r} "
                f"({self.effective_from.isoformat()} to {until}) (R-EFF)",
                field=field,
                value=day,
            )

    # -- the award tiers (R-AWD, I-BAND, I-BELOW) --

    def percent(self, rate: Fraction) -> int:
        """The whole percent a rate (a ``Fraction`` from 0 to 1) falls in, per I-BAND.

        >>> from g287 import POLICY
        >>> POLICY.percent(Fraction(179, 200))   # 89.5%
        89
        """
        if type(rate) is not Fraction or not 0 <= rate.numerator <= rate.denominator:
            rate = to_rate(rate)  # the checks, only off the hot path of a plain Fraction
        percent: int = whole_percent(rate.numerator, rate.denominator, self.band_rounding)
        return percent

    def tier_for_percent(self, percent: int) -> AwardTier | None:
        """The tier whose band holds a whole percent (0-100), or ``None`` below every band."""
        if isinstance(percent, bool) or not isinstance(percent, int):
            raise type_error("percent", percent, "a whole percent (int)")
        if not 0 <= percent <= 100:
            raise InvalidInputError.about(
                "percent", percent, "is out of range; expected a whole percent from 0 to 100"
            )
        return self._by_percent[percent]

    @property
    def lowest_tier(self) -> AwardTier:
        """The tier with the lowest band (its ``low`` is the threshold for any award)."""
        return self.tiers[-1]

    # -- interpretations --

    @property
    def choices(self) -> dict[str, str]:
        """The option chosen for each selectable interpretation, by id.

        >>> from g287 import POLICY
        >>> POLICY.choices["I-BAND"]
        'truncate'
        """
        return {f.metadata["interpretation"]: getattr(self, f.name).value for f in OPTION_FIELDS}

    def choose(self, interpretation_id: str, option: str | enum.Enum) -> Policy:
        """A variant of this policy with another option for one interpretation.

        The same as :func:`attrs.evolve` on the interpretation's field, and so validated again.

        >>> from g287 import POLICY
        >>> POLICY.choose("I-BAND", "half-up").band_rounding
        <BandRounding.HALF_UP: 'half-up'>
        """
        instance(interpretation_id, str, "interpretation_id", "an id such as 'I-BAND'")
        item = self.interpretations.get(interpretation_id)
        if item is None:
            raise InvalidInputError(
                f"interpretation_id: unknown interpretation {interpretation_id!r}; known: "
                + ", ".join(sorted(self.interpretations)),
                field="interpretation_id",
                value=interpretation_id,
            )
        if item.field is None:
            selectable = ", ".join(sorted(f.metadata["interpretation"] for f in OPTION_FIELDS))
            raise InvalidInputError.about(
                "interpretation_id",
                interpretation_id,
                f"has one reading only; selectable: {selectable}",
            )
        kind = OPTION_TYPES[item.field]
        value = option.value if isinstance(option, kind) else option
        if value not in item.values:
            raise InvalidInputError.about(
                "option",
                option,
                f"is not an option of {interpretation_id}; expected one of "
                + ", ".join(repr(v) for v in item.values),
            )
        chosen: Policy = attrs.evolve(self, **{item.field: kind(value)})  # type: ignore[arg-type]
        return chosen


def to_rate(value: object, field: str = "rate") -> Fraction:
    """A location rate: a ``Fraction`` (or ``int``) from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, (Fraction, int)):
        raise type_error(field, value, "a fractions.Fraction from 0 to 1")
    if not 0 <= value <= 1:
        raise InvalidInputError.about(field, value, "is outside 0-1; expected a location rate")
    return Fraction(value)


def _percents(low: int, high: int) -> str:
    """A run of whole percents as text: ``80%`` or ``80%-89%``."""
    return f"{low}%" if low == high else f"{low}%-{high}%"


def _percent_table(tiers: tuple[AwardTier, ...]) -> tuple[AwardTier | None, ...]:
    """Check the tiers (ordered, apart, one id each) and map each whole percent to its tier."""
    if not tiers:
        raise PolicyError.about("tiers", tiers, "is empty; expected at least one award tier")
    if list(tiers) != sorted(tiers, key=lambda t: t.low, reverse=True):
        raise PolicyError.about(
            "tiers", [t.band for t in tiers], "are not ordered; expected the highest band first"
        )
    for upper, lower in itertools.pairwise(tiers):
        if lower.high >= upper.low:
            raise PolicyError.about(
                "tiers", lower.rule_id, f"band {lower.band} overlaps {upper.rule_id} {upper.band}"
            )
    if len({t.rule_id for t in tiers}) != len(tiers):
        raise PolicyError.about("tiers", [t.rule_id for t in tiers], "repeat a rule id")
    # Contiguous from the lowest band to 100%: a gap would pay nothing there without a word.
    if tiers[0].high != 100:
        raise PolicyError.about(
            "tiers",
            f"{tiers[0].rule_id} {tiers[0].band}",
            f"leave {_percents(tiers[0].high + 1, 100)} in no band; expected bands up to 100%",
        )
    for upper, lower in itertools.pairwise(tiers):
        if lower.high + 1 != upper.low:
            raise PolicyError.about(
                "tiers",
                f"{lower.rule_id} {lower.band}, {upper.rule_id} {upper.band}",
                f"leave {_percents(lower.high + 1, upper.low - 1)} in no band; expected "
                "contiguous bands",
            )
    table: list[AwardTier | None] = [None] * 101
    for tier in tiers:
        table[tier.low : tier.high + 1] = [tier] * (tier.high - tier.low + 1)
    return tuple(table)


#: The fingerprints of the policies g287 vouches for: those of :data:`g287.REGISTRY`, pinned here
#: so that the types can tell a registered policy without reading the data, and an edit of the
#: announced policy's data cannot pass for it (a test checks the registry against this set).
REGISTERED: Final = frozenset(
    {"sha256:209704a0eb60eb6b6d4e15db528a2c6de87cbdfceae631054617404fca1a15f9"}
)
#: The fields of :class:`Policy` that select an interpretation, in order.
OPTION_FIELDS: Final = tuple(f for f in attrs.fields(Policy) if "interpretation" in f.metadata)
#: The option type (an enum) of each such field, by field name.
OPTION_TYPES: Final[Mapping[str, type[enum.Enum]]] = {
    f.name: type(f.default) for f in OPTION_FIELDS if isinstance(f.default, enum.Enum)
}


def policy_diff(a: Policy, b: Policy) -> tuple[tuple[str, object, object], ...]:
    """List what differs between two policies as ``(where, value in a, value in b)``.

    A selectable interpretation is named by its id (``"I-BAND"``) and shown by option value;
    other parts by their path (``"tiers[0].amount"``).
    """
    for name, policy in (("a", a), ("b", b)):
        instance(policy, Policy, name, "a g287.Policy")
    found: list[tuple[str, object, object]] = []

    def walk(path: str, x: object, y: object) -> None:
        if x == y:
            return
        if attrs.has(type(x)) and type(x) is type(y):
            for field in attrs.fields(type(x)):  # type: ignore[arg-type]
                if field.init:
                    name = field.metadata.get("interpretation") or (
                        f"{path}.{field.name}" if path else field.name
                    )
                    walk(name, getattr(x, field.name), getattr(y, field.name))
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
