"""Fuzzing: arbitrary values at the public functions, constructors, parsers, readers and CLI.

What is checked is only what is documented for any input whatever: a call either returns a
result of the documented type or raises one of the documented errors (a ``G287Error``, which is
a ``ValueError`` or ``TypeError``); no other exception escapes. And values that can never be
valid — a float or a bool as money or a count, ``None``, bytes, containers — never produce a
figure. The validation rules themselves are tested in each module's own tests; they are not
written out a second time here.

``G287_FUZZ_SCALE`` multiplies the example counts (e.g. ``G287_FUZZ_SCALE=20`` for a long run).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
import os
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import g287
from claim_strategies import scenarios
from g287 import G287Error
from g287.batch import award_cents
from g287.cli import main
from g287.dataio import (
    example_dir,
    load_dataset,
    read_agency,
    read_leads,
    read_officers,
    read_payroll,
)
from g287.money import to_money
from g287.serialize import verify

SCALE = float(os.environ.get("G287_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Hypothesis settings for a fuzz target: ``examples`` times the scale, no deadline."""
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


#: Anything a caller might pass by mistake: every JSON-ish type and a few more.
junk: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
    st.text(max_size=30),
    st.from_regex(r"\s*-?[0-9]{0,20}(\.[0-9]{0,5})?\s*", fullmatch=True),
    st.binary(max_size=10),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
#: Values that are never a valid amount or count: they must never become a figure.
never_a_number: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.text(alphabet="abcxyz$%_, ", min_size=1, max_size=10),
)


def outcome(call: Callable[[], object], kind: type | tuple[type, ...]) -> object:
    """The result of ``call`` (checked to be a ``kind``), or ``None`` if it raised a
    documented error. Any other exception propagates and fails the test."""
    error: G287Error | None = None
    try:
        result = call()
    except G287Error as exc:
        error = exc
    if error is not None:
        assert isinstance(error, (ValueError, TypeError))
        assert str(error)
        return None
    assert isinstance(result, kind), result
    return result


def refused(call: Callable[[], object]) -> None:
    """``call`` must raise a documented error: a figure from this input would be wrong."""
    with pytest.raises(G287Error):
        call()


class TestAnythingGoesIn:
    """Arbitrary arguments give a result or a documented error, nothing else."""

    @fuzz(120)
    @given(value=junk)
    def test_money(self, value: object) -> None:
        """``to_money`` of anything."""
        outcome(lambda: to_money(value, "amount"), Decimal)

    @fuzz(120)
    @given(located=junk, provided=junk)
    def test_location_rate(self, located: object, provided: object) -> None:
        """``location_rate`` of anything."""
        outcome(lambda: g287.location_rate(located=located, provided=provided), Fraction)  # type: ignore[arg-type]

    @fuzz(120)
    @given(rate=junk)
    def test_award_tier(self, rate: object) -> None:
        """``award_tier`` of anything."""
        outcome(lambda: g287.award_tier(rate), (g287.AwardTier, type(None)))  # type: ignore[arg-type]

    @fuzz(120)
    @given(
        located=junk | st.integers(0, 100),
        provided=junk | st.integers(0, 100),
        officers=junk | st.integers(0, 50),
        quarter=junk | st.sampled_from(["FY2026 Q1", "FY2025 Q4", "fy2030-q3"]),
        satisfactory=junk,
    )
    def test_quarterly_award(
        self, located: Any, provided: Any, officers: Any, quarter: Any, satisfactory: Any
    ) -> None:
        """``quarterly_award`` of anything."""
        outcome(
            lambda: g287.quarterly_award(
                located=located,
                provided=provided,
                task_force_officers=officers,
                quarter=quarter,
                assistance_satisfactory=satisfactory,
            ),
            g287.AwardResult,
        )

    @fuzz(120)
    @given(salary=junk, benefits=junk, overtime=junk, fiscal_year=junk | st.integers(2020, 2040))
    def test_annual_reimbursement(
        self, salary: Any, benefits: Any, overtime: Any, fiscal_year: Any
    ) -> None:
        """``annual_reimbursement`` and ``overtime_cap`` of anything."""
        outcome(
            lambda: g287.annual_reimbursement(
                annual_salary=salary, benefits=benefits, overtime=overtime, fiscal_year=fiscal_year
            ),
            g287.ReimbursementResult,
        )
        outcome(lambda: g287.overtime_cap(salary), Decimal)

    @fuzz(120)
    @given(text=junk | st.text(alphabet="FYfyQq0123456789 -", max_size=12))
    def test_calendar_parsers(self, text: Any) -> None:
        """``FiscalQuarter.parse`` and ``FiscalYear.parse`` of anything."""
        outcome(lambda: g287.FiscalQuarter.parse(text), g287.FiscalQuarter)
        outcome(lambda: g287.FiscalYear.parse(text), g287.FiscalYear)

    @fuzz(120)
    @given(args=st.lists(junk, min_size=6, max_size=6))
    def test_input_constructors(self, args: list[Any]) -> None:
        """The inputs' constructors with anything as their arguments."""
        outcome(lambda: g287.Agency(*args[:4]), g287.Agency)
        outcome(lambda: g287.Officer(*args[:5]), g287.Officer)
        outcome(lambda: g287.PayRecord(*args), g287.PayRecord)
        outcome(lambda: g287.LeadReport(*args[:4]), g287.LeadReport)
        outcome(lambda: g287.DateRange(*args[:2]), g287.DateRange)
        outcome(lambda: g287.FiscalQuarter(*args[:2]), g287.FiscalQuarter)

    @fuzz(100)
    @given(interpretation=junk | st.sampled_from(list(g287.INTERPRETATIONS)), option=junk)
    def test_choose(self, interpretation: Any, option: Any) -> None:
        """``Policy.choose`` with anything."""
        outcome(lambda: g287.POLICY.choose(interpretation, option), g287.Policy)

    @fuzz(100)
    @given(
        columns=st.lists(
            st.lists(junk | st.integers(0, 60), min_size=0, max_size=4), min_size=3, max_size=3
        )
    )
    def test_batch(self, columns: list[list[Any]]) -> None:
        """``award_cents`` of anything in its columns."""
        outcome(lambda: award_cents(*columns), list)


class TestNeverAFigureFromBadInput:
    """A value that is never an amount or a count, put in one place of a valid call, is refused."""

    @fuzz(100)
    @given(bad=never_a_number, where=st.sampled_from(["located", "provided", "officers"]))
    def test_award_counts(self, bad: object, where: str) -> None:
        """R-AWD: a count that is not a whole number never yields an award."""
        args: dict[str, Any] = {"located": 45, "provided": 50, "task_force_officers": 12}
        args["task_force_officers" if where == "officers" else where] = bad
        refused(lambda: g287.quarterly_award(quarter="FY2026 Q1", **args))

    @fuzz(100)
    @given(bad=never_a_number, where=st.sampled_from(["salary", "benefits", "overtime"]))
    def test_reimbursement_amounts(self, bad: object, where: str) -> None:
        """R-SAL, R-OT: an amount that is not money never yields a reimbursement."""
        args: dict[str, Any] = {"annual_salary": "60000", "benefits": "1", "overtime": "2"}
        args["annual_salary" if where == "salary" else where] = bad
        refused(lambda: g287.annual_reimbursement(fiscal_year=2026, **args))

    @fuzz(50)
    @given(
        s=scenarios(max_officers=2),
        bad=never_a_number,
        field=st.sampled_from(["salary", "benefits", "overtime"]),
    )
    def test_pay_record_amounts(self, s: Any, bad: object, field: str) -> None:
        """R-SAL: a pay record whose amount is not money is refused before any claim."""
        record = s.payroll[0] if s.payroll else None
        if record is None:
            return
        values = [record.officer_id, record.start, record.end, "1", "1", "1"]
        values[["salary", "benefits", "overtime"].index(field) + 3] = bad
        refused(lambda: g287.PayRecord(*values))


def _example_document() -> dict[str, Any]:
    folder = example_dir()
    data = load_dataset(
        folder / "officers.csv",
        folder / "payroll.csv",
        folder / "leads.csv",
        folder / "agency.json",
    )
    q = g287.FiscalQuarter(2026, 1)
    claim = g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers[:3],
        payroll=[r for r in data.payroll if r.officer_id in {o.id for o in data.officers[:3]}],
        leads=data.lead_report(q),
        quarter=q,
    )
    document: dict[str, Any] = g287.to_dict(claim)
    return document


DOCUMENT = _example_document()


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in a JSON document."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*path, i))
    return found


PATHS = _paths(DOCUMENT)[1:]


class TestDocuments:
    """Reading JSON: arbitrary text and edited documents give a document's object or an error."""

    @fuzz(120)
    @given(text=st.text(max_size=200) | st.binary(max_size=200))
    def test_arbitrary_text(self, text: str | bytes) -> None:
        """``loads`` of any text or bytes."""
        outcome(lambda: g287.loads(text), object)

    @fuzz(120)
    @given(path=st.sampled_from(PATHS), value=junk)
    def test_one_value_replaced(self, path: tuple[Any, ...], value: Any) -> None:
        """A claim document with any one value replaced by anything: loaded or refused."""
        document = json.loads(json.dumps(DOCUMENT))
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = json.loads(json.dumps(value, default=str))
        outcome(lambda: g287.from_dict(document), object)


class TestFiles:
    """The file readers and the command line with arbitrary content."""

    @fuzz(100)
    @given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def test_readers(self, tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
        """Each reader of any file content returns its records or raises a DataError."""
        path = Path(tmp_path_factory.mktemp("fuzz")) / "input"
        path.write_bytes(content)
        outcome(lambda: read_officers(path), tuple)
        outcome(lambda: read_payroll(path), tuple)
        outcome(lambda: read_leads(path), tuple)
        outcome(lambda: read_agency(path), g287.Agency)

    @fuzz(100)
    @given(
        argv=st.lists(
            st.sampled_from(["tiers", "award", "cap", "reimburse", "claim", "--json", "--example"])
            | st.sampled_from(["--quarter", "--located", "--provided", "--salary", "--format"])
            | st.text(max_size=8),
            max_size=8,
        )
    )
    def test_command_line(self, argv: list[str]) -> None:
        """``g287`` with any arguments exits 0, 1 (one line on stderr) or 2 (usage)."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:
                status = exc.code if isinstance(exc.code, int) else 2
        assert status in (0, 1, 2)
        if status == 1:
            assert err.getvalue().count("\n") == 1, err.getvalue()


#: The stated figures of a claim document: each must be what its inputs give.
FIGURES = frozenset(
    {
        "salary",
        "benefits",
        "overtime_claimed",
        "overtime_reimbursed",
        "overtime_over_cap",
        "overtime_cap",
        "cap_used_before",
        "cap_used",
        "not_eligible",
        "total",
        "reimbursement",
        "amount",
        "per_officer",
        "rate",
        "percent",
        "eligible_days",
        "records",
        "award_officers",
    }
)


def _nudged(value: Any) -> Any:  # noqa: PLR0911 - one return per kind of JSON value
    """A plausible other value of the same JSON kind: a cent more, a day later, a flag flipped."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        try:
            return str(Decimal(value) + Decimal("0.01"))
        except ArithmeticError:
            pass
        try:
            return (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
        except ValueError:
            pass
        return value + "x"
    if isinstance(value, list):
        return value[:-1] if value else ["T-01"]
    if value is None:
        return "2026-01-01"
    return {}


def _name(path: tuple[Any, ...]) -> Any:
    """The name of the value at a path of :data:`DOCUMENT`: its key, or for a cell of a table
    (``{"columns": [...], "rows": [[...], ...]}``, as a claim's lines and payroll are written)
    its column's name."""
    if len(path) > 3 and path[-3] == "rows" and isinstance(path[-1], int):
        table = DOCUMENT
        for key in path[:-3]:
            table = table[key]
        return table["columns"][path[-1]]
    return path[-1]


def test_every_edit_of_a_document_is_refused_or_caught() -> None:
    """DESIGN §5: “A document that loads accepts either recomputes to itself (verify) or is
    refused.” Each value of a claim document is changed, one at a time: the document is refused
    by ``loads``, or ``verify`` names a difference, or — only for a change of an input that
    changes no figure — it verifies. A stated figure changed alone (a line's among them) never
    verifies."""
    caught = verified = 0
    # Every value but the policy's wording and the rows (of the lines and payroll tables) and
    # trail steps after the second: a policy edit is caught by its fingerprint whatever the
    # field, and each row or step is read and checked as the one before it.
    paths = [
        p
        for p in PATHS
        if not ("policy" in p and ("rules" in p or "interpretations" in p or "sources" in p))
        and not any(
            key in {"rows", "steps"} and isinstance(at, int) and at > 1
            for key, at in itertools.pairwise(p)
        )
    ]
    for path in paths:
        document = json.loads(json.dumps(DOCUMENT))
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = _nudged(node[path[-1]])
        try:
            verify(document)
        except G287Error:
            caught += 1
            continue
        verified += 1
        figure = _name(path) in FIGURES and "payroll" not in path and "policy" not in path
        assert not figure, f"an edited figure verified: {path}"
    assert caught > verified > 0
