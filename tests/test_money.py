"""Money and counts: exact two-place Decimals, refusals, and the I-CENT rounding helpers."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import InvalidInputError, InvalidTypeError
from g287.money import (
    CENT,
    MAX_MONEY,
    ZERO,
    cents_floor,
    format_money,
    format_percent,
    from_cents,
    split_cents,
    to_cents,
    to_count,
    to_money,
)
from strategies import MAX_CENTS, cents, dec, money_inputs, money_texts


class TestConstants:
    def test_constants_are_two_place_decimals(self) -> None:
        """CENT, ZERO and MAX_MONEY are the exact amounts their names promise."""
        assert (str(CENT), str(ZERO), str(MAX_MONEY)) == ("0.01", "0.00", "999999999999.99")


class TestToMoneyAccepts:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (60000, "60000.00"),
            (0, "0.00"),
            ("60000", "60000.00"),
            ("1234.5", "1234.50"),
            ("1234.56", "1234.56"),
            (" 12.30 ", "12.30"),
            (Decimal("15000"), "15000.00"),
            (Decimal("0.10"), "0.10"),
            ("-0.00", "0.00"),
            (Decimal("-0"), "0.00"),
            ("999999999999.99", "999999999999.99"),
        ],
    )
    def test_accepted_spellings(self, value: int | str | Decimal, expected: str) -> None:
        """An int, a str or a Decimal in whole cents becomes a two-place Decimal."""
        result = to_money(value, "salary")
        assert type(result) is Decimal
        assert str(result) == expected

    @given(money_inputs())
    def test_any_accepted_input_is_its_exact_cents(
        self, case: tuple[int | str | Decimal, int]
    ) -> None:
        """Every accepted spelling of an amount yields exactly that many cents, two places."""
        value, amount = case
        result = to_money(value, "salary")
        assert result == dec(amount)
        assert result.as_tuple().exponent == -2

    @given(money_texts())
    def test_str_of_result_is_canonical(self, case: tuple[str, int]) -> None:
        """``str()`` of an accepted amount is the canonical ``dollars.cents`` text."""
        text, amount = case
        assert str(to_money(text, "x")) == f"{amount // 100}.{amount % 100:02d}"


class TestToMoneyRefusesTypes:
    def test_float_refused_with_advice(self) -> None:
        """A float is refused with a message telling the caller to pass a string or Decimal."""
        with pytest.raises(InvalidTypeError, match="pass a string or Decimal") as info:
            to_money(0.1, "salary")
        assert "salary" in str(info.value)
        assert "0.1" in str(info.value)

    @pytest.mark.parametrize(
        "value", [True, False, None, [1], Fraction(1, 2), 1j, b"100", object()]
    )
    def test_other_types_refused(self, value: object) -> None:
        """A bool, None or any type other than int, str and Decimal is an InvalidTypeError."""
        with pytest.raises(InvalidTypeError, match="benefits") as info:
            to_money(value, "benefits")
        assert type(value).__name__ in str(info.value)

    def test_type_errors_are_type_errors(self) -> None:
        """Callers catching the builtin TypeError also catch a refused float."""
        with pytest.raises(TypeError):
            to_money(1.5, "overtime")


class TestToMoneyRefusesValues:
    @pytest.mark.parametrize(
        "value",
        [
            "NaN",
            "nan",
            "sNaN",
            "inf",
            "Infinity",
            "-inf",
            Decimal("NaN"),
            Decimal("sNaN"),
            Decimal("Infinity"),
        ],
    )
    def test_non_finite_refused(self, value: str | Decimal) -> None:
        """NaN and infinities are not amounts."""
        with pytest.raises(InvalidInputError, match="overtime"):
            to_money(value, "overtime")

    @pytest.mark.parametrize("value", [-1, "-1", "-0.01", Decimal("-0.01"), Decimal("-1000")])
    def test_negative_refused(self, value: int | str | Decimal) -> None:
        """A negative amount is refused, naming the field and the value."""
        with pytest.raises(InvalidInputError, match="negative") as info:
            to_money(value, "salary")
        assert "salary" in str(info.value)
        assert str(value) in str(info.value)

    @pytest.mark.parametrize("value", ["1.005", "0.001", Decimal("1.005"), "12.3456"])
    def test_sub_cent_refused(self, value: str | Decimal) -> None:
        """An amount finer than a cent is refused rather than silently rounded."""
        with pytest.raises(InvalidInputError, match="fractions of a cent") as info:
            to_money(value, "salary")
        assert "salary" in str(info.value)

    @pytest.mark.parametrize(
        "value", ["1000000000000.00", "999999999999.991", 10**12, Decimal("1e30"), "1e400"]
    )
    def test_above_max_refused(self, value: int | str | Decimal) -> None:
        """An amount above MAX_MONEY is refused (or, if also sub-cent, refused as such)."""
        with pytest.raises(InvalidInputError, match="salary"):
            to_money(value, "salary")

    @pytest.mark.parametrize(
        "value",
        [
            *("", " ", "abc", "1,000", "$5", "12.3.4", "1 000", "12-", "--1", "0x10"),
            # Only plain decimal notation in ASCII digits: no exponent, underscore, plus sign or
            # digits of another script, so what a figure means is never a matter of parsing.
            *("1e-3", "1e3", "1_000", "+5", "\u0661\u0662\u0663", "\uff11\uff12"),
        ],
    )
    def test_malformed_refused(self, value: str) -> None:
        """A string that is not a number is refused, quoting it."""
        with pytest.raises(InvalidInputError, match="is not an amount") as info:
            to_money(value, "benefits")
        assert repr(value) in str(info.value)

    def test_value_errors_are_value_errors(self) -> None:
        """Callers catching the builtin ValueError also catch a refused amount."""
        with pytest.raises(ValueError, match="negative"):
            to_money("-5", "salary")

    @given(st.integers(min_value=1, max_value=MAX_CENTS))
    def test_every_negative_amount_refused(self, amount: int) -> None:
        """No negative amount of whole cents is accepted."""
        with pytest.raises(InvalidInputError):
            to_money(dec(-amount), "salary")

    @given(st.integers(min_value=0, max_value=MAX_CENTS - 1), st.integers(min_value=1, max_value=9))
    def test_every_sub_cent_amount_refused(self, amount: int, mills: int) -> None:
        """Adding any fraction of a cent to an amount makes it refused."""
        text = f"{amount // 100}.{amount % 100:02d}{mills}"
        with pytest.raises(InvalidInputError, match="fractions of a cent"):
            to_money(text, "salary")

    @given(st.integers(min_value=MAX_CENTS + 1, max_value=10**20))
    def test_every_amount_above_max_refused(self, amount: int) -> None:
        """No amount above MAX_MONEY is accepted."""
        with pytest.raises(InvalidInputError, match="too large"):
            to_money(dec(amount), "salary")


class TestToCount:
    @pytest.mark.parametrize("value", [0, 1, 12, 10**9])
    def test_accepts_non_negative_ints(self, value: int) -> None:
        """A non-negative int is returned unchanged."""
        assert to_count(value, "officers") == value

    @pytest.mark.parametrize("value", [True, False, 1.0, 12.5, "3", None, Decimal(3), Fraction(3)])
    def test_refuses_non_ints(self, value: object) -> None:
        """A bool, float, str or other non-int is an InvalidTypeError naming field and value."""
        with pytest.raises(InvalidTypeError, match="officers") as info:
            to_count(value, "officers")
        assert repr(value) in str(info.value)

    def test_refuses_negative(self) -> None:
        """A negative count is an InvalidInputError naming field and value."""
        with pytest.raises(InvalidInputError, match=r"located: -1 is negative"):
            to_count(-1, "located")


class TestCents:
    @given(cents)
    def test_to_and_from_cents_round_trip(self, amount: int) -> None:
        """``from_cents`` and ``to_cents`` are inverses over every accepted amount."""
        money = from_cents(amount)
        assert money == dec(amount)
        assert money.as_tuple().exponent == -2
        assert to_cents(money) == amount

    def test_from_cents_example(self) -> None:
        """123456 cents are $1,234.56."""
        assert str(from_cents(123456)) == "1234.56"

    @given(st.fractions(min_value=0, max_value=10**12, max_denominator=10**6))
    def test_cents_floor_is_the_largest_cent_not_above(self, value: Fraction) -> None:
        """I-CENT: ``cents_floor`` gives the largest whole cent not above the exact amount."""
        floor = Fraction(cents_floor(value))
        assert floor <= value < floor + Fraction(1, 100)
        assert (floor * 100).denominator == 1

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Fraction(100001, 4), "25000.25"),
            (Fraction(1, 3), "0.33"),
            (Fraction(2, 3), "0.66"),
            (Fraction(0), "0.00"),
            (Fraction(199, 10000), "0.01"),
        ],
    )
    def test_cents_floor_examples(self, value: Fraction, expected: str) -> None:
        """I-CENT: a third of a dollar is 33 cents and two thirds 66 — always down."""
        assert str(cents_floor(value)) == expected


class TestSplitCents:
    def test_thirds_example(self) -> None:
        """I-CENT: $100 in thirds is 33.34 + 33.33 + 33.33; the spare cent goes to the first."""
        assert split_cents(Decimal("100.00"), [1, 1, 1]) == [
            Decimal("33.34"),
            Decimal("33.33"),
            Decimal("33.33"),
        ]

    def test_largest_remainder_wins(self) -> None:
        """I-CENT: the spare cent goes to the largest remainder, not simply the first part."""
        # 0.05 split 1:2 -> exact shares 1.67 and 3.33 cents: the first part has the larger
        # remainder (0.67 > 0.33), so it gets the spare cent
        assert split_cents(Decimal("0.05"), [1, 2]) == [Decimal("0.02"), Decimal("0.03")]
        # 0.05 split 2:1 -> shares 3.33 and 1.67: now the second part takes it
        assert split_cents(Decimal("0.05"), [2, 1]) == [Decimal("0.03"), Decimal("0.02")]

    def test_zero_weight_gets_nothing(self) -> None:
        """A part with weight zero gets zero."""
        assert split_cents(Decimal("10.00"), [0, 3, 0]) == [ZERO, Decimal("10.00"), ZERO]

    @given(cents, st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=40))
    def test_parts_sum_to_total_and_stay_within_a_cent(
        self, amount: int, weights: list[int]
    ) -> None:
        """I-CENT: “the parts always sum to the whole, to the cent”, each within a cent of its
        exact share."""
        if sum(weights) == 0:
            weights = [*weights[:-1], 1]
        total = dec(amount)
        parts = split_cents(total, weights)
        assert len(parts) == len(weights)
        assert sum(parts, ZERO) == total
        whole = sum(weights)
        for part, weight in zip(parts, weights, strict=True):
            assert part.as_tuple().exponent == -2
            exact = Fraction(amount, 100) * weight / whole
            assert abs(Fraction(part) - exact) < Fraction(1, 100)

    @pytest.mark.parametrize("weights", [[], [0], [0, 0], [1, -1], [-1]])
    def test_refuses_bad_weights(self, weights: list[int]) -> None:
        """Weights must be non-negative and not all zero."""
        with pytest.raises(InvalidInputError, match="weights"):
            split_cents(Decimal("1.00"), weights)


class TestFormatMoney:
    @pytest.mark.parametrize(
        ("amount", "text"),
        [
            (Decimal("1000"), "$1,000.00"),
            (Decimal("0.00"), "$0.00"),
            (Decimal("12000.00"), "$12,000.00"),
            (Decimal("750.5"), "$750.50"),
            (MAX_MONEY, "$999,999,999,999.99"),
        ],
    )
    def test_dollars_with_separators(self, amount: Decimal, text: str) -> None:
        """Amounts print as dollars with thousands separators and two places."""
        assert format_money(amount) == text


class TestNoFloatsAnywhere:
    @given(st.floats(allow_nan=True, allow_infinity=True))
    def test_every_float_refused_as_money(self, value: float) -> None:
        """No float, however round, is ever accepted as money."""
        with pytest.raises(InvalidTypeError, match="float"):
            to_money(value, "salary")

    @given(st.floats(allow_nan=True, allow_infinity=True))
    def test_every_float_refused_as_count(self, value: float) -> None:
        """No float, however whole, is ever accepted as a count."""
        with pytest.raises(InvalidTypeError, match="float"):
            to_count(value, "officers")


class TestFuzz:
    @given(st.text())
    def test_any_text_is_an_amount_or_invalid_input(self, text: str) -> None:
        """Random text either reads as a two-place amount or raises InvalidInputError only."""
        try:
            amount = to_money(text, "salary")
        except InvalidInputError:
            return
        assert amount.as_tuple().exponent == -2
        assert 0 <= amount <= MAX_MONEY
        assert amount == Decimal(text.strip())

    @given(st.decimals(allow_nan=True, allow_infinity=True))
    def test_any_decimal_is_kept_exactly_or_refused(self, value: Decimal) -> None:
        """A Decimal is accepted unchanged in value, or refused with InvalidInputError only."""
        try:
            amount = to_money(value, "salary")
        except InvalidInputError:
            assert not value.is_finite() or value < 0 or value > MAX_MONEY or value % CENT != 0
            return
        assert amount == value
        assert amount.as_tuple().exponent == -2

    @given(st.integers())
    def test_any_int_is_dollars_or_refused(self, value: int) -> None:
        """An int is that many whole dollars, or refused when negative or too large."""
        try:
            amount = to_money(value, "salary")
        except InvalidInputError:
            assert value < 0 or value > 999_999_999_999
            return
        assert amount == dec(value * 100)


class TestFormatPercent:
    @given(st.integers(0, 10**6), st.integers(1, 10**6))
    def test_shown_digits_are_a_true_prefix(self, n: int, d: int) -> None:
        """The shown percent never rounds: it is the exact value cut after three places, with
        "…" exactly when digits were cut."""
        text = format_percent(Fraction(n, d))
        cut = text.endswith("\u2026%")
        shown = Fraction(Decimal(text.removesuffix("%").removesuffix("\u2026")))
        exact = Fraction(100 * n, d)
        assert shown <= exact < shown + Fraction(1, 1000)
        assert cut == (shown != exact)
