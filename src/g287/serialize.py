"""JSON for policies, inputs and results: exact, versioned, and an identity round trip.

A document is ``{"schema": "g287/2", "type": "<class name>", "data": {...}}``. Values are written
so that reading them back gives an equal object: ``Decimal`` as a string (``"1234.50"``),
``Fraction`` as ``"n/d"``, dates in ISO form, enums by value, frozensets sorted.

Inside a result, the policy, agency and period of the enclosing object are written once: a line
of a claim leaves them out and inherits the claim's. Results also carry their derived figures
(totals, the award per officer, a line's eligible days) so a reader of the JSON sees them; they
are not trusted: reading the document recomputes each and refuses one that disagrees.

This module is the only door through which untrusted documents come in, so every check that the
figures of a result agree with each other lives here.

>>> from g287 import POLICY, dumps, loads
>>> loads(dumps(POLICY)) == POLICY
True
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final, TypeVar, overload

import attrs

from . import _canonical, award, calendar, claims, explain, policy, reimbursement
from ._validators import instance
from .errors import G287Error, InvalidInputError, InvalidTypeError
from .money import cents, from_cents

__all__ = ["SCHEMA", "dumps", "from_dict", "loads", "to_dict"]

T = TypeVar("T")

#: The schema tag written into every document; bumped when the format changes incompatibly.
SCHEMA: Final = "g287/2"

#: Fields a nested object inherits from the object that holds it when it leaves them out.
_INHERITED: Final = ("policy", "agency", "period")

#: Derived figures written beside each result's own fields (read back only to be checked).
_DERIVED: Final[dict[type, tuple[str, ...]]] = {
    award.AwardResult: ("per_officer", "reason"),
    reimbursement.ReimbursementResult: ("overtime_over_cap", "total"),
    claims.OfficerLine: ("eligible_days", "overtime_over_cap", "cap_used", "total"),
    claims.Claim: (
        "fiscal_year",
        "salary",
        "benefits",
        "overtime_claimed",
        "overtime_reimbursed",
        "overtime_over_cap",
        "not_eligible",
        "reimbursement",
        "total",
    ),
}


def _types() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in (calendar, policy, explain, award, reimbursement, claims):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                found[name] = obj
    return found


_KNOWN: Final = _types()


# --- writing -------------------------------------------------------------------------------------


def _encode(value: object, context: dict[str, object]) -> Any:
    if not attrs.has(type(value)):
        if isinstance(value, tuple):
            return [_encode(v, context) for v in value]
        return _canonical.encode(value)
    fields = [f for f in attrs.fields(type(value)) if f.init]  # type: ignore[arg-type]
    inner = context | {f.name: getattr(value, f.name) for f in fields if f.name in _INHERITED}
    data = {
        f.name: _encode(getattr(value, f.name), inner)
        for f in fields
        if not (f.name in context and getattr(value, f.name) == context[f.name])
    }
    for name in _DERIVED.get(type(value), ()):
        data[name] = _canonical.encode(getattr(value, name))
    return data


def to_dict(obj: object) -> dict[str, Any]:
    """A g287 object as a JSON-ready dict with the schema tag."""
    if not attrs.has(type(obj)) or _KNOWN.get(type(obj).__name__) is not type(obj):
        raise InvalidTypeError.about("obj", obj, "is not a g287 value object")
    return {"schema": SCHEMA, "type": type(obj).__name__, "data": _encode(obj, {})}


def dumps(obj: object, *, indent: int | None = None) -> str:
    """A g287 object as JSON text; :func:`loads` reads it back to an equal object."""
    if indent is not None:
        instance(indent, int, "indent", "a whole number of spaces or None")
        if not 0 <= indent <= 16:
            raise InvalidInputError.about("indent", indent, "is out of range; expected 0 to 16")
    import json  # noqa: PLC0415 - loaded by the first dumps or loads (g287._canonical says why)

    return json.dumps(to_dict(obj), indent=indent, ensure_ascii=False, sort_keys=True)


# --- reading -------------------------------------------------------------------------------------


def _bad(where: str, value: object, expected: str) -> InvalidInputError:
    return InvalidInputError.about(where, value, f"is not valid here; expected {expected}")


def _decode(hint: Any, value: Any, where: str, context: dict[str, object]) -> Any:  # noqa: PLR0911
    # One branch per type a field can have; splitting it would only scatter the table.
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        # Every union among g287's fields is `X | None`: X's own error says what is wrong.
        (present,) = (o for o in typing.get_args(hint) if o is not type(None))
        return None if value is None else _decode(present, value, where, context)
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list):
            raise _bad(where, value, "a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{where}[{i}]", context) for i, v in enumerate(value))
        if len(args) != len(value):
            raise _bad(where, value, f"a list of {len(args)}")
        return tuple(
            _decode(a, v, f"{where}[{i}]", context)
            for i, (a, v) in enumerate(zip(args, value, strict=True))
        )
    if origin is frozenset:
        if not isinstance(value, list):
            raise _bad(where, value, "a list")
        (arg,) = typing.get_args(hint)
        return frozenset(_decode(arg, v, f"{where}[{i}]", context) for i, v in enumerate(value))
    if isinstance(hint, type) and attrs.has(hint):
        return _decode_attrs(hint, value, where, context)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            raise _bad(where, value, f"one of {[m.value for m in hint]}") from None
    scalar = _SCALARS.get(hint)
    if scalar is None:  # pragma: no cover - every field of a g287 class has one of these types
        raise _bad(where, value, f"a value of type {hint}")
    return scalar(value, where)


def _boolean(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise _bad(where, value, "true or false")
    return value


def _integer(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(where, value, "an integer")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _bad(where, value, "a string")
    return value


def _decimal(value: object, where: str) -> Decimal:
    if not isinstance(value, str):
        raise _bad(where, value, "an amount as a string such as '12.50'")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise _bad(where, value, "an amount as a string such as '12.50'") from None
    if not amount.is_finite():
        raise _bad(where, value, "a finite amount")
    return amount


def _fraction(value: object, where: str) -> Fraction:
    if not isinstance(value, str) or value.count("/") != 1:
        raise _bad(where, value, "a fraction as 'n/d'")
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise _bad(where, value, "a fraction as 'n/d'") from None


def _date(value: object, where: str) -> dt.date:
    if not isinstance(value, str):
        raise _bad(where, value, "an ISO date such as '2025-10-01'")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(where, value, "an ISO date such as '2025-10-01'") from None


_SCALARS: Final[dict[Any, Callable[[Any, str], Any]]] = {
    bool: _boolean,
    int: _integer,
    str: _string,
    Decimal: _decimal,
    Fraction: _fraction,
    dt.date: _date,
}


def _decode_attrs(cls: type, value: Any, where: str, context: dict[str, object]) -> Any:
    if not isinstance(value, dict):
        raise _bad(where, value, f"an object for {cls.__name__}")
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    names = {f.name for f in fields}
    derived = _DERIVED.get(cls, ())
    unknown = sorted(map(str, set(value) - names - set(derived)))
    if unknown:
        raise _bad(where, unknown, f"only the fields of {cls.__name__}: {sorted(names)}")
    kwargs: dict[str, Any] = {}
    inner = dict(context)
    # Inherited fields first, so the objects nested below see this object's policy and agency.
    for f in sorted(fields, key=lambda f: f.name not in _INHERITED):
        if f.name not in value:
            if f.name in context:
                kwargs[f.alias or f.name] = context[f.name]
            elif f.default is attrs.NOTHING:
                raise _bad(f"{where}.{f.name}", None, "a value (the field is required)")
        else:
            kwargs[f.alias or f.name] = _decode(
                hints[f.name], value[f.name], f"{where}.{f.name}", inner
            )
        if f.name in _INHERITED and (f.alias or f.name) in kwargs:
            inner[f.name] = kwargs[f.alias or f.name]
    try:
        obj = cls(**kwargs)
    except G287Error:
        raise
    except (TypeError, ValueError) as exc:  # pragma: no cover - validators raise G287Error
        raise InvalidInputError(f"{where}: {exc}", field=where, value=value) from None
    for name in derived:
        if name in value and value[name] != _canonical.encode(getattr(obj, name)):
            raise InvalidInputError(
                f"{where}.{name}: {value[name]!r} does not match the figures it is derived "
                f"from, which make {_canonical.encode(getattr(obj, name))!r}",
                field=f"{where}.{name}",
                value=value[name],
            )
    _AGREE.get(cls, _nothing)(obj, where)
    return obj


def _nothing(_obj: Any, _where: str) -> None:
    """No further check."""


def _award_agrees(result: award.AwardResult, where: str) -> None:
    expected = (
        None
        if result.provided == 0 or not result.assistance_satisfactory
        else (Fraction(result.located, result.provided))
    )
    if result.rate != expected:
        raise InvalidInputError.about(
            f"{where}.rate", result.rate, f"does not match located / provided ({expected})"
        )
    percent = None if expected is None else result.policy.percent(expected)
    tier = None if percent is None else result.policy.tier_for_percent(percent)
    if result.percent != percent or result.tier != tier:
        raise InvalidInputError.about(
            f"{where}.tier", result.tier, "does not match the rate under the policy's bands"
        )
    amount = from_cents(cents(result.per_officer) * result.task_force_officers)
    if result.amount != amount:
        raise InvalidInputError.about(
            f"{where}.amount",
            result.amount,
            f"is not per_officer {result.per_officer} x officers {result.task_force_officers}",
        )


def _reimbursement_agrees(result: reimbursement.ReimbursementResult, where: str) -> None:
    if result.overtime_reimbursed > result.overtime_cap:
        raise InvalidInputError.about(
            f"{where}.overtime_reimbursed",
            result.overtime_reimbursed,
            f"exceeds the cap {result.overtime_cap} (R-OT)",
        )


def _line_agrees(line: claims.OfficerLine, where: str) -> None:
    if not line.overtime_reimbursed <= line.cap_used <= line.overtime_cap:
        raise InvalidInputError.about(
            f"{where}.overtime_reimbursed",
            line.overtime_reimbursed,
            f"with cap used {line.cap_used} and cap {line.overtime_cap} is out of order "
            "(R-OT, I-CAPYEAR)",
        )


def _claim_agrees(c: claims.Claim, where: str) -> None:
    if c.award is not None and c.award.quarter != c.quarter:
        raise InvalidInputError.about(
            f"{where}.award", str(c.award.quarter), f"is not for the claimed {c.quarter}"
        )
    if c.award is not None and c.award.task_force_officers != len(c.award_officers):
        raise InvalidInputError.about(
            f"{where}.award_officers",
            c.award_officers,
            f"are {len(c.award_officers)}, but the award counts {c.award.task_force_officers}",
        )


_AGREE: Final[dict[type, Callable[[Any, str], None]]] = {
    award.AwardResult: _award_agrees,
    reimbursement.ReimbursementResult: _reimbursement_agrees,
    claims.OfficerLine: _line_agrees,
    claims.Claim: _claim_agrees,
}


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
        raise InvalidTypeError.about("kind", kind, "is not a class; expected a g287 class or None")
    if not isinstance(document, dict):
        raise _bad("document", document, "a JSON object")
    if document.get("schema") != SCHEMA:
        raise _bad("schema", document.get("schema"), repr(SCHEMA))
    name = document.get("type")
    if not isinstance(name, str) or name not in _KNOWN:
        raise _bad("type", name, f"one of {sorted(_KNOWN)}")
    if set(document) != {"schema", "type", "data"}:
        raise _bad("document", sorted(map(str, document)), "exactly the keys data, schema, type")
    obj = _decode_attrs(_KNOWN[name], document["data"], name, {})
    if kind is not None and not isinstance(obj, kind):
        raise _bad("type", name, kind.__name__)
    return obj


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
    import json  # noqa: PLC0415 - loaded by the first dumps or loads (g287._canonical says why)

    if not isinstance(text, (str, bytes)):
        raise _bad("text", text, "JSON text")
    try:
        document = json.loads(text, parse_float=_no_float)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"text: not JSON ({exc})", field="text", value=text) from None
    except ValueError as exc:  # e.g. an integer longer than Python will convert
        raise InvalidInputError(
            f"text: unreadable JSON ({exc})", field="text", value=text
        ) from None
    except RecursionError:
        raise InvalidInputError(
            "text: JSON nested too deeply to read", field="text", value=text
        ) from None
    return from_dict(document) if kind is None else from_dict(document, kind)


def _no_float(text: str) -> Any:
    raise InvalidInputError.about("JSON number", text, "has a fraction; write amounts as strings")
