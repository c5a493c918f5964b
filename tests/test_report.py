"""Reports of a claim: complete (every figure a claim states, the award and the claim total
included) and safe (no spreadsheet formula from data, no control character) in every format.

DESIGN §7: “Reports are complete (the CSV carries the award and the claim total) and safe (no
spreadsheet formulas from data, no terminal escapes …)”. Each format is pinned once, on the
bundled example's FY2026 Q1 claim, as a golden file (``tests/golden/report_FY2026_Q1.*``; the
workbook as the text of its cells); the other tests check the figures a report shows against the
claim's own, and what hostile text becomes. A claim filed after others (issue 14) shows the
filings it continues, its adjustments to them (I-ADJUST) and, when the claimant stated that no
overtime was paid on earlier days nothing covers, that statement, in every format.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

import g287
from claim_strategies import QUARTERS, Scenario, in_scope, money, scenarios, window
from g287 import (
    POLICY,
    Agency,
    Claim,
    FiscalQuarter,
    LeadReport,
    Model,
    Officer,
    PayRecord,
    claim,
    quarterly_claim,
)
from g287.claims import LINE_COLUMNS
from g287.dataio import Dataset, example_dir, load_dataset
from g287.errors import printable
from g287.money import format_money
from g287.report import (
    CSV_COLUMNS,
    EXPLANATION_COLUMNS,
    FORMULA_STARTS,
    LINE_LABELS,
    MONEY_FORMAT,
    RECORDS,
    claim_csv,
    claim_html,
    claim_table,
    claim_xlsx,
    neutralise,
)
from g287.report._rows import ADJUSTMENT_COLUMNS

Golden = Callable[[str, str], None]
D = dt.date
MONEY_COLUMNS = [c for c in LINE_COLUMNS if c not in {"officer_id", "model", "eligible_days"}]
CONTEXT = (
    "agency_id",
    "period",
    "policy",
    "registered",
    "policy_fingerprint",
    "assumed_no_earlier_overtime",
)
PERIODS = ["FY2026 Q1", "FY2026 Q2", "FY2026 Q3", "FY2026 Q4", "FY2026"]
#: What a spreadsheet runs when it opens a cell: the issue's own example.
HYPERLINK = '=HYPERLINK("http://evil.example","T-01")'
#: A name that, printed raw, clears the line and forges a certified total on a terminal.
FORGERY = "HCSO\n\x1b[2KCLAIM TOTAL (certified) $9,999,999.99\r\u2028\x00"


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


def example_claim(
    period: str, *, policy: g287.Policy | None = None, agency: Agency | None = None
) -> Claim:
    """The example agency's claim: quarterly (with the award) for a quarter, else plain; with
    another policy or agency if given."""
    data = example()
    agency = agency or data.agency
    if "Q" in period:
        return quarterly_claim(
            agency=agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(period),
            quarter=period,
            policy=policy,
        )
    return claim(
        agency=agency, officers=data.officers, payroll=data.payroll, period=period, policy=policy
    )


def export(quarter: FiscalQuarter, payroll: Iterable[PayRecord]) -> list[PayRecord]:
    """A quarter's payroll export: the records of pay periods with a day in the quarter."""
    return [r for r in payroll if r.end >= quarter.start and r.start <= quarter.end]


#: Corrections entered after FY2026 Q1 was filed, as adjustment records: T-01's fortnight of
#: 2025-10-05 paid $5,000.00 more overtime and $100.00 less salary, and $250.00 of T-02's
#: salary of 2025-11-02 … 2025-11-15 recovered.
CORRECTIONS = (
    PayRecord("T-01", D(2025, 10, 5), D(2025, 10, 18), "-100.00", "0", "5000.00", adjustment=True),
    PayRecord("T-02", D(2025, 11, 2), D(2025, 11, 15), "-250.00", "0", "0", adjustment=True),
)


@functools.cache
def filed_q1() -> Claim:
    """The example's FY2026 Q1, claimed from Q1's payroll export alone and filed."""
    q1 = FiscalQuarter(2026, 1)
    return quarterly_claim(
        agency=example().agency,
        officers=example().officers,
        payroll=export(q1, example().payroll),
        leads=example().lead_report(q1),
        quarter=q1,
    )


@functools.cache
def adjusted() -> Claim:
    """FY2026 Q2 from Q2's export and the corrections to Q1, continuing the Q1 filing: it
    carries T-01's adjustment of +$4,900.00 and T-02's of -$250.00 (I-ADJUST)."""
    q2 = FiscalQuarter(2026, 2)
    return quarterly_claim(
        agency=example().agency,
        officers=example().officers,
        payroll=[*export(q2, example().payroll), *CORRECTIONS],
        leads=example().lead_report(q2),
        quarter=q2,
        prior=[filed_q1()],
    )


@functools.cache
def stated() -> Claim:
    """FY2026 Q3 from Q3's export alone, the claimant stating that no overtime was paid on the
    earlier days nothing covers (``assume_no_earlier_overtime``, I-CAPYEAR)."""
    q3 = FiscalQuarter(2026, 3)
    return quarterly_claim(
        agency=example().agency,
        officers=example().officers,
        payroll=export(q3, example().payroll),
        leads=example().lead_report(q3),
        quarter=q3,
        assume_no_earlier_overtime=True,
    )


def named(name: str) -> Claim:
    """The example's FY2026 Q1 claim under the announced policy renamed ``name``.

    A policy's name is printable text (a control character is refused when the policy is
    built), but it may look like a formula. To show that reports escape whatever text they are
    given — defence in depth, should a check upstream ever fail — a name the validators would
    refuse is put in place behind their back.
    """
    policy = attrs.evolve(POLICY, name="placeholder")
    object.__setattr__(policy, "name", name)  # validation bypassed on purpose
    return example_claim("FY2026 Q1", policy=policy)


def anonymous(text: str, c: Claim) -> str:
    """A report with the policy fingerprint and g287's version written as placeholders: they
    change with any edit of the policy's data or any release, and are tested on their own."""
    return text.replace(c.policy_fingerprint, "<fingerprint>").replace(
        f"g287 {g287.__version__}", "g287 <version>"
    )


def hidden(text: str) -> set[str]:
    """The characters of ``text`` that do not print, line breaks between rows aside."""
    return {c for c in text.replace("\n", "") if not c.isprintable()}


# --- the text table ------------------------------------------------------------------------------


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


class TestTable:
    def test_golden(self, golden: Golden) -> None:
        """The text report of the example's FY2026 Q1 claim, as the command line prints it."""
        c = example_claim("FY2026 Q1")
        golden("report_FY2026_Q1.txt", anonymous(claim_table(c), c) + "\n")

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


class TestTableOfALaterFiling:
    def adjustment_table(self, text: str) -> dict[str, list[str]]:
        """The adjustments table of a text report: its rows by officer (and TOTAL), as cells."""
        lines = text.splitlines()
        start = lines.index("Adjustments to earlier periods (I-ADJUST)") + 2
        end = lines.index("", start)
        return {row.split()[0]: row.split()[1:] for row in lines[start:end]}

    def test_each_adjustment_is_a_row_that_adds_up(self) -> None:
        """I-ADJUST: a claim continuing a filing names the filings it continues and shows each
        adjustment as filed, now and the change (now less filed), the changes totalled to the
        claim's adjustment; the last line adds the adjustments into the claim total."""
        c = adjusted()
        text = claim_table(c)
        assert "Continues the filings of FY2026 Q1 (I-CAPYEAR)" in text
        rows = self.adjustment_table(text)
        assert set(rows) == {"T-01", "T-02", "TOTAL"}
        for a in c.adjustments:
            _fy, _q, filed, now, change = rows[a.officer_id]
            assert change == format_money(a.total)
            assert money_of(now) - money_of(filed) == a.total
        assert rows["TOTAL"] == [format_money(c.adjustment)] == ["$4,650.00"]
        assert text.endswith(
            "Reimbursement $119,085.31 + adjustments $4,650.00 + award $3,000.00"
            " = claim total $126,735.31"
        )

    def test_a_claim_without_an_award_adds_only_the_adjustments(self) -> None:
        """A claim for a period (no award) that carries adjustments ends by adding them to its
        reimbursement, and names no award."""
        q2 = FiscalQuarter(2026, 2)
        c = g287.claim(
            agency=example().agency,
            officers=example().officers,
            payroll=[*export(q2, example().payroll), *CORRECTIONS],
            period=q2,
            prior=[filed_q1()],
        )
        assert c.award is None
        last = claim_table(c).splitlines()[-1]
        assert last == (
            f"Reimbursement {format_money(c.reimbursement)} + adjustments $4,650.00"
            f" = claim total {format_money(c.total)}"
        )

    def test_the_claimants_statement_is_printed(self) -> None:
        """I-CAPYEAR: a claim made on the claimant's statement that no earlier overtime was paid
        says so in capitals, apart from the trail; one without it does not."""
        assert "STATED BY THE CLAIMANT: no overtime was paid" in claim_table(stated())
        assert "STATED BY THE CLAIMANT" not in claim_table(filed_q1())


def money_of(text: str) -> Decimal:
    """A report's dollars read back: ``-$250.00`` is ``Decimal('-250.00')``."""
    return Decimal(text.replace("$", "").replace(",", ""))


class TestTerminal:
    def test_a_name_cannot_forge_a_line(self) -> None:
        """Issue 13: a newline, an escape sequence, a carriage return or U+2028 in a policy's
        name is printed as its escape, so the report has the same lines as under a plain name
        and none of them is the forged total."""
        plain = claim_table(named("Plain name"))
        forged = claim_table(named(FORGERY))
        assert len(forged.splitlines()) == len(plain.splitlines())
        assert hidden(forged) == set()
        assert not any(line.startswith("CLAIM TOTAL") for line in forged.splitlines())
        assert printable(FORGERY) in forged

    def test_the_quoted_source_cannot_forge_a_line(self) -> None:
        """A policy whose cited passages hold control characters (any text may be quoted)
        prints them escaped in the audit trails too."""
        source = POLICY.sources[0]
        bad = attrs.evolve(source)
        object.__setattr__(bad, "id", "DHS\x1b[2K")  # as in named()
        rules = tuple(attrs.evolve(r, citation=attrs.evolve(r.citation)) for r in POLICY.rules)
        for r in rules:
            object.__setattr__(r.citation, "source", bad)
            object.__setattr__(r.citation, "quote", r.citation.quote + "\n")
        policy = attrs.evolve(POLICY, name="placeholder")
        object.__setattr__(policy, "sources", (bad,))
        object.__setattr__(policy, "rules", rules)
        text = claim_table(example_claim("FY2026 Q1", policy=policy))
        assert hidden(text) == set()
        assert "DHS\\x1b[2K ¶8:" in text


# --- CSV -----------------------------------------------------------------------------------------


def parsed(text: str) -> list[dict[str, str]]:
    """CSV text read back with the standard library, its header checked."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == list(CSV_COLUMNS)
    return list(reader)


def line_rows(text: str) -> list[dict[str, str]]:
    """The officer rows: what a spreadsheet user gets by filtering ``record = line``."""
    return [row for row in parsed(text) if row["record"] == "line"]


def summary_rows(text: str) -> dict[str, dict[str, str]]:
    """The summary rows by their ``record``."""
    return {row["record"]: row for row in parsed(text) if row["record"] in RECORDS[2:]}


def adjustment_rows(text: str) -> list[dict[str, str]]:
    """The rows of the adjustments to earlier periods."""
    return [row for row in parsed(text) if row["record"] == "adjustment"]


def assert_rows_are_the_lines(text: str, c: Claim) -> None:
    """Each ``line`` row is one line of the claim, in order, with its exact figures."""
    rows = line_rows(text)
    assert [r["officer_id"] for r in rows] == [line.officer_id for line in c.lines]
    for row, line in zip(rows, c.lines, strict=True):
        assert row["model"] == line.model.value
        assert int(row["eligible_days"]) == line.eligible_days
        for name in MONEY_COLUMNS:
            assert row[name] == str(getattr(line, name)), name
        assert row["amount"] == ""


class TestCsv:
    def test_golden(self, golden: Golden) -> None:
        """The CSV report of the example's FY2026 Q1 claim."""
        c = example_claim("FY2026 Q1")
        golden("report_FY2026_Q1.csv", anonymous(claim_csv(c), c))

    def test_columns(self) -> None:
        """The columns are ``record``, the claim's context, the line columns, ``adjusts`` and
        ``amount``."""
        assert ("record", *CONTEXT, *LINE_COLUMNS, "adjusts", "amount") == CSV_COLUMNS
        assert claim_csv(example_claim("FY2026 Q1")).splitlines()[0] == ",".join(CSV_COLUMNS)

    @pytest.mark.parametrize("period", PERIODS)
    def test_one_row_per_line_with_exact_amounts(self, period: str) -> None:
        """A ``line`` row per officer line, amounts in plain dollars and cents exactly as the
        line holds them, ``amount`` left empty."""
        c = example_claim(period)
        assert_rows_are_the_lines(claim_csv(c), c)

    @pytest.mark.parametrize("period", PERIODS)
    def test_the_summary_rows_follow_the_lines(self, period: str) -> None:
        """After the lines come the reimbursement, the adjustments (none here), the award and
        the claim total, in that order, each with ``amount`` alone filled among the figure
        columns."""
        c = example_claim(period)
        rows = parsed(claim_csv(c))
        assert [r["record"] for r in rows] == ["line"] * len(c.lines) + list(RECORDS[2:])
        for row in rows[len(c.lines) :]:
            assert {row[name] for name in (*LINE_COLUMNS, "adjusts")} == {""}
            assert Decimal(row["amount"]) >= 0

    def test_the_summary_figures_are_the_claims(self) -> None:
        """The summary rows state the claim's reimbursement, its adjustments, its award and its
        total, the amount to claim: for the example's FY2026 Q1, $109,018.52 + $0.00 +
        $4,000.00 = $113,018.52."""
        c = example_claim("FY2026 Q1")
        amounts = {k: row["amount"] for k, row in summary_rows(claim_csv(c)).items()}
        assert amounts == {
            "reimbursement": "109018.52",
            "adjustments": "0.00",
            "award": "4000.00",
            "claim_total": "113018.52",
        }
        assert Decimal(amounts["claim_total"]) == c.total

    def test_a_claim_without_an_award_shows_zero(self) -> None:
        """R-AWD (awards are quarterly): a fiscal-year claim has no award, and its award row
        says 0.00, so reimbursement + award is still the claim total."""
        c = example_claim("FY2026")
        assert c.award is None
        rows = summary_rows(claim_csv(c))
        assert rows["award"]["amount"] == "0.00"
        assert rows["claim_total"]["amount"] == rows["reimbursement"]["amount"] == str(c.total)

    def test_summing_the_total_column_counts_nothing_twice(self) -> None:
        """I-CENT: the ``total`` column of every row adds up to the reimbursement, to the cent:
        the summary rows leave it empty."""
        c = example_claim("FY2026 Q3")
        rows = parsed(claim_csv(c))
        assert sum(Decimal(r["total"] or "0") for r in rows) == c.reimbursement

    @pytest.mark.parametrize("period", ["FY2026 Q1", "FY2026"])
    def test_every_row_names_its_claim(self, period: str) -> None:
        """Every row, line or summary, carries the agency, the period, the policy's label, its
        registration and its fingerprint, and whether the claim rests on the claimant's
        statement about earlier overtime, so any row read alone says what it belongs to."""
        c = example_claim(period)
        expected = {
            "agency_id": "HCSO",
            "period": str(c.period),
            "policy": POLICY.label,
            "registered": "yes",
            "policy_fingerprint": POLICY.fingerprint,
            "assumed_no_earlier_overtime": "no",
        }
        for row in parsed(claim_csv(c)):
            assert {k: row[k] for k in CONTEXT} == expected

    def test_a_variant_says_what_it_is(self) -> None:
        """A policy variant's rows give its label with its choice; an edited policy's say it is
        unregistered."""
        half_up = parsed(
            claim_csv(example_claim("FY2026 Q1", policy=POLICY.choose("I-BAND", "half-up")))
        )
        assert {(r["policy"], r["registered"]) for r in half_up} == {
            (f"{POLICY.name} [I-BAND=half-up]", "no")
        }
        edited = parsed(claim_csv(named("My own policy")))
        assert {(r["policy"], r["registered"]) for r in edited} == {
            ("My own policy [unregistered]", "no")
        }

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
        """Whatever an officer id holds (of the characters an id may have: none begins like a
        formula), the CSV reads back to the claim's lines, figure for figure."""
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

    @settings(max_examples=25)
    @given(scenarios(max_officers=4), st.sampled_from(QUARTERS))
    def test_the_claim_total_is_the_claims(self, s: Scenario, quarter: g287.FiscalQuarter) -> None:
        """R-SAL, R-OT, R-AWD and I-CENT (“the parts always sum to the whole, to the cent”):
        for any quarterly claim, the ``line`` rows' totals add up to the ``reimbursement`` row,
        reimbursement + adjustments + award is the ``claim_total`` row, and that is the
        claim's total. (A generated payroll's missing days are days nothing was paid, which is
        what ``assume_no_earlier_overtime`` states.)"""
        c = quarterly_claim(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            leads=next(r for r in s.leads if r.quarter == quarter),
            quarter=quarter,
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
        text = claim_csv(c)
        amounts = {k: Decimal(row["amount"]) for k, row in summary_rows(text).items()}
        assert sum(Decimal(r["total"]) for r in line_rows(text)) == amounts["reimbursement"]
        assert amounts["adjustments"] == 0
        assert (
            amounts["reimbursement"] + amounts["adjustments"] + amounts["award"]
            == amounts["claim_total"]
        )
        assert amounts["claim_total"] == c.total


class TestCsvOfALaterFiling:
    def test_one_row_per_adjustment(self) -> None:
        """I-ADJUST: after the lines, an ``adjustment`` row per correction to an earlier
        period, naming the officer and the period it ``adjusts``, its change in ``amount`` (of
        either sign) and the other figure columns empty; then the ``adjustments`` row, their
        sum."""
        c = adjusted()
        text = claim_csv(c)
        rows = parsed(text)
        assert [r["record"] for r in rows] == (
            ["line"] * len(c.lines) + ["adjustment"] * 2 + list(RECORDS[2:])
        )
        got = [(r["officer_id"], r["adjusts"], r["amount"]) for r in adjustment_rows(text)]
        q1 = "2025-10-01 to 2025-12-31"
        assert got == [("T-01", q1, "4900.00"), ("T-02", q1, "-250.00")]
        for row in adjustment_rows(text):
            assert {row[name] for name in LINE_COLUMNS if name != "officer_id"} == {""}
        assert summary_rows(text)["adjustments"]["amount"] == str(c.adjustment) == "4650.00"

    def test_the_claim_total_adds_the_adjustments(self) -> None:
        """The claim total is the reimbursement plus the adjustments plus the award —
        $119,085.31 + $4,650.00 + $3,000.00 = $126,735.31 for the example's Q2 after Q1 was
        corrected — while adding up the ``total`` column still gives the reimbursement alone."""
        c = adjusted()
        text = claim_csv(c)
        amounts = {k: row["amount"] for k, row in summary_rows(text).items()}
        assert amounts == {
            "reimbursement": "119085.31",
            "adjustments": "4650.00",
            "award": "3000.00",
            "claim_total": "126735.31",
        }
        assert Decimal(amounts["claim_total"]) == c.total
        assert sum(Decimal(r["total"] or "0") for r in parsed(text)) == c.reimbursement

    def test_the_statement_is_on_every_row(self) -> None:
        """I-CAPYEAR: a claim that rests on the claimant's statement that no overtime was paid
        on earlier days nothing covers says ``yes`` in ``assumed_no_earlier_overtime`` on every
        row; a claim whose earlier days are covered says ``no``."""
        assert {r["assumed_no_earlier_overtime"] for r in parsed(claim_csv(stated()))} == {"yes"}
        assert {r["assumed_no_earlier_overtime"] for r in parsed(claim_csv(adjusted()))} == {"no"}

    @settings(max_examples=20)
    @given(scenarios(max_officers=3), st.data())
    def test_adjustments_add_up(self, s: Scenario, data: st.DataObject) -> None:
        """I-ADJUST and I-CENT (“the parts always sum to the whole, to the cent”): whatever
        back pay is entered for an eligible officer after Q1 was filed, Q2's claim has an
        ``adjustment`` row for it; those rows add up to the ``adjustments`` row,
        reimbursement + adjustments + award is the ``claim_total`` row, and that is the
        claim's total."""
        q1, q2 = QUARTERS[:2]
        # Every model's pay is reimbursed here (I-MODEL all-models), so that most scenarios have
        # an officer to correct: the law does not depend on the model.
        policy = POLICY.choose("I-MODEL", "all-models")
        eligible = [  # officers and the days of Q1 their pay is reimbursable (I-WIN, I-MODEL)
            (o.id, max(q1.start, start), min(q1.end, end))
            for o in s.officers
            if in_scope(policy, o)
            for start, end in [window(s.agency, o)]
        ]
        eligible = [(o, lo, hi) for o, lo, hi in eligible if lo <= hi]
        assume(eligible)
        officer, lo, hi = data.draw(st.sampled_from(eligible))
        start = data.draw(st.dates(lo, hi))
        end = data.draw(st.dates(start, q1.end))
        salary = data.draw(st.integers(1, 500_000))  # at least a cent on the first day
        others = data.draw(st.lists(st.integers(0, 500_000), min_size=2, max_size=2))
        correction = PayRecord(officer, start, end, *map(money, [salary, *others]), adjustment=True)
        leads = {r.quarter: r for r in s.leads}
        common: dict[str, Any] = {
            "agency": s.agency,
            "officers": s.officers,
            "allow_empty": True,
            "policy": policy,
        }
        first = quarterly_claim(payroll=s.payroll, leads=leads[q1], quarter=q1, **common)
        c = quarterly_claim(
            payroll=[*s.payroll, correction], leads=leads[q2], quarter=q2, prior=[first], **common
        )
        text = claim_csv(c)
        figures = {k: Decimal(row["amount"]) for k, row in summary_rows(text).items()}
        assert [r["officer_id"] for r in adjustment_rows(text)] == [officer]
        assert sum(Decimal(r["amount"]) for r in adjustment_rows(text)) == figures["adjustments"]
        assert figures["adjustments"] == c.adjustment
        assert (
            figures["reimbursement"] + figures["adjustments"] + figures["award"]
            == figures["claim_total"]
            == c.total
        )


# --- formula neutralisation ----------------------------------------------------------------------


class TestNeutralise:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (HYPERLINK, "'" + HYPERLINK),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("T-01", "T-01"),
            ("Harbor County", "Harbor County"),
            (" =1", " =1"),
            ("'=1", "'=1"),
            ("", ""),
        ],
    )
    def test_table(self, text: str, expected: str) -> None:
        """OWASP (CSV injection): a text beginning with ``= + - @``, tab or CR gets a leading
        ``'``; any other text is left as it is."""
        assert neutralise(text) == expected

    @given(st.text())
    def test_law(self, text: str) -> None:
        """Neutralising adds at most a leading ``'``, never leaves a formula's first character
        in front, and changes nothing the second time."""
        once = neutralise(text)
        assert once in (text, "'" + text)
        assert once[:1] not in FORMULA_STARTS
        assert neutralise(once) == once

    @pytest.mark.parametrize("first", sorted(FORMULA_STARTS))
    def test_in_csv(self, first: str) -> None:
        """A policy named like a formula reaches every CSV row as text: its cell begins with
        ``'``, then the name with non-printable characters escaped."""
        name = first + 'HYPERLINK("http://evil.example","T-01")'
        for row in parsed(claim_csv(named(name))):
            assert row["policy"] == "'" + printable(name) + " [unregistered]"

    @pytest.mark.parametrize("first", sorted(FORMULA_STARTS))
    def test_in_xlsx(self, first: str) -> None:
        """The same policy reaches the workbook's Summary and Explanation sheets as text cells
        beginning with ``'``, and no cell of the workbook is a formula."""
        name = first + 'HYPERLINK("http://evil.example","T-01")'
        book = workbook(named(name))
        assert summary_sheet(book)["policy"] == "'" + printable(name) + " [unregistered]"
        assert not [c.coordinate for c in cells(book) if c.data_type == "f"]
        assert not [c.coordinate for c in cells(book) if str(c.value)[:1] in FORMULA_STARTS]

    def test_an_agency_name_in_xlsx(self) -> None:
        """An agency's name may be any printable text, ``=HYPERLINK(…)`` too: the Summary sheet
        shows it as text, not a link."""
        data = example()
        c = example_claim("FY2026 Q1", agency=attrs.evolve(data.agency, name=HYPERLINK))
        book = workbook(c)
        assert summary_sheet(book)["agency name"] == "'" + HYPERLINK
        assert not [c.coordinate for c in cells(book) if c.data_type == "f"]

    @pytest.mark.parametrize("first", ["=", "+", "-", "@"])
    def test_ids_cannot_begin_like_a_formula(self, first: str) -> None:
        """Officer and agency ids begin with a letter or digit (their validator's rule), so of
        the text a claim holds, only names and a policy's texts need neutralising."""
        with pytest.raises(g287.InvalidInputError, match=r"officer_id: '[-=+@]1'"):
            Officer(first + "1", Model.TASK_FORCE, D(2025, 8, 1), "1")
        with pytest.raises(g287.InvalidInputError, match=r"id: '[-=+@]1'"):
            Agency(first + "1", "A", D(2025, 8, 1), [Model.TASK_FORCE])


# --- control characters in CSV and HTML ----------------------------------------------------------


class TestControlCharacters:
    def test_csv(self) -> None:
        """A policy name with a newline, CR, U+2028, NUL and an escape sequence is written to
        the CSV escaped: the file has one physical line per row and no hidden character."""
        text = claim_csv(named(FORGERY))
        rows = parsed(text)
        assert len(text.splitlines()) == len(rows) + 1
        assert hidden(text) == set()
        assert {r["policy"] for r in rows} == {printable(FORGERY) + " [unregistered]"}

    def test_html(self) -> None:
        """The same name is shown escaped on the HTML page: no character of the page is hidden,
        and the markup around it is intact."""
        page = claim_html(named(FORGERY))
        assert hidden(page) == set()
        assert escape_html(printable(FORGERY)) in page
        assert Page(page).svgs == len(example_claim("FY2026 Q1").lines)

    def test_xlsx(self) -> None:
        """And in the workbook (which could not even hold some of them) every text cell is
        printable."""
        book = workbook(named(FORGERY))
        texts = [c.value for c in cells(book) if isinstance(c.value, str)]
        assert printable(FORGERY) + " [unregistered]" in texts
        assert all(hidden(t) == set() for t in texts)


class Rows(HTMLParser):
    """The text of each table row's cells (``th`` and ``td``) of an HTML fragment."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def rows_of(fragment: str) -> list[list[str]]:
    """The rows of the tables in an HTML fragment, as the text of their cells."""
    return Rows(fragment).rows


def escape_html(text: str) -> str:
    """``text`` escaped as the page escapes it."""
    return g287.html.escape(text)


# --- xlsx ----------------------------------------------------------------------------------------


def workbook(c: Claim) -> openpyxl.Workbook:
    """The claim's workbook, read back."""
    return openpyxl.load_workbook(io.BytesIO(claim_xlsx(c)))


def cells(book: openpyxl.Workbook) -> Iterator[Any]:
    """Every cell of every sheet."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def summary_sheet(book: openpyxl.Workbook) -> dict[str, object]:
    """The Summary sheet as a dict of its items."""
    rows = book["Summary"].iter_rows(min_row=2, values_only=True)
    return {str(item): value for item, value in rows}


def exact(value: object) -> Decimal:
    """A number read back from the workbook as the exact decimal it was written as (the
    shortest text that reads back to the same float)."""
    assert isinstance(value, (int, float)), value
    return Decimal(repr(value))


def dump(book: openpyxl.Workbook) -> str:
    """A workbook as text for a golden file: each sheet's layout and print setup, its column
    widths, and each non-empty cell with its number format and whether it is bold."""
    out = []
    for sheet in book.worksheets:
        setup = sheet.page_setup
        out.append(
            f"== {sheet.title}: frozen at {sheet.freeze_panes}; prints {setup.orientation}, "
            f"{setup.fitToWidth} page wide, fit {fits(sheet)}, "
            f"rows {sheet.print_title_rows} on every page"
        )
        widths = {k: v.width for k, v in sorted(sheet.column_dimensions.items())}
        out.append("widths " + " ".join(f"{k}={w:g}" for k, w in widths.items()))
        for cell in cells_of(sheet):
            if cell.value is None:
                continue
            style = f" [{cell.number_format}]" if cell.number_format != "General" else ""
            bold = " bold" if cell.font.b else ""
            wrap = " wrap" if cell.alignment.wrap_text else ""
            out.append(f"{cell.coordinate} {cell.value!r}{style}{bold}{wrap}")
    return "\n".join(out) + "\n"


def fits(sheet: Worksheet) -> bool:
    """Whether a sheet is printed scaled to fit (the pages ``fitToWidth`` etc. say)."""
    properties = sheet.sheet_properties.pageSetUpPr
    return bool(properties is not None and properties.fitToPage)


def cells_of(sheet: Worksheet) -> Iterator[Any]:
    """The cells of one sheet, row by row."""
    for row in sheet.iter_rows():
        yield from row


class TestXlsx:
    def test_golden(self, golden: Golden) -> None:
        """The workbook of the example's FY2026 Q1 claim, cell by cell."""
        c = example_claim("FY2026 Q1")
        golden("report_FY2026_Q1.xlsx.txt", anonymous(dump(workbook(c)), c))

    def test_sheets(self) -> None:
        """The workbook has the sheets Lines, Summary and Explanation, in that order, and an
        Adjustments sheet after Lines only when the claim corrects earlier periods."""
        assert workbook(example_claim("FY2026 Q1")).sheetnames == [
            "Lines",
            "Summary",
            "Explanation",
        ]
        assert workbook(adjusted()).sheetnames == [
            "Lines",
            "Adjustments",
            "Summary",
            "Explanation",
        ]

    @pytest.mark.parametrize("period", ["FY2026 Q1", "FY2026 Q3", "FY2026"])
    def test_lines_are_numbers_exact_to_the_cent(self, period: str) -> None:
        """The Lines sheet has a row per line: amounts are numbers, exactly the line's, shown
        as dollars; days are whole numbers; then a totals row of the claim's figures."""
        c = example_claim(period)
        sheet = workbook(c)["Lines"]
        rows = list(sheet.iter_rows(min_row=2))
        assert [cell.value for cell in sheet[1]] == list(LINE_COLUMNS)
        assert len(rows) == len(c.lines) + 1
        for row, line in zip(rows, c.lines, strict=False):
            got = dict(zip(LINE_COLUMNS, row, strict=True))
            assert got["officer_id"].value == line.officer_id
            assert got["eligible_days"].value == line.eligible_days
            for name in MONEY_COLUMNS:
                assert exact(got[name].value) == getattr(line, name), name
                assert got[name].number_format == MONEY_FORMAT
        totals = dict(zip(LINE_COLUMNS, rows[-1], strict=True))
        assert totals["officer_id"].value == "TOTAL"
        assert exact(totals["total"].value) == c.reimbursement
        assert exact(totals["salary"].value) == c.salary
        assert totals["overtime_cap"].value is None

    def test_summary(self) -> None:
        """The Summary sheet names the agency, period, quarter and policy, the filings it
        continues and where the overtime before the period comes from, and states the
        reimbursement, the adjustments, the award, who counted toward it and the claim total,
        as numbers."""
        c = example_claim("FY2026 Q1")
        book = workbook(c)
        items = summary_sheet(book)
        assert {k: v for k, v in items.items() if isinstance(v, str)} == {
            "agency": "HCSO",
            "agency name": "Harbor County Sheriff's Office (fictional)",
            "period": "2025-10-01 to 2025-12-31",
            "fiscal year": "FY2026",
            "quarter": "FY2026 Q1",
            "policy": POLICY.label,
            "registered": "yes",
            "policy fingerprint": POLICY.fingerprint,
            "prior filings continued (I-CAPYEAR)": "none",
            "earlier overtime": "from the payroll and prior filings",
            "officers counted toward the award (I-HEAD)": "T-01, T-02, T-03, T-05",
        }
        assert exact(items["reimbursement"]) == c.reimbursement == Decimal("109018.52")
        assert exact(items["adjustments to earlier periods (I-ADJUST)"]) == 0
        assert exact(items["award"]) == Decimal("4000.00")
        assert exact(items["claim total"]) == c.total
        money = [c for c in book["Summary"]["B"] if isinstance(c.value, (int, float))]
        assert {c.number_format for c in money} == {MONEY_FORMAT}

    def test_summary_without_an_award(self) -> None:
        """A fiscal-year claim's Summary shows no quarter, an award of $0.00 and says why no
        one was counted."""
        c = example_claim("FY2026")
        items = summary_sheet(workbook(c))
        assert items["quarter"] == "none"
        assert exact(items["award"]) == 0
        assert items["officers counted toward the award (I-HEAD)"] == (
            "no award (not a quarterly claim)"
        )
        assert exact(items["claim total"]) == c.total

    def test_summary_of_a_later_filing(self) -> None:
        """A claim continuing a filing names it and states its adjustments (I-ADJUST) beside
        the reimbursement and award, which the claim total adds up."""
        c = adjusted()
        items = summary_sheet(workbook(c))
        assert items["prior filings continued (I-CAPYEAR)"] == "FY2026 Q1"
        assert exact(items["reimbursement"]) == Decimal("119085.31")
        assert exact(items["adjustments to earlier periods (I-ADJUST)"]) == Decimal("4650.00")
        assert exact(items["award"]) == Decimal("3000.00")
        assert exact(items["claim total"]) == c.total == Decimal("126735.31")

    def test_summary_of_a_stated_claim(self) -> None:
        """I-CAPYEAR: a claim resting on the claimant's statement that no overtime was paid
        on earlier days nothing covers says so in its Summary."""
        items = summary_sheet(workbook(stated()))
        assert str(items["earlier overtime"]).startswith("STATED BY THE CLAIMANT: no overtime")

    def test_adjustments(self) -> None:
        """I-ADJUST: the Adjustments sheet has a row per officer and earlier period, the
        figures filed and as recomputed as numbers shown as dollars, the change in ``total``
        (negative when pay is given back), then a bold TOTAL row whose ``total`` is the
        claim's adjustment and whose other amounts add up their columns."""
        c = adjusted()
        sheet = workbook(c)["Adjustments"]
        assert tuple(cell.value for cell in sheet[1]) == ADJUSTMENT_COLUMNS
        rows = [dict(zip(ADJUSTMENT_COLUMNS, r, strict=True)) for r in sheet.iter_rows(min_row=2)]
        assert len(rows) == len(c.adjustments) + 1
        amounts = ADJUSTMENT_COLUMNS[2:]
        for row, a in zip(rows, c.adjustments, strict=False):
            assert row["officer_id"].value == a.officer_id
            assert row["period"].value == str(a.period)
            for name in amounts:
                assert exact(row[name].value) == getattr(a, name), name
                assert row[name].number_format == MONEY_FORMAT
        assert [exact(r["total"].value) for r in rows] == [
            Decimal("4900.00"),
            Decimal("-250.00"),
            c.adjustment,
        ]
        totals = rows[-1]
        assert (totals["officer_id"].value, totals["period"].value) == ("TOTAL", None)
        for name in amounts:
            assert exact(totals[name].value) == sum(getattr(a, name) for a in c.adjustments)
        assert all(cell.font.b for cell in totals.values() if cell.value is not None)

    @pytest.mark.parametrize("period", ["FY2026 Q1", "FY2026"])
    def test_explanation(self, period: str) -> None:
        """The Explanation sheet has a row per step of the claim's audit trail, then of the
        award's, with its rule id, inputs, figure and the quoted passage."""
        c = example_claim(period)
        sheet = workbook(c)["Explanation"]
        assert tuple(cell.value for cell in sheet[1]) == EXPLANATION_COLUMNS
        steps = list(c.explanation.steps) + (
            list(c.award.explanation.steps) if c.award is not None else []
        )
        rows = [
            dict(zip(EXPLANATION_COLUMNS, r, strict=True))
            for r in sheet.iter_rows(min_row=2, values_only=True)
        ]
        assert [(r["rule_id"], r["figure"], r["quote"]) for r in rows] == [
            (s.rule_id, s.figure, s.citation.quote) for s in steps
        ]
        assert rows[0]["explanation"] == c.explanation.title

    @pytest.mark.parametrize(
        "make", [lambda: example_claim("FY2026 Q1"), adjusted], ids=["Q1", "adjusted"]
    )
    def test_ready_to_print(self, make: Callable[[], Claim]) -> None:
        """Every sheet's header row is bold, frozen and repeated on each printed page; its
        columns are sized; it prints landscape, one page wide."""
        for sheet in workbook(make()).worksheets:
            assert all(cell.font.b for cell in sheet[1])
            assert sheet.freeze_panes == "A2"
            assert sheet.print_title_rows == "$1:$1"
            assert sheet.page_setup.orientation == "landscape"
            assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
            assert fits(sheet)
            assert len(sheet.column_dimensions) == sheet.max_column
            assert all(d.width > 0 for d in sheet.column_dimensions.values())

    def test_same_claim_same_bytes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The workbook carries no clock: written at two different times, one claim gives the
        same bytes (so a digest of the file can be recorded)."""
        c = example_claim("FY2026 Q1")
        first = claim_xlsx(c)
        monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
        assert claim_xlsx(c) == first
        with zipfile.ZipFile(io.BytesIO(first)) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}

    def test_without_openpyxl(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the ``excel`` extra, asking for a workbook is an InvalidInputError about
        ``format`` that says what to install."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(g287.InvalidInputError, match=r"format: 'xlsx'.*g287\[excel\]") as e:
            claim_xlsx(example_claim("FY2026 Q1"))
        assert (e.value.field, e.value.value) == ("format", "xlsx")


# --- HTML ----------------------------------------------------------------------------------------


class Page(HTMLParser):
    """An HTML page parsed: its tags, attributes, text, style sheets and SVG titles."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self.titles: list[str] = []
        self.details: list[str] = []
        self._open: list[str] = []
        self.feed(page)
        self.close()

    @property
    def svgs(self) -> int:
        """How many inline SVG images the page has."""
        return self.tags.count("svg")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else ""
        if where == "style":
            self.styles.append(data)
        elif where == "title" and "svg" in self._open:
            self.titles.append(data)
        elif where == "summary":
            self.details.append(data)
        else:
            self.text.append(data)


class TestHtml:
    def test_golden(self, golden: Golden) -> None:
        """The HTML page of the example's FY2026 Q1 claim."""
        c = example_claim("FY2026 Q1")
        golden("report_FY2026_Q1.html", anonymous(claim_html(c), c))

    def test_self_contained(self) -> None:
        """One HTML5 page with its style inline: no script, no event handler, nothing loaded
        from a file or an address (the source's address is shown as text only)."""
        page = claim_html(example_claim("FY2026 Q1"))
        parsed = Page(page)
        assert page.startswith("<!DOCTYPE html>\n")
        assert not set(parsed.tags) & {"script", "link", "img", "iframe", "object", "embed"}
        assert not [n for n, _ in parsed.attributes if n.startswith("on") or n in ("src", "href")]
        assert not [v for _, v in parsed.attributes if re.search(r"https?:|//", v)]
        assert not re.search(r"url\(|@import|https?:", "".join(parsed.styles))
        assert "https://www.ice.gov/287g" in "".join(parsed.text)
        assert "@media print" in "".join(parsed.styles)

    def test_summary(self) -> None:
        """The summary names the agency, the period and the policy with its registration and
        fingerprint, and states the reimbursement, the award and the claim total."""
        text = " ".join(Page(claim_html(example_claim("FY2026 Q1"))).text)
        for shown in (
            "Harbor County Sheriff's Office (fictional)",
            "2025-10-01 to 2025-12-31",
            POLICY.label,
            "registered",
            POLICY.fingerprint,
            "$109,018.52",
            "$4,000.00",
            "$113,018.52",
        ):
            assert shown in text

    def test_one_cap_bar_per_line(self) -> None:
        """R-OT, I-CAPYEAR: each officer line has an inline SVG bar of its cap use whose title
        gives the figures as text (T-03 reaches its cap in FY2026 Q4); an officer with no cap
        says so."""
        c = example_claim("FY2026 Q4")
        page = claim_html(c)
        parsed = Page(page)
        assert parsed.svgs == len(c.lines)
        t03 = c.line("T-03")
        assert (
            f"T-03: overtime cap used {format_money(t03.cap_used)} of "
            f"{format_money(t03.overtime_cap)} in FY2026 (100%)"
        ) in parsed.titles
        assert re.search(r'\(100%\)</title><rect [^>]*/><rect width="100\.00" ', page)
        assert "J-01: no overtime cap in FY2026" in parsed.titles

    def test_bar_width_is_the_share_used(self) -> None:
        """A bar is drawn the share of the cap used, rounded down to 0.01 of its width: T-01
        used $2,283.56 of $18,000.00 (12.686…%) by the end of FY2026 Q1."""
        page = claim_html(example_claim("FY2026 Q1"))
        assert "T-01: overtime cap used $2,283.56 of $18,000.00 in FY2026 (12.686…%)" in page
        bar = page[page.index("T-01: overtime cap used") :]
        assert re.search(r'<rect width="100" [^>]*/><rect width="12\.68" ', bar[:400])

    def test_the_award_and_who_counted(self) -> None:
        """I-HEAD: the award section names the officers counted and shows the award's trail;
        a claim that is not for a quarter says it has no award."""
        text = " ".join(Page(claim_html(example_claim("FY2026 Q1"))).text)
        assert "Counted toward the award (I-HEAD): T-01, T-02, T-03, T-05" in text
        assert "FY2026 Q1 performance award: $4,000.00" in text
        plain = " ".join(Page(claim_html(example_claim("FY2026"))).text)
        assert "No award: performance awards are quarterly (R-AWD)" in plain

    def test_audit_trail_with_quotes(self) -> None:
        """Every step of the claim's trail is shown with its rule, figure and quoted passage;
        each line's trail is in a collapsible section of its own, citing by paragraph; and
        every passage any trail cites is quoted once under Sources."""
        c = example_claim("FY2026 Q1")
        page = claim_html(c)
        parsed = Page(page)
        text = " ".join(parsed.text)
        for step in c.explanation.steps:
            assert f"{step.citation.locator}: \u201c{step.citation.quote}\u201d" in text
            assert step.rule_id in text
        sources = page[page.index("<h3>Sources</h3>") :]
        for line in c.lines:
            for step in line.explanation.steps:
                quoted = escape_html(f"\u201c{step.citation.quote}\u201d")
                assert sources.count(f"<td>{quoted}</td>") == 1
        assert parsed.details == [
            f"{line.officer_id}: {format_money(line.total)}" for line in c.lines
        ]
        assert parsed.tags.count("details") == len(c.lines)

    def test_the_title_names_the_period(self) -> None:
        """The page's title names the period as people do: a quarter, or ``FY2026`` for the
        fiscal year (not its days)."""
        assert "<title>Claim of agency HCSO for FY2026</title>" in claim_html(
            example_claim("FY2026")
        )
        assert "<h1>Claim of agency HCSO for FY2026 Q2</h1>" in claim_html(adjusted())

    def test_adjustments(self) -> None:
        """I-ADJUST: a claim that corrects earlier periods has a section “Adjustments to
        earlier periods” after the officer lines: a row per officer and period with the
        figures filed and now and the change (of either sign), then a TOTAL row of the claim's
        adjustment; the summary names the filing continued and states the adjustments."""
        c = adjusted()
        page = claim_html(c)
        section = page[page.index('<section id="adjustments">') :]
        section = section[: section.index("</section>")]
        assert page.index('id="lines"') < page.index('id="adjustments"') < page.index('id="award"')
        assert "<h2>Adjustments to earlier periods</h2>" in section
        assert rows_of(section) == [
            [
                "officer",
                "period",
                "salary filed",
                "benefits filed",
                "OT paid filed",
                "salary now",
                "benefits now",
                "OT paid now",
                "change",
            ],
            [
                "T-01",
                "FY2026 Q1",
                "$18,197.81",
                "$5,641.30",
                "$2,283.56",
                "$18,097.81",
                "$5,641.30",
                "$7,283.56",
                "$4,900.00",
            ],
            [
                "T-02",
                "FY2026 Q1",
                "$17,313.20",
                "$5,367.07",
                "$1,823.56",
                "$17,063.20",
                "$5,367.07",
                "$1,823.56",
                "-$250.00",
            ],
            [
                "TOTAL",
                "",
                "$35,511.01",
                "$11,008.37",
                "$4,107.12",
                "$35,161.01",
                "$11,008.37",
                "$9,107.12",
                "$4,650.00",
            ],
        ]
        text = " ".join(Page(page).text)
        assert "prior filings continued (I-CAPYEAR) FY2026 Q1" in text
        assert "adjustments to earlier periods (I-ADJUST) $4,650.00" in text
        assert "claim total $126,735.31" in text

    def test_no_adjustments_no_section(self) -> None:
        """A claim that corrects nothing has no adjustments section (its summary says
        $0.00)."""
        page = claim_html(example_claim("FY2026 Q1"))
        assert 'id="adjustments"' not in page
        assert "adjustments to earlier periods (I-ADJUST) $0.00" in " ".join(Page(page).text)

    def test_the_statement_stands_out(self) -> None:
        """I-CAPYEAR: when the claim rests on the claimant's statement that no overtime was paid
        on earlier days nothing covers, the page says so in a box under its title, before the
        summary (which says it again); otherwise there is no such box."""
        page = claim_html(stated())
        box = re.search(r'<p class="statement" role="note">(.*?)</p>', page)
        assert box is not None
        assert box.start() < page.index('<section id="summary">')
        assert box[1].startswith("STATED BY THE CLAIMANT: no overtime was paid on days before")
        assert "assume_no_earlier_overtime" in box[1]
        summary = page[page.index('<section id="summary">') :]
        assert "STATED BY THE CLAIMANT" in summary[: summary.index("</section>")]
        assert 'class="statement"' not in claim_html(adjusted())

    def test_markup_in_a_name_is_text(self) -> None:
        """An agency named with markup and a formula shows them as text: the page gains no
        tag, and the name reads back as written."""
        name = '<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK("x")'
        agency = attrs.evolve(example().agency, name=name)
        parsed = Page(claim_html(example_claim("FY2026 Q1", agency=agency)))
        assert "script" not in parsed.tags
        assert "img" not in parsed.tags
        assert name in parsed.text


# --- a real browser ------------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def browser() -> str:
    """The first headless-capable browser on PATH; the test is skipped without one."""
    for name in BROWSERS:
        if found := shutil.which(name):
            return found
    pytest.skip(f"no browser on PATH (looked for {', '.join(BROWSERS)})")


def run_browser(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the browser headless on the page, offline: every host name resolves to nothing."""
    command = [
        browser(),
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={tmp_path / 'profile'}",
        *arguments,
    ]
    environment = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False, env=environment
    )


@pytest.mark.slow
class TestBrowser:
    @pytest.fixture
    def page(self, tmp_path: Path) -> Path:
        path = tmp_path / "claim.html"
        path.write_text(claim_html(example_claim("FY2026 Q1")), encoding="utf-8")
        return path

    def test_dom(self, tmp_path: Path, page: Path) -> None:
        """A real browser loads the page with the network cut off and builds a DOM with the
        claim total and one SVG bar per officer line, each with its title."""
        done = run_browser(tmp_path, "--dump-dom", page.as_uri())
        assert done.returncode == 0, done.stderr[-2000:]
        dom = Page(done.stdout)
        assert "$113,018.52" in " ".join(dom.text)
        assert dom.svgs == len(example_claim("FY2026 Q1").lines)
        assert len(dom.titles) == dom.svgs

    def test_pdf(self, tmp_path: Path, page: Path) -> None:
        """It prints the page to a PDF file."""
        pdf = tmp_path / "claim.pdf"
        done = run_browser(
            tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert pdf.read_bytes().startswith(b"%PDF-")
