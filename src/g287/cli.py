"""The ``g287`` command: tier table, awards, overtime caps, reimbursements and claims from the
shell, and helpers to prepare and check an agency's files.

Invalid input exits 1, printing every problem found (``file:line: column: problem``, one a
line) and then one ``g287 <command>: error: …`` line; a usage error exits 2 (argparse's own).
Every figure is printed with the rule ids behind it; ``--json`` gives the same as JSON.

Output is safe whatever the data hold: text that does not print is escaped, stdout is UTF-8 (or
the encoding ``PYTHONIOENCODING`` asks for, with escapes for what it cannot hold), ``--output``
replaces its file only once the whole report is written, and a failed write (a full disk, a
closed pipe) is one line on stderr and exit 1, never a traceback or half a document.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from ._version import __version__
from .announced import POLICY
from .award import quarterly_award
from .calendar import to_quarter
from .claims import quarterly_claim
from .dataio import DataError, Dataset, example_dir, load_dataset, write_templates
from .errors import G287Error, InvalidInputError, printable, show
from .money import format_money, format_percent, to_money
from .reimbursement import annual_reimbursement, overtime_cap
from .report import claim_csv, claim_html, claim_table, claim_xlsx
from .serialize import dumps, verify

#: The four input files of a claim, by option; ``--example`` uses the bundled ones.
INPUTS: Final = {
    "officers": "officers.csv",
    "payroll": "payroll.csv",
    "leads": "leads.csv",
    "agency": "agency.json",
}
#: Inputs with more rows than this show a progress line while they are read.
PROGRESS_ROWS: Final = 100_000


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


def _files(args: argparse.Namespace, *also: str) -> list[Path]:
    """The four input files named on the command line, or the bundled example's; ``also``
    names other options required without ``--example``, if they are missing."""
    given = [f"--{n}" for n in INPUTS if getattr(args, n)]
    if args.example:
        if given:
            raise _UsageError(
                f"--example uses the bundled files; do not also give {', '.join(given)}"
            )
        return [example_dir() / name for name in INPUTS.values()]
    missing = [f"--{n}" for n in INPUTS if getattr(args, n) is None] + list(also)
    if missing:
        raise _UsageError(
            f"the following arguments are required without --example: {', '.join(missing)}"
        )
    return [Path(getattr(args, n)) for n in INPUTS]


def _load(args: argparse.Namespace, files: list[Path]) -> Dataset:
    """The data set, its notes on stderr, and a progress line while a large file is read."""
    with _progress(args) as shown:
        data = load_dataset(*files, progress=shown)
    for note in data.notes:
        _say(args, "note", note)
    return data


@contextlib.contextmanager
def _progress(args: argparse.Namespace) -> Iterator[Callable[[str, int], None] | None]:
    """A progress callback writing ``reading payroll.csv: 200,000 rows`` over itself on stderr
    (when it is a terminal, or with ``--progress``), once a file passes PROGRESS_ROWS rows."""
    if not (args.progress or sys.stderr.isatty()):
        yield None
        return
    shown = False

    def show_progress(where: str, rows: int) -> None:
        nonlocal shown
        if rows >= PROGRESS_ROWS:
            shown = True
            sys.stderr.write(f"\rreading {printable(where)}: {rows:,} rows")
            sys.stderr.flush()

    try:
        yield show_progress
    finally:
        if shown:
            sys.stderr.write("\n")


def _claim(args: argparse.Namespace) -> None:
    files = _files(args, *([] if args.quarter else ["--quarter"]))
    quarter = args.quarter or "FY2026 Q1"  # the example's quarter, if none is given
    if args.no_inputs and args.format != "json":
        raise _UsageError("--no-inputs goes with --format json")
    q = to_quarter(quarter, "--quarter")
    data = _load(args, files)
    result = quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(q),
        quarter=q,
        allow_empty=args.allow_empty_payroll,
    )
    if args.format == "json":
        _write(args, dumps(result, indent=2, inputs=not args.no_inputs) + "\n")
    elif args.format == "csv":
        _write(args, claim_csv(result))
    elif args.format == "xlsx":
        _write(args, claim_xlsx(result))
    elif args.format == "html":
        _write(args, claim_html(result))
    else:
        _write(args, claim_table(result) + "\n")


def _check(args: argparse.Namespace) -> None:
    data = _load(args, _files(args))
    quarters = ", ".join(str(r.quarter) for r in data.leads) or "none"
    print(
        f"ok: agency {printable(data.agency.id)}, {len(data.officers):,} officers, "
        f"{len(data.payroll):,} pay records, lead reports for {quarters}"
    )


def _template(args: argparse.Namespace) -> None:
    written = write_templates(Path(args.folder))
    for path in written:
        print(f"wrote {printable(str(path))}")
    print(
        "Each CSV file has its header and one example row, commented out with '#': replace it "
        "with your rows. Edit agency.json, then run: g287 check --officers … --payroll … "
        "--leads … --agency …"
    )


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

    def input_files(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--example",
            action="store_true",
            help="use the example data set shipped with g287 (default quarter FY2026 Q1)",
        )
        p.add_argument("--officers", help="roster (.csv or .xlsx)")
        p.add_argument("--payroll", help="payroll (.csv or .xlsx)")
        p.add_argument("--leads", help="ICE's lead reports (.csv or .xlsx)")
        p.add_argument("--agency", help="agency (.json)")
        p.add_argument(
            "--progress",
            action="store_true",
            help="show a progress line for large files even when stderr is not a terminal",
        )

    p = sub.add_parser(
        "claim",
        help="compute an agency's quarterly claim from its files",
        description="Compute an agency's quarterly claim (reimbursement and award) "
        "from its roster, payroll and lead reports (CSV or .xlsx) and agency JSON.",
    )
    input_files(p)
    p.add_argument("--quarter", help='fiscal quarter, e.g. "FY2026 Q1" or "FY26 Q1"')
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "xlsx", "html"),
        default="table",
        help="output format (default: %(default)s); xlsx needs the excel extra and --output",
    )
    p.add_argument(
        "--output",
        metavar="FILE",
        help="write the report to FILE (replaced only once the report is complete) "
        "instead of stdout",
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
        "check",
        help="check an agency's files and report every problem, without computing a claim",
        description="Read and cross-check an agency's four files; print every problem found "
        "(file:line: column: problem) and exit 1, or a one-line summary and exit 0.",
    )
    input_files(p)
    p.set_defaults(run=_check)

    p = sub.add_parser(
        "template",
        help="write the four input files, with their headers and an example row, to a folder",
        description="Write officers.csv, payroll.csv, leads.csv and agency.json to FOLDER "
        "(created if need be; existing files are not overwritten), each with its header and "
        "one example row commented out with '#'.",
    )
    p.add_argument("folder", metavar="FOLDER")
    p.set_defaults(run=_template)

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


def _write(args: argparse.Namespace, report: str | bytes) -> None:
    """The whole report to ``--output`` (a temporary file renamed when complete) or stdout."""
    if args.output is None:
        if isinstance(report, bytes):
            if sys.stdout.isatty():
                raise _UsageError(f"--format {args.format} is binary: give --output FILE")
            sys.stdout.flush()
            sys.stdout.buffer.write(report)
        else:
            sys.stdout.write(report)
        return
    target = Path(args.output)
    data = report if isinstance(report, bytes) else report.encode("utf-8")
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(target: Path) -> int:
    """The permissions a replaced file keeps, or a new file gets (as ``open`` would give it)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _say(args: argparse.Namespace, kind: str, message: str) -> None:
    """One line on stderr, ``g287 <command>: <kind>: <message>``, nothing in it unprintable."""
    print(f"g287 {args.command}: {kind}: {printable(message)}", file=sys.stderr)


def _streams() -> None:
    """stdout and stderr as UTF-8 (or the encoding PYTHONIOENCODING names), with anything the
    encoding cannot hold written as an escape rather than ending in a traceback."""
    chosen = os.environ.get("PYTHONIOENCODING", "").partition(":")[0] or None
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding=chosen or "utf-8", errors="backslashreplace")


def _silence_stdout() -> None:
    """Point stdout at the null device: what is still buffered for a reader gone away (or a
    full disk) is dropped instead of failing again when the interpreter exits."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 invalid input or failed output,
    2 usage)."""
    _streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "output", None) == "":
        parser.exit(2, f"{parser.prog} {args.command}: error: --output needs a file name\n")
    # A national payroll makes hundreds of thousands of objects that live to the end of the
    # run, none of them in a reference cycle: collecting every 700 allocations (the default)
    # only walks them again and again, a tenth of the run's time. Restored on return.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        return _run(parser, args)
    finally:
        gc.set_threshold(*thresholds)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        args.run(args)
        sys.stdout.flush()  # here, not at exit: a failed write is reported below
    except _UsageError as exc:
        parser.exit(2, f"{parser.prog} {args.command}: error: {exc}\n")
    except BrokenPipeError:  # the reader (e.g. `head`) stopped reading: not an error of ours
        _silence_stdout()
        return 1
    except DataError as exc:
        if exc.count == 1:
            _say(args, "error", exc.problems[0])
            return 1
        for problem in exc.problems:
            print(printable(problem), file=sys.stderr)
        more = exc.count - len(exc.problems)
        if more:
            print(f"… and {more:,} more problem{'s' * (more > 1)}", file=sys.stderr)
        _say(args, "error", f"{exc.count:,} problems in the input; nothing was computed")
        return 1
    except G287Error as exc:
        _say(args, "error", str(exc))
        return 1
    except OSError as exc:  # the output could not be written: a full disk, a file-size limit
        where = args.output if getattr(args, "output", None) is not None else "stdout"
        with contextlib.suppress(OSError, ValueError):
            _silence_stdout()
        _say(args, "error", f"cannot write {where}: {exc.strerror or exc}")
        return 1
    return 0
