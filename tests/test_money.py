"""Money, counts and errors: the bottom layer every figure of g287 rests on.

Amounts are read exactly from ``int``, ``str`` or ``Decimal`` into whole cents and written back as
two-place ``Decimal`` (I-CENT); floats and booleans are refused. The shared converters of
``g287._validators`` (counts, flags, text, dates) and the errors they raise are tested here too:
every error carries ``.field`` and ``.value`` and shows untrusted text shortened and escaped.
"""

from __future__ import annotations

import datetime as dt
import decimal
import pickle
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from g287 import (
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    NotInEffectError,
    PolicyError,
    VerificationError,
)
from g287._validators import (
    MAX_COUNT,
    MAX_ID,
    code_points,
    to_bool,
    to_count,
    to_date,
    to_id,
    to_name,
    to_optional_date,
    to_text,
)
from g287.errors import show
from g287.money import MAX_CENTS as MAX_CENTS_OF_MONEY
from g287.money import (
    MAX_MONEY,
    cents,
    cents_floor,
    format_money,
    format_percent,
    from_cents,
    split_cents,
    sum_money,
    to_money,
    to_signed_money,
    two_places_cents,
    valid_money,
)
from strategies import MAX_CENTS, amount_cents, dec, money_inputs, money_texts

#: Any whole number of cents a signed amount may hold, negative ones included.
signed_cents = st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS)


@attrs.frozen
class Paid:
    """A result-like class whose one amount is checked by :func:`valid_money`."""

    amount: Decimal = attrs.field(validator=valid_money)


# --- reading amounts ---------------------------------------------------------------------------


class TestToMoney:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (1000, "1000.00"),
            ("1234.5", "1234.50"),
            (" 12.3 ", "12.30"),
            (".5", "0.50"),
            ("5.", "5.00"),
            ("007.10", "7.10"),
            ("1.000", "1.00"),
            (Decimal("1E+2"), "100.00"),
            (Decimal("750.5"), "750.50"),
            ("0" * 60 + "1.00", "1.00"),
            ("999999999999.99", "999999999999.99"),
        ],
    )
    def test_accepted_spellings(self, value: int | str | Decimal, expected: str) -> None:
        """An int is whole dollars; text and Decimal are read exactly into two places."""
        amount = to_money(value, "salary")
        assert type(amount) is Decimal
        assert str(amount) == expected

    @given(money_inputs())
    def test_every_spelling_means_its_cents(self, case: tuple[int | str | Decimal, int]) -> None:
        """I-CENT: “Money is Decimal in cents”: any accepted spelling of an amount (int dollars,
        text with or without padding and trailing zeros, Decimal) reads as exactly its cents,
        printed with two places."""
        value, count = case
        amount = to_money(value, "salary")
        assert amount == dec(count)
        assert str(amount) == str(dec(count))
        assert cents(amount) == count

    @given(money_texts())
    def test_text_round_trips(self, case: tuple[str, int]) -> None:
        """I-CENT: “Money is Decimal in cents”: an amount's text, read and printed again, is its
        canonical two-place text."""
        text, count = case
        assert to_money(str(to_money(text, "x")), "x") == to_money(text, "x") == dec(count)

    @pytest.mark.parametrize("value", ["-0", "-0.00", Decimal("-0.00"), Decimal("-0E+3")])
    def test_negative_zero_is_zero(self, value: str | Decimal) -> None:
        """Minus zero is accepted as plain 0.00, never printed as -0.00."""
        amount = to_money(value, "x")
        assert str(amount) == "0.00"
        assert not amount.is_signed()

    def test_the_callers_decimal_context_changes_nothing(self) -> None:
        """A notebook's decimal context (two digits, every trap set) changes no amount read."""
        with decimal.localcontext() as context:
            context.prec = 2
            context.traps[decimal.Inexact] = True
            context.traps[decimal.Rounded] = True
            assert str(to_money("123456789.12", "x")) == "123456789.12"
            assert cents(Decimal("999999999999.99")) == MAX_CENTS
            parts = [Decimal("0.01"), Decimal("999999999999.98")]
            assert str(sum_money(parts)) == "999999999999.99"
            assert format_money(Decimal("123456789.12")) == "$123,456,789.12"

    @given(st.text(max_size=70))
    def test_any_text_is_an_amount_or_refused(self, text: str) -> None:
        """I-CENT: “Money is Decimal in cents”: random text reads as an amount equal to its plain
        decimal value, or raises InvalidInputError: never another exception, never a rounded
        figure."""
        try:
            amount = to_money(text, "salary")
        except InvalidInputError:
            return
        assert 0 <= amount <= MAX_MONEY
        assert amount == Decimal(text.strip())

    @given(st.decimals(allow_nan=True, allow_infinity=True))
    def test_any_decimal_is_kept_or_refused(self, value: Decimal) -> None:
        """I-CENT: “Money is Decimal in cents”: a Decimal keeps its value exactly, or is refused
        with InvalidInputError."""
        try:
            amount = to_money(value, "x")
        except InvalidInputError:
            return
        assert amount == value
        assert amount.as_tuple().exponent == -2

    @given(st.floats(allow_nan=True, allow_infinity=True))
    def test_no_float_is_money(self, value: float) -> None:
        """DESIGN §3: “Accept int, str and Decimal; reject float”: no float, however round, is
        accepted, since it cannot say which cents it means."""
        with pytest.raises(InvalidTypeError, match=r"^x: .* is a float"):
            to_money(value, "x")


class TestSignedMoney:
    @pytest.mark.parametrize(
        ("value", "expected"), [("-5.25", "-5.25"), (-3, "-3.00"), (Decimal("-0.1"), "-0.10")]
    )
    def test_accepts_negative_amounts(self, value: int | str | Decimal, expected: str) -> None:
        """An adjustment may be negative; it is read as exactly as a positive amount."""
        assert str(to_signed_money(value, "adjustment")) == expected

    @given(signed_cents)
    def test_every_signed_amount_round_trips(self, count: int) -> None:
        """I-CENT: “Money is Decimal in cents”: every whole number of cents within ±MAX_MONEY
        reads back as itself."""
        assert to_signed_money(str(dec(count)), "x") == dec(count)


class TestValidMoney:
    def test_accepts_a_two_place_decimal(self) -> None:
        """A result field holding a Decimal amount passes unchanged."""
        assert Paid(Decimal("12.50")).amount == Decimal("12.50")

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            ("12.50", InvalidTypeError),
            (12, InvalidTypeError),
            (Decimal("-1.00"), InvalidInputError),
            (Decimal("0.001"), InvalidInputError),
        ],
    )
    def test_checks_not_converts(self, value: object, error: type[G287Error]) -> None:
        """A result's amount is checked, not converted: text, an int, a negative or a
        sub-cent amount is refused, naming the attribute."""
        with pytest.raises(error) as info:
            Paid(value)  # type: ignore[arg-type]
        assert info.value.field == "amount"


# --- cents -------------------------------------------------------------------------------------


class TestCents:
    def test_examples(self) -> None:
        """Amounts and whole cents convert exactly, signs and zero included."""
        assert cents(Decimal("1234.56")) == 123456
        assert cents(Decimal("1.5")) == 150
        assert (from_cents(123456), from_cents(-5), from_cents(0)) == (
            Decimal("1234.56"),
            Decimal("-0.05"),
            Decimal("0.00"),
        )
        assert str(from_cents(0)) == "0.00"

    @pytest.mark.parametrize("text", ["NaN", "sNaN", "Infinity", "-Infinity"])
    def test_no_cents_of_what_is_not_a_number(self, text: str) -> None:
        """cents() and to_signed_money() refuse a NaN or an infinity as not finite (a g287
        error naming it), never a bare ValueError from the arithmetic."""
        with pytest.raises(
            InvalidInputError, match=rf"^amount: Decimal\('{text}'\) is not a finite"
        ):
            cents(Decimal(text))
        with pytest.raises(
            InvalidInputError, match=rf"^salary: Decimal\('{text}'\) is not a finite"
        ):
            to_signed_money(Decimal(text), "salary")

    @given(signed_cents)
    def test_cents_and_from_cents_are_inverses(self, count: int) -> None:
        """I-CENT: “Money is Decimal in cents”: cents → amount → cents is the identity, and
        the amount is the two-place Decimal with those cents."""
        amount = from_cents(count)
        assert amount == dec(count)
        assert amount.as_tuple().exponent == -2
        assert cents(amount) == count
        assert from_cents(cents(dec(count))) == dec(count)

    @given(st.lists(signed_cents, max_size=20))
    def test_sum_money_is_exact(self, counts: list[int]) -> None:
        """I-CENT, DESIGN §5: “cents are never created or lost”: amounts add exactly, as whole
        cents."""
        assert sum_money(dec(c) for c in counts) == dec(sum(counts))


class TestColumnsOfAmounts:
    @given(st.lists(st.integers(0, MAX_CENTS), max_size=30))
    def test_two_place_texts_read_at_once(self, counts: list[int]) -> None:
        """A column of amounts in the two-place form is read at once to their cents, exactly
        as each is read alone (``cents(Decimal(text))``)."""
        texts = [str(dec(c)) for c in counts]
        assert two_places_cents(texts) == [cents(Decimal(t)) for t in texts] == counts

    @pytest.mark.parametrize(
        "texts",
        [
            ["1.00", "1.0"],
            ["1.00", "-1.00"],
            ["1.00", "$1.00"],
            ["01.00"],
            ["1.00\n2.00"],  # a line break inside a text, not between two
            ["1.00", ""],
            ["1000000000000.00"],
        ],
        ids=repr,
    )
    def test_a_column_with_any_other_text_is_not(self, texts: list[str]) -> None:
        """One text in another form (or holding a line break) and the column is not read at
        once: ``None``, and each text is read on its own, by the rules that judge it."""
        assert two_places_cents(texts) is None

    def test_the_largest_amount_in_cents(self) -> None:
        """MAX_CENTS is MAX_MONEY in whole cents, the bound of every column of cents."""
        assert MAX_CENTS_OF_MONEY == cents(MAX_MONEY) == 99_999_999_999_999

    def test_an_empty_column(self) -> None:
        """No texts, no cents."""
        assert two_places_cents([]) == []

    def test_from_cents_ignores_the_callers_context(self) -> None:
        """from_cents moves the point in g287's own context: a caller's precision of two
        digits (or a trap on rounding) changes nothing, however large the amount."""
        with decimal.localcontext(decimal.Context(prec=2, traps=[decimal.Rounded])):
            assert str(from_cents(10**20 + 1)) == "1000000000000000000.01"
            assert str(from_cents(-123456789)) == "-1234567.89"


class TestCentsFloor:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Fraction(100001, 4), "25000.25"),
            (Fraction(1, 300), "0.00"),
            (Fraction(78000, 4), "19500.00"),
            (Fraction(0), "0.00"),
        ],
    )
    def test_examples(self, value: Fraction, expected: str) -> None:
        """I-CENT: an exact amount rounds down to the cent; a third of a cent is nothing."""
        assert str(cents_floor(value)) == expected

    @given(st.fractions(min_value=0, max_value=10**12, max_denominator=10**6))
    def test_never_above_and_within_a_cent(self, value: Fraction) -> None:
        """I-CENT, R-OT ¶7: “including overtime coverage up to 25% of the officer’s annual
        salary”: the cap rounds down, so it never exceeds the exact value and misses it by less
        than a cent."""
        floored = Fraction(cents_floor(value))
        assert floored <= value < floored + Fraction(1, 100)
        assert cents_floor(value).as_tuple().exponent == -2


def largest_remainder(total_cents: int, weights: list[int]) -> list[int]:
    """An oracle: exact shares as Fractions, floored, the leftover cents handed out one at a
    time to the largest remainders, ties to the earlier part."""
    whole = sum(weights)
    exact = [Fraction(total_cents * w, whole) for w in weights]
    parts = [int(share) for share in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total_cents - sum(parts)]:
        parts[i] += 1
    return parts


class TestSplitCents:
    def test_thirds(self) -> None:
        """I-CENT: $100 in three equal parts: the leftover cent goes to the first."""
        assert split_cents(Decimal("100.00"), [1, 1, 1]) == [
            Decimal("33.34"),
            Decimal("33.33"),
            Decimal("33.33"),
        ]

    def test_largest_remainders_first(self) -> None:
        """I-CENT: two cents by 1:2:2 go to the two larger shares (remainders 4/5, not 2/5)."""
        assert split_cents(Decimal("0.02"), [1, 2, 2]) == [
            Decimal("0.00"),
            Decimal("0.01"),
            Decimal("0.01"),
        ]

    def test_zero_weight_gets_nothing(self) -> None:
        """A part of weight zero gets nothing; one part takes the whole."""
        assert split_cents(Decimal("5.00"), [0, 1]) == [Decimal("0.00"), Decimal("5.00")]
        assert split_cents(Decimal("5.00"), [1]) == [Decimal("5.00")]

    @given(
        amount_cents,
        st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=12).filter(any),
    )
    def test_parts_sum_to_the_whole_by_largest_remainder(
        self, total: int, weights: list[int]
    ) -> None:
        """I-CENT: “An amount split across days or quarters uses the largest-remainder method,
        so the parts always sum to the whole”: the parts are the oracle's, add up to the total
        to the cent, and each is within a cent of its exact share."""
        parts = split_cents(dec(total), weights)
        assert [cents(p) for p in parts] == largest_remainder(total, weights)
        assert sum(cents(p) for p in parts) == total
        for part, weight in zip(parts, weights, strict=True):
            assert abs(Fraction(cents(part)) - Fraction(total * weight, sum(weights))) < 1


# --- printing ----------------------------------------------------------------------------------


class TestFormatMoney:
    @pytest.mark.parametrize(
        ("amount", "text"),
        [
            (Decimal("1000"), "$1,000.00"),
            (Decimal("0.00"), "$0.00"),
            (Decimal("750.5"), "$750.50"),
            (Decimal("-5"), "-$5.00"),
            (Decimal("-1234567.89"), "-$1,234,567.89"),
            (MAX_MONEY, "$999,999,999,999.99"),
        ],
    )
    def test_dollars_with_separators(self, amount: Decimal, text: str) -> None:
        """Amounts print as dollars with thousands separators; a negative one as -$."""
        assert format_money(amount) == text

    @given(signed_cents)
    def test_reads_back_as_the_amount(self, count: int) -> None:
        """I-CENT: “Money is Decimal in cents”: the printed dollars, without ``$`` and commas,
        are the amount exactly."""
        text = format_money(dec(count))
        assert to_signed_money(text.replace("$", "").replace(",", ""), "x") == dec(count)


class TestFormatPercent:
    @pytest.mark.parametrize(
        ("share", "text"),
        [
            (Fraction(9, 10), "90%"),
            (Fraction(1, 8), "12.5%"),
            (Fraction(2, 3), "66.666\u2026%"),
            (Fraction(179, 200), "89.5%"),
            (Fraction(1, 4), "25%"),
            (Fraction(0), "0%"),
        ],
    )
    def test_examples(self, share: Fraction, text: str) -> None:
        """A share prints as a percent with up to three places; ``…`` marks digits cut off."""
        assert format_percent(share) == text

    @given(st.integers(0, 10**6), st.integers(1, 10**6))
    def test_shown_digits_are_a_true_prefix(self, n: int, d: int) -> None:
        """I-RATE: the rate is “an exact fraction”, so the printed percent never rounds: it is
        the exact value cut after at most three places, with ``…`` exactly when digits were
        cut."""
        text = format_percent(Fraction(n, d))
        cut = text.endswith("\u2026%")
        shown = text.removesuffix("%").removesuffix("\u2026")
        places = len(shown.partition(".")[2])
        value = Fraction(Decimal(shown))
        exact = Fraction(100 * n, d)
        assert value <= exact < value + Fraction(1, 10**places)
        assert cut == (value != exact)


# --- the shared converters of counts, flags, text and dates ------------------------------------


class TestConverters:
    @pytest.mark.parametrize("value", [0, 12, MAX_COUNT])
    def test_counts(self, value: int) -> None:
        """A count is a plain int from 0 to MAX_COUNT."""
        assert to_count(value, "officers") == value
        assert type(to_count(value, "officers")) is int

    def test_flags_text_and_dates(self) -> None:
        """A flag is True or False; text has something visible; a date is a plain date."""
        assert to_bool(False, "flag") is False
        assert to_text(" T-01 ", "id") == " T-01 "
        assert to_date(dt.date(2026, 1, 1), "day") == dt.date(2026, 1, 1)
        assert to_optional_date(None, "until") is None
        assert to_optional_date(dt.date(2026, 1, 1), "until") == dt.date(2026, 1, 1)


class TestIdentifiers:
    """DESIGN §7: “Identifiers are NFKC-normalised, match a plain pattern (letters, digits, ``.``,
    ``_``, ``-``), and are unique case-insensitively: nothing that looks like another id can be
    paid twice.”"""

    @pytest.mark.parametrize(
        ("given", "id_"),
        [
            ("T-01", "T-01"),
            ("\uff34\uff0d\uff10\uff11", "T-01"),  # full-width forms fold to ASCII
            ("a.b_c-9", "a.b_c-9"),
            ("7" * MAX_ID, "7" * MAX_ID),
        ],
    )
    def test_plain_ids_are_accepted(self, given: str, id_: str) -> None:
        """An id of ASCII letters, digits, '.', '_' and '-', after NFKC normalisation."""
        assert to_id(given, "officer_id") == id_

    @given(st.text(min_size=1, max_size=12))
    def test_no_id_hides_another(self, text: str) -> None:
        """Any text at all, with characters of every Unicode category: either it becomes a plain
        ASCII id (its NFKC form), or it is refused naming the first odd code point — never a
        look-alike of another id."""
        normal = unicodedata.normalize("NFKC", text)
        odd = [c for c in normal if not re.match(ID_CHAR, c)]
        if odd or not normal[:1].isalnum() or len(normal) > MAX_ID:
            with pytest.raises(InvalidInputError) as info:
                to_id(text, "officer_id")
            assert info.value.field == "officer_id"
            if odd:
                assert f"U+{ord(odd[0]):04X} " in str(info.value)
            return
        id_ = to_id(text, "officer_id")
        assert re.fullmatch(f"{ID_CHAR}+", id_)
        assert id_ == unicodedata.normalize("NFKC", text)

    @given(st.text(min_size=1, max_size=12).filter(str.strip))
    def test_names_refuse_what_hides_text(self, text: str) -> None:
        """A name may be any printable text; control, format, surrogate, private-use and
        unassigned characters and line separators are refused by code point."""
        hidden = [c for c in text if unicodedata.category(c) in HIDDEN_CATEGORIES]
        if hidden:
            with pytest.raises(InvalidInputError, match=f"U\\+{ord(hidden[0]):04X} "):
                to_name(text, "name")
        else:
            assert to_name(text, "name") == text

    def test_code_points_are_named(self) -> None:
        """Each odd character is shown once, by code point and name (controls by kind)."""
        assert code_points("\u200b\x00\u200b\u0422") == (
            "U+200B ZERO WIDTH SPACE, U+0000 <control>, U+0422 CYRILLIC CAPITAL LETTER TE"
        )


# --- errors ------------------------------------------------------------------------------------


class TestErrors:
    def test_hierarchy(self) -> None:
        """Every error is a G287Error; value problems are ValueErrors, type problems
        TypeErrors, so callers catching the builtins keep working."""
        assert issubclass(InvalidInputError, ValueError)
        assert issubclass(InvalidTypeError, TypeError)
        assert issubclass(PolicyError, InvalidInputError)
        assert issubclass(NotInEffectError, ValueError)
        for error in (InvalidInputError, InvalidTypeError, PolicyError, NotInEffectError):
            assert issubclass(error, G287Error)

    def test_about_names_field_and_value(self) -> None:
        """``about`` writes ``field: <value> problem`` and keeps both as attributes."""
        error = InvalidInputError.about("salary", "-5", "is negative; expected an amount >= 0")
        assert str(error) == "salary: '-5' is negative; expected an amount >= 0"
        assert (error.field, error.value) == ("salary", "-5")

    @pytest.mark.parametrize(
        "error",
        [
            InvalidInputError.about("salary", "-5", "is negative"),
            InvalidTypeError.about("officers", 1.5, "is a float"),
            PolicyError.about("tiers", (), "is empty"),
            NotInEffectError(
                "date: 2025-09-30 is before", field="date", value=dt.date(2025, 9, 30)
            ),
            G287Error("plain"),
            VerificationError(
                "Claim.lines[0].salary: '2.00' is stated", field="lines[0].salary", value=2
            ),
        ],
        ids=type,
    )
    def test_pickle_keeps_field_and_value(self, error: G287Error) -> None:
        """An error crosses a process boundary (multiprocessing, a notebook's parallel map)
        with its class, message, field and value intact."""
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert (copy.field, copy.value) == (error.field, error.value)
        assert getattr(copy, "recomputed", None) == getattr(error, "recomputed", None)

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("T-01", "'T-01'"),
            ("9" * 40, repr("9" * 40)),
            ("9" * 41, repr("9" * 40 + "\u2026")),
            ("T-01\u200b", "'T-01\\u200b'"),
            ("\x1b[2J\rpaid", "'\\x1b[2J\\rpaid'"),
            ("a\nb", "'a\\nb'"),
            (Decimal("1.5"), "Decimal('1.5')"),
            (list(range(100)), repr(list(range(100)))[:80] + "\u2026"),
        ],
    )
    def test_show_shortens_and_escapes(self, value: object, shown: str) -> None:
        """Untrusted text is cut to 40 characters (marked ``…``) and escaped, so a message can
        neither flood a log nor rewrite a terminal or hide a zero-width character."""
        assert show(value) == shown

    def test_messages_show_values_safely(self) -> None:
        """A refused amount's message shows the escaped, shortened text, while ``.value``
        keeps what was given."""
        text = "\x1b[31m" + "1" * 100
        with pytest.raises(InvalidInputError) as info:
            to_money(text, "salary")
        message = str(info.value)
        assert "\x1b" not in message
        assert "\\x1b[31m" in message
        assert "1" * 41 not in message
        assert info.value.value == text


# --- refusals ----------------------------------------------------------------------------------

ID_CHAR = r"[A-Za-z0-9._-]"
HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
NOON = dt.datetime(2026, 1, 1, 12)  # noqa: DTZ001 - a time of day where a date belongs
MALFORMED = ["", " ", "1e3", "+1", "1,000", "1_000", "$5", "1.2.3", ".", "\u0661\u0662"]

#: (call, error, match): ``match`` is the ``field: value`` start of the message; the field named
#: before the colon is also the error's ``.field``.
REFUSALS: list[tuple[Callable[[], object], type[G287Error], str]] = [
    # money: types
    (lambda: to_money(0.1, "salary"), InvalidTypeError, r"salary: 0\.1 is a float"),
    (lambda: to_money(True, "salary"), InvalidTypeError, "salary: True is a bool"),
    (lambda: to_money([1], "salary"), InvalidTypeError, r"salary: \[1\] is a list"),
    (lambda: to_money(None, "salary"), InvalidTypeError, "salary: None is a NoneType"),
    (lambda: to_signed_money(0.1, "x"), InvalidTypeError, r"x: 0\.1 is a float"),
    # money: malformed text
    *(
        (lambda t=text: to_money(t, "salary"), InvalidInputError, re.escape(f"salary: {text!r}"))
        for text in MALFORMED
    ),
    (lambda: to_money("1" * 65, "salary"), InvalidInputError, "salary: '1{40}\u2026' is not"),
    (lambda: to_money("NaN", "salary"), InvalidInputError, "salary: 'NaN' is not an amount"),
    # money: values
    (lambda: to_money(Decimal("NaN"), "x"), InvalidInputError, r"x: Decimal\('NaN'\) is not a"),
    (lambda: to_money(Decimal("sNaN"), "x"), InvalidInputError, r"x: Decimal\('sNaN'\) is not"),
    (lambda: to_money(Decimal("-Inf"), "x"), InvalidInputError, r"x: Decimal\('-Infinity'\)"),
    (lambda: to_money("-1", "salary"), InvalidInputError, "salary: '-1' is negative"),
    (lambda: to_money(-1, "salary"), InvalidInputError, "salary: -1 is negative"),
    (lambda: to_money(Decimal("-0.01"), "x"), InvalidInputError, r"x: Decimal\('-0\.01'\) is neg"),
    (lambda: to_money("0.001", "x"), InvalidInputError, "x: '0.001' has fractions of a cent"),
    (lambda: to_money("1.001", "x"), InvalidInputError, "x: '1.001' has fractions of a cent"),
    (lambda: to_money(Decimal("1E-3"), "x"), InvalidInputError, r"x: Decimal\('0\.001'\) has"),
    (lambda: to_money("1000000000000", "x"), InvalidInputError, "x: '1000000000000' is too large"),
    (lambda: to_money(10**12, "x"), InvalidInputError, "x: 1000000000000 is too large"),
    (lambda: to_money(Decimal("1E+1000"), "x"), InvalidInputError, r"x: Decimal\('1E\+1000'\)"),
    (lambda: to_signed_money("-1000000000000", "x"), InvalidInputError, "x: '-1000000000000' is"),
    # cents of something that is not a two-place amount
    (lambda: cents(Decimal("0.015")), InvalidInputError, r"amount: Decimal\('0\.015'\) has"),
    (lambda: cents(Decimal("1E+12")), InvalidInputError, r"amount: Decimal\('1E\+12'\) is too"),
    # split weights
    (lambda: split_cents(Decimal("5.00"), [0, 0]), InvalidInputError, r"weights: \[0, 0\]"),
    (lambda: split_cents(Decimal("5.00"), [2, -1]), InvalidInputError, r"weights: \[2, -1\]"),
    (lambda: split_cents(Decimal("5.00"), []), InvalidInputError, r"weights: \[\]"),
    # counts, flags, text, dates
    (lambda: to_count(True, "officers"), InvalidTypeError, "officers: True is a bool"),
    (lambda: to_count(1.0, "officers"), InvalidTypeError, r"officers: 1\.0 is a float"),
    (lambda: to_count("1", "officers"), InvalidTypeError, "officers: '1' is a str"),
    (lambda: to_count(-1, "officers"), InvalidInputError, "officers: -1 is negative"),
    (lambda: to_count(MAX_COUNT + 1, "n"), InvalidInputError, "n: 1000000001 is too large"),
    (lambda: to_bool(1, "flag"), InvalidTypeError, "flag: 1 is an int"),
    (lambda: to_bool("yes", "flag"), InvalidTypeError, "flag: 'yes' is a str"),
    (lambda: to_text(3, "id"), InvalidTypeError, "id: 3 is an int"),
    (lambda: to_text(" \t", "id"), InvalidInputError, r"id: ' \\t' is empty"),
    (lambda: to_date("2026-1-1", "day"), InvalidInputError, "day: '2026-1-1' is not a date"),
    (lambda: to_date(20260101, "day"), InvalidTypeError, "day: 20260101 is an int"),
    (
        lambda: to_date(NOON, "day"),
        InvalidInputError,
        r"day: datetime\.datetime\(2026, 1, 1, 12, 0\) has a time of day",
    ),
    (lambda: to_optional_date("", "until"), InvalidInputError, "until: '' is not a date"),
    # identifiers and names
    (lambda: to_id(7, "officer_id"), InvalidTypeError, "officer_id: 7 is an int"),
    (lambda: to_id("", "officer_id"), InvalidInputError, "officer_id: '' is empty"),
    (lambda: to_id("-T1", "officer_id"), InvalidInputError, "officer_id: '-T1' does not start"),
    (lambda: to_id("T" * 65, "officer_id"), InvalidInputError, "officer_id: 'TTTT.* is 65"),
    (lambda: to_id("T 1", "officer_id"), InvalidInputError, "officer_id: 'T 1' contains U"),
    (lambda: to_name("A\nB", "name"), InvalidInputError, r"name: 'A\\nB' contains U\+000A"),
    (lambda: to_name(" ", "name"), InvalidInputError, "name: ' ' is empty"),
]


@pytest.mark.parametrize(("call", "error", "match"), REFUSALS, ids=[m for _, _, m in REFUSALS])
def test_refusals(call: Callable[[], object], error: type[G287Error], match: str) -> None:
    """Each bad amount, count, flag, text or date is refused with the error class of its kind,
    naming the field and showing the value."""
    with pytest.raises(error, match=f"^{match}") as info:
        call()
    assert info.value.field == match.partition(":")[0]
