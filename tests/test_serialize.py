"""JSON documents: an exact identity round trip, one document shape, and untrusted figures checked.

``g287.serialize`` is the only door through which untrusted documents come in: whatever
``loads`` accepts is a value g287 could have produced, and anything else is refused with a
:class:`~g287.G287Error` that names the path of the offending field (``Claim.lines[2].total``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claim_strategies import QUARTERS, Scenario, scenarios
from g287 import (
    POLICY,
    SCHEMA,
    Agency,
    AwardResult,
    Claim,
    DateRange,
    Explanation,
    FiscalQuarter,
    FiscalYear,
    FiscalYearClaims,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    NoLeads,
    NotInEffectError,
    Officer,
    PayRecord,
    Policy,
    PolicyError,
    ReimbursementResult,
    Step,
    VerificationError,
    annual_reimbursement,
    claim,
    dumps,
    fiscal_year_claims,
    from_dict,
    loads,
    quarterly_award,
    quarterly_claim,
    to_dict,
    verify,
)
from g287.dataio import Dataset, example_dir, load_dataset
from strategies import (
    OPTIONS,
    chosen_policies,
    dec,
    fiscal_quarters,
    leads,
    policies,
    salary_cents,
    with_tier_amounts,
)

D = dt.date
Json = Any


@functools.cache
def example() -> Dataset:
    """The bundled example agency (read once per test process)."""
    folder = example_dir()
    return load_dataset(
        folder / "officers.csv",
        folder / "payroll.csv",
        folder / "leads.csv",
        folder / "agency.json",
    )


@functools.cache
def example_claim(quarter: str = "FY2026 Q1") -> Claim:
    """The example agency's quarterly claim (FY2026 Q1: 90% located, R-AWD-1, four officers)."""
    data = example()
    return quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(quarter),
        quarter=quarter,
    )


#: T-03's overtime for 2025-11-03 to 2025-11-16, found unpaid after FY2026 Q1 was filed and paid
#: as back pay: an adjustment record overlapping the records already there.
BACK_PAY = PayRecord("T-03", D(2025, 11, 3), D(2025, 11, 16), "0", "0", "500", adjustment=True)


@functools.cache
def corrected_claim() -> Claim:
    """The example's FY2026 Q2 claim continuing its Q1 filing, from the payroll with
    :data:`BACK_PAY`: it carries one adjustment, +$500.00 to T-03's Q1 (I-ADJUST)."""
    data = example()
    return quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=[*data.payroll, BACK_PAY],
        leads=data.lead_report("FY2026 Q2"),
        quarter="FY2026 Q2",
        prior=[example_claim()],
    )


@functools.cache
def stated_claim() -> Claim:
    """The example's FY2026 Q3 claim from Q3's payroll alone, stating that no overtime was paid
    on the earlier days nothing covers (``assume_no_earlier_overtime``)."""
    data = example()
    third = example_claim("FY2026 Q3").period
    return quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=[r for r in data.payroll if r.end >= third.start],
        leads=data.lead_report("FY2026 Q3"),
        quarter="FY2026 Q3",
        assume_no_earlier_overtime=True,
    )


@functools.cache
def example_year() -> FiscalYearClaims:
    """The example's FY2026 claimed quarter by quarter in one call."""
    data = example()
    return fiscal_year_claims(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.leads,
        fiscal_year="FY2026",
    )


def round_trip(value: object) -> Any:
    """``loads(dumps(value))``, checking that writing the copy again gives the same text."""
    text = dumps(value)
    back = loads(text)
    assert dumps(back) == text
    return back


def document(value: object) -> Json:
    """The JSON document of a value, parsed."""
    return json.loads(dumps(value))


def rows(table: Json) -> list[dict[str, Any]]:
    """A document's table (a claim's lines or payroll) as one dict per row, keyed by column."""
    return [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]


def table(keyed: list[dict[str, Any]]) -> Json:
    """Rows keyed by column, all with the same columns, as a document's table."""
    columns = list(keyed[0]) if keyed else []
    assert all(list(row) == columns for row in keyed), "every row needs the same columns"
    return {"columns": columns, "rows": [[row[c] for c in columns] for row in keyed]}


#: The fields of a claim written as tables.
TABLES = ("lines", "payroll")

#: The derived figures each kind of result writes beside its own fields (read back only to be
#: checked), written out from the serialize module's documentation.
AWARD_DERIVED = ("per_officer", "reason", "explanation")
REIMBURSEMENT_DERIVED = ("overtime_over_cap", "total", "explanation")
#: A line's derived figures in a row of a claim's table: a row leaves its trail out.
ROW_DERIVED = ("eligible_days", "overtime_over_cap", "cap_used", "total")
LINE_DERIVED = (*ROW_DERIVED, "explanation")
CLAIM_DERIVED = (
    "fiscal_year",
    "salary",
    "benefits",
    "overtime_claimed",
    "overtime_reimbursed",
    "overtime_over_cap",
    "not_eligible",
    "reimbursement",
    "adjustment",
    "total",
    "explanation",
)


def explanation_in(trail: Json, policy: Json) -> Explanation:
    """An audit trail as a document writes it (``data["explanation"]``), each step's citation
    looked up by its id in the document's policy (``data["policy"]``)."""
    read = from_dict({"schema": SCHEMA, "type": "Policy", "data": policy}, Policy)
    steps = [
        Step(s["rule_id"], s["text"], s["figure"], read.citation(s["rule_id"]), s["inputs"])
        for s in trail["steps"]
    ]
    return Explanation(trail["title"], trail["figure"], steps, read.label)


def award(**changes: object) -> AwardResult:
    """An award of FY2026 Q1: 45 of 50 located (90%, R-AWD-1), four officers, unless changed."""
    args: dict[str, Any] = {
        "located": 45,
        "provided": 50,
        "task_force_officers": 4,
        "quarter": "FY2026 Q1",
    }
    return quarterly_award(**(args | changes))


def reimbursement() -> ReimbursementResult:
    """R-SAL, R-OT: $60,000 salary, $20,000 benefits, $18,000 overtime against a $15,000 cap."""
    return annual_reimbursement(
        annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
    )


# --- round trips ---------------------------------------------------------------------------------


def named_values() -> list[tuple[str, object]]:
    """One value of every kind a document can hold, each with a test id."""
    variants = [
        (f"{i}={o.value}", POLICY.choose(i, o)) for i, kind in OPTIONS.items() for o in kind
    ]
    return [
        ("policy", POLICY),
        *variants,
        ("policy-cap-1/3", attrs.evolve(POLICY, overtime_share=Fraction(1, 3))),
        ("source", POLICY.sources[0]),
        ("rule", POLICY.rules[0]),
        ("citation", POLICY.rules[0].citation),
        ("tier", POLICY.tiers[0]),
        ("interpretations", POLICY.interpretations),
        ("interpretation", POLICY.interpretations["I-BAND"]),
        ("option", POLICY.interpretations["I-BAND"].options[1]),
        ("fiscal-year", FiscalYear(2026)),
        ("fiscal-quarter", FiscalQuarter(2026, 3)),
        ("date-range-open-ended", DateRange(D(2025, 10, 1), D(9999, 12, 31))),
        ("agency", Agency("A1", "Example County", D(2025, 7, 1), [Model.JAIL_ENFORCEMENT])),
        ("officer", Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "72000.50")),
        (
            "officer-separated",
            Officer("W-1", Model.WARRANT_SERVICE_OFFICER, D(2025, 8, 1), "1", D(2026, 1, 31)),
        ),
        ("pay-record", PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), "0.1", "0", "1234567.89")),
        (
            "pay-record-adjustment",
            PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), "-0.1", "0", "250", adjustment=True),
        ),
        ("lead-report-unsatisfactory", LeadReport("FY2026 Q3", 5, 4, False)),
        ("award-top-tier", award()),
        ("award-truncated", award(located=179, provided=200)),
        ("award-below-bands", award(located=33)),
        ("award-no-leads", award(located=0, provided=0)),
        ("award-unsatisfactory", award(assistance_satisfactory=False)),
        ("reimbursement", reimbursement()),
        ("explanation", award().explanation),
        ("step", award().explanation.steps[0]),
        ("officer-line", example_claim("FY2026 Q4").line("T-03")),
        ("claim-quarterly", example_claim()),
        ("claim-quarterly-no-award", example_claim("FY2026 Q4")),
        ("claim-continuing-a-filing", corrected_claim()),
        ("claim-stating-no-earlier-overtime", stated_claim()),
        ("filing", example_claim().filing),
        ("filing-with-an-adjustment", corrected_claim().filing),
        ("filed-line-adjusting", corrected_claim().filing.lines[-1]),
        ("adjustment", corrected_claim().adjustments[0]),
        ("fiscal-year-claims", example_year()),
        (
            "claim-fiscal-year",
            claim(
                agency=example().agency,
                officers=example().officers,
                payroll=example().payroll,
                period="FY2026",
            ),
        ),
    ]


VALUES = named_values()


class TestRoundTrip:
    @pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[n for n, _ in VALUES])
    def test_every_kind_of_value(self, value: object) -> None:
        """loads(dumps(x)) == x for policies and their variants and parts, calendar types,
        inputs, results, explanations and claims, and the copy is of the same class."""
        back = round_trip(value)
        assert back == value
        assert type(back) is type(value)

    def test_a_policy_keeps_its_fingerprint(self) -> None:
        """A policy read back is the same variant: same options, same fingerprint."""
        variant = POLICY.choose("I-BAND", "half-up").choose("I-CAPPRO", "by-eligible-days")
        back = round_trip(variant)
        assert back.choices == variant.choices
        assert back.fingerprint == variant.fingerprint != POLICY.fingerprint

    def test_amounts_and_rates_survive_exactly(self) -> None:
        """I-CENT, I-RATE: 0.10 stays two places and a 1/3 cap share stays Fraction(1, 3)."""
        record = round_trip(PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), "0.1", "0", "7"))
        assert str(record.salary) == "0.10"
        policy = round_trip(attrs.evolve(POLICY, overtime_share=Fraction(1, 3)))
        assert policy.overtime_share == Fraction(1, 3)

    @settings(max_examples=25)
    @given(policies())
    def test_any_policy_variant(self, policy: Policy) -> None:
        """I-BAND, I-BELOW, I-HEAD, I-MODEL, I-CAPPRO and R-OT (“overtime coverage up to 25% of
        the officer’s annual salary”): any variant — options, cap share, tier amounts — reads
        back equal, with the same fingerprint."""
        back = round_trip(policy)
        assert back == policy
        assert back.fingerprint == policy.fingerprint

    @settings(max_examples=25)
    @given(
        st.one_of(leads(), st.just((0, 0))),
        st.integers(min_value=0, max_value=100_000),
        fiscal_quarters,
        chosen_policies(),
        st.booleans(),
    )
    def test_any_award(
        self,
        counts: tuple[int, int],
        officers: int,
        quarter: FiscalQuarter,
        policy: Policy,
        satisfactory: bool,
    ) -> None:
        """R-AWD, ¶8 (“$1,000 per eligible task force officer”): any award — a tier or none, a
        rate or none — reads back equal, amount and policy included."""
        located, provided = counts
        assume(provided > 0 or policy.no_leads is NoLeads.NO_AWARD)
        result = quarterly_award(
            located=located,
            provided=provided,
            task_force_officers=officers,
            quarter=quarter,
            policy=policy,
            assistance_satisfactory=satisfactory,
        )
        back = round_trip(result)
        assert back == result
        assert back.amount == result.amount
        assert back.policy_fingerprint == policy.fingerprint
        data = document(result)["data"]
        assert explanation_in(data["explanation"], data["policy"]) == result.explanation

    @settings(max_examples=25)
    @given(salary_cents, salary_cents, salary_cents, policies())
    def test_any_reimbursement(
        self, salary: int, benefits: int, overtime: int, policy: Policy
    ) -> None:
        """R-OT, ¶7 (“including overtime coverage up to 25% of the officer’s annual salary”):
        any year's reimbursement reads back equal, cap and total included."""
        result = annual_reimbursement(
            annual_salary=dec(salary),
            benefits=dec(benefits),
            overtime=dec(overtime),
            fiscal_year=2026,
            policy=policy,
        )
        back = round_trip(result)
        assert back == result
        assert (back.overtime_cap, back.total) == (result.overtime_cap, result.total)
        data = document(result)["data"]
        assert explanation_in(data["explanation"], data["policy"]) == result.explanation

    @settings(max_examples=20)
    @given(scenarios(max_officers=3), chosen_policies(), st.sampled_from(QUARTERS))
    def test_any_quarterly_claim(
        self, scenario: Scenario, policy: Policy, quarter: FiscalQuarter
    ) -> None:
        """R-SAL, ¶7 (“ICE will fully reimburse participating agencies for the annual salary and
        benefits of each eligible trained 287(g) officer”): any quarterly claim reads back equal,
        with every line, the award and the totals; the trails it writes, with their citations
        looked up in its policy, are the claim's and the award's explanations."""
        report = next(r for r in scenario.leads if r.quarter == quarter)
        assume(report.provided > 0 or policy.no_leads is NoLeads.NO_AWARD)
        result = quarterly_claim(
            agency=scenario.agency,
            officers=scenario.officers,
            payroll=scenario.payroll,
            leads=report,
            quarter=quarter,
            policy=policy,
            allow_empty=True,
            assume_no_earlier_overtime=True,  # a generated payroll's missing days: nothing paid
        )
        back = round_trip(result)
        assert back == result
        assert back.lines == result.lines
        assert (back.award, back.total) == (result.award, result.total)
        data = document(result)["data"]
        assert explanation_in(data["explanation"], data["policy"]) == result.explanation
        if result.award is not None:
            trail = data["award"]["explanation"]
            assert explanation_in(trail, data["policy"]) == result.award.explanation


# --- the document --------------------------------------------------------------------------------


class TestDocumentShape:
    def test_schema_type_and_data(self) -> None:
        """A document is {"schema": "g287/2", "type": <class name>, "data": {...}}, amounts as
        strings, dates in ISO form, enums by value; to_dict gives it unserialised."""
        officer = Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "72000.5")
        expected = {
            "schema": "g287/2",
            "type": "Officer",
            "data": {
                "id": "T-1",
                "model": "TFM",
                "trained_on": "2025-08-01",
                "annual_salary": "72000.50",
                "separated_on": None,
            },
        }
        assert SCHEMA == "g287/2"
        assert document(officer) == expected
        assert to_dict(officer) == expected
        assert from_dict(expected) == officer

    def test_rates_are_fractions_and_sets_sorted_lists(self) -> None:
        """I-RATE: a rate is written "n/d"; an agency's models are a sorted list of codes."""
        assert document(award())["data"]["rate"] == "9/10"
        agency = Agency("A", "N", D(2025, 1, 1), [Model.WARRANT_SERVICE_OFFICER, Model.TASK_FORCE])
        assert document(agency)["data"]["models"] == ["TFM", "WSO"]

    def test_no_number_has_a_fraction(self) -> None:
        """No JSON number in a claim has a fraction: money never passes through a float."""

        def refuse(number: str) -> None:
            raise AssertionError(f"the float {number} is in the document")

        json.loads(dumps(example_claim()), parse_float=refuse)

    def test_a_claim_writes_its_policy_and_agency_once(self) -> None:
        """The claim holds the policy, agency and period; its lines and award leave them out
        and read them back from the claim."""
        data = document(example_claim())["data"]
        assert {"policy", "agency", "period"} <= set(data)
        assert not {"policy", "agency", "period"} & set(data["lines"]["columns"])
        assert "policy" not in data["award"]
        back = loads(dumps(example_claim()), Claim)
        assert back.award is not None
        assert back.award.policy is back.policy
        assert all(line.policy is back.policy and line.agency is back.agency for line in back.lines)

    def test_a_claim_carries_its_derived_figures(self) -> None:
        """A claim document shows each line's days and total, the claim's totals and the
        award's per-officer figure, as the objects compute them."""
        c = example_claim()
        data = document(c)["data"]
        assert data["total"] == str(c.total) == "113018.52"
        assert data["reimbursement"] == str(c.reimbursement)
        assert data["fiscal_year"] == {"year": 2026}
        assert [(x["eligible_days"], x["total"]) for x in rows(data["lines"])] == [
            (line.eligible_days, str(line.total)) for line in c.lines
        ]
        assert data["award"]["per_officer"] == "1000.00"
        assert data["award"]["reason"] == "a location rate of 90% is in the 90%-100% band"

    def test_lines_and_pay_records_are_tables(self) -> None:
        """A claim's lines and pay records, which grow with the agency, are tables: each field
        named once in "columns" (a nested officer's as "officer.id"), then one row per line or
        record, in the claim's order, holding what the CSV report shows."""
        c = example_claim()
        data = document(c)["data"]
        assert data["lines"]["columns"] == [
            "officer.id",
            "officer.model",
            "officer.trained_on",
            "officer.annual_salary",
            "officer.separated_on",
            "records",
            "salary",
            "benefits",
            "overtime_claimed",
            "overtime_reimbursed",
            "overtime_cap",
            "cap_used_before",
            "not_eligible",
            *ROW_DERIVED,
        ]
        first = rows(data["lines"])[0]
        assert (first["officer.id"], first["overtime_cap"], first["total"]) == (
            "T-01",
            "18000.00",
            "26122.67",
        )
        assert [row["officer.id"] for row in rows(data["lines"])] == [x.officer_id for x in c.lines]
        assert data["payroll"]["columns"] == [
            "officer_id",
            "start",
            "end",
            "salary",
            "benefits",
            "overtime",
            "adjustment",
        ]
        assert len(data["payroll"]["rows"]) == len(c.payroll or ()) > 0

    def test_a_continuing_claim_writes_its_filings_and_adjustments(self) -> None:
        """I-CAPYEAR, I-ADJUST: a claim continuing earlier filings writes them as its input
        ("prior", each filing's lines a table), its adjustments with the figures filed and
        recomputed, their sum ("adjustment", derived) and the statement flag; the back pay is
        the one payroll row marked as an adjustment, and the total adds the adjustments."""
        c = corrected_claim()
        data = document(c)["data"]
        (filed,) = data["prior"]
        assert (filed["period"], filed["agency_id"]) == (
            {"start": "2025-10-01", "end": "2025-12-31"},
            "HCSO",
        )
        assert filed["policy_fingerprint"] == c.policy_fingerprint
        t03 = next(r for r in rows(filed["lines"]) if r["officer_id"] == "T-03")
        assert (t03["overtime_claimed"], t03["overtime_reimbursed"]) == ("6193.56", "6193.56")
        (fix,) = data["adjustments"]
        assert (fix["officer_id"], fix["filed_overtime_reimbursed"]) == ("T-03", "6193.56")
        assert (fix["overtime_reimbursed"], fix["total"]) == ("6693.56", "500.00")
        assert (data["adjustment"], data["assumed_no_earlier_overtime"]) == ("500.00", False)
        assert [r for r in rows(data["payroll"]) if r["adjustment"]] == [
            {
                "officer_id": "T-03",
                "start": "2025-11-03",
                "end": "2025-11-16",
                "salary": "0.00",
                "benefits": "0.00",
                "overtime": "500.00",
                "adjustment": True,
            }
        ]
        award = c.award.amount if c.award is not None else Decimal(0)
        assert data["total"] == str(c.reimbursement + Decimal("500.00") + award)

    def test_a_filing_names_a_line_period_only_when_it_adjusts(self) -> None:
        """A filing's lines inherit its period and leave it out of their table; a filing that
        adjusted an earlier period has a "period" column, its own period on its own lines and
        the earlier one on the adjustment's."""
        plain = document(example_claim().filing)["data"]
        assert "period" not in plain["lines"]["columns"]
        data = document(corrected_claim().filing)["data"]
        assert data["lines"]["columns"][0] == "period"
        periods = [(r["officer_id"], r["period"]["start"]) for r in rows(data["lines"])]
        assert periods[-1] == ("T-03", "2025-10-01")
        assert {start for _, start in periods[:-1]} == {"2026-01-01"}

    def test_a_payroll_without_the_adjustment_column_reads_as_ordinary_records(self) -> None:
        """A document written before adjustment records existed (no "adjustment" column) reads
        as the same claim: the column defaults to ordinary records."""
        doc = document(example_claim())
        payroll = doc["data"]["payroll"]
        assert payroll["columns"][-1] == "adjustment"
        payroll["columns"].pop()
        for row in payroll["rows"]:
            assert row.pop() is False
        assert loads(json.dumps(doc)) == example_claim()

    def test_derived_figures_may_be_left_out(self) -> None:
        """A hand-written document without the derived figures, the audit trails and the
        top-level total reads to the same claim: they are computed, never taken from the
        document."""
        doc = document(example_claim())
        del doc["total"]
        data = doc["data"]
        for name in CLAIM_DERIVED:
            del data[name]
        for name in AWARD_DERIVED:
            del data["award"][name]
        data["lines"] = table(
            [{k: v for k, v in row.items() if k not in ROW_DERIVED} for row in rows(data["lines"])]
        )
        assert from_dict(doc) == example_claim()

    def test_indent_is_layout_only(self) -> None:
        """dumps is compact by default (no spaces); indent=2 lays it out one member per line;
        both read back to the same object."""
        compact, laid_out = dumps(POLICY), dumps(POLICY, indent=2)
        assert compact == json.dumps(
            json.loads(compact), separators=(",", ":"), sort_keys=True, ensure_ascii=False
        )
        assert '\n  "data": {' in laid_out
        assert loads(compact) == loads(laid_out) == POLICY

    def test_a_row_stays_on_one_line(self) -> None:
        """With indent, a list of plain values (a table's row, an input's name and value) is
        written on one line, so a claim reads one line per officer and per pay record."""
        text = dumps(example_claim(), indent=2)
        assert '\n        ["T-01", "TFM", "2025-06-15", ' in text
        assert '\n            ["period", "2025-10-01 to 2025-12-31"]\n' in text
        assert loads(text) == example_claim()

    def test_the_example_claims_document(self, golden: Callable[[str, str], None]) -> None:
        """The example's FY2026 Q1 claim as g287 claim --format json writes it (indent=2): the
        document's shape, its tables, trails and totals, pinned once."""
        golden("document_claim_FY2026_Q1.json", dumps(example_claim(), indent=2) + "\n")

    def test_keys_sorted_and_text_unescaped(self) -> None:
        """Keys are sorted and non-ASCII text (¶, curly quotes) is written as is."""
        text = dumps(POLICY)
        assert text.startswith('{"data":{')
        assert "¶8" in text

    def test_bytes_are_read(self) -> None:
        """loads also reads UTF-8 bytes."""
        report = LeadReport("FY2026 Q3", 5, 4)
        assert loads(dumps(report).encode("utf-8")) == report


#: One result of each kind that has an explanation, each with a test id.
RESULTS = [
    ("award", award()),
    ("award-no-leads", award(located=0, provided=0)),
    ("reimbursement", reimbursement()),
    ("officer-line", example_claim().line("T-01")),
    ("officer-line-not-reimbursable", example_claim().line("J-01")),
    ("claim-quarterly", example_claim()),
    ("claim-quarterly-no-award", example_claim("FY2026 Q4")),
]


class TestAuditTrail:
    @pytest.mark.parametrize("result", [r for _, r in RESULTS], ids=[n for n, _ in RESULTS])
    def test_each_result_writes_its_trail(self, result: Any) -> None:
        """A result's document holds its explanation: title, figure and steps, each step's
        citation found by its id in the document's policy; it reads back unchanged."""
        data = document(result)["data"]
        assert explanation_in(data["explanation"], data["policy"]) == result.explanation
        assert loads(dumps(result)).explanation == result.explanation

    def test_a_claim_writes_its_awards_trail_but_not_its_lines(self) -> None:
        """The award in a claim carries its trail; the lines, rows of a table, do not: each
        line's trail follows from its row and the claim's policy (claim.line(id).explanation)."""
        c = example_claim()
        assert c.award is not None
        data = document(c)["data"]
        assert explanation_in(data["award"]["explanation"], data["policy"]) == c.award.explanation
        assert "explanation" not in data["lines"]["columns"]
        assert loads(dumps(c), Claim).line("T-01").explanation == c.line("T-01").explanation

    def test_a_step_names_its_rule_and_leaves_the_citation_to_the_policy(self) -> None:
        """R-AWD-1, ¶8 (“90% - 100% - $1,000 per eligible task force officer”): a written step
        is its rule id, text, inputs and figure, without citation text; the id is a rule of the
        document's policy (with its citation) or an interpretation there, which names the rule
        whose passage it reads."""
        c = example_claim()
        data = document(c)["data"]
        rules = {rule["id"]: rule for rule in data["policy"]["rules"]}
        readings = {i["id"]: i["rule_id"] for i in data["policy"]["interpretations"]["entries"]}
        assert c.award is not None
        written = data["explanation"]["steps"] + data["award"]["explanation"]["steps"]
        in_memory = c.explanation.steps + c.award.explanation.steps
        for step, original in zip(written, in_memory, strict=True):
            assert set(step) == {"rule_id", "text", "inputs", "figure"}
            rule = rules[readings.get(step["rule_id"], step["rule_id"])]
            assert rule["citation"] == to_dict(original.citation)["data"]
        assert {"R-AWD-1", "I-BAND", "I-CAPYEAR"} <= {step["rule_id"] for step in written}

    def test_citations_are_written_once(self) -> None:
        """Each quoted passage is in a claim's document as often as in its policy's alone:
        the trails add no citation text."""
        text, policy = dumps(example_claim()), dumps(POLICY)
        for rule in POLICY.rules:
            quote = json.dumps(rule.citation.quote, ensure_ascii=False)
            assert text.count(quote) == policy.count(quote) > 0


class TestTopLevelTotal:
    @pytest.mark.parametrize(
        "result",
        [example_claim(), example_claim("FY2026 Q4").line("T-03"), reimbursement()],
        ids=["claim", "officer-line", "reimbursement"],
    )
    def test_a_result_with_a_total_states_it_beside_its_type(self, result: Any) -> None:
        """A claim's, a line's and a reimbursement's document states the total at the top,
        beside its schema and type, as well as in its data."""
        doc = document(result)
        assert set(doc) == {"schema", "type", "total", "data"}
        assert doc["total"] == doc["data"]["total"] == str(result.total)

    def test_the_claim_total_is_reimbursement_and_award(self) -> None:
        """R-SAL, R-AWD-1: the example's FY2026 Q1 document states $113,018.52, the
        reimbursement $109,018.52 plus the award $4,000.00."""
        doc = document(example_claim())
        assert (doc["total"], doc["data"]["reimbursement"], doc["data"]["award"]["amount"]) == (
            "113018.52",
            "109018.52",
            "4000.00",
        )

    @pytest.mark.parametrize(
        "value", [award(), POLICY, FiscalYear(2026)], ids=["award", "policy", "fiscal-year"]
    )
    def test_other_documents_have_no_total(self, value: object) -> None:
        """An award (its figure is its amount) and the values that are not results state no
        total."""
        assert set(document(value)) == {"schema", "type", "data"}


class TestExpectedKind:
    def test_the_expected_kind_comes_back(self) -> None:
        """loads(text, Kind) and from_dict(doc, Kind) return an object of that class."""
        assert loads(dumps(example_claim()), Claim) == example_claim()
        assert from_dict(to_dict(award()), AwardResult) == award()


# --- figures that disagree -----------------------------------------------------------------------


Edit = tuple[list[str | int], object]


def edit(doc: Json, *edits: Edit, bare: tuple[str, ...] = ()) -> str:
    """A parsed document with each field at a path (under "data") set to a new value, as text.

    A path into a claim's table names a row and a column: ``["lines", 0, "officer.id"]``.
    ``bare`` names derived figures to leave out of the object holding the last edited field, so
    that only the checks of its own fields can refuse it.
    """
    data = doc["data"]
    into = {path[0] for path, _ in edits if len(path) > 1 and path[0] in TABLES}
    for name in into:
        data[name] = rows(data[name])
    for path, new in edits:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = new
    for name in bare:
        del node[name]
    for name in into:
        data[name] = table(data[name])
    return json.dumps(doc)


def edited(value: object, *edits: Edit, bare: tuple[str, ...] = ()) -> str:
    """The document of ``value``, edited (see :func:`edit`)."""
    return edit(document(value), *edits, bare=bare)


def on_claim(*edits: Edit, bare: tuple[str, ...] = ()) -> Callable[[], str]:
    """The example FY2026 Q1 claim's document, edited (built when the test runs)."""
    return lambda: edited(example_claim(), *edits, bare=bare)


def on_corrected(*edits: Edit) -> Callable[[], str]:
    """The document of :func:`corrected_claim`, edited (built when the test runs)."""
    return lambda: edited(corrected_claim(), *edits)


def changed(change: Callable[[Json], object]) -> Callable[[], str]:
    """The example FY2026 Q1 claim's document after ``change`` (given the parsed document)."""

    def text() -> str:
        doc = document(example_claim())
        change(doc)
        return json.dumps(doc)

    return text


Q2 = {"fiscal_year": 2026, "quarter": 2}
FY2026 = {"start": "2025-10-01", "end": "2026-09-30"}
OCTOBER = {"start": "2025-10-01", "end": "2025-10-31"}


def periods_of_lines(period: Json, *, but: tuple[int, Json]) -> list[Edit]:
    """Edits giving each line of the example's claim a period: ``period``, but one line's."""
    other, instead = but
    count = len(example().officers)
    return [(["lines", i, "period"], instead if i == other else period) for i in range(count)]


def plain_claim(*edits: Edit) -> str:
    """The example's FY2026 claim (no award) edited, with no derived figures anywhere, so that
    only the checks of the claim's own parts can refuse it."""
    data = example()
    c = claim(agency=data.agency, officers=data.officers, payroll=data.payroll, period="FY2026")
    doc = document(c)
    del doc["total"]
    for name in CLAIM_DERIVED:
        del doc["data"][name]
    doc["data"]["lines"] = table(
        [
            {k: v for k, v in row.items() if k not in ROW_DERIVED}
            for row in rows(doc["data"]["lines"])
        ]
    )
    return edit(doc, *edits)


# (id, the edited document, the field it is refused at): each a figure g287 could not produce.
DISAGREEING: list[tuple[str, Callable[[], str], str]] = [
    ("claim-total", on_claim((["total"], "1.00")), "Claim.total"),
    ("claim-reimbursement", on_claim((["reimbursement"], "1.00")), "Claim.reimbursement"),
    ("claim-salary", on_claim((["salary"], "1.00")), "Claim.salary"),
    ("claim-fiscal-year", on_claim((["fiscal_year"], {"year": 2027})), "Claim.fiscal_year"),
    ("line-total", on_claim((["lines", 0, "total"], "1.00")), "Claim.lines[0].total"),
    ("line-days", on_claim((["lines", 0, "eligible_days"], 3)), "Claim.lines[0].eligible_days"),
    ("line-cap-used", on_claim((["lines", 0, "cap_used"], "0.00")), "Claim.lines[0].cap_used"),
    (
        "line-over-cap",
        on_claim((["lines", 0, "overtime_over_cap"], "5.00")),
        "Claim.lines[0].overtime_over_cap",
    ),
    (
        "line-reimbursed-above-its-cap",
        on_claim((["lines", 0, "overtime_cap"], "1.00")),
        "Claim.lines[0].overtime_reimbursed",
    ),
    (
        "award-per-officer",
        on_claim((["award", "per_officer"], "750.00")),
        "Claim.award.per_officer",
    ),
    ("award-reason", on_claim((["award", "reason"], "a fine quarter")), "Claim.award.reason"),
    (
        "award-amount-not-per-officer-times-officers",
        on_claim((["award", "amount"], "5000.00")),
        "Claim.award.amount",
    ),
    (
        "award-officer-count",
        on_claim((["award", "task_force_officers"], 5)),
        "Claim.award.amount",
    ),
    (
        "award-rate-not-located-over-provided",
        on_claim((["award", "rate"], "1/2")),
        "Claim.award.rate",
    ),
    ("award-located", on_claim((["award", "located"], 40)), "Claim.award.rate"),
    (
        "award-rate-without-leads",
        lambda: edited(award(located=0, provided=0), (["rate"], "0/1")),
        "AwardResult.rate",
    ),
    (
        "award-percent-off-its-rate",
        on_claim((["award", "percent"], 50), bare=AWARD_DERIVED),
        "Claim.award.percent",
    ),
    (
        "award-tier-dropped",
        on_claim((["award", "tier"], None), bare=AWARD_DERIVED),
        "Claim.award.tier",
    ),
    (
        "award-for-another-quarter",
        on_claim((["award", "quarter"], Q2), bare=("explanation",)),
        "Claim.award",
    ),
    ("claim-of-another-quarter", on_claim((["quarter"], Q2)), "Claim.quarter"),
    (
        "claim-quarter-not-its-period",
        on_claim((["quarter"], Q2), (["award", "quarter"], Q2), bare=("explanation",)),
        "Claim.quarter",
    ),
    (
        "award-officers-count",
        on_claim((["award_officers"], ["T-01"])),
        "Claim.award_officers",
    ),
    (
        "reimbursement-total",
        lambda: edited(reimbursement(), (["total"], "1.00")),
        "ReimbursementResult.total",
    ),
    (
        "reimbursement-above-the-cap",
        lambda: edited(reimbursement(), (["overtime_cap"], "1.00")),
        "ReimbursementResult.overtime_cap",
    ),
    (
        "reimbursement-above-the-overtime-claimed",
        lambda: edited(
            reimbursement(), (["overtime_claimed"], "100.00"), bare=REIMBURSEMENT_DERIVED
        ),
        "ReimbursementResult.overtime_reimbursed",
    ),
    (
        "reimbursement-cap-not-25%-of-salary",
        lambda: edited(
            reimbursement(),
            (["overtime_reimbursed"], "16000.00"),
            (["overtime_cap"], "16000.00"),
            bare=REIMBURSEMENT_DERIVED,
        ),
        "ReimbursementResult.overtime_cap",
    ),
    (
        "line-reimbursed-above-the-overtime-claimed",
        lambda: edited(
            example_claim().line("T-01"), (["overtime_claimed"], "1.00"), bare=LINE_DERIVED
        ),
        "OfficerLine.overtime_reimbursed",
    ),
    # a period outside the policy's force, or across fiscal years (R-EFF, I-CAPYEAR)
    (
        "line-before-R-EFF",
        lambda: edited(
            example_claim().line("T-01"),
            (["period"], {"start": "2025-07-01", "end": "2025-09-30"}),
            bare=LINE_DERIVED,
        ),
        "OfficerLine.period",
    ),
    (
        "line-across-two-years",
        lambda: edited(
            example_claim().line("T-01"),
            (["period"], {"start": "2025-10-01", "end": "2026-10-31"}),
            bare=LINE_DERIVED,
        ),
        "OfficerLine.period",
    ),
    (
        "claim-before-R-EFF",
        lambda: plain_claim((["period"], {"start": "2025-07-01", "end": "2025-09-30"})),
        "Claim.lines[0].period",  # the lines inherit the claim's period, and come first
    ),
    (
        "claim-across-two-years",
        lambda: plain_claim((["period"], {"start": "2025-10-01", "end": "2026-10-31"})),
        "Claim.lines[0].period",
    ),
    # the parts of a claim belong to it
    (
        "line-of-another-period",
        lambda: plain_claim(*periods_of_lines(FY2026, but=(1, OCTOBER))),
        "Claim.lines[1].period",
    ),
    (
        "officer-twice",
        on_claim((["lines", 1, "officer.id"], "t-01")),
        "Claim.officer_id",
    ),
    (
        "payroll-outside-the-claim",
        on_claim(
            (
                ["payroll", 0],
                {
                    "officer_id": "T-01",
                    "start": "2026-03-01",
                    "end": "2026-03-14",
                    "salary": "1.00",
                    "benefits": "0.00",
                    "overtime": "0.00",
                    "adjustment": False,
                },
            )
        ),
        "Claim.payroll[0]",
    ),
    (
        "award-officer-repeated",
        on_claim((["award_officers"], ["T-01", "T-01", "T-01", "T-01"])),
        "Claim.award_officers",
    ),
    (
        "award-officer-not-task-force",
        on_claim((["award_officers"], ["T-01", "T-02", "T-03", "J-01"])),
        "Claim.award_officers",
    ),
    ("leads-not-the-awards", on_claim((["leads", "located"], 44)), "Claim.leads"),
    (
        "award-missing",
        on_claim((["award"], None), bare=CLAIM_DERIVED),
        "Claim.award",
    ),
    # audit trails restate the figures: each is recomputed, and a part that differs is named
    (
        "claim-trail-figure",
        on_claim((["explanation", "figure"], "$1.00")),
        "Claim.explanation.figure",
    ),
    (
        "claim-trail-title",
        on_claim((["explanation", "title"], "Claim of agency HCSO for FY2026 Q2")),
        "Claim.explanation.title",
    ),
    (
        "claim-step-figure",
        on_claim((["explanation", "steps", 2, "figure"], "$1.00")),
        "Claim.explanation.steps[2].figure",
    ),
    (
        "claim-step-rule-id",
        on_claim((["explanation", "steps", 5, "rule_id"], "R-AWD-2")),
        "Claim.explanation.steps[5].rule_id",
    ),
    (
        "claim-step-text",
        on_claim((["explanation", "steps", 0, "text"], "in force")),
        "Claim.explanation.steps[0].text",
    ),
    (
        "claim-step-input",
        on_claim((["explanation", "steps", 2, "inputs", 0, 1], "11")),
        "Claim.explanation.steps[2].inputs[0][1]",
    ),
    (
        "claim-step-input-as-number",
        on_claim((["explanation", "steps", 2, "inputs", 0, 1], 10)),
        "Claim.explanation.steps[2].inputs[0][1]",
    ),
    (
        "claim-step-dropped",
        changed(lambda doc: doc["data"]["explanation"]["steps"].pop()),
        "Claim.explanation.steps",
    ),
    (
        "claim-step-with-its-citation",
        changed(
            lambda doc: doc["data"]["explanation"]["steps"][0].update(
                citation=document(POLICY.citation("R-EFF"))["data"]
            )
        ),
        "Claim.explanation.steps[0]",
    ),
    ("claim-trail-as-text", on_claim((["explanation"], "see the lines")), "Claim.explanation"),
    (
        "award-step-text",
        on_claim((["award", "explanation", "steps", 3, "text"], "rate = 1")),
        "Claim.award.explanation.steps[3].text",
    ),
    (
        "award-quarter-against-its-trail",
        on_claim((["award", "quarter"], Q2)),
        "Claim.award.explanation.title",
    ),
    (
        "award-trail",
        lambda: edited(award(), (["explanation", "steps", 0, "figure"], "not in force")),
        "AwardResult.explanation.steps[0].figure",
    ),
    (
        "line-trail",
        lambda: edited(
            example_claim().line("T-01"), (["explanation", "steps", 3, "figure"], "$1.00")
        ),
        "OfficerLine.explanation.steps[3].figure",
    ),
    (
        "reimbursement-trail",
        lambda: edited(reimbursement(), (["explanation", "figure"], "$1.00")),
        "ReimbursementResult.explanation.figure",
    ),
    # adjustments to earlier filings (I-ADJUST) and the statement about earlier days
    ("claim-adjustment", on_corrected((["adjustment"], "1.00")), "Claim.adjustment"),
    (
        "adjustment-total",
        on_corrected((["adjustments", 0, "total"], "1.00")),
        "Claim.adjustments[0].total",
    ),
    (
        "adjustment-figure",
        on_corrected((["adjustments", 0, "overtime_reimbursed"], "6700.00")),
        "Claim.adjustments[0].total",
    ),
    ("adjustment-dropped", on_corrected((["adjustments"], [])), "Claim.adjustment"),
    (
        "filing-dropped",
        on_corrected((["prior"], [])),
        "Claim.explanation.steps",  # the trail names the filings it continues
    ),
    (
        "statement-added",
        on_corrected((["assumed_no_earlier_overtime"], True)),
        "Claim.explanation.steps",
    ),
    (
        "statement-removed",
        lambda: edited(stated_claim(), (["assumed_no_earlier_overtime"], False)),
        "Claim.explanation.steps",
    ),
    # the total stated beside the document's type
    ("top-level-total", changed(lambda doc: doc.update(total="1.00")), "total"),
    ("top-level-total-as-number", changed(lambda doc: doc.update(total=113018)), "total"),
    (
        "reimbursement-top-level-total",
        lambda: json.dumps(document(reimbursement()) | {"total": "0.00"}),
        "total",
    ),
]


@pytest.mark.parametrize(
    ("text", "field"), [c[1:] for c in DISAGREEING], ids=[c[0] for c in DISAGREEING]
)
def test_disagreeing_figures_are_refused(text: Callable[[], str], field: str) -> None:
    """A document whose figures disagree with each other is refused at the field's path (a
    period outside the policy's force as NotInEffectError, R-EFF)."""
    with pytest.raises(
        (InvalidInputError, NotInEffectError), match=f"^{re.escape(field)}: "
    ) as info:
        loads(text())
    assert info.value.field == field


# --- malformed documents -------------------------------------------------------------------------

OFFICER = {
    "id": "T-1",
    "model": "TFM",
    "trained_on": "2025-08-01",
    "annual_salary": "72000.00",
    "separated_on": None,
}
LEADS = {"quarter": {"fiscal_year": 2026, "quarter": 1}, "provided": 5, "located": 4}
_DROP = object()


def doc(kind: object, data: object, **top: object) -> str:
    """A document of ``kind`` holding ``data``, as JSON text."""
    return json.dumps({"schema": SCHEMA, "type": kind, "data": data} | top)


def officer(**changes: object) -> str:
    """An Officer document with some fields changed (``_DROP`` leaves one out)."""
    data = {k: v for k, v in (OFFICER | changes).items() if v is not _DROP}
    return doc("Officer", data)


def policy(**changes: object) -> str:
    """The announced policy's document with some fields changed."""
    return doc("Policy", document(POLICY)["data"] | changes)


def step(inputs: object) -> str:
    """A Step document with these inputs."""
    citation = document(POLICY.rules[0].citation)["data"]
    return doc(
        "Step",
        {"rule_id": "R-OT", "text": "t", "figure": "f", "citation": citation, "inputs": inputs},
    )


def without_interpretation(interpretation_id: str) -> str:
    """The example claim's document under its policy less one interpretation (an unregistered
    policy, so with no fingerprint, registration or label stated)."""
    doc = document(example_claim())
    policy = doc["data"]["policy"]
    entries = policy["interpretations"]["entries"]
    policy["interpretations"]["entries"] = [i for i in entries if i["id"] != interpretation_id]
    for name in ("fingerprint", "registered", "label"):
        del policy[name]
    del doc["data"]["policy_fingerprint"]
    return json.dumps(doc)


def columns(change: Callable[[list[Any]], object]) -> Callable[[], str]:
    """The example claim's document with its lines' column names changed."""
    return changed(lambda doc: change(doc["data"]["lines"]["columns"]))


# (id, the call, the error class, a regex of its message's start, its field).
REFUSALS: list[tuple[str, Callable[[], object], type[G287Error], str, str | None]] = [
    # the text
    ("empty", lambda: loads(""), InvalidInputError, r"text: not JSON", "text"),
    ("truncated", lambda: loads("{"), InvalidInputError, r"text: not JSON", "text"),
    ("not-utf-8", lambda: loads(b'"\xff"'), InvalidInputError, r"text: not JSON", "text"),
    ("not-text", lambda: loads(5), InvalidInputError, r"text: 5 ", "text"),  # type: ignore[call-overload]
    (
        "float",
        lambda: loads(officer(annual_salary=72000.5)),
        InvalidInputError,
        r"JSON number: '72000\.5' has a fraction; write amounts as strings",
        "JSON number",
    ),
    (
        "exponent",
        lambda: loads(doc("FiscalYear", {"year": 0}).replace('"year": 0', '"year": 2.026e3')),
        InvalidInputError,
        r"JSON number: '2\.026e3' has a fraction",
        "JSON number",
    ),
    (
        "nan",
        lambda: loads(doc("FiscalYear", {"year": 0}).replace('"year": 0', '"year": NaN')),
        InvalidInputError,
        r"FiscalYear\.year: nan ",
        "FiscalYear.year",
    ),
    (
        "huge-integer",
        lambda: loads(doc("FiscalYear", {"year": 0}).replace('"year": 0', '"year": ' + "1" * 5000)),
        InvalidInputError,
        r"text: unreadable JSON",
        "text",
    ),
    (
        "deep-nesting",
        lambda: loads("[" * 100_000 + "]" * 100_000),
        InvalidInputError,
        r"text: JSON nested too deeply",
        "text",
    ),
    # the envelope
    ("not-an-object", lambda: loads("[]"), InvalidInputError, r"document: \[\] ", "document"),
    (
        "from-dict-of-text",
        lambda: from_dict("Officer"),
        InvalidInputError,
        r"document: 'Officer' ",
        "document",
    ),
    (
        "old-schema",
        lambda: loads(officer().replace(SCHEMA, "g287/1")),
        InvalidInputError,
        r"schema: 'g287/1' ",
        "schema",
    ),
    (
        "no-schema",
        lambda: loads(json.dumps({"type": "Officer", "data": OFFICER})),
        InvalidInputError,
        r"schema: None ",
        "schema",
    ),
    (
        "unknown-type",
        lambda: loads(doc("Dataset", {})),
        InvalidInputError,
        r"type: 'Dataset' ",
        "type",
    ),
    ("type-not-text", lambda: loads(doc([1], {})), InvalidInputError, r"type: \[1\] ", "type"),
    (
        "extra-key",
        lambda: loads(doc("Officer", OFFICER, x=1)),
        InvalidInputError,
        r"document: \['data', 'schema', 'type', 'x'\] ",
        "document",
    ),
    (
        "no-data",
        lambda: loads(json.dumps({"schema": SCHEMA, "type": "Officer"})),
        InvalidInputError,
        r"document: \['schema', 'type'\] ",
        "document",
    ),
    (
        "extra-key-beside-a-total",
        lambda: loads(changed(lambda doc: doc.update(x=1))()),
        InvalidInputError,
        r"document: \['data', 'schema', 'total', 'type', 'x'\] .*type and optionally total",
        "document",
    ),
    (
        "total-of-a-policy",
        lambda: loads(doc("Policy", document(POLICY)["data"], total="0.00")),
        InvalidInputError,
        r"document: \['data', 'schema', 'total', 'type'\] .*the keys data, schema, type exactly",
        "document",
    ),
    (
        "claim-total-without-data",
        lambda: loads(json.dumps({"schema": SCHEMA, "type": "Claim", "total": "0.00"})),
        InvalidInputError,
        r"document: \['schema', 'total', 'type'\] ",
        "document",
    ),
    # a claim's tables
    (
        "lines-as-a-list",
        lambda: loads(changed(lambda doc: doc["data"].update(lines=[]))()),
        InvalidInputError,
        r"Claim\.lines: \[\] .*a table",
        "Claim.lines",
    ),
    (
        "table-without-rows",
        lambda: loads(changed(lambda doc: doc["data"]["lines"].pop("rows"))()),
        InvalidInputError,
        r"Claim\.lines: \{'columns': .*a table",
        "Claim.lines",
    ),
    (
        "table-rows-not-a-list",
        lambda: loads(changed(lambda doc: doc["data"]["payroll"].update(rows={}))()),
        InvalidInputError,
        r"Claim\.payroll\.rows: \{\} .*a list of rows",
        "Claim.payroll.rows",
    ),
    (
        "table-column-twice",
        lambda: loads(columns(lambda names: names.__setitem__(1, "officer.id"))()),
        InvalidInputError,
        r"Claim\.lines\.columns: \['officer\.id', 'officer\.id', .*distinct field names",
        "Claim.lines.columns",
    ),
    (
        "table-column-not-text",
        lambda: loads(columns(lambda names: names.__setitem__(5, 5))()),
        InvalidInputError,
        r"Claim\.lines\.columns: .*distinct field names",
        "Claim.lines.columns",
    ),
    (
        "table-column-and-a-part-of-it",
        lambda: loads(columns(lambda names: names.__setitem__(0, "officer"))()),
        InvalidInputError,
        r"Claim\.lines\.columns: \['officer', 'officer\.model', .*also a part of another",
        "Claim.lines.columns",
    ),
    (
        "table-column-unknown",
        lambda: loads(columns(lambda names: names.__setitem__(5, "rank"))()),
        InvalidInputError,
        r"Claim\.lines\[0\]: \['rank'\] .*only the fields of OfficerLine",
        "Claim.lines[0]",
    ),
    (
        "table-row-short",
        lambda: loads(changed(lambda doc: doc["data"]["lines"]["rows"][1].pop())()),
        InvalidInputError,
        r"Claim\.lines\[1\]: \['T-02', .*a row of 17 values, one per column",
        "Claim.lines[1]",
    ),
    (
        "table-cell",
        lambda: loads(on_claim((["payroll", 2, "salary"], "1,200.00"))()),
        InvalidInputError,
        r"Claim\.payroll\[2\]\.salary: '1,200\.00' ",
        "Claim.payroll[2].salary",
    ),
    # a policy that lacks an interpretation its figures follow (and their trails cite)
    (
        "policy-without-an-interpretation-its-trail-cites",
        lambda: loads(without_interpretation("I-CAPYEAR")),
        InvalidInputError,
        r"Claim\.policy\.interpretations: \['I-CAPYEAR'\] are followed",
        "Claim.policy.interpretations",
    ),
    # fields
    (
        "data-not-an-object",
        lambda: loads(doc("Officer", ["T-1"])),
        InvalidInputError,
        r"Officer: \['T-1'\] .*an object for Officer",
        "Officer",
    ),
    (
        "unknown-field",
        lambda: loads(officer(rank="sergeant")),
        InvalidInputError,
        r"Officer: \['rank'\] ",
        "Officer",
    ),
    (
        "missing-field",
        lambda: loads(officer(annual_salary=_DROP)),
        InvalidInputError,
        r"Officer\.annual_salary: None .*required",
        "Officer.annual_salary",
    ),
    (
        "amount-as-number",
        lambda: loads(officer(annual_salary=72000)),
        InvalidInputError,
        r"Officer\.annual_salary: 72000 .*as a string",
        "Officer.annual_salary",
    ),
    (
        "amount-not-a-number",
        lambda: loads(officer(annual_salary="72000.5x")),
        InvalidInputError,
        r"Officer\.annual_salary: '72000\.5x' ",
        "Officer.annual_salary",
    ),
    (
        "amount-not-finite",
        lambda: loads(officer(annual_salary="Infinity")),
        InvalidInputError,
        r"Officer\.annual_salary: 'Infinity' .*finite",
        "Officer.annual_salary",
    ),
    (
        "amount-sub-cent",
        lambda: loads(officer(annual_salary="72000.001")),
        InvalidInputError,
        r"Officer\.annual_salary: Decimal\('72000\.001'\) ",
        "Officer.annual_salary",
    ),
    (
        "amount-negative",
        lambda: loads(officer(annual_salary="-1")),
        InvalidInputError,
        r"Officer\.annual_salary: Decimal\('-1'\) ",
        "Officer.annual_salary",
    ),
    (
        "date-invalid",
        lambda: loads(officer(trained_on="2025-13-01")),
        InvalidInputError,
        r"Officer\.trained_on: '2025-13-01' ",
        "Officer.trained_on",
    ),
    (
        "date-as-number",
        lambda: loads(officer(trained_on=20250801)),
        InvalidInputError,
        r"Officer\.trained_on: 20250801 ",
        "Officer.trained_on",
    ),
    (
        "optional-date-invalid",
        lambda: loads(officer(separated_on="yesterday")),
        InvalidInputError,
        r"Officer\.separated_on: 'yesterday' ",
        "Officer.separated_on",
    ),
    (
        "enum-unknown",
        lambda: loads(officer(model="TASK")),
        InvalidInputError,
        r"Officer\.model: 'TASK' .*\['JEM', 'TFM', 'WSO'\]",
        "Officer.model",
    ),
    (
        "text-as-number",
        lambda: loads(officer(id=7)),
        InvalidInputError,
        r"Officer\.id: 7 .*a string",
        "Officer.id",
    ),
    (
        "boolean-as-text",
        lambda: loads(doc("LeadReport", LEADS | {"assistance_satisfactory": "yes"})),
        InvalidInputError,
        r"LeadReport\.assistance_satisfactory: 'yes' ",
        "LeadReport.assistance_satisfactory",
    ),
    (
        "count-as-boolean",
        lambda: loads(doc("LeadReport", LEADS | {"provided": True})),
        InvalidInputError,
        r"LeadReport\.provided: True .*an integer",
        "LeadReport.provided",
    ),
    (
        "count-as-text",
        lambda: loads(doc("LeadReport", LEADS | {"provided": "5"})),
        InvalidInputError,
        r"LeadReport\.provided: '5' ",
        "LeadReport.provided",
    ),
    (
        "located-above-provided",
        lambda: loads(doc("LeadReport", LEADS | {"provided": 4, "located": 5})),
        InvalidInputError,
        r"LeadReport\.located: 5 is more than provided",
        "LeadReport.located",
    ),
    (
        "nested-object-as-text",
        lambda: loads(doc("LeadReport", LEADS | {"quarter": "FY2026 Q1"})),
        InvalidInputError,
        r"LeadReport\.quarter: 'FY2026 Q1' .*an object for FiscalQuarter",
        "LeadReport.quarter",
    ),
    (
        "quarter-out-of-range",
        lambda: loads(doc("FiscalQuarter", {"fiscal_year": 2026, "quarter": 5})),
        InvalidInputError,
        r"FiscalQuarter\.quarter: 5 ",
        "FiscalQuarter.quarter",
    ),
    (
        "range-backwards",
        lambda: loads(doc("DateRange", {"start": "2025-10-02", "end": "2025-10-01"})),
        InvalidInputError,
        r"DateRange\.end: ",
        "DateRange.end",
    ),
    (
        "set-as-text",
        lambda: loads(
            doc("Agency", {"id": "A", "name": "N", "agreement_date": "2025-01-01", "models": "TFM"})
        ),
        InvalidInputError,
        r"Agency\.models: 'TFM' .*a list",
        "Agency.models",
    ),
    (
        "list-as-object",
        lambda: loads(doc("Explanation", {"title": "t", "figure": "f", "steps": {}})),
        InvalidInputError,
        r"Explanation\.steps: \{\} .*a list",
        "Explanation.steps",
    ),
    (
        "pair-of-three",
        lambda: loads(step([["a", "b", "c"]])),
        InvalidInputError,
        r"Step\.inputs\[0\]: \['a', 'b', 'c'\] .*a list of 2",
        "Step.inputs[0]",
    ),
    (
        "fraction-as-decimal",
        lambda: loads(policy(overtime_share="0.25")),
        InvalidInputError,
        r"Policy\.overtime_share: '0\.25' .*'n/d'",
        "Policy.overtime_share",
    ),
    (
        "fraction-over-zero",
        lambda: loads(policy(overtime_share="1/0")),
        InvalidInputError,
        r"Policy\.overtime_share: '1/0' ",
        "Policy.overtime_share",
    ),
    (
        "fraction-of-words",
        lambda: loads(policy(overtime_share="a/b")),
        InvalidInputError,
        r"Policy\.overtime_share: 'a/b' ",
        "Policy.overtime_share",
    ),
    (
        "fraction-as-number",
        lambda: loads(policy(overtime_share=1)),
        InvalidInputError,
        r"Policy\.overtime_share: 1 ",
        "Policy.overtime_share",
    ),
    (
        "share-over-one",
        lambda: loads(policy(overtime_share="3/2")),
        PolicyError,
        r"Policy\.overtime_share: Fraction\(3, 2\) ",
        "Policy.overtime_share",
    ),
    (
        "option-unknown",
        lambda: loads(policy(band_rounding="nearest")),
        InvalidInputError,
        r"Policy\.band_rounding: 'nearest' .*'truncate'",
        "Policy.band_rounding",
    ),
    # the expected kind
    (
        "kind-not-a-class",
        lambda: loads(dumps(POLICY), 5),  # type: ignore[call-overload]
        InvalidTypeError,
        r"kind: 5 is not a class",
        "kind",
    ),
    (
        "another-kind",
        lambda: loads(dumps(POLICY), Claim),
        InvalidInputError,
        r"type: 'Policy' .*expected Claim",
        "type",
    ),
    # writing
    (
        "write-an-object",
        lambda: dumps(object()),
        InvalidTypeError,
        r"obj: <object object",
        "obj",
    ),
    ("write-a-dict", lambda: to_dict({"a": 1}), InvalidTypeError, r"obj: \{'a': 1\} ", "obj"),
    ("write-a-dataset", lambda: to_dict(example()), InvalidTypeError, r"obj: Dataset\(", "obj"),
    (
        "indent-too-large",
        lambda: dumps(POLICY, indent=17),
        InvalidInputError,
        r"indent: 17 is out of range",
        "indent",
    ),
    (
        "indent-negative",
        lambda: dumps(POLICY, indent=-1),
        InvalidInputError,
        r"indent: -1 is out of range",
        "indent",
    ),
    (
        "indent-as-text",
        lambda: dumps(POLICY, indent="2"),  # type: ignore[arg-type]
        InvalidTypeError,
        r"indent: '2' ",
        "indent",
    ),
    (
        "indent-as-bool",
        lambda: dumps(POLICY, indent=True),
        InvalidTypeError,
        r"indent: True ",
        "indent",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "match", "field"), [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS]
)
def test_refusals(
    call: Callable[[], object], error: type[G287Error], match: str, field: str | None
) -> None:
    """Malformed text, envelopes and fields, another kind than asked for, and things that are
    not g287 values are refused with a documented error naming the field."""
    with pytest.raises(error, match=f"^{match}") as info:
        call()
    assert info.value.field == field


@pytest.mark.parametrize("indent", [0, 16])
def test_indent_limits_are_accepted(indent: int) -> None:
    """indent runs from 0 to 16 spaces."""
    assert loads(dumps(FiscalYear(2026), indent=indent)) == FiscalYear(2026)


# --- documents that prove themselves (verify) ---------------------------------------------------


def claim_document() -> dict[str, Any]:
    """The JSON of the example's FY2026 Q1 claim, as a plain dict (a fresh copy each time)."""
    document: dict[str, Any] = json.loads(dumps(example_claim()))
    return document


class TestVerify:
    def test_a_claim_carries_its_inputs(self) -> None:
        """The claim document holds the agency, the officers (in their lines), the payroll it
        read and the lead report: everything needed to recompute it."""
        c = example_claim()
        data = claim_document()["data"]
        assert len(data["payroll"]["rows"]) == len(c.payroll or ()) > 0
        assert data["leads"] == {
            "assistance_satisfactory": True,
            "located": 45,
            "provided": 50,
            "quarter": {"fiscal_year": 2026, "quarter": 1},
        }
        assert verify(dumps(c)) == c

    def test_a_genuine_document_verifies(self) -> None:
        """verify takes a result, a document dict or JSON text, and returns the result."""
        c = example_claim()
        assert verify(c) == verify(to_dict(c)) == verify(dumps(c)) == c
        award = example_claim().award
        assert award is not None
        assert verify(award) == award

    def test_a_consistent_edit_loads_but_fails_verify(self) -> None:
        """R-SAL, ¶7: a line's salary raised by $1,000, every total raised with it and the
        claim's trail left out loads (the figures agree with each other), but recomputing from
        the payroll in the document names the edited figure, the stated value and the
        recomputed one."""
        document = claim_document()
        lines = rows(document["data"]["lines"])
        for where, key in ((lines[0], "salary"), (lines[0], "total"), (document["data"], "salary")):
            where[key] = str(Decimal(where[key]) + 1000)
        for key in ("reimbursement", "total"):
            document["data"][key] = str(Decimal(document["data"][key]) + 1000)
        document["data"]["lines"] = table(lines)
        document["total"] = document["data"]["total"]
        del document["data"]["explanation"]
        assert from_dict(document).total == example_claim().total + 1000
        with pytest.raises(VerificationError, match=r"^Claim\.lines\[0\]\.salary: ") as info:
            verify(document)
        assert info.value.field == "lines[0].salary"
        assert (info.value.value, info.value.recomputed) == (
            Decimal("19197.81"),
            Decimal("18197.81"),
        )

    def test_a_document_without_inputs_cannot_be_verified(self) -> None:
        """dumps(claim, inputs=False) leaves the payroll out: smaller, and then unverifiable."""
        c = example_claim()
        small = dumps(c, inputs=False)
        assert len(small) < len(dumps(c))
        back = loads(small, Claim)
        assert (back.payroll, back.total) == (None, c.total)
        with pytest.raises(InvalidInputError, match=r"^payroll: the claim was written without"):
            verify(small)

    def test_a_continuing_claim_verifies_with_its_filings(self) -> None:
        """I-ADJUST: a claim continuing a filing is recomputed from its payroll and the filing
        it holds, adjustments included."""
        c = corrected_claim()
        assert verify(dumps(c)) == c
        assert verify(dumps(stated_claim())) == stated_claim()

    def test_an_edited_filing_fails_verify(self) -> None:
        """A filing is an input: T-03's Q1 overtime in the filing edited from $6,193.56 to
        $6,000.00 loads, but recomputing the claim from it gives another adjustment, which
        verify names with the stated and recomputed figures."""
        doc = document(corrected_claim())
        (filed,) = doc["data"]["prior"]
        lines = rows(filed["lines"])
        next(r for r in lines if r["officer_id"] == "T-03")["overtime_reimbursed"] = "6000.00"
        filed["lines"] = table(lines)
        text = json.dumps(doc)
        assert loads(text) != corrected_claim()
        with pytest.raises(VerificationError, match=r"^Claim\.adjustments\[0\]\.filed_") as info:
            verify(text)
        assert (info.value.value, info.value.recomputed) == (
            Decimal("6193.56"),
            Decimal("6000.00"),
        )

    def test_only_results_are_verified(self) -> None:
        """Values that are not results of a calculation are refused by verify."""
        with pytest.raises(InvalidTypeError, match=r"^obj: "):
            verify(POLICY)


class TestRegisteredPolicies:
    def test_a_document_says_whether_its_policy_is_registered(self) -> None:
        """A policy in a document carries its fingerprint, registration and label, each checked
        against the policy itself when the document is read."""
        data = claim_document()["data"]
        assert data["policy"]["fingerprint"] == POLICY.fingerprint
        assert data["policy"]["registered"] is True
        assert data["policy"]["label"] == POLICY.name
        assert data["policy_fingerprint"] == POLICY.fingerprint

    @pytest.mark.parametrize("fingerprint", ["sha256:" + "0" * 64, "sha256:" + "f" * 64, ""])
    def test_a_forged_fingerprint_is_refused(self, fingerprint: str) -> None:
        """A zeroed or foreign policy fingerprint does not match the policy in the document."""
        document = claim_document()
        document["data"]["policy"]["fingerprint"] = fingerprint
        with pytest.raises(InvalidInputError, match=r"^Claim\.policy\.fingerprint: "):
            from_dict(document)

    def test_a_doctored_policy_loads_marked_unregistered(self) -> None:
        """R-AWD-1, ¶8: “90% - 100% - $1,000 per eligible task force officer”. A claim made
        under a policy edited to pay $100,000 per officer, under the official name, is a
        consistent document: it loads and even verifies against its own policy. What tells an
        auditor is that it says it is unregistered wherever its name is shown."""
        doctored = with_tier_amounts(POLICY, "100000", "750", "500")
        data = example()
        q = FiscalQuarter(2026, 1)
        forged = quarterly_claim(
            agency=data.agency,
            officers=data.officers,
            payroll=data.payroll,
            leads=data.lead_report(q),
            quarter=q,
            policy=doctored,
        )
        document = json.loads(dumps(forged))
        assert document["data"]["policy"]["registered"] is False
        loaded = verify(document)
        assert isinstance(loaded, Claim)
        assert loaded.award is not None
        assert loaded.award.amount == Decimal("400000.00")
        assert loaded.policy.name == POLICY.name
        assert loaded.policy.label == f"{POLICY.name} [unregistered]"
        assert f"Policy: {POLICY.name} [unregistered]" in str(loaded.explanation)
        assert f"Policy: {POLICY.name} [unregistered]" in str(loaded.award.explanation)

    def test_a_policy_swapped_into_a_document_is_refused(self) -> None:
        """Replacing the policy of a claim document with another changes what its award must
        be: reading the document recomputes the award and refuses it."""
        document = claim_document()
        document["data"]["policy"] = to_dict(with_tier_amounts(POLICY, "100000", "750", "500"))[
            "data"
        ]
        with pytest.raises(InvalidInputError, match=r"^Claim\.award\.tier\.amount: '1000\.00'"):
            from_dict(document)


def test_a_claim_without_lines_is_still_checked() -> None:
    """A claim of nobody still has a period the policy must cover, in one fiscal year."""
    agency = Agency("A1", "County", D(2025, 7, 1), [Model.TASK_FORCE])
    nobody = claim(agency=agency, officers=[], payroll=[], period="FY2026", allow_empty=True)
    for period, error in (
        ({"start": "2025-07-01", "end": "2025-09-30"}, NotInEffectError),
        ({"start": "2025-10-01", "end": "2026-10-31"}, InvalidInputError),
    ):
        document = to_dict(nobody)
        document["data"]["period"] = period
        for name in CLAIM_DERIVED:
            document["data"].pop(name, None)
        with pytest.raises(error, match=r"^Claim\.period: "):
            from_dict(document)


class TestVerifyEveryKind:
    def test_a_reimbursement_and_a_plain_claim_verify(self) -> None:
        """verify recomputes a reimbursement and a claim for a period (no award) as well."""
        year = annual_reimbursement(
            annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
        )
        assert verify(dumps(year)) == year
        data = example()
        whole = claim(
            agency=data.agency, officers=data.officers, payroll=data.payroll, period="FY2026"
        )
        assert verify(dumps(whole)) == whole

    def test_a_fiscal_year_verifies_claim_by_claim(self) -> None:
        """verify recomputes each quarterly claim of a fiscal year from the inputs and filings
        it holds: a pay record of Q4's payroll edited loads, and verify names the figure of
        Q4's claim it changes."""
        year = example_year()
        assert verify(dumps(year)) == year
        doc = document(year)
        payroll = doc["data"]["claims"][3]["payroll"]
        last = rows(payroll)
        last[-1]["salary"] = "1.00"
        doc["data"]["claims"][3]["payroll"] = table(last)
        text = json.dumps(doc)
        assert loads(text) != year
        with pytest.raises(VerificationError, match=r"^FiscalYearClaims\.claims\[3\]\.lines\["):
            verify(text)

    def test_an_edited_reimbursement_is_refused_on_reading(self) -> None:
        """A reimbursement carries all its inputs, so reading it already recomputes it."""
        document = to_dict(
            annual_reimbursement(
                annual_salary="60000", benefits="1", overtime="1", fiscal_year=2026
            )
        )
        document["data"]["overtime_reimbursed"] = "0.00"
        del document["data"]["total"], document["data"]["overtime_over_cap"]
        with pytest.raises(InvalidInputError, match=r"^ReimbursementResult\.overtime_reimbursed: "):
            verify(document)
