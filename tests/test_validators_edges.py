"""The shared attrs validator factories, applied to fresh classes so each built check is exercised.

The library's own classes build their validators once, at import; these tests build new ones so
that every branch and every message of the factories is pinned.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from g287 import SOURCE, Citation, InvalidInputError, InvalidTypeError, PolicyError, Rule
from g287 import _validators as check
from g287._validators import Validator
from g287.policy import _rule


def probe(validator: Validator) -> Any:
    """A fresh attrs class whose one field, ``value``, is checked by ``validator``.

    Built while the test runs (not at import), so the factory under test runs inside the test.
    """

    @attrs.frozen
    class Checked:
        value: Any = attrs.field(validator=validator)

    return Checked


def as_count(value: Any) -> Any:
    """A probe with an int field (a bool must not pass)."""
    return probe(check.instance_of(int, "a whole number"))(value)


def as_flag(value: Any) -> Any:
    """A probe whose kinds include bool, so a bool passes."""
    return probe(check.instance_of((bool, str), "a flag or text"))(value)


def as_label(value: Any) -> Any:
    """A probe with a text field using the default error for an empty one."""
    return probe(check.text())(value)


def as_policy_label(value: Any) -> Any:
    """A probe with a text field that raises PolicyError for an empty one."""
    return probe(check.text(PolicyError))(value)


class TestInstanceOfFactory:
    def test_accepts_the_kind(self) -> None:
        """A value of the kind passes unchanged."""
        assert as_count(7).value == 7

    def test_bool_refused_for_a_number(self) -> None:
        """A bool is not a number: refused naming field, value, type and want."""
        with pytest.raises(InvalidTypeError) as info:
            as_count(True)
        assert str(info.value) == "value: True is a bool; expected a whole number"

    def test_other_type_refused(self) -> None:
        """A value of another type is refused naming its type and the want."""
        with pytest.raises(InvalidTypeError) as info:
            as_count("7")
        assert str(info.value) == "value: '7' is a str; expected a whole number"

    def test_bool_accepted_when_the_kinds_include_bool(self) -> None:
        """A tuple of kinds that includes bool lets a bool through, and its other kinds too."""
        assert as_flag(False).value is False
        assert as_flag("yes").value == "yes"

    def test_tuple_of_kinds_refuses_the_rest(self) -> None:
        """A tuple of kinds still refuses a value of none of them."""
        with pytest.raises(InvalidTypeError) as info:
            as_flag(1)
        assert str(info.value) == "value: 1 is a int; expected a flag or text"

    def test_shared_boolean_validator(self) -> None:
        """The shared boolean check refuses an int standing in for a flag."""
        attribute = attrs.fields(probe(check.boolean)).value
        check.boolean(None, attribute, True)
        with pytest.raises(InvalidTypeError) as info:
            check.boolean(None, attribute, 1)
        assert str(info.value) == "value: 1 is a int; expected True or False"


class TestTextFactory:
    def test_accepts_text(self) -> None:
        """Text with a visible character passes."""
        assert as_label(" a ").value == " a "

    def test_non_text_refused(self) -> None:
        """A non-string is a type error naming its type."""
        with pytest.raises(InvalidTypeError) as info:
            as_label(3)
        assert str(info.value) == "value: 3 is a int; expected text"

    def test_blank_text_is_invalid_input_by_default(self) -> None:
        """Only spaces is empty: InvalidInputError (not the PolicyError subclass) by default."""
        with pytest.raises(InvalidInputError) as info:
            as_label("  ")
        assert type(info.value) is InvalidInputError
        assert str(info.value) == "value: '  ' is empty; expected text"

    def test_blank_text_raises_the_chosen_error(self) -> None:
        """The factory's error class is the one raised for an empty value."""
        with pytest.raises(PolicyError) as info:
            as_policy_label("")
        assert str(info.value) == "value: '' is empty; expected text"


class TestDateValidators:
    def test_datetime_refused(self) -> None:
        """A datetime is not a plain date, and the error names the field."""
        with pytest.raises(InvalidTypeError) as info:
            check.to_date(dt.datetime(2026, 1, 1), "when")  # noqa: DTZ001 - a naive value on purpose
        assert str(info.value) == (
            "when: datetime.datetime(2026, 1, 1, 0, 0) is a datetime; expected a datetime.date"
        )

    def test_optional_date_accepts_none_and_refuses_text(self) -> None:
        """None passes the optional check; text does not."""
        attribute = attrs.fields(probe(check.optional_date)).value
        check.optional_date(None, attribute, None)
        check.optional_date(None, attribute, dt.date(2026, 1, 1))
        with pytest.raises(InvalidTypeError, match=r"^value: '2026-01-01' is a str;"):
            check.optional_date(None, attribute, "2026-01-01")


class TestRuleBuilder:
    def test_default_locator_is_paragraph_seven(self) -> None:
        """The built-in rules cite ¶7 unless told otherwise, quoting SOURCE."""
        rule = _rule("R-X", "Title", "Statement.", "a quote")
        assert rule == Rule("R-X", "Title", "Statement.", Citation(SOURCE, "\u00b67", "a quote"))

    def test_locator_given(self) -> None:
        """A locator given is the one cited."""
        assert _rule("R-X", "T", "S", "q", "\u00b68").citation.locator == "\u00b68"
