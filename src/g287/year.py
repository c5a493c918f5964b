"""A fiscal year filed quarter by quarter, in one call.

:func:`~g287.fiscal_year_claims` claims each quarter of a fiscal year in order, from the
quarter after the last earlier filing through the last quarter with a lead report: each with its
award, each continuing the ones before it (the cap carried, corrections adjusted: I-CAPYEAR,
I-ADJUST). Its figures are those of the quarterly claims filed one by one with ``prior=``. g287
never reads the clock: which quarters are claimed follows from the lead reports given.

>>> from g287.dataio import example_dir, load_dataset
>>> data = load_dataset(*(example_dir() / n for n in
...                       ("officers.csv", "payroll.csv", "leads.csv", "agency.json")))
>>> year = fiscal_year_claims(agency=data.agency, officers=data.officers,
...                           payroll=data.payroll, leads=data.leads, fiscal_year="FY2026")
>>> [str(c.quarter) for c in year.claims]
['FY2026 Q1', 'FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4']
>>> year.total
Decimal('444409.59')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from . import html
from ._validators import Value, check_with, instance, of_type, tuple_of, type_error
from .calendar import FiscalQuarter, FiscalYear, to_fiscal_year
from .claims import Claim, quarterly_claim
from .errors import InvalidInputError
from .filings import Filing
from .inputs import Agency, LeadReport, Officer, PayRecord, Payroll, each_of
from .money import ZERO, cents, format_money, from_cents
from .policy import Policy

__all__ = ["FiscalYearClaims", "fiscal_year_claims"]

#: The amounts of a year summary's rows, in order.
SUMMARY_COLUMNS = ("reimbursement", "adjustment", "award", "total")


def _add(amounts: Iterable[Decimal]) -> Decimal:
    return from_cents(sum(map(cents, amounts)))


@attrs.frozen(slots=False, kw_only=True, repr=False, eq=False)
class FiscalYearClaims(Value):
    """A fiscal year's quarterly claims, in order, and their summary."""

    fiscal_year: FiscalYear = attrs.field(metadata=check_with(of_type(FiscalYear, "a FiscalYear")))
    claims: tuple[Claim, ...] = attrs.field(metadata=check_with(tuple_of(Claim, "Claim")))

    def _check(self) -> None:
        if not self.claims:
            raise InvalidInputError.about("claims", (), "is empty; expected a quarterly claim")
        for i, c in enumerate(self.claims):
            before = tuple(x.filing for x in self.claims[:i])
            if (
                c.quarter is None
                or c.quarter.year != self.fiscal_year
                or (i and c.quarter != self.claims[i - 1].quarter.next())  # type: ignore[union-attr]
                or c.prior[len(c.prior) - i :] != before
            ):
                raise InvalidInputError.about(
                    f"claims[{i}]",
                    c.name,
                    f"is not the next quarterly claim of {self.fiscal_year}, continuing the "
                    "ones before it",
                )

    @property
    def total(self) -> Decimal:
        """Everything the year's claims claim: reimbursements, adjustments and awards."""
        return _add(c.total for c in self.claims)

    def quarter_rows(self) -> list[dict[str, object]]:
        """One row per quarter, then the year's totals."""
        rows: list[dict[str, object]] = [
            {
                "quarter": str(c.quarter),
                "reimbursement": c.reimbursement,
                "adjustment": c.adjustment,
                "award": c.award.amount if c.award is not None else ZERO,
                "total": c.total,
            }
            for c in self.claims
        ]
        totals = {name: _add(r[name] for r in rows) for name in SUMMARY_COLUMNS}  # type: ignore[misc]
        return [*rows, {"quarter": "year", **totals}]

    def officer_rows(self) -> list[dict[str, object]]:
        """One row per officer: what each quarter's claim reimburses for them (adjustments to
        earlier quarters counted in the quarter that carries them), and the year's total."""
        names = [str(c.quarter) for c in self.claims]
        officers: dict[str, dict[str, Decimal]] = {}
        for name, c in zip(names, self.claims, strict=True):
            for line in c.lines:
                officers.setdefault(line.officer_id, {})[name] = line.total
            for a in c.adjustments:
                row = officers.setdefault(a.officer_id, {})
                row[name] = _add([row.get(name, ZERO), a.total])
        rows: list[dict[str, object]] = []
        for officer_id, by_quarter in officers.items():
            amounts = [by_quarter.get(n, ZERO) for n in names]
            rows.append({"officer_id": officer_id, **dict(zip(names, amounts, strict=True))})
            rows[-1]["total"] = _add(amounts)
        return rows

    def as_row(self) -> dict[str, object]:
        """The year's totals as one flat row."""
        return {"fiscal_year": str(self.fiscal_year)} | {
            k: v for k, v in self.quarter_rows()[-1].items() if k != "quarter"
        }

    def _repr_html_(self) -> str:
        *quarters, year = self.quarter_rows()
        head = ["quarter", *SUMMARY_COLUMNS]
        by_quarter = html.table(
            [{"adjustment": "adjustments to earlier quarters"}.get(k, k) for k in head],
            [[r[k] for k in head] for r in quarters],
            caption="By quarter",
            footer=[[str(self.fiscal_year), *(year[k] for k in SUMMARY_COLUMNS)]],
        )
        officers = self.officer_rows()
        columns = [*(str(c.quarter) for c in self.claims), "total"]
        by_officer = html.table(
            ["officer", *columns],
            [[r["officer_id"], *(r[k] for k in columns)] for r in officers],
            caption=(
                "By officer: what each quarter's claim reimburses, adjustments counted in the "
                "quarter that carries them (awards are the agency's)"
            ),
            footer=[["TOTAL", *(_add(r[k] for r in officers) for k in columns)]],  # type: ignore[misc]
        )
        title = f"{self.fiscal_year}: {len(self.claims)} quarterly claims"
        return html.block(
            html.paragraph(f"{title}, {format_money(self.total)}", strong=True),
            html.definition_list(
                [
                    ("agency", ", ".join(dict.fromkeys(c.agency_id for c in self.claims))),
                    ("policy", "; ".join(dict.fromkeys(c.policy.label for c in self.claims))),
                ]
            ),
            by_quarter,
            by_officer,
        )


def _each(values: object, field: str) -> tuple[object, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise type_error(field, values, "an iterable")
    return tuple(values)


def fiscal_year_claims(
    *,
    agency: Agency,
    officers: Iterable[Officer],
    payroll: Iterable[PayRecord],
    leads: Iterable[LeadReport],
    fiscal_year: FiscalYear | int | str,
    prior: Iterable[Claim | Filing] = (),
    policy: Policy | None = None,
) -> FiscalYearClaims:
    """Claim a fiscal year quarter by quarter: each quarter after the last of ``prior``, in
    order, while ICE's lead report for it is among ``leads``; each quarter's claim continues
    the ones before it (``prior=``), so the year's figures are those of the quarterly claims
    filed one by one.

    Raises:
        InvalidInputError: when no quarter is left to claim (every quarter filed, or no lead
            report for the next one), and as :func:`~g287.quarterly_claim` does.
    """
    fy = to_fiscal_year(fiscal_year)
    reports: dict[FiscalQuarter, LeadReport] = {}
    for report in _each(leads, "leads"):
        given = instance(report, LeadReport, "leads", "a LeadReport")
        if given.quarter in reports:
            raise InvalidInputError.about(
                "leads", str(given.quarter), "has two lead reports; expected one per quarter"
            )
        reports[given.quarter] = given
    roster, records = each_of(officers, Officer, "officers"), Payroll.of(payroll)
    filed: list[Claim | Filing] = []
    for f in _each(prior, "prior"):
        if not isinstance(f, (Claim, Filing)):
            raise type_error("prior", f, "a Claim or Filing")
        filed.append(f)
    done = max((f.period.end for f in filed), default=None)
    if done is not None and FiscalQuarter.containing(done).end != done:
        raise InvalidInputError.about(
            "prior",
            done.isoformat(),
            "ends inside a quarter; a fiscal year is claimed in whole quarters: claim the rest "
            "of that quarter with g287.claim(period=...) first",
        )
    claims: list[Claim] = []
    for q in fy.quarters():
        if done is not None and q.start <= done:
            continue
        report = reports.get(q)
        if report is None:
            break
        c = quarterly_claim(
            agency=agency,
            officers=roster,
            payroll=records,
            leads=report,
            quarter=q,
            policy=policy,
            prior=[*filed, *(x.filing for x in claims)],  # its own claims need no checking
        )
        if not claims:
            filed = list(c.prior)  # the given claims, verified once, as filings
        claims.append(c)
    if not claims:
        raise InvalidInputError.about(
            "leads",
            sorted(str(q) for q in reports),
            f"hold no lead report for a quarter of {fy} left to claim; expected the next quarter's",
        )
    return FiscalYearClaims(fiscal_year=fy, claims=tuple(claims))
