"""Canonical encoding of value objects, and the fingerprint that identifies a policy.

Every value is written so that reading it back gives an equal object: ``Decimal`` as a string
(``"1234.50"``), ``Fraction`` as ``"n/d"``, dates in ISO form, enums by value, frozensets sorted,
attrs classes as an object of their ``init`` fields. The fingerprint is the SHA-256 of that
encoding with sorted keys and no spaces, so two policies have the same fingerprint exactly when
they are equal.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from .errors import InvalidTypeError


def encode(value: object) -> Any:  # noqa: PLR0911 - one return per JSON form
    """``value`` as plain JSON data (dicts, lists, strings, integers, booleans, ``None``)."""
    if attrs.has(type(value)):
        return {
            f.name: encode(getattr(value, f.name))
            for f in attrs.fields(type(value))  # type: ignore[arg-type]
            if f.init
        }
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(encode(v) for v in value)
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    raise InvalidTypeError.about(
        "value", value, f"is a {type(value).__name__}; expected a g287 value"
    )


def difference(a: object, b: object, path: str = "") -> tuple[str, object, object] | None:
    """The first place two values differ, as ``(path, value in a, value in b)``, or ``None``.

    Attrs objects are compared field by field (``lines[3].salary``), tuples item by item.
    """
    if a == b:
        return None
    if attrs.has(type(a)) and type(a) is type(b):
        parts = [
            (f"{path}.{f.name}" if path else f.name, getattr(a, f.name), getattr(b, f.name))
            for f in attrs.fields(type(a))  # type: ignore[arg-type]
            if f.eq
        ]
    elif isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        parts = [(f"{path}[{i}]", x, y) for i, (x, y) in enumerate(zip(a, b, strict=True))]
    else:
        return (path, a, b)
    found = (difference(x, y, where) for where, x, y in parts)
    return next((f for f in found if f is not None), (path, a, b))


def canonical_json(value: object) -> str:
    """The canonical JSON text of a value: sorted keys, no spaces, UTF-8 characters as is."""
    import json  # noqa: PLC0415 - see fingerprint: only JSON work needs it

    return json.dumps(encode(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fingerprint(value: object) -> str:
    """``sha256:`` and the hex digest of the value's canonical JSON."""
    # hashlib (which loads OpenSSL) and json cost a tenth of `import g287`, and only writing or
    # reading JSON and fingerprints need them: they are imported by the first such call.
    import hashlib  # noqa: PLC0415

    digest = hashlib.sha256(canonical_json(value).encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest}"
