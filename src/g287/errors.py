"""The exceptions g287 raises, and how they show a value.

Every error is a :class:`G287Error`. A problem with a value also subclasses :class:`ValueError`
and a problem with a type also subclasses :class:`TypeError`, so callers that already catch the
builtins keep working. Each error carries the ``field`` it is about and the offending ``value``,
so no caller has to parse a message; the message names both and says what was expected.

>>> try:
...     raise InvalidInputError.about("salary", "-5", "is negative; expected an amount >= 0")
... except ValueError as exc:
...     print(exc, "|", exc.field, "|", exc.value)
salary: '-5' is negative; expected an amount >= 0 | salary | -5
"""

from __future__ import annotations

from typing import Any, Final, Self

__all__ = [
    "G287Error",
    "InvalidInputError",
    "InvalidTypeError",
    "NotInEffectError",
    "PolicyError",
    "VerificationError",
    "printable",
    "show",
]

#: Untrusted text longer than this is cut (and marked ``…``) before it appears in a message.
SHOWN: Final = 40


def show(value: object) -> str:
    """``repr(value)`` made safe to print: at most ``SHOWN`` (40) characters of text, escaped.

    ``repr`` escapes control and format characters (a newline, an escape sequence, a zero
    width space), so a message cannot rewrite a terminal or hide what it quotes.

    >>> show("T-01\\u200b")
    "'T-01\\\\u200b'"
    >>> show("9" * 100)
    "'9999999999999999999999999999999999999999…'"
    """
    if isinstance(value, str):
        return repr(value if len(value) <= SHOWN else value[:SHOWN] + "\u2026")
    text = repr(value)
    if len(text) > 2 * SHOWN:
        return text[: 2 * SHOWN] + "\u2026"
    return text


def printable(text: str) -> str:
    """``text`` safe to write to a terminal or a report cell: every character that does not
    print (a line break, an escape sequence, a bidirectional override, U+2028) is written as its
    Python escape, so nothing it holds can move the cursor, rewrite a line or hide what follows.

    >>> print(printable("HCSO\\n\\x1b[2KCLAIM TOTAL"))
    HCSO\\n\\x1b[2KCLAIM TOTAL
    >>> printable("Harbor County") == "Harbor County"
    True
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class G287Error(Exception):
    """Base class of every error g287 raises on purpose.

    Attributes:
        field: the argument, attribute, column or document path the error is about, if any.
        value: the offending value (as given; messages show it shortened and escaped).
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value

    @classmethod
    def about(cls, field: str, value: object, problem: str) -> Self:
        """An error whose message reads ``field: <value shown> problem``."""
        return cls(f"{field}: {show(value)} {problem}", field=field, value=value)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep field and value through pickling (multiprocessing, notebooks' parallel maps).
        return (_rebuild, (type(self), str(self), self.field, self.value))


def _rebuild(cls: type[G287Error], message: str, field: str | None, value: object) -> G287Error:
    return cls(message, field=field, value=value)


class InvalidInputError(G287Error, ValueError):
    """A value was of the right type but is not acceptable (negative, out of range, malformed)."""


class InvalidTypeError(G287Error, TypeError):
    """A value was of a type g287 refuses here (a float as money, a bool as a count, …)."""


class PolicyError(InvalidInputError):
    """A policy or one of its parts would be inconsistent (overlapping bands, a cap over 100%)."""


class NotInEffectError(G287Error, ValueError):
    """No policy covers the date, quarter or fiscal year asked about (R-EFF)."""


class VerificationError(G287Error, ValueError):
    """A result recomputed from its inputs differs from the figures it states.

    Attributes:
        field: the path of the first figure that differs (``lines[3].salary``).
        value: the figure the result states.
        recomputed: the figure its inputs give.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        recomputed: object = None,
    ) -> None:
        super().__init__(message, field=field, value=value)
        self.recomputed = recomputed

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_verification, (str(self), self.field, self.value, self.recomputed))


def _rebuild_verification(
    message: str, field: str | None, value: object, recomputed: object
) -> VerificationError:
    return VerificationError(message, field=field, value=value, recomputed=recomputed)
