"""Shared Hypothesis strategies for the g287 tests.

Oracles here are written independently of the code under test: amounts are built from whole
cents by text, counts and leads from plain integers, and policy variants only through the public
ways of making one (:meth:`g287.Policy.choose` and :func:`attrs.evolve`).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import strategies as st

from g287 import (
    POLICY,
    BandRounding,
    CapProration,
    FiscalQuarter,
    FiscalYear,
    Headcount,
    ModelScope,
    NoLeads,
    Policy,
)

#: The first fiscal year under the policy (R-EFF: from 2025-10-01, the start of FY2026).
FIRST_FY = 2026
#: The last fiscal year the strategies draw; far enough out to cover many leap years.
LAST_FY = 2100
#: ``MAX_MONEY`` ($999,999,999,999.99) in cents, written out rather than taken from the code.
MAX_CENTS = 99_999_999_999_999

#: Every selectable interpretation and the enum of its options, written out from DESIGN §2.
OPTIONS: dict[str, type[enum.Enum]] = {
    "I-BAND": BandRounding,
    "I-BELOW": NoLeads,
    "I-HEAD": Headcount,
    "I-MODEL": ModelScope,
    "I-CAPPRO": CapProration,
}


def dec(cents: int) -> Decimal:
    """A two-place ``Decimal`` built from whole cents by text (an oracle, not ``from_cents``)."""
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    return Decimal(f"{sign}{dollars}.{rest:02d}")


# --- money and counts -------------------------------------------------------------------------

#: Any amount g287 accepts, in cents ($0.00 to MAX_MONEY).
cents = st.integers(min_value=0, max_value=MAX_CENTS)
#: A plausible annual salary, benefits or overtime figure in cents ($0.00 to $10,000,000.00).
salary_cents = st.integers(min_value=0, max_value=1_000_000_000)
#: Amounts in cents, small and huge alike.
amount_cents = st.one_of(salary_cents, cents)


@st.composite
def money_texts(draw: st.DrawFn, of: st.SearchStrategy[int] = amount_cents) -> tuple[str, int]:
    """A money string in one of the spellings g287 accepts, with the cents it means."""
    value = draw(of)
    dollars, rest = divmod(value, 100)
    spellings = [f"{dollars}.{rest:02d}", f" {dollars}.{rest:02d} ", f"0{dollars}.{rest:02d}"]
    if rest % 10 == 0:
        spellings.append(f"{dollars}.{rest // 10}")
    if rest == 0:
        spellings += [f"{dollars}", f"{dollars}.", f"{dollars}.000"]
    return draw(st.sampled_from(spellings)), value


@st.composite
def money_inputs(
    draw: st.DrawFn, of: st.SearchStrategy[int] = amount_cents
) -> tuple[int | str | Decimal, int]:
    """An amount as ``int``, ``str`` or ``Decimal`` (each a type g287 accepts), with its cents."""
    text, value = draw(money_texts(of))
    kinds: list[int | str | Decimal] = [text, dec(value), Decimal(text.strip())]
    if value % 100 == 0:
        kinds.append(value // 100)
    return draw(st.sampled_from(kinds)), value


#: A count of people or officers.
counts = st.integers(min_value=0, max_value=10**6)
#: A count of eligible task force officers.
officers = st.integers(min_value=0, max_value=100_000)
#: A count of leads ICE provided in a quarter (at least one); small counts are drawn often.
provided_counts = st.one_of(
    st.integers(min_value=1, max_value=200), st.integers(min_value=1, max_value=10**6)
)


@st.composite
def leads(draw: st.DrawFn) -> tuple[int, int]:
    """A ``(located, provided)`` pair with ``0 <= located <= provided`` and ``provided >= 1``."""
    provided = draw(provided_counts)
    located = draw(
        st.one_of(
            st.integers(min_value=0, max_value=provided),
            # rates at and next to a band edge: 70%, 80%, 90% and 100%
            st.sampled_from([70, 80, 90, 100]).flatmap(
                lambda pct: st.sampled_from(
                    [min(provided, max(0, (pct * provided + 99) // 100 + d)) for d in (-1, 0, 1)]
                )
            ),
        )
    )
    return located, provided


#: A location rate in [0, 1] as an exact fraction.
rates = st.fractions(min_value=0, max_value=1, max_denominator=10**6)

# --- calendar ---------------------------------------------------------------------------------

fiscal_year_numbers = st.integers(min_value=FIRST_FY, max_value=LAST_FY)
fiscal_years = st.builds(FiscalYear, fiscal_year_numbers)
fiscal_quarters = st.builds(FiscalQuarter, fiscal_year_numbers, st.integers(1, 4))
#: Days on which the policy is in force, FY2026 to FY2100.
dates = st.dates(min_value=dt.date(FIRST_FY - 1, 10, 1), max_value=dt.date(LAST_FY, 9, 30))
#: Days before the policy starts (R-EFF).
dates_before = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 9, 30))


@st.composite
def quarter_texts(draw: st.DrawFn) -> tuple[str, FiscalQuarter]:
    """A fiscal quarter spelled any way :meth:`FiscalQuarter.parse` accepts, with the quarter."""
    fy = draw(fiscal_year_numbers)
    q = draw(st.integers(1, 4))
    fy_word = draw(st.sampled_from(["FY", "fy", "Fy", "fY"]))
    q_word = draw(st.sampled_from(["Q", "q"]))
    sep = draw(st.sampled_from(["", " ", "-", "  ", " - "]))
    pad = draw(st.sampled_from(["", " "]))
    return f"{pad}{fy_word}{fy}{sep}{q_word}{q}{pad}", FiscalQuarter(fy, q)


# --- policies ---------------------------------------------------------------------------------


@st.composite
def chosen_policies(draw: st.DrawFn) -> Policy:
    """:data:`POLICY` with any combination of interpretation options (via ``Policy.choose``)."""
    policy = POLICY
    for interpretation_id, kind in OPTIONS.items():
        option = draw(st.sampled_from([o.value for o in kind]))
        policy = policy.choose(interpretation_id, option)
    return policy


#: An overtime cap as a share of salary, 0 to 1.
cap_fractions = st.fractions(min_value=0, max_value=1, max_denominator=1000)


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A valid policy variant: chosen options, another cap share, other tier amounts."""
    policy = draw(chosen_policies())
    if draw(st.booleans()):
        policy = with_cap(policy, draw(cap_fractions))
    if draw(st.booleans()):
        amounts = [dec(draw(st.integers(0, 1_000_000))) for _ in policy.tiers]
        policy = with_tier_amounts(policy, *amounts)
    return policy


def with_cap(policy: Policy, fraction: Fraction) -> Policy:
    """``policy`` with another overtime cap share of salary, made with :func:`attrs.evolve`."""
    return attrs.evolve(policy, overtime_share=fraction)


def with_tier_amounts(policy: Policy, *amounts: str | Decimal) -> Policy:
    """``policy`` with other per-officer amounts, highest tier first."""
    tiers = tuple(attrs.evolve(t, amount=a) for t, a in zip(policy.tiers, amounts, strict=True))
    return attrs.evolve(policy, tiers=tiers)
