"""Exact amounts of money.

Money is :class:`decimal.Decimal` with exactly two places (cents). Input may be an ``int``, a
``str`` or a ``Decimal``; a ``float`` is refused because it cannot say which cents it means, and a
``bool`` is refused because ``True`` is not an amount. Amounts finer than a cent are refused
rather than silently rounded: every rounding in g287 is named (I-CENT) and happens in one place.

g287 never does arithmetic on ``Decimal`` values: amounts are read exactly, turned into whole
cents (``int``), added, split and compared as integers, and written back as two-place
``Decimal`` text. So no decimal context — the caller's ``decimal.getcontext()``, however a
notebook or host system has set it — can change a figure or raise from inside g287.

Rounding helpers:

* :func:`cents_floor` — round a non-negative exact rational down to the cent (I-CENT: the overtime
  cap rounds down so it can never be exceeded).
* :func:`split_cents` — split an amount into parts proportional to integer weights by the
  largest-remainder method (I-CENT: the parts always sum to the whole, to the cent).
  The claims engine computes the equal-weight case in closed form, per run of days; a test holds
  the two to the same cents.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import MAX_PREC, Context, Decimal, Inexact, InvalidOperation, Rounded
from fractions import Fraction
from typing import Any, Final

from ._validators import type_error
from .errors import InvalidInputError, InvalidTypeError

__all__ = [
    "CENT",
    "MAX_MONEY",
    "ZERO",
    "cents",
    "cents_floor",
    "format_money",
    "format_percent",
    "from_cents",
    "split_cents",
    "sum_money",
    "to_money",
    "valid_money",
]

#: g287's own context for the one operation on amounts that takes one (``scaleb``): it never
#: rounds (any precision), and would trap if it did; a caller's context plays no part.
_EXACT: Final = Context(prec=MAX_PREC, traps=[Inexact, Rounded, InvalidOperation])
#: One cent, the unit every amount is a whole number of.
CENT: Final = Decimal("0.01")
#: Zero dollars, written with cents.
ZERO: Final = Decimal("0.00")
#: The largest amount accepted anywhere (a trillion dollars less a cent), input or result.
MAX_MONEY: Final = Decimal("999999999999.99")
#: :data:`MAX_MONEY` in whole cents, the form the claims engine and a payroll's columns hold.
MAX_CENTS: Final = 99_999_999_999_999
# Plain decimal notation in ASCII digits: no exponent, underscore, plus sign or other scripts
# (re.ASCII). Compiled on first use (``re`` caches it): amounts g287 writes take _TWO_PLACES.
_AMOUNT: Final = r"\s*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*"
# Longer text cannot be an amount up to MAX_MONEY; refusing it first keeps parsing cheap.
_LONGEST_TEXT: Final = 64
# An amount already in the form g287 writes (dollars, a point, two decimals, within MAX_MONEY):
# the common case of payroll files and of amounts g287 made itself, read without arithmetic.
_TWO_PLACES_TEXT: Final = r"(?:0|[1-9][0-9]{0,11})\.[0-9][0-9]"
_TWO_PLACES: Final = re.compile(_TWO_PLACES_TEXT, re.ASCII)
# A column of such amounts, one per line (compiled on first use).
_TWO_PLACES_LINES: Final = f"{_TWO_PLACES_TEXT}(?:\n{_TWO_PLACES_TEXT})*"


def to_money(value: object, field: str) -> Decimal:
    """Return ``value`` as a non-negative ``Decimal`` with two places.

    Args:
        value: an ``int``, a ``str`` such as ``"1234.50"`` or a ``Decimal``.
        field: the name used in an error message.

    Raises:
        InvalidTypeError: for a ``float``, a ``bool`` or any other type.
        InvalidInputError: for a malformed string, NaN, an infinity, a negative amount, an amount
            finer than a cent, or one above :data:`MAX_MONEY`.

    >>> to_money("1234.5", "salary")
    Decimal('1234.50')
    >>> to_money(0.1, "salary")
    Traceback (most recent call last):
    ...
    g287.errors.InvalidTypeError: salary: 0.1 is a float; pass a string or Decimal such as '0.1'
    """
    kind = type(value)
    if kind is Decimal or kind is str:  # the hot path: an amount already written as g287 does
        text = str(value)
        if _TWO_PLACES.fullmatch(text):
            return value if kind is Decimal else Decimal(text)  # type: ignore[return-value]
    count = _cents_of(value, field)
    if count < 0:
        raise InvalidInputError.about(field, value, "is negative; expected an amount >= 0")
    return from_cents(count)


def two_places(text: str) -> Decimal | None:
    """The amount ``text`` writes in g287's own form (dollars, a point, two decimals, within
    :data:`MAX_MONEY`), or ``None`` for any other text: the common case of a payroll's cells,
    read with one pattern and no arithmetic.

    >>> two_places("2769.23"), two_places("2769.2")
    (Decimal('2769.23'), None)
    """
    return Decimal(text) if _TWO_PLACES.fullmatch(text) else None


def plain_cents(text: str) -> int | None:
    """The cents of ``text`` if it is in :func:`two_places`' form, else ``None``.

    >>> plain_cents("2769.23"), plain_cents("$2,769.23")
    (276923, None)
    """
    return int(text.replace(".", "")) if _TWO_PLACES.fullmatch(text) else None


def cents_of_texts(texts: Sequence[str], other: Callable[[str], int]) -> list[int]:
    """The cents of each text: a text in :func:`two_places`' form read here (a column of them
    all at once), any other by ``other`` (a reader of ``$1,234.56``, which refuses what is not
    an amount).

    >>> cents_of_texts(["2769.23", "$1,000.00"], lambda text: 100000)
    [276923, 100000]
    """
    found = two_places_cents(texts)
    if found is not None:
        return found
    match = _TWO_PLACES.fullmatch
    return [int(text.replace(".", "")) if match(text) else other(text) for text in texts]


def two_places_cents(texts: Sequence[str]) -> list[int] | None:
    """The cents of each text if every one is in :func:`two_places`' form, else ``None``: a
    column of a payroll read at once, with no ``Decimal`` made.

    >>> two_places_cents(["2769.23", "0.05"]), two_places_cents(["2769.23", "1e3"])
    ([276923, 5], None)
    """
    if not texts:
        return []
    joined = "\n".join(texts)  # matched at once: a column of a payroll's chunk is one text
    if re.fullmatch(_TWO_PLACES_LINES, joined, re.ASCII) is None:
        return None
    digits = joined.replace(".", "").split("\n")
    if len(digits) != len(texts):  # a text held a line break of its own
        return None
    return list(map(int, digits))


def to_signed_money(value: object, field: str) -> Decimal:
    """:func:`to_money` that also accepts a negative amount (an adjustment)."""
    count = _plain_cents(value)
    return from_cents(_cents_of(value, field) if count is None else count)


def _cents_of(value: object, field: str) -> int:
    """Whole cents of an amount given as an integer of any type (NumPy's too), ``str`` or
    ``Decimal``, read exactly."""
    if isinstance(value, numbers.Integral) and not isinstance(value, (int, bool)):
        value = int(value)  # a NumPy integer, read as the whole dollars it holds
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        if isinstance(value, float):
            raise InvalidTypeError.about(
                field, value, f"is a float; pass a string or Decimal such as {str(value)!r}"
            )
        raise type_error(field, value, "an amount as int, str or Decimal")
    if isinstance(value, str):
        if len(value) > _LONGEST_TEXT or re.fullmatch(_AMOUNT, value, re.ASCII) is None:
            raise InvalidInputError.about(
                field, value, "is not an amount; expected digits such as '1234.56'"
            )
        amount = Decimal(value.strip())  # exact: the constructor never rounds
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        amount = value
    if not amount.is_finite():
        raise InvalidInputError.about(field, value, "is not a finite amount")
    if amount.copy_abs() > MAX_MONEY:  # copy_abs and comparisons ignore the context
        raise InvalidInputError.about(field, value, f"is too large; expected at most {MAX_MONEY}")
    if amount and amount.adjusted() < -2:  # its first digit is below the cents
        raise InvalidInputError.about(field, value, "has fractions of a cent; expected whole cents")
    numerator, denominator = amount.as_integer_ratio()  # exact, whatever the context
    count, rest = divmod(numerator * 100, denominator)
    if rest:
        raise InvalidInputError.about(field, value, "has fractions of a cent; expected whole cents")
    return count


def valid_money(_instance: object, attribute: Any, value: Decimal) -> None:
    """A field check: a non-negative two-place ``Decimal`` amount up to :data:`MAX_MONEY`.

    Results are built by g287 (or read from JSON) with ``Decimal`` amounts, so a result's field
    is checked, not converted: a string or a float there is refused.
    """
    if type(value) is not Decimal:
        raise type_error(attribute.name, value, "a Decimal amount")
    to_money(value, attribute.name)


def cents(amount: Decimal) -> int:
    """A two-place ``Decimal`` amount as a whole number of cents (exact, no context used).

    >>> cents(Decimal("1234.56"))
    123456
    """
    count = _plain_cents(amount)
    return _cents_of(amount, "amount") if count is None else count


def _plain_cents(amount: object) -> int | None:
    """The cents of a two-place ``Decimal`` within :data:`MAX_MONEY`, read from its exact ratio
    (the hot path of every amount g287 made itself), or ``None`` for anything else."""
    if type(amount) is Decimal and amount.is_finite() and -2 <= amount.adjusted() <= 11:
        numerator, denominator = amount.as_integer_ratio()
        count, rest = divmod(numerator * 100, denominator)
        if not rest:  # and |count| < 10**14: within MAX_MONEY, as adjusted() <= 11 says
            return count
    return None


def from_cents(count: int) -> Decimal:
    """A whole number of cents as a two-place ``Decimal`` (exact, no context used).

    >>> from_cents(123456), from_cents(-5)
    (Decimal('1234.56'), Decimal('-0.05'))
    """
    return Decimal(count).scaleb(-2, _EXACT)  # the constructor is exact; scaleb moves the point


def sum_money(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of amounts, added as whole cents."""
    return from_cents(sum(map(cents, amounts)))


def cents_floor(value: Fraction) -> Decimal:
    """Round an exact non-negative amount (in dollars) down to the cent (I-CENT).

    >>> cents_floor(Fraction(100001, 4))
    Decimal('25000.25')
    """
    return from_cents((value * 100).__floor__())


def split_cents(total: Decimal, weights: Sequence[int]) -> list[Decimal]:
    """Split ``total`` into parts proportional to ``weights`` by the largest-remainder method.

    I-CENT: each part gets the floor of its exact share in cents; the cents left over go one each
    to the parts with the largest remainders (ties to the earlier part). The parts always sum to
    ``total`` exactly.

    >>> split_cents(Decimal("100.00"), [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    whole = sum(weights)
    if whole <= 0 or any(w < 0 for w in weights):
        raise InvalidInputError.about(
            "weights", list(weights), "are not weights; expected non-negative, not all zero"
        )
    count = cents(total)
    shares = [divmod(count * w, whole) for w in weights]
    parts = [q for q, _ in shares]
    left = count - sum(parts)
    by_remainder = sorted(range(len(weights)), key=lambda i: -shares[i][1])
    for i in by_remainder[:left]:
        parts[i] += 1
    return [from_cents(p) for p in parts]


def format_percent(share: Fraction) -> str:
    """Format a share of the whole (``Fraction(9, 10)``) as a percent, exactly, for reading.

    Up to three decimal places are shown; ``…`` marks digits cut off (never rounded), so what is
    printed is always a true prefix of the exact value.

    >>> [format_percent(Fraction(n, d)) for n, d in [(9, 10), (1, 8), (2, 3)]]
    ['90%', '12.5%', '66.666…%']
    """
    whole, rest = divmod(share.numerator * 100, share.denominator)
    digits = ""
    while rest and len(digits) < 3:
        digit, rest = divmod(rest * 10, share.denominator)
        digits += str(digit)
    shown = f"{whole}.{digits}" if digits else str(whole)
    return f"{shown}\u2026%" if rest else f"{shown}%"


def format_money(amount: Decimal) -> str:
    """Format an amount as dollars with thousands separators: ``$1,234.50`` (``-$5.00``).

    >>> format_money(Decimal("1000")), format_money(Decimal("-5"))
    ('$1,000.00', '-$5.00')
    """
    count = cents(amount)
    dollars, rest = divmod(abs(count), 100)
    return f"{'-' if count < 0 else ''}${dollars:,}.{rest:02d}"
