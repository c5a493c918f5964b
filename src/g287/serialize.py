"""JSON for policies, inputs and results: exact, versioned, and an identity round trip.

A document is ``{"schema": "g287/2", "type": "<class name>", "data": {...}}``, and for a result
with a total (a claim, an officer's line, a reimbursement) also ``"total"``. Values are written
so that reading them back gives an equal object: ``Decimal`` as a string (``"1234.50"``),
``Fraction`` as ``"n/d"``, dates in ISO form, enums by value, frozensets sorted.

Inside a result, the policy, agency and period of the enclosing object are written once: a line
of a claim leaves them out and inherits the claim's. A claim's lines and pay records, which grow
with the agency, are written as tables (``{"columns": [...], "rows": [[...], ...]}``), each field
named once. Results also carry their derived figures (totals, the award per officer, a line's
eligible days) and their audit trail (``"explanation"``: each step's rule id, text, inputs and
figure; the citation behind the id is the policy's, written once in ``data.policy``) so a reader
of the JSON sees them; they are not trusted: reading the document recomputes each and refuses
one that disagrees.

This module is the only door through which untrusted documents come in, so every check that the
figures of a result agree with each other lives here.

>>> from g287 import POLICY, dumps, loads
>>> loads(dumps(POLICY)) == POLICY
True
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final, TypeVar, overload

import attrs

from . import (
    _canonical,
    award,
    calendar,
    claims,
    explain,
    filings,
    inputs,
    policy,
    reimbursement,
    year,
)
from ._validators import instance
from .errors import G287Error, InvalidInputError, InvalidTypeError, VerificationError, show
from .money import cents

__all__ = ["SCHEMA", "dumps", "from_dict", "loads", "to_dict", "verify"]

T = TypeVar("T")

#: The schema tag written into every document; bumped when the format changes incompatibly.
SCHEMA: Final = "g287/2"

#: Fields a nested object inherits from the object that holds it when it leaves them out.
_INHERITED: Final = ("policy", "agency", "period")

#: Derived values written beside each object's own fields for a reader of the JSON. They are
#: not trusted: reading a document recomputes each and refuses one that disagrees.
_DERIVED: Final[dict[type, tuple[str, ...]]] = {
    policy.Policy: ("fingerprint", "registered", "label"),
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
        "adjustment",
        "total",
        "policy_fingerprint",
    ),
    filings.Adjustment: ("total",),
    year.FiscalYearClaims: ("total",),
}


#: Results whose audit trail is written beside their figures, as ``"explanation"``. A line of a
#: claim is a row of the claim's table and leaves its trail out: it follows from the row and the
#: claim's policy (``claim.line(id).explanation``), and a national claim has 10,000 lines.
_EXPLAINED: Final = (
    award.AwardResult,
    reimbursement.ReimbursementResult,
    claims.OfficerLine,
    claims.Claim,
)

#: Fields holding one object per officer or per pay record, which grow with the agency: written
#: as a table, each field named once (``"officer.id"`` for a field of a nested object), with the
#: class of their objects.
_TABLES: Final[dict[tuple[type, str], type]] = {
    (claims.Claim, "lines"): claims.OfficerLine,
    (claims.Claim, "payroll"): inputs.PayRecord,
    (filings.Filing, "lines"): filings.FiledLine,
}


def _types() -> dict[str, type]:
    found: dict[str, type] = {}
    for module in (calendar, policy, explain, award, reimbursement, filings, inputs, claims, year):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                found[name] = obj
    return found


_KNOWN: Final = _types()


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The type of each field of a g287 class (read once per class: it parses annotations)."""
    return typing.get_type_hints(cls)


# --- writing -------------------------------------------------------------------------------------


def _encode(value: object, context: dict[str, object]) -> Any:
    if not attrs.has(type(value)):
        if isinstance(value, tuple):
            return [_encode(v, context) for v in value]
        return _canonical.encode(value)
    cls = type(value)
    fields = [f for f in attrs.fields(cls) if f.init]  # type: ignore[arg-type]
    inner = context | {f.name: getattr(value, f.name) for f in fields if f.name in _INHERITED}
    data: dict[str, Any] = {}
    for f in fields:
        item = getattr(value, f.name)
        if f.name in context and item == context[f.name]:
            continue
        kind = _TABLES.get((cls, f.name))
        data[f.name] = (
            _encode(item, inner) if kind is None or item is None else _table(kind, item, inner)
        )
    for name in _DERIVED.get(cls, ()):
        data[name] = _canonical.encode(getattr(value, name))
    if isinstance(value, _EXPLAINED):
        data["explanation"] = _trail(value.explanation)
    return data


@functools.cache
def _columns(kind: type) -> tuple[tuple[str, ...], ...]:
    """The columns of a table of ``kind`` objects, each a path of attribute names: the fields
    it does not inherit (a nested object's fields one by one), then its derived figures."""
    hints = _hints(kind)
    columns: list[tuple[str, ...]] = []
    for f in attrs.fields(kind):
        if f.init and f.name not in _INHERITED:
            hint = hints[f.name]
            nested = isinstance(hint, type) and attrs.has(hint)
            columns += [(f.name, *c) for c in _columns(hint)] if nested else [(f.name,)]
    return (*columns, *((name,) for name in _DERIVED.get(kind, ())))


def _table(
    kind: type, objects: tuple[Any, ...], context: dict[str, object]
) -> dict[str, list[Any]]:
    # A field the rows usually inherit (a filing's lines inherit its period) is a column of its
    # own when some row holds another value (an adjustment to an earlier period).
    names = attrs.fields_dict(kind)
    own = tuple(
        (name,)
        for name in _INHERITED
        if name in names and any(getattr(o, name) != context.get(name) for o in objects)
    )
    columns = own + _columns(kind)
    return {
        "columns": [".".join(path) for path in columns],
        "rows": [
            [_canonical.encode(functools.reduce(getattr, path, obj)) for path in columns]
            for obj in objects
        ],
    }


def _trail(explanation: explain.Explanation) -> dict[str, Any]:
    """An audit trail as a document writes it: each step names its rule or interpretation by id
    and leaves the citation to the document's policy, where it is written once."""
    return {
        "title": explanation.title,
        "figure": explanation.figure,
        "steps": [
            {
                "rule_id": step.rule_id,
                "text": step.text,
                "inputs": [list(pair) for pair in step.inputs],
                "figure": step.figure,
            }
            for step in explanation.steps
        ],
    }


def to_dict(obj: object, *, inputs: bool = True) -> dict[str, Any]:
    """A g287 object as a JSON-ready dict with the schema tag.

    A claim carries its inputs (its payroll) so that :func:`verify` can recompute it;
    ``inputs=False`` leaves the payroll out, for size (such a document cannot be verified).
    """
    if not attrs.has(type(obj)) or _KNOWN.get(type(obj).__name__) is not type(obj):
        raise InvalidTypeError.about("obj", obj, "is not a g287 value object")
    if isinstance(obj, claims.Claim) and not instance(inputs, bool, "inputs", "True or False"):
        obj = attrs.evolve(obj, payroll=None)
    document = {"schema": SCHEMA, "type": type(obj).__name__, "data": _encode(obj, {})}
    if _has_total(type(obj)):
        document["total"] = document["data"]["total"]
    return document


def _has_total(cls: type) -> bool:
    """Whether a document of ``cls`` states its total at the top, beside its type."""
    return "total" in _DERIVED.get(cls, ())


def dumps(obj: object, *, indent: int | None = None, inputs: bool = True) -> str:
    """A g287 object as JSON text; :func:`loads` reads it back to an equal object.

    Keys are sorted and text is written as is (no ``\\u`` escapes). Without ``indent`` the text
    is compact (no spaces); with it, objects and lists of objects or lists are laid out one
    member per line, and a list of plain values (a row of a table, an input's name and value)
    stays on one line. ``inputs=False`` leaves a claim's payroll out (see :func:`to_dict`).
    """
    if indent is not None:
        instance(indent, int, "indent", "a whole number of spaces or None")
        if not 0 <= indent <= 16:
            raise InvalidInputError.about("indent", indent, "is out of range; expected 0 to 16")
    import json  # noqa: PLC0415 - loaded by the first dumps or loads (g287._canonical says why)

    document = to_dict(obj, inputs=inputs)
    if indent is None:
        return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    out: list[str] = []
    _lay_out(document, " " * indent, 0, out, json.JSONEncoder(ensure_ascii=False).encode)
    return "".join(out)


def _lay_out(
    value: Any, indent: str, depth: int, out: list[str], text: Callable[[Any], str]
) -> None:
    """Append ``value`` as JSON to ``out``, members of objects and of lists of containers one
    per line, ``depth`` times ``indent`` in; anything else (``text``) on one line."""
    members: list[tuple[str, Any]]
    if isinstance(value, dict) and value:
        brackets, members = "{}", [(f"{text(k)}: ", v) for k, v in sorted(value.items())]
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        brackets, members = "[]", [("", v) for v in value]
    else:
        out.append(text(value))
        return
    inner = "\n" + indent * (depth + 1)
    out.append(brackets[0])
    for i, (key, member) in enumerate(members):
        out.append(f"{',' if i else ''}{inner}{key}")
        _lay_out(member, indent, depth + 1, out, text)
    out.append("\n" + indent * depth + brackets[1])


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
    return _SCALARS[hint](value, where)  # every other field of a g287 class is one of these


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
    hints = _hints(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    names = {f.name for f in fields}
    derived = _DERIVED.get(cls, ())
    explained = ("explanation",) if cls in _EXPLAINED else ()
    unknown = sorted(map(str, set(value) - names - set(derived) - set(explained)))
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
            kwargs[f.alias or f.name] = _decode_field(
                _TABLES.get((cls, f.name)), hints[f.name], value[f.name], f"{where}.{f.name}", inner
            )
        if f.name in _INHERITED and (f.alias or f.name) in kwargs:
            inner[f.name] = kwargs[f.alias or f.name]
    try:
        obj = cls(**kwargs)
    except G287Error as exc:  # the constructor's own check, located in the document
        raise _located(exc, where) from None
    for name in derived:
        if name in value:
            _derived_agrees(value[name], _canonical.encode(getattr(obj, name)), f"{where}.{name}")
    _AGREE.get(cls, _nothing)(obj, where)
    # The trail restates every figure, so it is checked last: an edited figure is named as such.
    if explained and "explanation" in value:
        _trail_agrees(value["explanation"], obj, f"{where}.explanation")
    return obj


def _decode_field(
    table: type | None, hint: Any, value: Any, where: str, context: dict[str, object]
) -> Any:
    """A field's value: a table of ``table`` objects if the field is written as one."""
    if table is not None and value is not None:
        return _decode_table(table, value, where, context)
    return _decode(hint, value, where, context)


def _derived_agrees(stated: object, derived: object, where: str) -> None:
    if stated != derived or type(stated) is not type(derived):  # True == 1, but not in JSON
        raise InvalidInputError(
            f"{where}: {show(stated)} does not match the figures it is derived from, which "
            f"make {show(derived)}",
            field=where,
            value=stated,
        )


def _trail_agrees(stated: object, obj: Any, where: str) -> None:
    """Refuse a written audit trail unless it is the trail of ``obj``, naming the first part
    that differs (``Claim.explanation.steps[2].figure``)."""
    expected = _trail(obj.explanation)
    found = _json_difference(stated, expected, where)
    if found is not None:
        at, value, recomputed = found
        if isinstance(value, dict) and isinstance(recomputed, dict):
            raise _bad(at, sorted(map(str, value)), f"the keys {sorted(recomputed)}")
        _derived_agrees(value, recomputed, at)


def _json_difference(stated: object, expected: object, where: str) -> tuple[str, Any, Any] | None:
    """The first place JSON data differs from what is expected, as ``(path, stated,
    expected)``: an object whose keys differ is named itself, a list of another length too."""
    if isinstance(stated, dict) and isinstance(expected, dict):
        if set(stated) != set(expected):
            return (where, stated, expected)
        parts = [(f"{where}.{k}", stated[k], v) for k, v in expected.items()]
    elif isinstance(stated, list) and isinstance(expected, list) and len(stated) == len(expected):
        parts = [
            (f"{where}[{i}]", x, y) for i, (x, y) in enumerate(zip(stated, expected, strict=True))
        ]
    else:
        same = stated == expected and type(stated) is type(expected)
        return None if same else (where, stated, expected)
    found = (_json_difference(x, y, at) for at, x, y in parts)
    return next((f for f in found if f is not None), None)


def _decode_table(kind: type, value: object, where: str, context: dict[str, object]) -> Any:
    """The objects of a table (``{"columns": [...], "rows": [[...], ...]}``), each read as the
    object its row describes; a problem in a row is located as ``Claim.lines[3].salary``."""
    if not isinstance(value, dict) or set(value) != {"columns", "rows"}:
        raise _bad(where, value, 'a table {"columns": [names], "rows": [[values], ...]}')
    columns, rows = value["columns"], value["rows"]
    if not (
        isinstance(columns, list)
        and all(isinstance(c, str) for c in columns)
        and len(set(columns)) == len(columns)
    ):
        raise _bad(f"{where}.columns", columns, "a list of distinct field names")
    paths = [tuple(c.split(".")) for c in columns]
    if {p[:k] for p in paths for k in range(1, len(p))} & set(paths):
        raise _bad(f"{where}.columns", columns, "no name that is also a part of another's")
    if not isinstance(rows, list):
        raise _bad(f"{where}.rows", rows, "a list of rows")
    if kind is inputs.PayRecord:
        payroll = _payroll_of_table(columns, rows)
        if payroll is not None:
            return payroll
    objects = []
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(paths):
            raise _bad(f"{where}[{i}]", row, f"a row of {len(paths)} values, one per column")
        fields: dict[str, Any] = {}
        for path, cell in zip(paths, row, strict=True):
            node = fields
            for key in path[:-1]:
                node = node.setdefault(key, {})
            node[path[-1]] = cell
        objects.append(_decode_attrs(kind, fields, f"{where}[{i}]", context))
    return tuple(objects)


def _payroll_of_table(columns: list[str], rows: list[Any]) -> inputs.Payroll | None:
    """A claim's payroll table read column by column, each distinct cell once, as the rows would
    read it record by record (a national claim's document holds hundreds of thousands); or
    ``None`` if anything in it is not so simple, to be read row by row, which says what and
    where."""
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(inputs.PayRecord)
    if columns != [f.name for f in fields] or not all(
        type(row) is list and len(row) == len(fields) for row in rows
    ):
        return None
    hints = _hints(inputs.PayRecord)
    read: list[list[Any]] = []
    try:
        for field, cells in zip(
            fields, zip(*rows, strict=True) if rows else [()] * len(fields), strict=True
        ):
            convert: Callable[[Any], Any] = field.converter  # type: ignore[assignment]
            seen: dict[tuple[type, Any], Any] = {}
            amount = field.name in inputs.AMOUNTS  # held in whole cents
            for cell in cells:  # each distinct cell once: a field's value as the row would get it
                key = (type(cell), cell)
                if key not in seen:
                    value = convert(_decode(hints[field.name], cell, "", {}))
                    seen[key] = cents(value) if amount else value
            read.append([seen[type(cell), cell] for cell in cells])
        return inputs.Payroll(*map(tuple, read))
    except (G287Error, TypeError):  # a cell or a record refused, or a cell that is a list
        return None


def _located(error: G287Error, where: str) -> G287Error:
    """``error``, raised about a part of a document, with the part's path in front of its
    field: ``Claim.lines[3].officer.annual_salary: …``."""
    # Every message of g287 starts with its field ("salary: …"), so the path reads on.
    return type(error)(f"{where}.{error}", field=f"{where}.{error.field}", value=error.value)


def _nothing(_obj: Any, _where: str) -> None:
    """No further check."""


def _recomputed(stored: object, recomputed: object, where: str, error: type[G287Error]) -> None:
    """Refuse ``stored`` unless it equals what its inputs give, naming the first difference."""
    found = _canonical.difference(stored, recomputed)
    if found is not None:
        path, value, expected = found
        at = f"{where}.{path}" if path else where
        raise error(
            f"{at}: {show(_canonical.encode(value))} is stated, but the inputs give "
            f"{show(_canonical.encode(expected))}",
            field=at,
            value=value,
        )


def _award_agrees(result: award.AwardResult, where: str) -> None:
    """An award carries all its inputs, so it is recomputed whenever it is read."""
    _recomputed(result, _award_again(result), where, InvalidInputError)


def _award_again(result: award.AwardResult) -> award.AwardResult:
    return award.quarterly_award(
        located=result.located,
        provided=result.provided,
        task_force_officers=result.task_force_officers,
        quarter=result.quarter,
        policy=result.policy,
        assistance_satisfactory=result.assistance_satisfactory,
    )


def _reimbursement_agrees(result: reimbursement.ReimbursementResult, where: str) -> None:
    """A reimbursement carries all its inputs, so it is recomputed whenever it is read."""
    _recomputed(result, _reimbursement_again(result), where, InvalidInputError)


def _reimbursement_again(
    result: reimbursement.ReimbursementResult,
) -> reimbursement.ReimbursementResult:
    return reimbursement.annual_reimbursement(
        annual_salary=result.salary,
        benefits=result.benefits,
        overtime=result.overtime_claimed,
        fiscal_year=result.fiscal_year,
        policy=result.policy,
    )


def _line_agrees(line: claims.OfficerLine, where: str) -> None:
    if line.overtime_reimbursed > line.overtime_claimed:
        raise InvalidInputError.about(
            f"{where}.overtime_reimbursed",
            line.overtime_reimbursed,
            f"is more than the overtime claimed {line.overtime_claimed} (R-OT)",
        )
    line.policy.require_in_force(line.period.start, f"{where}.period", f"{where}.period")
    if line.period.end > line.fiscal_year.end:
        raise InvalidInputError.about(
            f"{where}.period", str(line.period), "spans two fiscal years; expected one"
        )
    if not line.overtime_reimbursed <= line.cap_used <= line.overtime_cap:
        raise InvalidInputError.about(
            f"{where}.overtime_reimbursed",
            line.overtime_reimbursed,
            f"with cap used {line.cap_used} and cap {line.overtime_cap} is out of order "
            "(R-OT, I-CAPYEAR)",
        )


def _claim_agrees(c: claims.Claim, where: str) -> None:
    c.policy.require_in_force(c.period.start, f"{where}.period", f"{where}.period")
    if c.period.end > c.fiscal_year.end:
        raise InvalidInputError.about(
            f"{where}.period", str(c.period), "spans two fiscal years; expected one"
        )
    if c.quarter is not None and c.quarter.range != c.period:
        raise InvalidInputError.about(
            f"{where}.quarter", str(c.quarter), f"is not the claimed period {c.period}"
        )
    for i, line in enumerate(c.lines):
        for name in ("period", "agency", "policy"):
            if getattr(line, name) != getattr(c, name):
                raise InvalidInputError.about(
                    f"{where}.lines[{i}].{name}", str(getattr(line, name)), "is not the claim's"
                )
    for problem in inputs.roster_problems(
        c.agency, [line.officer for line in c.lines], c.payroll or ()
    ):
        raise _located(problem, where)
    if c.payroll is not None:
        first, last, p = c.fiscal_year.start, c.period.end, c.payroll
        for i, (start, end) in enumerate(zip(p.starts, p.ends, strict=True)):
            if end < first or start > last:
                raise InvalidInputError.about(
                    f"{where}.payroll[{i}]",
                    str(p[i].period),
                    f"is outside {c.fiscal_year} up to the period's end; the claim never read it",
                )
    _award_of_claim_agrees(c, where)


def _award_of_claim_agrees(c: claims.Claim, where: str) -> None:
    if c.award is None:
        if c.award_officers or c.leads is not None:
            raise InvalidInputError.about(
                f"{where}.award", None, "is missing, though officers or leads are given for it"
            )
        return
    if c.quarter is None or c.award.quarter != c.quarter:
        raise InvalidInputError.about(
            f"{where}.award", str(c.award.quarter), f"is not for the claimed {c.quarter}"
        )
    task_force = {
        line.officer_id for line in c.lines if line.officer.model is policy.Model.TASK_FORCE
    }
    if (
        len(set(c.award_officers)) != len(c.award_officers)
        or not set(c.award_officers) <= task_force
    ):
        raise InvalidInputError.about(
            f"{where}.award_officers",
            c.award_officers,
            "are not distinct Task Force Model officers of the claim's lines (I-HEAD)",
        )
    if c.award.task_force_officers != len(c.award_officers):
        raise InvalidInputError.about(
            f"{where}.award_officers",
            c.award_officers,
            f"are {len(c.award_officers)}, but the award counts {c.award.task_force_officers}",
        )
    if c.leads is not None and (
        c.leads.quarter,
        c.leads.located,
        c.leads.provided,
        c.leads.assistance_satisfactory,
    ) != (c.award.quarter, c.award.located, c.award.provided, c.award.assistance_satisfactory):
        raise InvalidInputError.about(
            f"{where}.leads", c.leads, "are not the leads the award was computed from"
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
    checkers know what comes back: ``from_dict(doc, g287.Claim)`` is a ``Claim``. A result's
    ``total`` beside its type, its derived figures and its audit trail may be left out; those
    given must be what the result's own figures make.
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
    cls = _KNOWN[name]
    keys = {"data", "schema", "type"}
    if not keys <= set(document) <= (keys | {"total"} if _has_total(cls) else keys):
        expected = "and optionally total" if _has_total(cls) else "exactly"
        raise _bad(
            "document", sorted(map(str, document)), f"the keys data, schema, type {expected}"
        )
    obj = _decode_attrs(cls, document["data"], name, {})
    if "total" in document:
        _derived_agrees(document["total"], _canonical.encode(obj.total), "total")
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
    except G287Error:  # a number with a fraction (_no_float): the error says so already
        raise
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


#: What :func:`verify` recomputes.
Verifiable = (
    award.AwardResult | reimbursement.ReimbursementResult | claims.Claim | year.FiscalYearClaims
)


def verify(obj: object) -> Verifiable:
    """Recompute a result from its inputs and refuse it unless every figure agrees.

    ``obj`` is a result (an :class:`~g287.AwardResult`, :class:`~g287.ReimbursementResult`,
    :class:`~g287.Claim` or :class:`~g287.FiscalYearClaims`), a document dict
    (:func:`to_dict`) or JSON text (:func:`dumps`). The result is recomputed under the policy
    it holds — the one in the document — from the inputs it carries (a claim's agency,
    officers, payroll, lead report and prior filings) and compared figure by figure. Returns the
    verified result.

    What this proves, and what it does not: a verified document's figures are exactly what g287
    computes from the inputs and the policy written in it, so an edit of any figure is caught.
    It does not prove that the inputs are the agency's true records, nor that nobody edited
    inputs and figures together: JSON documents are tamper-evident through ``verify``, not
    signed. A policy edited in the document is reported as unregistered
    (:attr:`~g287.Policy.label`).

    Raises:
        VerificationError: naming the first figure that differs (``.field`` is its path,
            ``.value`` the stated figure, ``.recomputed`` the figure the inputs give).
        InvalidInputError: a document that does not load, or a claim written without its
            inputs (``dumps(claim, inputs=False)``), which cannot be verified.
    """
    if isinstance(obj, (str, bytes)):
        obj = loads(obj)
    elif isinstance(obj, dict):
        obj = from_dict(obj)
    again: (
        award.AwardResult | reimbursement.ReimbursementResult | claims.Claim | year.FiscalYearClaims
    )
    if isinstance(obj, award.AwardResult):
        again = _award_again(obj)
    elif isinstance(obj, reimbursement.ReimbursementResult):
        again = _reimbursement_again(obj)
    elif isinstance(obj, claims.Claim):
        again = obj.recompute()
    elif isinstance(obj, year.FiscalYearClaims):
        again = attrs.evolve(obj, claims=tuple(c.recompute() for c in obj.claims))
    else:
        raise InvalidTypeError.about(
            "obj",
            obj,
            "is not a result g287 can verify; expected an AwardResult, a "
            "ReimbursementResult, a Claim, a FiscalYearClaims, or a document of one",
        )
    found = _canonical.difference(obj, again)
    if found is not None:
        path, stated, recomputed = found
        raise VerificationError(
            f"{type(obj).__name__}.{path}: {show(_canonical.encode(stated))} is stated, but "
            f"recomputing from the document's inputs gives {show(_canonical.encode(recomputed))}",
            field=path,
            value=stated,
            recomputed=recomputed,
        )
    return obj
