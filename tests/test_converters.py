"""The converters' table: every form each kind of value may take, accepted or refused.

Each kind of value has one converter, and every constructor and function that takes the kind
uses it (issue 15). This file is the table of their forms, kind by kind: what each accepts and
the value it makes of it, and what each refuses, with the error. A refusal is about the argument
it was given: its message starts with the field (``trained_on: …``) and the error's ``.field``
names it. ``docs/claims.rst`` ("What each kind of value accepts") is the same table for readers.

The file readers and :meth:`g287.dataio.Dataset.from_records` read more spellings (``$1,234.56``,
``10/01/2025``, ``yes``); those are the input-file rules, tested with the readers. Here, the core:
what Python code may pass.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import given
from hypothesis import strategies as st

import g287
from g287 import (
    Agency,
    DateRange,
    FiscalQuarter,
    FiscalYear,
    G287Error,
    InvalidInputError,
    InvalidTypeError,
    LeadReport,
    Model,
    Officer,
    PayRecord,
    PolicyError,
)
from g287._validators import (
    MAX_COUNT,
    Value,
    to_bool,
    to_count,
    to_date,
    to_id,
    to_name,
    to_optional_date,
    to_text,
)
from g287.calendar import period_name, to_fiscal_year, to_period, to_quarter
from g287.money import MAX_MONEY, to_money, to_signed_money
from g287.policy import to_model, to_rate
from strategies import dates, fiscal_quarters, fiscal_years

Converter = Callable[[Any, str], object]

#: The field each converter is called with: an argument or attribute it converts somewhere.
FIELDS: dict[Converter, str] = {
    to_date: "trained_on",
    to_optional_date: "separated_on",
    to_count: "provided",
    to_money: "annual_salary",
    to_signed_money: "salary",
    to_rate: "rate",
    to_model: "model",
    to_period: "period",
    to_quarter: "quarter",
    to_fiscal_year: "fiscal_year",
    to_id: "officer_id",
    to_name: "name",
    to_text: "text",
    to_bool: "assistance_satisfactory",
}

DAY = dt.date(2025, 10, 1)
OCTOBER = DateRange(DAY, dt.date(2025, 10, 31))
Q1 = FiscalQuarter(2026, 1)
FY2026 = FiscalYear(2026)
#: Five hours west of Greenwich (a fixed offset: no time zone database needed).
EST = dt.timezone(dt.timedelta(hours=-5))
# Naive datetimes, as a spreadsheet or a DataFrame holds them: a day's midnight, and a morning.
MIDNIGHT = dt.datetime(2025, 10, 1)  # noqa: DTZ001
MORNING = dt.datetime(2025, 10, 1, 9, 30)  # noqa: DTZ001


class Day(dt.date):
    """A date subclass, as date libraries define them."""


def accepted(convert: Converter, given: object, expected: object) -> Any:
    """A row of the accepted table: ``convert(given, field)`` makes ``expected``."""
    return pytest.param(convert, given, expected, id=f"{convert.__name__}({given!r})")


def refused(convert: Converter, given: object, error: type[G287Error], problem: str) -> Any:
    """A row of the refused table: ``convert(given, field)`` raises ``error``, its message
    ``field: `` then the regex ``problem``."""
    return pytest.param(convert, given, error, problem, id=f"{convert.__name__}({given!r})")


ACCEPTED = [
    # dates: a date, ISO text, a datetime (a pandas Timestamp too) at midnight
    accepted(to_date, DAY, DAY),
    accepted(to_date, "2025-10-01", DAY),
    accepted(to_date, " 2025-10-01 ", DAY),
    accepted(to_date, "2024-02-29", dt.date(2024, 2, 29)),
    accepted(to_date, "9999-12-31", dt.date.max),
    accepted(to_date, Day(2025, 10, 1), DAY),  # a date subclass, as a plain date
    accepted(to_date, MIDNIGHT, DAY),
    accepted(to_date, pd.Timestamp("2025-10-01"), DAY),
    # an aware midnight is the day it names in its own zone: nothing is converted
    accepted(to_date, dt.datetime(2025, 10, 1, tzinfo=dt.UTC), DAY),
    accepted(to_date, pd.Timestamp("2025-10-01", tz=EST), DAY),
    accepted(to_optional_date, None, None),
    accepted(to_optional_date, pd.NaT, None),  # what pandas holds for an empty date
    accepted(to_optional_date, "2026-03-31", dt.date(2026, 3, 31)),
    # counts: an int or any integral number type, as a plain int
    accepted(to_count, 0, 0),
    accepted(to_count, 45, 45),
    accepted(to_count, MAX_COUNT, MAX_COUNT),
    accepted(to_count, np.int64(45), 45),
    accepted(to_count, np.int32(45), 45),
    accepted(to_count, np.uint8(45), 45),
    # money: int, text of plain digits or Decimal, as a two-place Decimal
    accepted(to_money, Decimal("72000.00"), Decimal("72000.00")),
    accepted(to_money, Decimal("72000"), Decimal("72000.00")),
    accepted(to_money, Decimal("72000.500"), Decimal("72000.50")),
    accepted(to_money, Decimal("7.2E+4"), Decimal("72000.00")),
    accepted(to_money, 72000, Decimal("72000.00")),
    accepted(to_money, np.int64(72000), Decimal("72000.00")),
    accepted(to_money, "72000", Decimal("72000.00")),
    accepted(to_money, "72000.5", Decimal("72000.50")),
    accepted(to_money, " 72000.50 ", Decimal("72000.50")),
    accepted(to_money, ".5", Decimal("0.50")),
    accepted(to_money, "-0", Decimal("0.00")),
    accepted(to_money, "999999999999.99", MAX_MONEY),
    accepted(to_signed_money, "-250.00", Decimal("-250.00")),
    accepted(to_signed_money, -250, Decimal("-250.00")),
    accepted(to_signed_money, Decimal("-0.01"), Decimal("-0.01")),
    accepted(to_signed_money, "250", Decimal("250.00")),
    # location rates: an exact fraction from 0 to 1
    accepted(to_rate, Fraction(9, 10), Fraction(9, 10)),
    accepted(to_rate, 0, Fraction(0)),
    accepted(to_rate, 1, Fraction(1)),
    # models: a Model, its code or its name, any case, words apart by spaces, - or _
    accepted(to_model, Model.TASK_FORCE, Model.TASK_FORCE),
    accepted(to_model, "TFM", Model.TASK_FORCE),
    accepted(to_model, "tfm", Model.TASK_FORCE),
    accepted(to_model, " Tfm ", Model.TASK_FORCE),
    accepted(to_model, "Task Force", Model.TASK_FORCE),
    accepted(to_model, "task force model", Model.TASK_FORCE),
    accepted(to_model, "TASK FORCE MODEL", Model.TASK_FORCE),
    accepted(to_model, "task-force", Model.TASK_FORCE),
    accepted(to_model, "Task  Force", Model.TASK_FORCE),
    accepted(to_model, "TASK_FORCE", Model.TASK_FORCE),
    accepted(to_model, "JEM", Model.JAIL_ENFORCEMENT),
    accepted(to_model, "Jail Enforcement Model", Model.JAIL_ENFORCEMENT),
    accepted(to_model, "wso", Model.WARRANT_SERVICE_OFFICER),
    accepted(to_model, "Warrant Service Officer", Model.WARRANT_SERVICE_OFFICER),
    accepted(to_model, "warrant-service", Model.WARRANT_SERVICE_OFFICER),
    # periods: a DateRange, FiscalQuarter or FiscalYear, or the text of any of them
    accepted(to_period, OCTOBER, OCTOBER),
    accepted(to_period, Q1, Q1.range),
    accepted(to_period, FY2026, FY2026.range),
    accepted(to_period, "FY2026", FY2026.range),
    accepted(to_period, "fy26", FY2026.range),
    accepted(to_period, "2026", FY2026.range),
    accepted(to_period, " FY 2026 ", FY2026.range),
    accepted(to_period, "FY99", FiscalYear(2099).range),  # two digits are this century's
    accepted(to_period, "FY2026 Q1", Q1.range),
    accepted(to_period, "FY26 Q1", Q1.range),
    accepted(to_period, "fy2026-q1", Q1.range),
    accepted(to_period, "2026Q1", Q1.range),
    accepted(to_period, "2025-10-01 to 2025-10-31", OCTOBER),
    accepted(to_period, " 2025-10-01  to  2025-10-31 ", OCTOBER),
    accepted(to_period, "2025-10", OCTOBER),
    accepted(to_period, "2024-02", DateRange(dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    # fiscal quarters: a FiscalQuarter or its text
    accepted(to_quarter, Q1, Q1),
    accepted(to_quarter, "FY2026 Q1", Q1),
    accepted(to_quarter, "fy26q1", Q1),
    accepted(to_quarter, " FY2026-Q1 ", Q1),
    accepted(to_quarter, "2026Q1", Q1),
    accepted(to_quarter, "FY 2026 q 1", Q1),
    # fiscal years: a FiscalYear, its number or its text
    accepted(to_fiscal_year, FY2026, FY2026),
    accepted(to_fiscal_year, 2026, FY2026),
    accepted(to_fiscal_year, np.int64(2026), FY2026),
    accepted(to_fiscal_year, "FY2026", FY2026),
    accepted(to_fiscal_year, "fy26", FY2026),
    accepted(to_fiscal_year, "2026", FY2026),
    accepted(to_fiscal_year, " FY 2026 ", FY2026),
    # ids: plain ASCII after NFKC normalisation
    accepted(to_id, "T-01", "T-01"),
    accepted(to_id, "t.01_a", "t.01_a"),
    accepted(to_id, "\uff34\uff0d\uff10\uff11", "T-01"),  # full-width Ｔ－０１
    accepted(to_id, "T" * 64, "T" * 64),
    accepted(to_id, np.str_("T-01"), "T-01"),
    # names and text: printable text; a name also refuses control and format characters
    accepted(to_name, "Harbor County Sheriff's Office", "Harbor County Sheriff's Office"),
    accepted(to_name, "Comt\u00e9 de Qu\u00e9bec", "Comt\u00e9 de Qu\u00e9bec"),
    accepted(to_text, "two\nlines", "two\nlines"),
    # yes/no: True or False only
    accepted(to_bool, True, True),
    accepted(to_bool, False, False),
    accepted(to_bool, np.True_, True),
    accepted(to_bool, np.False_, False),
]

BOOL_TYPE = r"is a bool; expected "
REFUSED = [
    # dates
    refused(
        to_date,
        MORNING,
        InvalidInputError,
        r"datetime\.datetime\(2025, 10, 1, 9, 30\) has a time of day",
    ),
    refused(
        to_date,
        pd.Timestamp("2025-10-01 00:00:01"),
        InvalidInputError,
        r"Timestamp\('2025-10-01 00:00:01'\) has a time of day",
    ),
    refused(
        to_date,
        pd.Timestamp("2025-10-01 00:00:00.000000001"),
        InvalidInputError,
        r"Timestamp\(.*\) has a time of day",
    ),
    refused(to_date, pd.NaT, InvalidInputError, "NaT is missing; expected a date"),
    refused(
        to_date,
        np.datetime64("2025-10-01"),
        InvalidTypeError,
        r"np\.datetime64\('2025-10-01'\) is a datetime64; expected a date",
    ),
    refused(
        to_date, "2025-02-30", InvalidInputError, "'2025-02-30' is not a day: February has 28 days"
    ),
    refused(
        to_date, "2025-02-29", InvalidInputError, "'2025-02-29' is not a day: February has 28 days"
    ),
    refused(
        to_date, "9999-12-32", InvalidInputError, "'9999-12-32' is not a day: December has 31 days"
    ),
    refused(
        to_date, "2025-13-01", InvalidInputError, "'2025-13-01' is not a day: there is no month 13"
    ),
    refused(
        to_date, "0000-01-01", InvalidInputError, "'0000-01-01' is not a day: there is no year 0"
    ),
    refused(
        to_date, "10/01/2025", InvalidInputError, "'10/01/2025' is not a date; expected YYYY-MM-DD"
    ),
    refused(to_date, "20251001", InvalidInputError, "'20251001' is not a date"),
    refused(to_date, "2025-10-1", InvalidInputError, "'2025-10-1' is not a date"),
    refused(to_date, "2025-10-01T00:00", InvalidInputError, "'2025-10-01T00:00' is not a date"),
    refused(
        to_date,
        "\uff12\uff10\uff12\uff15-\uff11\uff10-\uff10\uff11",
        InvalidInputError,
        "'.*' is not a date",
    ),
    refused(to_date, "", InvalidInputError, "'' is not a date"),
    refused(to_date, True, InvalidTypeError, "True " + BOOL_TYPE + "a date"),
    refused(to_date, 20251001, InvalidTypeError, "20251001 is an int; expected a date"),
    refused(to_date, 2025.0, InvalidTypeError, r"2025\.0 is a float; expected a date"),
    refused(to_date, None, InvalidTypeError, "None is a NoneType; expected a date"),
    refused(to_date, b"2025-10-01", InvalidTypeError, "b'2025-10-01' is a bytes"),
    refused(
        to_date,
        pd.Period("2025-10-01", "D"),
        InvalidTypeError,
        r"Period\('2025-10-01', 'D'\) is a Period",
    ),
    refused(to_optional_date, "", InvalidInputError, "'' is not a date"),
    # a float NaN says nothing about a date: "no separation" is None (or a date column's NaT)
    refused(to_optional_date, math.nan, InvalidTypeError, "nan is a float; expected a date"),
    # counts
    refused(to_count, True, InvalidTypeError, "True " + BOOL_TYPE + r"a whole number \(int\) >= 0"),
    refused(to_count, False, InvalidTypeError, "False " + BOOL_TYPE),
    refused(to_count, np.True_, InvalidTypeError, r"np\.True_ is a numpy\.bool; expected "),
    refused(to_count, 45.0, InvalidTypeError, r"45\.0 is a float; expected a whole number"),
    refused(to_count, 5.0, InvalidTypeError, r"5\.0 is a float"),
    refused(to_count, np.float64(45), InvalidTypeError, r"np\.float64\(45\.0\) is a float64"),
    refused(to_count, Decimal(45), InvalidTypeError, r"Decimal\('45'\) is a Decimal"),
    refused(to_count, Fraction(45), InvalidTypeError, r"Fraction\(45, 1\) is a Fraction"),
    refused(to_count, "45", InvalidTypeError, "'45' is a str"),
    refused(to_count, None, InvalidTypeError, "None is a NoneType"),
    refused(to_count, pd.NA, InvalidTypeError, "<NA> is a NAType"),
    refused(to_count, -1, InvalidInputError, "-1 is negative; expected a whole number >= 0"),
    refused(to_count, np.int64(-1), InvalidInputError, "-1 is negative"),
    refused(
        to_count,
        MAX_COUNT + 1,
        InvalidInputError,
        "1000000001 is too large; expected at most 1000000000",
    ),
    refused(to_count, np.int64(MAX_COUNT + 1), InvalidInputError, "1000000001 is too large"),
    # money
    refused(
        to_money,
        72000.0,
        InvalidTypeError,
        r"72000\.0 is a float; pass a string or Decimal such as '72000\.0'",
    ),
    refused(to_money, np.float64(72000), InvalidTypeError, r"np\.float64\(72000\.0\) is a float"),
    refused(to_money, True, InvalidTypeError, "True " + BOOL_TYPE + "an amount"),
    refused(to_money, Fraction(1, 2), InvalidTypeError, r"Fraction\(1, 2\) is a Fraction"),
    refused(to_money, None, InvalidTypeError, "None is a NoneType"),
    refused(
        to_money,
        "$72,000.00",
        InvalidInputError,
        r"'\$72,000\.00' is not an amount; expected digits such as '1234\.56'",
    ),
    refused(to_money, "72,000", InvalidInputError, "'72,000' is not an amount"),
    refused(to_money, "1e3", InvalidInputError, "'1e3' is not an amount"),
    refused(to_money, "+5", InvalidInputError, r"'\+5' is not an amount"),
    refused(to_money, "", InvalidInputError, "'' is not an amount"),
    refused(
        to_money,
        "72000.005",
        InvalidInputError,
        r"'72000\.005' has fractions of a cent; expected whole cents",
    ),
    refused(
        to_money,
        Decimal("0.001"),
        InvalidInputError,
        r"Decimal\('0\.001'\) has fractions of a cent",
    ),
    refused(to_money, "-1", InvalidInputError, "'-1' is negative; expected an amount >= 0"),
    refused(to_money, -1, InvalidInputError, "-1 is negative"),
    refused(to_money, "NaN", InvalidInputError, "'NaN' is not an amount"),
    refused(to_money, "Infinity", InvalidInputError, "'Infinity' is not an amount"),
    refused(
        to_money, Decimal("NaN"), InvalidInputError, r"Decimal\('NaN'\) is not a finite amount"
    ),
    refused(
        to_money,
        Decimal("-Infinity"),
        InvalidInputError,
        r"Decimal\('-Infinity'\) is not a finite amount",
    ),
    refused(
        to_money,
        "1000000000000",
        InvalidInputError,
        r"'1000000000000' is too large; expected at most 999999999999\.99",
    ),
    refused(to_signed_money, "-$250.00", InvalidInputError, r"'-\$250\.00' is not an amount"),
    refused(to_signed_money, "(250.00)", InvalidInputError, r"'\(250\.00\)' is not an amount"),
    refused(to_signed_money, "-0.001", InvalidInputError, r"'-0\.001' has fractions of a cent"),
    refused(to_signed_money, -1.5, InvalidTypeError, r"-1\.5 is a float"),
    refused(to_signed_money, "-1000000000000", InvalidInputError, "'-1000000000000' is too large"),
    # location rates
    refused(
        to_rate,
        0.9,
        InvalidTypeError,
        r"0\.9 is a float; expected a fractions\.Fraction from 0 to 1",
    ),
    refused(to_rate, Decimal("0.9"), InvalidTypeError, r"Decimal\('0\.9'\) is a Decimal"),
    refused(to_rate, "9/10", InvalidTypeError, "'9/10' is a str"),
    refused(to_rate, "90%", InvalidTypeError, "'90%' is a str"),
    refused(to_rate, True, InvalidTypeError, "True " + BOOL_TYPE),
    refused(to_rate, np.int64(1), InvalidTypeError, r"np\.int64\(1\) is an int64"),
    refused(
        to_rate,
        Fraction(3, 2),
        InvalidInputError,
        r"Fraction\(3, 2\) is outside 0-1; expected a location rate",
    ),
    refused(to_rate, -1, InvalidInputError, "-1 is outside 0-1"),
    # models
    refused(
        to_model,
        "XYZ",
        InvalidInputError,
        r"'XYZ' is not a 287\(g\) model; expected JEM, TFM or WSO \(or their names\)",
    ),
    refused(to_model, "TF", InvalidInputError, r"'TF' is not a 287\(g\) model"),
    refused(to_model, "T F M", InvalidInputError, r"'T F M' is not a 287\(g\) model"),
    refused(
        to_model, "Task Force Models", InvalidInputError, r"'Task Force Models' is not a 287\(g\)"
    ),
    refused(
        to_model, "Model.TASK_FORCE", InvalidInputError, r"'Model\.TASK_FORCE' is not a 287\(g\)"
    ),
    refused(to_model, "\uff34\uff26\uff2d", InvalidInputError, r"'.*' is not a 287\(g\) model"),
    refused(to_model, "task\nforce", InvalidInputError, r"'task\\nforce' is not a 287\(g\) model"),
    refused(to_model, "TFM\n", InvalidInputError, r"'TFM\\n' is not a 287\(g\) model"),
    refused(to_model, "\tTFM", InvalidInputError, r"'\\tTFM' is not a 287\(g\) model"),
    refused(to_model, "", InvalidInputError, r"'' is not a 287\(g\) model"),
    refused(
        to_model,
        1,
        InvalidTypeError,
        "1 is an int; expected a g287.Model or its code such as 'TFM'",
    ),
    refused(to_model, b"TFM", InvalidTypeError, "b'TFM' is a bytes"),
    refused(to_model, None, InvalidTypeError, "None is a NoneType"),
    # periods
    refused(
        to_period,
        DAY,
        InvalidTypeError,
        r"datetime\.date\(2025, 10, 1\) is a date; expected a DateRange, FiscalQuarter",
    ),
    refused(
        to_period,
        pd.Timestamp("2025-10-01"),
        InvalidTypeError,
        r"Timestamp\('2025-10-01 00:00:00'\) is a Timestamp",
    ),
    refused(
        to_period,
        "2025-10-01",
        InvalidInputError,
        "'2025-10-01' is not a period; expected a fiscal year",
    ),
    refused(to_period, (DAY, DAY), InvalidTypeError, r"\(datetime\.date.*\) is a tuple"),
    refused(to_period, 2026, InvalidTypeError, "2026 is an int"),
    refused(to_period, np.int64(2026), InvalidTypeError, r"np\.int64\(2026\) is an int64"),
    refused(to_period, None, InvalidTypeError, "None is a NoneType"),
    refused(
        to_period,
        "FY2026 Q5",
        InvalidInputError,
        r"Invalid fiscal quarter: 'FY2026 Q5' \(quarter must be 1-4\)",
    ),
    refused(
        to_period,
        "FY1999",
        InvalidInputError,
        r"Invalid fiscal year: 'FY1999' \(expected a year 2000-9999",
    ),
    refused(
        to_period, "2025-13", InvalidInputError, "'2025-13' is not a day: there is no month 13"
    ),
    refused(
        to_period,
        "2025-10-01 to 2025-10-32",
        InvalidInputError,
        "'2025-10-32' is not a day: October has 31 days",
    ),
    refused(
        to_period,
        "10/01/2025 to 10/31/2025",
        InvalidInputError,
        "'10/01/2025' is not a date; expected YYYY-MM-DD",
    ),
    refused(
        to_period,
        "2025-10-01 - 2025-10-31",
        InvalidInputError,
        "'2025-10-01 - 2025-10-31' is not a period; expected a fiscal year",
    ),
    refused(
        to_period,
        "2025-10-01 TO 2025-10-31",
        InvalidInputError,
        "'2025-10-01 TO.* is not a period; expected a fiscal year",
    ),
    refused(
        to_period,
        "October 2025",
        InvalidInputError,
        "'October 2025' is not a period; expected a fiscal year",
    ),
    refused(to_period, "", InvalidInputError, "'' is not a period; expected a fiscal year"),
    refused(to_period, "2025-10-31 to 2025-10-01", InvalidInputError, "'2025-10-31 to 2025-10-01'"),
    # fiscal quarters
    refused(
        to_quarter,
        "FY2026",
        InvalidInputError,
        r"Invalid fiscal quarter: 'FY2026' \(expected a form like 'FY2026 Q1'\)",
    ),
    refused(to_quarter, "Q1", InvalidInputError, "Invalid fiscal quarter: 'Q1'"),
    refused(
        to_quarter,
        "FY2026 Q5",
        InvalidInputError,
        r"Invalid fiscal quarter: 'FY2026 Q5' \(quarter must be 1-4\)",
    ),
    refused(
        to_quarter,
        "FY1999 Q1",
        InvalidInputError,
        r"Invalid fiscal quarter: 'FY1999 Q1' \(expected a year 2000-9999",
    ),
    refused(
        to_quarter,
        "2025-10-01 to 2025-12-31",
        InvalidInputError,
        "Invalid fiscal quarter: '2025-10-01 to",
    ),
    refused(
        to_quarter,
        FY2026,
        InvalidTypeError,
        r"FiscalYear\(2026\) is a FiscalYear; expected a FiscalQuarter or text such as 'FY2026 Q1'",
    ),
    refused(
        to_quarter,
        Q1.range,
        InvalidTypeError,
        r"DateRange\(2025-10-01, 2025-12-31\) is a DateRange",
    ),
    refused(to_quarter, 20261, InvalidTypeError, "20261 is an int"),
    refused(to_quarter, (2026, 1), InvalidTypeError, r"\(2026, 1\) is a tuple"),
    refused(to_quarter, None, InvalidTypeError, "None is a NoneType"),
    # fiscal years
    refused(to_fiscal_year, True, InvalidTypeError, "True " + BOOL_TYPE),
    refused(to_fiscal_year, 2026.0, InvalidTypeError, r"2026\.0 is a float"),
    refused(to_fiscal_year, Decimal(2026), InvalidTypeError, r"Decimal\('2026'\) is a Decimal"),
    refused(to_fiscal_year, Q1, InvalidTypeError, r"FiscalQuarter\(2026, 1\) is a FiscalQuarter"),
    refused(
        to_fiscal_year,
        "FY2026 Q1",
        InvalidInputError,
        r"Invalid fiscal year: 'FY2026 Q1' \(expected a form like 'FY2026'\)",
    ),
    refused(
        to_fiscal_year,
        "FY1999",
        InvalidInputError,
        r"Invalid fiscal year: 'FY1999' \(expected a year 2000-9999",
    ),
    refused(to_fiscal_year, 10000, InvalidInputError, "10000 is out of range; expected 2-9999"),
    # ids
    refused(
        to_id,
        " T-01",
        InvalidInputError,
        "' T-01' contains U\\+0020 SPACE; expected ASCII letters, digits, '.', '_' and '-'",
    ),
    refused(to_id, "T 1", InvalidInputError, "'T 1' contains U\\+0020 SPACE"),
    refused(to_id, "", InvalidInputError, "'' is empty; expected an id"),
    refused(to_id, "-T1", InvalidInputError, "'-T1' does not start with a letter or digit"),
    refused(
        to_id, "T" * 65, InvalidInputError, "'T+\u2026' is 65 characters long; expected at most 64"
    ),
    refused(
        to_id, "T-01\u200b", InvalidInputError, r"'T-01\\u200b' contains U\+200B ZERO WIDTH SPACE"
    ),
    refused(
        to_id,
        "\u0422-01",
        InvalidInputError,
        r"'\u0422-01' contains U\+0422 CYRILLIC CAPITAL LETTER TE",
    ),
    refused(to_id, 7, InvalidTypeError, r"7 is an int; expected an id \(text\)"),
    refused(to_id, b"T-01", InvalidTypeError, "b'T-01' is a bytes"),
    refused(to_id, None, InvalidTypeError, "None is a NoneType"),
    # names and text
    refused(to_name, "", InvalidInputError, "'' is empty; expected text"),
    refused(to_name, " ", InvalidInputError, "' ' is empty"),
    refused(
        to_name,
        "HC\u202eSO",
        InvalidInputError,
        r"'HC\\u202eSO' contains U\+202E RIGHT-TO-LEFT OVERRIDE; expected printable text",
    ),
    refused(to_name, "two\nlines", InvalidInputError, r"'two\\nlines' contains U\+000A <control>"),
    refused(to_name, 5, InvalidTypeError, "5 is an int; expected text"),
    refused(to_text, " ", InvalidInputError, "' ' is empty; expected text"),
    refused(to_text, None, InvalidTypeError, "None is a NoneType; expected text"),
    # yes/no
    refused(to_bool, 1, InvalidTypeError, "1 is an int; expected True or False"),
    refused(to_bool, 0, InvalidTypeError, "0 is an int"),
    refused(to_bool, "yes", InvalidTypeError, "'yes' is a str"),
    refused(to_bool, "true", InvalidTypeError, "'true' is a str"),
    refused(to_bool, None, InvalidTypeError, "None is a NoneType"),
]


def _canonical() -> list[Any]:
    """Each (converter, value it makes) of the accepted table, once."""
    seen: dict[tuple[str, str], Any] = {}
    for row in ACCEPTED:
        convert, _, made = row.values
        key = (convert.__name__, repr(made))
        seen.setdefault(key, pytest.param(convert, made, id=f"{convert.__name__}({made!r})"))
    return list(seen.values())


class TestAcceptedForms:
    @pytest.mark.parametrize(("convert", "given", "expected"), ACCEPTED)
    def test_makes_the_canonical_value(
        self, convert: Converter, given: object, expected: object
    ) -> None:
        """An accepted form gives the one value g287 works with: the same type and the same
        value, to its written form (``Decimal('72000.00')``, never ``Decimal('72000')``)."""
        made = convert(given, FIELDS[convert])
        assert (type(made), repr(made)) == (type(expected), repr(expected))

    @pytest.mark.parametrize(("convert", "canonical"), _canonical())
    def test_the_canonical_value_passes_unchanged(
        self, convert: Converter, canonical: object
    ) -> None:
        """A value a converter makes is one it accepts as it is, so the attrs validators that
        check a stored value with the converter take every value the converter made."""
        again = convert(canonical, FIELDS[convert])
        assert (type(again), repr(again)) == (type(canonical), repr(canonical))


class TestRefusedForms:
    @pytest.mark.parametrize(("convert", "given", "error", "problem"), REFUSED)
    def test_refused_naming_the_field_and_value(
        self, convert: Converter, given: object, error: type[G287Error], problem: str
    ) -> None:
        """A refused form raises the error of its kind (a wrong type InvalidTypeError, a bad
        value InvalidInputError) whose message starts with the field, then shows the value
        and what was expected; the error's ``.field`` is the field too."""
        field = FIELDS[convert]
        with pytest.raises(error, match=f"^{field}: {problem}") as raised:
            convert(given, field)
        assert raised.value.field == field


class TestDateLaws:
    @given(st.dates())
    def test_iso_text_and_midnight_name_the_day(self, day: dt.date) -> None:
        """Any day written as ISO text, or as a datetime at its midnight, is that day."""
        midnight = dt.datetime.combine(day, dt.time())
        assert to_date(day.isoformat(), "day") == to_date(midnight, "day") == day

    @given(dates)
    def test_a_midnight_timestamp_is_its_day(self, day: dt.date) -> None:
        """A pandas Timestamp at midnight, as a DataFrame's date column holds it, is its day."""
        assert to_date(pd.Timestamp(day), "day") == day

    @given(st.datetimes().filter(lambda moment: moment.time() != dt.time()))
    def test_a_time_of_day_is_refused_never_dropped(self, moment: dt.datetime) -> None:
        """A datetime at any time but midnight is refused: its day would be a guess."""
        with pytest.raises(InvalidInputError, match=r"^day: .* has a time of day"):
            to_date(moment, "day")


def _month(day: dt.date) -> DateRange:
    """The calendar month of ``day``."""
    last = calendar.monthrange(day.year, day.month)[1]
    return DateRange(day.replace(day=1), day.replace(day=last))


#: Periods of every kind people name: fiscal years, quarters, calendar months, runs of days.
periods = st.one_of(
    fiscal_years.map(lambda year: year.range),
    fiscal_quarters.map(lambda quarter: quarter.range),
    dates.map(_month),
    st.builds(
        lambda start, days: DateRange(start, start + dt.timedelta(days)), dates, st.integers(0, 400)
    ),
)


class TestPeriodTextLaws:
    @given(periods)
    def test_a_period_reads_its_own_text(self, span: DateRange) -> None:
        """A period's text, as a DateRange writes it (``2025-10-01 to 2025-10-31``) and as
        people name it (``FY2026 Q1``, ``FY2026``, ``2025-11``), reads back as the period."""
        assert to_period(str(span)) == to_period(period_name(span)) == span


# --- the same forms through the public constructors and functions -----------------------------

OFFICER = Officer("T-9", Model.TASK_FORCE, dt.date(2025, 8, 20), Decimal("72000.00"))
AGENCY = Agency("HCSO", "Harbor County", dt.date(2025, 7, 1), frozenset({Model.TASK_FORCE}))
PAYROLL = tuple(
    PayRecord(
        "T-9",
        dt.date(2025, 10, 1) + dt.timedelta(days=14 * n),
        dt.date(2025, 10, 14) + dt.timedelta(days=14 * n),
        Decimal("2769.23"),
        Decimal("850.00"),
        Decimal("400.00"),
    )
    for n in range(7)  # 2025-10-01 to 2025-12-30
)
LEADS = LeadReport(Q1, 50, 45)


def _claim(period: object) -> g287.Claim:
    return g287.claim(agency=AGENCY, officers=[OFFICER], payroll=PAYROLL, period=period)  # type: ignore[arg-type]


def _quarterly(quarter: object, leads: LeadReport) -> g287.Claim:
    return g287.quarterly_claim(
        agency=AGENCY,
        officers=[OFFICER],
        payroll=PAYROLL,
        leads=leads,
        quarter=quarter,  # type: ignore[arg-type]
    )


def _award(located: object, provided: object, officers: object, quarter: object) -> object:
    return g287.quarterly_award(
        located=located,  # type: ignore[arg-type]
        provided=provided,  # type: ignore[arg-type]
        task_force_officers=officers,  # type: ignore[arg-type]
        quarter=quarter,  # type: ignore[arg-type]
    )


def _reimbursement(salary: object, benefits: object, overtime: object, year: object) -> object:
    return g287.annual_reimbursement(
        annual_salary=salary,  # type: ignore[arg-type]
        benefits=benefits,  # type: ignore[arg-type]
        overtime=overtime,  # type: ignore[arg-type]
        fiscal_year=year,  # type: ignore[arg-type]
    )


#: (what a caller writes, the same built from canonical values)
THROUGH_THE_API: list[Any] = [
    pytest.param(
        lambda: Officer("T-9", "TFM", "2025-08-20", "72000"),
        lambda: OFFICER,
        id="Officer-text",
    ),
    pytest.param(
        lambda: Officer("T-9", "task force", pd.Timestamp("2025-08-20"), 72000),
        lambda: OFFICER,
        id="Officer-Timestamp",
    ),
    pytest.param(
        lambda: Agency("HCSO", "Harbor County", "2025-07-01", ["TFM", "Jail Enforcement"]),
        lambda: Agency(
            "HCSO",
            "Harbor County",
            dt.date(2025, 7, 1),
            frozenset({Model.TASK_FORCE, Model.JAIL_ENFORCEMENT}),
        ),
        id="Agency-models-as-text",
    ),
    pytest.param(
        lambda: LeadReport("FY2026 Q1", np.int64(50), np.int64(45)),
        lambda: LEADS,
        id="LeadReport-numpy-counts",
    ),
    pytest.param(
        lambda: PayRecord("T-9", MIDNIGHT, pd.Timestamp("2025-10-14"), "2769.23", 850, "400"),
        lambda: PAYROLL[0],
        id="PayRecord-Timestamp",
    ),
    pytest.param(
        lambda: DateRange("2025-10-01", pd.Timestamp("2025-10-31")),
        lambda: OCTOBER,
        id="DateRange-text",
    ),
    pytest.param(lambda: FiscalYear(np.int64(2026)), lambda: FY2026, id="FiscalYear-numpy"),
    pytest.param(
        lambda: FiscalQuarter(np.int64(2026), np.uint8(1)), lambda: Q1, id="FiscalQuarter-numpy"
    ),
    pytest.param(
        lambda: FiscalQuarter.containing(pd.Timestamp("2025-11-15")),
        lambda: Q1,
        id="FiscalQuarter.containing-Timestamp",
    ),
    pytest.param(
        lambda: g287.policy_in_force("2025-10-01"),  # type: ignore[arg-type]
        lambda: g287.policy_in_force(DAY),
        id="policy_in_force-text",
    ),
    pytest.param(
        lambda: g287.location_rate(np.int64(45), np.int64(50)),  # type: ignore[arg-type]
        lambda: Fraction(9, 10),
        id="location_rate-numpy",
    ),
    pytest.param(
        lambda: _award(np.int64(45), np.int64(50), np.uint8(1), "FY26 Q1"),
        lambda: _award(45, 50, 1, Q1),
        id="quarterly_award-numpy-text",
    ),
    pytest.param(
        lambda: _reimbursement("72000", 20000, Decimal("5000.00"), "FY26"),
        lambda: _reimbursement(
            Decimal("72000.00"), Decimal("20000.00"), Decimal("5000.00"), FY2026
        ),
        id="annual_reimbursement-text",
    ),
    pytest.param(
        lambda: _claim("2025-10-01 to 2025-10-31"), lambda: _claim(OCTOBER), id="claim-days"
    ),
    pytest.param(lambda: _claim("2025-10"), lambda: _claim(OCTOBER), id="claim-month"),
    pytest.param(lambda: _claim("FY26 Q1"), lambda: _claim(Q1), id="claim-quarter"),
    pytest.param(
        lambda: _quarterly("fy2026-q1", LeadReport("FY2026 Q1", np.int64(50), 45)),
        lambda: _quarterly(Q1, LEADS),
        id="quarterly_claim-text",
    ),
]


class TestThroughTheAPI:
    @pytest.mark.parametrize(("written", "canonical"), THROUGH_THE_API)
    def test_every_form_is_taken_everywhere(
        self, written: Callable[[], object], canonical: Callable[[], object]
    ) -> None:
        """The constructors and functions take each kind in every form its converter takes,
        and make from it what they make from the canonical value."""
        assert written() == canonical()

    @pytest.mark.parametrize(
        ("call", "error", "match"),
        [
            (
                lambda: Officer("T-9", "TFM", MORNING, "72000"),
                InvalidInputError,
                r"^trained_on: datetime\.datetime\(2025, 10, 1, 9, 30\) has a time of day",
            ),
            (
                lambda: Officer("T-9", "TFM", "2025-08-20", 72000.0),
                InvalidTypeError,
                r"^annual_salary: 72000\.0 is a float",
            ),
            (
                lambda: Agency("HCSO", "Harbor County", "2025-07-01", ["TFM", "XYZ"]),
                InvalidInputError,
                r"^models: 'XYZ' is not a 287\(g\) model",
            ),
            (
                lambda: LeadReport("FY2026 Q1", np.float64(50), 45),
                InvalidTypeError,
                r"^provided: np\.float64\(50\.0\) is a float64",
            ),
            (
                lambda: PayRecord("T-9", "10/01/2025", "2025-10-14", "1", "1", "0"),
                InvalidInputError,
                "^start: '10/01/2025' is not a date; expected YYYY-MM-DD",
            ),
            (lambda: _claim(DAY), InvalidTypeError, r"^period: datetime\.date\(2025, 10, 1\)"),
            (
                lambda: _award(45, 50, 4, "FY2026"),
                InvalidInputError,
                "^quarter: Invalid fiscal quarter: 'FY2026'",
            ),
        ],
    )
    def test_a_refusal_names_the_argument(
        self, call: Callable[[], object], error: type[G287Error], match: str
    ) -> None:
        """A form refused through a constructor or function is named by that argument."""
        with pytest.raises(error, match=match):
            call()


class TestResultsStoreWhatTheyAreGiven:
    @pytest.mark.parametrize(
        ("field", "given", "stored"),
        [
            ("task_force_officers", np.int64(4), "int 4"),
            ("assistance_satisfactory", np.True_, "bool True"),
        ],
        ids=["a NumPy count", "a NumPy bool"],
    )
    def test_a_value_its_converter_would_change_is_refused(
        self, field: str, given: object, stored: str
    ) -> None:
        """A result (here an award) holds its figures as g287 computed them: a field takes no
        value its kind's converter would change, and the message names the form it must have,
        so an edited result can never differ from what it shows."""
        award = g287.quarterly_award(
            located=45, provided=50, task_force_officers=4, quarter="FY2026 Q1"
        )
        changes: dict[str, Any] = {field: given}
        with pytest.raises(
            InvalidTypeError, match=f"^{field}: .* is not stored as given here; expected {stored}$"
        ):
            attrs.evolve(award, **changes)


class TestFieldChecks:
    def test_each_field_is_checked_before_the_class_checks_its_fields_together(self) -> None:
        """A value object checks each field (here the rule id) before its checks across fields
        (here that the band's low is not above its high), as attrs' validators ran."""
        with pytest.raises(PolicyError, match=r"^rule_id: 'R-x' is not a rule id"):
            g287.AwardTier("R-x", 95, 90, "1000")
        with pytest.raises(PolicyError, match=r"^high: 90 of R-X is below its low 95$"):
            g287.AwardTier("R-X", 95, 90, "1000")

    def test_a_value_class_cannot_replace_the_field_checks(self) -> None:
        """A value class whose ``__attrs_post_init__`` is not the one that runs the field checks
        (its own, or a mixin's before it) would skip them, so it is refused when the class is
        made, pointing to ``_check``."""
        with pytest.raises(TypeError, match=r"Odd defines __attrs_post_init__.* define _check"):

            @attrs.frozen(slots=False, repr=False, eq=False)
            class Odd(Value):
                amount: int = 0

                def __attrs_post_init__(self) -> None:
                    pass

        class Mixin:
            def __attrs_post_init__(self) -> None:
                pass

        with pytest.raises(TypeError, match=r"Mixed defines __attrs_post_init__"):

            class Mixed(Mixin, g287.AwardTier):
                pass

    def test_the_checks_run_whatever_attrs_validators_are_set_to(self) -> None:
        """g287's field checks are not attrs validators: switching attrs' validators off does
        not let a bad value object exist."""
        with attrs.validators.disabled(), pytest.raises(PolicyError, match=r"^rule_id: 'bad'"):
            g287.AwardTier("bad", 1, 2, "10")
