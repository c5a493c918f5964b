"""The primary source: every citation quotes it verbatim, and the policy's numbers come from it."""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.resources
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from g287 import INTERPRETATIONS, POLICY, SOURCE, Rule

NAME = "dhs-287g-release-2025-09-18.txt"
REPO_ROOT = Path(__file__).resolve().parents[1]


def paragraphs(text: str) -> list[str]:
    """The source's paragraphs: its non-empty lines, in order (¶1 is index 0)."""
    return [line for line in text.splitlines() if line.strip()]


def paragraph(paras: list[str], locator: str) -> str:
    """The paragraph a locator such as '¶7' names."""
    match = re.fullmatch(r"¶([1-9][0-9]*)", locator)
    assert match is not None, locator
    number = int(match[1])
    assert number <= len(paras), f"{locator} is past the last paragraph (¶{len(paras)})"
    return paras[number - 1]


@pytest.fixture(scope="module")
def shipped_text() -> str:
    """The copy of the source that ships inside the package."""
    return (importlib.resources.files("g287") / "data" / NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def paras(shipped_text: str) -> list[str]:
    return paragraphs(shipped_text)


class TestShippedCopy:
    def test_matches_the_shared_source(self, shipped_text: str) -> None:
        """The copy in the package is byte for byte the project's primary source text."""
        shared = REPO_ROOT.parent / "shared" / "source" / NAME
        if not shared.exists():
            pytest.skip(f"{shared} is not present in this checkout")
        packaged = importlib.resources.files("g287") / "data" / NAME
        assert packaged.read_bytes() == shared.read_bytes()
        assert shipped_text == shared.read_text(encoding="utf-8")

    def test_first_paragraph_is_the_release(self, paras: list[str]) -> None:
        """¶1 carries the release's date and headline, as SOURCE records them."""
        assert SOURCE.date.isoformat() in paras[0]
        assert SOURCE.title in paras[0]


class TestCitationsAreVerbatim:
    @pytest.mark.parametrize("rule", POLICY.rules, ids=lambda r: r.id)
    def test_quote_stands_in_its_paragraph(self, paras: list[str], rule: Rule) -> None:
        """Each rule's quote appears verbatim in the paragraph its locator names."""
        assert rule.citation.source == SOURCE
        assert rule.citation.quote in paragraph(paras, rule.citation.locator)

    def test_every_cited_rule_of_every_interpretation(self, paras: list[str]) -> None:
        """Every interpretation reads a rule whose quote stands in the source."""
        for interpretation in INTERPRETATIONS.values():
            citation = POLICY.citation(interpretation.id)
            assert citation.quote in paragraph(paras, citation.locator), interpretation.id


class TestNumbersComeFromTheSource:
    def test_effective_date(self, paras: list[str]) -> None:
        """R-EFF: the date in “Starting October 1, 2025, …” is the policy's first day."""
        quote = POLICY.citation("R-EFF").quote
        match = re.match(r"Starting (\w+) (\d{1,2}), (\d{4}),", quote)
        assert match is not None
        month = list(calendar.month_name).index(match[1])
        assert dt.date(int(match[3]), month, int(match[2])) == POLICY.effective_from
        assert quote in paragraph(paras, "¶6")

    def test_overtime_percent(self) -> None:
        """R-OT: the percent in “overtime coverage up to 25% of …” is the cap fraction."""
        quote = POLICY.citation("R-OT").quote
        match = re.search(r"up to (\d+)% of the officer’s annual salary", quote)
        assert match is not None
        assert Fraction(int(match[1]), 100) == POLICY.overtime_cap.fraction

    def test_award_tiers(self) -> None:
        """R-AWD-1..3: each tier's band and amount are the ones its quoted sentence states."""
        pattern = r"(\d+)% - (\d+)% - \$([\d,]+) per eligible task force officer"
        for tier in POLICY.award_schedule.tiers:
            match = re.fullmatch(pattern, POLICY.citation(tier.rule_id).quote)
            assert match is not None, tier.rule_id
            assert (tier.low, tier.high) == (int(match[1]), int(match[2]))
            assert tier.amount == Decimal(match[3].replace(",", ""))

    def test_all_published_tiers_are_encoded(self, paras: list[str]) -> None:
        """Every “N% - M% - $X per eligible task force officer” in the source is a tier."""
        pattern = r"(\d+)% - (\d+)% - \$([\d,]+) per eligible task force officer"
        published = {
            (int(low), int(high), Decimal(amount.replace(",", "")))
            for para in paras
            for low, high, amount in re.findall(pattern, para)
        }
        encoded = {(t.low, t.high, t.amount) for t in POLICY.award_schedule.tiers}
        assert published == encoded
