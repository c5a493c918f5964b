"""Printable reports of a claim: the fixed-width table the CLI prints, and CSV.

The wording of both is pinned once, for the bundled example, in ``tests/test_golden.py``; here
the figures a report shows are checked against the claim's own.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g287 import Agency, Claim, LeadReport, Model, Officer, PayRecord, claim, quarterly_claim
from g287.claims import LINE_COLUMNS
from g287.dataio import Dataset, example_dir, load_dataset
from g287.money import format_money
from g287.report import LINE_LABELS, claim_csv, claim_table

D = dt.date
MONEY_COLUMNS = [c for c in LINE_COLUMNS if c not in {"officer_id", "model", "eligible_days"}]


@functools.cache
def example() -> Dataset:
    """The bundled example data set (read once per test process)."""
    folder = example_dir()
    return load_dataset(
        folder / "officers.csv",
        folder / "payroll.csv",
        folder / "leads.csv",
        folder / "agency.json",
    )


def example_claim(period: str) -> Claim:
    """The example agency's claim: quarterly (with the award) for a quarter, else plain."""
    data = example()
    if "Q" in period:
        return quarterly_claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(period),
            quarter=period,
        )
    return claim(agency=data.agency, officers=data.officers, payroll=data.payroll, period=period)


def columns(table: str) -> tuple[list[str], dict[str, list[str]]]:
    """The table's rows as cells, cut at its ruled columns: (header labels, rows by first cell)."""
    lines = table.splitlines()
    ruler = next(i for i, line in enumerate(lines) if line.startswith("----"))
    spans, start = [], 0
    for dashes in lines[ruler].split("  "):
        spans.append((start, start + len(dashes)))
        start += len(dashes) + 2

    def cells(line: str) -> list[str]:
        return [line[a:b].strip() for a, b in spans]

    body = lines[ruler + 1 : lines.index(lines[ruler], ruler + 1) + 2]
    rows = {cells(line)[0]: cells(line) for line in body if not line.startswith("----")}
    return cells(lines[ruler - 1]), rows


PERIODS = ["FY2026 Q1", "FY2026 Q2", "FY2026 Q3", "FY2026 Q4", "FY2026"]


class TestTable:
    def test_labels_cover_every_column(self) -> None:
        """LINE_LABELS has one label per line column, and the table heads its columns with
        them, in the order of LINE_COLUMNS."""
        assert set(LINE_LABELS) == set(LINE_COLUMNS)
        header, _ = columns(claim_table(example_claim("FY2026 Q1")))
        assert header == [LINE_LABELS[c] for c in LINE_COLUMNS]

    @pytest.mark.parametrize("period", PERIODS)
    def test_one_row_per_line(self, period: str) -> None:
        """Each officer line is a row showing its days and total."""
        c = example_claim(period)
        _, rows = columns(claim_table(c))
        total = LINE_COLUMNS.index("total")
        for line in c.lines:
            row = rows[line.officer_id]
            assert row[2] == str(line.eligible_days)
            assert row[total] == format_money(line.total)
        assert len(rows) == len(c.lines) + 1

    @pytest.mark.parametrize("period", PERIODS)
    def test_the_totals_row_is_the_claims_figures(self, period: str) -> None:
        """I-CENT (“the parts always sum to the whole”): the TOTAL row shows the claim's salary,
        benefits, overtime and reimbursement, and the days of every line; a fiscal-year cap is
        not summed."""
        c = example_claim(period)
        _, rows = columns(claim_table(c))
        totals = dict(zip(LINE_COLUMNS, rows["TOTAL"], strict=True))
        assert totals["eligible_days"] == str(sum(line.eligible_days for line in c.lines))
        for name in ("salary", "benefits", "overtime_claimed", "overtime_reimbursed"):
            assert totals[name] == format_money(getattr(c, name))
        assert totals["overtime_over_cap"] == format_money(c.overtime_over_cap)
        assert totals["not_eligible"] == format_money(c.not_eligible)
        assert totals["total"] == format_money(c.reimbursement)
        assert totals["overtime_cap"] == totals["cap_used"] == ""

    def test_a_quarterly_claim_adds_the_award(self) -> None:
        """R-AWD: a quarterly claim's report names the officers counted toward the award and
        adds the award to the reimbursement; a plain claim's report has no award."""
        quarterly = claim_table(example_claim("FY2026 Q1"))
        assert "Counted toward the award (I-HEAD): T-01, T-02, T-03, T-05" in quarterly
        assert quarterly.endswith("= claim total $113,018.52")
        plain = claim_table(example_claim("FY2026"))
        assert "Counted toward the award" not in plain
        assert "claim total" not in plain

    def test_nobody_counted(self) -> None:
        """I-HEAD: when no task force officer counts toward the award, the report says none."""
        agency = Agency("A1", "Example County", D(2025, 7, 1), [Model.JAIL_ENFORCEMENT])
        officer = Officer("J-1", Model.JAIL_ENFORCEMENT, D(2025, 8, 1), "52000")
        c = quarterly_claim(
            agency=agency,
            officers=[officer],
            payroll=[PayRecord("J-1", D(2025, 10, 1), D(2025, 10, 14), "2000", "600", "0")],
            leads=LeadReport("FY2026 Q1", provided=10, located=10),
            quarter="FY2026 Q1",
        )
        assert "Counted toward the award (I-HEAD): none" in claim_table(c)

    def test_no_line_ends_in_spaces(self) -> None:
        """The table's lines are trimmed: the right-aligned last column is never empty."""
        assert all(
            line == line.rstrip() for line in claim_table(example_claim("FY2026 Q1")).splitlines()
        )


# --- CSV -----------------------------------------------------------------------------------------


def parsed(text: str) -> list[dict[str, str]]:
    """CSV text read back with the standard library."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == list(LINE_COLUMNS)
    return list(reader)


def assert_rows_are_the_lines(text: str, c: Claim) -> None:
    """Each CSV row is one line of the claim, in order, with its exact figures."""
    rows = parsed(text)
    assert [r["officer_id"] for r in rows] == [line.officer_id for line in c.lines]
    for row, line in zip(rows, c.lines, strict=True):
        assert row["model"] == line.model.value
        assert int(row["eligible_days"]) == line.eligible_days
        for name in MONEY_COLUMNS:
            assert Decimal(row[name]) == getattr(line, name), name
            assert row[name] == str(getattr(line, name))


class TestCsv:
    @pytest.mark.parametrize("period", PERIODS)
    def test_one_row_per_line_with_exact_amounts(self, period: str) -> None:
        """The CSV has the LINE_COLUMNS header and one row per line, amounts in plain dollars
        and cents exactly as the line holds them."""
        c = example_claim(period)
        assert_rows_are_the_lines(claim_csv(c), c)

    def test_amounts_add_up_to_the_claim(self) -> None:
        """I-CENT: the CSV's line totals add up to the claim's reimbursement, to the cent."""
        c = example_claim("FY2026 Q3")
        assert sum(Decimal(r["total"]) for r in parsed(claim_csv(c))) == c.reimbursement

    @settings(max_examples=30)
    @given(
        st.lists(
            st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,11}", fullmatch=True),
            min_size=1,
            max_size=4,
            unique_by=str.casefold,
        )
    )
    def test_any_officer_id_survives(self, ids: list[str]) -> None:
        """I-CENT (“money is Decimal in cents”): whatever an officer id holds (of the characters
        an id may have), the CSV reads back to the claim's lines, figure for figure."""
        data = example()
        rename = dict(zip([o.id for o in data.officers], ids, strict=False))
        roster = [attrs.evolve(o, id=rename[o.id]) for o in data.officers if o.id in rename]
        pay = [
            attrs.evolve(r, officer_id=rename[r.officer_id])
            for r in data.payroll
            if r.officer_id in rename
        ]
        c = claim(agency=data.agency, officers=roster, payroll=pay, period="FY2026 Q2")
        assert_rows_are_the_lines(claim_csv(c), c)
