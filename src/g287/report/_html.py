"""The claim as one self-contained HTML page, for printing or attaching to a submission."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Final

from g287._version import __version__
from g287.calendar import period_name
from g287.claims import LINE_COLUMNS, Claim, OfficerLine
from g287.errors import printable
from g287.explain import Explanation
from g287.html import cell, details, escape, table
from g287.money import cents, format_money, format_percent, sum_money

from ._rows import LINE_LABELS, counted, earlier, summary

__all__ = ["claim_html"]

# One stylesheet, inline: the page needs no other file. Landscape pages fit the lines table.
_STYLE: Final = """
body { font-family: system-ui, sans-serif; color: #111; margin: 2em auto; max-width: 90em;
       padding: 0 1em; line-height: 1.35; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #bbb; margin-top: 1.8em; }
table { margin: 0.5em 0; }
table.lines { font-size: 0.85em; border-collapse: collapse; }
.trail td:nth-child(2), .passages td:first-child { white-space: nowrap; }
th, td { border: 1px solid #ccc; padding: 0.15em 0.4em; vertical-align: top; }
thead th { background: #eee; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: 0.15em 1.5em; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
svg.cap { display: block; }
.note { color: #444; }
.statement { border: 2px solid #a33; background: #fdf1f1; padding: 0.5em 0.8em;
             font-weight: bold; }
footer { margin-top: 2em; font-size: 0.85em; color: #444; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; }
  h2 { break-after: avoid; }
  tr, dl.summary, .statement { break-inside: avoid; }
  thead { display: table-header-group; }
  details > summary { list-style: none; font-weight: bold; break-after: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  svg.cap rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""
# No script, no style or image from elsewhere, no form: what the page may load or run, nothing.
_POLICY: Final = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'"
# The inline bar of each officer's overtime cap use: a 100 × 10 box drawn 120 × 12 pixels.
_BAR: Final = (
    '<svg class="cap" role="img" width="120" height="12" viewBox="0 0 100 10" '
    'preserveAspectRatio="none"><title>{title}</title>'
    '<rect width="100" height="10" fill="#e4e4e4"/>'
    '<rect width="{width}" height="10" fill="#2a6099"/></svg>'
)


def _text(value: object) -> str:
    """Text as the page shows it: non-printable characters escaped, then HTML-escaped."""
    return escape(printable(str(value)))


def _safe(values: Iterable[object]) -> list[object]:
    """Row values for :mod:`g287.html`: text with non-printable characters escaped (it escapes
    the markup), amounts and counts as they are."""
    return [printable(v) if isinstance(v, str) else v for v in values]


def cap_bar(line: OfficerLine) -> str:
    """An officer's overtime cap use (R-OT, I-CAPYEAR) as a small inline SVG bar: the share of
    the fiscal year's cap reimbursed up to the end of the period, its figures in ``<title>``."""
    cap, used = cents(line.overtime_cap), cents(line.cap_used)
    who = printable(line.officer_id)
    if cap == 0:
        title, width = f"{who}: no overtime cap in {line.fiscal_year}", "0"
    else:
        share = Fraction(used, cap)
        title = (
            f"{who}: overtime cap used {format_money(line.cap_used)} of "
            f"{format_money(line.overtime_cap)} in {line.fiscal_year} ({format_percent(share)})"
        )
        hundredths = used * 10_000 // cap  # the bar's width to 0.01 of the box, rounded down
        width = f"{hundredths // 100}.{hundredths % 100:02d}"
    return _BAR.format(title=escape(title), width=width)


#: A passage cited by some step: its source's id, its locator and its quote.
_Passage = tuple[str, str, str]


def _trail(explanation: Explanation, cited: dict[_Passage, None], *, quoted: bool) -> str:
    """An audit trail as a table: each step's rule, what it did, its inputs, its figure and the
    passage it cites — quoted, or (``quoted=False``, for the many officer lines) by its
    locator alone. Every passage cited is noted in ``cited``, to be listed once."""
    rows = []
    for number, step in enumerate(explanation.steps, 1):
        row, cite = step.as_row(), step.citation
        cited[cite.source.id, cite.locator, cite.quote] = None
        source = f"{cite.locator}: \u201c{cite.quote}\u201d" if quoted else cite.locator
        rows.append(
            _safe((number, row["rule_id"], row["text"], row["inputs"], row["figure"], source))
        )
    caption = f"{explanation.title}: {explanation.figure}"
    steps = table(
        ("#", "rule", "step", "inputs", "figure", "source"), rows, caption=printable(caption)
    )
    return f'<div class="trail">{steps}</div>'


def _summary(claim: Claim) -> str:
    items = "".join(
        f"<dt>{_text(label)}</dt>"
        f"<dd>{_text(format_money(value) if isinstance(value, Decimal) else value)}</dd>"
        for label, value in summary(claim)
    )
    return f'<dl class="summary">{items}</dl>'


def _lines(claim: Claim) -> str:
    head = "".join(f"<th>{escape(LINE_LABELS[c])}</th>" for c in LINE_COLUMNS)
    body = "".join(
        "<tr>"
        + "".join(cell(v) for v in _safe(line.as_row().values()))
        + f"<td>{cap_bar(line)}</td></tr>"
        for line in claim.lines
    )
    foot = "".join(cell(v, "th") for v in _safe(claim.line_totals().values()))
    return (
        '<table class="lines"><thead><tr>'
        f"{head}<th>overtime cap use</th></tr></thead><tbody>{body}</tbody>"
        f"<tfoot><tr>{foot}<th></th></tr></tfoot></table>"
    )


#: The headers of the adjustments table's columns.
_ADJUSTMENT_HEADERS: Final = (
    "officer",
    "period",
    "salary filed",
    "benefits filed",
    "OT paid filed",
    "salary now",
    "benefits now",
    "OT paid now",
    "change",
)


#: The figures filed and as now recomputed, in the columns of the adjustments table.
_FIGURES: Final = (
    "filed_salary",
    "filed_benefits",
    "filed_overtime_reimbursed",
    "salary",
    "benefits",
    "overtime_reimbursed",
)


def _adjustments(claim: Claim) -> str:
    """The corrections to earlier, filed periods (I-ADJUST): for each officer and period the
    figures filed and as the payroll now gives them, and the change; then the totals."""
    rows = [
        _safe((a.officer_id, period_name(a.period), *(getattr(a, f) for f in _FIGURES), a.total))
        for a in claim.adjustments
    ]
    summed = [sum_money(getattr(a, f) for a in claim.adjustments) for f in _FIGURES]
    changes = table(
        _ADJUSTMENT_HEADERS,
        rows,
        caption="Adjustments to earlier periods (I-ADJUST)",
        footer=[["TOTAL", None, *summed, claim.adjustment]],
    )
    return (
        '<p class="note">Recomputed from the payroll given with this claim, periods already '
        "filed come out differently: the change is claimed here (a negative one is given "
        "back), and each officer's cap is used as now recomputed.</p>"
        f'<div class="adjustments">{changes}</div>'
    )


def _sources(claim: Claim, cited: dict[_Passage, None]) -> str:
    """The sources the audit trails cite (id, title, publisher, date and address, as text),
    then every passage cited, once."""
    documents = "".join(
        f"<li>{_text(s.id)}: {_text(s.title)}, {_text(s.publisher)}, {s.date.isoformat()} "
        f"({_text(s.url)})</li>"
        for s in claim.policy.sources
    )
    passages = table(
        ("source", "paragraph", "passage"),
        [_safe((source, locator, f"\u201c{quote}\u201d")) for source, locator, quote in cited],
        caption="Passages cited",
    )
    return f'<ul>{documents}</ul><div class="passages">{passages}</div>'


def claim_html(claim: Claim) -> str:
    """The claim as one self-contained HTML5 page: no script, no file or address it loads.

    In order: the title; when the claimant stated that no overtime was paid on earlier days
    nothing covers (``assume_no_earlier_overtime``, I-CAPYEAR), that statement, boxed; the
    summary (agency, period, policy with its registration and fingerprint, the filings it
    continues, reimbursement, adjustments, award, claim total); the officer lines with their
    totals and each officer's overtime cap use as an inline SVG bar; when the claim corrects
    earlier, filed periods (I-ADJUST), a table of the adjustments, filed and now, with their
    totals; the award with the officers counted toward it (I-HEAD) and its audit trail; the
    claim's audit trail with the quoted source of each step, and each line's trail in a
    collapsible section. Every text is escaped, and non-printable characters are shown as
    escapes. A print stylesheet lays it out on landscape pages.

    >>> import datetime
    >>> from g287 import Agency, Model, Officer, PayRecord, claim
    >>> agency = Agency("A1", "Example County", datetime.date(2025, 7, 1), {Model.TASK_FORCE})
    >>> officer = Officer("T-1", Model.TASK_FORCE, datetime.date(2025, 8, 1), "78000")
    >>> pay = PayRecord("T-1", datetime.date(2025, 10, 1), datetime.date(2025, 10, 14),
    ...                 "3000", "1000", "500")
    >>> page = claim_html(claim(agency=agency, officers=[officer], payroll=[pay],
    ...                         period="FY2026 Q1"))
    >>> page.startswith("<!DOCTYPE html>"), page.count("<svg"), "<script" in page
    (True, 1, False)
    """
    title = _text(f"Claim of agency {claim.agency_id} for {claim.name}")
    cited: dict[_Passage, None] = {}
    audit = _trail(claim.explanation, cited, quoted=True)
    if claim.award is not None:
        award = (
            f"<p>Counted toward the award (I-HEAD): {_text(counted(claim))}</p>"
            f"{_trail(claim.award.explanation, cited, quoted=True)}"
        )
    else:
        award = (
            '<p class="note">No award: performance awards are quarterly (R-AWD), and this '
            "claim is not for a fiscal quarter.</p>"
        )
    statement = (
        f'<p class="statement" role="note">{_text(earlier(claim))}. The overtime cap used '
        "before the period rests on this statement, not on payroll or filings (I-CAPYEAR).</p>\n"
        if claim.assumed_no_earlier_overtime
        else ""
    )
    adjustments = (
        '<section id="adjustments"><h2>Adjustments to earlier periods</h2>'
        f"{_adjustments(claim)}</section>\n"
        if claim.adjustments
        else ""
    )
    trails = "".join(
        details(
            printable(f"{line.officer_id}: {format_money(line.total)}"),
            _trail(line.explanation, cited, quoted=False),
        )
        for line in claim.lines
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_STYLE}</style></head>\n<body>\n"
        f"<header><h1>{title}</h1><p>{_text(claim.agency.name)}</p></header>\n"
        f"{statement}"
        '<section id="summary"><h2>Summary</h2>'
        f"{_summary(claim)}</section>\n"
        '<section id="lines"><h2>Officer lines</h2>'
        f"{_lines(claim)}</section>\n"
        f"{adjustments}"
        f'<section id="award"><h2>Performance award</h2>{award}</section>\n'
        f'<section id="audit"><h2>Audit trail</h2>{audit}'
        f"<h3>Each officer line</h3>{trails}"
        f"<h3>Sources</h3>{_sources(claim, cited)}</section>\n"
        f"<footer>Computed by g287 {escape(__version__)} under the policy "
        f"{_text(claim.policy.label)} ({_text(claim.policy_fingerprint)}).</footer>\n"
        "</body></html>\n"
    )
