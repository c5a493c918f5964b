"""The ``g287`` command: tier table, awards, overtime caps and reimbursements from the shell.

Invalid input prints one line to stderr and exits 1; a usage error exits 2 (argparse's own).
Every figure is printed with the rule ids behind it; ``--json`` gives the same as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from ._version import __version__
from .announced import POLICY
from .award import quarterly_award
from .calendar import to_quarter
from .claims import quarterly_claim
from .dataio import example_dir, load_dataset
from .errors import G287Error, InvalidInputError, show
from .money import format_money, format_percent, to_money
from .reimbursement import annual_reimbursement, overtime_cap
from .report import claim_csv, claim_table
from .serialize import dumps, verify


def _count(text: str) -> int:
    """argparse type for a count: a plain non-negative integer."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def _plain(value: Any) -> Any:
    """Make a value JSON-ready without losing exactness: Decimal and Fraction become strings."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    return value


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    if args.json:
        print(json.dumps({k: _plain(v) for k, v in data.items()}, indent=2, ensure_ascii=False))
    else:
        print(text)


def _tiers(args: argparse.Namespace) -> None:
    rows: list[dict[str, Any]] = [
        {
            "rule_id": t.rule_id,
            "band": t.band,
            "low": t.low,
            "high": t.high,
            "per_officer": t.amount,
            "citation": str(POLICY.citation(t.rule_id)),
        }
        for t in POLICY.tiers
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "policy": POLICY.label,
                    "band_rounding": POLICY.band_rounding.value,
                    "tiers": [{k: _plain(v) for k, v in r.items()} for r in rows],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    print(f"{POLICY.label}\nQuarterly performance award per eligible task force officer (R-AWD):")
    print(f"  {'rule':<8} {'location rate':<14} {'per officer':>11}")
    for r in rows:
        print(f"  {r['rule_id']:<8} {r['band']:<14} {format_money(r['per_officer']):>11}")
    print(
        f"  below {POLICY.lowest_tier.low}%: no award (I-BELOW); "
        f"bands are whole percents, rates {POLICY.band_rounding.value} (I-BAND)"
    )
    print(f"Source: {POLICY.citation('R-AWD').source.id} {POLICY.citation('R-AWD').locator}")


def _award(args: argparse.Namespace) -> None:
    result = quarterly_award(
        located=args.located,
        provided=args.provided,
        task_force_officers=args.task_force_officers,
        quarter=args.quarter,
        assistance_satisfactory=not args.assistance_unsatisfactory,
    )
    _emit(
        args,
        result.as_row() | {"rule_ids": list(result.explanation.rule_ids)},
        str(result.explanation),
    )


def _cap(args: argparse.Namespace) -> None:
    salary = to_money(args.salary, "annual_salary")
    cap = overtime_cap(salary)
    _emit(
        args,
        {
            "annual_salary": salary,
            "overtime_cap": cap,
            "rule_id": "R-OT",
            "fraction": POLICY.overtime_share,
        },
        f"Overtime cap (R-OT, I-CAPBASE, I-CENT): {format_percent(POLICY.overtime_share)} of "
        f"{format_money(salary)} = {format_money(cap)} per fiscal year",
    )


def _reimburse(args: argparse.Namespace) -> None:
    r = annual_reimbursement(
        annual_salary=args.salary,
        benefits=args.benefits,
        overtime=args.overtime,
        fiscal_year=args.fiscal_year,
    )
    _emit(args, r.as_row() | {"rule_ids": list(r.explanation.rule_ids)}, str(r.explanation))


def _claim(args: argparse.Namespace) -> None:
    inputs = ("officers", "payroll", "leads", "agency")
    given = [f"--{n}" for n in inputs if getattr(args, n)]
    if args.example and given:
        raise _UsageError(f"--example uses the bundled files; do not also give {', '.join(given)}")
    if args.example:
        folder = example_dir()
        files = [
            folder / name for name in ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
        ]
        quarter = args.quarter or "FY2026 Q1"
    else:
        files = [getattr(args, n) for n in inputs]
        missing = [f"--{n}" for n in inputs if getattr(args, n) is None]
        if missing or args.quarter is None:
            missing += [] if args.quarter else ["--quarter"]
            raise _UsageError(
                f"the following arguments are required without --example: {', '.join(missing)}"
            )
        quarter = args.quarter
    data = load_dataset(*files)
    q = to_quarter(quarter)
    result = quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(q),
        quarter=q,
        allow_empty=args.allow_empty_payroll,
    )
    if args.format == "json":
        print(dumps(result, indent=2, inputs=not args.no_inputs))
    elif args.format == "csv":
        print(claim_csv(result), end="")
    else:
        print(claim_table(result))


def _verify(args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            f"{show(args.file)}: cannot read ({exc.strerror})", field="file", value=args.file
        ) from None
    result = verify(text)
    print(f"verified: {result.explanation.title} under {result.policy.label}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``g287`` command."""
    parser = argparse.ArgumentParser(
        prog="g287",
        description="The DHS/ICE 287(g) reimbursement and performance-award policy, exactly.",
    )
    parser.add_argument("--version", action="version", version=f"g287 {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="print JSON instead of text")
        return p

    command("tiers", "print the award tier table (R-AWD-1 to R-AWD-3)").set_defaults(run=_tiers)

    p = command("award", "compute one quarter's performance award (R-AWD)")
    p.add_argument("--located", type=_count, required=True, help="leads located in the quarter")
    p.add_argument("--provided", type=_count, required=True, help="leads ICE provided")
    p.add_argument(
        "--task-force-officers",
        type=_count,
        required=True,
        help="eligible task force officers (I-HEAD)",
    )
    p.add_argument("--quarter", required=True, help='fiscal quarter, e.g. "FY2026 Q1"')
    p.add_argument(
        "--assistance-unsatisfactory",
        action="store_true",
        help="ICE judged overall assistance unsatisfactory (I-ASSIST)",
    )
    p.set_defaults(run=_award)

    p = command("cap", "compute the annual overtime cap for a salary (R-OT)")
    p.add_argument("--salary", required=True, help="annual base salary, e.g. 60000.00")
    p.set_defaults(run=_cap)

    p = command("reimburse", "compute a fiscal year's reimbursement for one officer (R-SAL, R-OT)")
    p.add_argument("--salary", required=True, help="annual base salary")
    p.add_argument("--benefits", required=True, help="benefits for the year")
    p.add_argument("--overtime", required=True, help="overtime paid in the year")
    p.add_argument("--fiscal-year", required=True, help='fiscal year, e.g. 2026 or "FY2026"')
    p.set_defaults(run=_reimburse)

    p = sub.add_parser(
        "claim",
        help="compute an agency's quarterly claim from its files",
        description="Compute an agency's quarterly claim (reimbursement and award) "
        "from its roster, payroll and lead-report CSVs and agency JSON.",
    )
    p.add_argument(
        "--example",
        action="store_true",
        help="use the example data set shipped with g287 (default quarter FY2026 Q1)",
    )
    p.add_argument("--officers", help="roster CSV")
    p.add_argument("--payroll", help="payroll CSV")
    p.add_argument("--leads", help="lead-report CSV")
    p.add_argument("--agency", help="agency JSON")
    p.add_argument("--quarter", help='fiscal quarter, e.g. "FY2026 Q1"')
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: %(default)s)",
    )
    p.add_argument(
        "--allow-empty-payroll",
        action="store_true",
        help="claim even if the payroll has no record in the quarter (nothing is then paid)",
    )
    p.add_argument(
        "--no-inputs",
        action="store_true",
        help="with --format json: leave the payroll out of the document (smaller, but then it "
        "cannot be verified)",
    )
    p.set_defaults(run=_claim)

    p = sub.add_parser(
        "verify",
        help="recompute a JSON document from its inputs and check every figure",
        description="Recompute a result written by --format json (or g287.dumps) from the "
        "inputs and policy in it; exit 0 if every figure agrees, 1 naming the first that "
        "differs. This shows that no figure was edited, not that the inputs are genuine.",
    )
    p.add_argument("file", help="a JSON document written by g287")
    p.set_defaults(run=_verify)
    return parser


class _UsageError(Exception):
    """A usage problem found after parsing (reported like argparse's own, exit 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 invalid input, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.run(args)
        sys.stdout.flush()  # here, not at exit: a reader gone away is handled below
    except _UsageError as exc:
        parser.exit(2, f"{parser.prog} {args.command}: error: {exc}\n")
    except BrokenPipeError:  # the reader (e.g. `head`) stopped reading: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except G287Error as exc:
        # One line, whatever the message holds (a file name may contain a newline).
        message = str(exc).replace("\r", "\\r").replace("\n", "\\n")
        print(f"g287 {args.command}: error: {message}", file=sys.stderr)
        return 1
    return 0
