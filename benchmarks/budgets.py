"""Measure g287 against the budgets of DESIGN §7, each as a ratio to a baseline in the same run.

Absolute times on a shared machine are noisy; a ratio to a baseline measured in the same run,
interleaved with it and taken as the best of several repeats, is not. Run by hand:

    .venv/bin/python benchmarks/budgets.py            # all four
    .venv/bin/python benchmarks/budgets.py import tier batch claim

The batch comparison needs OpenFisca-core and NumPy (``pip install -e '.[bench]'``); without
them it reports "skipped". Nothing here is run by the test suite.
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

IMPORT_SNIPPET = "import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"


def _import_seconds(stmt: str) -> float:
    code = IMPORT_SNIPPET.format(stmt=stmt)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def bench_import(repeats: int = 25) -> list[tuple[str, float, float]]:
    """`import g287` (and its first real use) against `import attrs, dateutil.relativedelta`."""
    stmts = {
        "baseline": "import attrs, dateutil.relativedelta",
        "import": "import g287",
        "first use": "import g287; g287.quarterly_award",
        "everything": "import g287, g287.claims, g287.serialize, g287.batch",
    }
    best = dict.fromkeys(stmts, float("inf"))
    for _ in range(repeats):  # interleaved, so drift in machine load hits all alike
        for name, stmt in stmts.items():
            best[name] = min(best[name], _import_seconds(stmt))
    base = best["baseline"]
    return [
        ("import g287 / import attrs, dateutil.relativedelta", best["import"] / base, 1.3),
        (
            "  ... then first use of g287.quarterly_award (for information)",
            best["first use"] / base,
            0,
        ),
        (
            "  ... with claims, serialize and batch loaded (for information)",
            best["everything"] / base,
            0,
        ),
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
        print("  batch: skipped (OpenFisca-core or NumPy missing: pip install -e '.[bench]')")
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


BENCHES = {"import": bench_import, "tier": bench_tier, "batch": bench_batch, "claim": bench_claim}


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure g287 against DESIGN §7's budgets.")
    parser.add_argument("which", nargs="*", metavar="{" + ",".join(BENCHES) + "}")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    rows = []
    unknown = set(args.which) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    for name in args.which or BENCHES:
        rows += BENCHES[name]()
    print()
    print(f"{'measure':<72} {'ratio':>7} {'budget':>7}  verdict")
    for label, ratio, budget in rows:
        verdict = "-" if not budget or math.isnan(ratio) else ("ok" if ratio <= budget else "OVER")
        shown = "n/a" if math.isnan(ratio) else f"{ratio:.2f}x"
        print(f"{label:<72} {shown:>7} {f'{budget:.1f}x' if budget else '':>7}  {verdict}")


if __name__ == "__main__":
    main()
