"""JSON reading refuses every malformed document with a message naming the path and the want."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

import attrs
import pytest

from g287 import (
    POLICY,
    Agency,
    FiscalQuarter,
    Headcount,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    NoLeads,
    Officer,
    OvertimeCap,
    Step,
    dumps,
    fingerprint,
    from_dict,
    loads,
    to_dict,
)

TYPES = (
    "['Agency', 'AwardResult', 'AwardSchedule', 'AwardTier', 'Citation', 'Claim', 'DateRange', "
    "'Explanation', 'FiscalQuarter', 'FiscalYear', 'Interpretation', 'LeadReport', 'Officer', "
    "'OfficerLine', 'OvertimeCap', 'PayRecord', 'Policy', 'ReimbursementResult', 'Rule', "
    "'Source', 'Step']"
)


def doc(kind: str, data: object) -> dict[str, object]:
    """A document of type ``kind`` around ``data``."""
    return {"schema": "g287/1", "type": kind, "data": data}


def data_of(obj: object) -> dict[str, Any]:
    """The ``data`` part of an object's document."""
    data: dict[str, Any] = to_dict(obj)["data"]
    return data


OFFICER = data_of(Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "78000"))
CAP = data_of(OvertimeCap(Fraction(1, 4)))
LEADS = data_of(LeadReport("FY2026 Q1", 5, 4))
AGENCY = data_of(Agency("A", "B", dt.date(2025, 7, 1), frozenset(Model)))
STEP = data_of(Step("R-OT", "t", "f", POLICY.citation("R-OT"), {"a": "b"}))
QUARTER = {"fiscal_year": 2026, "quarter": 1}

MALFORMED: list[tuple[str, object, str]] = [
    ("not-an-object", [1], "document: [1]; expected a JSON object"),
    (
        "other-schema",
        {"schema": "g287/2", "type": "FiscalQuarter", "data": {}},
        "schema: 'g287/2'; expected 'g287/1'",
    ),
    ("unknown-type", doc("Nope", {}), f"type: 'Nope'; expected one of {TYPES}"),
    (
        "extra-key",
        {**doc("FiscalQuarter", QUARTER), "x": 1},
        "document: ['data', 'schema', 'type', 'x']; expected exactly the keys data, schema, type",
    ),
    (
        "data-not-object",
        doc("FiscalQuarter", []),
        "FiscalQuarter: []; expected an object for FiscalQuarter",
    ),
    (
        "unknown-field",
        doc("FiscalQuarter", {**QUARTER, "z": 1}),
        (
            "FiscalQuarter: ['z']; expected only the fields of FiscalQuarter: "
            "['fiscal_year', 'quarter']"
        ),
    ),
    (
        "missing-field",
        doc("FiscalQuarter", {"fiscal_year": 2026}),
        "FiscalQuarter.quarter: None; expected a value (the field is required)",
    ),
    (
        "bool-for-int",
        doc("FiscalQuarter", {"fiscal_year": True, "quarter": 1}),
        "FiscalQuarter.fiscal_year: True; expected an integer",
    ),
    (
        "text-for-int",
        doc("FiscalQuarter", {"fiscal_year": "2026", "quarter": 1}),
        "FiscalQuarter.fiscal_year: '2026'; expected an integer",
    ),
    (
        "bad-date",
        doc("DateRange", {"start": "2025-13-01", "end": "2025-10-02"}),
        "DateRange.start: '2025-13-01'; expected an ISO date such as '2025-10-01'",
    ),
    (
        "number-for-date",
        doc("DateRange", {"start": 5, "end": "2025-10-02"}),
        "DateRange.start: 5; expected an ISO date such as '2025-10-01'",
    ),
    (
        "bad-enum",
        doc("Officer", {**OFFICER, "model": "XX"}),
        "Officer.model: 'XX'; expected one of ['JEM', 'TFM', 'WSO']",
    ),
    (
        "number-for-amount",
        doc("Officer", {**OFFICER, "annual_salary": 5}),
        "Officer.annual_salary: 5; expected an amount as a string such as '12.50'",
    ),
    (
        "bad-amount",
        doc("Officer", {**OFFICER, "annual_salary": "abc"}),
        "Officer.annual_salary: 'abc'; expected an amount as a string such as '12.50'",
    ),
    (
        "nan-amount",
        doc("Officer", {**OFFICER, "annual_salary": "NaN"}),
        "Officer.annual_salary: 'NaN'; expected a finite amount",
    ),
    ("number-for-text", doc("Officer", {**OFFICER, "id": 5}), "Officer.id: 5; expected a string"),
    (
        "number-for-fraction",
        doc("OvertimeCap", {**CAP, "fraction": 0}),
        "OvertimeCap.fraction: 0; expected a fraction as 'n/d'",
    ),
    (
        "fraction-without-slash",
        doc("OvertimeCap", {**CAP, "fraction": "1"}),
        "OvertimeCap.fraction: '1'; expected a fraction as 'n/d'",
    ),
    (
        "fraction-over-zero",
        doc("OvertimeCap", {**CAP, "fraction": "1/0"}),
        "OvertimeCap.fraction: '1/0'; expected a fraction as 'n/d'",
    ),
    (
        "fraction-of-letters",
        doc("OvertimeCap", {**CAP, "fraction": "a/b"}),
        "OvertimeCap.fraction: 'a/b'; expected a fraction as 'n/d'",
    ),
    (
        "number-for-bool",
        doc("LeadReport", {**LEADS, "assistance_satisfactory": 1}),
        "LeadReport.assistance_satisfactory: 1; expected true or false",
    ),
    (
        "text-for-set",
        doc("Agency", {**AGENCY, "models": "TFM"}),
        "Agency.models: 'TFM'; expected a list",
    ),
    (
        "text-for-tuple",
        doc(
            "AwardSchedule",
            {"tiers": "x", "band_rounding": "truncate", "no_leads": "no-award"}
            | {"headcount": "last-day"},
        ),
        "AwardSchedule.tiers: 'x'; expected a list",
    ),
    (
        "short-pair",
        doc("Step", {**STEP, "inputs": [["a"]]}),
        "Step.inputs[0]: ['a']; expected a list of 2",
    ),
    ("number-for-pair", doc("Step", {**STEP, "inputs": [5]}), "Step.inputs[0]: 5; expected a list"),
]


class TestMalformedDocuments:
    @pytest.mark.parametrize(
        ("document", "message"),
        [case[1:] for case in MALFORMED],
        ids=[case[0] for case in MALFORMED],
    )
    def test_refused(self, document: object, message: str) -> None:
        """Each malformed document is invalid input with this exact message."""
        with pytest.raises(InvalidInputError) as info:
            from_dict(document)
        assert str(info.value) == message

    def test_optional_field_of_the_wrong_type(self) -> None:
        """An optional date given as a number is refused naming its path."""
        with pytest.raises(InvalidInputError, match=r"^Officer\.separated_on: 7; expected "):
            from_dict(doc("Officer", {**OFFICER, "separated_on": 7}))

    def test_optional_field_null(self) -> None:
        """An optional date may be null."""
        officer = from_dict(doc("Officer", {**OFFICER, "separated_on": None}))
        assert officer == Officer("T-1", Model.TASK_FORCE, dt.date(2025, 8, 1), "78000")

    def test_field_left_out_takes_its_default_and_later_fields_are_read(self) -> None:
        """A field with a default may be left out (I-BAND's truncate, here); the fields after
        it are still read (I-BELOW's error, I-HEAD's any-day)."""
        schedule = attrs.evolve(
            POLICY.award_schedule, no_leads=NoLeads.ERROR, headcount=Headcount.ANY_DAY
        )
        data = to_dict(schedule)["data"]
        del data["band_rounding"]
        assert from_dict(doc("AwardSchedule", data)) == schedule


class TestLoadsText:
    def test_not_text(self) -> None:
        """Only str or bytes are JSON text."""
        with pytest.raises(InvalidInputError) as info:
            loads(5)  # type: ignore[call-overload]
        assert str(info.value) == "text: 5; expected JSON text"

    def test_not_json(self) -> None:
        """Broken JSON is invalid input saying so, with the parser's reason."""
        with pytest.raises(InvalidInputError, match=r"^text: not JSON \(Expecting property name"):
            loads("{")

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are invalid input."""
        with pytest.raises(InvalidInputError, match=r"^text: not JSON \('utf-8' codec"):
            loads(b"\xff")

    def test_float_refused(self) -> None:
        """A JSON number with a fraction is refused: amounts are written as strings."""
        with pytest.raises(InvalidInputError) as info:
            loads('{"a": 1.5}')
        assert str(info.value) == (
            "text: unreadable JSON (JSON number 1.5 has a fraction; write amounts as strings)"
        )

    def test_too_deep(self) -> None:
        """JSON nested beyond the recursion limit is invalid input, not a crash."""
        with pytest.raises(InvalidInputError) as info:
            loads("[" * 100_000 + "]" * 100_000)
        assert str(info.value) == "text: JSON nested too deeply to read"

    def test_huge_integer(self) -> None:
        """An integer too long to convert is invalid input, not a crash."""
        with pytest.raises(InvalidInputError, match=r"^text: unreadable JSON \("):
            loads("1" * 5000)


class TestWriting:
    def test_compact_and_sorted(self) -> None:
        """dumps writes sorted keys on one line by default."""
        assert dumps(FiscalQuarter(2026, 1)) == (
            '{"data": {"fiscal_year": 2026, "quarter": 1}, "schema": "g287/1", '
            '"type": "FiscalQuarter"}'
        )

    def test_indent(self) -> None:
        """An indent lays the document out over lines."""
        assert dumps(FiscalQuarter(2026, 1), indent=1) == (
            '{\n "data": {\n  "fiscal_year": 2026,\n  "quarter": 1\n },\n'
            ' "schema": "g287/1",\n "type": "FiscalQuarter"\n}'
        )

    @pytest.mark.parametrize("indent", [0, 16])
    def test_indent_limits_accepted(self, indent: int) -> None:
        """Indents from 0 (a new line per value, no spaces) to 16 spaces are accepted."""
        text = dumps(FiscalQuarter(2026, 1), indent=indent)
        assert text.splitlines()[1] == " " * indent + '"data": {'

    @pytest.mark.parametrize("indent", [-1, 17])
    def test_indent_out_of_range(self, indent: int) -> None:
        """An indent below 0 or above 16 spaces is refused, naming it."""
        with pytest.raises(InvalidInputError) as info:
            dumps(FiscalQuarter(2026, 1), indent=indent)
        assert str(info.value) == f"indent: {indent}; expected 0 to 16 spaces or None"

    @pytest.mark.parametrize("indent", [1.5, True, "2"])
    def test_indent_of_the_wrong_type(self, indent: object) -> None:
        """An indent that is not a whole number (a bool neither) is a type error, naming it."""
        with pytest.raises(InvalidTypeError) as info:
            dumps(FiscalQuarter(2026, 1), indent=indent)  # type: ignore[arg-type]
        assert str(info.value) == (f"indent: {indent!r}; expected a whole number of spaces or None")

    def test_non_ascii_kept(self) -> None:
        """Non-ASCII characters of a quote are written as themselves, not escaped."""
        assert "officer’s annual salary" in dumps(POLICY.citation("R-OT"))

    def test_not_a_value_object(self) -> None:
        """Only g287 value objects can be written."""
        with pytest.raises(InvalidInputError) as info:
            to_dict(5)
        assert str(info.value) == "obj: 5 is not a g287 value object"

    def test_fingerprint_of_the_built_in_policy(self) -> None:
        """The built-in policy's fingerprint is stable: it changes only if the policy does."""
        assert fingerprint(POLICY) == (
            "sha256:c1ae21508235383653e3b5748daba62157999fd36b47a05c263e506c1f119839"
        )
        assert POLICY.fingerprint == fingerprint(POLICY)
