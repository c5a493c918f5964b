"""Claims: a roster, payroll and ICE's lead reports turned into what an agency claims, and why.

An agency claims for a period — a month, a quarter, a fiscal year — the salary, benefits and
overtime of its eligible officers (R-SAL, R-OT) and, for a quarter, the performance award
(R-AWD). The interpretations that make this computable are applied here:

* I-WIN: an officer's pay is reimbursable from the latest of the policy's start, the agency's
  agreement date and the officer's training completion, until separation (inclusive).
* I-MODEL: whose pay is reimbursable at all (every 287(g) model, or the Task Force Model only).
* I-DAYS: a pay record's amounts are spread evenly over its calendar days.
* I-CENT: that spread is the largest-remainder split in cents with equal weights, the extra cents
  going to the earliest days. The share of any run of days is computed in closed form, so any
  partition of a record (by window, quarter or claim) sums to the record exactly.
* I-CAPYEAR / I-CAPPRO: each officer's overtime cap runs per fiscal year and is consumed in date
  order: the overtime reimbursed up to a day is ``min(cap, eligible overtime up to that day)``,
  whatever order the records came in.
* I-HEAD: who counts toward the award's "per eligible task force officer".

Claims are for a range inside one fiscal year (the cap's year); claim a longer span year by year.

>>> import datetime
>>> from g287 import Agency, Officer, PayRecord, LeadReport, Model, quarterly_claim
>>> agency = Agency("A1", "Example County", datetime.date(2025, 7, 1), frozenset(Model))
>>> alice = Officer("T-1", Model.TASK_FORCE, datetime.date(2025, 8, 1), "78000")
>>> pay = [PayRecord("T-1", datetime.date(2025, 10, 1), datetime.date(2025, 10, 14),
...                  "3000", "1000", "500")]
>>> leads = LeadReport("FY2026 Q1", provided=20, located=18)
>>> c = quarterly_claim(agency=agency, officers=[alice], payroll=pay, leads=leads,
...                     quarter="FY2026 Q1")
>>> c.lines[0].total, c.award.amount, c.total
(Decimal('4500.00'), Decimal('1000.00'), Decimal('5500.00'))
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

import attrs

from . import _validators as check
from ._resolve import policy_for, quarter_arg
from .award import AwardResult, quarterly_award
from .calendar import DateRange, FiscalQuarter, FiscalYear
from .errors import InvalidInputError, InvalidTypeError
from .explain import Explanation, Step
from .money import ZERO, cents_floor, format_money, from_cents, to_cents, to_count, to_money
from .policy import CapProration, Headcount, Model, Policy

__all__ = [
    "Agency",
    "Claim",
    "LeadReport",
    "Officer",
    "OfficerLine",
    "PayRecord",
    "claim",
    "quarterly_claim",
]


# --- validators and converters ------------------------------------------------------------------


def _models(value: Iterable[Model]) -> frozenset[Model]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"models: {value!r}; expected a set of g287.Model")
    items = list(value)
    if not items or not all(isinstance(m, Model) for m in items):
        raise InvalidInputError(f"models: {items!r}; expected one or more g287.Model")
    return frozenset(items)


def _salary(value: object) -> Decimal:
    return to_money(value, "annual_salary")


def _pay_salary(value: object) -> Decimal:
    return to_money(value, "salary")


def _benefits(value: object) -> Decimal:
    return to_money(value, "benefits")


def _overtime(value: object) -> Decimal:
    return to_money(value, "overtime")


def _quarter(value: object) -> FiscalQuarter:
    return quarter_arg(value)


def _provided(value: object) -> int:
    return to_count(value, "provided")


def _located(value: object) -> int:
    return to_count(value, "located")


# --- inputs ------------------------------------------------------------------------------------


@attrs.frozen
class Agency:
    """A participating agency: its 287(g) agreement date and the models it signed."""

    id: str = attrs.field(validator=check.text())
    name: str = attrs.field(validator=check.text())
    agreement_date: dt.date = attrs.field(validator=check.date)
    models: frozenset[Model] = attrs.field(converter=_models)


@attrs.frozen
class Officer:
    """An officer on the agency's 287(g) roster."""

    id: str = attrs.field(validator=check.text())
    model: Model = attrs.field(validator=check.instance_of(Model, "a g287.Model"))
    #: The day the officer completed 287(g) training.
    trained_on: dt.date = attrs.field(validator=check.date)
    #: Annual base salary: the basis of the overtime cap (I-CAPBASE).
    annual_salary: Decimal = attrs.field(converter=_salary)
    #: The last day of service, if the officer has left (inclusive, I-WIN).
    separated_on: dt.date | None = attrs.field(default=None, validator=check.optional_date)

    def __attrs_post_init__(self) -> None:
        if self.separated_on is not None and self.separated_on < self.trained_on:
            raise InvalidInputError(
                f"officer {self.id}: separated_on {self.separated_on.isoformat()} is before "
                f"trained_on {self.trained_on.isoformat()}; expected separation after training"
            )


@attrs.frozen
class PayRecord:
    """One officer's pay for one pay period, ``start`` … ``end`` inclusive."""

    officer_id: str = attrs.field(validator=check.text())
    start: dt.date = attrs.field(validator=check.date)
    end: dt.date = attrs.field(validator=check.date)
    salary: Decimal = attrs.field(converter=_pay_salary)
    benefits: Decimal = attrs.field(converter=_benefits)
    overtime: Decimal = attrs.field(converter=_overtime)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInputError(
                f"pay record of {self.officer_id}: end {self.end.isoformat()} is before start "
                f"{self.start.isoformat()}; expected end >= start"
            )

    @property
    def period(self) -> DateRange:
        """The pay period as an inclusive :class:`DateRange`."""
        return DateRange(self.start, self.end)


@attrs.frozen
class LeadReport:
    """ICE's account of one quarter: leads provided, leads located, and its judgement of the
    agency's overall assistance (I-ASSIST)."""

    quarter: FiscalQuarter = attrs.field(converter=_quarter)
    provided: int = attrs.field(converter=_provided)
    located: int = attrs.field(converter=_located)
    assistance_satisfactory: bool = attrs.field(default=True, validator=check.boolean)

    def __attrs_post_init__(self) -> None:
        if self.located > self.provided:
            raise InvalidInputError(
                f"lead report {self.quarter}: located {self.located} is more than provided "
                f"{self.provided}; expected located <= provided"
            )


# --- results -----------------------------------------------------------------------------------


_TOTALS = (
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_over_cap",
    "not_eligible",
)
_LINE_AMOUNTS = (*_TOTALS, "cap", "cap_used", "total")


@attrs.frozen
class OfficerLine:
    """What is claimed for one officer over the claim's period, explained."""

    officer_id: str
    model: Model
    #: The officer's eligibility window (I-WIN), or ``None`` if never eligible under the policy.
    window: DateRange | None
    #: Days of the claim's period inside the window.
    eligible_days: int
    #: Whether the officer's pay is reimbursable at all under I-MODEL.
    reimbursable: bool
    salary: Decimal
    benefits: Decimal
    overtime_claimed: Decimal
    overtime_reimbursed: Decimal
    overtime_over_cap: Decimal
    #: The officer's overtime cap for the fiscal year (R-OT, I-CAPPRO).
    cap: Decimal
    #: Overtime reimbursed from the start of the fiscal year to the end of the period.
    cap_used: Decimal
    #: Payroll amounts dated inside the period but outside the window, or excluded by I-MODEL.
    not_eligible: Decimal
    total: Decimal
    explanation: Explanation = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        # The figures must agree (R-SAL, R-OT, I-CAPYEAR), so an edited document is refused.
        check.amounts(self, *_LINE_AMOUNTS)
        check.agree("total", self.total, self.salary + self.benefits + self.overtime_reimbursed)
        check.agree(
            "overtime_claimed",
            self.overtime_claimed,
            self.overtime_reimbursed + self.overtime_over_cap,
        )
        if not self.overtime_reimbursed <= self.cap_used <= self.cap:
            raise InvalidInputError(
                f"officer {self.officer_id}: overtime reimbursed {self.overtime_reimbursed}, cap "
                f"used {self.cap_used} and cap {self.cap} are out of order (R-OT, I-CAPYEAR)"
            )


@attrs.frozen
class Claim:
    """An agency's claim for a period: one line per officer, totals, and for a quarterly claim
    the performance award."""

    agency_id: str
    period: DateRange
    fiscal_year: FiscalYear
    policy_name: str
    policy_fingerprint: str
    lines: tuple[OfficerLine, ...]
    salary: Decimal
    benefits: Decimal
    overtime_claimed: Decimal
    overtime_reimbursed: Decimal
    overtime_over_cap: Decimal
    not_eligible: Decimal
    #: Salary, benefits and reimbursed overtime: the reimbursement total.
    reimbursement: Decimal
    #: The quarter of a quarterly claim, else ``None``.
    quarter: FiscalQuarter | None = None
    award: AwardResult | None = None
    #: The officers counted toward the award (I-HEAD).
    award_officers: tuple[str, ...] = ()
    #: How the totals were reached, rule by rule (each line and the award explain themselves).
    explanation: Explanation = attrs.field(repr=False, kw_only=True)

    @property
    def total(self) -> Decimal:
        """The reimbursement plus the award, if any."""
        return self.reimbursement + (self.award.amount if self.award is not None else ZERO)

    def __attrs_post_init__(self) -> None:
        # Totals are the sums of the lines, and an award belongs to the claimed quarter.
        check.amounts(self, *_TOTALS, "reimbursement")
        for name in _TOTALS:
            check.agree(
                name, getattr(self, name), sum((getattr(x, name) for x in self.lines), ZERO)
            )
        check.agree("reimbursement", self.reimbursement, sum((x.total for x in self.lines), ZERO))
        if self.award is not None and self.award.quarter != self.quarter:
            raise InvalidInputError(
                f"award: it is for {self.award.quarter}, not the claimed {self.quarter}"
            )
        if self.award is not None and self.award.officers != len(self.award_officers):
            raise InvalidInputError(
                f"award_officers: {len(self.award_officers)} listed, but the award counts "
                f"{self.award.officers} (I-HEAD)"
            )

    def __str__(self) -> str:
        return str(self.explanation)

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per officer line (for ``pandas.DataFrame(claim.rows())``)."""
        from .report import claim_rows  # noqa: PLC0415 - report renders claims

        return claim_rows(self)

    def _repr_html_(self) -> str:
        from .html import claim_html  # noqa: PLC0415 - HTML sits at the edge

        return claim_html(self)

    def line(self, officer_id: str) -> OfficerLine:
        """The line of one officer."""
        for line in self.lines:
            if line.officer_id == officer_id:
                return line
        raise InvalidInputError(f"officer_id: {officer_id!r} has no line in this claim")


# --- the engine ---------------------------------------------------------------------------------


def _share(cents: int, days: int, first: int, last: int) -> int:
    """Cents of a ``days``-day record falling on its days ``first`` … ``last`` (0-based, inclusive).

    I-DAYS and I-CENT: each day gets ``cents // days``; the remaining ``cents % days`` cents go one
    each to the earliest days (the largest-remainder method with equal weights, ties to the
    earlier day). Summing this over any partition of the days gives ``cents`` exactly.
    """
    base, extra = divmod(cents, days)
    return (last - first + 1) * base + max(0, min(last + 1, extra) - first)


class _Record(NamedTuple):
    """A pay record prepared for the engine: day ordinals and cents (a tuple, for speed)."""

    start: int
    end: int
    days: int
    salary: int
    benefits: int
    overtime: int

    def part(self, lo: int, hi: int) -> tuple[int, int, int] | None:
        """Salary, benefits and overtime cents on the record's days within ordinals lo … hi."""
        if lo <= self.start and self.end <= hi:  # the common case: the whole record
            return self.salary, self.benefits, self.overtime
        first, last = max(lo, self.start), min(hi, self.end)
        if first > last:
            return None
        a, b = first - self.start, last - self.start
        return (
            _share(self.salary, self.days, a, b),
            _share(self.benefits, self.days, a, b),
            _share(self.overtime, self.days, a, b),
        )


def _prepare(records: Sequence[PayRecord]) -> list[_Record]:
    out = []
    for r in records:
        start, end = r.start.toordinal(), r.end.toordinal()
        out.append(
            _Record(
                start,
                end,
                end - start + 1,
                to_cents(r.salary),
                to_cents(r.benefits),
                to_cents(r.overtime),
            )
        )
    return out


def _validate_inputs(
    agency: object, officers: object, payroll: object
) -> tuple[Agency, tuple[Officer, ...], dict[str, list[PayRecord]]]:
    if not isinstance(agency, Agency):
        raise InvalidTypeError(f"agency: {agency!r} is a {type(agency).__name__}; expected Agency")
    roster = tuple(_each(officers, Officer, "officers"))
    ids: set[str] = set()
    for officer in roster:
        if officer.id in ids:
            raise InvalidInputError(f"officers: officer id {officer.id!r} appears twice")
        ids.add(officer.id)
        if officer.model not in agency.models:
            raise InvalidInputError(
                f"officer {officer.id}: model {officer.model.value} is not among the models "
                f"agency {agency.id} signed ({', '.join(sorted(m.value for m in agency.models))})"
            )
    by_officer: dict[str, list[PayRecord]] = defaultdict(list)
    for record in _each(payroll, PayRecord, "payroll"):
        if record.officer_id not in ids:
            raise InvalidInputError(
                f"pay record {record.start.isoformat()}..{record.end.isoformat()}: officer "
                f"{record.officer_id!r} is not on the roster"
            )
        by_officer[record.officer_id].append(record)
    for officer_id, records in by_officer.items():
        records.sort(key=lambda r: (r.start, r.end))
        for before, after in itertools.pairwise(records):
            if after.start <= before.end:
                raise InvalidInputError(
                    f"pay records of {officer_id}: {before.start.isoformat()}.."
                    f"{before.end.isoformat()} and {after.start.isoformat()}.."
                    f"{after.end.isoformat()} overlap (a double claim)"
                )
    return agency, roster, by_officer


def _each(values: object, kind: type, field: str) -> Iterable[Any]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError(f"{field}: {values!r}; expected an iterable of {kind.__name__}")
    for value in values:
        if not isinstance(value, kind):
            raise InvalidTypeError(
                f"{field}: {value!r} is a {type(value).__name__}; expected {kind.__name__}"
            )
        yield value


def _window(policy: Policy, agency: Agency, officer: Officer) -> DateRange | None:
    """I-WIN: the days the officer's pay is reimbursable, or ``None`` if there are none."""
    start = max(policy.effective_from, agency.agreement_date, officer.trained_on)
    ends = [d for d in (officer.separated_on, policy.effective_until) if d is not None]
    end = min(ends) if ends else dt.date.max
    return DateRange(start, end) if start <= end else None


def _period_arg(period: object) -> DateRange:
    if isinstance(period, DateRange):
        return period
    if isinstance(period, (FiscalQuarter, FiscalYear)):
        return period.range
    if isinstance(period, str):
        text = period.strip().upper()
        return (FiscalQuarter.parse(text) if "Q" in text else FiscalYear.parse(text)).range
    raise InvalidTypeError(
        f"period: {period!r} is a {type(period).__name__}; "
        "expected a DateRange, FiscalQuarter, FiscalYear or text such as 'FY2026 Q1'"
    )


def _cap_cents(policy: Policy, officer: Officer, fy: FiscalYear, window: DateRange | None) -> int:
    """R-OT with I-CAPBASE, I-CAPPRO and I-CENT: the officer's cap for ``fy``, in cents."""
    share = Fraction(officer.annual_salary) * policy.overtime_cap.fraction
    if policy.overtime_cap.proration is CapProration.BY_ELIGIBLE_DAYS:
        inside = window.intersection(fy.range) if window is not None else None
        share *= Fraction(inside.days if inside else 0, fy.days)
    return to_cents(cents_floor(share))


def _line(  # noqa: PLR0917 - a private helper called from one place
    policy: Policy,
    agency: Agency,
    officer: Officer,
    records: list[_Record],
    period: DateRange,
    fy: FiscalYear,
) -> OfficerLine:
    window = _window(policy, agency, officer)
    reimbursable = officer.model in policy.model_scope.models
    p_lo, p_hi = period.start.toordinal(), period.end.toordinal()
    if window is not None and reimbursable:
        w_lo, w_hi = window.start.toordinal(), window.end.toordinal()
    else:  # an empty window: nothing is eligible
        w_lo, w_hi = 1, 0
    e_lo, e_hi = max(p_lo, w_lo), min(p_hi, w_hi)
    fy_lo = fy.start.toordinal()

    salary = benefits = overtime = in_period = ot_before = 0
    for rec in records:
        whole = rec.part(p_lo, p_hi)
        if whole is not None:
            in_period += sum(whole)
        part = rec.part(e_lo, e_hi)
        if part is not None:
            salary += part[0]
            benefits += part[1]
            overtime += part[2]
        # I-CAPYEAR: eligible overtime earlier in the fiscal year consumes the cap first.
        earlier = rec.part(max(fy_lo, w_lo), min(p_lo - 1, w_hi))
        if earlier is not None:
            ot_before += earlier[2]
    # An officer whose pay is not reimbursable (I-MODEL) has no overtime cap to use.
    cap = _cap_cents(policy, officer, fy, window) if reimbursable else 0
    used_before = min(cap, ot_before)
    used = min(cap, ot_before + overtime)
    reimbursed = used - used_before
    eligible_days = max(0, e_hi - e_lo + 1)
    not_eligible = in_period - salary - benefits - overtime
    total = salary + benefits + reimbursed

    m = from_cents
    money = format_money
    cite = policy.citation
    steps = [
        Step(
            "I-WIN",
            "eligible from the latest of policy start, agreement and training, until separation",
            str(window) if window else "never eligible",
            cite("I-WIN"),
            {
                "policy_start": policy.effective_from,
                "agreement": agency.agreement_date,
                "trained": officer.trained_on,
                "separated": officer.separated_on,
            },
        ),
        Step(
            "I-MODEL",
            f"{officer.model.value} officers' pay is "
            f"{'reimbursable' if reimbursable else 'not reimbursable'} "
            f"({policy.model_scope.value})",
            "included" if reimbursable else "excluded",
            cite("I-MODEL"),
            {"model": officer.model.value},
        ),
        Step(
            "I-DAYS",
            "pay records spread evenly over their days, cents by largest remainder "
            "(I-CENT); days of the period inside the window",
            f"{eligible_days} days",
            cite("I-DAYS"),
            {"period": period, "records": len(records)},
        ),
        Step(
            "R-SAL",
            "salary for eligible days, reimbursed in full",
            money(m(salary)),
            cite("R-SAL"),
            {},
        ),
        Step(
            "R-SAL",
            "benefits for eligible days, reimbursed in full",
            money(m(benefits)),
            cite("R-SAL"),
            {},
        ),
        Step(
            "R-OT",
            f"overtime cap for {fy}: {policy.overtime_cap.percent}% of annual base "
            f"salary (I-CAPBASE), {policy.overtime_cap.proration.value} proration (I-CAPPRO), "
            "rounded down (I-CENT)",
            money(m(cap)),
            cite("R-OT"),
            {"annual_salary": money(officer.annual_salary)},
        ),
        Step(
            "I-CAPYEAR",
            "overtime reimbursed = cap left after earlier overtime this fiscal year",
            money(m(reimbursed)),
            cite("I-CAPYEAR"),
            {"overtime": money(m(overtime)), "cap_used_before": money(m(used_before))},
        ),
    ]
    explanation = Explanation(f"{officer.id} {period}", money(m(total)), steps)
    return OfficerLine(
        officer.id,
        officer.model,
        window,
        eligible_days,
        reimbursable,
        m(salary),
        m(benefits),
        m(overtime),
        m(reimbursed),
        m(overtime - reimbursed),
        m(cap),
        m(used),
        m(not_eligible),
        m(total),
        explanation,
    )


def claim(
    *,
    agency: Agency,
    officers: Iterable[Officer],
    payroll: Iterable[PayRecord],
    period: DateRange | FiscalQuarter | FiscalYear | str,
    policy: Policy | None = None,
) -> Claim:
    """The reimbursement claim of an agency for a period inside one fiscal year.

    Args:
        agency: the agency claiming.
        officers: its 287(g) roster (ids unique; each officer's model one the agency signed).
        payroll: pay records of rostered officers, in any order, none overlapping for one
            officer. Records of the whole fiscal year up to the period's end should be given:
            the overtime cap is consumed by earlier overtime (I-CAPYEAR).
        period: a :class:`DateRange`, :class:`FiscalQuarter`, :class:`FiscalYear` or their text.
        policy: the policy to apply; ``None`` for the one in force on the period's first day.

    Raises:
        InvalidTypeError, InvalidInputError: for bad inputs, naming the record.
        NotInEffectError: for a period starting before 2025-10-01 (R-EFF).
    """
    span = _period_arg(period)
    pol = policy_for(policy, span)
    fy = FiscalYear.containing(span.start)
    if span.end > fy.end:
        raise InvalidInputError(
            f"period: {span} spans more than {fy}; claim one fiscal year at a time (I-CAPYEAR)"
        )
    ag, roster, by_officer = _validate_inputs(agency, officers, payroll)
    lines = tuple(
        _line(pol, ag, officer, _prepare(by_officer.get(officer.id, [])), span, fy)
        for officer in roster
    )
    return _build(ag, pol, span, fy, lines, None)


def _build(  # noqa: PLR0917 - a private helper
    agency: Agency,
    policy: Policy,
    span: DateRange,
    fy: FiscalYear,
    lines: tuple[OfficerLine, ...],
    award: tuple[FiscalQuarter, AwardResult, tuple[str, ...]] | None,
) -> Claim:
    def total(name: str) -> Decimal:
        return sum((getattr(line, name) for line in lines), ZERO)

    money = format_money
    cite = policy.citation
    salary, benefits = total("salary"), total("benefits")
    claimed, reimbursed = total("overtime_claimed"), total("overtime_reimbursed")
    reimbursement = total("total")
    steps = [
        Step(
            "R-EFF",
            f"period {span} begins inside the policy period",
            "in force",
            cite("R-EFF"),
            {"period": span},
        ),
        Step(
            "I-CAPYEAR",
            "the period lies in one fiscal year, whose overtime caps apply",
            str(fy),
            cite("I-CAPYEAR"),
            {"fiscal_year": fy},
        ),
        Step(
            "R-SAL",
            "salary for every officer's eligible days (I-WIN, I-MODEL, I-DAYS)",
            money(salary),
            cite("R-SAL"),
            {"officers": len(lines)},
        ),
        Step(
            "R-SAL",
            "benefits for every officer's eligible days",
            money(benefits),
            cite("R-SAL"),
            {"officers": len(lines)},
        ),
        Step(
            "R-OT",
            "overtime reimbursed within each officer's cap",
            money(reimbursed),
            cite("R-OT"),
            {"overtime_claimed": money(claimed), "over_cap": money(total("overtime_over_cap"))},
        ),
    ]
    quarter, result, counted = award if award is not None else (None, None, ())
    figure = reimbursement
    if result is not None:
        figure += result.amount
        rule = result.tier.rule_id if result.tier is not None else "R-AWD"
        steps.append(
            Step(
                rule,
                f"performance award: {result.reason}",
                money(result.amount),
                cite(rule),
                {"officers_counted": len(counted)},
            )
        )
    title = f"Claim of agency {agency.id} for {quarter or span}"
    return Claim(
        agency.id,
        span,
        fy,
        policy.name,
        policy.fingerprint,
        lines,
        salary,
        benefits,
        claimed,
        reimbursed,
        total("overtime_over_cap"),
        total("not_eligible"),
        reimbursement,
        quarter,
        result,
        counted,
        explanation=Explanation(title, money(figure), steps),
    )


def quarterly_claim(
    *,
    agency: Agency,
    officers: Iterable[Officer],
    payroll: Iterable[PayRecord],
    leads: LeadReport,
    quarter: FiscalQuarter | str,
    policy: Policy | None = None,
) -> Claim:
    """The claim for one fiscal quarter: reimbursement plus the performance award (R-AWD).

    The award's officer count follows I-HEAD: Task Force Model officers eligible (I-WIN) on the
    quarter's last day, or on any day of it, as the policy chooses.

    Raises:
        InvalidInputError: also when ``leads`` is for another quarter.
    """
    q = quarter_arg(quarter)
    if not isinstance(leads, LeadReport):
        raise InvalidTypeError(
            f"leads: {leads!r} is a {type(leads).__name__}; expected a LeadReport"
        )
    if leads.quarter != q:
        raise InvalidInputError(f"leads: the report is for {leads.quarter}, not the claimed {q}")
    roster = tuple(_each(officers, Officer, "officers"))
    base = claim(agency=agency, officers=roster, payroll=payroll, period=q, policy=policy)
    pol = policy_for(policy, q)
    counted = tuple(
        o.id for o in roster if o.model is Model.TASK_FORCE and _counts(pol, agency, o, q)
    )
    award = quarterly_award(
        located=leads.located,
        provided=leads.provided,
        officers=len(counted),
        quarter=q,
        policy=pol,
        assistance_satisfactory=leads.assistance_satisfactory,
    )
    return _build(agency, pol, base.period, base.fiscal_year, base.lines, (q, award, counted))


def _counts(policy: Policy, agency: Agency, officer: Officer, q: FiscalQuarter) -> bool:
    """I-HEAD: whether a Task Force Model officer counts toward the quarter's award."""
    window = _window(policy, agency, officer)
    if window is None:
        return False
    if policy.award_schedule.headcount is Headcount.LAST_DAY:
        return q.end in window
    return window.intersection(q.range) is not None
