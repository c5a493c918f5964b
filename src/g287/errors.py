"""The exceptions g287 raises.

Every error is a :class:`G287Error`. A problem with a value also subclasses :class:`ValueError`
and a problem with a type also subclasses :class:`TypeError`, so callers that already catch the
builtins keep working. Messages name the field, the value and what was expected.
"""

from __future__ import annotations

__all__ = [
    "G287Error",
    "InvalidInputError",
    "InvalidTypeError",
    "NotInEffectError",
    "PolicyError",
]


class G287Error(Exception):
    """Base class of every error g287 raises on purpose."""


class InvalidInputError(G287Error, ValueError):
    """A value was of the right type but is not acceptable (negative, out of range, malformed)."""


class InvalidTypeError(G287Error, TypeError):
    """A value was of a type g287 refuses here (a float as money, a bool as a count, …)."""


class PolicyError(InvalidInputError):
    """A policy or one of its parts would be inconsistent (overlapping bands, a cap over 100%)."""


class NotInEffectError(G287Error, ValueError):
    """No policy covers the date, quarter or fiscal year asked about (R-EFF)."""
