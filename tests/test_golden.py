"""The wording of audit trails and reports, pinned once per kind of result as golden files.

Elsewhere tests assert figures and rule ids; here the whole text an auditor reads is compared
with ``tests/golden/``. After a deliberate change of wording, rewrite the files with
``G287_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py`` and review the diff.
The policy fingerprint is written as ``<fingerprint>``: it changes with any edit of the policy's
data and is tested on its own.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable

import pytest

import g287
from g287 import cli
from g287.dataio import Dataset, example_dir, load_dataset
from g287.report import claim_table

Golden = Callable[[str, str], None]


def example() -> Dataset:
    folder = example_dir()
    names = ("officers.csv", "payroll.csv", "leads.csv", "agency.json")
    return load_dataset(*(folder / name for name in names))


def quarter_claim(quarter: str, policy: g287.Policy | None = None) -> g287.Claim:
    data = example()
    q = g287.FiscalQuarter.parse(quarter)
    return g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(q),
        quarter=q,
        policy=policy,
    )


def anonymous(text: str, policy: g287.Policy = g287.POLICY) -> str:
    return text.replace(policy.fingerprint, "<fingerprint>")


@pytest.mark.parametrize(
    ("name", "located", "provided", "satisfactory"),
    [
        ("award_top_tier", 45, 50, True),  # 90%: R-AWD-1
        ("award_truncated", 179, 200, True),  # 89.5% truncates to 89%: R-AWD-2 (I-BAND)
        ("award_below_bands", 33, 50, True),  # 66%: I-BELOW
        ("award_no_leads", 0, 0, True),  # I-BELOW: no rate at all
        ("award_unsatisfactory", 45, 50, False),  # I-ASSIST
    ],
)
def test_award_trail(
    golden: Golden, name: str, located: int, provided: int, satisfactory: bool
) -> None:
    """An award's audit trail: R-EFF, R-AWD, I-ASSIST, I-RATE, I-BAND, the tier, I-HEAD."""
    result = g287.quarterly_award(
        located=located,
        provided=provided,
        task_force_officers=12,
        quarter="FY2026 Q1",
        assistance_satisfactory=satisfactory,
    )
    golden(f"{name}.txt", str(result.explanation) + "\n")


def test_reimbursement_trail(golden: Golden) -> None:
    """A year's reimbursement trail: R-SAL in full, R-OT's cap (I-CAPBASE, I-CENT, I-CAPYEAR)."""
    result = g287.annual_reimbursement(
        annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
    )
    golden("reimbursement.txt", str(result.explanation) + "\n")


@pytest.mark.parametrize(
    ("quarter", "officer_id", "variant"),
    [
        ("FY2026 Q1", "T-01", None),  # eligible all quarter
        ("FY2026 Q1", "T-04", None),  # trained in January: never eligible in Q1
        ("FY2026 Q3", "T-03", None),  # overtime over the cap (I-CAPYEAR)
        ("FY2026 Q2", "J-01", ("I-MODEL", "task-force-only")),  # excluded by I-MODEL
        ("FY2026 Q2", "T-04", ("I-CAPPRO", "by-eligible-days")),  # a prorated cap
    ],
)
def test_officer_line_trail(
    golden: Golden, quarter: str, officer_id: str, variant: tuple[str, str] | None
) -> None:
    """An officer line's trail: I-WIN, I-MODEL, I-DAYS, R-SAL, R-OT (I-CAPPRO), I-CAPYEAR."""
    policy = g287.POLICY.choose(*variant) if variant else None
    line = quarter_claim(quarter, policy).line(officer_id)
    suffix = f"_{variant[1]}" if variant else ""
    name = f"line_{quarter.replace(' ', '_')}_{officer_id}{suffix}.txt"
    golden(name, str(line.explanation) + "\n")


@pytest.mark.parametrize("quarter", ["FY2026 Q1", "FY2026 Q4"])
def test_claim_report(golden: Golden, quarter: str) -> None:
    """The claim report the CLI prints: lines, totals, the claim's and the award's trails."""
    text = claim_table(quarter_claim(quarter))
    golden(f"claim_{quarter.replace(' ', '_')}.txt", anonymous(text) + "\n")


def test_fiscal_year_claim_report(golden: Golden) -> None:
    """A whole fiscal year claimed at once (no award: awards are quarterly)."""
    data = example()
    year = g287.claim(
        agency=data.agency, officers=data.officers, payroll=data.payroll, period="FY2026"
    )
    golden("claim_FY2026.txt", anonymous(claim_table(year)) + "\n")


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("cli_tiers.txt", ["tiers"]),
        (
            "cli_award.txt",
            [
                "award",
                "--located",
                "45",
                "--provided",
                "50",
                "--task-force-officers",
                "4",
                "--quarter",
                "FY2026 Q1",
            ],
        ),
        ("cli_cap.txt", ["cap", "--salary", "60000"]),
        (
            "cli_reimburse.txt",
            [
                "reimburse",
                "--salary",
                "60000",
                "--benefits",
                "1",
                "--overtime",
                "20000",
                "--fiscal-year",
                "2026",
            ],
        ),
    ],
)
def test_command_output(golden: Golden, name: str, argv: list[str]) -> None:
    """What the ``g287`` subcommands print."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(argv) == 0
    golden(name, anonymous(out.getvalue()))
