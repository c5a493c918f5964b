"""attrs validators shared by the value objects: each error names the field, value and want."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from .errors import InvalidInputError, InvalidTypeError

Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def to_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a plain ``date`` (not a ``datetime``); raise otherwise."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(
            f"{field}: {value!r} is a {type(value).__name__}; expected a datetime.date"
        )
    return value


def date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A plain ``datetime.date``."""
    to_date(value, attribute.name)


def optional_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A plain ``datetime.date`` or ``None``."""
    if value is not None:
        to_date(value, attribute.name)


def instance_of(kind: type | tuple[type, ...], expected: str) -> Validator:
    """An instance of ``kind``; a ``bool`` never passes for a number."""
    kinds = kind if isinstance(kind, tuple) else (kind,)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kind):
            raise InvalidTypeError(
                f"{attribute.name}: {value!r} is a {type(value).__name__}; expected {expected}"
            )

    return check


def text(error: type[InvalidInputError] = InvalidInputError) -> Validator:
    """A string with something other than spaces in it; ``error`` for an empty one."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"{attribute.name}: {value!r} is a {type(value).__name__}; expected text"
            )
        if not value.strip():
            raise error(f"{attribute.name}: {value!r} is empty; expected text")

    return check


boolean: Validator = instance_of(bool, "True or False")


def amounts(obj: object, *names: str) -> None:
    """Refuse a result whose money fields are not ``Decimal`` (a float smuggled in, say)."""
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, Decimal):
            raise InvalidTypeError(
                f"{name}: {value!r} is a {type(value).__name__}; expected a Decimal amount"
            )


def agree(field: str, value: Decimal, expected: Decimal) -> None:
    """Refuse a result whose ``field`` is not what its parts make (an edited document)."""
    if value != expected:
        raise InvalidInputError(f"{field}: {value} does not match its parts, which make {expected}")
