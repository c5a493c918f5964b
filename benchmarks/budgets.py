"""Measure g287 against the budgets of DESIGN §7, each as a ratio to a baseline in the same run.

Absolute times on a shared machine are noisy; a ratio to a baseline measured in the same run,
interleaved with it and taken as the best of several repeats, is not. Run by hand:

    .venv/bin/python benchmarks/budgets.py            # all five
    .venv/bin/python benchmarks/budgets.py import tier batch claim files
    .venv/bin/python benchmarks/budgets.py files --million   # also the 1M-record payroll

The batch comparison needs OpenFisca-core and NumPy (``pip install -e . --group bench``);
without them it reports "skipped". Nothing here is run by the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

IMPORT_SNIPPET = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
FIRST_USE = (
    "import g287; "
    "g287.quarterly_award(located=45, provided=50, task_force_officers=12, quarter='FY2026 Q1')"
)


def _import_seconds(stmt: str, env: dict[str, str]) -> float:
    code = IMPORT_SNIPPET.format(stmt=stmt)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(out.stdout)


def bench_import(repeats: int = 40) -> list[tuple[str, float, float]]:
    """`import g287` and its first `quarterly_award`, against `import attrs, dateutil...`.

    Both sides run from compiled bytecode, as an installed package does: g287's own files are
    compiled first (an editable install under PYTHONDONTWRITEBYTECODE would otherwise compile
    its sources on every import, which no installed copy does).
    """
    import g287

    compileall.compile_dir(str(Path(g287.__file__).parent), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    stmts = {
        "baseline": "import attrs, dateutil.relativedelta",
        "first use": FIRST_USE,
        "import": "import g287",
    }
    best = dict.fromkeys(stmts, float("inf"))
    for _ in range(repeats):  # interleaved, so drift in machine load hits all alike
        for name, stmt in stmts.items():
            best[name] = min(best[name], _import_seconds(stmt, env))
    base = best["baseline"]
    print(
        f"  import: attrs + dateutil {base * 1000:.1f} ms; import g287 "
        f"{best['import'] * 1000:.1f} ms, with its first quarterly_award "
        f"{best['first use'] * 1000:.1f} ms (best of {repeats})"
    )
    return [
        (
            "import g287 + first quarterly_award / import attrs, dateutil.relativedelta",
            best["first use"] / base,
            1.5,
        )
    ]


def _best(fn: Callable[[], object], number: int, repeat: int = 7) -> float:
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def bench_tier() -> list[tuple[str, float, float]]:
    """`award_tier` against a hand-written `Fraction` if/elif chain over the same rates."""
    import g287

    rng = random.Random(287)
    rates = []
    for _ in range(1000):
        provided = rng.randrange(1, 200)
        rates.append(Fraction(rng.randrange(0, provided + 1), provided))
    award_tier = g287.award_tier

    def literal_chain(rate: Fraction) -> int | None:  # as DESIGN §7 writes it
        if rate >= Fraction(9, 10):
            return 1000
        if rate >= Fraction(8, 10):
            return 750
        if rate >= Fraction(7, 10):
            return 500
        return None

    ninety, eighty, seventy = Fraction(9, 10), Fraction(8, 10), Fraction(7, 10)

    def chain(rate: Fraction) -> int | None:  # the same with its constants hoisted: faster
        if rate >= ninety:
            return 1000
        if rate >= eighty:
            return 750
        if rate >= seventy:
            return 500
        return None

    def run_chain() -> None:
        for r in rates:
            chain(r)

    def run_literal() -> None:
        for r in rates:
            literal_chain(r)

    def run_g287() -> None:
        for r in rates:
            award_tier(r)

    for r in rates:  # the two agree before they are timed
        tier = award_tier(r)
        assert (tier.amount if tier else None) == chain(r), r
    base = _best(run_chain, 20)
    literal = _best(run_literal, 20)
    ours = _best(run_g287, 20)
    per_call = 1e6 / len(rates)
    print(
        f"  award_tier {ours * per_call:.3f} us/call; chain with hoisted constants "
        f"{base * per_call:.3f} us/call; chain building Fraction(9, 10) each call "
        f"{literal * per_call:.3f} us/call"
    )
    return [
        ("award_tier / Fraction if/elif chain, constants hoisted", ours / base, 3.0),
        ("  ... / the chain as DESIGN writes it (for information)", ours / literal, 0),
    ]


def bench_batch(n: int = 1_000_000) -> list[tuple[str, float, float]]:
    """`g287.batch.award_cents` on 1M NumPy pairs against OpenFisca's SingleAmountTaxScale."""
    try:
        import numpy as np
        from openfisca_core.taxscales import SingleAmountTaxScale
    except ImportError:
        print("  batch: skipped (OpenFisca-core or NumPy missing: pip install -e . --group bench)")
        return [("batch award_cents / OpenFisca SingleAmountTaxScale: skipped", float("nan"), 1.0)]
    import g287.batch

    rng = np.random.default_rng(287)
    provided = rng.integers(1, 200, n)
    located = np.minimum((rng.random(n) * (provided + 1)).astype(np.int64), provided)
    scale = SingleAmountTaxScale()
    for threshold, amount in ((0.7, 500), (0.8, 750), (0.9, 1000)):
        scale.add_bracket(threshold, amount)

    def openfisca() -> object:
        return scale.calc(located / provided)

    def ours() -> object:
        return g287.batch.award_cents(located, provided)

    # OpenFisca works on float rates; g287 on exact integers. Report how often they differ.
    differ = int((np.round(openfisca() * 100).astype(np.int64) != ours()).sum())
    base = _best(openfisca, 1, repeat=9)
    mine = _best(ours, 1, repeat=9)
    lists = _best(lambda: g287.batch.award_cents(located.tolist(), provided.tolist()), 1, repeat=3)
    print(
        f"  batch on {n:,} pairs: g287 {mine:.4f} s, OpenFisca {base:.4f} s, "
        f"g287 on Python lists {lists:.3f} s; rows where float OpenFisca differs: {differ}"
    )
    return [("batch award_cents / OpenFisca SingleAmountTaxScale (1M pairs)", mine / base, 1.0)]


def bench_claim() -> list[tuple[str, float, float]]:
    """The national fiscal year (about 10,000 officers x 27 biweekly records) claimed."""
    sys.path.insert(0, str(Path(__file__).parent))
    import national_claim

    import g287

    data = national_claim.build(1000)
    start = time.perf_counter()
    for agency, roster, payroll, _ in data:
        g287.claim(agency=agency, officers=roster, payroll=payroll, period="FY2026")
    seconds = time.perf_counter() - start
    print(f"  national fiscal year: {seconds:.2f} s")
    return [("national fiscal-year claim / 3 s budget", seconds / 3.0, 1.0)]


# The baseline of issue 13: the same files read with nothing but csv, Decimal and date, every
# cell converted, in a process of its own (so its interpreter start counts as g287's does).
BARE_PARSE = """
import csv, sys
from datetime import date
from decimal import Decimal
folder = sys.argv[1]
with open(folder + "/officers.csv", newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    next(rows)
    officers = [(r[0], r[1], date.fromisoformat(r[2]), Decimal(r[3])) for r in rows]
with open(folder + "/payroll.csv", newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    next(rows)
    payroll = [
        (r[0], date.fromisoformat(r[1]), date.fromisoformat(r[2]),
         Decimal(r[3]), Decimal(r[4]), Decimal(r[5]))
        for r in rows
    ]
print(len(officers), len(payroll))
"""


#: Runs a command (its arguments follow) and prints its CPU seconds (user + system), wall
#: seconds and peak memory in bytes. A forked child's peak memory counts the memory of the
#: process it was forked from, so the command is started from this small fresh process rather
#: than from the benchmark, which holds the earlier benchmarks' data: both sides alike.
MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)  # the command's own usage, not all children's
wall = time.perf_counter() - start
if os.waitstatus_to_exitcode(status):
    sys.exit(f"{sys.argv[1:5]} failed")
print(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss * 1024)
"""


def _child(argv: list[str]) -> tuple[float, float, int]:
    """Run a command; its CPU seconds (user + system), wall seconds and peak memory in bytes."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{argv[:4]} failed: {done.stderr[-500:]}")
    cpu, wall, peak = done.stdout.split()
    return float(cpu), float(wall), int(peak)


def bench_files(million: bool = False) -> list[tuple[str, float, float]]:
    """``g287 claim --format csv`` on the national files, end to end, against a bare parse.

    g287 runs from compiled bytecode, as an installed package does (see :func:`bench_import`):
    otherwise a source tree under PYTHONDONTWRITEBYTECODE compiles its changed modules on
    every run, a tenth of a second no installed copy spends.
    """
    sys.path.insert(0, str(Path(__file__).parent))
    import national_files

    import g287

    compileall.compile_dir(str(Path(g287.__file__).parent), quiet=1)

    rows = []
    sizes = {"national": 10_000} | ({"1M records": 37_037} if million else {})
    for name, officers in sizes.items():
        with tempfile.TemporaryDirectory(prefix="g287-bench-") as where:
            folder = Path(where)
            records = national_files.write(folder, officers)
            for quarter in ("FY2026 Q1", "FY2026 Q4"):
                # The best of several interleaved runs (fewer of the long million-record ones):
                # on a shared machine a run's speed varies by a third from minute to minute.
                repeats = 7 if name == "national" else 3
                rows += _claim_vs_bare(folder, name, officers, records, quarter, repeats)
    return rows


def _claim_vs_bare(  # noqa: PLR0917 - one measurement's labels
    folder: Path, name: str, officers: int, records: int, quarter: str, repeats: int
) -> list[tuple[str, float, float]]:
    g287 = [sys.executable, "-m", "g287", "claim", "--quarter", quarter, "--format", "csv"]
    g287 += [f"--{k}={folder / f}" for k, f in _FILES.items()]
    bare = [sys.executable, "-c", BARE_PARSE, str(folder)]
    best = {"bare": (math.inf, math.inf, 0), "g287": (math.inf, math.inf, 0)}
    for _ in range(repeats):  # interleaved, so drift in machine load hits both alike
        for side, argv in (("bare", bare), ("g287", g287)):
            cpu, wall, peak = _child(argv)
            was = best[side]
            best[side] = (min(was[0], cpu), min(was[1], wall), max(was[2], peak))
    (b_cpu, b_wall, b_peak), (g_cpu, g_wall, g_peak) = best["bare"], best["g287"]
    print(
        f"  {name} ({officers:,} officers, {records:,} pay records), {quarter}: g287 claim "
        f"--format csv {g_cpu:.2f} s CPU ({g_wall:.2f} s wall), peak {g_peak / 2**20:.0f} MB; "
        f"bare parse {b_cpu:.2f} s CPU ({b_wall:.2f} s wall), peak {b_peak / 2**20:.0f} MB "
        f"(best of {repeats})"
    )
    budget, memory = (2.5, 150) if name == "national" else (10.0, 400)
    return [
        (
            f"g287 claim --format csv / bare csv+Decimal+date parse ({name}, {quarter})",
            g_cpu / b_cpu,
            budget,
        ),
        (
            f"  ... peak memory / {memory} MB budget ({name}, {quarter})",
            g_peak / 2**20 / memory,
            1.0,
        ),
    ]


_FILES = {
    "officers": "officers.csv",
    "payroll": "payroll.csv",
    "leads": "leads.csv",
    "agency": "agency.json",
}


BENCHES = {
    "import": bench_import,
    "tier": bench_tier,
    "batch": bench_batch,
    "claim": bench_claim,
    "files": bench_files,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure g287 against DESIGN §7's budgets.")
    parser.add_argument("which", nargs="*", metavar="{" + ",".join(BENCHES) + "}")
    parser.add_argument(
        "--million", action="store_true", help="files: also claim a 1M-record payroll (slow)"
    )
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    rows = []
    unknown = set(args.which) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    for name in args.which or BENCHES:
        rows += bench_files(args.million) if name == "files" else BENCHES[name]()
    print()
    print(f"{'measure':<72} {'ratio':>7} {'budget':>7}  verdict")
    for label, ratio, budget in rows:
        verdict = "-" if not budget or math.isnan(ratio) else ("ok" if ratio <= budget else "OVER")
        shown = "n/a" if math.isnan(ratio) else f"{ratio:.2f}x"
        print(f"{label:<72} {shown:>7} {f'{budget:.1f}x' if budget else '':>7}  {verdict}")


if __name__ == "__main__":
    main()
