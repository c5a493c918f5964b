"""Exact amounts of money and counts.

Money is :class:`decimal.Decimal` with exactly two places (cents). Input may be an ``int``, a
``str`` or a ``Decimal``; a ``float`` is refused because it cannot say which cents it means, and a
``bool`` is refused because ``True`` is not an amount. Amounts finer than a cent are refused
rather than silently rounded: every rounding in g287 is named (I-CENT) and happens in one place.

Rounding helpers:

* :func:`cents_floor` — round a non-negative exact rational down to the cent (I-CENT: the overtime
  cap rounds down so it can never be exceeded).
* :func:`split_cents` — split an amount into parts proportional to integer weights by the
  largest-remainder method (I-CENT: the parts always sum to the whole, to the cent).
  The claims engine computes the equal-weight case in closed form, per run of days; a test holds
  the two to the same cents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

from .errors import InvalidInputError, InvalidTypeError

__all__ = [
    "CENT",
    "MAX_COUNT",
    "MAX_MONEY",
    "ZERO",
    "cents_floor",
    "format_money",
    "format_percent",
    "from_cents",
    "split_cents",
    "to_cents",
    "to_count",
    "to_money",
]

CENT: Final = Decimal("0.01")
ZERO: Final = Decimal("0.00")
#: The largest amount accepted anywhere (a trillion dollars less a cent). Larger inputs are
#: refused so that every figure stays well inside Decimal's default 28-digit precision.
MAX_MONEY: Final = Decimal("999999999999.99")

#: The largest count accepted (leads, officers): far above any agency's, small enough that
#: every award stays exact.
MAX_COUNT: Final = 10**9
# Plain decimal notation in ASCII digits: no exponent, underscore, plus sign or other scripts.
_AMOUNT: Final = re.compile(r"\s*-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*", re.ASCII)


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
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        if isinstance(value, float):
            raise InvalidTypeError(
                f"{field}: {value!r} is a float; pass a string or Decimal such as {str(value)!r}"
            )
        raise InvalidTypeError(
            f"{field}: {value!r} is a {type(value).__name__}; "
            "expected an amount as int, str or Decimal"
        )
    if isinstance(value, str):
        if _AMOUNT.fullmatch(value) is None:
            raise InvalidInputError(
                f"{field}: {value!r} is not an amount; expected digits such as '1234.56'"
            )
        amount = Decimal(value.strip())
    else:
        amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidInputError(f"{field}: {value!r} is not a finite amount")
    if amount < 0:
        raise InvalidInputError(f"{field}: {value!r} is negative; expected an amount >= 0")
    if amount > MAX_MONEY:
        raise InvalidInputError(f"{field}: {value!r} is too large; expected at most {MAX_MONEY}")
    if amount != amount.quantize(CENT):  # not on the cent grid, whichever way it rounds
        raise InvalidInputError(f"{field}: {value!r} has fractions of a cent; expected whole cents")
    return amount.quantize(CENT) + ZERO  # adding ZERO turns -0.00 into 0.00


def to_count(value: object, field: str) -> int:
    """Return ``value`` as a non-negative ``int`` count, refusing ``bool``, ``float`` and the rest.

    >>> to_count(12, "officers")
    12
    >>> to_count(True, "officers")
    Traceback (most recent call last):
    ...
    g287.errors.InvalidTypeError: officers: True is a bool; expected a whole number (int) >= 0
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(
            f"{field}: {value!r} is a {type(value).__name__}; expected a whole number (int) >= 0"
        )
    if value < 0:
        raise InvalidInputError(f"{field}: {value!r} is negative; expected a whole number >= 0")
    if value > MAX_COUNT:
        raise InvalidInputError(f"{field}: {value!r} is too large; expected at most {MAX_COUNT}")
    return value


def to_cents(amount: Decimal) -> int:
    """Return a two-place ``Decimal`` as a whole number of cents."""
    return int(amount.scaleb(2))


def from_cents(cents: int) -> Decimal:
    """Return a whole number of cents as a two-place ``Decimal``.

    >>> from_cents(123456)
    Decimal('1234.56')
    """
    return Decimal(cents).scaleb(-2).quantize(CENT)


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
        raise InvalidInputError(f"weights: {list(weights)!r}; expected non-negative, not all zero")
    cents = to_cents(total)
    shares = [divmod(cents * w, whole) for w in weights]
    parts = [q for q, _ in shares]
    left = cents - sum(parts)
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
    """Format an amount as dollars with thousands separators: ``$1,234.50``.

    >>> format_money(Decimal("1000"))
    '$1,000.00'
    """
    return f"${amount:,.2f}"
