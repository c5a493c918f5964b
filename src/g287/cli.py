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
import datetime as dt
import gc
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final, TypeVar

from ._version import __version__
from .announced import POLICY
from .award import quarterly_award
from .calendar import DateRange, to_fiscal_year, to_quarter
from .claims import Claim, claim, quarterly_claim
from .dataio import DataError, Dataset, example_dir, load_dataset, write_templates
from .errors import G287Error, InvalidInputError, printable, show
from .money import format_money, format_percent, to_money
from .policy import Policy
from .reimbursement import annual_reimbursement, overtime_cap
from .report import claim_csv, claim_html, claim_table, claim_xlsx, escaped, year_csv, year_table
from .serialize import dumps, loads, verify
from .year import FiscalYearClaims, fiscal_year_claims

T = TypeVar("T")

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


def _policy(args: argparse.Namespace) -> Policy | None:
    """The policy ``--policy FILE`` and ``--choose ID=OPTION`` select, or ``None`` (the one in
    force)."""
    chosen: Policy | None = None
    if args.policy is not None:
        chosen = _document(args.policy, Policy, "--policy")
    for choice in args.choose:
        interpretation, equals, option = choice.partition("=")
        if not equals:
            raise _UsageError(f"--choose {choice!r}: expected ID=OPTION, e.g. I-BAND=half-up")
        chosen = (chosen or POLICY).choose(interpretation.strip(), option.strip())
    return chosen


def _document(path: str, kind: type[T], option: str) -> T:
    """A g287 JSON document of ``kind`` read from a file named on the command line."""
    try:
        text = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            f"{option} {show(path)}: cannot read ({exc.strerror})", field=option, value=path
        ) from None
    try:
        return loads(text, kind)
    except G287Error as exc:
        raise type(exc)(f"{option} {show(path)}: {exc}", field=exc.field, value=exc.value) from None


def _prior(args: argparse.Namespace) -> list[Claim]:
    """The claims named by ``--prior``, each verified (recomputed from its inputs) so that a
    figure edited in one is named with its file."""
    found = []
    for path in args.prior:
        filed = _document(path, Claim, "--prior")
        try:
            verify(filed)
        except G287Error as exc:
            raise type(exc)(
                f"--prior {show(path)}: {exc}", field=exc.field, value=exc.value
            ) from None
        found.append(filed)
    return found


def _claim_files(args: argparse.Namespace) -> list[Path]:
    """The input files of ``g287 claim``, once its options are found to fit together."""
    periods = [
        o
        for o, v in (
            ("--quarter", args.quarter),
            ("--month", args.month),
            ("--fiscal-year", args.fiscal_year),
        )
        if v
    ]
    if len(periods) > 1:
        raise _UsageError(f"give one of {', '.join(periods)}")
    files = _files(args, *([] if periods else ["--quarter (or --month, --fiscal-year)"]))
    if args.json:
        args.format = "json"
    if args.no_inputs and args.format != "json":
        raise _UsageError("--no-inputs goes with --format json")
    if args.fiscal_year and args.format in {"xlsx", "html"}:
        raise _UsageError("with --fiscal-year, --format is table, csv or json")
    return files


def _claim(args: argparse.Namespace) -> None:
    files = _claim_files(args)
    chosen, prior = _policy(args), _prior(args)
    data = _load(args, files)
    common: dict[str, Any] = {
        "agency": data.agency,
        "officers": data.officers,
        "payroll": data.payroll,
        "policy": chosen,
        "prior": prior,
    }
    if args.fiscal_year:
        year = fiscal_year_claims(
            leads=data.leads,
            fiscal_year=to_fiscal_year(args.fiscal_year, "--fiscal-year"),
            **common,
        )
        _year_report(args, year)
        return
    stated = {
        "allow_empty": args.allow_empty_payroll,
        "assume_no_earlier_overtime": args.assume_no_earlier_overtime,
    }
    if args.month:
        result = claim(period=_month(args.month), **common, **stated)
    else:
        q = to_quarter(args.quarter or "FY2026 Q1", "--quarter")  # the example's, if none
        result = quarterly_claim(leads=data.lead_report(q), quarter=q, **common, **stated)
    _claim_report(args, result)


def _claim_report(args: argparse.Namespace, result: Claim) -> None:
    if args.explain is not None:
        _write(args, str(escaped(result.line(args.explain).explanation)) + "\n")
    elif args.format == "json":
        _write(args, dumps(result, indent=2, inputs=not args.no_inputs) + "\n")
    elif args.format == "csv":
        _write(args, claim_csv(result))
    elif args.format == "xlsx":
        _write(args, claim_xlsx(result))
    elif args.format == "html":
        _write(args, claim_html(result))
    else:
        _write(args, claim_table(result) + "\n")


def _month(text: str) -> DateRange:
    """``--month 2025-11``: that calendar month's days."""
    match = re.fullmatch(r"\s*([0-9]{4})-([0-9]{1,2})\s*", text)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise InvalidInputError.about("--month", text, "is not a month; expected YYYY-MM")
    year, month = int(match[1]), int(match[2])
    start = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return DateRange(start, following - dt.timedelta(days=1))


def _year_report(args: argparse.Namespace, year: FiscalYearClaims) -> None:
    if args.explain is not None:
        trails = [str(escaped(c.line(args.explain).explanation)) for c in year.claims]
        _write(args, "\n\n".join(trails) + "\n")
    elif args.format == "json":
        _write(args, dumps(year, indent=2, inputs=not args.no_inputs) + "\n")
    elif args.format == "csv":
        _write(args, year_csv(year))
    else:
        _write(args, year_table(year) + "\n")


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
    if isinstance(result, FiscalYearClaims):
        first = result.claims[0]
        title = f"{len(result.claims)} quarterly claims of agency {first.agency_id} for"
        print(f"verified: {title} {result.fiscal_year} under {printable(first.policy.label)}")
    else:
        print(f"verified: {result.explanation.title} under {printable(result.policy.label)}")


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
    _claim_options(p)
    p.set_defaults(run=_claim)

    _helper_commands(sub, input_files)

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


def _helper_commands(sub: Any, input_files: Callable[[argparse.ArgumentParser], None]) -> None:
    """``g287 check`` and ``g287 template``: preparing an agency's files."""
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


def _claim_options(p: argparse.ArgumentParser) -> None:
    """The options of ``g287 claim`` beyond its input files."""
    p.add_argument("--quarter", help='fiscal quarter, e.g. "FY2026 Q1" or "FY26 Q1"')
    p.add_argument("--month", help="claim one calendar month instead (no award), e.g. 2025-11")
    p.add_argument(
        "--fiscal-year",
        metavar="FY",
        help="claim the fiscal year's quarters in order, each continuing the ones before, and "
        'print the year\'s summary, e.g. "FY2026"',
    )
    p.add_argument(
        "--prior",
        action="append",
        default=[],
        metavar="FILE",
        help="a claim already filed this fiscal year (the JSON --format json wrote); repeat "
        "for each. Each officer's cap continues from them, and corrections become adjustments",
    )
    p.add_argument(
        "--assume-no-earlier-overtime",
        action="store_true",
        help="state that no overtime was paid on days before the period that neither the "
        "payroll nor a --prior filing covers (recorded in the claim); without it such a claim "
        "is refused",
    )
    p.add_argument(
        "--choose",
        action="append",
        default=[],
        metavar="ID=OPTION",
        help="apply an interpretation's other option, e.g. I-BAND=half-up (repeatable); the "
        "report names the variant",
    )
    p.add_argument("--policy", metavar="FILE", help="a policy variant's JSON document")
    p.add_argument("--explain", metavar="OFFICER_ID", help="print that officer's audit trail only")
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "xlsx", "html"),
        default="table",
        help="output format (default: %(default)s); xlsx needs the excel extra and --output",
    )
    p.add_argument("--json", action="store_true", help="the same as --format json")
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
    # run, none of them in a reference cycle (what is freed, reference counting frees): the
    # cycle collector would only walk them again and again, a tenth of the run's time. It is
    # off for the run, and back on (if it was) on return.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(parser, args)
    finally:
        if collecting:
            gc.enable()


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
