"""Claims already filed, and the corrections a later payroll makes to them.

An agency files a claim every quarter (or month), each from that period's payroll export. The
overtime cap runs over the fiscal year (I-CAPYEAR), so a new claim must know what the earlier
filings reimbursed; and a payroll corrected after a period was filed changes what that period
should have claimed (I-ADJUST). Two value objects carry this:

* :class:`Filing` — what one filed claim claimed, officer by officer and period by period (its
  own period, and the earlier periods it adjusted), and which days its payroll covered.
* :class:`Adjustment` — one officer's correction to one earlier, filed period: the figures as
  filed, as recomputed, and the difference the new claim carries.

Both are built by :mod:`g287.claims`; this module only holds and checks them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from ._validators import Value, check_with, of_type, to_date, to_id, tuple_of, type_error, validator
from .calendar import DateRange, period_name
from .errors import InvalidInputError
from .money import cents, from_cents, to_signed_money

__all__ = ["Adjustment", "FiledLine", "FiledRecord", "Filing"]


def signed_money(_instance: object, attribute: Any, value: Decimal) -> None:
    """A field check: a two-place ``Decimal`` amount, of either sign, within range."""
    if type(value) is not Decimal:
        raise type_error(attribute.name, value, "a Decimal amount")
    to_signed_money(value, attribute.name)


def _officer_id(value: object) -> str:
    return to_id(value, "officer_id")


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class FiledLine(Value):
    """What a filing claimed for one officer and one period: the line of its own period, or an
    adjustment (of either sign) to an earlier one."""

    officer_id: str = attrs.field(converter=_officer_id)
    #: The period the figures are for.
    period: DateRange = attrs.field(metadata=check_with(of_type(DateRange, "a DateRange")))
    salary: Decimal = attrs.field(metadata=check_with(signed_money))
    benefits: Decimal = attrs.field(metadata=check_with(signed_money))
    #: Eligible overtime paid in the period (what the cap is consumed by, I-CAPYEAR).
    overtime_claimed: Decimal = attrs.field(metadata=check_with(signed_money))
    overtime_reimbursed: Decimal = attrs.field(metadata=check_with(signed_money))


@attrs.frozen(kw_only=True, repr=False, eq=False)
class FiledRecord(Value):
    """An ordinary pay record a filing read that crosses its period's start or end: only its
    days inside the period were claimed, and a later payroll that shows the record again (the
    next quarter's export) must show it the same, or the difference is a correction."""

    officer_id: str = attrs.field(converter=_officer_id)
    start: dt.date = attrs.field(metadata=check_with(validator(to_date)))
    end: dt.date = attrs.field(metadata=check_with(validator(to_date)))
    salary: Decimal = attrs.field(metadata=check_with(signed_money))
    benefits: Decimal = attrs.field(metadata=check_with(signed_money))
    overtime: Decimal = attrs.field(metadata=check_with(signed_money))


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class Filing(Value):
    """A claim as filed: its agency, period and policy, what it claimed for each officer and
    period, and the days its payroll covered (``coverage``; ``None`` if it had no pay record).

    A new claim of the same agency and fiscal year continues the ledger these filings started:
    each officer's cap is used by what they reimbursed, and a period the new payroll recomputes
    differently is adjusted (I-CAPYEAR, I-ADJUST).
    """

    agency_id: str = attrs.field(metadata=check_with(validator(to_id)))
    period: DateRange = attrs.field(metadata=check_with(of_type(DateRange, "a DateRange")))
    policy_fingerprint: str = attrs.field(metadata=check_with(of_type(str, "a fingerprint")))
    coverage: DateRange | None = attrs.field(
        metadata=check_with(attrs.validators.optional(of_type(DateRange, "a DateRange")))
    )
    lines: tuple[FiledLine, ...] = attrs.field(
        metadata=check_with(tuple_of(FiledLine, "FiledLine"))
    )
    #: Its payroll's ordinary records that cross the period's start or end.
    edges: tuple[FiledRecord, ...] = attrs.field(
        default=(), metadata=check_with(tuple_of(FiledRecord, "FiledRecord"))
    )
    #: The earlier filings it continued (their periods): a later claim must be given them too.
    continued: tuple[DateRange, ...] = attrs.field(
        default=(), metadata=check_with(tuple_of(DateRange, "DateRange"))
    )

    def _check(self) -> None:
        for line in self.lines:
            if line.period != self.period and line.period.end >= self.period.start:
                raise InvalidInputError.about(
                    "lines",
                    str(line.period),
                    f"is a period a filing for {self.period} cannot adjust; expected its own "
                    "period or an earlier one",
                )

    @property
    def period_name(self) -> str:
        """The period filed, as people name it (``FY2026 Q1``)."""
        return period_name(self.period)

    @property
    def adjusted(self) -> tuple[DateRange, ...]:
        """The earlier periods this filing adjusted, in date order."""
        earlier = {x.period for x in self.lines if x.period != self.period}
        return tuple(sorted(earlier, key=lambda r: r.start))


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class Adjustment(Value):
    """One officer's correction to an earlier, filed period (I-ADJUST): the figures filed for
    it (with every earlier adjustment), the figures the payroll now gives, and the difference,
    which the new claim carries. Amounts are reimbursable ones: eligible salary and benefits
    (R-SAL) and overtime within the cap (R-OT)."""

    officer_id: str = attrs.field(converter=_officer_id)
    #: The earlier period corrected.
    period: DateRange = attrs.field(metadata=check_with(of_type(DateRange, "a DateRange")))
    filed_salary: Decimal = attrs.field(metadata=check_with(signed_money))
    filed_benefits: Decimal = attrs.field(metadata=check_with(signed_money))
    filed_overtime_claimed: Decimal = attrs.field(metadata=check_with(signed_money))
    filed_overtime_reimbursed: Decimal = attrs.field(metadata=check_with(signed_money))
    salary: Decimal = attrs.field(metadata=check_with(signed_money))
    benefits: Decimal = attrs.field(metadata=check_with(signed_money))
    overtime_claimed: Decimal = attrs.field(metadata=check_with(signed_money))
    overtime_reimbursed: Decimal = attrs.field(metadata=check_with(signed_money))

    @property
    def salary_change(self) -> Decimal:
        """Recomputed less filed salary."""
        return from_cents(cents(self.salary) - cents(self.filed_salary))

    @property
    def benefits_change(self) -> Decimal:
        """Recomputed less filed benefits."""
        return from_cents(cents(self.benefits) - cents(self.filed_benefits))

    @property
    def overtime_claimed_change(self) -> Decimal:
        """Recomputed less filed eligible overtime."""
        return from_cents(cents(self.overtime_claimed) - cents(self.filed_overtime_claimed))

    @property
    def overtime_reimbursed_change(self) -> Decimal:
        """Recomputed less filed reimbursed overtime."""
        return from_cents(cents(self.overtime_reimbursed) - cents(self.filed_overtime_reimbursed))

    @property
    def total(self) -> Decimal:
        """What the adjustment adds to the claim (negative: what it takes back)."""
        return from_cents(
            cents(self.salary_change)
            + cents(self.benefits_change)
            + cents(self.overtime_reimbursed_change)
        )

    def as_row(self) -> dict[str, object]:
        """The adjustment as one flat row of exact values."""
        return {
            "officer_id": self.officer_id,
            "period": str(self.period),
            "filed_salary": self.filed_salary,
            "filed_benefits": self.filed_benefits,
            "filed_overtime_reimbursed": self.filed_overtime_reimbursed,
            "salary": self.salary,
            "benefits": self.benefits,
            "overtime_reimbursed": self.overtime_reimbursed,
            "total": self.total,
        }

    def filed_line(self) -> FiledLine:
        """The adjustment as a later claim reads it from this one's filing: the changes."""
        return FiledLine(
            officer_id=self.officer_id,
            period=self.period,
            salary=self.salary_change,
            benefits=self.benefits_change,
            overtime_claimed=self.overtime_claimed_change,
            overtime_reimbursed=self.overtime_reimbursed_change,
        )
