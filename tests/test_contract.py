"""The value-object contract, for every public attrs class of g287.

DESIGN §3: "Every value object is ``@attrs.frozen``, validated at construction, hashable, picklable,
with a readable repr." Every public object "pickles, deep-copies, hashes consistently with
equality and survives a JSON round trip unchanged".

The classes are found from the public API (``g287.__all__`` and the ``__all__`` of each public
submodule), and :data:`REGISTRY` must hold a Hypothesis strategy for each one, so a class added
later cannot be skipped silently.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import pickle
import pkgutil
from collections.abc import Iterator
from fractions import Fraction
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import g287
import strategies
from claim_strategies import (
    QUARTERS,
    adjustment_records,
    adjustments,
    agencies,
    continued_claims,
    filed_lines,
    filed_records,
    filings,
    fiscal_years_filed,
    lead_reports,
    officers,
    pay_records,
    periods,
    scenarios,
)
from g287 import (
    AwardResult,
    AwardTier,
    Citation,
    Claim,
    DateRange,
    Explanation,
    FiscalQuarter,
    FiscalYear,
    Interpretation,
    Interpretations,
    InvalidTypeError,
    Model,
    NoLeads,
    OfficerLine,
    Option,
    Policy,
    ReimbursementResult,
    Rule,
    Source,
    Step,
)
from g287.dataio import Dataset

CONTRACT = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# --- finding the public classes --------------------------------------------------------------


def public_modules() -> Iterator[ModuleType]:
    """``g287`` and each of its public submodules (not ``_private`` ones, not ``__main__``)."""
    yield g287
    for info in pkgutil.iter_modules(g287.__path__):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"g287.{info.name}")


def attrs_classes(module: ModuleType) -> set[type]:
    """The attrs classes a module exports in ``__all__`` (a module without one exports none)."""
    found = set()
    for name in getattr(module, "__all__", ()):
        obj = getattr(module, name)
        if isinstance(obj, type) and attrs.has(obj):
            found.add(obj)
    return found


TOP_LEVEL = attrs_classes(g287)
PUBLIC = set().union(*(attrs_classes(m) for m in public_modules()))

# --- a strategy for every class --------------------------------------------------------------

#: Printable text (what a policy's texts must be), not blank.
NON_BLANK = st.text(
    st.characters(
        exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"),
        include_characters=" ",
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")
RULE_IDS = st.from_regex(r"R-[A-Z]+(?:-[0-9A-Z]+)*", fullmatch=True)
ANY_FY = st.integers(min_value=2, max_value=9999)


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Any inclusive range, from one day to the whole calendar."""
    a, b = draw(st.dates()), draw(st.dates())
    return DateRange(min(a, b), max(a, b))


SOURCES = st.builds(Source, NON_BLANK, NON_BLANK, NON_BLANK, st.dates(), NON_BLANK)
CITATIONS = st.builds(
    Citation, SOURCES, st.integers(1, 10**6).map(lambda n: f"\u00b6{n}"), NON_BLANK
)
RULES = st.builds(Rule, RULE_IDS, NON_BLANK, NON_BLANK, CITATIONS)
OPTIONS = st.builds(Option, NON_BLANK, NON_BLANK)
INTERPRETATIONS = st.one_of(
    st.sampled_from(list(g287.INTERPRETATIONS.values())),
    st.builds(
        Interpretation,
        st.from_regex(r"I-[A-Z]+", fullmatch=True),
        NON_BLANK,
        NON_BLANK,
        RULE_IDS,
    ),
    st.builds(
        Interpretation,
        st.from_regex(r"I-[A-Z]+", fullmatch=True),
        NON_BLANK,
        NON_BLANK,
        RULE_IDS,
        NON_BLANK,
        st.lists(OPTIONS, min_size=1, max_size=3).map(tuple),
    ),
)
CATALOGUES = st.lists(INTERPRETATIONS, max_size=4, unique_by=lambda i: i.id).map(
    lambda items: Interpretations(tuple(items))
)


@st.composite
def award_tiers(draw: st.DrawFn) -> AwardTier:
    """A tier with any rule id, a band inside 0-100 and any amount (as int, str or Decimal)."""
    low = draw(st.integers(0, 100))
    high = draw(st.integers(low, 100))
    amount, _cents = draw(strategies.money_inputs())
    return AwardTier(draw(RULE_IDS), low, high, amount)


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A policy variant (strategies.policies) with another name and period now and then."""
    policy = draw(strategies.policies())
    if draw(st.booleans()):
        start = draw(st.dates(dt.date(2025, 10, 1), dt.date(2030, 1, 1)))
        until = draw(st.none() | st.dates(start, dt.date(2040, 1, 1)))
        policy = attrs.evolve(
            policy, name=draw(NON_BLANK), effective_from=start, effective_until=until
        )
    if draw(st.booleans()):
        policy.fingerprint  # noqa: B018 - fill the cache: it must not change equality or hashing
    return policy


STEPS = st.builds(
    Step,
    st.text(max_size=10),
    st.text(max_size=20),
    st.text(max_size=10),
    CITATIONS,
    st.one_of(
        st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
        st.lists(st.tuples(st.text(max_size=5), st.text(max_size=5)), max_size=3),
    ),
)
EXPLANATIONS = st.builds(
    Explanation, st.text(max_size=10), st.text(max_size=10), st.lists(STEPS, max_size=3)
)


@st.composite
def award_results(draw: st.DrawFn) -> AwardResult:
    """What ``quarterly_award`` gives for any valid leads, officers, quarter and policy."""
    located, provided = draw(st.one_of(strategies.leads(), st.just((0, 0))))
    policy = draw(strategies.chosen_policies())
    if provided == 0 and policy.no_leads is NoLeads.ERROR:
        provided = 1
    return g287.quarterly_award(
        located=located,
        provided=provided,
        task_force_officers=draw(strategies.officers),
        quarter=draw(strategies.fiscal_quarters),
        policy=policy,
        assistance_satisfactory=draw(st.booleans()),
    )


@st.composite
def reimbursements(draw: st.DrawFn) -> ReimbursementResult:
    """What ``annual_reimbursement`` gives for any valid amounts and fiscal year."""
    return g287.annual_reimbursement(
        annual_salary=draw(strategies.money_inputs(strategies.salary_cents))[0],
        benefits=draw(strategies.money_inputs(strategies.salary_cents))[0],
        overtime=draw(strategies.money_inputs(strategies.salary_cents))[0],
        fiscal_year=draw(strategies.fiscal_years),
        policy=draw(st.none() | strategies.policies()),
    )


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """A period claim or a quarterly claim (with its award) of a generated agency, or a
    quarterly claim continuing earlier filings (with prior filings and adjustments). The
    generated payroll's missing days mean nothing was paid on them, as the claim states
    (``assume_no_earlier_overtime``)."""
    kind = draw(st.sampled_from(["period", "quarter", "continued"]))
    if kind == "continued":
        return draw(continued_claims(strategies.chosen_policies()))
    s = draw(scenarios(max_officers=2))
    policy = draw(st.none() | strategies.chosen_policies())
    if kind == "period":
        return g287.claim(
            agency=s.agency,
            officers=s.officers,
            payroll=s.payroll,
            period=draw(periods()),
            policy=policy,
            allow_empty=True,
            assume_no_earlier_overtime=True,
        )
    report = draw(st.sampled_from(s.leads))
    if report.provided == 0 and policy is not None:
        policy = policy.choose("I-BELOW", "no-award")
    return g287.quarterly_claim(
        agency=s.agency,
        officers=s.officers,
        payroll=s.payroll,
        leads=report,
        quarter=report.quarter,
        policy=policy,
        allow_empty=True,
        assume_no_earlier_overtime=True,
    )


#: A strategy for every public attrs class. Adding a public class means adding it here.
REGISTRY: dict[type, st.SearchStrategy[Any]] = {
    FiscalYear: st.builds(FiscalYear, ANY_FY),
    FiscalQuarter: st.builds(FiscalQuarter, ANY_FY, st.integers(1, 4)),
    DateRange: date_ranges(),
    Source: SOURCES,
    Citation: CITATIONS,
    Rule: RULES,
    Interpretation: INTERPRETATIONS,
    Option: OPTIONS,
    Interpretations: CATALOGUES,
    AwardTier: award_tiers(),
    Policy: policies(),
    Step: STEPS,
    Explanation: EXPLANATIONS,
    AwardResult: award_results(),
    ReimbursementResult: reimbursements(),
    g287.Agency: agencies(),
    g287.Officer: st.sampled_from(["T-1", "officer.7", "x_9"]).flatmap(
        lambda officer_id: officers(officer_id, list(Model))
    ),
    g287.PayRecord: st.one_of(pay_records("T-1").flatmap(st.sampled_from), adjustment_records()),
    g287.Payroll: st.tuples(pay_records("T-1"), st.lists(adjustment_records(), max_size=2)).map(
        lambda drawn: g287.Payroll.of([*drawn[0], *drawn[1]])
    ),
    g287.LeadReport: st.sampled_from(QUARTERS).flatmap(lead_reports),
    Claim: claims(),
    OfficerLine: claims()
    .filter(lambda c: len(c.lines) > 0)
    .flatmap(lambda c: st.sampled_from(c.lines)),
    g287.Filing: filings(strategies.chosen_policies()),
    g287.FiledLine: filed_lines(),
    g287.filings.FiledRecord: filed_records(),
    g287.Adjustment: adjustments(),
    g287.FiscalYearClaims: fiscal_years_filed(strategies.chosen_policies()),
    Dataset: scenarios(max_officers=2).map(
        lambda s: Dataset(s.agency, s.officers, s.payroll, s.leads)
    ),
}

#: Classes g287's JSON does not write (each checked to be refused, not silently mangled).
JSON_UNSUPPORTED: tuple[type, ...] = (Dataset,)

CLASSES = sorted(REGISTRY, key=lambda c: c.__name__)
#: The classes whose every drawn example takes a whole claim or more to draw (a claim, a line of
#: one, several claims, a filing of one): drawn fewer times, as the contract is about their
#: shape, which every example has.
OF_CLAIMS: frozenset[type] = frozenset(
    c for c in CLASSES if c.__name__ in {"Claim", "OfficerLine", "FiscalYearClaims", "Filing"}
)


def ids(cls: type) -> str:
    """The test id of a class: its name."""
    return cls.__name__


class TestRegistry:
    def test_public_classes_are_found(self) -> None:
        """The public API exports the value objects DESIGN §4 names, and they are attrs classes."""
        names = {cls.__name__ for cls in TOP_LEVEL}
        assert TOP_LEVEL
        assert {
            "Policy",
            "AwardTier",
            "Interpretation",
            "Interpretations",
            "FiscalQuarter",
        } <= names
        assert {"FiscalYear", "DateRange", "Claim", "AwardResult", "ReimbursementResult"} <= names
        assert {"Agency", "Officer", "PayRecord", "LeadReport", "Explanation", "Step"} <= names

    def test_every_public_class_has_a_strategy(self) -> None:
        """REGISTRY has a strategy for exactly the public attrs classes: none is skipped."""
        assert TOP_LEVEL <= PUBLIC
        assert set(REGISTRY) == PUBLIC, {
            "missing": sorted(c.__name__ for c in PUBLIC - set(REGISTRY)),
            "not public": sorted(c.__name__ for c in set(REGISTRY) - PUBLIC),
        }


class TestContract:
    """DESIGN §3's contract, checked on the same drawn objects (drawing claims is the slow part)."""

    @pytest.mark.parametrize("cls", [c for c in CLASSES if c not in OF_CLAIMS], ids=ids)
    @CONTRACT
    @given(data=st.data())
    def test_value_object(self, cls: type, data: st.DataObject) -> None:
        """Pickle (every protocol), copy and deepcopy give equal objects that hash alike;
        equality is reflexive and typed; evolve without changes is equal; fields cannot be set
        or deleted; repr names the class on one line; JSON round trips (where JSON applies)."""
        self.check(cls, data)

    @pytest.mark.parametrize("cls", [c for c in CLASSES if c in OF_CLAIMS], ids=ids)
    @settings(CONTRACT, max_examples=10)
    @given(data=st.data())
    def test_value_object_made_of_claims(self, cls: type, data: st.DataObject) -> None:
        """The same contract for the results made of whole claims (a claim, a fiscal year's
        claims, a filing), drawn fewer times: each draw is a claim or four."""
        self.check(cls, data)

    def check(self, cls: type, data: st.DataObject) -> None:
        """The value-object contract on two drawn instances of ``cls``."""
        x = data.draw(REGISTRY[cls], label="x")
        y = data.draw(REGISTRY[cls], label="y")
        duplicates = [
            pickle.loads(pickle.dumps(x, p)) for p in range(2, pickle.HIGHEST_PROTOCOL + 1)
        ]
        duplicates += [copy.deepcopy(x), copy.copy(x), attrs.evolve(x)]
        for duplicate in duplicates:
            assert type(duplicate) is cls
            assert duplicate == x
            assert hash(duplicate) == hash(x)
        assert x == x  # noqa: PLR0124 - reflexivity is the point
        assert x != object()
        if x == y:
            assert hash(x) == hash(y)
        before = copy.deepcopy(x)
        for field in attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(x, field.name, getattr(x, field.name))
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(x, field.name)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            x.not_a_field = 1
        assert x == before
        text = repr(x)
        assert text.startswith(f"{cls.__name__}(")
        assert text.endswith(")")
        assert "\n" not in text
        if cls in JSON_UNSUPPORTED:
            with pytest.raises(InvalidTypeError):
                g287.dumps(x)
        else:
            document = g287.dumps(x)
            back = g287.loads(document)
            assert type(back) is cls
            assert (back, hash(back)) == (x, hash(x))
            assert g287.dumps(back) == document
            assert g287.from_dict(g287.to_dict(x)) == x

    @CONTRACT
    @given(policy=policies())
    def test_fingerprint_cache_is_not_state(self, policy: Policy) -> None:
        """A policy's cached fingerprint changes neither its equality nor its hash."""
        before = copy.deepcopy(policy)
        assert policy.fingerprint == before.fingerprint
        fresh = attrs.evolve(policy)
        assert (policy, hash(policy)) == (fresh, hash(fresh))
        assert (policy, hash(policy)) == (before, hash(before))

    def test_rate_stays_exact(self) -> None:
        """The rate of an award result comes back from JSON as the exact Fraction."""
        result = g287.quarterly_award(
            located=2, provided=3, task_force_officers=1, quarter="FY2026 Q1"
        )
        back = g287.loads(g287.dumps(result))
        assert back.rate == Fraction(2, 3)
        assert type(back.rate) is Fraction
