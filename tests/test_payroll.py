"""The payroll held column by column (:class:`g287.Payroll`) and the checks across a roster and
its payroll (:func:`g287.inputs.roster_problems`), which look at its columns.

A payroll is a sequence of the records it was made of, equal to them record for record; it is
refused, with the record's own error, whenever one of its records would be; and the column-wise
search for overlapping records finds exactly the pairs a record-by-record search finds, in any
order of the records.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import pickle
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claim_strategies import adjustment_records, pay_records
from g287 import Agency, InvalidInputError, InvalidTypeError, Model, Officer, PayRecord, Payroll
from g287._ledger import part, share
from g287.inputs import located_problems, roster_problems

D = dt.date
T1 = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "2769.23", "615.38", "0")
T1_NEXT = PayRecord("T-1", D(2025, 10, 15), D(2025, 10, 28), "2769.23", "615.38", "120.50")
T2 = PayRecord("T-2", D(2025, 10, 1), D(2025, 10, 14), "3000", "1000", "0")
RECOVERY = PayRecord("T-1", D(2025, 10, 5), D(2025, 10, 6), "-100", "0", "0", adjustment=True)
AGENCY = Agency("A-1", "Test County", D(2025, 7, 1), {Model.TASK_FORCE})
ROSTER = (
    Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "72000"),
    Officer("T-2", Model.TASK_FORCE, D(2025, 8, 1), "78000"),
)


def payroll(*records: PayRecord) -> Payroll:
    return Payroll.of(records)


# --- a sequence of the records it was made of ----------------------------------------------------

records_drawn = st.tuples(
    pay_records("T-1", max_records=5),
    pay_records("T-2", max_records=5),
    st.lists(adjustment_records(), max_size=3),
).flatmap(lambda drawn: st.permutations([*drawn[0], *drawn[1], *drawn[2]]))


class TestASequenceOfRecords:
    @given(records=records_drawn)
    def test_it_gives_back_its_records(self, records: list[PayRecord]) -> None:
        """Iterated, indexed (from either end) and measured, a payroll is its records."""
        p = Payroll.of(records)
        assert tuple(p) == tuple(records)
        assert len(p) == len(records)
        assert [p[i] for i in range(-len(p), len(p))] == records + records

    @given(records=records_drawn, data=st.data())
    def test_a_slice_is_the_payroll_of_the_slice(
        self, records: list[PayRecord], data: st.DataObject
    ) -> None:
        """``payroll[i:j:k]`` is the payroll of ``records[i:j:k]``."""
        bounds = st.integers(-len(records) - 1, len(records) + 1) | st.none()
        step = data.draw(st.sampled_from([None, 1, 2, -1, -3]), label="step")
        cut = slice(data.draw(bounds, label="start"), data.draw(bounds, label="stop"), step)
        assert Payroll.of(records)[cut] == Payroll.of(records[cut])

    def test_the_columns_are_the_records_fields(self) -> None:
        """Each column holds one field of every record: days as dates, amounts in cents."""
        p = payroll(T1, RECOVERY)
        assert p.officer_ids == ("T-1", "T-1")
        assert (p.starts, p.ends) == (
            (D(2025, 10, 1), D(2025, 10, 5)),
            (D(2025, 10, 14), D(2025, 10, 6)),
        )
        assert (p.salary_cents, p.benefits_cents, p.overtime_cents) == (
            (276923, -10000),
            (61538, 0),
            (0, 0),
        )
        assert p.adjusted == (False, True)

    def test_a_payroll_of_a_payroll_is_itself(self) -> None:
        """``Payroll.of`` a payroll gives it back, not a copy."""
        p = payroll(T1)
        assert Payroll.of(p) is p

    def test_beyond_its_end(self) -> None:
        """An index past either end is an IndexError, as for a tuple."""
        with pytest.raises(
            IndexError, match=r"^payroll index 1 out of range: the payroll has 1 record$"
        ):
            payroll(T1)[1]
        with pytest.raises(
            IndexError, match=r"^payroll index -1 out of range: the payroll has 0 records$"
        ):
            payroll()[-1]

    def test_equal_by_records_not_by_kind(self) -> None:
        """Payrolls of the same records in the same order are equal and hash alike; another
        order is another payroll, and a tuple of the records is not a payroll."""
        assert payroll(T1, T2) == payroll(T1, T2)
        assert hash(payroll(T1, T2)) == hash(payroll(T1, T2))
        assert payroll(T1, T2) != payroll(T2, T1)
        assert payroll(T1) != (T1,)

    def test_repr_counts_records_and_officers(self) -> None:
        """The repr says how many records of how many officers, on one line (not every one)."""
        assert repr(payroll(T1)) == "Payroll(1 pay record of 1 officer)"
        assert repr(payroll(T1, T1_NEXT, T2)) == "Payroll(3 pay records of 2 officers)"
        assert repr(payroll()) == "Payroll(0 pay records of 0 officers)"


# --- refused as its records are ---------------------------------------------------------------

GOOD = attrs.asdict(payroll(T1), recurse=False)


def columns(**changed: Any) -> dict[str, Any]:
    """The columns of the one-record payroll of T1, some replaced."""
    return GOOD | changed


REFUSALS = [
    pytest.param(
        columns(officer_ids=["T-1"]),
        InvalidTypeError,
        "officer_ids: ['T-1'] is a list; expected a tuple of an id",
        id="a list",
    ),
    pytest.param(
        columns(starts=()),
        InvalidInputError,
        "starts: 0 values for 1 records; expected one value per record",
        id="a short column",
    ),
    pytest.param(
        columns(salary_cents=(True,)),
        InvalidTypeError,
        "salary_cents[0]: True is a bool; expected whole cents (an int)",
        id="a bool as cents",
    ),
    pytest.param(
        columns(overtime_cents=(Decimal("1.00"),)),
        InvalidTypeError,
        "overtime_cents[0]: Decimal('1.00') is a Decimal; expected whole cents (an int)",
        id="an amount as cents",
    ),
    pytest.param(
        columns(ends=(dt.datetime(2025, 10, 14),)),  # noqa: DTZ001 - a naive one is the point
        InvalidTypeError,
        "ends[0]: datetime.datetime(2025, 10, 14, 0, 0) is a datetime; expected a date",
        id="a datetime as a day",
    ),
    pytest.param(
        columns(adjusted=(0,)),
        InvalidTypeError,
        "adjusted[0]: 0 is an int; expected True or False",
        id="an int as a flag",
    ),
    pytest.param(
        columns(officer_ids=("T 1",)),
        InvalidInputError,
        "officer_ids[0]: 'T 1' contains U+0020 SPACE",
        id="not an id",
    ),
    pytest.param(
        columns(officer_ids=("Ｔ-1",)),
        InvalidInputError,
        "officer_ids[0]: 'Ｔ-1' is not an id as g287 writes it; expected 'T-1'",
        id="an id not in its normal form",
    ),
    pytest.param(
        columns(ends=(D(2025, 9, 30),)),
        InvalidInputError,
        "end: 2025-09-30 of a pay record of 'T-1' is before its start 2025-10-01",
        id="an end before the start",
    ),
    pytest.param(
        columns(benefits_cents=(-1,)),
        InvalidInputError,
        "benefits: '-0.01' is negative; expected an amount >= 0 (only an adjustment",
        id="a negative ordinary amount",
    ),
    pytest.param(
        columns(salary_cents=(10**14,), adjusted=(True,)),
        InvalidInputError,
        "salary: Decimal('1000000000000.00') is too large; expected at most 999999999999.99",
        id="an amount too large",
    ),
    pytest.param(
        columns(overtime_cents=(-(10**14),), adjusted=(True,)),
        InvalidInputError,
        "overtime: Decimal('-1000000000000.00') is too large",
        id="a recovery too large",
    ),
]


@pytest.mark.parametrize(("given_columns", "error", "message"), REFUSALS)
def test_refused_as_a_record_would_be(
    given_columns: dict[str, Any], error: type[Exception], message: str
) -> None:
    """A payroll whose columns are not those of valid records is refused, naming the column
    (and the index) or, for a rule of a record, with the record's own error."""
    with pytest.raises(error, match=f"^{re.escape(message)}"):
        Payroll(**given_columns)


def test_the_first_bad_record_is_named() -> None:
    """Of several bad records, the error is the first's, by place."""
    p = payroll(T1, T2, T1_NEXT)
    with pytest.raises(InvalidInputError, match=r"^officer_ids\[1\]: 'T 2'"):
        attrs.evolve(p, officer_ids=("T-1", "T 2", "T 3"))
    with pytest.raises(InvalidInputError, match=r"^end: 2025-09-30 of a pay record of 'T-2'"):
        attrs.evolve(p, ends=(D(2025, 10, 14), D(2025, 9, 30), D(2025, 10, 1)))


def test_a_recovery_may_be_negative() -> None:
    """Only an adjustment's amounts may be negative, as for a record."""
    assert tuple(payroll(RECOVERY)) == (RECOVERY,)


def test_of_refuses_what_is_not_records() -> None:
    """``Payroll.of`` takes records only, as a claim's ``payroll=`` does."""
    with pytest.raises(InvalidTypeError, match=r"^payroll: 'T-1' is a str"):
        Payroll.of("T-1")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^payroll"):
        Payroll.of([T1, "T-2"])  # type: ignore[list-item]


# --- what a check found out is not part of the value ---------------------------------------------


class TestRememberedChecks:
    def test_a_clean_payroll_remembers_its_roster(self) -> None:
        """A payroll found clean with an agency and roster says so of those very objects only,
        and a copy or a pickle starts without it (equal, with nothing remembered)."""
        p = payroll(T1, T2)
        assert list(roster_problems(AGENCY, ROSTER, p)) == []
        assert p._checked_with(AGENCY, ROSTER)
        assert not p._checked_with(AGENCY, list(ROSTER))  # equal, but not the roster checked
        assert not p._checked_with(AGENCY, ROSTER[:1])
        for other in (copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
            assert other == p
            assert not other._checked_with(AGENCY, ROSTER)

    def test_a_roster_that_may_change_is_not_remembered(self) -> None:
        """Checked with a list of officers (which may change after), nothing is remembered."""
        p, roster = payroll(T1, T2), list(ROSTER)
        assert list(located_problems(AGENCY, roster, p)) == []
        assert not p._checked_with(AGENCY, roster)

    def test_a_payroll_with_a_problem_remembers_nothing(self) -> None:
        """A payroll with a record off the roster is checked again each time."""
        p = payroll(T1, T2)
        assert len(list(roster_problems(AGENCY, ROSTER[:1], p))) == 1
        assert not p._checked_with(AGENCY, ROSTER[:1])


# --- the checks across records, column by column -------------------------------------------------


def overlapping_pairs(records: list[PayRecord]) -> set[str]:
    """The officers with two ordinary records sharing a day, record by record (the oracle)."""
    ordinary = [r for r in records if not r.adjustment]
    return {
        a.officer_id
        for a, b in itertools.combinations(ordinary, 2)
        if a.officer_id == b.officer_id and a.start <= b.end and b.start <= a.end
    }


@st.composite
def payrolls_that_may_overlap(draw: st.DrawFn) -> list[PayRecord]:
    """Records of two officers, some of them repeated with a shifted period, in any order."""
    records = [*draw(pay_records("T-1", max_records=6)), *draw(pay_records("T-2", max_records=6))]
    for record in draw(st.lists(st.sampled_from(records), max_size=3)):
        shift = dt.timedelta(days=draw(st.integers(-20, 20)))
        records.append(attrs.evolve(record, start=record.start + shift, end=record.end + shift))
    return draw(st.permutations(records))


@given(records=payrolls_that_may_overlap())
def test_overlaps_are_found_as_record_by_record(records: list[PayRecord]) -> None:
    """The officers reported for overlapping records are exactly those with two ordinary
    records sharing a day, whatever the order of the payroll."""
    reported = {
        e.value.officer_id
        for e in roster_problems(AGENCY, ROSTER, records)
        if e.field == "period_start" and isinstance(e.value, PayRecord)
    }
    assert reported == overlapping_pairs(records)


@given(records=payrolls_that_may_overlap(), data=st.data())
def test_the_problems_do_not_depend_on_the_order(
    records: list[PayRecord], data: st.DataObject
) -> None:
    """Shuffling a payroll changes no problem reported across it, only their order."""
    shuffled = data.draw(st.permutations(records), label="shuffled")
    said = sorted(str(e) for e in roster_problems(AGENCY, ROSTER, records))
    assert sorted(str(e) for e in roster_problems(AGENCY, ROSTER, shuffled)) == said


# --- the cents engine's parts --------------------------------------------------------------------

record_cents = st.integers(-(10**9), 10**9)


@given(
    start=st.integers(700_000, 800_000),
    days=st.integers(1, 40),
    amounts=st.tuples(record_cents, record_cents, record_cents),
    data=st.data(),
)
def test_a_part_is_the_share_of_each_amount(
    start: int, days: int, amounts: tuple[int, int, int], data: st.DataObject
) -> None:
    """I-DAYS, I-CENT: ``part`` (written out for speed) gives each amount's ``share`` of the
    days it cuts out of a record, recoveries included."""
    end = start + days - 1
    lo = data.draw(st.integers(start - 5, end), label="lo")
    hi = data.draw(st.integers(max(lo, start), end + 5), label="hi")
    first, last = max(lo, start) - start, min(hi, end) - start
    expected = tuple(share(c, days, first, last) for c in amounts)
    assert part((start, end, days, *amounts), lo, hi) == expected


def test_problems_come_officer_by_officer_as_before() -> None:
    """Overlapping records are reported officer by officer in the order of each officer's first
    ordinary record, and recoveries below zero in the order of each officer's first adjustment
    (so a claim refuses with the same first problem however the payroll is held)."""
    roster = (*ROSTER, Officer("T-3", Model.TASK_FORCE, D(2025, 8, 1), "50000"))
    recovery = attrs.evolve(RECOVERY, salary=Decimal("-9000.00"))
    records = [
        T1,
        T2,
        attrs.evolve(recovery, officer_id="T-2"),
        attrs.evolve(T1, officer_id="T-3"),
        attrs.evolve(T1, officer_id="T-3", start=D(2025, 10, 14), end=D(2025, 10, 20)),
        recovery,
        attrs.evolve(T2, start=D(2025, 10, 10)),
    ]
    said = [
        (e.field, e.value.officer_id)
        for e in roster_problems(AGENCY, roster, records)
        if isinstance(e.value, PayRecord)
    ]
    assert said == [
        ("period_start", "T-2"),
        ("period_start", "T-3"),
        ("salary", "T-2"),
        ("salary", "T-1"),
    ]
