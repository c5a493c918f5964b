"""Converters and attrs validators shared by the value objects.

A converter takes what a caller may pass for one kind of value and returns the one type g287
works with, or raises an error naming the field, the value and what was expected. Each kind has
one converter, used by every constructor and function that takes that kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from .errors import InvalidInputError, InvalidTypeError

T = TypeVar("T")

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


def converter(convert: Callable[[object, str], T], field: str) -> Callable[[object], T]:
    """An attrs converter for one field from a ``convert(value, field)`` function."""

    def run(value: object) -> T:
        return convert(value, field)

    return run


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
        if not isinstance(value, tuple) or not all(isinstance(v, kind) for v in value):
            raise InvalidTypeError.about(
                attribute.name, value, f"is not a tuple of {expected}; expected one"
            )

    return check
