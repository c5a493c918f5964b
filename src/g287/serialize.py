"""JSON for policies, inputs and results: exact, versioned, and an identity round trip.

Every value is written so that reading it back gives an equal object: ``Decimal`` as a string
(``"1234.50"``), ``Fraction`` as ``"n/d"``, dates in ISO form, enums by value, frozensets sorted.
A document is ``{"schema": "g287/1", "type": "<class name>", "data": {...}}``.

:func:`fingerprint` hashes a policy's canonical JSON, so an auditor can tell exactly which
variant produced a figure; every claim records it.

>>> from g287 import POLICY, dumps, loads
>>> loads(dumps(POLICY)) == POLICY
True
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import types
import typing
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final, TypeVar, overload

import attrs

from . import award, calendar, claims, explain, policy, reimbursement
from .errors import G287Error, InvalidInputError, InvalidTypeError

__all__ = ["SCHEMA", "dumps", "fingerprint", "from_dict", "loads", "to_dict"]

T = TypeVar("T")

#: The schema tag written into every document; bumped when the format changes incompatibly.
SCHEMA: Final = "g287/1"


def _types() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in (calendar, policy, explain, award, reimbursement, claims):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                found[name] = obj
    return found


def _encode(value: object) -> Any:  # noqa: PLR0911 - one return per JSON form
    if attrs.has(type(value)):
        return {
            f.name: _encode(getattr(value, f.name))
            for f in attrs.fields(type(value))  # type: ignore[arg-type]
            if f.init
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(_encode(v) for v in value)
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    # Every field of every value object is validated to one of the types above.
    raise InvalidInputError(  # pragma: no cover - unreachable through validated objects
        f"value: {value!r} ({type(value).__name__}) cannot be written as JSON"
    )


def to_dict(obj: object) -> dict[str, Any]:
    """A g287 object as a JSON-ready dict with the schema tag."""
    if not attrs.has(type(obj)) or type(obj).__name__ not in _types():
        raise InvalidInputError(f"obj: {obj!r} is not a g287 value object")
    return {"schema": SCHEMA, "type": type(obj).__name__, "data": _encode(obj)}


def dumps(obj: object, *, indent: int | None = None) -> str:
    """A g287 object as JSON text; :func:`loads` reads it back to an equal object."""
    if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int)):
        raise InvalidTypeError(f"indent: {indent!r}; expected a whole number of spaces or None")
    if indent is not None and not 0 <= indent <= 16:
        raise InvalidInputError(f"indent: {indent!r}; expected 0 to 16 spaces or None")
    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False, sort_keys=True)


def _bad(where: str, value: object, expected: str) -> InvalidInputError:
    return InvalidInputError(f"{where}: {value!r}; expected {expected}")


def _decode(hint: Any, value: Any, where: str) -> Any:  # noqa: PLR0911, PLR0912
    # One branch per type a field can have; splitting it would only scatter the table.
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        # Every union among g287's fields is `X | None`: X's own error says what is wrong.
        (present,) = (o for o in typing.get_args(hint) if o is not type(None))
        return None if value is None else _decode(present, value, where)
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list):
            raise _bad(where, value, "a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise _bad(where, value, f"a list of {len(args)}")
        return tuple(
            _decode(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True))
        )
    if origin is frozenset:
        if not isinstance(value, list):
            raise _bad(where, value, "a list")
        (arg,) = typing.get_args(hint)
        return frozenset(_decode(arg, v, f"{where}[{i}]") for i, v in enumerate(value))
    if isinstance(hint, type) and attrs.has(hint):
        return _decode_attrs(hint, value, where)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            raise _bad(where, value, f"one of {[m.value for m in hint]}") from None
    if hint is bool:
        if not isinstance(value, bool):
            raise _bad(where, value, "true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(where, value, "an integer")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise _bad(where, value, "a string")
        return value
    if hint is Decimal:
        if not isinstance(value, str):
            raise _bad(where, value, "an amount as a string such as '12.50'")
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise _bad(where, value, "an amount as a string such as '12.50'") from None
        if not amount.is_finite():
            raise _bad(where, value, "a finite amount")
        return amount
    if hint is Fraction:
        if not isinstance(value, str) or value.count("/") != 1:
            raise _bad(where, value, "a fraction as 'n/d'")
        try:
            return Fraction(value)
        except (ValueError, ZeroDivisionError):
            raise _bad(where, value, "a fraction as 'n/d'") from None
    if hint is dt.date:
        if not isinstance(value, str):
            raise _bad(where, value, "an ISO date such as '2025-10-01'")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _bad(where, value, "an ISO date such as '2025-10-01'") from None
    raise _bad(where, value, f"a value of type {hint}")  # pragma: no cover - every field typed


def _decode_attrs(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise _bad(where, value, f"an object for {cls.__name__}")
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    names = {f.name for f in fields}
    unknown = sorted(map(str, set(value) - names))
    if unknown:
        raise _bad(where, unknown, f"only the fields of {cls.__name__}: {sorted(names)}")
    kwargs = {}
    for f in fields:
        if f.name not in value:
            if f.default is attrs.NOTHING:
                raise _bad(f"{where}.{f.name}", None, "a value (the field is required)")
            continue
        kwargs[f.alias or f.name] = _decode(hints[f.name], value[f.name], f"{where}.{f.name}")
    try:
        return cls(**kwargs)
    except G287Error:
        raise
    except (TypeError, ValueError) as exc:  # pragma: no cover - validators raise G287Error
        raise InvalidInputError(f"{where}: {exc}") from None


@overload
def from_dict(document: object) -> Any: ...
@overload
def from_dict(document: object, kind: type[T]) -> T: ...
def from_dict(document: object, kind: type[Any] | None = None) -> Any:
    """The g287 object a :func:`to_dict` document describes (validated as it is built).

    With ``kind`` (a g287 class), a document holding anything else is refused, and type
    checkers know what comes back: ``from_dict(doc, g287.Claim)`` is a ``Claim``.
    """
    if kind is not None and not isinstance(kind, type):
        raise InvalidTypeError(f"kind: {kind!r} is not a class; expected a g287 class or None")
    obj = _from_dict(document)
    if kind is not None and not isinstance(obj, kind):
        raise _bad("type", type(obj).__name__, kind.__name__)
    return obj


def _from_dict(document: object) -> Any:
    if not isinstance(document, dict):
        raise _bad("document", document, "a JSON object")
    if document.get("schema") != SCHEMA:
        raise _bad("schema", document.get("schema"), repr(SCHEMA))
    known = _types()
    name = document.get("type")
    if not isinstance(name, str) or name not in known:
        raise _bad("type", name, f"one of {sorted(known)}")
    if set(document) != {"schema", "type", "data"}:
        raise _bad("document", sorted(map(str, document)), "exactly the keys data, schema, type")
    return _decode_attrs(known[name], document["data"], name)


@overload
def loads(text: str | bytes) -> Any: ...
@overload
def loads(text: str | bytes, kind: type[T]) -> T: ...
def loads(text: str | bytes, kind: type[Any] | None = None) -> Any:
    """Read a g287 JSON document written by :func:`dumps`.

    With ``kind``, a document holding another class is refused, and the result is typed:

    >>> from g287 import POLICY, Policy, dumps, loads
    >>> loads(dumps(POLICY), Policy).name
    '287(g) reimbursement and performance awards (DHS/ICE, 2025-09-18)'
    """
    if not isinstance(text, (str, bytes)):
        raise _bad("text", text, "JSON text")
    try:
        document = json.loads(text, parse_float=_no_float)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"text: not JSON ({exc})") from None
    except ValueError as exc:  # e.g. an integer longer than Python will convert
        raise InvalidInputError(f"text: unreadable JSON ({exc})") from None
    except RecursionError:
        raise InvalidInputError("text: JSON nested too deeply to read") from None
    return from_dict(document, kind) if kind is not None else from_dict(document)


def _no_float(text: str) -> Any:
    raise InvalidInputError(f"JSON number {text} has a fraction; write amounts as strings")


def fingerprint(policy: object) -> str:
    """A stable hash (sha256 of the canonical JSON) identifying a policy and all its options."""
    canonical = json.dumps(
        to_dict(policy), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
