"""The fiscal year before a claim's period, as the filings before it left it (I-CAPYEAR,
I-ADJUST): the cap each officer used, and the corrections a new payroll makes to periods already
filed.

Days are ordinals and amounts whole cents, as in ``g287._ledger``; a run of days is a pair
``(first, last)``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import _ledger
from .calendar import DateRange, FiscalYear, period_name
from .errors import InvalidInputError
from .filings import Adjustment, Filing
from .money import cents, from_cents


class Known:
    """What the earlier filings say about the fiscal year before a new claim's period."""

    def __init__(self, filings: tuple[Filing, ...]) -> None:
        self.filings = filings
        #: The periods filed, in date order.
        self.periods = tuple(f.period for f in filings)
        #: Cents claimed per (officer, period): salary, benefits, overtime claimed, reimbursed.
        self.claimed: dict[tuple[str, DateRange], list[int]] = {}
        for filing in filings:
            for x in filing.lines:
                sums = self.claimed.setdefault((x.officer_id, x.period), [0, 0, 0, 0])
                for i, amount in enumerate(
                    (x.salary, x.benefits, x.overtime_claimed, x.overtime_reimbursed)
                ):
                    sums[i] += cents(amount)
        # The days of each filed period no filing's payroll covered: they were filed as unpaid,
        # so pay the new payroll shows on them is new (the filings from that period on count).
        self.unseen: dict[DateRange, list[tuple[int, int]]] = {}
        for period in self.periods:
            runs = [(period.start.toordinal(), period.end.toordinal())]
            for filing in filings:
                if filing.period.start >= period.start and filing.coverage is not None:
                    runs = without(runs, days_of(filing.coverage))
            self.unseen[period] = runs
        # The records the filings read across their periods' edges, by officer and days (a later
        # filing's version of a record replaces an earlier one's).
        self.edges: dict[str, dict[tuple[int, int], _ledger.Record]] = defaultdict(dict)
        for filing in filings:
            for e in filing.edges:
                start, end = e.start.toordinal(), e.end.toordinal()
                self.edges[e.officer_id][start, end] = (
                    start,
                    end,
                    end - start + 1,
                    cents(e.salary),
                    cents(e.benefits),
                    cents(e.overtime),
                )

    def seen_inside(self, period: DateRange, covered: tuple[int, int]) -> bool:
        """Whether the payroll covers every day of a filed period a filing's payroll covered."""
        seen = _without_all([days_of(period)], self.unseen[period])
        return all(covered[0] <= a and b <= covered[1] for a, b in seen)


def days_of(r: DateRange) -> tuple[int, int]:
    """A range's days as a run of ordinals."""
    return r.start.toordinal(), r.end.toordinal()


def without(runs: list[tuple[int, int]], cut: tuple[int, int]) -> list[tuple[int, int]]:
    """The runs of days less the days of ``cut``."""
    out = []
    for lo, hi in runs:
        if cut[1] < lo or cut[0] > hi:
            out.append((lo, hi))
            continue
        if lo < cut[0]:
            out.append((lo, cut[0] - 1))
        if cut[1] < hi:
            out.append((cut[1] + 1, hi))
    return out


def clip(lo: int, hi: int, run: tuple[int, int]) -> tuple[int, int]:
    """The days ``lo`` … ``hi`` inside ``run`` (empty, ``first > last``, if none)."""
    return max(lo, run[0]), min(hi, run[1])


def officer_history(  # noqa: PLR0917 - one officer's ledger, from the claim's own inputs
    officer_id: str,
    ordinary: list[_ledger.Record],
    corrections: list[_ledger.Record],
    run: tuple[int, int],
    cap: int,
    segments: list[tuple[int, int, DateRange | None]],
    covered: tuple[int, int],
    known: Known,
) -> tuple[int, list[Adjustment]]:
    """I-CAPYEAR and I-ADJUST: the officer's eligible overtime before the claim's period, and
    the adjustments to the periods filed before it.

    The fiscal year before the period is walked in date order: a filed period the payroll
    covers is recomputed from the payroll; one it does not is taken as filed, plus what the
    payroll adds to it (adjustment records, pay on days no filing's payroll covered); a period
    not filed counts what the payroll holds for it. Each period uses the cap after the ones
    before it, so a correction early in the year moves the overtime reimbursed later.
    """
    everything = ordinary + corrections
    before, adjustments = 0, []
    for lo, hi, filed in segments:
        if filed is None:  # not filed: only the payroll's days count (I-CAPYEAR)
            found = _ledger.eligible(ordinary, *clip(*clip(lo, hi, covered), run))
            extra = _ledger.eligible(corrections, *clip(lo, hi, run))
            before += found[2] + extra[2]
            continue
        claimed = known.claimed.get((officer_id, filed), [0, 0, 0, 0])
        if known.seen_inside(filed, covered):  # the payroll gives the period anew
            salary, benefits, overtime = _ledger.eligible(everything, *clip(lo, hi, run))
        else:  # as filed, with what the payroll changes
            changes = _changes(officer_id, ordinary, corrections, filed, run, covered, known)
            salary, benefits, overtime = (c + d for c, d in zip(claimed, changes, strict=False))
            if min(salary, benefits, overtime) < 0:
                raise InvalidInputError.about(
                    "payroll",
                    officer_id,
                    f"has adjustments that take the eligible pay filed for {period_name(filed)} "
                    "below zero; an adjustment may correct pay, not make it negative",
                )
        reimbursed = _ledger.capped(cap, before, overtime)
        before += overtime
        if [salary, benefits, overtime, reimbursed] != claimed:
            adjustments.append(
                Adjustment(
                    officer_id=officer_id,
                    period=filed,
                    filed_salary=from_cents(claimed[0]),
                    filed_benefits=from_cents(claimed[1]),
                    filed_overtime_claimed=from_cents(claimed[2]),
                    filed_overtime_reimbursed=from_cents(claimed[3]),
                    salary=from_cents(salary),
                    benefits=from_cents(benefits),
                    overtime_claimed=from_cents(overtime),
                    overtime_reimbursed=from_cents(reimbursed),
                )
            )
    return before, adjustments


def _changes(  # noqa: PLR0917 - one officer's records against one filed period
    officer_id: str,
    ordinary: list[_ledger.Record],
    corrections: list[_ledger.Record],
    filed: DateRange,
    run: tuple[int, int],
    covered: tuple[int, int],
    known: Known,
) -> tuple[int, int, int]:
    """What a payroll that does not cover a filed period changes in it (I-ADJUST): its
    adjustment records; a record the filing read across the period's edge, shown again with
    other amounts (the difference) or no longer shown where the payroll covers it (taken
    back); pay on days no filing's payroll covered (new). Any other record on the period's days
    would be a correction the payroll cannot show: it is refused, not dropped."""
    lo, hi = days_of(filed)
    days = clip(lo, hi, run)
    total = list(_ledger.eligible(corrections, *days))

    def add(records: list[_ledger.Record], sign: int) -> None:
        for i, amount in enumerate(_ledger.eligible(records, *days)):
            total[i] += sign * amount

    edges = known.edges.get(officer_id, {})
    shown = set()
    for rec in ordinary:
        if rec[1] < lo or rec[0] > hi:
            continue
        key = (rec[0], rec[1])
        shown.add(key)
        if key in edges:  # read by a filing: only a difference in its amounts counts
            add([rec], 1)
            add([edges[key]], -1)
        elif _unseen(known.unseen[filed], max(lo, rec[0]), min(hi, rec[1])):
            add([rec], 1)  # on days no filing had payroll for: new
        else:
            start, end = dt.date.fromordinal(rec[0]), dt.date.fromordinal(rec[1])
            raise InvalidInputError.about(
                "payroll",
                officer_id,
                f"has a pay record {start.isoformat()} to {end.isoformat()} on days of "
                f"{period_name(filed)} that the filing had other payroll for, in a payroll that "
                f"does not cover {period_name(filed)}; give that period's whole payroll, or the "
                "correction as an adjustment record",
            )
    for key, old in edges.items():  # read by a filing, and gone from a payroll that covers it
        if key in shown or old[1] < lo or old[0] > hi:
            continue
        outside = without([(old[0], old[1])], (lo, hi))
        if outside and all(covered[0] <= a and b <= covered[1] for a, b in outside):
            add([old], -1)
    return total[0], total[1], total[2]


def _unseen(runs: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Whether the days ``lo`` … ``hi`` all lie in the runs (days no filing covered)."""
    return not _without_all([(lo, hi)], runs)


def _without_all(runs: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of days less the days of every cut."""
    for cut in cuts:
        runs = without(runs, cut)
    return runs


def segments(
    fy: FiscalYear, period: DateRange, known: Known
) -> list[tuple[int, int, DateRange | None]]:
    """The fiscal year before ``period`` as runs of days, each a filed period or not."""
    out: list[tuple[int, int, DateRange | None]] = []
    cursor = fy.start.toordinal()
    for filed in known.periods:
        lo, hi = days_of(filed)
        if cursor < lo:
            out.append((cursor, lo - 1, None))
        out.append((lo, hi, filed))
        cursor = hi + 1
    if cursor < period.start.toordinal():
        out.append((cursor, period.start.toordinal() - 1, None))
    return out
