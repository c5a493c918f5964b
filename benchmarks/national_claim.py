"""Benchmark: a synthetic national fiscal year claimed with g287 (DESIGN §7, issue 3).

About 1,000 agencies x 10 officers (10,000 officers) x 27 biweekly pay records, FY2026. Times
(1) every agency's four quarterly claims and (2) every agency's whole-year claim. Budget: the
whole year claimed in <= 3 s on a 2-core machine. Run by hand:

    .venv/bin/python benchmarks/national_claim.py [--agencies 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from decimal import Decimal

import g287
from g287 import Agency, LeadReport, Model, Officer, PayRecord

MODELS = (Model.TASK_FORCE, Model.JAIL_ENFORCEMENT, Model.WARRANT_SERVICE_OFFICER)


def build(
    agencies: int, seed: int = 287
) -> list[tuple[Agency, list[Officer], list[PayRecord], list[LeadReport]]]:
    rng = random.Random(seed)
    periods = []
    start = dt.date(2025, 9, 21)
    while start <= dt.date(2026, 9, 30):
        periods.append((start, start + dt.timedelta(days=13)))
        start += dt.timedelta(days=14)
    out = []
    for a in range(agencies):
        agency = Agency(f"A{a:04d}", f"Agency {a}", dt.date(2025, 7, 1), frozenset(Model))
        officers, payroll = [], []
        for o in range(10):
            salary = Decimal(rng.randrange(5_000_000, 9_500_000)) / 100
            trained = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(0, 300))
            separated = (
                trained + dt.timedelta(days=rng.randrange(60, 400)) if rng.random() < 0.1 else None
            )
            officer = Officer(f"A{a:04d}-{o}", MODELS[o % 3], trained, salary, separated)
            officers.append(officer)
            per = (salary / 26).quantize(Decimal("0.01"))
            for s, e in periods:
                ot = Decimal(rng.randrange(0, 150_000)) / 100
                payroll.append(
                    PayRecord(
                        officer.id, s, e, per, (per * Decimal("0.3")).quantize(Decimal("0.01")), ot
                    )
                )
        leads = [
            LeadReport(q, provided := rng.randrange(1, 80), rng.randrange(0, provided + 1))
            for q in g287.FiscalYear(2026).quarters()
        ]
        out.append((agency, officers, payroll, leads))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=1000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    data = build(args.agencies)
    t1 = time.perf_counter()
    officers = sum(len(o) for _, o, _, _ in data)
    records = sum(len(p) for _, _, p, _ in data)
    print(
        f"built {args.agencies} agencies, {officers} officers, {records} pay records "
        f"in {t1 - t0:.2f} s"
    )

    t0 = time.perf_counter()
    year_total = Decimal(0)
    for agency, roster, payroll, _ in data:
        year_total += g287.claim(
            agency=agency, officers=roster, payroll=payroll, period="FY2026"
        ).reimbursement
    year = time.perf_counter() - t0

    t0 = time.perf_counter()
    quarters_total = Decimal(0)
    for agency, roster, payroll, leads in data:
        for report in leads:
            c = g287.quarterly_claim(
                agency=agency,
                officers=roster,
                payroll=payroll,
                leads=report,
                quarter=report.quarter,
            )
            quarters_total += c.reimbursement
    quarters = time.perf_counter() - t0
    assert quarters_total == year_total, (quarters_total, year_total)
    print(
        f"whole-year claims of every agency: {year:.2f} s (budget 3 s: {year / 3:.2f}x of budget)"
    )
    print(
        f"4 quarterly claims of every agency: {quarters:.2f} s; quarters sum to the year: "
        f"${year_total:,.2f}"
    )


if __name__ == "__main__":
    main()
