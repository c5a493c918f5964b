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

from ._validators import MAX_COUNT, instance, to_count
from .announced import POLICY
from .award import award_in_cents, check_leads
from .errors import InvalidInputError, InvalidTypeError
from .money import MAX_CENTS, cents
from .policy import NoLeads, Policy, whole_percent

__all__ = ["award_cents"]


def _cents_table(policy: Policy) -> list[int]:
    """Award per officer in cents for each whole percent 0-100 (0 below every band)."""
    return [
        cents(tier.amount) if (tier := policy.tier_for_percent(p)) is not None else 0
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
            ``located > provided``, an award above :data:`~g287.money.MAX_MONEY` (as
            :func:`~g287.quarterly_award` refuses it), or (under the I-BELOW option ``error``)
            ``provided == 0`` — naming the first offending row.
    """
    instance(policy, Policy, "policy", "a g287.Policy")
    numpy = sys.modules.get("numpy")
    if numpy is not None and any(
        hasattr(c, "__array__") for c in (located, provided, officers) if c is not None
    ):
        return _numpy(numpy, located, provided, officers, policy)
    return _python(located, provided, officers, policy)


def _column(values: object, name: str) -> list[int]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidTypeError.about(name, values, "is not a column; expected an iterable of int")
    column = list(values)
    for i, v in enumerate(column):
        if type(v) is not int:  # other integer types (NumPy's scalars) via __index__
            whole = None
            if not isinstance(v, bool):  # NumPy's bool refuses __index__ by itself
                with contextlib.suppress(TypeError):
                    whole = operator.index(v)
            if whole is None:
                raise InvalidTypeError.about(
                    f"{name}[{i}]", v, f"is a {type(v).__name__}; expected a whole number (int)"
                )
            column[i] = whole
    return column


def _row_error(i: int, exc: InvalidInputError) -> InvalidInputError:
    """A row's error from the one check of lead counts, located at the row."""
    return InvalidInputError(f"row {i}: {exc}", field=exc.field, value=exc.value)


def _no_leads(i: int) -> InvalidInputError:
    return InvalidInputError(
        f"row {i}: provided: 0; the policy's I-BELOW option 'error' refuses a quarter without "
        "leads",
        field="provided",
        value=0,
    )


def _python(located: object, provided: object, officers: object, policy: Policy) -> list[int]:
    loc = _column(located, "located")
    pro = _column(provided, "provided")
    off = [1] * len(loc) if officers is None else _column(officers, "officers")
    if not len(loc) == len(pro) == len(off):
        raise InvalidInputError.about(
            "columns",
            (len(loc), len(pro), len(off)),
            "are lengths that differ; expected located, provided and officers of one length",
        )
    table = _cents_table(policy)
    rounding = policy.band_rounding
    no_leads_error = policy.no_leads is NoLeads.ERROR
    out = []
    for i, (n, d, k) in enumerate(zip(loc, pro, off, strict=True)):
        if not (0 <= n <= d <= MAX_COUNT and 0 <= k <= MAX_COUNT):
            try:
                check_leads(n, d)
                to_count(k, "officers")
            except InvalidInputError as exc:
                raise _row_error(i, exc) from None
        if d == 0:
            if no_leads_error:
                raise _no_leads(i)
            out.append(0)
            continue
        per_officer = table[whole_percent(n, d, rounding)]
        try:
            out.append(award_in_cents(per_officer, k, "officers"))
        except InvalidInputError as exc:
            raise _row_error(i, exc) from None
    return out


def _numpy(np: Any, located: Any, provided: Any, officers: Any, policy: Policy) -> Any:
    # Whole-column operations only: reductions to check, one integer division to band.
    def column(values: Any, name: str) -> Any:
        try:
            array = np.asarray(values)
        except ValueError as exc:  # ragged nesting, for one
            raise InvalidTypeError(
                f"{name}: not a column of integers ({exc})", field=name, value=values
            ) from None
        if array.ndim != 1 or array.dtype.kind not in "iu":
            raise InvalidTypeError(
                f"{name}: an array of dtype {array.dtype} and shape {array.shape}; "
                "expected a one-dimensional integer column",
                field=name,
                value=values,
            )
        return array.astype(np.int64, copy=False)

    loc = column(located, "located")
    pro = column(provided, "provided")
    off = None if officers is None else column(officers, "officers")
    lengths = (len(loc), len(pro)) + (() if off is None else (len(off),))
    if len(set(lengths)) != 1:
        raise InvalidInputError.about(
            "columns", lengths, "are lengths that differ; expected columns of one length"
        )
    # Reductions first (cheap); only a column that fails one is searched for its first bad row,
    # which then gets the one check's own message.
    if loc.size and (
        loc.min() < 0
        or pro.max() > MAX_COUNT
        or bool((loc > pro).any())
        or (off is not None and (off.min() < 0 or off.max() > MAX_COUNT))
    ):
        bad = (loc < 0) | (loc > pro) | (pro > MAX_COUNT)
        if off is not None:
            bad |= (off < 0) | (off > MAX_COUNT)
        i = int(np.flatnonzero(bad)[0])
        try:
            check_leads(int(loc[i]), int(pro[i]))
            to_count(int(off[i]) if off is not None else 1, "officers")
        except InvalidInputError as exc:
            raise _row_error(i, exc) from None
    empty = pro == 0
    has_empty = bool(empty.any())
    if has_empty and policy.no_leads is NoLeads.ERROR:
        raise _no_leads(int(np.flatnonzero(empty)[0]))
    divisor = np.where(empty, 1, pro) if has_empty else pro
    percent = whole_percent(loc, divisor, policy.band_rounding)
    cents_per_officer = np.asarray(_cents_table(policy), dtype=np.int64)[percent]
    if has_empty:
        cents_per_officer[empty] = 0
    if off is None:
        return cents_per_officer
    award = cents_per_officer * off  # at most 10**9 officers times a tier: no int64 overflow
    if award.size and award.max() > MAX_CENTS:
        i = int(np.flatnonzero(award > MAX_CENTS)[0])
        try:
            award_in_cents(int(cents_per_officer[i]), int(off[i]), "officers")
        except InvalidInputError as exc:
            raise _row_error(i, exc) from None
    return award
