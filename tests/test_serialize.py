"""JSON: an exact, versioned identity round trip, policy fingerprints, and refusals on load."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import g287
from claim_strategies import (
    QUARTERS,
    Scenario,
    agencies,
    lead_reports,
    money,
    officers,
    pay_records,
    scenarios,
)
from g287 import (
    POLICY,
    SCHEMA,
    Agency,
    AwardResult,
    Claim,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    Officer,
    PayRecord,
    Policy,
    ReimbursementResult,
    annual_reimbursement,
    claim,
    dumps,
    fingerprint,
    from_dict,
    loads,
    quarterly_award,
    quarterly_claim,
    to_dict,
)
from g287.dataio import Dataset
from strategies import OPTIONS, chosen_policies, policies

D = dt.date


def round_trip(value: object) -> Any:
    """``loads(dumps(value))``, also checking the text is stable through a second trip."""
    text = dumps(value)
    back = loads(text)
    assert dumps(back) == text
    return back


def every_variant() -> list[Policy]:
    """POLICY with each single interpretation option chosen, written out from DESIGN §2."""
    choices = {
        "I-BAND": ["truncate", "half-up", "half-even"],
        "I-BELOW": ["no-award", "error"],
        "I-HEAD": ["last-day", "any-day"],
        "I-MODEL": ["all-models", "task-force-only"],
        "I-CAPPRO": ["none", "by-eligible-days"],
    }
    return [POLICY.choose(i, option) for i, options in choices.items() for option in options]


# --- round trips -------------------------------------------------------------------------------


class TestPolicyRoundTrip:
    @pytest.mark.parametrize("policy", every_variant(), ids=lambda p: "-".join(p.choices.values()))
    def test_every_single_option_round_trips(self, policy: Policy) -> None:
        """loads(dumps(p)) == p for POLICY with each choose() option."""
        back = round_trip(policy)
        assert back == policy
        assert back.choices == policy.choices

    @settings(max_examples=40)
    @given(chosen_policies())
    def test_any_combination_of_options_round_trips(self, policy: Policy) -> None:
        """loads(dumps(p)) == p for any combination of interpretation options."""
        assert round_trip(policy) == policy

    @settings(max_examples=40)
    @given(policies())
    def test_variants_with_other_caps_and_tiers_round_trip(self, policy: Policy) -> None:
        """loads(dumps(p)) == p also with another cap fraction and other tier amounts."""
        back = round_trip(policy)
        assert back == policy
        assert back.overtime_cap.fraction == policy.overtime_cap.fraction

    def test_policy_parts_round_trip(self) -> None:
        """Each part of the policy (source, rules, tiers, schedule, cap) round-trips alone."""
        parts: list[object] = [
            POLICY.sources[0],
            *POLICY.rules,
            POLICY.rules[0].citation,
            *POLICY.award_schedule.tiers,
            POLICY.award_schedule,
            POLICY.overtime_cap,
            *g287.INTERPRETATIONS.values(),
        ]
        for part in parts:
            assert round_trip(part) == part


class TestInputRoundTrip:
    @given(st.data())
    def test_officers_round_trip(self, data: st.DataObject) -> None:
        """loads(dumps(officer)) == officer, separated or not."""
        officer = data.draw(officers("O-1", sorted(Model, key=lambda m: m.value)))
        assert round_trip(officer) == officer

    @given(st.data())
    def test_pay_records_round_trip(self, data: st.DataObject) -> None:
        """loads(dumps(record)) == record for generated pay records, zero amounts included."""
        for record in data.draw(pay_records("O-1", max_records=3)):
            assert round_trip(record) == record

    @given(st.sampled_from(QUARTERS).flatmap(lead_reports))
    def test_lead_reports_round_trip(self, report: LeadReport) -> None:
        """loads(dumps(report)) == report, whatever ICE's judgement of assistance."""
        assert round_trip(report) == report

    @given(agencies())
    def test_agencies_round_trip(self, agency: Agency) -> None:
        """loads(dumps(agency)) == agency for any non-empty set of signed models."""
        assert round_trip(agency) == agency

    @pytest.mark.parametrize(
        "value",
        [
            FiscalYear(2026),
            FiscalQuarter(2026, 3),
            DateRange(D(2025, 10, 1), D(9999, 12, 31)),
        ],
    )
    def test_calendar_values_round_trip(self, value: object) -> None:
        """Fiscal years, quarters and date ranges (even open-ended ones) round-trip."""
        assert round_trip(value) == value


class TestResultRoundTrip:
    @settings(max_examples=60)
    @given(
        st.integers(min_value=0, max_value=500).flatmap(
            lambda p: st.tuples(st.integers(min_value=0, max_value=p), st.just(p))
        ),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(QUARTERS),
        chosen_policies().filter(lambda p: p.choices["I-BELOW"] == "no-award"),
        st.booleans(),
    )
    def test_award_results_round_trip(
        self,
        leads: tuple[int, int],
        count: int,
        quarter: FiscalQuarter,
        policy: Policy,
        satisfactory: bool,
    ) -> None:
        """loads(dumps(award)) == award (rate as n/d, tier or none) and it carries its policy's
        fingerprint."""
        located, provided = leads
        result = quarterly_award(
            located=located,
            provided=provided,
            officers=count,
            quarter=quarter,
            policy=policy,
            assistance_satisfactory=satisfactory,
        )
        back = round_trip(result)
        assert back == result
        assert isinstance(back, AwardResult)
        assert back.policy_fingerprint == policy.fingerprint

    @settings(max_examples=60)
    @given(
        st.integers(min_value=0, max_value=50_000_000),
        st.integers(min_value=0, max_value=20_000_000),
        st.integers(min_value=0, max_value=20_000_000),
        chosen_policies(),
    )
    def test_reimbursement_results_round_trip(
        self, salary: int, benefits: int, overtime: int, policy: Policy
    ) -> None:
        """loads(dumps(result)) == result for annual reimbursements under any variant, and the
        result carries its policy's fingerprint."""
        result = annual_reimbursement(
            annual_salary=money(salary),
            benefits=money(benefits),
            overtime=money(overtime),
            fiscal_year=2026,
            policy=policy,
        )
        back = round_trip(result)
        assert back == result
        assert isinstance(back, ReimbursementResult)
        assert back.policy_fingerprint == policy.fingerprint

    @settings(max_examples=25)
    @given(scenarios(max_officers=3), chosen_policies(), st.sampled_from(QUARTERS))
    def test_claims_round_trip(self, s: Scenario, policy: Policy, quarter: FiscalQuarter) -> None:
        """loads(dumps(claim)) == claim for generated inputs, with lines, explanations and the
        award, and every claim carries policy_fingerprint == policy.fingerprint."""
        report = next(r for r in s.leads if r.quarter == quarter)
        if report.provided == 0 and policy.choices["I-BELOW"] == "error":
            report = attrs.evolve(report, provided=1, located=0)
        quarterly = quarterly_claim(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            leads=report,
            quarter=quarter,
            policy=policy,
        )
        year = claim(
            agency=s.agency, officers=s.officers, payroll=s.payroll, period="FY2026", policy=policy
        )
        for c in (quarterly, year):
            back = round_trip(c)
            assert back == c
            assert isinstance(back, Claim)
            assert back.policy_fingerprint == policy.fingerprint
            assert back.lines == c.lines
            assert back.total == c.total
        assert quarterly.award is not None
        assert quarterly.award.policy_fingerprint == policy.fingerprint


# --- the JSON form -----------------------------------------------------------------------------


class TestDocumentForm:
    def test_document_has_schema_type_and_data(self) -> None:
        """A document is {"schema": "g287/1", "type": <class>, "data": {...}}."""
        officer = Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "72000.5")
        doc = json.loads(dumps(officer))
        assert SCHEMA == "g287/1"
        assert doc == {
            "schema": "g287/1",
            "type": "Officer",
            "data": {
                "id": "T-1",
                "model": "TFM",
                "trained_on": "2025-08-01",
                "annual_salary": "72000.50",
                "separated_on": None,
            },
        }
        assert to_dict(officer) == doc
        assert from_dict(doc) == officer

    def test_decimals_and_fractions_are_strings(self) -> None:
        """Decimal is written as a string ("1000.00") and Fraction as "n/d" ("1/4", "9/10")."""
        policy_doc = json.loads(dumps(POLICY))
        assert policy_doc["data"]["overtime_cap"]["fraction"] == "1/4"
        assert policy_doc["data"]["award_schedule"]["tiers"][0]["amount"] == "1000.00"
        award = quarterly_award(located=45, provided=50, officers=3, quarter="FY2026 Q1")
        award_doc = json.loads(dumps(award))["data"]
        assert award_doc["rate"] == "9/10"
        assert award_doc["amount"] == "3000.00"
        assert award_doc["policy_fingerprint"] == POLICY.fingerprint

    def test_no_json_number_has_a_fraction(self) -> None:
        """Amounts never appear as JSON numbers: parsing with floats refused still works."""
        award = quarterly_award(located=41, provided=50, officers=4, quarter="FY2026 Q2")
        text = dumps(award)

        def refuse(number: str) -> None:
            raise AssertionError(f"float {number} in the document")

        json.loads(text, parse_float=refuse)

    def test_frozensets_are_sorted_lists(self) -> None:
        """An agency's models are written as a sorted list of model codes."""
        agency = Agency(
            "A", "N", D(2025, 1, 1), [Model.WARRANT_SERVICE_OFFICER, Model.JAIL_ENFORCEMENT]
        )
        assert json.loads(dumps(agency))["data"]["models"] == ["JEM", "WSO"]

    def test_indent_is_only_layout(self) -> None:
        """dumps(indent=2) reads back to the same object as compact output."""
        text = dumps(POLICY, indent=2)
        assert "\n  " in text
        assert loads(text) == loads(dumps(POLICY)) == POLICY

    def test_bytes_are_accepted(self) -> None:
        """loads also takes UTF-8 bytes."""
        report = LeadReport("FY2026 Q3", 5, 4)
        assert loads(dumps(report).encode("utf-8")) == report


class TestFingerprint:
    def test_fingerprint_is_a_sha256(self) -> None:
        """A fingerprint reads "sha256:" and 64 hex digits, and Policy.fingerprint is
        g287.fingerprint(policy)."""
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", POLICY.fingerprint)
        assert fingerprint(POLICY) == POLICY.fingerprint

    def test_every_variant_has_its_own_fingerprint(self) -> None:
        """Distinct policies (each option of each interpretation) have distinct fingerprints."""
        variants = {p: p.fingerprint for p in every_variant()}  # equal policies collapse
        assert len(variants) == 1 + sum(len(kind) - 1 for kind in OPTIONS.values())
        assert len(set(variants.values())) == len(variants)

    @settings(max_examples=40)
    @given(policies(), policies())
    def test_fingerprints_agree_exactly_when_policies_do(self, a: Policy, b: Policy) -> None:
        """Equal policies have equal fingerprints and unequal ones differ."""
        assert (a.fingerprint == b.fingerprint) == (a == b)

    @settings(max_examples=30)
    @given(policies())
    def test_fingerprint_is_stable(self, policy: Policy) -> None:
        """An equal copy (rebuilt by attrs.evolve or read back from JSON) has the same
        fingerprint, computed afresh."""
        copy = attrs.evolve(policy)
        assert copy is not policy
        assert copy.fingerprint == policy.fingerprint
        assert loads(dumps(policy)).fingerprint == policy.fingerprint
        assert fingerprint(policy) == policy.fingerprint

    def test_a_variant_rebuilt_from_its_parts_matches(self) -> None:
        """A variant built by choose() and by attrs.evolve of its schedule share a fingerprint."""
        by_choose = POLICY.choose("I-BAND", "half-up")
        schedule = attrs.evolve(POLICY.award_schedule, band_rounding=g287.BandRounding.HALF_UP)
        by_evolve = attrs.evolve(POLICY, award_schedule=schedule)
        assert by_choose.fingerprint == by_evolve.fingerprint != POLICY.fingerprint


# --- refusals ----------------------------------------------------------------------------------

OFFICER_DATA = {
    "id": "T-1",
    "model": "TFM",
    "trained_on": "2025-08-01",
    "annual_salary": "72000.00",
    "separated_on": None,
}


def doc(kind: str, data: object) -> str:
    """A document of a type with the given data, as JSON text."""
    return json.dumps({"schema": SCHEMA, "type": kind, "data": data})


def officer_with(**changes: object) -> str:
    """An Officer document with some fields changed (``_DROP`` removes a field)."""
    data: dict[str, object] = dict(OFFICER_DATA)
    for key, value in changes.items():
        if value is _DROP:
            del data[key]
        else:
            data[key] = value
    return doc("Officer", data)


_DROP = object()


class TestLoadRefusals:
    @pytest.mark.parametrize(
        ("text", "match"),
        [
            ("", "not JSON"),
            ("{", "not JSON"),
            ("officer", "not JSON"),
            (b"\xff\xff\xff", "not JSON"),
            ("[]", "document"),
            ('"Officer"', "document"),
            ("null", "document"),
            (json.dumps({"schema": "g287/2", "type": "Officer", "data": OFFICER_DATA}), "schema"),
            (json.dumps({"type": "Officer", "data": OFFICER_DATA}), "schema"),
            (json.dumps({"schema": SCHEMA, "type": "Dataset", "data": {}}), "type"),
            (json.dumps({"schema": SCHEMA, "type": None, "data": {}}), "type"),
            (json.dumps({"schema": SCHEMA, "type": "Officer"}), "document"),
            (
                json.dumps({"schema": SCHEMA, "type": "Officer", "data": OFFICER_DATA, "x": 1}),
                "document",
            ),
            (officer_with(rank="sergeant"), "rank"),
            (officer_with(annual_salary=_DROP), r"Officer\.annual_salary: None; expected a value"),
            (officer_with(annual_salary="72000.5x"), "Officer.annual_salary"),
            (officer_with(annual_salary="NaN"), "Officer.annual_salary"),
            (officer_with(annual_salary="72000.001"), "fractions of a cent"),
            (officer_with(annual_salary="-1"), "negative"),
            (officer_with(annual_salary=72000), "Officer.annual_salary"),
            (officer_with(trained_on="2025-13-01"), "Officer.trained_on"),
            (officer_with(trained_on=20250801), "Officer.trained_on"),
            (officer_with(separated_on="yesterday"), "Officer.separated_on"),
            (officer_with(model="TASK"), r"Officer\.model: 'TASK'; expected one of"),
            (officer_with(model=["TFM"]), "Officer.model"),
            (officer_with(id=7), r"Officer\.id: 7; expected a string"),
            (officer_with(id=""), "id"),
            (doc("Officer", ["T-1"]), "expected an object for Officer"),
            (doc("Officer", None), "expected an object for Officer"),
            (doc("OvertimeCap", {"fraction": "1/0"}), "fraction"),
            (doc("OvertimeCap", {"fraction": "0.25"}), "fraction as 'n/d'"),
            (doc("OvertimeCap", {"fraction": "a/b"}), "fraction as 'n/d'"),
            (doc("OvertimeCap", {"fraction": "1/2/3"}), "fraction as 'n/d'"),
            (doc("OvertimeCap", {"fraction": "3/2"}), "outside 0-1"),
            (doc("OvertimeCap", {"fraction": "1/4", "proration": "monthly"}), "proration"),
            (doc("LeadReport", {"quarter": "FY2026 Q1", "provided": 5, "located": 4}), "quarter"),
            (
                doc(
                    "LeadReport",
                    {
                        "quarter": {"fiscal_year": 2026, "quarter": 1},
                        "provided": True,
                        "located": 0,
                    },
                ),
                "provided",
            ),
            (
                doc(
                    "LeadReport",
                    {"quarter": {"fiscal_year": 2026, "quarter": 1}, "provided": 4, "located": 5},
                ),
                "located 5 is more than provided 4",
            ),
            (
                doc(
                    "LeadReport",
                    {
                        "quarter": {"fiscal_year": 2026, "quarter": 1},
                        "provided": 5,
                        "located": 4,
                        "assistance_satisfactory": "yes",
                    },
                ),
                "assistance_satisfactory",
            ),
            (
                doc(
                    "Agency",
                    {"id": "A", "name": "N", "agreement_date": "2025-01-01", "models": "TFM"},
                ),
                "Agency.models",
            ),
            (
                doc(
                    "Agency", {"id": "A", "name": "N", "agreement_date": "2025-01-01", "models": []}
                ),
                "models",
            ),
            (doc("DateRange", {"start": "2025-10-02", "end": "2025-10-01"}), "before start"),
            (doc("FiscalQuarter", {"fiscal_year": 2026, "quarter": 5}), "quarter"),
            (doc("Explanation", {"title": "t", "figure": "f", "steps": {}}), "steps"),
            (
                doc(
                    "Step",
                    {
                        "rule_id": "R-OT",
                        "text": "t",
                        "figure": "f",
                        "citation": json.loads(dumps(POLICY.rules[0].citation))["data"],
                        "inputs": [["a"]],
                    },
                ),
                r"inputs\[0\]",
            ),
        ],
    )
    def test_bad_documents_raise_invalid_input(self, text: str | bytes, match: str) -> None:
        """Anything but a valid document raises InvalidInputError (a ValueError) naming where."""
        with pytest.raises(InvalidInputError, match=match) as info:
            loads(text)
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("number", ["1.5", "1e2", "72000.00", "-0.0"])
    def test_json_numbers_with_fractions_are_refused(self, number: str) -> None:
        """A float-looking JSON number is refused before any value is built: amounts are
        strings."""
        text = officer_with().replace('"72000.00"', number)
        with pytest.raises(InvalidInputError, match="write amounts as strings"):
            loads(text)

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_json_constants_are_refused(self, constant: str) -> None:
        """NaN and infinities are no amount or count."""
        text = officer_with().replace('"72000.00"', constant)
        with pytest.raises(InvalidInputError, match="annual_salary"):
            loads(text)

    @pytest.mark.parametrize("kind", [[1], {"name": "Officer"}])
    def test_a_type_that_is_not_a_string_is_refused(self, kind: object) -> None:
        """A document whose "type" is a list or an object is invalid input, not a crash."""
        text = json.dumps({"schema": SCHEMA, "type": kind, "data": OFFICER_DATA})
        with pytest.raises(InvalidInputError, match="type"):
            loads(text)

    def test_an_overlong_integer_is_refused(self) -> None:
        """A JSON integer too long for Python to convert is invalid input, not a bare
        ValueError."""
        text = doc("FiscalYear", {"year": 0}).replace('"year": 0', '"year": ' + "1" * 5000)
        with pytest.raises(InvalidInputError):
            loads(text)

    def test_deeply_nested_json_is_refused(self) -> None:
        """JSON nested past the parser's recursion limit is invalid input, not a RecursionError."""
        with pytest.raises(InvalidInputError):
            loads("[" * 100_000 + "]" * 100_000)

    def test_text_of_the_wrong_type(self) -> None:
        """loads takes str or bytes only."""
        with pytest.raises(InvalidInputError, match="JSON text"):
            loads(json.loads(dumps(POLICY)))

    def test_from_dict_refuses_non_objects(self) -> None:
        """from_dict takes a dict."""
        with pytest.raises(InvalidInputError, match="a JSON object"):
            from_dict([])

    @pytest.mark.parametrize(
        "value",
        [object(), {"a": 1}, Decimal("1.00"), "text", Dataset],
    )
    def test_only_g287_value_objects_are_written(self, value: object) -> None:
        """dumps and to_dict refuse what is not a g287 value object."""
        with pytest.raises(InvalidInputError, match="not a g287 value object"):
            dumps(value)

    def test_a_dataset_is_not_a_document_type(self) -> None:
        """The file-level Dataset is not one of the JSON document types."""
        data = Dataset(Agency("A", "N", D(2025, 1, 1), [Model.TASK_FORCE]), (), (), ())
        with pytest.raises(InvalidInputError, match="not a g287 value object"):
            to_dict(data)


class TestWritingRefusals:
    def test_a_float_cannot_be_smuggled_into_a_result(self) -> None:
        """A result refuses a float amount at construction, so JSON only ever carries exact
        amounts."""
        line = one_line()
        with pytest.raises(InvalidTypeError, match=r"salary: 1\.5 is a float; expected a Decimal"):
            attrs.evolve(line, salary=1.5)  # type: ignore[arg-type]
        assert loads(dumps(line)) == line


def one_line() -> g287.OfficerLine:
    """A claim line of a one-officer claim."""
    officer = Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "60000")
    record = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "2000", "500", "100")
    agency = Agency("A", "N", D(2025, 1, 1), [Model.TASK_FORCE])
    c = claim(agency=agency, officers=[officer], payroll=[record], period="FY2026 Q1")
    return c.lines[0]


class TestValuesSurviveExactly:
    def test_decimal_places_survive(self) -> None:
        """An amount keeps its two places and exact value: 0.10 stays "0.10"."""
        record = PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 2), "0.1", "0", "1234567.89")
        back = round_trip(record)
        assert (str(back.salary), str(back.overtime)) == ("0.10", "1234567.89")

    def test_fraction_survives_exactly(self) -> None:
        """A cap fraction of 1/3 reads back as Fraction(1, 3), not a rounded decimal."""
        cap = attrs.evolve(POLICY.overtime_cap, fraction=Fraction(1, 3))
        back = round_trip(attrs.evolve(POLICY, overtime_cap=cap))
        assert back.overtime_cap.fraction == Fraction(1, 3)


class TestEditedResultsRefused:
    """A result read back must be one g287 could have produced: its figures agree."""

    def edited(self, obj: object, path: list[str | int], value: object) -> str:
        document = json.loads(dumps(obj))
        node = document["data"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return json.dumps(document)

    @pytest.mark.parametrize(
        ("path", "value", "message"),
        [
            (["amount"], "5000.00", "amount: 5000.00 is not per_officer 1000.00 x officers 4"),
            (["per_officer"], "750.00", "per_officer: 750.00 does not match the tier's 1000.00"),
            (["rate"], "1/2", "rate: 1/2 does not match located 45 / provided 50"),
        ],
    )
    def test_award(self, path: list[str | int], value: object, message: str) -> None:
        """R-AWD: an award whose amount, per-officer figure or rate was edited is refused."""
        award = g287.quarterly_award(located=45, provided=50, officers=4, quarter="FY2026 Q1")
        with pytest.raises(InvalidInputError, match=re.escape(message)):
            loads(self.edited(award, path, value))

    @pytest.mark.parametrize(
        ("path", "value", "message"),
        [
            (["total"], "1.00", "total: 1.00 does not match its parts"),
            (["overtime_not_reimbursed"], "0.00", "overtime_claimed: 18000.00 does not match"),
            (["overtime_cap"], "1.00", "exceeds the cap 1.00 (R-OT)"),
        ],
    )
    def test_reimbursement(self, path: list[str | int], value: object, message: str) -> None:
        """R-SAL, R-OT: a reimbursement whose total or overtime split was edited is refused."""
        result = g287.annual_reimbursement(
            annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
        )
        with pytest.raises(InvalidInputError, match=re.escape(message)):
            loads(self.edited(result, path, value))

    @pytest.mark.parametrize(
        ("path", "value", "message"),
        [
            (["salary"], "1.00", "salary: 1.00 does not match its parts"),
            (["lines", 0, "total"], "1.00", "total: 1.00 does not match its parts"),
            (["lines", 0, "cap_used"], "0.00", "are out of order (R-OT, I-CAPYEAR)"),
        ],
    )
    def test_claim(self, path: list[str | int], value: object, message: str) -> None:
        """A claim whose totals or lines were edited no longer adds up and is refused."""
        line = one_line()
        assert line.overtime_reimbursed > 0
        c = claim(
            agency=Agency("A", "N", D(2025, 1, 1), [Model.TASK_FORCE]),
            officers=[Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "60000")],
            payroll=[PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "2000", "500", "100")],
            period="FY2026 Q1",
        )
        with pytest.raises(InvalidInputError, match=re.escape(message)):
            loads(self.edited(c, path, value))


class TestEditedQuarterlyClaimRefused:
    def claim(self) -> Claim:
        return quarterly_claim(
            agency=Agency("A", "N", D(2025, 1, 1), [Model.TASK_FORCE]),
            officers=[Officer("T-1", Model.TASK_FORCE, D(2025, 8, 1), "60000")],
            payroll=[PayRecord("T-1", D(2025, 10, 1), D(2025, 10, 14), "2000", "500", "100")],
            leads=LeadReport("FY2026 Q1", 10, 9),
            quarter="FY2026 Q1",
        )

    def test_award_of_another_quarter(self) -> None:
        """R-AWD: a claim whose award was swapped for another quarter's is refused."""
        document = json.loads(dumps(self.claim()))
        document["data"]["quarter"] = {"fiscal_year": 2026, "quarter": 2}
        with pytest.raises(InvalidInputError, match="award: it is for FY2026 Q1, not the claimed"):
            loads(json.dumps(document))

    def test_headcount_must_match(self) -> None:
        """I-HEAD: the officers listed must be the ones the award counted."""
        document = json.loads(dumps(self.claim()))
        document["data"]["award_officers"] = ["T-1", "T-2"]
        with pytest.raises(
            InvalidInputError, match="award_officers: 2 listed, but the award counts 1"
        ):
            loads(json.dumps(document))


class TestExpectedKind:
    def test_the_expected_class_comes_back(self) -> None:
        """loads(text, kind) returns the object when it is of that class."""
        award = g287.quarterly_award(located=45, provided=50, officers=4, quarter="FY2026 Q1")
        assert loads(dumps(award), g287.AwardResult) == award
        assert g287.from_dict(g287.to_dict(award), g287.AwardResult) == award

    def test_another_class_is_refused(self) -> None:
        """A document holding another class than the one expected is refused, naming both."""
        with pytest.raises(InvalidInputError, match="type: 'Policy'; expected Claim"):
            loads(dumps(g287.POLICY), Claim)

    def test_kind_must_be_a_class(self) -> None:
        """A kind that is not a class is a type error."""
        with pytest.raises(InvalidTypeError, match="kind: 5 is not a class"):
            loads(dumps(g287.POLICY), 5)  # type: ignore[call-overload]


class TestResultsRefuseFloats:
    @pytest.mark.parametrize("field", ["salary", "overtime_cap", "total"])
    def test_reimbursement(self, field: str) -> None:
        """A reimbursement result refuses a float amount at construction, naming the field."""
        result = g287.annual_reimbursement(
            annual_salary="60000", benefits="20000", overtime="18000", fiscal_year=2026
        )
        with pytest.raises(
            InvalidTypeError, match=rf"^{field}: 1\.5 is a float; expected a Decimal"
        ):
            attrs.evolve(result, **{field: 1.5})  # type: ignore[arg-type]

    @pytest.mark.parametrize("field", ["per_officer", "amount"])
    def test_award(self, field: str) -> None:
        """An award result refuses a float amount at construction, naming the field."""
        award = g287.quarterly_award(located=45, provided=50, officers=4, quarter="FY2026 Q1")
        with pytest.raises(
            InvalidTypeError, match=rf"^{field}: 1\.5 is a float; expected a Decimal"
        ):
            attrs.evolve(award, **{field: 1.5})  # type: ignore[arg-type]
