"""Claims: a roster, payroll and ICE's lead reports turned into what an agency claims, and why.

An agency claims for a period — a month, a quarter, a fiscal year — the salary, benefits and
overtime of its eligible officers (R-SAL, R-OT) and, for a quarter, the performance award
(R-AWD). The interpretations that make this computable are applied here:

* I-WIN: an officer's pay is reimbursable from the latest of the policy's start, the agency's
  agreement date and the officer's training completion, until separation (inclusive).
* I-MODEL: whose pay is reimbursable at all.
* I-DAYS and I-CENT: a pay record's amounts are spread evenly over its calendar days, in whole
  cents by the largest-remainder method (the cents engine, ``g287._ledger``).
* I-CAPYEAR and I-CAPPRO: each officer's overtime cap runs per fiscal year and is consumed in
  date order.
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
import functools
import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import attrs

from . import _history, _ledger, html
from ._validators import (
    Value,
    check_with,
    instance,
    of_type,
    to_bool,
    to_count,
    tuple_of,
    type_error,
    validator,
)
from .announced import policy_for
from .award import AwardResult, quarterly_award
from .calendar import DateRange, FiscalQuarter, FiscalYear, period_name, to_period, to_quarter
from .errors import InvalidInputError
from .explain import Explanation, Step
from .filings import Adjustment, FiledLine, FiledRecord, Filing
from .inputs import (
    Agency,
    LeadReport,
    Officer,
    PayRecord,
    Payroll,
    each_of,
    eligibility_days,
    eligibility_window,
    located_problems,
    payroll_coverage,
    window_text,
)
from .money import (
    MAX_CENTS,
    MAX_MONEY,
    cents,
    format_money,
    format_percent,
    from_cents,
    valid_money,
)
from .policy import Headcount, Model, Policy
from .reimbursement import cap_cents

__all__ = [
    "LINE_COLUMNS",
    "LINE_LABELS",
    "Claim",
    "OfficerLine",
    "claim",
    "quarterly_claim",
]

# --- results ------------------------------------------------------------------------------------


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class OfficerLine(Value):
    """What is claimed for one officer over the claim's period, explained."""

    officer: Officer = attrs.field(metadata=check_with(of_type(Officer, "an Officer")))
    agency: Agency = attrs.field(metadata=check_with(of_type(Agency, "an Agency")), repr=False)
    policy: Policy = attrs.field(metadata=check_with(of_type(Policy, "a g287.Policy")), repr=False)
    period: DateRange = attrs.field(metadata=check_with(of_type(DateRange, "a DateRange")))
    #: How many pay records of the officer were given.
    records: int = attrs.field(metadata=check_with(validator(to_count)))
    salary: Decimal = attrs.field(metadata=check_with(valid_money))
    benefits: Decimal = attrs.field(metadata=check_with(valid_money))
    overtime_claimed: Decimal = attrs.field(metadata=check_with(valid_money))
    overtime_reimbursed: Decimal = attrs.field(metadata=check_with(valid_money))
    #: The officer's overtime cap for the fiscal year (R-OT, I-CAPPRO).
    overtime_cap: Decimal = attrs.field(metadata=check_with(valid_money))
    #: Overtime reimbursed in the fiscal year before the period (I-CAPYEAR).
    cap_used_before: Decimal = attrs.field(metadata=check_with(valid_money))
    #: Payroll amounts dated inside the period but outside the window, or excluded by I-MODEL.
    not_eligible: Decimal = attrs.field(metadata=check_with(valid_money))
    # The amounts in whole cents, in the order of _FIGURES, read once (derived, so not part of
    # equality, hashing, repr or JSON).
    _figures: tuple[int, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def _check(self) -> None:
        self.__dict__["_figures"] = tuple(cents(getattr(self, name)) for name in _FIGURES)

    @classmethod
    def _of_cents(
        cls,
        *,
        officer: Officer,
        agency: Agency,
        policy: Policy,
        period: DateRange,
        records: int,
        figures: tuple[int, int, int, int, int, int, int],
    ) -> OfficerLine:
        """The line of the claims engine's figures: salary, benefits, overtime claimed and
        reimbursed, the cap, the cap used before and not eligible, in whole cents. Equal to
        ``OfficerLine(...)`` of them as amounts: the objects are the engine's own, and whole
        cents are amounts once within range, which is all that is checked here (a national
        claim makes ten thousand lines). Out of range, the constructor refuses them."""
        if min(figures) < 0 or max(figures) > MAX_CENTS:
            amounts = dict(zip(_FIGURES, map(from_cents, figures), strict=True))
            return cls(
                officer=officer,
                agency=agency,
                policy=policy,
                period=period,
                records=records,
                **amounts,
            )
        line = object.__new__(cls)
        line.__dict__.update(
            zip(_FIGURES, map(from_cents, figures), strict=True),
            officer=officer,
            agency=agency,
            policy=policy,
            period=period,
            records=records,
            _figures=figures,
        )
        return line

    @property
    def officer_id(self) -> str:
        """The officer's id."""
        return self.officer.id

    @property
    def model(self) -> Model:
        """The officer's 287(g) model."""
        return self.officer.model

    @property
    def fiscal_year(self) -> FiscalYear:
        """The fiscal year whose cap applies (I-CAPYEAR)."""
        return FiscalYear.containing(self.period.start)

    @property
    def window(self) -> DateRange | None:
        """The officer's eligibility window (I-WIN), or ``None`` if never eligible."""
        return eligibility_window(self.policy, self.agency, self.officer)

    @property
    def reimbursable(self) -> bool:
        """Whether the officer's pay is reimbursable at all under I-MODEL."""
        return self.policy.model_scope.covers(self.officer.model)

    @property
    def eligible_days(self) -> int:
        """Days of the claim's period inside the window (none if not reimbursable)."""
        window = eligibility_days(self.policy, self.agency, self.officer)
        if window is None or not self.reimbursable:
            return 0
        first, last = max(window[0], self.period.start), min(window[1], self.period.end)
        return (last - first).days + 1 if first <= last else 0

    @property
    def overtime_over_cap(self) -> Decimal:
        """Overtime claimed in the period beyond what the cap left: not reimbursed (R-OT)."""
        _, _, claimed, reimbursed, _, _, _ = self._figures
        return from_cents(claimed - reimbursed)

    @property
    def cap_used(self) -> Decimal:
        """Overtime reimbursed from the start of the fiscal year to the end of the period."""
        _, _, _, reimbursed, _, before, _ = self._figures
        return from_cents(before + reimbursed)

    @property
    def total(self) -> Decimal:
        """Salary, benefits and reimbursed overtime: what the line claims."""
        salary, benefits, _, reimbursed, _, _, _ = self._figures
        return from_cents(salary + benefits + reimbursed)

    @property
    def explanation(self) -> Explanation:
        """How the line was reached, rule by rule, with the quoted source."""
        return _explain_line(self)

    def __str__(self) -> str:
        return str(self.explanation)

    def as_row(self) -> dict[str, object]:
        """The line as one flat row of exact values (CSV, HTML, pandas)."""
        officer = self.officer
        return {
            "officer_id": officer.id,
            "model": officer.model.value,
            "eligible_days": self.eligible_days,
            "salary": self.salary,
            "benefits": self.benefits,
            "overtime_claimed": self.overtime_claimed,
            "overtime_reimbursed": self.overtime_reimbursed,
            "overtime_over_cap": self.overtime_over_cap,
            "overtime_cap": self.overtime_cap,
            "cap_used": self.cap_used,
            "not_eligible": self.not_eligible,
            "total": self.total,
        }

    def _repr_html_(self) -> str:
        return _line_html(self)


#: The amounts of a line, in the order :meth:`OfficerLine._of_cents` takes their cents.
_FIGURES = (
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_cap",
    "cap_used_before",
    "not_eligible",
)

#: The columns of a line's :meth:`~g287.OfficerLine.as_row`, in order.
LINE_COLUMNS: tuple[str, ...] = (
    "officer_id",
    "model",
    "eligible_days",
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_over_cap",
    "overtime_cap",
    "cap_used",
    "not_eligible",
    "total",
)

#: The header a person reads over each column of :data:`LINE_COLUMNS`, in notebook views and
#: reports: what the figure is, not how it is stored.
LINE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "officer_id": "officer",
        "model": "model",
        "eligible_days": "days",
        "salary": "salary",
        "benefits": "benefits",
        "overtime_claimed": "OT claimed",
        "overtime_reimbursed": "OT reimbursable",
        "overtime_over_cap": "OT over cap",
        "overtime_cap": "FY cap",
        "cap_used": "cap used this FY",
        "not_eligible": "not eligible",
        "total": "total",
    }
)


#: The line amounts a claim adds up.
_SUMMED = (
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_over_cap",
    "not_eligible",
    "total",
)


def _payroll(value: Iterable[PayRecord] | None) -> Payroll | None:
    return None if value is None else Payroll.of(value)


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class Claim(Value):
    """An agency's claim for a period: one line per officer, totals, and for a quarterly claim
    the performance award."""

    agency: Agency = attrs.field(metadata=check_with(of_type(Agency, "an Agency")))
    policy: Policy = attrs.field(metadata=check_with(of_type(Policy, "a g287.Policy")), repr=False)
    period: DateRange = attrs.field(metadata=check_with(of_type(DateRange, "a DateRange")))
    lines: tuple[OfficerLine, ...] = attrs.field(
        metadata=check_with(tuple_of(OfficerLine, "OfficerLine")), repr=False
    )
    #: The quarter of a quarterly claim, else ``None``.
    quarter: FiscalQuarter | None = attrs.field(
        default=None,
        metadata=check_with(attrs.validators.optional(of_type(FiscalQuarter, "a quarter"))),
    )
    award: AwardResult | None = attrs.field(
        default=None,
        metadata=check_with(attrs.validators.optional(of_type(AwardResult, "an award"))),
    )
    #: The officers counted toward the award (I-HEAD).
    award_officers: tuple[str, ...] = attrs.field(
        default=(), metadata=check_with(tuple_of(str, "ids"))
    )
    #: The pay records the claim read (those of its officers from the start of the fiscal year
    #: to the end of the period), or ``None`` for a document written without its inputs.
    payroll: Payroll | None = attrs.field(default=None, converter=_payroll, repr=False)
    #: ICE's lead report of a quarterly claim (its input), or ``None``.
    leads: LeadReport | None = attrs.field(
        default=None,
        metadata=check_with(attrs.validators.optional(of_type(LeadReport, "a LeadReport"))),
    )
    #: The earlier filings of the fiscal year the claim continues (its input).
    prior: tuple[Filing, ...] = attrs.field(
        default=(), metadata=check_with(tuple_of(Filing, "Filing"))
    )
    #: Corrections to earlier, filed periods the claim carries (I-ADJUST).
    adjustments: tuple[Adjustment, ...] = attrs.field(
        default=(), metadata=check_with(tuple_of(Adjustment, "Adjustment")), repr=False
    )
    #: Whether the caller stated that no overtime was paid on days before the period that
    #: neither the payroll nor a prior filing covers (``assume_no_earlier_overtime``).
    assumed_no_earlier_overtime: bool = attrs.field(
        default=False, metadata=check_with(validator(to_bool))
    )

    @property
    def agency_id(self) -> str:
        """The claiming agency's id."""
        return self.agency.id

    @property
    def fiscal_year(self) -> FiscalYear:
        """The fiscal year the period lies in (I-CAPYEAR)."""
        return FiscalYear.containing(self.period.start)

    @property
    def policy_fingerprint(self) -> str:
        """The fingerprint of the policy applied: which variant produced the figures."""
        return self.policy.fingerprint

    # The lines' amounts added up in cents, once, in the order of _SUMMED (derived, so not
    # part of equality, hashing, repr or JSON).
    _sums: tuple[int, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def _check(self) -> None:
        figures = [line._figures for line in self.lines]
        salary, benefits, claimed, reimbursed, not_eligible = (
            sum(map(operator.itemgetter(_FIGURES.index(name)), figures))
            for name in (
                "salary",
                "benefits",
                "overtime_claimed",
                "overtime_reimbursed",
                "not_eligible",
            )
        )
        # A line's overtime over the cap and total derive from its fields, so their sums do
        # from the sums: exact integer arithmetic, as each line's own.
        sums = (
            salary,
            benefits,
            claimed,
            reimbursed,
            claimed - reimbursed,
            not_eligible,
            salary + benefits + reimbursed,
        )
        for name, total in zip(_SUMMED, sums, strict=True):
            if total > MAX_CENTS:
                raise InvalidInputError.about(
                    name,
                    from_cents(total),
                    f"is the claim's total, above {format_money(MAX_MONEY)}, the largest amount "
                    "g287 accepts; claim fewer officers at a time",
                )
        object.__setattr__(self, "_sums", sums)

    @property
    def salary(self) -> Decimal:
        """Salary of every line."""
        return from_cents(self._sums[0])

    @property
    def benefits(self) -> Decimal:
        """Benefits of every line."""
        return from_cents(self._sums[1])

    @property
    def overtime_claimed(self) -> Decimal:
        """Overtime claimed on every line."""
        return from_cents(self._sums[2])

    @property
    def overtime_reimbursed(self) -> Decimal:
        """Overtime reimbursed on every line (within each officer's cap)."""
        return from_cents(self._sums[3])

    @property
    def overtime_over_cap(self) -> Decimal:
        """Overtime over the cap on every line."""
        return from_cents(self._sums[4])

    @property
    def not_eligible(self) -> Decimal:
        """Payroll amounts in the period that are not eligible, on every line."""
        return from_cents(self._sums[5])

    @property
    def reimbursement(self) -> Decimal:
        """Salary, benefits and reimbursed overtime of every line."""
        return from_cents(self._sums[6])

    @property
    def adjustment(self) -> Decimal:
        """What the adjustments to earlier periods add (negative: take back), I-ADJUST."""
        return from_cents(sum(cents(a.total) for a in self.adjustments))

    @property
    def total(self) -> Decimal:
        """The reimbursement, plus the adjustments to earlier periods, plus the award."""
        award = cents(self.award.amount) if self.award is not None else 0
        return from_cents(cents(self.reimbursement) + cents(self.adjustment) + award)

    @property
    def name(self) -> str:
        """The period as people name it: ``FY2026 Q1``, ``FY2026``, or its days."""
        return period_name(self.period)

    def recompute(self) -> Claim:
        """The claim computed again from the inputs it holds (agency, the officers of its
        lines, payroll, policy, lead report, prior filings and statement): equal to it unless
        a figure was edited. Raises for a claim written without its inputs."""
        if self.payroll is None:
            raise InvalidInputError(
                "payroll: the claim was written without its inputs (inputs=False); it cannot "
                "be recomputed",
                field="payroll",
                value=None,
            )
        kw: dict[str, object] = {
            "agency": self.agency,
            "officers": [line.officer for line in self.lines],
            "payroll": self.payroll,
            "policy": self.policy,
            "allow_empty": True,
            "prior": self.prior,
            "assume_no_earlier_overtime": self.assumed_no_earlier_overtime,
        }
        if self.quarter is not None and self.leads is not None:
            return quarterly_claim(leads=self.leads, quarter=self.quarter, **kw)  # type: ignore[arg-type]
        return _compute(span=self.period, **kw)

    def __getstate__(self) -> dict[str, object]:
        # The filing made once (below) is not part of the value: a pickle leaves it out.
        return {k: v for k, v in self.__dict__.items() if k != "filing"}

    @functools.cached_property
    def filing(self) -> Filing:
        """The claim as a later claim of the fiscal year reads it (``prior=``): what it claimed
        for each officer and period, and the days its payroll covered. Made once (a claim does
        not change), as each later claim of the year reads it again."""
        if self.payroll is None:
            raise InvalidInputError.about(
                "payroll", None, "is not in this claim (written without inputs); no filing"
            )
        lines = [
            FiledLine(
                officer_id=line.officer_id,
                period=self.period,
                salary=line.salary,
                benefits=line.benefits,
                overtime_claimed=line.overtime_claimed,
                overtime_reimbursed=line.overtime_reimbursed,
            )
            for line in self.lines
        ]
        start, end = self.period.start, self.period.end
        p = self.payroll
        edges = tuple(
            FiledRecord(
                officer_id=p.officer_ids[i],
                start=p.starts[i],
                end=p.ends[i],
                salary=from_cents(p.salary_cents[i]),
                benefits=from_cents(p.benefits_cents[i]),
                overtime=from_cents(p.overtime_cents[i]),
            )
            for i, (first, last, adjusted) in enumerate(
                zip(p.starts, p.ends, p.adjusted, strict=True)
            )
            if not adjusted and first <= end and last >= start and (first < start or last > end)
        )
        return Filing(
            agency_id=self.agency_id,
            period=self.period,
            policy_fingerprint=self.policy_fingerprint,
            coverage=payroll_coverage(self.payroll),
            lines=tuple(lines + [a.filed_line() for a in self.adjustments]),
            edges=edges,
            continued=tuple(f.period for f in self.prior),
        )

    @property
    def explanation(self) -> Explanation:
        """How the totals were reached, rule by rule (each line and the award explain
        themselves)."""
        return _explain_claim(self)

    def __str__(self) -> str:
        return str(self.explanation)

    def line(self, officer_id: str) -> OfficerLine:
        """The line of one officer."""
        for line in self.lines:
            if line.officer_id == officer_id:
                return line
        raise InvalidInputError.about("officer_id", officer_id, "has no line in this claim")

    def as_row(self) -> dict[str, object]:
        """The claim's totals as one flat row of exact values."""
        return {
            "agency_id": self.agency_id,
            "period": str(self.period),
            "quarter": str(self.quarter) if self.quarter else None,
            "fiscal_year": str(self.fiscal_year),
            "salary": self.salary,
            "benefits": self.benefits,
            "overtime_claimed": self.overtime_claimed,
            "overtime_reimbursed": self.overtime_reimbursed,
            "overtime_over_cap": self.overtime_over_cap,
            "not_eligible": self.not_eligible,
            "reimbursement": self.reimbursement,
            "adjustment": self.adjustment,
            "award": self.award.amount if self.award is not None else None,
            "total": self.total,
            "assumed_no_earlier_overtime": self.assumed_no_earlier_overtime,
            "policy": self.policy.label,
            "policy_fingerprint": self.policy_fingerprint,
        }

    def line_totals(self) -> dict[str, object]:
        """The row under the claim's lines, by column of :data:`LINE_COLUMNS`.

        What adds up is added (days, salary, benefits, overtime, not eligible; ``total`` is the
        reimbursement); a fiscal-year cap and the cap used are per officer, so they are
        ``None``.
        """
        return {
            "officer_id": "TOTAL",
            "model": None,
            "eligible_days": sum(line.eligible_days for line in self.lines),
            "salary": self.salary,
            "benefits": self.benefits,
            "overtime_claimed": self.overtime_claimed,
            "overtime_reimbursed": self.overtime_reimbursed,
            "overtime_over_cap": self.overtime_over_cap,
            "overtime_cap": None,
            "cap_used": None,
            "not_eligible": self.not_eligible,
            "total": self.reimbursement,
        }

    def _repr_html_(self) -> str:
        return _claim_html(self)


# --- computing -----------------------------------------------------------------------------------


def _window_and_cap(
    policy: Policy, agency: Agency, officer: Officer, fy: FiscalYear
) -> tuple[tuple[int, int], int]:
    """I-WIN, I-MODEL, R-OT: the officer's reimbursable days (as ordinals) and cap in cents."""
    days = eligibility_days(policy, agency, officer)
    if days is None or not policy.model_scope.covers(officer.model):
        return _ledger.EMPTY, 0  # nothing is eligible, and there is no cap to use (I-MODEL)
    lo, hi = days[0].toordinal(), days[1].toordinal()
    inside = max(0, min(hi, fy.end.toordinal()) - max(lo, fy.start.toordinal()) + 1)
    return (lo, hi), cap_cents(officer.annual_salary, policy, _part_of_year(inside, fy.days))


@functools.lru_cache(maxsize=1024)
def _part_of_year(days: int, of: int) -> Fraction:
    """``days`` of a year of ``of`` days (I-CAPPRO): a few hundred distinct ones, made once."""
    return Fraction(days, of)


def _uncovered(  # noqa: PLR0917 - the claim's inputs the check reads
    roster: tuple[Officer, ...],
    policy: Policy,
    agency: Agency,
    segments: list[tuple[int, int, DateRange | None]],
    covered: tuple[int, int],
    period_start: dt.date,
) -> InvalidInputError | None:
    """The first officer eligible on days before the period that neither the payroll nor a
    filing covers, as the error refusing the claim (I-CAPYEAR: the cap's use is unknown)."""
    gaps: list[tuple[int, int]] = []
    for lo, hi, filed in segments:
        if filed is None:
            gaps += _history.without([(lo, hi)], covered)
    for officer in roster:
        window = eligibility_days(policy, agency, officer)
        if window is None or not policy.model_scope.covers(officer.model):
            continue
        if window[1] < period_start:  # gone before the period: the cap's use changes nothing
            continue
        for lo, hi in gaps:
            first, last = _history.clip(lo, hi, (window[0].toordinal(), window[1].toordinal()))
            if first <= last:
                start, end = dt.date.fromordinal(first), dt.date.fromordinal(last)
                return InvalidInputError(
                    f"{officer.id}: eligible from {window[0].isoformat()} but neither payroll "
                    f"nor prior filings cover {start.isoformat()} to {end.isoformat()}; give the "
                    "earlier payroll or prior claims, or state that no overtime was paid then "
                    "(assume_no_earlier_overtime=True; --assume-no-earlier-overtime)",
                    field="payroll",
                    value=officer.id,
                )
    return None


def _line(  # noqa: PLR0917 - one officer's line, from the claim's own inputs
    policy: Policy,
    agency: Agency,
    officer: Officer,
    records: tuple[list[_ledger.Record], list[_ledger.Record]],
    period_and_year: tuple[DateRange, FiscalYear],
    history: tuple[list[tuple[int, int, DateRange | None]], tuple[int, int], _history.Known],
) -> tuple[OfficerLine, list[Adjustment]]:
    period, fy = period_and_year
    run, cap = _window_and_cap(policy, agency, officer, fy)
    ordinary, corrections = records
    segments, covered, known = history
    earlier, adjustments = _history.officer_history(
        officer.id, ordinary, corrections, run, cap, segments, covered, known
    )
    salary, benefits, overtime, reimbursed, used_before, not_eligible = _ledger.officer_figures(
        ordinary + corrections, _history.days_of(period), run, cap, earlier
    )
    if min(salary, benefits, overtime, not_eligible) < 0:
        raise InvalidInputError.about(
            "payroll",
            officer.id,
            f"has adjustment records that take the pay of {period_name(period)} below zero; "
            "an adjustment may correct pay, not make it negative",
        )
    line = OfficerLine._of_cents(
        officer=officer,
        agency=agency,
        policy=policy,
        period=period,
        records=len(ordinary) + len(corrections),
        figures=(salary, benefits, overtime, reimbursed, cap, used_before, not_eligible),
    )
    return line, adjustments


def _inputs(
    agency: object, officers: object, payroll: object, span: DateRange, allow_empty: object
) -> tuple[Agency, tuple[Officer, ...], Payroll]:
    """The agency, roster and the pay records a claim reads, checked across each other."""
    ag = instance(agency, Agency, "agency", "an Agency")
    roster = each_of(officers, Officer, "officers")
    records = Payroll.of(payroll)  # type: ignore[arg-type]  # checked there
    if not records._checked_with(ag, roster):  # as a file reader checked them, or check now
        for _, problem in located_problems(ag, roster, records):
            raise problem
    used = records._between(FiscalYear.containing(span.start).start, span.end)
    empty_allowed = to_bool(allow_empty, "allow_empty")
    if not empty_allowed and not any(map(operator.ge, used.ends, itertools.repeat(span.start))):
        raise InvalidInputError(
            f"payroll: no pay records in {period_name(span)}; give the period's payroll, or say "
            "the agency truly paid its officers nothing in it (allow_empty=True; on the "
            "command line --allow-empty-payroll)",
            field="payroll",
            value=(),
        )
    return ag, roster, used


def _filings(
    prior: object, agency: Agency, policy: Policy, span: DateRange, roster: tuple[Officer, ...]
) -> tuple[Filing, ...]:
    """The earlier filings, checked against the new claim and each other, in date order."""
    if isinstance(prior, (str, bytes)) or not isinstance(prior, Iterable):
        raise type_error("prior", prior, "an iterable of Claim or Filing")
    filings = []
    for item in prior:
        if isinstance(item, Claim):
            filings.append(_verified_filing(item))
        else:
            filings.append(instance(item, Filing, "prior", "a Claim or Filing"))
    filings.sort(key=lambda f: f.period.start)
    _fit(filings, agency, policy, span)
    _consistent(filings, roster)
    return tuple(filings)


def _fit(filings: list[Filing], agency: Agency, policy: Policy, span: DateRange) -> None:
    """Each filing is one the new claim can continue: same agency, year and policy, earlier."""
    fy = FiscalYear.containing(span.start)
    for f in filings:
        name = period_name(f.period)
        if f.agency_id != agency.id:
            raise InvalidInputError.about(
                "prior", name, f"is a filing of agency {f.agency_id!r}, not {agency.id!r}"
            )
        if FiscalYear.containing(f.period.start) != fy:
            raise InvalidInputError.about("prior", name, f"is not of {fy}, the claim's year")
        if f.policy_fingerprint != policy.fingerprint:
            raise InvalidInputError.about(
                "prior",
                name,
                f"was filed under the policy {f.policy_fingerprint}, the claim is under "
                f"{policy.fingerprint} ({policy.label}); one fiscal year is filed under one policy",
            )
        if f.period.end >= span.start:
            raise InvalidInputError.about(
                "prior", name, f"does not end before {period_name(span)}, the period claimed"
            )


def _consistent(filings: list[Filing], roster: tuple[Officer, ...]) -> None:
    """The filings are one fiscal year's so far: apart, complete, of the roster's officers."""
    for before, after in itertools.pairwise(filings):
        if after.period.start <= before.period.end:
            raise InvalidInputError.about(
                "prior",
                period_name(after.period),
                f"overlaps the filing for {period_name(before.period)}; each day is filed once",
            )
    periods = {f.period for f in filings}
    rostered = {o.id for o in roster}
    for f in filings:
        missing = [p for p in (*f.continued, *f.adjusted) if p not in periods]
        if missing:
            raise InvalidInputError.about(
                "prior",
                period_name(f.period),
                f"continued {period_name(missing[0])}, whose filing is not given; give every "
                "filing of the fiscal year so far",
            )
        absent = sorted({x.officer_id for x in f.lines} - rostered)
        if absent:
            raise InvalidInputError.about(
                "prior",
                period_name(f.period),
                f"claimed for {', '.join(map(repr, absent[:5]))}, not on the roster; the roster "
                "keeps every officer of the fiscal year (with separated_on)",
            )


def _verified_filing(earlier: Claim) -> Filing:
    """The filing of an earlier claim, once recomputing it from its own inputs gives it."""
    if earlier.payroll is None:
        raise InvalidInputError.about(
            "prior",
            earlier.name,
            "was written without its inputs; a filing is used only once it is verified",
        )
    again = earlier.recompute()
    if again != earlier:
        raise InvalidInputError.about(
            "prior",
            period_name(earlier.period),
            "does not recompute from its own inputs to its figures; it was edited",
        )
    return earlier.filing


def _compute(
    *,
    agency: object,
    officers: object,
    payroll: object,
    span: DateRange,
    policy: object,
    allow_empty: object,
    prior: object = (),
    assume_no_earlier_overtime: object = False,
) -> Claim:
    computed = _lines_of(
        agency, officers, payroll, span, policy, allow_empty, prior, assume_no_earlier_overtime
    )
    return Claim(
        agency=computed.agency,
        policy=computed.policy,
        period=span,
        lines=computed.lines,
        payroll=computed.used,
        prior=computed.filings,
        adjustments=computed.adjustments,
        assumed_no_earlier_overtime=computed.assumed,
    )


def _prepared(payroll: Payroll) -> list[_ledger.Record]:
    """The records as the cents engine reads them: day ordinals and whole cents."""
    ordinal = _Ordinals()  # a payroll's few distinct days, each counted once
    starts = list(map(ordinal.__getitem__, payroll.starts))
    ends = list(map(ordinal.__getitem__, payroll.ends))
    days = map(operator.sub, map(operator.add, ends, itertools.repeat(1)), starts)
    return list(
        zip(
            starts,
            ends,
            days,
            payroll.salary_cents,
            payroll.benefits_cents,
            payroll.overtime_cents,
            strict=True,
        )
    )


class _Ordinals(dict[dt.date, int]):
    """Days' ordinals, each day's counted the first time it is asked for."""

    def __missing__(self, day: dt.date) -> int:
        self[day] = found = day.toordinal()
        return found


def _by_officer(
    payroll: Payroll,
) -> tuple[dict[str, list[_ledger.Record]], dict[str, list[_ledger.Record]]]:
    """Each officer's ordinary records and adjustment records, as the cents engine reads them."""
    prepared, ids, flags = _prepared(payroll), payroll.officer_ids, payroll.adjusted
    if not any(flags):
        return _grouped(ids, prepared), {}
    ordinary = list(map(operator.not_, flags))
    return (
        _grouped(
            list(itertools.compress(ids, ordinary)), list(itertools.compress(prepared, ordinary))
        ),
        _grouped(list(itertools.compress(ids, flags)), list(itertools.compress(prepared, flags))),
    )


def _grouped(ids: Sequence[str], records: list[_ledger.Record]) -> dict[str, list[_ledger.Record]]:
    """The records by officer, in payroll order, taken a run of one officer's records at a time
    (a payroll usually lists each officer's records together)."""
    groups: dict[str, list[_ledger.Record]] = {}
    if not ids:
        return groups
    firsts = [0, *itertools.compress(range(1, len(ids)), map(operator.ne, ids[1:], ids))]
    for first, end in zip(firsts, [*firsts[1:], len(ids)], strict=True):
        run = records[first:end]
        found = groups.get(ids[first])
        if found is None:
            groups[ids[first]] = run
        else:
            found.extend(run)
    return groups


class _Computed:
    """What a claim's lines are computed to, before the claim is built."""

    def __init__(
        self,
        *,
        policy: Policy,
        agency: Agency,
        lines: tuple[OfficerLine, ...],
        used: Payroll,
        filings: tuple[Filing, ...],
        adjustments: tuple[Adjustment, ...],
        assumed: bool,
    ) -> None:
        self.policy, self.agency, self.lines, self.used = policy, agency, lines, used
        self.filings, self.adjustments, self.assumed = filings, adjustments, assumed


def _lines_of(  # noqa: PLR0917 - the claim's inputs, in the order _compute names them
    agency: object,
    officers: object,
    payroll: object,
    span: DateRange,
    policy: object,
    allow_empty: object,
    prior: object,
    assume_no_earlier_overtime: object,
) -> _Computed:
    """The policy applied, the agency, each officer's line, the pay records read, the filings
    continued and the adjustments to them."""
    pol = policy_for(policy, span, "period")
    fy = FiscalYear.containing(span.start)
    if span.end > fy.end:
        raise InvalidInputError.about(
            "period", str(span), f"spans more than {fy}; claim one fiscal year at a time"
        )
    assume = to_bool(assume_no_earlier_overtime, "assume_no_earlier_overtime")
    ag, roster, used = _inputs(agency, officers, payroll, span, allow_empty)
    filings = _filings(prior, ag, pol, span, roster)
    known = _history.Known(filings)
    segments = _history.segments(fy, span, known)
    coverage = payroll_coverage(used)
    covered = _history.days_of(coverage) if coverage is not None else _ledger.EMPTY
    problem = _uncovered(roster, pol, ag, segments, covered, span.start)
    if problem is not None and not assume:
        raise problem
    ordinary, corrections = _by_officer(used)
    lines, adjustments = [], []
    for o in roster:
        line, changes = _line(
            pol,
            ag,
            o,
            (ordinary.get(o.id, []), corrections.get(o.id, [])),
            (span, fy),
            (segments, covered, known),
        )
        lines.append(line)
        adjustments += changes
    return _Computed(
        policy=pol,
        agency=ag,
        lines=tuple(lines),
        used=used,
        filings=filings,
        adjustments=tuple(adjustments),
        # Recorded only where it made a difference: days before the period nothing covers.
        assumed=assume and problem is not None,
    )


def claim(
    *,
    agency: Agency,
    officers: Iterable[Officer],
    payroll: Iterable[PayRecord],
    period: DateRange | FiscalQuarter | FiscalYear | str,
    policy: Policy | None = None,
    allow_empty: bool = False,
    prior: Iterable[Claim | Filing] = (),
    assume_no_earlier_overtime: bool = False,
) -> Claim:
    """The reimbursement claim of an agency for a period inside one fiscal year.

    Args:
        agency: the agency claiming.
        officers: its 287(g) roster (ids unique whatever their case; each officer's model one
            the agency signed).
        payroll: pay records of rostered officers, in any order; ordinary records of one
            officer may not overlap, adjustment records may (``PayRecord(...,
            adjustment=True)``).
        period: a :class:`DateRange`, :class:`FiscalQuarter`, :class:`FiscalYear` or their text.
        policy: the policy to apply; ``None`` for the one in force on the period's first day.
        allow_empty: claim even if no pay record falls in the period (nothing is then paid);
            without it such a claim is refused, since a claim with no payroll has no basis.
        prior: the claims already filed for the same agency and fiscal year, before the
            period (each verified by recomputing it from its inputs; or their
            :attr:`Claim.filing`). The cap each officer has left is what they did not use
            (I-CAPYEAR); a filed period the payroll gives differently is adjusted (I-ADJUST).
        assume_no_earlier_overtime: claim even if an officer was eligible on days of the
            fiscal year before the period that neither the payroll nor a prior filing covers,
            taking it that no overtime was paid on them. Without it such a claim is refused:
            the cap already used would be a guess. The claim records the statement.

    Raises:
        InvalidTypeError, InvalidInputError: for bad inputs, naming the record or filing.
        NotInEffectError: for a period starting before 2025-10-01 (R-EFF).
    """
    return _compute(
        agency=agency,
        officers=officers,
        payroll=payroll,
        span=to_period(period),
        policy=policy,
        allow_empty=allow_empty,
        prior=prior,
        assume_no_earlier_overtime=assume_no_earlier_overtime,
    )


def quarterly_claim(
    *,
    agency: Agency,
    officers: Iterable[Officer],
    payroll: Iterable[PayRecord],
    leads: LeadReport,
    quarter: FiscalQuarter | str,
    policy: Policy | None = None,
    allow_empty: bool = False,
    prior: Iterable[Claim | Filing] = (),
    assume_no_earlier_overtime: bool = False,
) -> Claim:
    """The claim for one fiscal quarter: reimbursement plus the performance award (R-AWD).

    The award's officer count follows I-HEAD: Task Force Model officers eligible (I-WIN) on the
    quarter's last day, or on any day of it, as the policy chooses — and only those the claim
    has pay for eligible days of the quarter for (no such pay, no basis for an award). The
    other arguments are :func:`claim`'s.

    Raises:
        InvalidInputError: also when ``leads`` is for another quarter.
    """
    q = to_quarter(quarter)
    report = instance(leads, LeadReport, "leads", "a LeadReport")
    if report.quarter != q:
        raise InvalidInputError.about(
            "leads", str(report.quarter), f"is the report of another quarter; expected {q}'s"
        )
    computed = _lines_of(
        agency, officers, payroll, q.range, policy, allow_empty, prior, assume_no_earlier_overtime
    )
    pol, ag = computed.policy, computed.agency
    counted = tuple(
        line.officer_id
        for line in computed.lines
        if line.model is Model.TASK_FORCE
        and (line.salary or line.benefits or line.overtime_claimed)  # paid for eligible days
        and _counts(pol, ag, line.officer, q)
    )
    award = quarterly_award(
        located=report.located,
        provided=report.provided,
        task_force_officers=len(counted),
        quarter=q,
        policy=pol,
        assistance_satisfactory=report.assistance_satisfactory,
    )
    return Claim(
        agency=ag,
        policy=pol,
        period=q.range,
        lines=computed.lines,
        quarter=q,
        award=award,
        award_officers=counted,
        payroll=computed.used,
        leads=report,
        prior=computed.filings,
        adjustments=computed.adjustments,
        assumed_no_earlier_overtime=computed.assumed,
    )


def _counts(policy: Policy, agency: Agency, officer: Officer, q: FiscalQuarter) -> bool:
    """I-HEAD: whether a Task Force Model officer is eligible as the award counts officers."""
    window = eligibility_days(policy, agency, officer)
    assert window is not None  # only an officer paid for eligible days is asked about
    first, last = window
    if policy.headcount is Headcount.LAST_DAY:
        return first <= q.end <= last
    return first <= q.end and q.start <= last


# --- explaining ----------------------------------------------------------------------------------


def _explain_line(line: OfficerLine) -> Explanation:
    """The audit trail of one officer's line, built from its inputs and figures."""
    policy, officer, money, cite = line.policy, line.officer, format_money, line.policy.citation
    window, reimbursable = line.window, line.reimbursable
    steps = [
        Step(
            "I-WIN",
            "eligible from the latest of policy start, agreement and training, until separation",
            window_text(window),
            cite("I-WIN"),
            {
                "policy_start": policy.effective_from,
                "agreement": line.agency.agreement_date,
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
            f"{line.eligible_days} days",
            cite("I-DAYS"),
            {"period": line.period, "records": line.records},
        ),
        Step(
            "R-SAL",
            "salary for eligible days, reimbursed in full",
            money(line.salary),
            cite("R-SAL"),
        ),
        Step(
            "R-SAL",
            "benefits for eligible days, reimbursed in full",
            money(line.benefits),
            cite("R-SAL"),
        ),
        Step(
            "R-OT",
            f"overtime cap for {line.fiscal_year}: {format_percent(policy.overtime_share)} of "
            f"annual base salary (I-CAPBASE), proration: {policy.cap_proration.value} (I-CAPPRO), "
            "rounded down (I-CENT)",
            money(line.overtime_cap),
            cite("R-OT"),
            {"annual_salary": money(officer.annual_salary)},
        ),
        Step(
            "I-CAPYEAR",
            "overtime reimbursed = cap left after earlier overtime this fiscal year",
            money(line.overtime_reimbursed),
            cite("I-CAPYEAR"),
            {
                "overtime": money(line.overtime_claimed),
                "cap_used_before": money(line.cap_used_before),
            },
        ),
    ]
    return Explanation(f"{officer.id} {line.period}", money(line.total), steps, policy.label)


def _explain_claim(c: Claim) -> Explanation:
    """The audit trail of a claim's totals and award."""
    money, cite = format_money, c.policy.citation
    steps = [
        Step(
            "R-EFF",
            f"period {c.period} begins inside the policy period",
            "in force",
            cite("R-EFF"),
            {"period": c.period},
        ),
        Step(
            "I-CAPYEAR",
            "the period lies in one fiscal year, whose overtime caps apply",
            str(c.fiscal_year),
            cite("I-CAPYEAR"),
            {"fiscal_year": c.fiscal_year},
        ),
        Step(
            "R-SAL",
            "salary for every officer's eligible days (I-WIN, I-MODEL, I-DAYS)",
            money(c.salary),
            cite("R-SAL"),
            {"officers": len(c.lines)},
        ),
        Step(
            "R-SAL",
            "benefits for every officer's eligible days",
            money(c.benefits),
            cite("R-SAL"),
            {"officers": len(c.lines)},
        ),
        Step(
            "R-OT",
            "overtime reimbursed within each officer's cap",
            money(c.overtime_reimbursed),
            cite("R-OT"),
            {
                "overtime_claimed": money(c.overtime_claimed),
                "over_cap": money(c.overtime_over_cap),
            },
        ),
    ]
    if c.prior:
        names = ", ".join(period_name(f.period) for f in c.prior)
        steps.append(
            Step(
                "I-CAPYEAR",
                "continues the fiscal year's filings: each officer's cap is used as they "
                "reimbursed, or as the payroll now recomputes them",
                f"{len(c.prior)} filing{'s' * (len(c.prior) > 1)}",
                cite("I-CAPYEAR"),
                {"filed": names},
            )
        )
    if c.assumed_no_earlier_overtime:
        steps.append(
            Step(
                "I-CAPYEAR",
                f"stated by the claimant: {_STATEMENT}",
                "assumed, not shown",
                cite("I-CAPYEAR"),
                {"assume_no_earlier_overtime": True},
            )
        )
    steps.extend(
        Step(
            "I-ADJUST",
            f"{a.officer_id}'s {period_name(a.period)} recomputed from the payroll: "
            f"{money(_reimbursed(a, filed=True))} filed, "
            f"{money(_reimbursed(a, filed=False))} now",
            money(a.total),
            cite("I-ADJUST"),
            {
                "salary": f"{money(a.filed_salary)} -> {money(a.salary)}",
                "benefits": f"{money(a.filed_benefits)} -> {money(a.benefits)}",
                "overtime_reimbursed": (
                    f"{money(a.filed_overtime_reimbursed)} -> {money(a.overtime_reimbursed)}"
                ),
            },
        )
        for a in c.adjustments
    )
    if c.adjustments:
        steps.append(
            Step(
                "I-ADJUST",
                "adjustments to earlier periods, added to the claim",
                money(c.adjustment),
                cite("I-ADJUST"),
                {"adjustments": len(c.adjustments)},
            )
        )
    if c.award is not None:
        rule = c.award.tier.rule_id if c.award.tier is not None else "R-AWD"
        steps.append(
            Step(
                rule,
                f"performance award: {c.award.reason}",
                money(c.award.amount),
                cite(rule),
                {"officers_counted": len(c.award_officers)},
            )
        )
    title = f"Claim of agency {c.agency_id} for {c.name}"
    return Explanation(title, money(c.total), steps, c.policy.label)


def _reimbursed(a: Adjustment, *, filed: bool) -> Decimal:
    """An adjustment's period reimbursed as filed, or as recomputed."""
    if filed:
        parts = (a.filed_salary, a.filed_benefits, a.filed_overtime_reimbursed)
    else:
        parts = (a.salary, a.benefits, a.overtime_reimbursed)
    return from_cents(sum(map(cents, parts)))


# --- showing -------------------------------------------------------------------------------------

#: What a claimant states with ``assume_no_earlier_overtime`` (I-CAPYEAR).
_STATEMENT = (
    "no overtime was paid on the days before the period that neither the payroll nor a prior "
    "filing covers"
)


def _period_text(span: DateRange) -> str:
    """A period by its name and its days: ``FY2026 Q1 (2025-10-01 to 2025-12-31)``."""
    name = period_name(span)
    return name if name == str(span) else f"{name} ({span})"


def _lines_table(lines: Iterable[OfficerLine], caption: str, footer: list[list[object]]) -> str:
    """Officer lines under the headers a person reads (:data:`LINE_LABELS`)."""
    return html.table(
        [LINE_LABELS[name] for name in LINE_COLUMNS],
        [list(line.as_row().values()) for line in lines],
        caption=caption,
        footer=footer,
    )


def _line_html(line: OfficerLine) -> str:
    """A line's notebook view: its figures, its eligibility window and its audit trail."""
    window = f"eligibility window (I-WIN): {window_text(line.window)}"
    if not line.reimbursable:
        window += f"; {line.model.value} officers' pay is not reimbursable (I-MODEL)"
    title = (
        f"Officer {line.officer_id} ({line.model.value}) of agency {line.agency.id}, "
        f"{_period_text(line.period)}: {format_money(line.total)}"
    )
    return html.block(
        html.paragraph(title, strong=True),
        _lines_table([line], window, []),
        line.explanation._repr_html_(),
    )


def _award_summary(c: Claim) -> list[tuple[str, object]]:
    """The award's part of a claim's summary: how much and why (R-AWD), and whom it counted
    (I-HEAD)."""
    if c.award is None:
        return [
            ("award", "none: awards are quarterly (R-AWD), and this claim is not for a quarter")
        ]
    award = c.award
    rule = award.tier.rule_id if award.tier is not None else "R-AWD"
    basis = award.reason
    if award.tier is not None:
        basis += f", {format_money(award.per_officer)} per officer counted"
    ids = ", ".join(c.award_officers)
    return [
        (f"award ({rule})", f"{format_money(award.amount)}: {basis}"),
        (
            f"officers counted toward the award (I-HEAD, {c.policy.headcount.value})",
            f"{len(c.award_officers)}: {ids}" if ids else "none",
        ),
    ]


def _claim_html(c: Claim) -> str:
    """A claim's notebook view: who, when, under which policy and how much; the lines with
    their totals; the adjustments and the claimant's statement, if any; the award and whom it
    counted; and the audit trail, collapsed."""
    money = format_money
    summary: list[tuple[str, object]] = [
        ("agency", f"{c.agency_id}: {c.agency.name}"),
        ("period", _period_text(c.period)),
        ("policy", c.policy.label),
        ("policy fingerprint", c.policy_fingerprint),
    ]
    if c.prior:
        filed = ", ".join(period_name(f.period) for f in c.prior)
        summary.append(("continues the filings of (I-CAPYEAR)", filed))
    summary.append(("reimbursement", money(c.reimbursement)))
    if c.adjustments:
        summary.append(("adjustments to earlier periods (I-ADJUST)", money(c.adjustment)))
    summary += _award_summary(c)
    summary.append(("claim total", money(c.total)))
    parts = [
        html.paragraph(
            f"Claim of agency {c.agency_id} for {c.name}: {money(c.total)}", strong=True
        ),
        html.definition_list(summary),
    ]
    if c.assumed_no_earlier_overtime:
        statement = f"Stated by the claimant: {_STATEMENT} (assume_no_earlier_overtime)."
        parts.append(html.paragraph(statement, strong=True))
    parts.append(
        _lines_table(c.lines, f"Officer lines, {c.name}", [list(c.line_totals().values())])
    )
    if c.adjustments:
        rows = [
            (
                a.officer_id,
                period_name(a.period),
                _reimbursed(a, filed=True),
                _reimbursed(a, filed=False),
                a.total,
            )
            for a in c.adjustments
        ]
        parts.append(
            html.table(
                ("officer", "period", "filed", "now", "change"),
                rows,
                caption="Adjustments to earlier periods (I-ADJUST)",
                footer=[("TOTAL", None, None, None, c.adjustment)],
            )
        )
    trails = [c.explanation._repr_html_()]
    if c.award is not None:
        trails.append(c.award.explanation._repr_html_())
    trails.append(html.paragraph("Each officer's own trail: claim.line(officer_id)."))
    parts.append(html.details("Audit trail", "".join(trails)))
    return html.block(*parts)
