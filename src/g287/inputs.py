"""What an agency gives a claim: itself, its roster, its payroll and ICE's lead reports.

Each input is a value object checked at construction (:class:`Agency`, :class:`Officer`,
:class:`PayRecord`, :class:`LeadReport`); :func:`roster_problems` checks a roster and payroll
across each other (unique ids, models the agency signed, no pay record off the roster, no
overlapping records). I-WIN, the days an officer's pay is reimbursable, is read from them by
``eligibility_window``.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TypeVar

import attrs

from . import _ledger
from ._validators import (
    Value,
    instance,
    to_bool,
    to_count,
    to_date,
    to_id,
    to_name,
    to_optional_date,
    type_error,
)
from .award import check_leads
from .calendar import DateRange, FiscalQuarter, to_quarter
from .errors import InvalidInputError
from .money import cents, to_money, to_signed_money
from .policy import Model, Policy, to_model

__all__ = [
    "Agency",
    "LeadReport",
    "Officer",
    "PayRecord",
    "roster_problems",
]

T = TypeVar("T")


def _models(value: object) -> frozenset[Model]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise type_error("models", value, "a collection of models such as ['TFM', 'JEM']")
    items = [to_model(m, "models") for m in value]
    if not items:
        raise InvalidInputError.about("models", items, "is empty; expected one or more models")
    return frozenset(items)


# --- inputs ------------------------------------------------------------------------------------
# Each converter names its field in an error (attrs' mypy plugin needs them to be named functions).


def _agency_id(value: object) -> str:
    return to_id(value, "id")


def _agency_name(value: object) -> str:
    return to_name(value, "name")


def _officer_id(value: object) -> str:
    return to_id(value, "officer_id")


def _model(value: object) -> Model:
    return to_model(value, "model")


def _agreement_date(value: object) -> dt.date:
    return to_date(value, "agreement_date")


def _trained_on(value: object) -> dt.date:
    return to_date(value, "trained_on")


def _separated_on(value: object) -> dt.date | None:
    return to_optional_date(value, "separated_on")


def _start(value: object) -> dt.date:
    return to_date(value, "start")


def _end(value: object) -> dt.date:
    return to_date(value, "end")


def _annual_salary(value: object) -> Decimal:
    return to_money(value, "annual_salary")


# A pay record's amounts are read with either sign: only an adjustment may be negative, which
# the record checks once it knows which it is.
def _salary(value: object) -> Decimal:
    return to_signed_money(value, "salary")


def _benefits(value: object) -> Decimal:
    return to_signed_money(value, "benefits")


def _overtime(value: object) -> Decimal:
    return to_signed_money(value, "overtime")


def _quarter(value: object) -> FiscalQuarter:
    return to_quarter(value, "quarter")


def _adjustment(value: object) -> bool:
    return to_bool(value, "adjustment")


def _satisfactory(value: object) -> bool:
    return to_bool(value, "assistance_satisfactory")


def _provided(value: object) -> int:
    return to_count(value, "provided")


def _located(value: object) -> int:
    return to_count(value, "located")


@attrs.frozen(slots=False, repr=False, eq=False)
class Agency(Value):
    """A participating agency: its 287(g) agreement date and the models it signed."""

    #: An identifier (see :func:`~g287._validators.to_id`: plain ASCII, NFKC-normalised).
    id: str = attrs.field(converter=_agency_id)
    #: Any printable text (no control or format characters).
    name: str = attrs.field(converter=_agency_name)
    agreement_date: dt.date = attrs.field(converter=_agreement_date)
    models: frozenset[Model] = attrs.field(converter=_models)


@attrs.frozen(slots=False, repr=False, eq=False)
class Officer(Value):
    """An officer on the agency's 287(g) roster."""

    #: An identifier, unique on the roster whatever its case (``T-01`` and ``t-01`` are one).
    id: str = attrs.field(converter=_officer_id)
    model: Model = attrs.field(converter=_model)
    #: The day the officer completed 287(g) training.
    trained_on: dt.date = attrs.field(converter=_trained_on)
    #: Annual base salary: the basis of the overtime cap (I-CAPBASE).
    annual_salary: Decimal = attrs.field(converter=_annual_salary)
    #: The last day of service, if the officer has left (inclusive, I-WIN).
    separated_on: dt.date | None = attrs.field(default=None, converter=_separated_on)

    def _check(self) -> None:
        if self.separated_on is not None and self.separated_on < self.trained_on:
            raise InvalidInputError(
                f"separated_on: {self.separated_on.isoformat()} of officer {self.id!r} is "
                f"before trained_on {self.trained_on.isoformat()}; expected separation after "
                "training",
                field="separated_on",
                value=self.separated_on,
            )


@attrs.frozen(repr=False, eq=False)
class PayRecord(Value):
    """One officer's pay for one pay period, ``start`` … ``end`` inclusive.

    An ``adjustment`` record corrects pay already recorded (back pay, a recovery): it may
    overlap the officer's other records and its amounts may be negative, as long as no day's
    combined amounts fall below zero. Ordinary records may not overlap (a double claim).
    """

    officer_id: str = attrs.field(converter=_officer_id)
    start: dt.date = attrs.field(converter=_start)
    end: dt.date = attrs.field(converter=_end)
    salary: Decimal = attrs.field(converter=_salary)
    benefits: Decimal = attrs.field(converter=_benefits)
    overtime: Decimal = attrs.field(converter=_overtime)
    adjustment: bool = attrs.field(default=False, kw_only=True, converter=_adjustment)

    def _check(self) -> None:
        _check_period(self)
        if not self.adjustment:
            for name in ("salary", "benefits", "overtime"):
                amount = getattr(self, name)
                if amount < 0:
                    raise InvalidInputError.about(
                        name,
                        str(amount),
                        "is negative; expected an amount >= 0 (only an adjustment record may "
                        "be negative: adjustment=True, or yes in a payroll's adjustment column)",
                    )

    @classmethod
    def _from_reader(  # noqa: PLR0917 - the fields in order, as PayRecord(...) takes them
        cls,
        officer_id: str,
        start: dt.date,
        end: dt.date,
        salary: Decimal,
        benefits: Decimal,
        overtime: Decimal,
    ) -> PayRecord:
        """An ordinary record from values a reader has already converted, as ``to_id``,
        ``to_date`` and ``to_money`` return them: equal to ``PayRecord(...)`` of them, without
        converting each again (a national payroll has hundreds of thousands). The period is
        still checked. Pass anything else and the record is not one ``PayRecord`` would make:
        outside a file reader, call ``PayRecord(...)``."""
        record = object.__new__(cls)
        put = object.__setattr__  # as attrs' own __init__ of a frozen class does
        put(record, "officer_id", officer_id)
        put(record, "start", start)
        put(record, "end", end)
        put(record, "salary", salary)
        put(record, "benefits", benefits)
        put(record, "overtime", overtime)
        put(record, "adjustment", False)  # noqa: FBT003 - the field's value, not a flag
        _check_period(record)
        return record

    @property
    def period(self) -> DateRange:
        """The pay period as an inclusive :class:`DateRange`."""
        return DateRange(self.start, self.end)

    @property
    def days(self) -> int:
        """The number of days of the pay period."""
        return (self.end - self.start).days + 1


def _check_period(record: PayRecord) -> None:
    if record.end < record.start:
        raise InvalidInputError(
            f"end: {record.end.isoformat()} of a pay record of {record.officer_id!r} is before "
            f"its start {record.start.isoformat()}; expected end >= start",
            field="end",
            value=record.end,
        )


@attrs.frozen(slots=False, repr=False, eq=False)
class LeadReport(Value):
    """ICE's account of one quarter: leads provided, leads located, and its judgement of the
    agency's overall assistance (I-ASSIST)."""

    quarter: FiscalQuarter = attrs.field(converter=_quarter)
    provided: int = attrs.field(converter=_provided)
    located: int = attrs.field(converter=_located)
    assistance_satisfactory: bool = attrs.field(default=True, converter=_satisfactory)

    def _check(self) -> None:
        check_leads(self.located, self.provided)


# --- the roster and payroll checks ---------------------------------------------------------------


def each_of(values: object, kind: type[T], field: str) -> tuple[T, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise type_error(field, values, f"an iterable of {kind.__name__}")
    items = tuple(values)
    if all(issubclass(t, kind) for t in set(map(type, items))):  # each type checked once
        return items
    return tuple(instance(v, kind, field, kind.__name__) for v in items)  # names the first


_period_order = operator.attrgetter("start", "end")


def roster_problems(
    agency: Agency | None, officers: Iterable[Officer], payroll: Iterable[PayRecord] = ()
) -> Iterator[InvalidInputError]:
    """Every problem across a roster and its payroll, each naming the record it is about.

    Officer ids must be unique whatever their case, and each officer's model one the agency
    signed (not checked without an agency); every pay
    record's officer must be on the roster, and one officer's records may not overlap (a double
    claim). Each error's ``value`` is the :class:`Officer` or :class:`PayRecord` at fault, so a
    file reader can say on which line it stands.
    """
    seen: dict[str, str] = {}  # the roster's ids by their case-folded form
    signed = ", ".join(sorted(m.value for m in agency.models)) if agency else ""
    for officer in officers:
        key = officer.id.casefold()
        if key in seen:
            twice = "twice" if seen[key] == officer.id else f"twice (as {seen[key]!r} too)"
            yield InvalidInputError(
                f"officer_id: {officer.id!r} appears {twice} on the roster; ids are unique "
                "whatever their case",
                field="officer_id",
                value=officer,
            )
        seen.setdefault(key, officer.id)
        if agency is not None and officer.model not in agency.models:
            yield InvalidInputError(
                f"model: {officer.model.value} of officer {officer.id!r} is not among the models "
                f"agency {agency.id!r} signed ({signed})",
                field="model",
                value=officer,
            )
    rostered = set(seen.values())
    by_officer: dict[str, list[PayRecord]] = defaultdict(list)
    adjusted: dict[str, list[PayRecord]] = defaultdict(list)
    for record in payroll:
        if record.officer_id not in rostered:
            near = seen.get(record.officer_id.casefold())
            hint = f"; the roster has {near!r}" if near else ""
            yield InvalidInputError(
                f"officer_id: {record.officer_id!r} of the pay record {record.period} is not on "
                f"the roster{hint}",
                field="officer_id",
                value=record,
            )
        (adjusted if record.adjustment else by_officer)[record.officer_id].append(record)
    for officer_id, records in by_officer.items():
        records.sort(key=_period_order)
        reach = records[0]  # of the records so far, the one ending last: each later record
        for after in records[1:]:  # that starts by its end overlaps it, and is reported
            if after.start <= reach.end:
                yield InvalidInputError(
                    f"period_start: {officer_id}'s pay records {reach.period} and "
                    f"{after.period} overlap (a double claim)",
                    field="period_start",
                    value=after,
                )
            if after.end > reach.end:
                reach = after
    for officer_id, corrections in adjusted.items():
        ordinary = by_officer.get(officer_id, [])
        yield from _below_zero(officer_id, ordinary + corrections, payroll_coverage(ordinary))


def _below_zero(
    officer_id: str, records: list[PayRecord], coverage: DateRange | None
) -> Iterator[InvalidInputError]:
    """An error for each negative adjustment that takes a day's combined pay below zero, on
    the days the officer's own records in the payroll cover (what was paid on other days is in
    the filings, which a claim checks period by period)."""
    for record in records:
        if not record.adjustment or min(record.salary, record.benefits, record.overtime) >= 0:
            continue
        days = record.period.intersection(coverage) if coverage is not None else None
        for name in ("salary", "benefits", "overtime"):
            low = next((d for d in days or () if _paid_on(records, d, name) < 0), None)
            if low is not None:
                yield InvalidInputError(
                    f"{name}: the adjustment {record.period} of {officer_id!r} takes the "
                    f"{name} of {low.isoformat()} below zero; an adjustment may correct pay, "
                    "not make it negative",
                    field=name,
                    value=record,
                )
                break


def _paid_on(records: Iterable[PayRecord], day: dt.date, name: str) -> int:
    """Cents of one amount all the records pay on ``day`` (I-DAYS)."""
    ordinal, paid = day.toordinal(), 0
    for r in records:
        if r.start <= day <= r.end:
            start, days = r.start.toordinal(), r.days
            paid += _ledger.share(cents(getattr(r, name)), days, ordinal - start, ordinal - start)
    return paid


def eligibility_window(policy: Policy, agency: Agency, officer: Officer) -> DateRange | None:
    """I-WIN: the days the officer's pay is reimbursable, or ``None`` if there are none."""
    start = max(policy.effective_from, agency.agreement_date, officer.trained_on)
    ends = [d for d in (officer.separated_on, policy.effective_until) if d is not None]
    end = min(ends) if ends else dt.date.max
    return DateRange(start, end) if start <= end else None


def window_text(window: DateRange | None) -> str:
    """An eligibility window (I-WIN) as a person reads it: a window without an end (no
    separation, a policy without an end date) runs ``from 2025-10-01 (open)``.

    >>> window_text(DateRange(dt.date(2025, 10, 1), dt.date.max))
    'from 2025-10-01 (open)'
    """
    if window is None:
        return "never eligible"
    if window.end == dt.date.max:
        return f"from {window.start.isoformat()} (open)"
    return str(window)


def payroll_coverage(records: Iterable[PayRecord]) -> DateRange | None:
    """The days a payroll covers: from its first ordinary record's start to its last's end."""
    ordinary = [r for r in records if not r.adjustment]
    if not ordinary:
        return None
    return DateRange(min(r.start for r in ordinary), max(r.end for r in ordinary))
