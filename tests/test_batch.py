"""The batch path: exact awards for whole columns, the same as quarterly_award row by row."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import POLICY, G287Error, InvalidInputError, InvalidTypeError, Policy, quarterly_award
from g287.award import check_leads
from g287.batch import award_cents
from g287.money import cents
from strategies import leads, officers, policies

Q1 = "FY2026 Q1"
MAX_COUNT = 10**9  # the largest count g287 accepts, written out
NO_LEADS_ERROR = POLICY.choose("I-BELOW", "error")

Row = tuple[int, int, int]


@st.composite
def rows(draw: st.DrawFn) -> Row:
    """A (located, provided, officers) row; now and then a quarter without leads."""
    located, provided = draw(st.one_of(st.just((0, 0)), leads()))
    return located, provided, draw(officers)


def one_by_one(table: list[Row], policy: Policy) -> list[int] | int:
    """Each row's award in cents by quarterly_award, or the index of the first row it refuses."""
    out = []
    for i, (located, provided, n) in enumerate(table):
        try:
            result = quarterly_award(
                located=located,
                provided=provided,
                task_force_officers=n,
                quarter=Q1,
                policy=policy,
            )
        except InvalidInputError:
            return i
        out.append(cents(result.amount))
    return out


def columns(table: list[Row]) -> tuple[list[int], list[int], list[int]]:
    return [r[0] for r in table], [r[1] for r in table], [r[2] for r in table]


class TestAgreesWithQuarterlyAward:
    @given(st.lists(rows(), max_size=20), policies())
    def test_lists(self, table: list[Row], policy: Policy) -> None:
        """R-AWD-1..3: “$1,000”, “$750” or “$500 per eligible task force officer” — for list
        columns, under any policy variant, every row's cents are quarterly_award's amount, and a
        row quarterly_award refuses is refused by its number."""
        expected = one_by_one(table, policy)
        if isinstance(expected, int):
            with pytest.raises(InvalidInputError, match=f"^row {expected}: "):
                award_cents(*columns(table), policy=policy)
        else:
            assert award_cents(*columns(table), policy=policy) == expected

    @given(st.lists(rows(), max_size=20), policies())
    def test_numpy(self, table: list[Row], policy: Policy) -> None:
        """R-AWD-1..3: “$1,000”, “$750” or “$500 per eligible task force officer” — for NumPy
        columns too, every row's cents are quarterly_award's amount, in an int64 array."""
        arrays = [np.array(c, dtype=np.int64) for c in columns(table)]
        expected = one_by_one(table, policy)
        if isinstance(expected, int):
            with pytest.raises(InvalidInputError, match=f"^row {expected}: "):
                award_cents(*arrays, policy=policy)
        else:
            got = award_cents(*arrays, policy=policy)
            assert got.dtype == np.int64
            assert got.tolist() == expected


class TestColumns:
    def test_officers_default_to_one(self) -> None:
        """Without an officers column each row's award is the award per officer."""
        assert award_cents([45, 41, 37, 33], [50, 50, 50, 50]) == [100_000, 75_000, 50_000, 0]
        assert award_cents(np.array([45, 41]), np.array([50, 50])).tolist() == [100_000, 75_000]

    def test_any_iterable(self) -> None:
        """Tuples and generators are columns too."""
        assert award_cents((n for n in [9, 8]), (10, 10), iter([2, 3])) == [200_000, 225_000]

    def test_empty_columns(self) -> None:
        """Empty columns give an empty result, in either path."""
        assert award_cents([], []) == []
        empty = np.array([], dtype=np.int64)
        assert award_cents(empty, empty).shape == (0,)

    def test_numpy_integers_in_lists(self) -> None:
        """NumPy integer scalars in a list are whole numbers; the result holds plain ints."""
        got = award_cents([np.int64(9), np.uint8(4)], [np.int32(10), 5], [np.int16(2), 1])
        assert got == [200_000, 75_000]
        assert all(type(c) is int for c in got)

    def test_unsigned_arrays(self) -> None:
        """Unsigned NumPy columns are accepted."""
        got = award_cents(np.array([9], dtype=np.uint16), np.array([10], dtype=np.uint8))
        assert got.tolist() == [100_000]

    def test_one_array_takes_the_numpy_path(self) -> None:
        """If any column is an array, the result is an int64 array."""
        got = award_cents(np.array([45, 0]), [50, 0], (3, 3))
        assert got.dtype == np.int64
        assert got.tolist() == [300_000, 0]

    def test_exact_at_the_largest_award(self) -> None:
        """At the largest award g287 accepts (999,999,999 officers at $1,000.00, within
        $999,999,999,999.99) the cents are exact, in either path, as quarterly_award's."""
        largest = 999_999_999
        assert award_cents([1], [1], [largest]) == [100_000 * largest]
        got = award_cents(np.array([1]), np.array([1]), np.array([largest]))
        assert got.tolist() == [100_000 * largest]
        award = quarterly_award(
            located=1, provided=1, task_force_officers=largest, quarter="FY2026 Q1"
        )
        assert cents(award.amount) == 100_000 * largest

    def test_numpy_not_imported_by_g287(self) -> None:
        """g287 never imports NumPy itself: the list path leaves it unloaded."""
        code = (
            "import sys, g287, g287.batch; g287.batch.award_cents([1], [2]); "
            "print('numpy' in sys.modules)"
        )
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert run.stdout.strip() == "False"


class TestRowErrors:
    @pytest.mark.parametrize(("located", "provided"), [(3, 2), (-1, 2), (1, MAX_COUNT + 1)])
    @pytest.mark.parametrize("as_numpy", [False, True])
    def test_the_one_lead_check(self, located: int, provided: int, *, as_numpy: bool) -> None:
        """I-RATE: a bad row is refused with check_leads's own error, prefixed by its number."""
        with pytest.raises(InvalidInputError) as checked:
            check_leads(located, provided)
        table: list[object] = [[0, located], [1, provided]]
        if as_numpy:
            table = [np.array(column) for column in table]
        with pytest.raises(InvalidInputError) as refused:
            award_cents(*table)
        assert str(refused.value) == f"row 1: {checked.value}"
        assert (refused.value.field, refused.value.value) == (
            checked.value.field,
            checked.value.value,
        )


def call(*args: object, **kwargs: object) -> Callable[[], object]:
    """award_cents with these arguments, to be called later (whatever their annotations say)."""
    function: Callable[..., object] = award_cents
    return lambda: function(*args, **kwargs)


def arrays(*values: list[int]) -> list[object]:
    return [np.array(v) for v in values]


REFUSALS = [
    # list columns: values are ints (or NumPy integers), named by column and index
    (call([1.0], [2]), InvalidTypeError, r"located\[0\]: 1.0 ", "located[0]"),
    (call([1], [True]), InvalidTypeError, r"provided\[0\]: True ", "provided[0]"),
    (call([1], [2], ["3"]), InvalidTypeError, r"officers\[0\]: '3' ", "officers[0]"),
    (call([1, np.bool_(True)], [2, 2]), InvalidTypeError, r"located\[1\]: ", "located[1]"),
    (call([np.float64(1.0)], [2]), InvalidTypeError, r"located\[0\]: ", "located[0]"),
    (call("12", [2]), InvalidTypeError, "located: '12' ", "located"),
    (call(5, [2]), InvalidTypeError, "located: 5 ", "located"),
    (call([1, 2], [2]), InvalidInputError, re.escape("columns: (2, 1"), "columns"),
    (call([1], [2], [1, 1]), InvalidInputError, re.escape("columns: (1, 1, 2)"), "columns"),
    # list rows: the one lead check, and officers as counts, naming the first bad row
    (call([3, 3], [4, 2]), InvalidInputError, "^row 1: located: 3 ", "located"),
    (call([0, -1], [2, 2]), InvalidInputError, "^row 1: located: -1 ", "located"),
    (
        call([1, 1], [MAX_COUNT, MAX_COUNT + 1]),
        InvalidInputError,
        "^row 1: provided: 1000000001 ",
        "provided",
    ),
    (call([1], [1], [-1]), InvalidInputError, "^row 0: officers: -1 ", "officers"),
    (
        call([1], [1], [MAX_COUNT + 1]),
        InvalidInputError,
        "^row 0: officers: 1000000001 ",
        "officers",
    ),
    (
        call([1, 0], [1, 0], policy=NO_LEADS_ERROR),
        InvalidInputError,
        "^row 1: provided: 0",
        "provided",
    ),
    (
        call([1, 1], [1, 1], [1, MAX_COUNT]),
        InvalidInputError,
        r"^row 1: officers: 1000000000 officers at \$1,000\.00 would make an award above",
        "officers",
    ),
    # NumPy columns: one-dimensional integer arrays of one length
    (call(np.array([1.0]), np.array([2])), InvalidTypeError, "located: .*float64", "located"),
    (
        call(np.array([1], dtype=object), np.array([2])),
        InvalidTypeError,
        "located: .*object",
        "located",
    ),
    (call(np.array([True]), np.array([2])), InvalidTypeError, "located: .*bool", "located"),
    (call(np.array([[1]]), np.array([2])), InvalidTypeError, r"located: .*\(1, 1\)", "located"),
    (call(np.array([1]), [[1], [1, 2]]), InvalidTypeError, "^provided: ", "provided"),
    (call(*arrays([1, 2], [2])), InvalidInputError, re.escape("columns: (2, 1"), "columns"),
    (
        call(*arrays([1], [2], [1, 1])),
        InvalidInputError,
        re.escape("columns: (1, 1, 2)"),
        "columns",
    ),
    # NumPy rows, as list rows
    (call(*arrays([1, 3], [2, 2])), InvalidInputError, "^row 1: located: 3 ", "located"),
    (call(*arrays([0, -1], [2, 2])), InvalidInputError, "^row 1: located: -1 ", "located"),
    (
        call(*arrays([1], [MAX_COUNT + 1])),
        InvalidInputError,
        "^row 0: provided: 1000000001 ",
        "provided",
    ),
    (call(*arrays([1], [2], [-3])), InvalidInputError, "^row 0: officers: -3 ", "officers"),
    (
        call(*arrays([1], [2], [MAX_COUNT + 1])),
        InvalidInputError,
        "^row 0: officers: 1000000001 ",
        "officers",
    ),
    (
        call(*arrays([0, 1], [1, 1], [MAX_COUNT, MAX_COUNT])),
        InvalidInputError,
        r"^row 1: officers: 1000000000 officers at \$1,000\.00 would make an award above",
        "officers",
    ),
    (
        call(*arrays([1, 0], [1, 0]), policy=NO_LEADS_ERROR),
        InvalidInputError,
        "^row 1: provided: 0",
        "provided",
    ),
    # the policy
    (call([1], [1], policy="POLICY"), InvalidTypeError, "policy: 'POLICY' ", "policy"),
]


@pytest.mark.parametrize(("attempt", "error", "match", "field"), REFUSALS)
def test_refusals(
    attempt: Callable[[], object], error: type[G287Error], match: str, field: str
) -> None:
    """Each bad column or row is refused with its documented error, naming the field and row."""
    with pytest.raises(error, match=match) as info:
        attempt()
    assert info.value.field == field
