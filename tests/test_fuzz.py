"""Fuzzing: arbitrary values at every public function, constructor, parser and CLI subcommand.

Issue 5, item 2: "only documented ``G287Error`` subclasses (or a clean CLI exit 1/2) may come out;
nothing returns a figure from invalid input". Every test here throws wrong types (``None``, floats
with NaN, infinities and -0.0, ``bool``, huge and negative ints, bytes, lists, dicts, ``Decimal``
NaN and 1e-30, fractions, empty, unicode and whitespace strings, digit strings longer than Python
will convert, dates at ``date.min``/``date.max``, ``datetime`` objects) at one target and checks:

* the call returns, and then an oracle written here (independent of the code under test) confirms
  that the inputs were valid and the result is consistent; or
* it raises one of the documented errors (:data:`DOCUMENTED`), which is a ``ValueError`` or a
  ``TypeError`` with a message. Any other exception fails the test with the input that caused it.

The CLI may exit 0, exit 1 with exactly one line on stderr and nothing on stdout, or exit 2 through
argparse (``SystemExit(0)`` from ``--help``/``--version`` counts as exit 0).

Example counts are set per target with :func:`fuzz`; multiply them all with the environment
variable ``G287_FUZZ_SCALE`` (e.g. ``G287_FUZZ_SCALE=20`` for a long run). At scale 1 the file
runs in under a minute.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import datetime as dt
import enum
import functools
import io
import itertools
import json
import math
import os
import re
import types
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from hypothesis.extra import numpy as hnp

import g287
import strategies
from claim_strategies import QUARTERS, agencies, lead_reports, periods, scenarios
from g287 import (
    INTERPRETATIONS,
    POLICY,
    SCHEMA,
    SOURCE,
    Agency,
    AwardSchedule,
    AwardTier,
    BandRounding,
    CapProration,
    Citation,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    G287Error,
    Headcount,
    Interpretation,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    ModelScope,
    NoLeads,
    NotInEffectError,
    Officer,
    OvertimeCap,
    PayRecord,
    Policy,
    PolicyError,
    Rule,
    Source,
)
from g287.batch import award_cents
from g287.cli import main
from g287.dataio import (
    DataError,
    Dataset,
    example_dir,
    load_dataset,
    read_agency,
    read_leads,
    read_officers,
    read_payroll,
)
from g287.money import to_count, to_money
from strategies import chosen_policies, policies, quarter_texts

T = TypeVar("T")

#: The errors g287 documents. Nothing else may escape a public call.
DOCUMENTED: tuple[type[G287Error], ...] = (
    InvalidInputError,
    InvalidTypeError,
    PolicyError,
    NotInEffectError,
    DataError,
)

# Limits written out from the docs rather than read from the code.
MAX_COUNT = 10**9  # money.MAX_COUNT: "the largest count accepted (leads, officers)"
MAX_MONEY = Decimal("999999999999.99")  # money.MAX_MONEY: "a trillion dollars less a cent"
R_EFF = dt.date(2025, 10, 1)  # R-EFF: "Starting October 1, 2025" (¶6)
ASCII_SPACE = " \t\n\r\x0b\x0c"

SCALE = float(os.environ.get("G287_FUZZ_SCALE", "1"))


def fuzz(examples: int, *, shrink: bool = True) -> settings:
    """Settings for one fuzz target: ``examples`` examples (times ``G287_FUZZ_SCALE``); without
    ``shrink`` a failure is reported as found (for targets where each example is slow)."""
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        deadline=None,
        # Stop at the first bug of a target and skip the slow "explain" phase, so a run with
        # failures stays fast; the failure is still shrunk to a minimal example.
        report_multiple_bugs=False,
        phases=[p for p in Phase if p is not Phase.explain and (shrink or p is not Phase.shrink)],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


def outcome(call: Callable[[], T]) -> T | G287Error:
    """Run ``call``; return its result or the documented error it raised.

    Any exception that is not a :class:`g287.G287Error` propagates and fails the test. A
    ``G287Error`` must be one of :data:`DOCUMENTED`, subclass ``ValueError`` or ``TypeError``, and
    carry a message.
    """
    try:
        result = call()
    except G287Error as exc:
        error = exc
    else:
        if currently_in_test_context():  # --hypothesis-show-statistics counts the outcomes
            event("returned")
        return result
    if currently_in_test_context():
        event(f"raised {type(error).__name__}")
    assert type(error) in DOCUMENTED, f"undocumented error class {type(error).__name__}: {error}"
    assert isinstance(error, (ValueError, TypeError)), error
    assert str(error).strip(), f"{type(error).__name__} without a message"
    return error


# --- arbitrary values ------------------------------------------------------------------------


class Five(enum.IntEnum):
    """An ``int`` subclass: a legitimate int that is not exactly ``int``."""

    FIVE = 5


#: Values chosen to break things: wrong types, edges and the awkward in-betweens.
SPECIAL: list[object] = [
    None,
    math.nan,
    math.inf,
    -math.inf,
    -0.0,
    0.0,
    0.5,
    1.0,
    60000.0,
    True,
    False,
    0,
    1,
    -1,
    Five.FIVE,
    10**30,
    -(10**30),
    2**63,
    b"",
    b"123",
    bytearray(b"45"),
    [],
    [1],
    [[1]],
    (),
    (1, 2),
    {},
    {"a": 1},
    set(),
    frozenset({1}),
    Decimal("NaN"),
    Decimal("-NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("-0"),
    Decimal("1e-30"),
    Decimal("1E+3"),
    Decimal("0.001"),
    Decimal("12.345"),
    Decimal("1e999999"),
    Fraction(-1, 3),
    Fraction(7, 3),
    Fraction(0),
    Fraction(1),
    Fraction(9, 10),
    "",
    " ",
    "\t\n",
    "\u00a0",
    "\u2028",
    "1e3",
    "１２３",
    "\u0663",
    "\u00b2",
    "9" * 5000,
    "1" * 4301,
    "0" * 5000 + "1",
    "-0",
    "-1",
    "+1",
    "1_000",
    "0x10",
    "nan",
    "inf",
    "1.",
    ".5",
    "1.005",
    "FY2026 Q1",
    "FY2026",
    "2026",
    "2025-10-01",
    "R-AWD-1",
    "I-BAND",
    "half-up",
    "TFM",
    "\U0001f600",
    "é" * 3,
    dt.date.min,
    dt.date.max,
    dt.date(2025, 9, 30),
    dt.date(2025, 10, 1),
    dt.datetime(2025, 10, 1),  # noqa: DTZ001 - a naive datetime is what users pass by mistake
    dt.datetime.min,  # noqa: DTZ901
    dt.datetime.max,  # noqa: DTZ901
    dt.time(0),
    dt.timedelta(days=1),
    complex(1, 2),
    object(),
    Ellipsis,
    np.int64(5),
    np.float64(2.5),
    np.bool_(True),
    POLICY,
    FiscalQuarter(2026, 1),
    FiscalYear(2026),
    DateRange(dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
    Model.TASK_FORCE,
    BandRounding.TRUNCATE,
    SOURCE,
]

#: Any value at all: the special ones, and random values of every common type.
ANY: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(SPECIAL),
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(),
        st.decimals(),
        st.fractions(),
        st.text(max_size=20),
        st.binary(max_size=10),
        st.dates(),
        st.datetimes(),
        st.lists(st.integers() | st.text(max_size=3) | st.lists(st.integers()), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    ),
)


@attrs.frozen
class Repeat:
    """``text`` repeated ``times``: a large input that keeps a short repr in Hypothesis reports.

    Tests turn it into the string with :func:`expand` just before the call.
    """

    text: str
    times: int
    before: str = ""
    after: str = ""

    def __str__(self) -> str:
        return self.before + self.text * self.times + self.after


def expand(value: Any) -> Any:
    """``value``, with a :class:`Repeat` turned into its string."""
    return str(value) if isinstance(value, Repeat) else value


@st.composite
def faulty(
    draw: st.DrawFn,
    valid: st.SearchStrategy[dict[str, Any]],
    near: dict[str, st.SearchStrategy[Any]],
    max_faults: int = 2,
) -> dict[str, Any]:
    """Keyword arguments drawn valid, then up to ``max_faults`` of them replaced by a nearly valid
    value (from ``near``) or anything at all: one fault at a time reaches every check."""
    kwargs = dict(draw(valid))
    for _ in range(draw(st.one_of(st.just(0), st.integers(1, max_faults)))):
        name = draw(st.sampled_from(sorted(kwargs)))
        kwargs[name] = draw(st.one_of(near[name], ANY) if name in near else ANY)
    return kwargs


def maybe(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Half valid values, half anything."""
    return st.one_of(valid, ANY)


#: Digit strings: short, leading zeros, longer than Python converts to int, other scripts.
DIGITS = st.one_of(
    st.integers(min_value=0, max_value=10**5).map(str),
    st.sampled_from(["", "0", "0000", "2026", "02026", "10000", "1" * 4301, "0" * 4400 + "2"]),
    st.sampled_from(["\u0662\u0660\u0662\u0666", "２０２６", "\u00b2"]),
    st.text("0123456789", min_size=1, max_size=8),
)

#: Text that looks like a fiscal quarter, often nearly right.
QUARTER_TEXTS = st.one_of(
    quarter_texts().map(lambda pair: pair[0]),
    st.sampled_from(
        [
            "FY2026 Q" + "1" * 4301,
            "FY2026-Q" + "0" * 4400 + "1",
            "FY2026 Q01",
            "FY0 Q1",
            "FY1 Q4",
            "FY9999 Q4",
            "FY10000 Q1",
            "FY2026 Q0",
            "FY2026 Q5",
            "FY２０２６ Q1",
            "FY2026 Q\u0661",
            "FY 2026 - Q 1",
        ]
    ),
    st.builds(
        lambda pre, fy, sep, q, post: f"{pre}FY{fy}{sep}Q{q}{post}",
        st.sampled_from(["", " ", "\u00a0", "\t", "x"]),
        DIGITS,
        st.sampled_from(["", " ", "-", "--", "_", "\n", " - "]),
        DIGITS,
        st.sampled_from(["", " ", "\u2003", "!"]),
    ),
    st.text(max_size=12),
)
#: Fiscal years that exist (their first and last days are dates), and ones just outside.
VALID_FY = st.one_of(st.integers(2, 9999), st.sampled_from([2, 2026, 9999]))
NEAR_FY = st.one_of(st.integers(-3, 10003), st.sampled_from([0, 1, 10000, 10**30, -(10**30)]))
#: Text that looks like a fiscal year.
YEAR_TEXTS = st.one_of(
    st.builds(
        lambda pre, year, post: f"{pre}{year}{post}",
        st.sampled_from(["FY", "fy", " FY ", "Fy", ""]),
        st.integers(1, 9999),
        st.sampled_from(["", " ", "\t"]),
    ),
    st.builds(lambda pre, fy: f"{pre}{fy}", st.sampled_from(["", "FY", "fy", " FY ", "F"]), DIGITS),
    st.text(max_size=10),
)
#: Counts: plausible, at the limits, just past them.
COUNTS = st.one_of(
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=-3, max_value=MAX_COUNT + 3),
    st.sampled_from([0, 1, MAX_COUNT, MAX_COUNT + 1, -1]),
)
#: Amount spellings: valid and nearly valid.
AMOUNT_TEXTS = st.one_of(
    st.builds(
        lambda sign, whole, point, frac, pad: f"{pad}{sign}{whole}{point}{frac}{pad}",
        st.sampled_from(["", "-", "+"]),
        DIGITS,
        st.sampled_from(["", ".", ","]),
        st.sampled_from(["", "0", "5", "50", "505", "00000000000000000000000000000001"]),
        st.sampled_from(["", " ", "\t", "\u00a0"]),
    ),
    st.text("0123456789.-+ e_", max_size=12),
)
AMOUNTS = st.one_of(
    AMOUNT_TEXTS,
    st.integers(min_value=-5, max_value=10**13),
    st.decimals(places=2, min_value=0, max_value=10**12),
    st.decimals(),
)
DATES = st.one_of(
    st.dates(),
    st.dates(min_value=dt.date(2025, 9, 1), max_value=dt.date(2027, 1, 1)),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(9999, 9, 30), dt.date(1, 10, 1)]),
)
#: Dates near the policy, and the calendar's edges (for calls that cost more the longer the span).
NEAR_DATES = st.one_of(
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 1, 1)),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(9999, 9, 30), dt.date(1, 10, 1)]),
)
QUARTER_ARGS = st.one_of(
    st.builds(FiscalQuarter, st.integers(2, 9999), st.integers(1, 4)),
    st.sampled_from(QUARTERS),
    QUARTER_TEXTS,
    ANY,
)
FY_ARGS = st.one_of(
    st.builds(FiscalYear, st.integers(2, 9999)),
    st.integers(min_value=2020, max_value=2035),
    st.integers(),
    YEAR_TEXTS,
    ANY,
)


@st.composite
def bounded_policies(draw: st.DrawFn) -> Policy:
    """A policy variant that may end (``effective_until``) or start later, so R-EFF bites."""
    policy = draw(policies())
    if draw(st.booleans()):
        start = draw(st.dates(dt.date(2025, 10, 1), dt.date(2027, 1, 1)))
        until = draw(st.none() | st.dates(start, dt.date(2030, 1, 1)))
        policy = attrs.evolve(policy, effective_from=start, effective_until=until)
    return policy


POLICIES = st.one_of(st.just(POLICY), chosen_policies(), bounded_policies())
#: A ``policy=`` argument: ``None`` (the one in force), a policy, or anything.
POLICY_ARGS = st.one_of(st.none(), POLICIES, ANY)

# --- oracles (independent of the code under test) ---------------------------------------------


def is_count(value: object) -> bool:
    """A count g287 must accept: a whole number (not ``bool``) from 0 to ``MAX_COUNT``."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT


def is_day(value: object) -> bool:
    """A plain ``date`` (a ``datetime`` is not a day)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def money_value(value: object) -> Decimal | None:  # noqa: PLR0911 - one return per refusal
    """What an amount means if it is a valid one (int, str or Decimal; whole cents; 0 to
    ``MAX_MONEY``), else ``None``. Written with ``str`` methods and ``Fraction``, no regex."""
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        return None
    if isinstance(value, str):
        body = value.strip(ASCII_SPACE)
        unsigned = body.removeprefix("-")
        whole, _, frac = unsigned.partition(".")
        digits = whole + frac
        if not digits or not all(c in "0123456789" for c in digits):
            return None
        amount = Decimal(body)
    elif isinstance(value, int):
        if abs(value) > 10**15:
            return None
        amount = Decimal(value)
    else:
        if not value.is_finite():
            return None
        amount = value
    if amount < 0 or amount > MAX_MONEY:
        return None
    if amount != 0 and amount.adjusted() < -2:  # under a cent and not zero
        return None
    if (Fraction(amount) * 100).denominator != 1:
        return None
    return amount


def figure_ok(amount: object) -> bool:
    """A computed figure: a two-place ``Decimal``, never negative (a total may pass MAX_MONEY,
    which limits inputs, not sums of them)."""
    return (
        isinstance(amount, Decimal)
        and amount.is_finite()
        and amount.as_tuple().exponent == -2
        and amount >= 0
    )


def money_ok(amount: object) -> bool:
    """A stored amount: a two-place ``Decimal`` from 0.00 to ``MAX_MONEY``."""
    return (
        isinstance(amount, Decimal)
        and amount.is_finite()
        and amount.as_tuple().exponent == -2
        and Decimal(0) <= amount <= MAX_MONEY
    )


def text_ok(value: object) -> bool:
    """Non-blank text."""
    return isinstance(value, str) and value.strip() != ""


def year_ok(year: object) -> bool:
    """A fiscal year whose first and last days exist as ``datetime.date``."""
    return isinstance(year, int) and not isinstance(year, bool) and 2 <= year <= 9999


RULE_ID = re.compile(r"R-[A-Z]+(?:-[0-9A-Z]+)*")
INTERPRETATION_ID = re.compile(r"I-[A-Z]+")
LOCATOR = re.compile(r"\u00b6[1-9][0-9]*")


def _ordered_tiers(tiers: tuple[AwardTier, ...]) -> bool:
    """Tiers exist, highest band first, no two overlapping."""
    return len(tiers) > 0 and all(
        lower.high < upper.low for upper, lower in itertools.pairwise(tiers)
    )


def _policy_ok(p: Policy) -> bool:
    """A policy's own rules: a name, an ordered period, every needed rule cited once."""
    ids = [r.id for r in p.rules]
    needed = {"R-EFF", "R-SAL", "R-OT", "R-AWD"} | {t.rule_id for t in p.award_schedule.tiers}
    return (
        text_ok(p.name)
        and (p.effective_until is None or p.effective_until >= p.effective_from)
        and len(set(ids)) == len(ids)
        and needed <= set(ids)
        and all(r.citation.source in p.sources for r in p.rules)
    )


#: What makes a value object of each validated class valid, beyond its field types.
SEMANTIC: dict[type, Callable[[Any], bool]] = {
    FiscalYear: lambda y: year_ok(y.year),
    FiscalQuarter: lambda q: year_ok(q.fiscal_year) and 1 <= q.quarter <= 4,
    DateRange: lambda r: r.start <= r.end,
    Source: lambda s: all(text_ok(v) for v in (s.id, s.title, s.publisher, s.url)),
    Citation: lambda c: LOCATOR.fullmatch(c.locator) is not None and text_ok(c.quote),
    Rule: lambda r: (
        RULE_ID.fullmatch(r.id) is not None and text_ok(r.title) and text_ok(r.statement)
    ),
    Interpretation: lambda i: (
        INTERPRETATION_ID.fullmatch(i.id) is not None
        and RULE_ID.fullmatch(i.rule_id) is not None
        and text_ok(i.question)
        and text_ok(i.default)
    ),
    AwardTier: lambda t: (
        RULE_ID.fullmatch(t.rule_id) is not None
        and 0 <= t.low <= t.high <= 100
        and money_ok(t.amount)
    ),
    AwardSchedule: lambda s: (
        _ordered_tiers(s.tiers) and len({t.rule_id for t in s.tiers}) == len(s.tiers)
    ),
    OvertimeCap: lambda c: 0 <= c.fraction <= 1,
    Policy: _policy_ok,
    Agency: lambda a: text_ok(a.id) and text_ok(a.name) and len(a.models) > 0,
    Officer: lambda o: (
        text_ok(o.id)
        and money_ok(o.annual_salary)
        and (o.separated_on is None or o.separated_on >= o.trained_on)
    ),
    PayRecord: lambda r: (
        text_ok(r.officer_id)
        and r.start <= r.end
        and all(money_ok(a) for a in (r.salary, r.benefits, r.overtime))
    ),
    LeadReport: lambda r: 0 <= r.located <= r.provided <= MAX_COUNT,
}


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved field types of an attrs class (cached)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def problems(value: object, hint: Any, where: str) -> list[str]:  # noqa: PLR0911, PLR0912
    """Why ``value`` is not a valid ``hint`` (field types, recursively, then :data:`SEMANTIC`)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [problems(value, a, where) for a in typing.get_args(hint)]
        return [] if any(not p for p in options) else [f"{where}: {value!r} is not {hint}"]
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, tuple):
            return [f"{where}: {value!r} is not a tuple"]
        if len(args) == 2 and args[1] is Ellipsis:
            return [p for i, v in enumerate(value) for p in problems(v, args[0], f"{where}[{i}]")]
        if len(args) != len(value):
            return [f"{where}: {value!r} does not have {len(args)} items"]
        pairs = zip(value, args, strict=True)
        return [p for i, (v, a) in enumerate(pairs) for p in problems(v, a, f"{where}[{i}]")]
    if origin is frozenset:
        (arg,) = typing.get_args(hint)
        if not isinstance(value, frozenset):
            return [f"{where}: {value!r} is not a frozenset"]
        return [p for v in value for p in problems(v, arg, f"{where}{{}}")]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r} is not an int"]
    if hint is dt.date:
        return [] if is_day(value) else [f"{where}: {value!r} is not a date"]
    if hint is Decimal:
        ok = isinstance(value, Decimal) and value.is_finite()
        return [] if ok else [f"{where}: {value!r} is not a finite Decimal"]
    assert isinstance(hint, type), f"{where}: unhandled type hint {hint!r}"
    if not isinstance(value, hint):
        return [f"{where}: {value!r} is not a {hint.__name__}"]
    if not attrs.has(hint):
        return []
    found = [
        p
        for name, field_hint in _hints(type(value)).items()
        for p in problems(getattr(value, name), field_hint, f"{where}.{name}")
    ]
    check = SEMANTIC.get(type(value))
    if not found and check is not None and not check(value):
        found.append(f"{where}: {value!r} breaks the rules of {type(value).__name__}")
    return found


def assert_valid(value: object) -> None:
    """Assert a g287 value object is valid: right field types, all the way down, and its rules."""
    found = problems(value, type(value), type(value).__name__)
    assert not found, "a value object was built from invalid input:\n" + "\n".join(found)


# --- numbers: rates, tiers, money, counts ----------------------------------------------------


LEADS = strategies.leads().map(lambda pair: {"located": pair[0], "provided": pair[1]})
VALID_AMOUNTS = strategies.money_inputs().map(lambda pair: pair[0])
VALID_QUARTERS = st.one_of(strategies.fiscal_quarters, quarter_texts().map(lambda pair: pair[0]))
VALID_YEARS = st.one_of(
    strategies.fiscal_years,
    strategies.fiscal_year_numbers,
    strategies.fiscal_year_numbers.map(lambda year: f"FY{year}"),
)
VALID_POLICY_ARGS = st.one_of(st.none(), st.just(POLICY), chosen_policies())


class TestLocationRate:
    @fuzz(300)
    @given(kwargs=faulty(LEADS, {"located": COUNTS, "provided": COUNTS}))
    def test_only_valid_counts_give_a_rate(self, kwargs: dict[str, Any]) -> None:
        """I-RATE: a rate comes only from whole counts 0 <= located <= provided, provided >= 1."""
        result = outcome(lambda: g287.location_rate(**kwargs))
        if not isinstance(result, G287Error):
            located, provided = kwargs["located"], kwargs["provided"]
            assert is_count(located)
            assert is_count(provided)
            assert 0 <= located <= provided
            assert provided >= 1
            assert result == Fraction(located, provided)
            assert type(result) is Fraction


RATES = st.one_of(
    st.fractions(min_value=-2, max_value=3),
    st.integers(min_value=-2, max_value=2),
    st.floats(min_value=0, max_value=1),
    st.decimals(min_value=0, max_value=1),
)


def _truncated_tier(rate: Fraction) -> str | None:
    """R-AWD-1..3 with I-BAND truncate, by hand."""
    percent = math.floor(rate * 100)
    if percent >= 90:
        return "R-AWD-1"
    if percent >= 80:
        return "R-AWD-2"
    if percent >= 70:
        return "R-AWD-3"
    return None


class TestAwardTier:
    @fuzz(300)
    @given(
        kwargs=faulty(
            st.fixed_dictionaries({"rate": strategies.rates, "policy": POLICIES}), {"rate": RATES}
        )
    )
    def test_only_a_rate_from_0_to_1_has_a_tier(self, kwargs: dict[str, Any]) -> None:
        """R-AWD-1..3: a tier (or none) comes only from a Fraction or int rate in [0, 1]."""
        result = outcome(lambda: g287.award_tier(**kwargs))
        if isinstance(result, G287Error):
            return
        rate, policy = kwargs["rate"], kwargs["policy"]
        assert isinstance(rate, (Fraction, int))
        assert not isinstance(rate, bool)
        assert 0 <= rate <= 1
        assert isinstance(policy, Policy)
        assert result is None or result in policy.award_schedule.tiers
        if policy == POLICY:
            assert (result.rule_id if result else None) == _truncated_tier(Fraction(rate))


class TestMoney:
    @fuzz(400)
    @given(value=st.one_of(VALID_AMOUNTS, AMOUNTS, ANY), field=st.one_of(st.just("salary"), ANY))
    def test_to_money(self, value: Any, field: Any) -> None:
        """Money: an amount comes only from an int, str or Decimal of whole cents, 0 to MAX."""
        result = outcome(lambda: to_money(value, field))
        if not isinstance(result, G287Error):
            expected = money_value(value)
            assert expected is not None, f"{value!r} was accepted as {result!r}"
            assert result == expected
            assert money_ok(result)

    @fuzz(200)
    @given(value=maybe(COUNTS), field=st.one_of(st.just("officers"), ANY))
    def test_to_count(self, value: Any, field: Any) -> None:
        """A count comes only from an int (not bool) from 0 to MAX_COUNT, unchanged."""
        result = outcome(lambda: to_count(value, field))
        if not isinstance(result, G287Error):
            assert is_count(value)
            assert result == value


# --- awards and reimbursement ----------------------------------------------------------------

AWARD_CALLS = faulty(
    st.builds(
        lambda leads, rest: {**leads, **rest},
        st.one_of(LEADS, st.just({"located": 0, "provided": 0})),
        st.fixed_dictionaries(
            {
                "officers": strategies.officers,
                "quarter": VALID_QUARTERS,
                "policy": VALID_POLICY_ARGS,
                "assistance_satisfactory": st.booleans(),
            }
        ),
    ),
    {
        "located": COUNTS,
        "provided": COUNTS,
        "officers": COUNTS,
        "quarter": QUARTER_ARGS,
        "policy": POLICIES,
    },
)


class TestQuarterlyAward:
    @fuzz(250)
    @given(kwargs=AWARD_CALLS)
    def test_only_valid_inputs_give_an_award(self, kwargs: dict[str, Any]) -> None:
        """R-AWD: an award comes only from valid counts, a quarter in force and a bool judgement."""
        result = outcome(lambda: g287.quarterly_award(**kwargs))
        if isinstance(result, G287Error):
            return
        located, provided, officers = (kwargs[k] for k in ("located", "provided", "officers"))
        satisfactory, policy = kwargs["assistance_satisfactory"], kwargs["policy"]
        assert all(is_count(v) for v in (located, provided, officers))
        assert located <= provided
        assert isinstance(satisfactory, bool)
        assert isinstance(kwargs["quarter"], (FiscalQuarter, str))
        assert policy is None or isinstance(policy, Policy)
        applied = policy if policy is not None else POLICY
        assert result.quarter.start >= applied.effective_from >= R_EFF
        assert result.amount == result.per_officer * officers
        assert money_ok(result.per_officer)
        if not satisfactory or provided == 0:
            assert result.amount == 0
        else:
            assert result.rate == Fraction(located, provided)
        if applied == POLICY and satisfactory and provided > 0:
            expected = {"R-AWD-1": 1000, "R-AWD-2": 750, "R-AWD-3": 500, None: 0}
            assert result.per_officer == expected[_truncated_tier(Fraction(located, provided))]


class TestOvertimeCap:
    @fuzz(200)
    @given(
        kwargs=faulty(
            st.fixed_dictionaries({"annual_salary": VALID_AMOUNTS, "policy": POLICIES}),
            {"annual_salary": AMOUNTS},
        )
    )
    def test_only_a_valid_salary_has_a_cap(self, kwargs: dict[str, Any]) -> None:
        """R-OT: a cap comes only from a valid amount, and is the share rounded down to the cent."""
        result = outcome(lambda: g287.overtime_cap(**kwargs))
        if isinstance(result, G287Error):
            return
        amount = money_value(kwargs["annual_salary"])
        assert amount is not None, f"{kwargs['annual_salary']!r} was accepted"
        assert isinstance(kwargs["policy"], Policy)
        exact = Fraction(amount) * kwargs["policy"].overtime_cap.fraction
        assert Fraction(result) == Fraction(math.floor(exact * 100), 100)
        assert money_ok(result)


REIMBURSEMENT_CALLS = faulty(
    st.fixed_dictionaries(
        {
            "annual_salary": VALID_AMOUNTS,
            "benefits": VALID_AMOUNTS,
            "overtime": VALID_AMOUNTS,
            "fiscal_year": VALID_YEARS,
            "policy": VALID_POLICY_ARGS,
        }
    ),
    {
        "annual_salary": AMOUNTS,
        "benefits": AMOUNTS,
        "overtime": AMOUNTS,
        "fiscal_year": FY_ARGS,
        "policy": POLICIES,
    },
)


class TestAnnualReimbursement:
    @fuzz(200)
    @given(kwargs=REIMBURSEMENT_CALLS)
    def test_only_valid_inputs_give_a_reimbursement(self, kwargs: dict[str, Any]) -> None:
        """R-SAL, R-OT: a total comes only from valid amounts and a fiscal year in force."""
        result = outcome(lambda: g287.annual_reimbursement(**kwargs))
        if isinstance(result, G287Error):
            return
        given_amounts = [kwargs[k] for k in ("annual_salary", "benefits", "overtime")]
        assert None not in map(money_value, given_amounts), f"{given_amounts!r} were accepted"
        fiscal_year, policy = kwargs["fiscal_year"], kwargs["policy"]
        assert isinstance(fiscal_year, (FiscalYear, int, str))
        assert not isinstance(fiscal_year, bool)
        assert policy is None or isinstance(policy, Policy)
        assert result.fiscal_year.start >= R_EFF
        reimbursed = min(result.overtime_claimed, result.overtime_cap)
        assert result.total == result.salary + result.benefits + reimbursed
        assert all(figure_ok(getattr(result, f)) for f in ("total", "overtime_cap"))


# --- the calendar ----------------------------------------------------------------------------


class TestFiscalQuarter:
    @fuzz(200)
    @given(
        kwargs=faulty(
            st.fixed_dictionaries({"fiscal_year": VALID_FY, "quarter": st.integers(1, 4)}),
            {"fiscal_year": NEAR_FY, "quarter": st.integers(-1, 6)},
        )
    )
    def test_constructor(self, kwargs: dict[str, Any]) -> None:
        """A quarter exists only for fiscal years 2-9999 and quarters 1-4, and round-trips."""
        result = outcome(lambda: FiscalQuarter(**kwargs))
        if not isinstance(result, G287Error):
            assert_valid(result)
            assert result.start <= result.end
            assert FiscalQuarter.parse(str(result)) == result

    @fuzz(400)
    @given(text=st.one_of(QUARTER_TEXTS, ANY))
    def test_parse(self, text: Any) -> None:
        """``parse`` accepts only text of the form FY<year> Q<1-4>, the inverse of ``str()``."""
        result = outcome(lambda: FiscalQuarter.parse(text))
        if not isinstance(result, G287Error):
            assert isinstance(text, str)
            squeezed = re.sub(r"[ \t\n\r\x0b\x0c-]", "", text).upper()
            match = re.fullmatch(r"FY([0-9]+)Q([0-9]+)", squeezed)
            assert match is not None, f"{text!r} was read as {result!r}"
            assert match[1].lstrip("0") == str(result.fiscal_year)
            assert match[2].lstrip("0") == str(result.quarter)
            assert_valid(result)
            assert FiscalQuarter.parse(str(result)) == result

    @fuzz(150)
    @given(day=maybe(DATES))
    def test_containing(self, day: Any) -> None:
        """``containing`` takes a plain date and returns the quarter holding it."""
        result = outcome(lambda: FiscalQuarter.containing(day))
        if not isinstance(result, G287Error):
            assert is_day(day)
            assert result.start <= day <= result.end


class TestFiscalYear:
    @fuzz(150)
    @given(year=st.one_of(VALID_FY, NEAR_FY, ANY))
    def test_constructor(self, year: Any) -> None:
        """A fiscal year exists only for years 2-9999, and round-trips through text."""
        result = outcome(lambda: FiscalYear(year))
        if not isinstance(result, G287Error):
            assert_valid(result)
            assert FiscalYear.parse(str(result)) == result
            assert result.days in {365, 366}

    @fuzz(300)
    @given(text=st.one_of(YEAR_TEXTS, ANY))
    def test_parse(self, text: Any) -> None:
        """``parse`` accepts only "FY<year>" or "<year>" text, the inverse of ``str()``."""
        result = outcome(lambda: FiscalYear.parse(text))
        if not isinstance(result, G287Error):
            assert isinstance(text, str)
            squeezed = text.strip(ASCII_SPACE).upper().removeprefix("FY").strip(ASCII_SPACE)
            assert squeezed.isascii()
            assert squeezed.isdigit()
            assert int(squeezed) == result.year
            assert_valid(result)

    @fuzz(150)
    @given(day=maybe(DATES))
    def test_containing(self, day: Any) -> None:
        """``containing`` takes a plain date and returns the fiscal year holding it."""
        result = outcome(lambda: FiscalYear.containing(day))
        if not isinstance(result, G287Error):
            assert is_day(day)
            assert result.start <= day <= result.end


class TestDateRange:
    @fuzz(200)
    @given(
        kwargs=faulty(
            st.tuples(DATES, DATES).map(lambda d: {"start": min(d), "end": max(d)}),
            {"start": DATES, "end": DATES},
        )
    )
    def test_constructor(self, kwargs: dict[str, Any]) -> None:
        """A range exists only between two plain dates in order."""
        result = outcome(lambda: DateRange(**kwargs))
        start, end = kwargs["start"], kwargs["end"]
        if not isinstance(result, G287Error):
            assert is_day(start)
            assert is_day(end)
            assert start <= end
            assert result.days == (end - start).days + 1

    @fuzz(30)
    @given(start=NEAR_DATES, end=NEAR_DATES)
    def test_fiscal_quarters_at_the_calendar_edges(self, start: dt.date, end: dt.date) -> None:
        """The quarters of any range, even one touching date.min or date.max, or an error."""
        span = DateRange(min(start, end), max(start, end))
        result = outcome(span.fiscal_quarters)
        if not isinstance(result, G287Error):
            assert result[0].start <= span.start
            assert span.end <= result[-1].end


# --- the policy ------------------------------------------------------------------------------


class TestPolicyInForce:
    @fuzz(150)
    @given(day=st.one_of(strategies.dates, DATES, ANY))
    def test_only_a_day_under_the_policy_has_one(self, day: Any) -> None:
        """R-EFF: a policy comes back only for a plain date on or after 2025-10-01."""
        result = outcome(lambda: g287.policy_in_force(day))
        if not isinstance(result, G287Error):
            assert is_day(day)
            assert day >= R_EFF
            assert result is POLICY

    @fuzz(150)
    @given(
        kwargs=faulty(
            st.fixed_dictionaries(
                {
                    "day": strategies.dates,
                    "registry": st.lists(POLICIES, min_size=1, max_size=2).map(tuple),
                }
            ),
            {
                "day": DATES,
                "registry": st.one_of(
                    st.tuples(), st.lists(maybe(POLICIES), max_size=2).map(tuple)
                ),
            },
        )
    )
    def test_registry_argument(self, kwargs: dict[str, Any]) -> None:
        """A policy comes back only from a registry (tuple of policies) that covers the day."""
        day, registry = kwargs["day"], kwargs["registry"]
        result = outcome(lambda: g287.policy_in_force(day, registry))
        if not isinstance(result, G287Error):
            assert is_day(day)
            assert isinstance(registry, tuple)
            assert result in registry
            assert result.covers(day)


OPTION_VALUES = [
    o.value for kind in (BandRounding, NoLeads, Headcount, ModelScope, CapProration) for o in kind
]


class TestPolicyChoose:
    @fuzz(200)
    @given(
        kwargs=faulty(
            st.sampled_from(
                [
                    {"interpretation_id": i, "option": o.value}
                    for i, kind in strategies.OPTIONS.items()
                    for o in kind
                ]
            ),
            {
                "interpretation_id": st.sampled_from(sorted(INTERPRETATIONS)),
                "option": st.sampled_from(OPTION_VALUES),
            },
        )
    )
    def test_only_a_real_option_makes_a_variant(self, kwargs: dict[str, Any]) -> None:
        """I-…: a variant comes only from a selectable interpretation and one of its options."""
        interpretation_id, option = kwargs["interpretation_id"], kwargs["option"]
        result = outcome(lambda: POLICY.choose(interpretation_id, option))
        if not isinstance(result, G287Error):
            assert isinstance(interpretation_id, str)
            assert result.choices[interpretation_id] == option
            assert len(g287.policy_diff(POLICY, result)) <= 1
            assert_valid(result)


# --- constructors and attrs.evolve -----------------------------------------------------------


def _texts() -> st.SearchStrategy[str]:
    """Any short text, blank and id-like text included."""
    return st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "\t", "x", "R-OT", "¶7"]))


@st.composite
def award_tiers(draw: st.DrawFn) -> AwardTier:
    """A valid tier: any rule id, a band inside 0-100, any amount."""
    low = draw(st.integers(0, 100))
    high = draw(st.integers(low, 100))
    rule_id = draw(st.from_regex(RULE_ID, fullmatch=True))
    return AwardTier(rule_id, low, high, draw(st.decimals(places=2, min_value=0, max_value=10**6)))


@st.composite
def award_schedules(draw: st.DrawFn) -> AwardSchedule:
    """A valid schedule: one to three ordered, disjoint tiers named R-AWD-1… (so POLICY's rules
    cite them), and any options."""
    n = draw(st.integers(1, 3))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=2 * n, max_size=2 * n, unique=True)))
    cuts.reverse()
    tiers = tuple(
        AwardTier(f"R-AWD-{i + 1}", cuts[2 * i + 1], cuts[2 * i], str(draw(st.integers(0, 5000))))
        for i in range(n)
    )
    return AwardSchedule(
        tiers,
        draw(st.sampled_from(BandRounding)),
        draw(st.sampled_from(NoLeads)),
        draw(st.sampled_from(Headcount)),
    )


SOURCES = st.builds(
    Source, st.text(min_size=1).filter(str.strip), st.just("t"), st.just("p"), DATES, st.just("u")
)
CITATIONS = st.builds(
    Citation,
    st.just(SOURCE),
    st.sampled_from(["¶1", "¶7", "¶12"]),
    st.text(min_size=1, max_size=12).filter(str.strip),
)
RULES = st.sampled_from(POLICY.rules)


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:  # noqa: PLR0911
    """Values of the type ``hint`` (valid or not by the class's own rules)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([strategy_for(a) for a in typing.get_args(hint)])
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategy_for(args[0]), max_size=3).map(tuple)
        return st.tuples(*(strategy_for(a) for a in args))
    if origin is frozenset:
        (arg,) = typing.get_args(hint)
        return st.frozensets(strategy_for(arg), max_size=3)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        type(None): st.none(),
        bool: st.booleans(),
        int: st.integers(-5, 10**4),
        str: _texts(),
        dt.date: DATES,
        Decimal: st.decimals(),
        Fraction: st.fractions(min_value=-2, max_value=2),
        Source: SOURCES,
        Citation: CITATIONS,
        Rule: RULES,
        AwardTier: award_tiers(),
        AwardSchedule: award_schedules(),
        OvertimeCap: st.builds(OvertimeCap, st.fractions(0, 1), st.sampled_from(CapProration)),
    }
    if hint in simple:
        return simple[hint]
    assert isinstance(hint, type), hint
    if issubclass(hint, enum.Enum):
        return st.sampled_from(hint)
    return st.sampled_from(list(VALID[hint]))


def _example_inputs() -> tuple[Agency, tuple[Officer, ...], tuple[PayRecord, ...]]:
    """The bundled example agency, roster and payroll."""
    folder = example_dir()
    data = load_dataset(
        folder / "officers.csv",
        folder / "payroll.csv",
        folder / "leads.csv",
        folder / "agency.json",
    )
    return data.agency, data.officers, data.payroll


AGENCY, OFFICERS, PAYROLL = _example_inputs()

#: A few valid instances of each validated class: the base the constructors and evolve start from.
VALID: dict[type, tuple[Any, ...]] = {
    FiscalYear: (FiscalYear(2026), FiscalYear(2), FiscalYear(9999)),
    FiscalQuarter: (FiscalQuarter(2026, 1), FiscalQuarter(9999, 4), FiscalQuarter(2, 1)),
    DateRange: (DateRange(R_EFF, dt.date(2026, 9, 30)), DateRange(dt.date.min, dt.date.max)),
    Source: (SOURCE,),
    Citation: tuple(r.citation for r in POLICY.rules[:3]),
    Rule: POLICY.rules[:3],
    Interpretation: tuple(INTERPRETATIONS.values())[:3],
    AwardTier: POLICY.award_schedule.tiers,
    AwardSchedule: (POLICY.award_schedule,),
    OvertimeCap: (POLICY.overtime_cap, OvertimeCap(Fraction(0), CapProration.BY_ELIGIBLE_DAYS)),
    Policy: (POLICY, POLICY.choose("I-BAND", "half-even")),
    Agency: (AGENCY,),
    Officer: OFFICERS[:3],
    PayRecord: PAYROLL[:3],
    LeadReport: (LeadReport("FY2026 Q1", 50, 45), LeadReport(QUARTERS[3], 0, 0, False)),
}


def _init_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields a class's constructor takes."""
    return [f for f in attrs.fields(cls) if f.init]


def constructor_calls(cls: type) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword arguments for ``cls``: a valid instance's fields, then up to three of them
    replaced by a value of the field's type (valid or not) or anything at all."""
    fields = _init_fields(cls)
    hints = _hints(cls)
    return faulty(
        st.sampled_from(VALID[cls]).map(
            lambda base: {f.alias or f.name: getattr(base, f.name) for f in fields}
        ),
        {f.alias or f.name: strategy_for(hints[f.name]) for f in fields},
        max_faults=3,
    )


#: The value classes validated at construction (inputs, calendar and policy parts).
CONSTRUCTED = [
    FiscalYear,
    FiscalQuarter,
    DateRange,
    AwardTier,
    AwardSchedule,
    OvertimeCap,
    Policy,
    Agency,
    Officer,
    PayRecord,
    LeadReport,
    Source,
    Citation,
    Rule,
    Interpretation,
]


class TestConstructors:
    def test_every_validated_class_is_fuzzed(self) -> None:
        """Every class with a known valid instance has its constructor fuzzed here."""
        assert set(CONSTRUCTED) == set(VALID)

    @pytest.mark.parametrize("cls", CONSTRUCTED, ids=lambda c: c.__name__)
    @fuzz(80)
    @given(data=st.data())
    def test_only_valid_fields_make_an_object(self, cls: type, data: st.DataObject) -> None:
        """A value object is built only from valid fields (types and the class's rules)."""
        kwargs = data.draw(constructor_calls(cls), label="kwargs")
        result = outcome(lambda: cls(**kwargs))
        if not isinstance(result, G287Error):
            assert_valid(result)
            hash(result)

    @pytest.mark.parametrize("cls", CONSTRUCTED, ids=lambda c: c.__name__)
    @fuzz(50)
    @given(data=st.data())
    def test_evolve_revalidates(self, cls: type, data: st.DataObject) -> None:
        """``attrs.evolve`` with one field changed to anything gives a valid object or an error."""
        base = data.draw(st.sampled_from(VALID[cls]), label="base")
        field = data.draw(st.sampled_from(_init_fields(cls)), label="field")
        value = data.draw(st.one_of(strategy_for(_hints(cls)[field.name]), ANY), label="value")
        result = outcome(lambda: attrs.evolve(base, **{field.alias or field.name: value}))
        if not isinstance(result, G287Error):
            assert_valid(result)
            hash(result)


class TestExplanationConstructors:
    @fuzz(150)
    @given(
        rule_id=maybe(_texts()),
        text=maybe(_texts()),
        figure=maybe(_texts()),
        citation=maybe(CITATIONS),
        inputs=st.one_of(
            st.dictionaries(_texts(), ANY, max_size=3),
            st.lists(st.tuples(ANY, ANY), max_size=3),
            ANY,
        ),
    )
    def test_step(self, rule_id: Any, text: Any, figure: Any, citation: Any, inputs: Any) -> None:
        """``Step`` converts its inputs to text pairs, or raises a documented error."""
        result = outcome(lambda: g287.Step(rule_id, text, figure, citation, inputs))
        if not isinstance(result, G287Error):
            assert all(isinstance(k, str) and isinstance(v, str) for k, v in result.inputs), (
                result.inputs
            )

    @fuzz(100)
    @given(
        title=maybe(_texts()),
        figure=maybe(_texts()),
        steps=st.one_of(st.lists(maybe(st.just(None)), max_size=3), ANY),
    )
    def test_explanation(self, title: Any, figure: Any, steps: Any) -> None:
        """``Explanation`` converts its steps to a tuple, or raises a documented error."""
        result = outcome(lambda: g287.Explanation(title, figure, steps))
        if not isinstance(result, G287Error):
            assert isinstance(result.steps, tuple)


# --- claims ----------------------------------------------------------------------------------


def _junk_list(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """``values`` as given, reordered, with an item replaced or duplicated, or anything."""
    items = list(values)
    return st.one_of(
        st.just(items),
        st.just(tuple(items)),
        st.builds(iter, st.just(items)),
        st.permutations(items),
        st.builds(
            lambda i, junk: [*items[:i], junk, *items[i + 1 :]],
            st.integers(0, max(0, len(items) - 1)),
            ANY,
        ),
        st.just(items + items[:1]),
        ANY,
    )


CLAIM_PERIODS = st.one_of(
    periods(),
    st.sampled_from(QUARTERS),
    st.just(FiscalYear(2026)),
    st.sampled_from(
        ["FY2026", "fy2026 q2", "FY2025", "FY2026 Q5", "Q", "FY 2026", "2026", "FY9999"]
    ),
    QUARTER_TEXTS,
    YEAR_TEXTS,
    st.builds(lambda a, b: DateRange(min(a, b), max(a, b)), DATES, DATES),
    ANY,
)


def _check_claim(result: g287.Claim, agency: Any) -> None:
    """Assert what any claim satisfies: R-EFF, one fiscal year, the cap, cents add up."""
    assert isinstance(agency, Agency)
    assert result.period.start >= R_EFF
    assert result.period.end <= result.fiscal_year.end
    assert result.reimbursement == result.salary + result.benefits + result.overtime_reimbursed
    for line in result.lines:
        assert line.overtime_reimbursed <= line.cap
        assert line.overtime_reimbursed + line.overtime_over_cap == line.overtime_claimed
        assert all(figure_ok(getattr(line, f)) for f in ("salary", "benefits", "total"))


@st.composite
def claim_calls(draw: st.DrawFn, *, quarterly: bool) -> dict[str, Any]:
    """Keyword arguments for ``claim`` (or ``quarterly_claim``) of a generated agency: valid,
    then with up to two of them made wrong."""
    s = draw(scenarios(max_officers=3))
    valid: dict[str, Any] = {
        "agency": s.agency,
        "officers": list(s.officers),
        "payroll": list(s.payroll),
        "policy": draw(st.sampled_from([None, POLICY])),
    }
    near: dict[str, st.SearchStrategy[Any]] = {
        "agency": agencies(),
        "officers": _junk_list(s.officers),
        "payroll": _junk_list(s.payroll),
        "policy": POLICIES,
    }
    if quarterly:
        report = draw(st.sampled_from(s.leads))
        valid["leads"] = report
        valid["quarter"] = draw(st.sampled_from([report.quarter, str(report.quarter)]))
        near["leads"] = st.sampled_from(QUARTERS).flatmap(lead_reports)
        near["quarter"] = QUARTER_ARGS
    else:
        valid["period"] = draw(
            st.one_of(
                periods(),
                st.sampled_from([*QUARTERS, FiscalYear(2026), "FY2026", "fy2026 q2"]),
            )
        )
        near["period"] = CLAIM_PERIODS
    return draw(faulty(st.just(valid), near))


class TestClaim:
    @fuzz(60)
    @given(kwargs=claim_calls(quarterly=False))
    def test_only_valid_inputs_make_a_claim(self, kwargs: dict[str, Any]) -> None:
        """A claim comes only from an Agency, officers, pay records and a period under R-EFF."""
        result = outcome(lambda: g287.claim(**kwargs))
        if not isinstance(result, G287Error):
            _check_claim(result, kwargs["agency"])
            assert all(isinstance(o, Officer) for o in kwargs["officers"])

    @fuzz(60)
    @given(kwargs=claim_calls(quarterly=True))
    def test_only_valid_inputs_make_a_quarterly_claim(self, kwargs: dict[str, Any]) -> None:
        """A quarterly claim also needs a LeadReport for the claimed quarter."""
        result = outcome(lambda: g287.quarterly_claim(**kwargs))
        if not isinstance(result, G287Error):
            _check_claim(result, kwargs["agency"])
            leads = kwargs["leads"]
            assert isinstance(leads, LeadReport)
            assert result.quarter == leads.quarter
            assert result.award is not None
            assert result.total == result.reimbursement + result.award.amount


# --- JSON ------------------------------------------------------------------------------------

JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=10),
    st.sampled_from(
        [
            "",
            "NaN",
            "sNaN",
            "Infinity",
            "-1",
            "-0",
            "1e999999999",
            "1E-999999999",
            "12.345",
            "1/0",
            "0/0",
            "-1/3",
            "7/3",
            "1" * 5000 + "/1",
            "2025-02-30",
            "0001-01-01",
            "9999-12-31",
            "2025-10-01T00:00",
            "20251001",
            "FY0 Q1",
            "R-",
            "¶0",
            "TFM",
            "XYZ",
            "truncate",
            SCHEMA,
            "g287/2",
        ]
    ),
    st.sampled_from([10**30, -1, 0, 2**63]),
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=12,
)


def _example_claim() -> g287.Claim:
    """The quarterly claim of the bundled example agency for FY2026 Q1."""
    folder = example_dir()
    data = load_dataset(
        folder / "officers.csv",
        folder / "payroll.csv",
        folder / "leads.csv",
        folder / "agency.json",
    )
    q = FiscalQuarter(2026, 1)
    return g287.quarterly_claim(
        agency=data.agency,
        officers=data.officers,
        payroll=data.payroll,
        leads=data.lead_report(q),
        quarter=q,
    )


CLAIM = _example_claim()
#: One valid document of every type serialize writes; mutations start from these.
BASE_DOCUMENTS: list[dict[str, Any]] = [
    g287.to_dict(x)
    for x in [
        *VALID[FiscalYear],
        *VALID[FiscalQuarter],
        *VALID[DateRange],
        SOURCE,
        *VALID[Citation],
        *VALID[Rule],
        *VALID[Interpretation],
        *VALID[AwardTier],
        *VALID[AwardSchedule],
        *VALID[OvertimeCap],
        *VALID[Policy],
        AGENCY,
        OFFICERS[0],
        PAYROLL[0],
        *VALID[LeadReport],
        g287.quarterly_award(located=45, provided=50, officers=3, quarter="FY2026 Q1"),
        g287.annual_reimbursement(
            annual_salary="60000", benefits="1", overtime="16000", fiscal_year=2026
        ),
        CLAIM,
        CLAIM.lines[0],
        CLAIM.lines[0].explanation,
        CLAIM.lines[0].explanation.steps[0],
    ]
]
TYPE_NAMES = sorted({d["type"] for d in BASE_DOCUMENTS})


def _paths(node: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a node in a JSON tree (dict keys and list indexes)."""
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*here, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*here, i))


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid document with up to three nodes replaced, removed, or added to."""
    document: Any = copy.deepcopy(draw(st.sampled_from(BASE_DOCUMENTS)))
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(list(_paths(document))))
        value = draw(JSON_VALUES)
        if not path:
            document = value
            continue
        *parents, last = path
        parent = document
        for step in parents:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace" or (action == "delete" and isinstance(parent, list)):
            parent[last] = value
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = value
        else:
            parent.append(value)
    return document


DOCUMENTS = st.one_of(
    st.sampled_from(BASE_DOCUMENTS),
    mutated_documents(),
    st.fixed_dictionaries(
        {
            "schema": st.one_of(st.just(SCHEMA), JSON_VALUES),
            "type": st.one_of(st.sampled_from(TYPE_NAMES), JSON_VALUES),
            "data": JSON_VALUES,
        }
    ),
    JSON_VALUES,
)


def _check_loaded(result: Any) -> None:
    """Assert a loaded object is a valid g287 value object that round-trips."""
    assert attrs.has(type(result))
    assert type(result).__name__ in TYPE_NAMES
    assert_valid(result)
    assert g287.loads(g287.dumps(result)) == result


class TestLoads:
    @fuzz(200)
    @given(document=DOCUMENTS)
    def test_from_dict(self, document: Any) -> None:
        """``from_dict`` builds an object only from a well-formed document, or raises."""
        result = outcome(lambda: g287.from_dict(document))
        if not isinstance(result, G287Error):
            _check_loaded(result)

    @fuzz(100)
    @given(
        document=st.one_of(
            st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), JSON_VALUES),
            mutated_documents().map(
                lambda d: {**d, 1: 2} if isinstance(d, dict) else {1: d, "a": d}
            ),
            ANY,
        )
    )
    def test_from_dict_on_python_values(self, document: Any) -> None:
        """``from_dict`` takes any object: non-string keys and non-JSON values are refused."""
        result = outcome(lambda: g287.from_dict(document))
        if not isinstance(result, G287Error):
            _check_loaded(result)

    @fuzz(200)
    @given(
        text=st.one_of(
            DOCUMENTS.map(lambda d: json.dumps(d, ensure_ascii=False)),
            DOCUMENTS.map(lambda d: json.dumps(d).encode()),
            st.text(max_size=50),
            st.binary(max_size=50),
            st.sampled_from(
                [
                    Repeat("[", 100_000),
                    Repeat('{"a":', 50_000),
                    "1" * 5000,
                    '{"schema": "g287/1", "type": "FiscalYear", "data": {"year": 1' + "0" * 5000,
                    "\ufeff{}",
                    b"\xff\xfe{}",
                    b'{"schema": "\xc3\x28"}',
                    "NaN",
                    "1.5",
                ]
            ),
            ANY,
        )
    )
    def test_loads(self, text: Any) -> None:
        """``loads`` reads only a well-formed document, from any text, bytes or object."""
        text = expand(text)
        result = outcome(lambda: g287.loads(text))
        if not isinstance(result, G287Error):
            assert isinstance(text, (str, bytes))
            _check_loaded(result)


class TestWriters:
    @fuzz(100)
    @given(obj=st.one_of(ANY, st.sampled_from([CLAIM, AGENCY, *VALID[Policy]])))
    def test_to_dict_dumps_fingerprint(self, obj: Any) -> None:
        """``to_dict``, ``dumps`` and ``fingerprint`` write only g287 value objects."""
        for write in (g287.to_dict, g287.dumps, g287.fingerprint):
            result = outcome(functools.partial(write, obj))
            if not isinstance(result, G287Error):
                assert attrs.has(type(obj))
                assert type(obj).__name__ in TYPE_NAMES

    @fuzz(50)
    @given(indent=st.one_of(st.none(), st.integers(-2, 8), st.sampled_from(SPECIAL[:30])))
    def test_dumps_indent(self, indent: Any) -> None:
        """``dumps(indent=…)`` takes an int or None; anything else is a documented error."""
        result = outcome(lambda: g287.dumps(FiscalQuarter(2026, 1), indent=indent))
        if not isinstance(result, G287Error):
            assert indent is None or isinstance(indent, (int, str))
            assert g287.loads(result) == FiscalQuarter(2026, 1)


# --- the batch path --------------------------------------------------------------------------

SMALL_COUNTS = st.integers(min_value=0, max_value=60)
COLUMN_LISTS = st.one_of(
    st.lists(SMALL_COUNTS, max_size=5),
    st.lists(maybe(SMALL_COUNTS), max_size=4),
    st.lists(COUNTS, max_size=4),
    ANY,
)


def object_array(values: list[Any]) -> Any:
    """A one-dimensional NumPy array of dtype ``object`` holding ``values`` as they are."""
    array = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        array[i] = value
    return array


NUMPY_COLUMNS = st.one_of(
    hnp.arrays(np.int64, st.integers(0, 5), elements=SMALL_COUNTS),
    hnp.arrays(
        st.sampled_from([np.int8, np.int32, np.uint8, np.uint64, np.int64]),
        st.integers(0, 5),
    ),
    hnp.arrays(hnp.scalar_dtypes(), hnp.array_shapes(min_dims=0, max_dims=2, max_side=4)),
    st.lists(ANY, max_size=3).map(object_array),
    st.sampled_from([[[1], [1, 2]], [1, None], [10**30], [], "abc", {"a": 1}, [True, False]]),
)


def _expected_cents(located: Any, provided: Any, officers: Any, policy: Any) -> list[int] | None:
    """Row by row with ``quarterly_award`` (the slow, obviously right path), or ``None`` if any
    row is refused. The batch path has no dates, so the oracle applies the policy's award rules
    in a quarter it is made to be in force for (its dates are not what is compared)."""
    if isinstance(policy, Policy):
        policy = attrs.evolve(policy, effective_from=dt.date(2025, 10, 1), effective_until=None)
    rows = [list(c) for c in (located, provided)]
    rows.append([1] * len(rows[0]) if officers is None else list(officers))
    if len({len(r) for r in rows}) != 1:
        return None
    out = []
    for n, d, k in zip(*rows, strict=True):
        if not all(isinstance(v, (int, np.integer)) for v in (n, d, k)):
            return None
        award = outcome(
            functools.partial(
                g287.quarterly_award,
                located=int(n),
                provided=int(d),
                officers=int(k),
                quarter="FY2026 Q1",
                policy=policy,
            )
        )
        if isinstance(award, G287Error):
            return None
        out.append(int(award.amount * 100))
    return out


@st.composite
def batch_calls(draw: st.DrawFn, *, numpy: bool) -> dict[str, Any]:
    """Columns of valid rows (lists, tuples or int64 arrays) and a policy; then up to two of
    them made wrong."""
    rows = draw(st.lists(st.tuples(strategies.leads(), strategies.officers), max_size=5))
    columns = [[r[0][0] for r in rows], [r[0][1] for r in rows], [r[1] for r in rows]]
    if numpy:
        made = [np.asarray(c, dtype=np.int64) for c in columns]
        near = st.one_of(NUMPY_COLUMNS, COLUMN_LISTS)
    else:
        kind = draw(st.sampled_from([list, tuple]))
        made = [kind(c) for c in columns]
        near = COLUMN_LISTS
    valid = {
        "located": made[0],
        "provided": made[1],
        "officers": draw(st.sampled_from([made[2], None])),
        "policy": draw(chosen_policies()),
    }
    wrong = {
        "located": st.one_of(near, _junk_list(tuple(columns[0]))),
        "provided": st.one_of(near, _junk_list(tuple(columns[1]))),
        "officers": st.one_of(near, _junk_list(tuple(columns[2]))),
        "policy": POLICIES,
    }
    return draw(faulty(st.just(valid), wrong))


def _call_batch(kwargs: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """Call ``award_cents``; return its outcome and the columns as they were (an iterator is
    read once, so it is saved first and given to the call as a fresh iterator)."""
    saved = dict(kwargs)
    for name in ("located", "provided", "officers"):
        if isinstance(kwargs[name], Iterator):
            saved[name] = list(kwargs[name])
            kwargs[name] = iter(saved[name])
    result = outcome(lambda: award_cents(**kwargs))
    return result, saved


class TestAwardCents:
    @fuzz(150)
    @given(kwargs=batch_calls(numpy=False))
    def test_lists(self, kwargs: dict[str, Any]) -> None:
        """A column of awards comes only from int columns of one length, each row valid, and
        agrees with ``quarterly_award`` row by row."""
        result, given_columns = _call_batch(kwargs)
        if not isinstance(result, G287Error):
            policy = given_columns["policy"]
            assert isinstance(policy, Policy)
            for name in ("located", "provided", "officers"):
                column = given_columns[name]
                if column is not None:
                    assert not isinstance(column, (str, bytes))
                    assert all(type(v) is int or isinstance(v, Five) for v in column), column
            expected = _expected_cents(
                given_columns["located"],
                given_columns["provided"],
                given_columns["officers"],
                policy,
            )
            assert expected is not None, "a figure from an invalid row"
            assert list(result) == expected

    @fuzz(150)
    @given(kwargs=batch_calls(numpy=True))
    def test_numpy_arrays(self, kwargs: dict[str, Any]) -> None:
        """NumPy columns of a non-integer dtype or shape are refused; integer ones agree with
        ``quarterly_award`` row by row."""
        result, given_columns = _call_batch(kwargs)
        if not isinstance(result, G287Error):
            policy = given_columns["policy"]
            assert isinstance(policy, Policy)
            for name in ("located", "provided", "officers"):
                column = given_columns[name]
                if isinstance(column, np.ndarray):
                    assert column.ndim == 1
                    assert column.dtype.kind in "iu"
            expected = _expected_cents(
                given_columns["located"],
                given_columns["provided"],
                given_columns["officers"],
                policy,
            )
            assert expected is not None, "a figure from an invalid row"
            assert [int(v) for v in result] == expected


# --- data files ------------------------------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "T-1",
            "TFM",
            "jem",
            "XYZ",
            "2025-10-01",
            "2025-10-14",
            "2025-02-30",
            "2025-10-01T00:00",
            "72000.00",
            "1e3",
            "-5",
            "0.001",
            "FY2026 Q1",
            "FY2026 Q" + "1" * 5000,
            "yes",
            "no",
            "maybe",
            "45",
            "50",
            "1" * 5000,
            "\u00b2",
            "\u0663",
            "\x00",
        ]
    ),
    DIGITS,
    st.text(max_size=10),
)
ALL_COLUMNS = sorted(
    {
        *g287.dataio.OFFICER_COLUMNS,
        *g287.dataio.PAYROLL_COLUMNS,
        *g287.dataio.LEAD_COLUMNS,
        "extra",
    }
)


#: Valid rows of each file, distinct from one another (ids, quarters), to start from.
GOOD_ROWS: dict[tuple[str, ...], list[dict[str, str]]] = {
    g287.dataio.OFFICER_COLUMNS: [
        {"officer_id": "T-1", "model": "TFM", "trained_on": "2025-08-01",
         "annual_salary": "72000.00", "separated_on": ""},
        {"officer_id": "J 2", "model": "jem", "trained_on": "2025-11-15",
         "annual_salary": "0", "separated_on": "2026-01-31"},
        {"officer_id": "é", "model": "WSO", "trained_on": "2024-01-01",
         "annual_salary": "999999999999.99", "separated_on": "2024-01-01"},
    ],
    g287.dataio.PAYROLL_COLUMNS: [
        {"officer_id": "T-1", "period_start": "2025-09-21", "period_end": "2025-10-04",
         "salary": "2769.23", "benefits": "858.46", "overtime": "310.00"},
        {"officer_id": "T-1", "period_start": "2025-10-05", "period_end": "2025-10-18",
         "salary": "2769.23", "benefits": "858.46", "overtime": "0"},
        {"officer_id": "T-2", "period_start": "2026-09-30", "period_end": "2026-09-30",
         "salary": "1", "benefits": ".5", "overtime": "12."},
    ],
    g287.dataio.LEAD_COLUMNS: [
        {"quarter": "FY2026 Q1", "provided": "50", "located": "45",
         "assistance_satisfactory": "yes"},
        {"quarter": "fy2026-q2", "provided": "0", "located": "0", "assistance_satisfactory": ""},
        {"quarter": "FY2030 Q4", "provided": "7", "located": "7",
         "assistance_satisfactory": "No"},
    ],
}  # fmt: skip


@st.composite
def csv_texts(draw: st.DrawFn, columns: tuple[str, ...]) -> str:
    """A CSV: valid rows with the columns in any order; then up to three cells damaged, and now
    and then a stray column or row."""
    header = draw(st.permutations(columns))
    templates = draw(st.lists(st.sampled_from(range(3)), unique=True, max_size=3))
    rows = [[GOOD_ROWS[columns][i].get(c, "") for c in header] for i in templates]
    if draw(st.integers(0, 5)) == 0:
        header = draw(st.lists(st.sampled_from(ALL_COLUMNS), max_size=7))
    for _ in range(draw(st.one_of(st.just(0), st.integers(1, 3)))):
        if rows:
            row = draw(st.sampled_from(rows))
            if row:
                row[draw(st.integers(0, len(row) - 1))] = draw(CELLS)
    if draw(st.integers(0, 5)) == 0:
        rows.append(draw(st.lists(CELLS, max_size=8)))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def file_contents(columns: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """File contents: half the time a structured CSV; else one with a stray quote, raw text or
    bytes, or a known awkward file."""
    return st.one_of(
        csv_texts(columns),
        st.one_of(
            csv_texts(columns).map(lambda t: t.replace(",", '"', 1)),
            st.text(max_size=80),
            st.binary(max_size=80),
            st.sampled_from(["", "\ufeff", "\x00", '"', "a,b\n" * 3, Repeat("x", 200_000)]),
        ),
    )


AGENCY_TEXTS: st.SearchStrategy[Any] = st.one_of(
    st.fixed_dictionaries(
        {
            "id": st.one_of(st.sampled_from(["A", " ", ""]), JSON_VALUES),
            "name": st.one_of(st.just("County"), JSON_VALUES),
            "agreement_date": st.one_of(
                st.sampled_from(["2025-08-15", "2025-02-30", ""]), JSON_VALUES
            ),
            "models": st.one_of(
                st.lists(st.sampled_from(["JEM", "TFM", "WSO", "tfm", "X"])), JSON_VALUES
            ),
        }
    ).map(json.dumps),
    JSON_VALUES.map(json.dumps),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.sampled_from(
        [
            Repeat("[", 100_000),
            Repeat("1", 5000, '{"id": ', "}"),
            '{"id": "A", "name": "B", "agreement_date": "2025-08-15", "models": NaN}',
            "\ufeff{}",
        ]
    ),
)


def _write(path: Path, content: str | bytes | Repeat) -> Path:
    """Write ``content`` (text as UTF-8) to ``path``."""
    data = expand(content)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the files the fuzzers write (shared by every example)."""
    return tmp_path_factory.mktemp("fuzz")


READERS: dict[str, tuple[Callable[[Path], Any], tuple[str, ...]]] = {
    "officers": (read_officers, g287.dataio.OFFICER_COLUMNS),
    "payroll": (read_payroll, g287.dataio.PAYROLL_COLUMNS),
    "leads": (read_leads, g287.dataio.LEAD_COLUMNS),
}


class TestDataFiles:
    @pytest.mark.parametrize("kind", sorted(READERS))
    @fuzz(100)
    @given(data=st.data())
    def test_csv_readers(self, workdir: Path, kind: str, data: st.DataObject) -> None:
        """A CSV reader returns valid objects, or raises DataError, whatever the file holds."""
        read, columns = READERS[kind]
        path = _write(workdir / f"{kind}.csv", data.draw(file_contents(columns), label="file"))
        result = outcome(lambda: read(path))
        if not isinstance(result, G287Error):
            assert isinstance(result, tuple)
            for item in result:
                assert_valid(item)

    @fuzz(150)
    @given(content=AGENCY_TEXTS)
    def test_read_agency(self, workdir: Path, content: str | bytes | Repeat) -> None:
        """The agency reader returns a valid Agency, or raises DataError."""
        path = _write(workdir / "agency.json", content)
        result = outcome(lambda: read_agency(path))
        if not isinstance(result, G287Error):
            assert_valid(result)

    @fuzz(60)
    @given(data=st.data())
    def test_load_dataset(self, workdir: Path, data: st.DataObject) -> None:
        """``load_dataset`` cross-checks four files: a valid Dataset, or DataError."""
        folder = example_dir()
        paths = {}
        for kind, name in (
            ("officers", "officers.csv"),
            ("payroll", "payroll.csv"),
            ("leads", "leads.csv"),
            ("agency", "agency.json"),
        ):
            if data.draw(st.integers(0, 3), label=f"damage {kind}") == 0:
                content = (
                    data.draw(AGENCY_TEXTS, label=kind)
                    if kind == "agency"
                    else data.draw(file_contents(READERS[kind][1]), label=kind)
                )
                paths[kind] = _write(workdir / f"dataset-{name}", content)
            else:
                paths[kind] = folder / name
        result = outcome(lambda: load_dataset(**paths))
        if not isinstance(result, G287Error):
            assert isinstance(result, Dataset)
            assert_valid(result.agency)
            ids = {o.id for o in result.officers}
            assert all(r.officer_id in ids for r in result.payroll)
            assert all(o.model in result.agency.models for o in result.officers)

    @fuzz(40)
    @given(
        name=st.one_of(
            st.sampled_from(["", ".", "missing.csv", "a\x00b", "x" * 300, "fuzz"]),
            st.text(max_size=10).filter(lambda s: "/" not in s),
        )
    )
    def test_paths(self, workdir: Path, name: str) -> None:
        """A missing file, a folder or an impossible path name is a DataError, not an OSError."""
        path = f"{workdir}/{name}"
        for read in (read_officers, read_payroll, read_leads, read_agency):
            result = outcome(functools.partial(read, path))
            if not isinstance(result, G287Error):
                assert isinstance(result, (tuple, Agency))


# --- methods that take user values -----------------------------------------------------------


class TestMethods:
    @fuzz(150)
    @given(rule_id=st.one_of(st.sampled_from([*sorted(INTERPRETATIONS), "R-OT", "R-X"]), ANY))
    def test_policy_rule_and_citation(self, rule_id: Any) -> None:
        """``Policy.rule`` and ``Policy.citation`` find a rule or interpretation id, or raise."""
        rule = outcome(lambda: POLICY.rule(rule_id))
        if not isinstance(rule, G287Error):
            assert rule.id == rule_id
        citation = outcome(lambda: POLICY.citation(rule_id))
        if not isinstance(citation, G287Error):
            assert isinstance(rule_id, str)
            assert rule_id in INTERPRETATIONS or rule_id == citation_rule_id(citation)

    @fuzz(150)
    @given(day=maybe(DATES), what=maybe(_texts()))
    def test_policy_covers(self, day: Any, what: Any) -> None:
        """``Policy.covers`` and ``require_in_force`` take a date; anything else is refused."""
        covered = outcome(lambda: POLICY.covers(day))
        if not isinstance(covered, G287Error):
            assert is_day(day)
            assert covered == (day >= R_EFF)
        outcome(lambda: POLICY.require_in_force(day, what))

    @fuzz(150)
    @given(
        rate=RATES,
        percent=maybe(st.integers(-5, 105)),
        schedule=st.one_of(st.just(POLICY.award_schedule), award_schedules()),
    )
    def test_award_schedule_lookups(self, rate: Any, percent: Any, schedule: AwardSchedule) -> None:
        """``AwardSchedule.percent`` and ``tier_for_percent`` take a rate and a whole percent."""
        placed = outcome(lambda: schedule.percent(rate))
        if not isinstance(placed, G287Error):
            assert isinstance(rate, (Fraction, int))
            assert 0 <= placed <= 100
        tier = outcome(lambda: schedule.tier_for_percent(percent))
        if not isinstance(tier, G287Error):
            assert is_count(percent)
            assert 0 <= percent <= 100
            assert tier is None or percent in tier

    @fuzz(150)
    @given(other=maybe(st.builds(lambda a, b: DateRange(min(a, b), max(a, b)), DATES, DATES)))
    def test_date_range_intersection(self, other: Any) -> None:
        """``DateRange.intersection`` takes another range; anything else is refused."""
        span = DateRange(R_EFF, dt.date(2026, 9, 30))
        result = outcome(lambda: span.intersection(other))
        if not isinstance(result, G287Error):
            assert isinstance(other, DateRange)
        assert (other in span) == (is_day(other) and R_EFF <= other <= dt.date(2026, 9, 30))

    @fuzz(20)
    @given(
        period=st.sampled_from(
            [*VALID[FiscalQuarter], *VALID[FiscalYear], FiscalQuarter(2, 4), FiscalYear(9998)]
        )
    )
    def test_next_and_previous_at_the_calendar_edges(
        self, period: FiscalQuarter | FiscalYear
    ) -> None:
        """``next``/``previous`` past year 2 or 9999 raise a documented error."""
        for step in (period.next, period.previous):
            result = outcome(step)
            if not isinstance(result, G287Error):
                assert_valid(result)

    @fuzz(100)
    @given(officer_id=st.one_of(st.sampled_from([o.id for o in OFFICERS]), ANY), quarter=ANY)
    def test_claim_line_and_lead_report(self, officer_id: Any, quarter: Any) -> None:
        """``Claim.line`` and ``Dataset.lead_report`` find what they are asked, or raise."""
        line = outcome(lambda: CLAIM.line(officer_id))
        if not isinstance(line, G287Error):
            assert line.officer_id == officer_id
        dataset = Dataset(AGENCY, OFFICERS, PAYROLL, VALID[LeadReport])
        report = outcome(lambda: dataset.lead_report(quarter))
        if not isinstance(report, G287Error):
            assert report.quarter == quarter


def citation_rule_id(citation: Citation) -> str:
    """The id of the POLICY rule a citation belongs to."""
    (rule,) = (r for r in POLICY.rules if r.citation == citation)
    return rule.id


# --- inputs that once broke, or nearly did: run every time, not left to chance --------------

Q4301 = "FY2026 Q" + "1" * 4301  # a quarter number longer than int() converts


def _call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
    """``function`` with its arguments, to call later."""
    return functools.partial(function, *args, **kwargs)


AWARD = {"located": 45, "provided": 50, "officers": 3}
HARD_CALLS = [
    pytest.param(_call(FiscalQuarter.parse, Q4301), id="FiscalQuarter.parse-q4301"),
    pytest.param(_call(g287.quarterly_award, **AWARD, quarter=Q4301), id="quarterly_award-q4301"),
    pytest.param(_call(LeadReport, Q4301, 1, 1), id="LeadReport-q4301"),
    pytest.param(_call(FiscalYear.parse, "2" * 5000), id="FiscalYear.parse-5000-digits"),
    pytest.param(_call(to_money, "0" * 5000 + "1", "x"), id="to_money-leading-zeros"),
    pytest.param(_call(to_money, Decimal("sNaN"), "x"), id="to_money-sNaN"),
    pytest.param(_call(to_money, Decimal("1e-30"), "x"), id="to_money-1e-30"),
    pytest.param(_call(g287.location_rate, located=Five.FIVE, provided=10), id="rate-IntEnum"),
    pytest.param(_call(Agency, "A", "B", R_EFF, [[1]]), id="Agency-models-unhashable"),
    pytest.param(_call(Agency, "A", "B", R_EFF, [Model.TASK_FORCE, {}]), id="Agency-models-dict"),
    pytest.param(_call(POLICY.choose, [], "x"), id="Policy.choose-unhashable-id"),
    pytest.param(_call(g287.policy_in_force, R_EFF, None), id="policy_in_force-registry-None"),
    pytest.param(_call(g287.policy_in_force, R_EFF, (1,)), id="policy_in_force-registry-int"),
    pytest.param(
        _call(g287.from_dict, {**g287.to_dict(FiscalYear(2026)), 1: 2}),
        id="from_dict-int-key",
    ),
    pytest.param(
        _call(g287.from_dict, {"schema": SCHEMA, "type": "FiscalYear", "data": {1: 2, "a": 3}}),
        id="from_dict-int-key-in-data",
    ),
    pytest.param(_call(g287.dumps, FiscalYear(2026), indent=1.5), id="dumps-indent-float"),
    pytest.param(_call(award_cents, np.array([1, 2]), [[1], [1, 2]]), id="award_cents-ragged"),
    pytest.param(_call(award_cents, [1], [2], policy=None), id="award_cents-policy-None"),
    pytest.param(_call(g287.Step, "R-OT", "t", "f", POLICY.citation("R-OT"), 5), id="Step-5"),
    pytest.param(_call(g287.Explanation, "t", "f", None), id="Explanation-None"),
    pytest.param(
        _call(Interpretation, "I-X", "q", "d", "R-OT", alternatives=[["a"]]),
        id="Interpretation-alternatives-list",
    ),
    pytest.param(_call(Interpretation, "I-X", "q", "d", "R-OT", option=5), id="Interpretation-5"),
    pytest.param(_call(POLICY.citation, []), id="Policy.citation-unhashable"),
    pytest.param(_call(POLICY.covers, 5), id="Policy.covers-int"),
    pytest.param(_call(POLICY.award_schedule.tier_for_percent, 101), id="tier_for_percent-101"),
    pytest.param(_call(VALID[DateRange][0].intersection, 5), id="DateRange.intersection-int"),
    pytest.param(_call(read_agency, "a\x00b"), id="read_agency-NUL-in-path"),
]
#: Files that once broke a reader, or nearly did.
HARD_FILES = [
    pytest.param(
        "leads", "quarter,provided,located\nFY2026 Q1," + "1" * 5000 + ",1\n", id="leads-count"
    ),
    pytest.param("leads", f"quarter,provided,located\n{Q4301},5,1\n", id="leads-q4301"),
    pytest.param("leads", "quarter,provided,located\nFY2026 Q1,\u00b2,1\n", id="leads-sup2"),
    pytest.param("agency", Repeat("[", 100_000), id="agency-deep-nesting"),
    pytest.param("agency", Repeat("1", 5000, '{"id": ', "}"), id="agency-huge-int"),
    pytest.param(
        "agency",
        '{"id": "A", "name": "B", "agreement_date": "2025-08-15", "models": NaN}',
        id="agency-NaN",
    ),
    pytest.param(
        "officers",
        "officer_id,model,trained_on,annual_salary\nT,TFM,2025-08-01,1e3\n",
        id="officers-exponent",
    ),
    pytest.param("payroll", Repeat("x", 200_000, "officer_id\n"), id="payroll-huge-field"),
]


class TestHardInputs:
    @pytest.mark.parametrize("call", HARD_CALLS)
    def test_calls(self, call: Callable[[], Any]) -> None:
        """A known awkward call returns a valid result or raises a documented error."""
        result = outcome(call)
        if attrs.has(type(result)):
            assert_valid(result)
            hash(result)

    @pytest.mark.parametrize(("kind", "content"), HARD_FILES)
    def test_files(self, workdir: Path, kind: str, content: str | Repeat) -> None:
        """A known awkward file is read into valid objects or refused with DataError."""
        read = read_agency if kind == "agency" else READERS[kind][0]
        result = outcome(functools.partial(read, _write(workdir / f"hard-{kind}", content)))
        for item in result if isinstance(result, tuple) else [result]:
            if attrs.has(type(item)):
                assert_valid(item)


# --- the command line ------------------------------------------------------------------------

#: Argument text: anything a shell could pass (no NUL: an OS argument cannot hold one).
ARG_TEXT = st.one_of(
    st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(
        [
            "",
            " ",
            "45",
            "50",
            "-1",
            "1e3",
            "FY2026 Q1",
            "FY2025 Q4",
            "FY2026 Q" + "1" * 5000,
            "FY10000 Q1",
            "60000",
            "60000.001",
            "9" * 5000,
            "\u00b2",
            "FY2026",
            "2026",
            "10" * 3000,
            "--json",
            "--",
            "-",
        ]
    ),
)

#: Each subcommand's options: the valid values to start from, and whether each takes a value.
CLI: dict[str, dict[str, list[str] | None]] = {
    "tiers": {"--json": None},
    "award": {
        "--located": ["45", "0", "41"],
        "--provided": ["50", "0"],
        "--officers": ["12", "0"],
        "--quarter": ["FY2026 Q1", "fy2030-q4"],
        "--assistance-unsatisfactory": None,
        "--json": None,
    },
    "cap": {"--salary": ["60000", "50000.01", "0"], "--json": None},
    "reimburse": {
        "--salary": ["60000"],
        "--benefits": ["20000"],
        "--overtime": ["18000"],
        "--fiscal-year": ["FY2026", "2027"],
        "--json": None,
    },
    "claim": {
        "--example": None,
        "--officers": ["officers.csv", "fuzz-officers.csv"],
        "--payroll": ["payroll.csv", "fuzz-payroll.csv"],
        "--leads": ["leads.csv", "fuzz-leads.csv"],
        "--agency": ["agency.json", "fuzz-agency.json"],
        "--quarter": ["FY2026 Q1", "FY2026 Q2", "FY2026 Q4"],
        "--format": ["table", "csv", "json"],
    },
}


#: Nearly valid values of each option that takes one.
NEAR_VALUES: dict[str, st.SearchStrategy[str]] = {
    "--located": DIGITS,
    "--provided": DIGITS,
    "--officers": st.one_of(DIGITS, st.sampled_from(["fuzz-officers.csv", "."])),
    "--quarter": QUARTER_TEXTS,
    "--salary": AMOUNT_TEXTS,
    "--benefits": AMOUNT_TEXTS,
    "--overtime": AMOUNT_TEXTS,
    "--fiscal-year": YEAR_TEXTS,
    "--payroll": st.sampled_from(["fuzz-payroll.csv", "officers.csv", "missing.csv", "."]),
    "--leads": st.sampled_from(["fuzz-leads.csv", "payroll.csv", "missing\nleads.csv"]),
    "--agency": st.sampled_from(["fuzz-agency.json", "leads.csv", "missing.json"]),
    "--format": st.sampled_from(["", "JSON", "xml"]),
}


@st.composite
def argvs(draw: st.DrawFn, command: str) -> list[str]:
    """A command line for one subcommand: every option with a valid value, in any order; then up
    to three faults (an option dropped, a value replaced by arbitrary text, a stray argument)."""
    options = sorted(CLI[command])
    if command == "claim":  # either the bundled example or all four files
        files = {"--officers", "--payroll", "--leads", "--agency"}
        omit = draw(st.sampled_from([files, {"--example"}]))
        options = [o for o in options if o not in omit]
    pairs: list[list[str]] = []
    for option in draw(st.permutations(options)):
        values = CLI[command][option]
        pairs.append([option] if values is None else [option, draw(st.sampled_from(values))])
    for _ in range(draw(st.one_of(st.just(0), st.integers(1, 3)))):
        fault = draw(st.sampled_from(["drop", "value", "value", "stray"]))
        i = draw(st.integers(0, len(pairs) - 1))
        if fault == "drop":
            pairs[i] = []
        elif fault == "value" and len(pairs[i]) == 2:
            pairs[i][1] = draw(st.one_of(ARG_TEXT, NEAR_VALUES.get(pairs[i][0], ARG_TEXT)))
        else:
            pairs.insert(i, [draw(ARG_TEXT)])
    return [command, *(token for pair in pairs for token in pair)]


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Run ``g287.cli.main(argv)``; return the exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status: object = main(argv)
        except SystemExit as exc:  # argparse: --help, --version (0) or a usage error (2)
            status = exc.code
    assert status in {0, 1, 2}, f"exit status {status!r}"
    if currently_in_test_context():  # --hypothesis-show-statistics counts the outcomes
        event(f"exit {status}")
    return int(status or 0), out.getvalue(), err.getvalue()


def check_cli(argv: list[str]) -> None:
    """Exit 0 quietly on stderr; or exit 1 with one stderr line; or exit 2 from argparse."""
    status, out, err = run_cli(argv)
    if status == 0:
        assert err == "", err
        assert out
        if argv[0] in {"tiers", "award", "cap", "reimburse"} and "--json" in argv:
            json.loads(out)
    elif status == 1:
        assert out == "", out
        assert err.endswith("\n")
        assert err.count("\n") == 1, f"stderr is not one line: {err!r}"
        assert err.startswith(f"g287 {argv[0]}: error: "), err
    else:
        assert status == 2
        assert out == ""
        assert err


@pytest.fixture(scope="module")
def cli_dir(workdir: Path) -> Path:
    """A folder holding the example data set's files, plus damaged ones written per example."""
    folder = workdir / "cli"
    folder.mkdir()
    for source in example_dir().iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


AWARD_ARGS = ["--located", "45", "--provided", "50", "--officers", "3"]
REIMBURSE_ARGS = ["--salary", "60000", "--benefits", "0", "--overtime", "0"]
FILES = ["--officers", "officers.csv", "--payroll", "payroll.csv", "--leads", "leads.csv"]
#: Command lines that once broke, or nearly did: run every time, not left to chance.
HARD_ARGVS = [
    pytest.param(["award", *AWARD_ARGS, "--quarter", "FY2026 Q" + "1" * 4301], id="award-q4301"),
    pytest.param(
        ["award", *AWARD_ARGS[:-1], "1" * 5000, "--quarter", "FY2026 Q1"], id="award-n5000"
    ),
    pytest.param(["award", *AWARD_ARGS[:-1], "\u00b2", "--quarter", "FY2026 Q1"], id="award-sup2"),
    pytest.param(["award", *AWARD_ARGS, "--quarter", "FY10000 Q1"], id="award-fy10000"),
    pytest.param(["award", *AWARD_ARGS, "--quarter", "FY2025 Q4", "--json"], id="award-r-eff"),
    pytest.param(["cap", "--salary", "9" * 5000], id="cap-5000-digits"),
    pytest.param(["cap", "--salary", "1e3"], id="cap-exponent"),
    pytest.param(["cap", "--salary", "-0", "--json"], id="cap-minus-zero"),
    pytest.param(
        ["reimburse", *REIMBURSE_ARGS, "--fiscal-year", "2" * 5000], id="reimburse-fy5000"
    ),
    pytest.param(["reimburse", *REIMBURSE_ARGS, "--fiscal-year", "FY0"], id="reimburse-fy0"),
    pytest.param(["claim", "--example", "--quarter", "FY2026 Q" + "1" * 4301], id="claim-q4301"),
    pytest.param(["claim", "--example", "--quarter", "FY2027 Q1"], id="claim-no-leads"),
    pytest.param(["claim", "--example", "--officers", "officers.csv"], id="claim-example-and-file"),
    pytest.param(
        ["claim", *FILES, "--agency", "missing\nagency.json", "--quarter", "FY2026 Q1"],
        id="claim-newline-in-agency-path",
    ),
    pytest.param(
        ["claim", *FILES[:-1], "missing\nleads.csv", "--agency", "agency.json", "--quarter", "Q1"],
        id="claim-newline-in-leads-path",
    ),
]


class TestCli:
    @pytest.mark.parametrize("argv", HARD_ARGVS)
    def test_hard_cases(self, cli_dir: Path, argv: list[str]) -> None:
        """Known awkward command lines exit 0, 1 (one stderr line) or 2."""
        with contextlib.chdir(cli_dir):
            check_cli(argv)

    @pytest.mark.parametrize("command", ["tiers", "award", "cap", "reimburse"])
    @fuzz(100)
    @given(data=st.data())
    def test_subcommands(self, command: str, data: st.DataObject) -> None:
        """Every subcommand exits 0, 1 (one stderr line) or 2, whatever its arguments."""
        check_cli(data.draw(argvs(command), label="argv"))

    @fuzz(60, shrink=False)
    @given(data=st.data())
    def test_claim(self, cli_dir: Path, data: st.DataObject) -> None:
        """``g287 claim`` exits 0, 1 (one stderr line) or 2, whatever its files and arguments."""
        for kind, (_read, columns) in READERS.items():
            _write(cli_dir / f"fuzz-{kind}.csv", data.draw(file_contents(columns), label=kind))
        _write(cli_dir / "fuzz-agency.json", data.draw(AGENCY_TEXTS, label="agency"))
        argv = data.draw(argvs("claim"), label="argv")
        with contextlib.chdir(cli_dir):
            check_cli(argv)

    @fuzz(120)
    @given(
        argv=st.lists(
            st.one_of(st.sampled_from([*sorted(CLI), "--version", "-h", "--help"]), ARG_TEXT),
            max_size=6,
        )
    )
    def test_arbitrary_argv(self, cli_dir: Path, argv: list[str]) -> None:
        """Any argument list at all: exit 0, 1 (one stderr line) or 2."""
        with contextlib.chdir(cli_dir):
            status, out, err = run_cli(argv)
        if status == 1:
            assert out == ""
            assert err.count("\n") == 1, f"stderr is not one line: {err!r}"
        elif status == 2:
            assert out == ""
            assert err
        else:
            assert status == 0
            assert err == ""
