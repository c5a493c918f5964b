"""Exact awards for whole columns of (located, provided[, officers]): notebooks, national roll-ups.

:func:`award_cents` gives, for every row, the award in **integer cents** — exact, and the same
figure :func:`~g287.quarterly_award` gives for that row (with satisfactory assistance, I-ASSIST).
Rows are placed in bands with integer arithmetic only (I-RATE, I-BAND), never floats.

Columns may be lists, tuples or any iterables of ``int``; the result is then a ``list[int]``.
If the columns are NumPy arrays or pandas Series (anything with ``__array__`` while NumPy is
imported), the work is vectorised and the result is a NumPy ``int64`` array — g287 itself does
not depend on NumPy and never imports it unless you already have.

>>> award_cents([45, 41, 37, 33], [50, 50, 50, 50], [4, 4, 4, 4])
[400000, 300000, 200000, 0]
>>> from g287.money import from_cents
>>> from_cents(sum(award_cents([45, 41], [50, 50], [4, 4])))
Decimal('7000.00')
"""

from __future__ import annotations

import contextlib
import operator
import sys
from collections.abc import Iterable
from typing import Any

from .errors import InvalidInputError, InvalidTypeError
from .money import MAX_COUNT, to_cents
from .policy import POLICY, BandRounding, NoLeads, Policy

__all__ = ["award_cents"]


def _cents_table(policy: Policy) -> list[int]:
    """Award per officer in cents for each whole percent 0-100 (0 below every band)."""
    schedule = policy.award_schedule
    return [
        to_cents(tier.amount) if (tier := schedule.tier_for_percent(p)) is not None else 0
        for p in range(101)
    ]


def award_cents(
    located: Iterable[int] | Any,
    provided: Iterable[int] | Any,
    officers: Iterable[int] | Any | None = None,
    *,
    policy: Policy = POLICY,
) -> Any:
    """The award of every row, in integer cents (``officers`` defaults to 1 per row).

    Raises:
        InvalidTypeError: a value that is not an integer (``bool`` and ``float`` included), or a
            NumPy column whose dtype is not an integer type.
        InvalidInputError: columns of different lengths, a negative or too large count,
            ``located > provided``, or (under the I-BELOW option ``error``) ``provided == 0`` —
            naming the first offending row.
    """
    if not isinstance(policy, Policy):
        raise InvalidTypeError(
            f"policy: {policy!r} is a {type(policy).__name__}; expected a g287.Policy"
        )
    numpy = sys.modules.get("numpy")
    if numpy is not None and any(
        hasattr(c, "__array__") for c in (located, provided, officers) if c is not None
    ):
        return _numpy(numpy, located, provided, officers, policy)
    return _python(located, provided, officers, policy)


def _column(values: object, name: str) -> list[int]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError(f"{name}: {values!r}; expected a column (iterable) of int")
    column = list(values)
    for i, v in enumerate(column):
        if type(v) is not int:  # other integer types (NumPy's scalars) via __index__
            whole = None
            if not isinstance(v, bool):  # NumPy's bool refuses __index__ by itself
                with contextlib.suppress(TypeError):
                    whole = operator.index(v)
            if whole is None:
                raise InvalidTypeError(
                    f"{name}[{i}]: {v!r} is a {type(v).__name__}; expected a whole number (int)"
                )
            column[i] = whole
    return column


def _check_rows(located: list[int], provided: list[int], officers: list[int]) -> None:
    if not len(located) == len(provided) == len(officers):
        raise InvalidInputError(
            f"columns: lengths {len(located)}, {len(provided)}, {len(officers)}; "
            "expected located, provided and officers of one length"
        )
    for name, column in (("located", located), ("provided", provided), ("officers", officers)):
        if column and not 0 <= min(column) <= max(column) <= MAX_COUNT:
            i = next(i for i, v in enumerate(column) if not 0 <= v <= MAX_COUNT)
            raise InvalidInputError(f"{name}[{i}]: {column[i]}; expected 0 to {MAX_COUNT}")


def _python(located: object, provided: object, officers: object, policy: Policy) -> list[int]:
    loc = _column(located, "located")
    pro = _column(provided, "provided")
    off = [1] * len(loc) if officers is None else _column(officers, "officers")
    _check_rows(loc, pro, off)
    table = _cents_table(policy)
    rounding = policy.award_schedule.band_rounding
    no_leads_error = policy.award_schedule.no_leads is NoLeads.ERROR
    out = []
    for i, (n, d, k) in enumerate(zip(loc, pro, off, strict=True)):
        if n > d:
            raise InvalidInputError(f"row {i}: located {n} is more than provided {d}")
        if d == 0:
            if no_leads_error:
                raise InvalidInputError(f"row {i}: provided 0; I-BELOW option 'error'")
            out.append(0)
            continue
        if rounding is BandRounding.TRUNCATE:
            percent = 100 * n // d
        elif rounding is BandRounding.HALF_UP:
            percent = (200 * n + d) // (2 * d)
        else:
            percent, rest = divmod(100 * n, d)
            if 2 * rest > d or (2 * rest == d and percent % 2):
                percent += 1
        out.append(table[percent] * k)
    return out


def _numpy(np: Any, located: Any, provided: Any, officers: Any, policy: Policy) -> Any:
    # Whole-column operations only: reductions to check, one integer division to band.
    def column(values: Any, name: str) -> Any:
        try:
            array = np.asarray(values)
        except ValueError as exc:  # ragged nesting, for one
            raise InvalidTypeError(f"{name}: not a column of integers ({exc})") from None
        if array.ndim != 1 or array.dtype.kind not in "iu":
            raise InvalidTypeError(
                f"{name}: an array of dtype {array.dtype} and shape {array.shape}; "
                "expected a one-dimensional integer column"
            )
        array = array.astype(np.int64, copy=False)
        if array.size and (array.min() < 0 or array.max() > MAX_COUNT):
            i = int(np.flatnonzero((array < 0) | (array > MAX_COUNT))[0])
            raise InvalidInputError(f"{name}[{i}]: {int(array[i])}; expected 0 to {MAX_COUNT}")
        return array

    loc = column(located, "located")
    pro = column(provided, "provided")
    off = None if officers is None else column(officers, "officers")
    lengths = [len(loc), len(pro)] + ([] if off is None else [len(off)])
    if len(set(lengths)) != 1:
        raise InvalidInputError(
            f"columns: lengths {', '.join(map(str, lengths))}; expected columns of one length"
        )
    if (loc > pro).any():
        i = int(np.flatnonzero(loc > pro)[0])
        raise InvalidInputError(
            f"row {i}: located {int(loc[i])} is more than provided {int(pro[i])}"
        )
    empty = pro == 0
    has_empty = bool(empty.any())
    if has_empty and policy.award_schedule.no_leads is NoLeads.ERROR:
        i = int(np.flatnonzero(empty)[0])
        raise InvalidInputError(f"row {i}: provided 0; I-BELOW option 'error'")
    d = np.where(empty, 1, pro) if has_empty else pro
    rounding = policy.award_schedule.band_rounding
    if rounding is BandRounding.TRUNCATE:
        percent = 100 * loc // d
    elif rounding is BandRounding.HALF_UP:
        percent = (200 * loc + d) // (2 * d)
    else:
        percent, rest = np.divmod(100 * loc, d)
        percent += (2 * rest > d) | ((2 * rest == d) & (percent % 2 == 1))
    table = np.asarray(_cents_table(policy), dtype=np.int64)
    cents = table[percent]
    if has_empty:
        cents[empty] = 0
    if off is not None:
        cents *= off
    return cents
