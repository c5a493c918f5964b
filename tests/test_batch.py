"""The batch path: exact awards for whole columns, agreeing with quarterly_award row by row."""

from __future__ import annotations

from fractions import Fraction

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import (
    POLICY,
    AwardTier,
    InvalidInputError,
    InvalidTypeError,
    Policy,
    quarterly_award,
)
from g287.batch import award_cents
from g287.money import MAX_COUNT, to_cents

VARIANTS = [
    POLICY,
    POLICY.choose("I-BAND", "half-up"),
    POLICY.choose("I-BAND", "half-even"),
]


@st.composite
def rows(draw: st.DrawFn) -> tuple[int, int, int]:
    provided = draw(st.integers(0, 400))
    located = draw(st.integers(0, provided))
    return located, provided, draw(st.integers(0, 50))


def expected(located: int, provided: int, officers: int, policy: Policy) -> int:
    """The row's award by the single-row function, in cents."""
    award = quarterly_award(
        located=located, provided=provided, officers=officers, quarter="FY2026 Q1", policy=policy
    )
    return to_cents(award.amount)


class TestAgreesWithQuarterlyAward:
    @given(st.lists(rows(), max_size=40), st.sampled_from(VARIANTS))
    def test_lists(self, table: list[tuple[int, int, int]], policy: Policy) -> None:
        """R-AWD, I-RATE, I-BAND: every row of a list column equals quarterly_award's figure."""
        located, provided, officers = (
            (list(c) for c in zip(*table, strict=True)) if table else ([], [], [])
        )
        got = award_cents(located, provided, officers, policy=policy)
        assert got == [expected(*row, policy) for row in table]

    @given(st.lists(rows(), min_size=1, max_size=40), st.sampled_from(VARIANTS))
    def test_numpy(self, table: list[tuple[int, int, int]], policy: Policy) -> None:
        """The NumPy path gives the same exact cents as the list path and quarterly_award."""
        located, provided, officers = (
            np.array(c, dtype=np.int64) for c in zip(*table, strict=True)
        )
        got = award_cents(located, provided, officers, policy=policy)
        assert got.dtype == np.int64
        assert got.tolist() == [expected(*row, policy) for row in table]

    def test_officers_default_to_one(self) -> None:
        """Without an officers column each row is the award per officer."""
        assert award_cents((45, 41, 37, 33), (50, 50, 50, 50)) == [100000, 75000, 50000, 0]
        assert award_cents(np.array([45, 41]), np.array([50, 50])).tolist() == [100000, 75000]

    def test_any_iterable(self) -> None:
        """Generators and tuples are columns too."""
        assert award_cents((n for n in [9, 8]), (10, 10), iter([2, 3])) == [200000, 225000]

    def test_empty_columns(self) -> None:
        """Empty columns give an empty result, in either path."""
        assert award_cents([], []) == []
        assert award_cents(np.array([], dtype=np.int64), np.array([], dtype=np.int64)).size == 0

    def test_half_even_at_a_half(self) -> None:
        """I-BAND half-even: 89.5% rounds to 90% (even), 88.5% to 88% — in both paths."""
        policy = POLICY.choose("I-BAND", "half-even")
        assert award_cents([179, 177], [200, 200], policy=policy) == [100000, 75000]
        got = award_cents(np.array([179, 177]), np.array([200, 200]), policy=policy)
        assert got.tolist() == [100000, 75000]

    def test_no_leads_is_no_award(self) -> None:
        """I-BELOW: a row with no leads earns nothing by default, in both paths."""
        assert award_cents([0, 9], [0, 10]) == [0, 100000]
        assert award_cents(np.array([0, 9]), np.array([0, 10]), np.array([3, 3])).tolist() == [
            0,
            300000,
        ]

    def test_integer_subclasses_are_counts(self) -> None:
        """NumPy integer scalars in a list are accepted as whole numbers."""
        assert award_cents([np.int64(9)], [np.int32(10)]) == [100000]

    def test_unsigned_arrays(self) -> None:
        """Unsigned NumPy columns are accepted."""
        assert award_cents(
            np.array([9], dtype=np.uint16), np.array([10], dtype=np.uint8)
        ).tolist() == [100000]

    def test_exact_at_the_largest_counts(self) -> None:
        """At MAX_COUNT officers the cents are exact (no float anywhere)."""
        assert award_cents([1], [1], [MAX_COUNT]) == [100000 * MAX_COUNT]
        got = award_cents(np.array([1]), np.array([1]), np.array([MAX_COUNT]))
        assert got.tolist() == [100000 * MAX_COUNT]
        assert Fraction(int(got[0]), 100) == Fraction(1000 * MAX_COUNT)


class TestRefusals:
    @pytest.mark.parametrize(
        ("located", "provided", "officers", "error", "message"),
        [
            ([1.0], [2], None, InvalidTypeError, r"located\[0\]: 1.0 is a float"),
            ([1], [True], None, InvalidTypeError, r"provided\[0\]: True is a bool"),
            ([1], [2], ["3"], InvalidTypeError, r"officers\[0\]: '3' is a str"),
            ("12", [2], None, InvalidTypeError, "located: '12'; expected a column"),
            (5, [2], None, InvalidTypeError, "located: 5; expected a column"),
            (
                [1, 2],
                [2],
                None,
                InvalidInputError,
                "^columns: lengths 2, 1, 2; expected located, provided and officers of one length$",
            ),
            ([1], [2], [1, 1], InvalidInputError, "columns: lengths 1, 1, 2"),
            ([1], [1], [-1], InvalidInputError, r"^officers\[0\]: -1; expected 0 to 1000000000$"),
            (
                [1, 1],
                [MAX_COUNT, MAX_COUNT + 1],
                None,
                InvalidInputError,
                r"^provided\[1\]: 1000000001",
            ),
            ([0, -1], [2, 2], None, InvalidInputError, r"located\[1\]: -1; expected 0 to"),
            ([1], [MAX_COUNT + 1], None, InvalidInputError, r"provided\[0\]: 1000000001"),
            ([3, 3], [4, 2], None, InvalidInputError, "row 1: located 3 is more than provided 2"),
        ],
    )
    def test_lists(
        self,
        located: object,
        provided: object,
        officers: object,
        error: type[Exception],
        message: str,
    ) -> None:
        """A bad column raises the documented error naming the column and first bad row."""
        with pytest.raises(error, match=message):
            award_cents(located, provided, officers)

    @pytest.mark.parametrize(
        ("located", "provided", "officers", "error", "message"),
        [
            (
                np.array([1.0]),
                np.array([2]),
                None,
                InvalidTypeError,
                "located: an array of dtype float64",
            ),
            (np.array([True]), np.array([2]), None, InvalidTypeError, "dtype bool"),
            (np.array([[1]]), np.array([2]), None, InvalidTypeError, r"shape \(1, 1\)"),
            (np.array([1, 2]), np.array([2]), None, InvalidInputError, "columns: lengths 2, 1"),
            (np.array([1]), np.array([2]), np.array([1, 1]), InvalidInputError, "lengths 1, 1, 2"),
            (np.array([0, -1]), np.array([2, 2]), None, InvalidInputError, r"located\[1\]: -1"),
            (
                np.array([1]),
                np.array([2]),
                np.array([MAX_COUNT + 1]),
                InvalidInputError,
                r"officers\[0\]",
            ),
            (
                np.array([1, 3]),
                np.array([2, 2]),
                None,
                InvalidInputError,
                "row 1: located 3 is more",
            ),
        ],
    )
    def test_numpy(
        self,
        located: object,
        provided: object,
        officers: object,
        error: type[Exception],
        message: str,
    ) -> None:
        """A bad NumPy column raises the documented error, naming the first bad row."""
        with pytest.raises(error, match=message):
            award_cents(located, provided, officers)

    def test_no_leads_refused_under_the_error_option(self) -> None:
        """I-BELOW 'error': a row with no leads is refused, naming the row, in both paths."""
        strict = POLICY.choose("I-BELOW", "error")
        with pytest.raises(InvalidInputError, match="row 1: provided 0"):
            award_cents([1, 0], [1, 0], policy=strict)
        with pytest.raises(InvalidInputError, match="row 1: provided 0"):
            award_cents(np.array([1, 0]), np.array([1, 0]), policy=strict)

    def test_policy_must_be_a_policy(self) -> None:
        """A policy that is not a g287.Policy is a type error."""
        with pytest.raises(InvalidTypeError, match="policy: 'x' is a str"):
            award_cents([1], [1], policy="x")  # type: ignore[arg-type]


class TestScalarTypes:
    @pytest.mark.parametrize("value", [np.bool_(True), np.float64(1.0), Fraction(1)])
    def test_non_integer_scalars_refused(self, value: object) -> None:
        """NumPy booleans and floats, and Fractions, are not counts even when whole."""
        with pytest.raises(InvalidTypeError, match=r"located\[0\]"):
            award_cents([value], [1])


# Bands with an odd lower edge (89%), so that half-up and half-even part ways at 88.5%.
ODD_EDGE = attrs.evolve(
    POLICY,
    award_schedule=attrs.evolve(
        POLICY.award_schedule,
        tiers=(
            AwardTier("R-AWD-1", 89, 100, "1000"),
            AwardTier("R-AWD-2", 80, 88, "750"),
            AwardTier("R-AWD-3", 70, 79, "500"),
        ),
    ),
)


class TestBandEdges:
    @pytest.mark.parametrize("as_numpy", [False, True])
    @pytest.mark.parametrize(
        ("located", "provided", "option", "policy", "cents"),
        [
            (139, 200, "truncate", POLICY, 0),  # 69.5% -> 69%
            (139, 200, "half-up", POLICY, 50000),  # 69.5% -> 70%
            (139, 200, "half-even", POLICY, 50000),  # 69.5% -> 70% (even)
            (447, 500, "half-up", POLICY, 75000),  # 89.4% -> 89%
            (447, 500, "half-even", POLICY, 75000),  # 89.4% -> 89%, not a half
            (448, 500, "half-even", POLICY, 100000),  # 89.6% -> 90%
            (177, 200, "half-up", ODD_EDGE, 100000),  # 88.5% -> 89%
            (177, 200, "half-even", ODD_EDGE, 75000),  # 88.5% -> 88% (even)
            (179, 200, "half-even", ODD_EDGE, 100000),  # 89.5% -> 90% (even)
            (199, 200, "half-even", POLICY, 100000),  # 99.5% -> 100% (even), the last band
            (1999, 2000, "half-even", POLICY, 100000),  # 99.95% -> 100%, over a half
            (199, 200, "half-up", POLICY, 100000),  # 99.5% -> 100%
        ],
    )
    def test_rounding_at_the_edges(
        self,
        located: int,
        provided: int,
        option: str,
        policy: Policy,
        cents: int,
        *,
        as_numpy: bool,
    ) -> None:
        """I-BAND: each rounding option places a rate at a band edge as DESIGN §2 says, in both
        paths, and as quarterly_award does."""
        variant = policy.choose("I-BAND", option)
        columns = ([located], [provided])
        if as_numpy:
            got = award_cents(*(np.array(c) for c in columns), policy=variant).tolist()
        else:
            got = award_cents(*columns, policy=variant)
        assert got == [cents]
        assert expected(located, provided, 1, variant) == cents


class TestNumpyMessages:
    @pytest.mark.parametrize(
        ("located", "provided", "error", "message"),
        [
            (
                np.array([1]),
                [[1], [1, 2]],
                InvalidTypeError,
                r"^provided: not a column of integers \(",
            ),
            (
                np.array([1.0]),
                np.array([2]),
                InvalidTypeError,
                (
                    r"^located: an array of dtype float64 and shape \(1,\); "
                    r"expected a one-dimensional integer column$"
                ),
            ),
            (
                np.array([1]),
                np.array([-1]),
                InvalidInputError,
                r"^provided\[0\]: -1; expected 0 to",
            ),
            (
                np.array([1, 1]),
                np.array([MAX_COUNT, MAX_COUNT + 1]),
                InvalidInputError,
                r"^provided\[1\]: 1000000001; expected 0 to 1000000000$",
            ),
            (
                np.array([5, 6]),
                np.array([5, 5]),
                InvalidInputError,
                r"^row 1: located 6 is more than provided 5$",  # row 0 is all found, not more
            ),
        ],
    )
    def test_messages_name_the_column_and_row(
        self, located: object, provided: object, error: type[Exception], message: str
    ) -> None:
        """The NumPy path's errors name the column, the first bad row and what was expected."""
        with pytest.raises(error, match=message):
            award_cents(located, provided)
