"""Write a synthetic national data set as the four files ``g287 claim`` reads.

One agency (a national roll-up) with ``--officers`` officers (10,000 by default: about 70% on the
Task Force Model) and a biweekly pay record each from 2025-09-21 to the end of FY2026 (27 per
officer: 270,000 by default), ICE's lead reports for the four quarters of FY2026, and the agency
file. The numbers are random but fixed by ``--seed``, so every run writes the same bytes::

    .venv/bin/python benchmarks/national_files.py /tmp/national            # 270,000 pay records
    .venv/bin/python benchmarks/national_files.py /tmp/million --officers 37037   # 1,000,000

Then ``g287 claim --officers /tmp/national/officers.csv --payroll …`` claims a quarter of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

MODELS = ("TFM", "TFM", "TFM", "TFM", "TFM", "TFM", "TFM", "JEM", "JEM", "WSO")
FIRST_PERIOD = dt.date(2025, 9, 21)
LAST_DAY = dt.date(2026, 9, 30)


def write(folder: Path, officers: int, seed: int = 287) -> int:
    """Write the four files into ``folder``; return the number of pay records written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    periods = []
    start = FIRST_PERIOD
    while start <= LAST_DAY:
        periods.append((start, start + dt.timedelta(days=13)))
        start += dt.timedelta(days=14)
    agency = {
        "id": "NATIONAL",
        "name": "National roll-up (synthetic)",
        "agreement_date": "2025-07-01",
        "models": ["JEM", "TFM", "WSO"],
    }
    (folder / "agency.json").write_text(json.dumps(agency, indent=2) + "\n", encoding="utf-8")
    records = 0
    with (
        (folder / "officers.csv").open("w", encoding="utf-8", newline="") as roster,
        (folder / "payroll.csv").open("w", encoding="utf-8", newline="") as payroll,
    ):
        roster.write("officer_id,model,trained_on,annual_salary,separated_on\n")
        payroll.write("officer_id,period_start,period_end,salary,benefits,overtime\n")
        for n in range(officers):
            officer_id = f"N-{n:06d}"
            cents = rng.randrange(5_000_000, 9_500_000)
            trained = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(0, 300))
            separated = (
                trained + dt.timedelta(days=rng.randrange(60, 400)) if rng.random() < 0.1 else None
            )
            roster.write(
                f"{officer_id},{MODELS[n % len(MODELS)]},{trained.isoformat()},"
                f"{cents // 100}.{cents % 100:02d},{separated.isoformat() if separated else ''}\n"
            )
            salary = cents // 26
            benefits = salary * 3 // 10
            for first, last in periods:
                overtime = rng.randrange(0, 150_000)
                payroll.write(
                    f"{officer_id},{first.isoformat()},{last.isoformat()},"
                    f"{salary // 100}.{salary % 100:02d},{benefits // 100}.{benefits % 100:02d},"
                    f"{overtime // 100}.{overtime % 100:02d}\n"
                )
                records += 1
    leads = ["quarter,provided,located,assistance_satisfactory"]
    for quarter in (1, 2, 3, 4):
        provided = rng.randrange(20_000, 40_000)
        located = rng.randrange(provided * 7 // 10, provided + 1)
        leads.append(f"FY2026 Q{quarter},{provided},{located},yes")
    (folder / "leads.csv").write_text("\n".join(leads) + "\n", encoding="utf-8")
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--officers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=287)
    args = parser.parse_args()
    records = write(args.folder, args.officers, args.seed)
    print(f"wrote {args.officers:,} officers and {records:,} pay records to {args.folder}")


if __name__ == "__main__":
    main()
