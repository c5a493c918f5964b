"""Money at its edges: the largest amounts and counts, negative zero, and every message exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from g287 import G287Error, InvalidInputError, InvalidTypeError
from g287.money import (
    MAX_COUNT,
    MAX_MONEY,
    cents_floor,
    from_cents,
    split_cents,
    to_count,
    to_money,
)


class TestBounds:
    def test_largest_amount_accepted(self) -> None:
        """MAX_MONEY itself is an amount; a cent more is not."""
        assert to_money("999999999999.99", "x") == MAX_MONEY
        with pytest.raises(InvalidInputError) as info:
            to_money("1000000000000", "x")
        assert (
            str(info.value) == "x: '1000000000000' is too large; expected at most 999999999999.99"
        )

    def test_largest_count_accepted(self) -> None:
        """MAX_COUNT itself is a count; one more is not."""
        assert to_count(MAX_COUNT, "n") == 10**9
        with pytest.raises(InvalidInputError) as info:
            to_count(MAX_COUNT + 1, "n")
        assert str(info.value) == "n: 1000000001 is too large; expected at most 1000000000"

    @pytest.mark.parametrize("value", ["-0", "-0.00", Decimal("-0.00"), Decimal("-0")])
    def test_negative_zero_is_zero(self, value: str | Decimal) -> None:
        """I-CENT: minus zero is accepted as plain 0.00, never printed as -0.00."""
        amount = to_money(value, "x")
        assert str(amount) == "0.00"
        assert not amount.is_signed()

    @pytest.mark.parametrize(
        ("text", "expected"), [(" 12.3 ", "12.30"), (".5", "0.50"), ("5.", "5.00")]
    )
    def test_spellings(self, text: str, expected: str) -> None:
        """Surrounding spaces, a bare leading or trailing point are plain decimal amounts."""
        assert str(to_money(text, "x")) == expected


class TestMessages:
    @pytest.mark.parametrize(
        ("value", "kind", "message"),
        [
            ([1], InvalidTypeError, "x: [1] is a list; expected an amount as int, str or Decimal"),
            (
                True,
                InvalidTypeError,
                "x: True is a bool; expected an amount as int, str or Decimal",
            ),
            (
                "1e3",
                InvalidInputError,
                "x: '1e3' is not an amount; expected digits such as '1234.56'",
            ),
            (Decimal("NaN"), InvalidInputError, "x: Decimal('NaN') is not a finite amount"),
            (
                Decimal("-Infinity"),
                InvalidInputError,
                "x: Decimal('-Infinity') is not a finite amount",
            ),
            ("-1", InvalidInputError, "x: '-1' is negative; expected an amount >= 0"),
            (
                "0.001",
                InvalidInputError,
                "x: '0.001' has fractions of a cent; expected whole cents",
            ),
        ],
    )
    def test_to_money(self, value: object, kind: type[G287Error], message: str) -> None:
        """Each refusal names the field, the value and what was expected."""
        with pytest.raises(G287Error) as info:
            to_money(value, "x")
        assert type(info.value) is kind
        assert str(info.value) == message

    @pytest.mark.parametrize(
        ("value", "kind", "message"),
        [
            (-1, InvalidInputError, "n: -1 is negative; expected a whole number >= 0"),
            (1.0, InvalidTypeError, "n: 1.0 is a float; expected a whole number (int) >= 0"),
            ("1", InvalidTypeError, "n: '1' is a str; expected a whole number (int) >= 0"),
        ],
    )
    def test_to_count(self, value: object, kind: type[G287Error], message: str) -> None:
        """Each refusal of a count names the field, the value and what was expected."""
        with pytest.raises(G287Error) as info:
            to_count(value, "n")
        assert type(info.value) is kind
        assert str(info.value) == message

    @pytest.mark.parametrize("weights", [[0, 0], [2, -1]])
    def test_split_weights(self, weights: list[int]) -> None:
        """I-CENT: weights all zero or any negative are refused, listing the weights."""
        with pytest.raises(InvalidInputError) as info:
            split_cents(Decimal("5.00"), weights)
        assert str(info.value) == f"weights: {weights!r}; expected non-negative, not all zero"


class TestSplitEdges:
    def test_single_weight_takes_all(self) -> None:
        """I-CENT: one part is the whole; a zero weight beside it gets nothing."""
        assert split_cents(Decimal("5.00"), [1]) == [Decimal("5.00")]
        assert split_cents(Decimal("5.00"), [0, 1]) == [Decimal("0.00"), Decimal("5.00")]

    def test_leftover_cents_go_to_the_earliest_ties(self) -> None:
        """I-CENT: five cents over seven equal parts go one each to the first five."""
        assert (
            split_cents(Decimal("0.05"), [1] * 7) == [Decimal("0.01")] * 5 + [Decimal("0.00")] * 2
        )

    def test_largest_remainders_first(self) -> None:
        """I-CENT: two cents by 1:2:2 go to the two larger shares (remainders 4 and 4, not 2)."""
        assert split_cents(Decimal("0.02"), [1, 2, 2]) == [
            Decimal("0.00"),
            Decimal("0.01"),
            Decimal("0.01"),
        ]


class TestCentsEdges:
    def test_zero_cents(self) -> None:
        """Zero cents is 0.00 with two places."""
        assert str(from_cents(0)) == "0.00"

    def test_floor_below_a_cent(self) -> None:
        """I-CENT: a third of a cent rounds down to nothing."""
        assert str(cents_floor(Fraction(1, 300))) == "0.00"
