"""The cents engine of the claims: pay records spread over days, and the overtime cap ledger.

Everything here is integers: days are ordinals (``date.toordinal()``) and amounts whole cents.
A prepared record is a plain tuple ``(start, end, days, salary, benefits, overtime)``.

* I-DAYS and I-CENT: a record's amounts are spread evenly over its calendar days, the remainder
  cents one each on its earliest days (the largest-remainder method with equal weights, ties to
  the earlier day). :func:`share` gives the cents of any run of a record's days in closed form,
  so any partition of a record (by window, quarter or claim) sums to the record exactly.
* I-CAPYEAR: an officer's overtime cap runs over the fiscal year and is consumed in date order:
  the overtime reimbursed up to a day is ``min(cap, eligible overtime up to that day)``, whatever
  order the records came in.
"""

from __future__ import annotations

from collections.abc import Iterable

#: A prepared pay record: start and end ordinals, days, and salary, benefits, overtime cents.
Record = tuple[int, int, int, int, int, int]
#: An officer's figures over a period, in cents: salary, benefits, overtime claimed,
#: overtime reimbursed, cap used before the period, not eligible.
Figures = tuple[int, int, int, int, int, int]
#: An empty run of days (``lo > hi``): nothing of any record falls in it.
EMPTY = (1, 0)


def share(cents: int, days: int, first: int, last: int) -> int:
    """Cents of a ``days``-day record falling on its days ``first`` … ``last`` (0-based).

    Each day gets ``cents // days``; the remaining ``cents % days`` cents go one each to the
    earliest days (a negative amount, a recovery, is spread as its opposite, negated). Summing
    this over any partition of the days gives ``cents`` exactly.

    >>> [share(100, 3, d, d) for d in range(3)], share(100, 3, 0, 2)
    ([34, 33, 33], 100)
    """
    if cents < 0:  # a recovery is spread as the pay it takes back, so the two cancel day by day
        return -share(-cents, days, first, last)
    base, extra = divmod(cents, days)
    return (last - first + 1) * base + max(0, min(last + 1, extra) - first)


def part(record: Record, lo: int, hi: int) -> tuple[int, int, int]:
    """Salary, benefits and overtime cents on the record's days within ordinals lo … hi, which
    the record overlaps: :func:`share` of each amount."""
    start, end, days, salary, benefits, overtime = record
    a = (lo if lo > start else start) - start
    b = (hi if hi < end else end) - start
    if salary < 0 or benefits < 0 or overtime < 0:  # a recovery: share() spreads its opposite
        return share(salary, days, a, b), share(benefits, days, a, b), share(overtime, days, a, b)
    # share() of each amount, written out (a national claim takes parts of ~50,000 records;
    # a test holds the two equal): each day's whole cents, then the remainder cents that fall
    # on the days a … b, one on each of the record's first ``extra`` days.
    n, after = b - a + 1, b + 1
    s, s_extra = divmod(salary, days)
    e, e_extra = divmod(benefits, days)
    o, o_extra = divmod(overtime, days)
    s_extra = (after if after < s_extra else s_extra) - a
    e_extra = (after if after < e_extra else e_extra) - a
    o_extra = (after if after < o_extra else o_extra) - a
    return (
        n * s + (s_extra if s_extra > 0 else 0),
        n * e + (e_extra if e_extra > 0 else 0),
        n * o + (o_extra if o_extra > 0 else 0),
    )


def capped(cap: int, before: int, overtime: int) -> int:
    """I-CAPYEAR: the overtime reimbursed within ``cap`` for ``overtime`` cents paid after
    ``before`` cents of eligible overtime earlier in the fiscal year. The cap is consumed in
    date order, so this is ``min(cap, before + overtime) - min(cap, before)``."""
    return min(cap, before + overtime) - min(cap, before)


def eligible(records: Iterable[Record], lo: int, hi: int) -> tuple[int, int, int]:
    """Salary, benefits and overtime cents of the records on the days ``lo`` … ``hi``."""
    salary = benefits = overtime = 0
    if lo > hi:
        return 0, 0, 0
    for rec in records:
        start, end, _, pay, benefit, extra = rec
        if end < lo or start > hi:
            continue
        if lo <= start and end <= hi:  # the common case: the whole record
            salary += pay
            benefits += benefit
            overtime += extra
            continue
        some = part(rec, lo, hi)  # it overlaps lo … hi
        salary += some[0]
        benefits += some[1]
        overtime += some[2]
    return salary, benefits, overtime


def officer_figures(
    records: Iterable[Record],
    period: tuple[int, int],
    window: tuple[int, int],
    cap: int,
    earlier: int,
) -> Figures:
    """An officer's eligible pay in ``period`` and the overtime reimbursed within ``cap``.

    ``window`` is the run of days the officer's pay is reimbursable (I-WIN, I-MODEL; ``EMPTY``
    if none); ``earlier`` the eligible overtime, in cents, paid before the period in the fiscal
    year, which uses the cap first (I-CAPYEAR). Records outside the period are passed over.
    """
    p_lo, p_hi = period
    w_lo, w_hi = window
    e_lo, e_hi = max(p_lo, w_lo), min(p_hi, w_hi)
    salary = benefits = overtime = in_period = 0
    for rec in records:
        start, end, _, pay, benefit, extra = rec
        if end < p_lo or start > p_hi:
            continue
        if p_lo <= start and end <= p_hi:  # wholly in the period
            in_period += pay + benefit + extra
            if e_lo <= start and end <= e_hi:  # ... and wholly eligible: the common case
                salary += pay
                benefits += benefit
                overtime += extra
                continue
        else:
            whole = part(rec, p_lo, p_hi)  # it overlaps the period
            in_period += sum(whole)
        if e_lo <= e_hi and start <= e_hi and e_lo <= end:  # some of its eligible days
            inside = part(rec, e_lo, e_hi)
            salary += inside[0]
            benefits += inside[1]
            overtime += inside[2]
    used_before = min(cap, earlier)
    reimbursed = capped(cap, earlier, overtime)
    not_eligible = in_period - salary - benefits - overtime
    return salary, benefits, overtime, reimbursed, used_before, not_eligible
