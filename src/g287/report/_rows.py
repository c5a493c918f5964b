"""What every report of a claim shows, as plain values: the column labels, the totals row under
the officer lines, and the summary."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from g287.claims import LINE_LABELS as _LABELS
from g287.claims import Claim
from g287.money import ZERO

__all__ = [
    "ADJUSTMENT_COLUMNS",
    "LINE_LABELS",
    "award_amount",
    "counted",
    "earlier",
    "filed",
    "summary",
]

#: The columns of a report's adjustments (:meth:`g287.Adjustment.as_row`).
ADJUSTMENT_COLUMNS: tuple[str, ...] = (
    "officer_id",
    "period",
    "filed_salary",
    "filed_benefits",
    "filed_overtime_reimbursed",
    "salary",
    "benefits",
    "overtime_reimbursed",
    "total",
)

#: The header a human-readable report shows over each column of
#: :data:`~g287.claims.LINE_COLUMNS`: the labels of the notebook views
#: (:data:`g287.claims.LINE_LABELS`).
LINE_LABELS: Mapping[str, str] = _LABELS


def award_amount(claim: Claim) -> Decimal:
    """The award a report shows: the quarterly award, or $0.00 for a claim that has none
    (awards are quarterly, R-AWD), so reimbursement + award is always the claim total."""
    return claim.award.amount if claim.award is not None else ZERO


def counted(claim: Claim) -> str:
    """The officers counted toward the award (I-HEAD), as a report shows them."""
    if claim.award is None:
        return "no award (not a quarterly claim)"
    return ", ".join(claim.award_officers) or "none"


def summary(claim: Claim) -> list[tuple[str, object]]:
    """The claim at a glance, as (label, value) pairs: who, when, under which policy, how much."""
    return [
        ("agency", claim.agency_id),
        ("agency name", claim.agency.name),
        ("period", str(claim.period)),
        ("fiscal year", str(claim.fiscal_year)),
        ("quarter", str(claim.quarter) if claim.quarter is not None else "none"),
        ("policy", claim.policy.label),
        ("registered", "yes" if claim.policy.registered else "no"),
        ("policy fingerprint", claim.policy_fingerprint),
        ("prior filings continued (I-CAPYEAR)", filed(claim)),
        ("earlier overtime", earlier(claim)),
        ("reimbursement", claim.reimbursement),
        ("adjustments to earlier periods (I-ADJUST)", claim.adjustment),
        ("award", award_amount(claim)),
        ("officers counted toward the award (I-HEAD)", counted(claim)),
        ("claim total", claim.total),
    ]


def filed(claim: Claim) -> str:
    """The earlier filings a claim continues, by name, or ``none``."""
    return ", ".join(f.period_name for f in claim.prior) or "none"


def earlier(claim: Claim) -> str:
    """Where the overtime before the period comes from: the payroll and filings, or the
    claimant's statement that none was paid on days nothing covers."""
    if claim.assumed_no_earlier_overtime:
        return (
            "STATED BY THE CLAIMANT: no overtime was paid on days before the period that "
            "neither the payroll nor a prior filing covers (assume_no_earlier_overtime)"
        )
    return "from the payroll and prior filings"
