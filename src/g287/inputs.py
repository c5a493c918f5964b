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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import partial
from itertools import compress, repeat
from typing import Any, Final, NamedTuple, TypeVar, overload

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
from .money import MAX_CENTS, cents, from_cents, to_money, to_signed_money
from .policy import Model, Policy, to_model

__all__ = [
    "Agency",
    "LeadReport",
    "Officer",
    "PayRecord",
    "Payroll",
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

    @classmethod
    def _trusted(
        cls,
        officer_id: str,
        model: Model,
        trained_on: dt.date,
        annual_salary: Decimal,
        separated_on: dt.date | None,
    ) -> Officer:
        """An officer of values a file reader has already converted (its cell readers give
        what the converters would): equal to ``Officer(...)`` of them, without converting each
        again (a national roster has ten thousand). The dates are still checked."""
        officer = object.__new__(cls)
        officer.__dict__.update(
            id=officer_id,
            model=model,
            trained_on=trained_on,
            annual_salary=annual_salary,
            separated_on=separated_on,
        )
        officer._check()
        return officer

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
        for name in negative_amounts(self, adjustment=self.adjustment):
            raise InvalidInputError.about(name, str(getattr(self, name)), NOT_NEGATIVE)

    @classmethod
    def _trusted(  # noqa: PLR0917 - the fields in order, as PayRecord(...) takes them
        cls,
        officer_id: str,
        start: dt.date,
        end: dt.date,
        salary: Decimal,
        benefits: Decimal,
        overtime: Decimal,
        adjustment: bool,
    ) -> PayRecord:
        """A record of values a :class:`Payroll` has already checked, column by column: equal
        to ``PayRecord(...)`` of them, without converting and checking each again. Outside a
        payroll, call ``PayRecord(...)``."""
        record = object.__new__(cls)
        put = object.__setattr__  # as attrs' own __init__ of a frozen class does
        put(record, "officer_id", officer_id)
        put(record, "start", start)
        put(record, "end", end)
        put(record, "salary", salary)
        put(record, "benefits", benefits)
        put(record, "overtime", overtime)
        put(record, "adjustment", adjustment)
        return record

    @property
    def period(self) -> DateRange:
        """The pay period as an inclusive :class:`DateRange`."""
        return DateRange(self.start, self.end)

    @property
    def days(self) -> int:
        """The number of days of the pay period."""
        return (self.end - self.start).days + 1


#: A pay record's amounts, in field order.
AMOUNTS: Final = ("salary", "benefits", "overtime")
#: Why an ordinary record's amount may not be below zero.
NOT_NEGATIVE: Final = (
    "is negative; expected an amount >= 0 (only an adjustment record may be negative: "
    "adjustment=True, or yes in a payroll's adjustment column)"
)


def negative_amounts(amounts: object, *, adjustment: bool) -> list[str]:
    """The names of the amounts a pay record may not have (its attributes, or a mapping's
    items, named as in :data:`AMOUNTS`): those below zero, unless it is an adjustment (which
    corrects pay already recorded, and may take some back)."""
    if adjustment:
        return []
    get = amounts.__getitem__ if isinstance(amounts, Mapping) else partial(getattr, amounts)
    return [name for name in AMOUNTS if get(name) < 0]


def _check_period(record: PayRecord) -> None:
    if record.end < record.start:
        raise InvalidInputError(
            f"end: {record.end.isoformat()} of a pay record of {record.officer_id!r} is before "
            f"its start {record.start.isoformat()}; expected end >= start",
            field="end",
            value=record.end,
        )


#: The columns of a :class:`Payroll`, in a pay record's field order, and the type of their values.
_PAYROLL_FIELDS: Final = (
    ("officer_ids", str, "an id"),
    ("starts", dt.date, "a date"),
    ("ends", dt.date, "a date"),
    ("salary_cents", int, "whole cents (an int)"),
    ("benefits_cents", int, "whole cents (an int)"),
    ("overtime_cents", int, "whole cents (an int)"),
    ("adjusted", bool, "True or False"),
)


@attrs.frozen(slots=False, repr=False, eq=False)
class Payroll(Value, Sequence[PayRecord]):
    """A payroll: a sequence of :class:`PayRecord`, held column by column.

    A national payroll has hundreds of thousands of records. Held as columns (the officer ids,
    the periods' first and last days, the amounts in whole cents, the adjustment flags), it
    takes a fraction of the memory of as many objects, and the claims read its figures without
    making one. Each record is made when it is asked for (``payroll[i]``, iteration), equal to
    the record ``PayRecord(...)`` would make of the same values.

    The columns are checked at construction as each record is: the same types, an id in the
    form :func:`~g287._validators.to_id` gives, each period's end not before its start, amounts
    within :data:`~g287.money.MAX_MONEY`, and only an adjustment negative; a record that breaks
    a rule is refused with :class:`PayRecord`'s own error. :meth:`of` makes a payroll of records
    (a claim does so with the payroll it is given); the file readers make one from the file's
    columns.

    >>> p = Payroll.of([PayRecord("T-1", dt.date(2025, 10, 1), dt.date(2025, 10, 14),
    ...                           Decimal("3000.00"), Decimal("1000.50"), Decimal("0"))])
    >>> len(p), p.salary_cents, p[0].benefits
    (1, (300000,), Decimal('1000.50'))
    """

    officer_ids: tuple[str, ...]
    #: The first day of each record's period.
    starts: tuple[dt.date, ...]
    #: The last day of each record's period (inclusive).
    ends: tuple[dt.date, ...]
    salary_cents: tuple[int, ...]
    benefits_cents: tuple[int, ...]
    overtime_cents: tuple[int, ...]
    #: Whether each record is an adjustment (which may overlap others and be negative).
    adjusted: tuple[bool, ...]

    @classmethod
    def of(cls, records: Iterable[PayRecord]) -> Payroll:
        """The payroll of ``records`` (any iterable of :class:`PayRecord`; a payroll itself)."""
        if isinstance(records, Payroll):
            return records
        items = each_of(records, PayRecord, "payroll")
        return cls(
            tuple(map(_officer_id_of, items)),
            tuple(map(_start_of, items)),
            tuple(map(_end_of, items)),
            tuple(map(cents, map(_salary_of, items))),
            tuple(map(cents, map(_benefits_of, items))),
            tuple(map(cents, map(_overtime_of, items))),
            tuple(map(_adjustment_of, items)),
        )

    def _check(self) -> None:
        columns = [getattr(self, name) for name, _, _ in _PAYROLL_FIELDS]
        count = len(self.officer_ids) if type(self.officer_ids) is tuple else 0
        for (name, kind, expected), column in zip(_PAYROLL_FIELDS, columns, strict=True):
            if type(column) is not tuple:
                raise type_error(name, column, f"a tuple of {expected}")
            if len(column) != count:
                raise InvalidInputError(
                    f"{name}: {len(column)} values for {count} records; expected one value per "
                    "record (as many as officer_ids has)",
                    field=name,
                    value=len(column),
                )
            if not set(map(type, column)) <= {kind}:  # exact types: no bool as cents, no datetime
                i = next(i for i, v in enumerate(column) if type(v) is not kind)
                raise type_error(f"{name}[{i}]", column[i], expected)
        _check_ids(self.officer_ids)
        bad = _first_bad_record(self)
        if bad is not None:  # PayRecord's own check says what is wrong with the record
            PayRecord(
                self.officer_ids[bad],
                self.starts[bad],
                self.ends[bad],
                from_cents(self.salary_cents[bad]),
                from_cents(self.benefits_cents[bad]),
                from_cents(self.overtime_cents[bad]),
                adjustment=self.adjusted[bad],
            )

    @classmethod
    def _trusted(cls, *columns: tuple[Any, ...]) -> Payroll:
        """A payroll of columns whose every record has been checked (as read, or taken from a
        checked payroll): equal to ``Payroll(*columns)``, without checking them again."""
        payroll = object.__new__(cls)
        for (name, _, _), column in zip(_PAYROLL_FIELDS, columns, strict=True):
            object.__setattr__(payroll, name, column)
        return payroll

    def _remember_clean(self, agency: Agency | None, roster: tuple[Officer, ...]) -> None:
        """Remember that :func:`located_problems` found nothing wrong with this payroll, this
        agency and this roster (a tuple: it cannot change after the check). Not part of the
        value: equality, hashing, copies and pickles leave it out."""
        self.__dict__["_clean_with"] = (agency, roster)

    def _checked_with(self, agency: Agency | None, roster: Sequence[Officer]) -> bool:
        """Whether :func:`located_problems` found nothing wrong with this payroll, this very
        agency and roster (the same objects: values that cannot change)."""
        found = self.__dict__.get("_clean_with")
        return found is not None and found[0] is agency and found[1] is roster

    def __getstate__(self) -> dict[str, Any]:
        # What a check found out is not part of the value: a copy or pickle starts without it.
        return {name: getattr(self, name) for name, _, _ in _PAYROLL_FIELDS}

    def __len__(self) -> int:
        return len(self.officer_ids)

    @overload
    def __getitem__(self, index: int) -> PayRecord: ...

    @overload
    def __getitem__(self, index: slice) -> Payroll: ...

    def __getitem__(self, index: int | slice) -> PayRecord | Payroll:
        """The record at ``index``, made now; for a slice, the payroll of those records."""
        if isinstance(index, slice):
            return self._take(range(len(self))[index])
        try:
            officer_id = self.officer_ids[index]
        except IndexError:
            count = len(self)
            raise IndexError(
                f"payroll index {index} out of range: the payroll has {count:,} "
                f"record{'s' * (count != 1)}"
            ) from None
        return PayRecord._trusted(
            officer_id,
            self.starts[index],
            self.ends[index],
            from_cents(self.salary_cents[index]),
            from_cents(self.benefits_cents[index]),
            from_cents(self.overtime_cents[index]),
            self.adjusted[index],
        )

    def __iter__(self) -> Iterator[PayRecord]:
        return map(self.__getitem__, range(len(self)))

    def __repr__(self) -> str:
        records, officers = len(self), len(set(self.officer_ids))
        return (
            f"Payroll({records:,} pay record{'s' * (records != 1)} of {officers:,} "
            f"officer{'s' * (officers != 1)})"
        )

    def _take(self, indices: Sequence[int]) -> Payroll:
        """The payroll of the records at ``indices``, in their order."""
        if len(indices) == len(self) and all(map(operator.eq, indices, range(len(self)))):
            return self
        return Payroll._trusted(
            *(
                tuple(map(getattr(self, name).__getitem__, indices))
                for name, _, _ in _PAYROLL_FIELDS
            )
        )

    def _between(self, first: dt.date, last: dt.date) -> Payroll:
        """The records with days in ``first`` … ``last``, in payroll order."""
        if not self or (min(self.ends) >= first and max(self.starts) <= last):
            return self  # every record has days in them
        keep = map(
            operator.and_,
            map(operator.ge, self.ends, repeat(first)),
            map(operator.le, self.starts, repeat(last)),
        )
        return self._take(list(compress(range(len(self)), keep)))


_officer_id_of = operator.attrgetter("officer_id")
_start_of = operator.attrgetter("start")
_end_of = operator.attrgetter("end")
_salary_of = operator.attrgetter("salary")
_benefits_of = operator.attrgetter("benefits")
_overtime_of = operator.attrgetter("overtime")
_adjustment_of = operator.attrgetter("adjustment")


def _check_ids(ids: tuple[str, ...]) -> None:
    """Refuse the first id (by place) that is not one :func:`to_id` reads as itself."""
    bad = []
    for officer_id in set(ids):  # each distinct id once
        try:
            same = to_id(officer_id, "officer_id") == officer_id
        except InvalidInputError:
            same = False
        if not same:
            bad.append(ids.index(officer_id))
    if bad:
        i = min(bad)
        to_id(ids[i], f"officer_ids[{i}]")  # refuses an id that is not one
        raise InvalidInputError.about(
            f"officer_ids[{i}]",
            ids[i],
            f"is not an id as g287 writes it; expected {to_id(ids[i], 'officer_id')!r}",
        )


def _first_bad_record(p: Payroll) -> int | None:
    """The index of the first record that breaks a pay record's rules, or ``None``; each rule is
    looked at column by column first, and record by record only where that finds something."""
    salary, benefits, overtime = p.salary_cents, p.benefits_cents, p.overtime_cents
    amounts = (*salary, *benefits, *overtime)
    lowest = min(amounts, default=0)
    fine = (
        all(map(operator.le, p.starts, p.ends))
        and lowest >= -MAX_CENTS
        and max(amounts, default=0) <= MAX_CENTS
        and (
            lowest >= 0
            or not any(
                not adjusted and min(s, b, o) < 0
                for s, b, o, adjusted in zip(salary, benefits, overtime, p.adjusted, strict=True)
            )
        )
    )
    if fine:
        return None
    return next(
        i
        for i, (start, end, s, b, o, adjusted) in enumerate(
            zip(p.starts, p.ends, salary, benefits, overtime, p.adjusted, strict=True)
        )
        if end < start
        or max(abs(s), abs(b), abs(o)) > MAX_CENTS
        or (not adjusted and min(s, b, o) < 0)
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
    for _, error in located_problems(agency, tuple(officers), Payroll.of(payroll)):
        yield error


class Place(NamedTuple):
    """Where a problem across records stands: the table (``officers`` or ``payroll``) and the
    index of the record at fault, and of another record of the same table the problem is about
    (the earlier record of a double claim), if any."""

    table: str
    record: int
    also: int | None = None


def located_problems(
    agency: Agency | None, roster: Sequence[Officer], payroll: Payroll
) -> Iterator[tuple[Place, InvalidInputError]]:
    """:func:`roster_problems`, each with the place of the record it is about.

    The payroll is looked at column by column; records are made, and looked at one by one,
    only for the officers whose records break a rule. When nothing is wrong, the payroll
    remembers it of this agency and roster (see :meth:`Payroll._checked_with`), so a claim of
    the inputs a file reader checked does not check them again.
    """
    clean = True
    for problem in _problems_of(agency, roster, payroll):
        clean = False
        yield problem
    if clean and type(roster) is tuple:  # a roster that cannot change after the check
        payroll._remember_clean(agency, roster)


def _problems_of(
    agency: Agency | None, roster: Sequence[Officer], payroll: Payroll
) -> Iterator[tuple[Place, InvalidInputError]]:
    seen: dict[str, str] = {}  # the roster's ids by their case-folded form
    signed = ", ".join(sorted(m.value for m in agency.models)) if agency else ""
    for i, officer in enumerate(roster):
        key = officer.id.casefold()
        if key in seen:
            twice = "twice" if seen[key] == officer.id else f"twice (as {seen[key]!r} too)"
            yield (
                Place("officers", i),
                InvalidInputError(
                    f"officer_id: {officer.id!r} appears {twice} on the roster; ids are unique "
                    "whatever their case",
                    field="officer_id",
                    value=officer,
                ),
            )
        seen.setdefault(key, officer.id)
        if agency is not None and officer.model not in agency.models:
            yield (
                Place("officers", i),
                InvalidInputError(
                    f"model: {officer.model.value} of officer {officer.id!r} is not among the "
                    f"models agency {agency.id!r} signed ({signed})",
                    field="model",
                    value=officer,
                ),
            )
    ids = payroll.officer_ids
    distinct = set(ids)
    unknown = distinct - set(seen.values())
    for i in compress(range(len(ids)), map(unknown.__contains__, ids)) if unknown else ():
        near = seen.get(ids[i].casefold())
        hint = f"; the roster has {near!r}" if near else ""
        yield (
            Place("payroll", i),
            InvalidInputError(
                f"officer_id: {ids[i]!r} of the pay record {_period_at(payroll, i)} is not on "
                f"the roster{hint}",
                field="officer_id",
                value=payroll[i],
            ),
        )
    yield from _double_claims(payroll, _overlapping(payroll, len(distinct)))
    if any(payroll.adjusted):
        yield from _recoveries(payroll)


def _period_at(payroll: Payroll, i: int) -> DateRange:
    return DateRange(payroll.starts[i], payroll.ends[i])


def _overlapping(payroll: Payroll, officers: int) -> set[str]:
    """The officers with ordinary records that overlap, found column by column: sorted by
    officer and period, records overlap somewhere only if two neighbours do. ``officers`` is
    how many distinct officers the payroll has."""
    ids, starts, ends = payroll.officer_ids, payroll.starts, payroll.ends
    if not any(payroll.adjusted):  # the common case: each officer's records together,
        same = list(map(operator.eq, ids[1:], ids))  # in date order, none overlapping
        if len(same) - sum(same) + 1 == officers and not any(
            map(operator.and_, same, map(operator.le, starts[1:], ends))
        ):
            return set()
    ordinary = compress(range(len(ids)), map(operator.not_, payroll.adjusted))
    keys = list(zip(ids, starts, ends, strict=True))
    order = sorted(ordinary, key=keys.__getitem__)
    s_ids = list(map(ids.__getitem__, order))
    s_starts = list(map(starts.__getitem__, order))
    s_ends = list(map(ends.__getitem__, order))
    hits = map(
        operator.and_,
        map(operator.eq, s_ids[1:], s_ids),
        map(operator.le, s_starts[1:], s_ends),
    )
    return {s_ids[k + 1] for k in compress(range(len(order)), hits)}


def _places(payroll: Payroll, officers: set[str], *, adjusted: bool) -> dict[str, list[int]]:
    """The indices of each of ``officers``' records, in payroll order; the officers in the
    order of their first ordinary record (or, ``adjusted``, their first adjustment)."""
    found: dict[str, list[int]] = defaultdict(list)
    if not officers:
        return found
    ids, flags = payroll.officer_ids, payroll.adjusted
    for i in compress(range(len(ids)), map(officers.__contains__, ids)):
        found[ids[i]].append(i)
    first = {
        officer_id: next((i for i in at if flags[i] is adjusted), len(ids))
        for officer_id, at in found.items()
    }
    return dict(sorted(found.items(), key=lambda item: first[item[0]]))


def _double_claims(
    payroll: Payroll, officers: set[str]
) -> Iterator[tuple[Place, InvalidInputError]]:
    """An error for each ordinary record that starts by the end of an earlier one of the same
    officer (in period order), officer by officer in the order of their first record."""
    starts, ends = payroll.starts, payroll.ends
    for officer_id, at in _places(payroll, officers, adjusted=False).items():
        records = sorted(
            (i for i in at if not payroll.adjusted[i]), key=lambda i: (starts[i], ends[i])
        )
        reach = records[0]  # of the records so far, the one ending last: each later record
        for after in records[1:]:  # that starts by its end overlaps it, and is reported
            if starts[after] <= ends[reach]:
                yield (
                    Place("payroll", after, also=reach),
                    InvalidInputError(
                        f"period_start: {officer_id}'s pay records {_period_at(payroll, reach)} "
                        f"and {_period_at(payroll, after)} overlap (a double claim)",
                        field="period_start",
                        value=payroll[after],
                    ),
                )
            if ends[after] > ends[reach]:
                reach = after


def _recoveries(payroll: Payroll) -> Iterator[tuple[Place, InvalidInputError]]:
    """An error for each negative adjustment that takes a day's pay below zero."""
    amounts = zip(payroll.salary_cents, payroll.benefits_cents, payroll.overtime_cents, strict=True)
    negative = {
        payroll.officer_ids[i]
        for i, paid in compress(enumerate(amounts), payroll.adjusted)
        if min(paid) < 0
    }
    for officer_id, at in _places(payroll, negative, adjusted=True).items():
        ordinary = [i for i in at if not payroll.adjusted[i]]
        order = ordinary + [i for i in at if payroll.adjusted[i]]
        records = [payroll[i] for i in order]
        index = {id(r): i for r, i in zip(records, order, strict=True)}
        for error in _below_zero(officer_id, records, payroll_coverage(records[: len(ordinary)])):
            yield Place("payroll", index[id(error.value)]), error


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


def eligibility_days(
    policy: Policy, agency: Agency, officer: Officer
) -> tuple[dt.date, dt.date] | None:
    """I-WIN: the first and last day the officer's pay is reimbursable (``date.max`` if the
    window has no end), or ``None`` if there are none."""
    start = max(policy.effective_from, agency.agreement_date, officer.trained_on)
    end = officer.separated_on or dt.date.max
    if policy.effective_until is not None and policy.effective_until < end:
        end = policy.effective_until
    return (start, end) if start <= end else None


def eligibility_window(policy: Policy, agency: Agency, officer: Officer) -> DateRange | None:
    """I-WIN: the days the officer's pay is reimbursable, or ``None`` if there are none."""
    days = eligibility_days(policy, agency, officer)
    return DateRange(*days) if days is not None else None


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
    payroll = Payroll.of(records)
    ordinary = list(map(operator.not_, payroll.adjusted))
    if not any(ordinary):
        return None
    return DateRange(min(compress(payroll.starts, ordinary)), max(compress(payroll.ends, ordinary)))
