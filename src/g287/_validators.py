"""Converters and field checks shared by the value objects.

A converter takes what a caller may pass for one kind of value and returns the one type g287
works with, or raises an error naming the field, the value and what was expected. Each kind has
one converter, used by every constructor and function that takes that kind.

A field check validates a value a field stores as given (a result's figures, a policy's parts).
It is shaped as an attrs validator but kept in the field's metadata (:func:`check_with`) and run
by :class:`Value` at construction, so attrs compiles no validator code for each class.
"""

from __future__ import annotations

import builtins
import datetime as dt
import numbers
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final, TypeVar

import attrs

from .errors import InvalidInputError, InvalidTypeError

T = TypeVar("T")

#: The longest identifier accepted (officer and agency ids).
MAX_ID: Final = 64
_ID_TEXT: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
_ID_CHARACTERS: Final = frozenset(_ID_TEXT)
#: A day as ISO writes it, ``2025-10-01``: year, month and day as groups (``re.ASCII``). Patterns
#: not needed by ``import g287`` are kept as text and compiled on first use (``re`` caches them).
ISO_DAY: Final = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
#: Unicode categories refused in names: control, format, surrogate, private-use, unassigned,
#: line and paragraph separators. They can hide or rewrite text on a screen or in a report.
_HIDDEN: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

#: The largest count accepted (leads, officers): far above any agency's, small enough that
#: every award stays exact.
MAX_COUNT: Final = 10**9


#: The key of a field's check in its attrs ``metadata`` (see :func:`check_with`).
CHECK: Final = "g287.check"

#: A field check, shaped as an attrs validator: ``check(instance, attribute, value)``.
Check = Callable[[Any, Any, Any], None]


def check_with(check: Check, **metadata: object) -> dict[str, object]:
    """The ``metadata`` of a field whose value ``check`` validates at construction.

    :class:`Value` runs the check after every field is set, in field order, as attrs runs a
    ``validator=``; then the class's own :meth:`Value._check`. A check kept here costs no line in
    the ``__init__`` attrs generates and compiles for each class when ``g287`` is imported (the
    validators were about half of that code); the checks themselves are the same.
    """
    return {CHECK: check, **metadata}


def _checks_of(cls: type) -> tuple[tuple[attrs.Attribute[Any], Check], ...]:
    """A value class's (field, check) pairs, read from its fields on its first construction and
    kept on the class itself (a subclass reads its own)."""
    checks: tuple[tuple[attrs.Attribute[Any], Check], ...] | None = cls.__dict__.get(
        "_field_checks"
    )
    if checks is None:
        checks = tuple(
            (a, a.metadata[CHECK])
            for a in cls.__attrs_attrs__  # type: ignore[attr-defined]
            if CHECK in a.metadata
        )
        type.__setattr__(cls, "_field_checks", checks)
    return checks


class Value:
    """Base of g287's value objects: one ``repr``, equality, hash and field checking for all.

    Each class is ``@attrs.frozen(repr=False, eq=False)`` and inherits these, which read the
    class's attrs fields as attrs' own would (fields marked ``eq=False`` or ``repr=False`` are
    left out), and runs each field's :func:`check_with` check at construction. attrs then need
    not generate and compile them for each class when ``g287`` is imported, the larger part of
    the cost of building a class.

    Classes are built without ``__slots__``, for which attrs would build each class a second
    time, except the two made once per pay record (:class:`~g287.PayRecord` and the record of a
    filed one), whose memory a national payroll of a million records feels.
    """

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__attrs_post_init__ is not Value.__attrs_post_init__:  # its own, or a mixin's
            raise TypeError(
                f"{cls.__qualname__} defines __attrs_post_init__, which would skip its field "
                "checks; define _check instead"
            )

    def __attrs_post_init__(self) -> None:
        for attribute, check in _checks_of(type(self)):
            check(self, attribute, getattr(self, attribute.name))
        self._check()

    def _check(self) -> None:
        """Checks across fields, run after each field's own check; none by default."""

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
    kind = type(value).__name__
    module = type(value).__module__
    if module != "builtins" and isinstance(getattr(builtins, kind, None), type):
        kind = f"{module.partition('.')[0]}.{kind}"  # numpy.bool, not Python's bool
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    return InvalidTypeError.about(field, value, f"is {article} {kind}; expected {expected}")


def at_midnight(moment: dt.datetime) -> bool:
    """Whether a datetime is at midnight, to the nanosecond a ``pandas.Timestamp`` keeps apart
    from its ``time()``. Raises ValueError for pandas' ``NaT``, which has no time."""
    return moment.time() == dt.time() and not getattr(moment, "nanosecond", 0)


def to_date(value: object, field: str) -> dt.date:
    """A day, given as a ``date``, ISO text (``"2025-10-01"``, nothing else), or a ``datetime``
    (a ``pandas.Timestamp`` too) at midnight; a time of day is refused rather than dropped.

    >>> to_date("2025-10-01", "trained_on"), to_date(dt.datetime(2025, 10, 1), "trained_on")
    (datetime.date(2025, 10, 1), datetime.date(2025, 10, 1))
    >>> to_date("2025-11-31", "trained_on")
    Traceback (most recent call last):
    ...
    g287.errors.InvalidInputError: trained_on: '2025-11-31' is not a day: November has 30 days
    """
    if type(value) is dt.date:  # the common case, first
        return value
    if isinstance(value, dt.datetime):
        try:
            midnight = at_midnight(value)
        except ValueError:  # pandas' NaT ("not a time") is a datetime with no time at all
            raise InvalidInputError.about(field, value, "is missing; expected a date") from None
        if not midnight:
            raise InvalidInputError.about(
                field, value, "has a time of day; expected a date (or a datetime at midnight)"
            )
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        found = re.fullmatch(ISO_DAY, value.strip(), re.ASCII)
        if found is None:
            raise InvalidInputError.about(field, value, "is not a date; expected YYYY-MM-DD")
        return day(int(found[1]), int(found[2]), int(found[3]), field, value)
    raise type_error(field, value, "a date, a datetime at midnight or text such as '2025-10-01'")


def day(year: int, month: int, number: int, field: str, shown: object) -> dt.date:
    """The day ``year-month-number``, or an error saying why there is none (``November has
    30 days``), about ``shown`` (the text it was read from)."""
    if not 1 <= month <= 12:
        raise InvalidInputError.about(field, shown, f"is not a day: there is no month {month}")
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidInputError.about(field, shown, f"is not a day: there is no year {year}")
    if (year, month) == (dt.MAXYEAR, 12):
        last = 31
    else:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    if not 1 <= number <= last:
        name = _MONTHS[month - 1]
        raise InvalidInputError.about(field, shown, f"is not a day: {name} has {last} days")
    return dt.date(year, month, number)


_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def to_optional_date(value: object, field: str) -> dt.date | None:
    """:func:`to_date`, or ``None`` for no date: ``None``, or pandas' ``NaT`` (a date column's
    empty cell). A float NaN is refused: it is not a date, nor a statement that there is none."""
    if value is None or (isinstance(value, dt.datetime) and value != value):  # noqa: PLR0124
        return None
    return to_date(value, field)


def to_count(value: object, field: str) -> int:
    """Return ``value`` as a non-negative ``int`` count: an ``int`` or any integral number type
    (a NumPy integer), never a ``bool`` or a ``float``.

    >>> to_count(12, "officers")
    12
    >>> to_count(True, "officers")
    Traceback (most recent call last):
    ...
    g287.errors.InvalidTypeError: officers: True is a bool; expected a whole number (int) >= 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise type_error(field, value, "a whole number (int) >= 0")
    value = int(value)  # a NumPy integer, say
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
    if (
        type(value) is str
        and 0 < len(value) <= MAX_ID
        and value.isascii()
        and value[0] not in "._-"
        and not value.strip(_ID_TEXT)
    ):
        return value  # the hot path: plain ASCII, its own NFKC form
    if not isinstance(value, str):
        raise type_error(field, value, "an id (text)")
    text = str.__str__(unicodedata.normalize("NFKC", value))  # a plain str, not a subclass
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
    """Return ``value`` if it is ``True`` or ``False`` (NumPy's ``True``/``False`` read as
    Python's); raise otherwise."""
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__ in {"bool", "bool_"}:
        return bool(value)
    raise type_error(field, value, "True or False")


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
    """A field check that runs ``convert(value, attribute.name)`` for its checks: the value
    must be one the converter returns as it is (a field that stores what it is given takes no
    text for a date, nor a NumPy integer for a count)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        converted = convert(value, attribute.name)  # a check alone returns None
        if (
            converted is not None
            and converted is not value
            and (type(converted) is not type(value) or converted != value)
        ):
            raise InvalidTypeError.about(
                attribute.name,
                value,
                f"is not stored as given here; expected {type(converted).__name__} {converted!r}",
            )

    return check


def of_type(kind: type, expected: str) -> Callable[[object, Any, Any], None]:
    """A field check: the value is a ``kind`` (never a ``bool`` for another type)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        instance(value, kind, attribute.name, expected)

    return check


def tuple_of(kind: type, expected: str) -> Callable[[object, Any, Any], None]:
    """A field check: a tuple whose items are all ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # The types present, each checked once: a national payroll is 270,000 records of one.
        if not isinstance(value, tuple) or not all(
            issubclass(t, kind) for t in set(map(type, value))
        ):
            raise InvalidTypeError.about(
                attribute.name, value, f"is not a tuple of {expected}; expected one"
            )

    return check
