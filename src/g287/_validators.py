"""Converters and attrs validators shared by the value objects.

A converter takes what a caller may pass for one kind of value and returns the one type g287
works with, or raises an error naming the field, the value and what was expected. Each kind has
one converter, used by every constructor and function that takes that kind.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from .errors import InvalidInputError, InvalidTypeError

T = TypeVar("T")

#: The longest identifier accepted (officer and agency ids).
MAX_ID: Final = 64
_ID_CHARACTERS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
)
_PLAIN_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", re.ASCII)
#: Unicode categories refused in names: control, format, surrogate, private-use, unassigned,
#: line and paragraph separators. They can hide or rewrite text on a screen or in a report.
_HIDDEN: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

#: The largest count accepted (leads, officers): far above any agency's, small enough that
#: every award stays exact.
MAX_COUNT: Final = 10**9


class Value:
    """Base of g287's value objects: one ``repr``, equality and hash for all of them.

    Each class is ``@attrs.frozen(repr=False, eq=False)`` and inherits these three, which read
    the class's attrs fields as attrs' own would (fields marked ``eq=False`` or ``repr=False``
    are left out). attrs then need not generate and compile them for each class when ``g287`` is
    imported: that was two fifths of the cost of building a class.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        shown = (
            f"{a.name}={getattr(self, a.name)!r}"
            for a in attrs.fields(type(self))  # type: ignore[arg-type]
            if a.repr
        )
        return f"{type(self).__name__}({', '.join(shown)})"

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, a.name) for a in type(self).__attrs_attrs__ if a.eq)  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__qualname__, *self._key()))


class Ordered(Value):
    """A :class:`Value` ordered by its fields, in order (as attrs' ``order=True`` would be)."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._key() >= other._key()


def type_error(field: str, value: object, expected: str) -> InvalidTypeError:
    """``field: <value> is a <type>; expected <expected>``."""
    return InvalidTypeError.about(field, value, f"is a {type(value).__name__}; expected {expected}")


def to_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a plain ``date`` (not a ``datetime``); raise otherwise."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise type_error(field, value, "a datetime.date")
    return value


def to_optional_date(value: object, field: str) -> dt.date | None:
    """:func:`to_date`, or ``None``."""
    return None if value is None else to_date(value, field)


def to_count(value: object, field: str) -> int:
    """Return ``value`` as a non-negative ``int`` count, refusing ``bool``, ``float`` and the rest.

    >>> to_count(12, "officers")
    12
    >>> to_count(True, "officers")
    Traceback (most recent call last):
    ...
    g287.errors.InvalidTypeError: officers: True is a bool; expected a whole number (int) >= 0
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise type_error(field, value, "a whole number (int) >= 0")
    if value < 0:
        raise InvalidInputError.about(field, value, "is negative; expected a whole number >= 0")
    if value > MAX_COUNT:
        raise InvalidInputError.about(field, value, f"is too large; expected at most {MAX_COUNT}")
    return int(value)


def code_points(characters: str) -> str:
    """Characters named by code point: ``U+200B ZERO WIDTH SPACE, U+0422 …``."""
    named = dict.fromkeys(characters)  # each once, in order
    return ", ".join(f"U+{ord(c):04X} {_name(c)}" for c in named)


def _name(character: str) -> str:
    """A character's Unicode name, or for those without one (controls…) its kind."""
    kind = _NAMELESS.get(unicodedata.category(character), "<unnamed>")
    return unicodedata.name(character, kind)


_NAMELESS: Final = {
    "Cc": "<control>",
    "Cs": "<surrogate>",
    "Co": "<private use>",
    "Cn": "<unassigned>",
}


def to_id(value: object, field: str) -> str:
    r"""An identifier (an officer's or agency's id): NFKC-normalised plain ASCII.

    After Unicode NFKC normalisation (so a full-width ``Ｔ－０１`` is ``T-01``), an id is 1 to
    :data:`MAX_ID` ASCII letters, digits, ``.``, ``_`` and ``-``, starting with a letter or digit.
    Anything else — a zero width space, a Cyrillic ``Т`` that looks like a Latin ``T``, a control
    character — is refused, naming the code points, so no id can pass for another.

    >>> to_id("Ｔ－０１", "officer_id")
    'T-01'
    >>> to_id("T-01\u200b", "officer_id")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    g287.errors.InvalidInputError: officer_id: 'T-01\u200b' contains U+200B ZERO WIDTH SPACE; ...
    """
    if type(value) is str and value.isascii() and _PLAIN_ID.fullmatch(value):
        return value  # the hot path: ASCII is its own NFKC form
    if not isinstance(value, str):
        raise type_error(field, value, "an id (text)")
    text = unicodedata.normalize("NFKC", value)
    odd = [c for c in text if c not in _ID_CHARACTERS]
    if odd:
        raise InvalidInputError.about(
            field,
            value,
            f"contains {code_points(''.join(odd))}; "
            "expected ASCII letters, digits, '.', '_' and '-'",
        )
    if not text:
        raise InvalidInputError.about(field, value, "is empty; expected an id")
    if len(text) > MAX_ID:
        raise InvalidInputError.about(
            field, value, f"is {len(text)} characters long; expected at most {MAX_ID}"
        )
    if not text[0].isalnum():
        raise InvalidInputError.about(field, value, "does not start with a letter or digit")
    return text


def to_name(value: object, field: str) -> str:
    """A name (an agency's): any printable text, but no control or format characters."""
    text = to_text(value, field)
    hidden = [c for c in text if unicodedata.category(c) in _HIDDEN]
    if hidden:
        raise InvalidInputError.about(
            field, value, f"contains {code_points(''.join(hidden))}; expected printable text"
        )
    return text


def to_bool(value: object, field: str) -> bool:
    """Return ``value`` if it is ``True`` or ``False``; raise otherwise."""
    if not isinstance(value, bool):
        raise type_error(field, value, "True or False")
    return value


def to_text(value: object, field: str) -> str:
    """A string with something other than spaces in it."""
    if not isinstance(value, str):
        raise type_error(field, value, "text")
    if not value.strip():
        raise InvalidInputError.about(field, value, "is empty; expected text")
    return value


def instance(value: object, kind: type[T], field: str, expected: str) -> T:
    """Return ``value`` if it is a ``kind``; a ``bool`` never passes for anything else."""
    if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
        raise type_error(field, value, expected)
    return value


def validator(convert: Callable[[Any, str], object]) -> Callable[[object, Any, Any], None]:
    """An attrs validator that runs ``convert(value, attribute.name)`` for its checks alone."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        convert(value, attribute.name)

    return check


def of_type(kind: type, expected: str) -> Callable[[object, Any, Any], None]:
    """An attrs validator: the value is a ``kind`` (never a ``bool`` for another type)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        instance(value, kind, attribute.name, expected)

    return check


def tuple_of(kind: type, expected: str) -> Callable[[object, Any, Any], None]:
    """An attrs validator: a tuple whose items are all ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # The types present, each checked once: a national payroll is 270,000 records of one.
        if not isinstance(value, tuple) or not all(
            issubclass(t, kind) for t in set(map(type, value))
        ):
            raise InvalidTypeError.about(
                attribute.name, value, f"is not a tuple of {expected}; expected one"
            )

    return check
