"""Compact, escaped HTML for notebooks: the ``_repr_html_`` of policies, results and claims.

Every value is escaped with :func:`html.escape`; rule ids are shown beside each figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from .money import format_money

if TYPE_CHECKING:
    from .award import AwardResult
    from .claims import Claim
    from .explain import Explanation
    from .policy import Policy
    from .reimbursement import ReimbursementResult

__all__ = ["award_html", "claim_html", "explanation_html", "policy_html", "reimbursement_html"]

_STYLE = "border-collapse:collapse;font-family:sans-serif;font-size:0.9em"


def _cell(value: object) -> str:
    if isinstance(value, Decimal):
        return f'<td style="text-align:right">{escape(format_money(value))}</td>'
    return f"<td>{escape(str(value))}</td>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]], caption: str = "") -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'<table style="{_STYLE}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def explanation_html(explanation: Explanation) -> str:
    """An explanation as a table of steps: rule id, what happened, figure, citation."""
    rows = [
        (s.rule_id, s.text, s.figure, f"{s.citation.locator}: \u201c{s.citation.quote}\u201d")
        for s in explanation.steps
    ]
    return _table(
        ("rule", "step", "figure", "source"), rows, f"{explanation.title}: {explanation.figure}"
    )


def policy_html(policy: Policy) -> str:
    """A policy's award tiers, overtime cap and interpretation choices."""
    tiers = _table(
        ("rule", "location rate", "per eligible task force officer"),
        [(t.rule_id, t.band, t.amount) for t in policy.award_schedule.tiers],
        f"{policy.name} (from {policy.effective_from.isoformat()})",
    )
    cap = policy.overtime_cap
    other = _table(
        ("id", "choice"),
        [
            ("R-OT", f"overtime cap {cap.percent}% of annual base salary"),
            *sorted(policy.choices.items()),
        ],
    )
    return f"<div>{tiers}{other}</div>"


def award_html(result: AwardResult) -> str:
    """An award result: the figure and its explanation."""
    return (
        f"<div><strong>{escape(result.reason)}</strong>{explanation_html(result.explanation)}</div>"
    )


def reimbursement_html(result: ReimbursementResult) -> str:
    """A reimbursement result: the figure and its explanation."""
    return f"<div>{explanation_html(result.explanation)}</div>"


def claim_html(claim: Claim) -> str:
    """A claim: officer lines, totals and the award."""
    from .report import LINE_COLUMNS, claim_rows  # noqa: PLC0415 - report imports claims

    rows: list[list[Any]] = [list(r.values()) for r in claim_rows(claim)]
    title = f"Claim of {claim.agency_id} for {claim.quarter or claim.period} ({claim.policy_name})"
    parts = [_table([h for _, h in LINE_COLUMNS], rows, title)]
    parts.append(f"<p>Reimbursement {escape(format_money(claim.reimbursement))}")
    if claim.award is not None:
        parts.append(
            f"; award {escape(format_money(claim.award.amount))} "
            f"({escape(claim.award.reason)}); total {escape(format_money(claim.total))}"
        )
    parts.append(f"</p><p><small>policy fingerprint {escape(claim.policy_fingerprint)}</small></p>")
    return "<div>" + "".join(parts) + "</div>"
