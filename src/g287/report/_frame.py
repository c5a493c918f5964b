"""pandas DataFrames of claims and results, every column exact (the ``pandas`` extra).

:func:`to_frame` turns results' plain rows (``as_row()``) into a ``pandas.DataFrame`` of Arrow
columns (``pandas.ArrowDtype``), one type per kind of value, so that nothing passes through a
float: amounts ``decimal128(14, 2)`` (14 digits hold :data:`~g287.money.MAX_MONEY`), counts
``int64``, flags ``bool``, dates ``date32``, text and rates ``string``; ``None`` is ``<NA>`` in
a column of its kind. The page ``docs/notebooks.rst`` has the table users read.

Two choices made here:

* Text is Arrow's string type, not pandas' own string dtype, so that every column of a frame is
  of one family: a missing value is ``<NA>`` in each, ``pyarrow.Table.from_pandas`` and Parquet
  keep the types as they are, and a frame is the same under pandas 2 and 3 (whose default
  string dtypes differ).
* A rate (a ``Fraction``) is its exact text, ``"9/10"`` (``Fraction(text)`` reads it back),
  not a pair of columns: a frame keeps its rows' columns, one for one, and the counts a rate is
  made of (``located``, ``provided``) stand beside it as numbers.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, Literal

from g287._validators import to_date, type_error
from g287.claims import LINE_COLUMNS, Claim
from g287.errors import InvalidInputError
from g287.money import to_signed_money
from g287.year import SUMMARY_COLUMNS, FiscalYearClaims

if TYPE_CHECKING:
    # pandas-stubs types pandas where the lint tools are installed; elsewhere it is untyped.
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

__all__ = ["to_frame"]

# The kinds of column, named by what their values are.
TEXT: Final = "text"
COUNT: Final = "count"
MONEY: Final = "money"
FLAG: Final = "flag"
DATE: Final = "date"
RATE: Final = "rate"

#: What each kind of column holds, as an error message says it.
_EXPECTED: Final = {
    TEXT: "text (str)",
    COUNT: "a whole number (int)",
    MONEY: "an amount (Decimal)",
    FLAG: "True or False",
    DATE: "a date",
    RATE: "a rate (Fraction)",
}
#: The kind of each of g287's own columns that may have no value in any row (an empty claim's
#: lines, a monthly claim's award, an award without a rate), so that its column keeps its type.
_WHEN_EMPTY: Final[Mapping[str, str]] = {
    **dict.fromkeys(LINE_COLUMNS, MONEY),  # a line's columns are amounts but for three
    "officer_id": TEXT,
    "model": TEXT,
    "eligible_days": COUNT,
    "quarter": TEXT,
    "award": MONEY,
    "rate": RATE,
    "percent": COUNT,
    "rule_id": TEXT,
}
#: The smallest integer an int64 column cannot hold.
_INT64_END: Final = 2**63
#: The kind of column a value belongs in, by its exact type (see :func:`_kind` for others).
_BY_TYPE: Final[Mapping[type, str]] = {
    str: TEXT,
    int: COUNT,
    bool: FLAG,
    Decimal: MONEY,
    Fraction: RATE,
    dt.date: DATE,
}
_PIP: Final = "pip install 'g287[pandas]'"


def to_frame(results: object, *, by: Literal["quarter", "officer"] | None = None) -> pd.DataFrame:
    """A pandas DataFrame of a claim, a fiscal year or results, with exact columns.

    Args:
        results: what to tabulate:

            * a :class:`~g287.Claim`: a row per officer line (the columns of
              :data:`~g287.claims.LINE_COLUMNS`), so ``frame["total"].sum()`` is the claim's
              reimbursement;
            * a :class:`~g287.FiscalYearClaims`: a row per quarter claimed (``quarter``,
              ``reimbursement``, ``adjustment``, ``award``, ``total``; the year's totals are
              the columns' sums), or with ``by="officer"`` a row per officer (``officer_id``,
              a column per quarter named as it is, ``FY2026 Q1``, and ``total``);
            * any other result (an :class:`~g287.AwardResult`, an
              :class:`~g287.Adjustment`, ...): its ``as_row()`` as one row;
            * an iterable of results (claims, lines, adjustments, steps, ...) or of rows
              (mappings): a row each, the columns those of all the rows in the order they first
              appear, ``<NA>`` where a row has no such column.
        by: ``"quarter"`` (the default) or ``"officer"``: how a fiscal year is divided. Only
            for a :class:`~g287.FiscalYearClaims`.

    Each column's type follows its values (the table on the page :doc:`/notebooks`): amounts
    are ``decimal128(14, 2)`` Arrow columns, counts ``int64``, dates ``date32``, text and
    rates Arrow strings. Sums are exact ``Decimal`` amounts.

    Raises:
        InvalidInputError: without pandas and pyarrow (``pip install 'g287[pandas]'``); for an
            amount that is not whole cents or is above :data:`~g287.money.MAX_MONEY`, a count
            outside 64 bits, a datetime with a time of day, or ``by`` where it does not apply.
        InvalidTypeError: when ``results`` is none of the above; for a value of no kind above
            (a ``float`` is not exact) or of another kind than its column's first value.

    >>> import g287
    >>> from g287.dataio import example_dir, load_dataset
    >>> data = load_dataset(*(example_dir() / n for n in
    ...                       ("officers.csv", "payroll.csv", "leads.csv", "agency.json")))
    >>> claim = g287.quarterly_claim(agency=data.agency, officers=data.officers,
    ...     payroll=data.payroll, leads=data.lead_report("FY2026 Q1"), quarter="FY2026 Q1")
    >>> frame = to_frame(claim)
    >>> frame["total"].sum()
    Decimal('109018.52')
    >>> frame["total"].sum() == claim.reimbursement
    True
    >>> str(frame.dtypes["total"]), str(frame.dtypes["eligible_days"])
    ('decimal128(14, 2)[pyarrow]', 'int64[pyarrow]')
    """
    pandas, pyarrow = _pandas()
    rows, columns, known = _rows(results, by)
    arrow = {
        TEXT: pyarrow.string(),
        COUNT: pyarrow.int64(),
        MONEY: pyarrow.decimal128(14, 2),
        FLAG: pyarrow.bool_(),
        DATE: pyarrow.date32(),
        RATE: pyarrow.string(),
    }
    arrays = {}
    for name in columns:
        kind, cells = _column(name, [row.get(name) for row in rows], known)
        arrays[name] = pyarrow.array(cells, type=arrow[kind])
    frame: pd.DataFrame = pyarrow.table(arrays).to_pandas(types_mapper=pandas.ArrowDtype)
    return frame


def _pandas() -> tuple[Any, Any]:
    """pandas and pyarrow, or the error that says how to install them."""
    try:
        # The optional extra, imported when asked for (pyarrow has no type stubs).
        import pandas  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
        import pyarrow  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as exc:
        missing = exc.name or "pandas"
        raise InvalidInputError(
            f"{missing}: not installed; DataFrames need the pandas extra (pandas and pyarrow): "
            f"{_PIP}",
            field=missing,
            value=None,
        ) from exc
    return pandas, pyarrow


def _rows(
    results: object, by: str | None
) -> tuple[list[Mapping[str, object]], Sequence[str], Mapping[str, str]]:
    """The rows to tabulate, their columns in order, and the kinds of columns without values."""
    if isinstance(results, FiscalYearClaims):
        return _year(results, by)
    if by is not None:
        raise InvalidInputError.about(
            "by", by, "divides a fiscal year (FiscalYearClaims); leave it out for other results"
        )
    if isinstance(results, Claim):
        return [line.as_row() for line in results.lines], LINE_COLUMNS, _WHEN_EMPTY
    if hasattr(results, "as_row"):
        rows = [_row(results, "results")]
    elif isinstance(results, Iterable) and not isinstance(results, (str, bytes, Mapping)):
        rows = [_row(x, f"results[{i}]") for i, x in enumerate(results)]
    else:
        raise type_error(
            "results",
            results,
            "a Claim, a FiscalYearClaims, a result with as_row(), or an iterable of results",
        )
    return rows, list(dict.fromkeys(name for row in rows for name in row)), _WHEN_EMPTY


def _row(item: object, field: str) -> Mapping[str, object]:
    """A result's row (its ``as_row()``), or a row given as a mapping."""
    if isinstance(item, Mapping):
        return item
    as_row = getattr(item, "as_row", None)
    if as_row is None:
        raise type_error(field, item, "a result with as_row() or a row (a mapping)")
    row: Mapping[str, object] = as_row()
    return row


def _year(
    year: FiscalYearClaims, by: str | None
) -> tuple[list[Mapping[str, object]], Sequence[str], Mapping[str, str]]:
    """A fiscal year's rows per quarter (without the year's totals: they are the sums) or per
    officer."""
    if by is None or by == "quarter":
        columns: Sequence[str] = ("quarter", *SUMMARY_COLUMNS)
        rows: list[Mapping[str, object]] = list(year.quarter_rows()[:-1])
    elif by == "officer":
        columns = ("officer_id", *(str(c.quarter) for c in year.claims), "total")
        rows = list(year.officer_rows())
    else:
        raise InvalidInputError.about(
            "by", by, "is not a way to divide a fiscal year; expected 'quarter' or 'officer'"
        )
    return rows, columns, {name: TEXT if i == 0 else MONEY for i, name in enumerate(columns)}


def _column(name: str, values: list[object], known: Mapping[str, str]) -> tuple[str, list[object]]:
    """A column's kind (its first value's, else the known one, else text) and its cells."""
    kind = ""
    cells: list[object] = []
    for i, value in enumerate(values):
        if value is None:
            cells.append(None)
            continue
        this = _BY_TYPE.get(type(value)) or _kind(value, f"results[{i}].{name}")
        if not kind:
            kind = this
        elif this != kind:
            raise type_error(
                f"results[{i}].{name}", value, f"{_EXPECTED[kind]}, as in the column's first row"
            )
        cells.append(_cell(kind, value, i, name))
    return kind or known.get(name, TEXT), cells


def _kind(value: object, field: str) -> str:
    """The kind of column a value of a type not in :data:`_BY_TYPE` belongs in."""
    if isinstance(value, numbers.Integral):  # a NumPy integer, say (a bool is in _BY_TYPE)
        return COUNT
    if isinstance(value, dt.date):  # a datetime (or pandas Timestamp) at midnight: to_date
        return DATE
    # Subclasses of str, Decimal and Fraction are not exact values of g287's; nor is a float.
    raise type_error(field, value, "an exact value: str, int, bool, Decimal, Fraction or date")


def _cell(kind: str, value: Any, i: int, name: str) -> object:
    """A value as its column holds it, checked."""
    if kind == MONEY:
        # An amount as g287 makes them (at most two places, below 10**12) is taken as it is;
        # any other is read by to_signed_money, which writes whole cents with two places
        # (1.000 is 1.00), refuses fractions of a cent and amounts above MAX_MONEY, and says so.
        if value.is_finite() and value.adjusted() <= 11 and value.as_tuple().exponent >= -2:
            return value
        return to_signed_money(value, f"results[{i}].{name}")
    if kind == COUNT:
        count = int(value)
        if not -_INT64_END <= count < _INT64_END:
            raise InvalidInputError.about(
                f"results[{i}].{name}", value, "does not fit a 64-bit integer column"
            )
        return count
    if kind == RATE:
        return str(value)
    if kind == DATE and type(value) is not dt.date:
        return to_date(value, f"results[{i}].{name}")
    return value
