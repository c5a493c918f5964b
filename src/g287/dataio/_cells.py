"""Reading one cell of an export: the spellings payroll systems and spreadsheets write.

Each reader takes the cell's text and its column's name and returns the value, or raises a
``G287Error`` whose message starts with the column (``salary: '1,23.4' is not an amount…``).
Strict where a wrong guess would move money: an amount with misplaced thousands separators, a
two-digit year, an impossible date or a blank judgement is refused, never read as something.

* amounts: ``1234.56``, ``$1,234.56``, ``68,400``; a minus sign only where a column may be
  negative (an adjustment). Refused: ``1,23.4``, ``1.234,56``, ``12e3``.
* dates: ISO ``2025-10-01`` and US ``10/01/2025`` (``MM/DD/YYYY``, the one slash form); a
  datetime at midnight (``2025-10-01 00:00:00``) as its day, one with a time of day refused.
  Refused: ``20251001``, ``2025-W40-3``, ``10/01/25`` (a two-digit year), ``2025-11-31`` (with
  the reason: November has 30 days).
* counts: ``45``, ``1,200``, ``45.0``. Refused: ``4.5``, ``-1``.
* yes/no: ``yes``/``y``/``true``/``1`` and ``no``/``n``/``false``/``0``, any case. Refused: a
  blank cell.
* models: ``TFM``, ``Task Force``, ``task force model`` (codes and names, any case).
* fiscal quarters: ``FY2026 Q1``, ``FY26 Q1``, ``FY2026-Q1``, ``2026Q1``. Refused: years
  before 2000.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final

from g287._validators import ISO_DAY, day, to_count, to_id
from g287.calendar import FiscalQuarter, to_quarter
from g287.errors import InvalidInputError
from g287.money import to_money, to_signed_money, two_places
from g287.policy import Model, to_model

#: A cell reader: ``read(text, column)``.
Reader = Callable[[str, str], object]

# A plain amount, as the core reads it: digits, a point, up to two decimals. Anything else goes
# through _AMOUNT, which takes a dollar sign and thousands separators in their places.
# Neither takes three digits after the point, which _THOUSANDS_POINT judges first.
_PLAIN: Final = re.compile(r"-?[0-9]+(?:\.(?:[0-9]{0,2}|[0-9]{4,}))?", re.ASCII)
_PLAIN_POSITIVE: Final = re.compile(r"[0-9]+(?:\.(?:[0-9]{0,2}|[0-9]{4,}))?", re.ASCII)
_AMOUNT: Final = re.compile(
    r"(-)?\s*\$?\s*(-)?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]*)?", re.ASCII
)
#: One to three digits, a point and three more (``68.400``, ``1.005``): a European thousands
#: separator or a tenth of a cent; either way not an amount to guess at.
_THOUSANDS_POINT: Final = re.compile(r"-?\s*\$?\s*-?[1-9][0-9]{0,2}\.[0-9]{3}", re.ASCII)
_ISO_DAY: Final = re.compile(ISO_DAY, re.ASCII)
_US: Final = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]+)", re.ASCII)
_COUNT: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+", re.ASCII)
_YES: Final = frozenset({"yes", "y", "true", "1"})
_NO: Final = frozenset({"no", "n", "false", "0"})
_AN_AMOUNT: Final = "dollars and cents such as 1234.56 or $1,234.56"
#: A date and a time of day, as an export of datetimes writes them (``2025-10-01 00:00:00``).
_MOMENT: Final = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?",
    re.ASCII,
)
#: The cells of an ``adjustment`` column that mark an ordinary record: blank or a "no".
NOT_ADJUSTED: Final = _NO | {""}


def amount_text(text: str, column: str, *, signed: bool = False) -> str:
    """An amount's text in the plain form the core reads (``1234.56``), or an error.

    Takes a leading ``$`` and ``,`` thousands separators in groups of three; a minus sign only
    where ``signed`` (an adjustment). The result still goes through the money rules (cents,
    range), so ``12.345`` is refused there as fractions of a cent.

    >>> amount_text(" $68,400 ", "salary"), amount_text("2769.23", "salary")
    ('68400', '2769.23')
    """
    stripped = text.strip()
    if stripped.rfind(".") == len(stripped) - 4 and _THOUSANDS_POINT.fullmatch(stripped):
        raise InvalidInputError.about(
            column,
            text,
            "has three digits after its point, which may separate thousands; expected dollars "
            "and cents such as 68400.00 or 68.40",
        )
    if _PLAIN.fullmatch(stripped) and (signed or not stripped.startswith("-")):
        return stripped
    if not stripped:
        raise InvalidInputError.about(column, text, f"is empty; expected {_AN_AMOUNT}")
    match = _AMOUNT.fullmatch(stripped)
    if match is None or (match[1] and match[2]):
        raise InvalidInputError.about(
            column,
            text,
            f"is not an amount; expected {_AN_AMOUNT}",
        )
    if (match[1] or match[2]) and not signed:
        raise InvalidInputError.about(column, text, "is negative; expected an amount >= 0")
    sign = "-" if match[1] or match[2] else ""
    return f"{sign}{match[3].replace(',', '')}{match[4] or ''}"


def amount(text: str, column: str) -> Decimal:
    """An amount of money (:func:`amount_text`, then the money rules: cents, range)."""
    found = two_places(text)  # most cells: digits, a point and two more
    if found is not None:
        return found
    if _PLAIN_POSITIVE.fullmatch(text):  # no sign, no $, no separators, no spaces
        return to_money(text, column)
    return to_money(amount_text(text, column), column)


def signed_amount(text: str, column: str) -> Decimal:
    """An amount that may be negative (an adjustment's): ``-250.00``, ``-$1,000``, ``$-5``."""
    return to_signed_money(amount_text(text, column, signed=True), column)


def optional_yes_no(text: str, column: str) -> bool:
    """``yes``/``no`` as :func:`yes_no` reads it, a blank cell meaning no."""
    return yes_no(text, column) if text.strip() else False


def date(text: str, column: str) -> dt.date:
    """A day, written ISO ``2025-10-01`` or US ``10/01/2025``; impossible days say why.

    >>> date("10/01/2025", "period_start"), date("2025-10-01", "period_start")
    (datetime.date(2025, 10, 1), datetime.date(2025, 10, 1))
    >>> date("2025-11-31", "period_end")
    Traceback (most recent call last):
    ...
    g287.errors.InvalidInputError: period_end: '2025-11-31' is not a day: November has 30 days
    """
    stripped = text.strip()
    if not stripped:
        raise InvalidInputError.about(column, text, "is empty; expected a date")
    moment = _MOMENT.fullmatch(stripped)
    if moment is not None:  # a datetime: its day if at midnight, else refused, never cut
        if any(part.strip("0") for part in moment.groups("")[1:]):
            raise InvalidInputError.about(
                column, text, "has a time of day; expected a date (or a datetime at midnight)"
            )
        stripped = moment[1]
    iso = _ISO_DAY.fullmatch(stripped)
    if iso is not None:
        year, month, number = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        us = _US.fullmatch(stripped)
        if us is None:
            raise InvalidInputError.about(
                column, text, "is not a date; expected YYYY-MM-DD or MM/DD/YYYY"
            )
        if len(us[3]) != 4:
            raise InvalidInputError.about(
                column,
                text,
                f"has a year of {len(us[3])} digits; expected four (MM/DD/YYYY)",
            )
        month, number, year = int(us[1]), int(us[2]), int(us[3])
    return day(year, month, number, column, text)


def optional_date(text: str, column: str) -> dt.date | None:
    """A day, or ``None`` for a blank cell."""
    return date(text, column) if text.strip() else None


def count(text: str, column: str) -> int:
    """A whole number: digits, thousands separators allowed (``1,200``); a point followed by
    zeros only (``45.0``, as a spreadsheet or a float column writes a whole number) is the same
    number."""
    stripped = text.strip()
    if not stripped:
        raise InvalidInputError.about(column, text, "is empty; expected a whole number")
    if stripped.endswith((".0", ".00")):  # 45.0: a whole number as a float column writes it;
        stripped = stripped.rpartition(".")[0]  # 1.000 may mean a thousand, and is refused
    whole = _COUNT.fullmatch(stripped)
    if whole is None:
        raise InvalidInputError.about(column, text, "is not a whole number such as 45 or 1,200")
    digits = whole[0].replace(",", "").lstrip("0") or "0"
    if len(digits) > 10:  # refused before int() reads a number of any length
        raise InvalidInputError.about(column, text, "is too large; expected at most 1000000000")
    return to_count(int(digits), column)


def yes_no(text: str, column: str) -> bool:
    """``yes``/``no`` (also ``y``/``n``, ``true``/``false``, ``1``/``0``); a blank is refused:
    I-ASSIST's judgement is ICE's to give, never assumed."""
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InvalidInputError.about(column, text, "is not yes or no")


def model(text: str, column: str) -> Model:
    """A 287(g) model by code (``TFM``) or name (``Task Force Model``), in any case."""
    return to_model(text, column)


def quarter(text: str, column: str) -> FiscalQuarter:
    """A fiscal quarter (``FY2026 Q1``, ``FY26 Q1``, ``2026Q1``…)."""
    return to_quarter(text, column)


def identifier(text: str, column: str) -> str:
    """An id (:func:`g287._validators.to_id`), surrounding spaces dropped."""
    return to_id(text.strip(), column)
