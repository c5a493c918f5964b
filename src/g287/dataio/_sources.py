"""Where rows come from: CSV files as exports write them, ``.xlsx`` workbooks, JSON files, and
records already in memory (a DataFrame, a list of dicts).

Reading is streamed, line by line, and bounded: only regular files are read (a FIFO or a device
such as ``/dev/zero`` is refused before a byte is read), a file may be at most
:data:`MAX_FILE_BYTES` and a line at most :data:`MAX_LINE_BYTES`. Text must be UTF-8 (a
byte-order mark is allowed); anything else is refused at the line and byte where it stops being
UTF-8. The CSV parser sees every line as it was written, so a quoted field may hold a line
break (kept, for the cell's own rules to judge) and line numbers are the file's own.

Every source gives a :class:`Sheet` of text cells, so one set of column and cell rules reads
them all: a spreadsheet's or a DataFrame's typed values become text by :func:`cell_text`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import itertools
import json
import numbers
import operator
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from itertools import repeat
from pathlib import Path
from typing import Any, Final, TextIO

from g287._validators import at_midnight
from g287.errors import InvalidTypeError, show

from ._problems import DataError

#: The largest input file g287 reads (1 GiB).
MAX_FILE_BYTES: Final = 1 << 30
#: The longest line of a CSV file g287 reads (1 MiB).
MAX_LINE_BYTES: Final = 1 << 20
#: The most columns a table may have (a wider header is refused before its names are read).
MAX_COLUMNS: Final = 1000
#: Delimiters a CSV export may use; the header line tells which.
DELIMITERS: Final = (",", ";", "\t")
_BOM: Final = b"\xef\xbb\xbf"
_NOT_UTF8_HINT: Final = 'save it as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8)'


def column_name(header: str) -> str:
    """A header cell as a column name: case folded, spaces, hyphens and dots read as ``_``.

    >>> column_name(" Officer ID "), column_name("PERIOD-START"), column_name("Annual.Salary")
    ('officer_id', 'period_start', 'annual_salary')
    """
    return "_".join(re.split(r"[\s\-._]+", header.strip().lower())).strip("_")


def _opened(path: Path) -> int:
    """The size of a regular file that may be read, or a :class:`DataError` saying why not."""
    try:
        found = path.stat()
    except OSError as exc:
        raise DataError.at(str(path), f"cannot read ({exc.strerror})") from None
    except ValueError as exc:  # a NUL byte in the path
        raise DataError.at(show(str(path)), f"cannot read ({exc})") from None
    if not stat.S_ISREG(found.st_mode):
        raise DataError.at(
            str(path), "is not a regular file (a folder, a device or a pipe); expected a file"
        )
    if found.st_size > MAX_FILE_BYTES:
        raise DataError.at(
            str(path), f"is {found.st_size:,} bytes; g287 reads files of at most 1 GiB"
        )
    return found.st_size


def _lines_may_be_long(path: Path) -> bool:
    """Whether a line of the file may be longer than :data:`MAX_LINE_BYTES`: a line that long
    spans a whole half-limit block without a line break, which a scan of the bytes (at C
    speed) finds; the file is then read line by line with each line's length checked."""
    block = MAX_LINE_BYTES // 2
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(block), b""):
            if len(chunk) == block and b"\n" not in chunk and b"\r" not in chunk:
                return True
    return False


def _checked(stream: TextIO, start: int) -> Iterator[str]:
    """The stream's lines, numbered from ``start``, each checked for length."""
    for number, line in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), ""), start):
        if len(line) > MAX_LINE_BYTES:
            raise DataError.at(f"{stream.name}:{number}", "is longer than 1 MiB; expected a line")
        yield line


def _not_utf8(path: Path) -> DataError:
    """Where a file stops being UTF-8: the line and the byte."""
    offset = 0
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            data = raw[len(_BOM) :] if number == 1 and raw.startswith(_BOM) else raw
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                at = offset + (len(raw) - len(data)) + exc.start
                return DataError.at(
                    f"{path}:{number}",
                    f"is not UTF-8 text (byte {at:,} of the file is 0x{data[exc.start]:02x}); "
                    + _NOT_UTF8_HINT,
                )
            offset += len(raw)
    # Line breaks are never part of a UTF-8 sequence: a file that fails as a whole fails in a line.
    raise AssertionError(f"{path} decodes line by line but not as a whole")


#: How many rows a :class:`Sheet` gives at a time.
CHUNK_ROWS: Final = 4096
#: Some rows of a table: the number of each (its line, spreadsheet row or record) and its cells.
Chunk = tuple[Sequence[int], list[list[str]]]


def chunked(rows: Iterator[tuple[int, list[str]]]) -> Iterator[Chunk]:
    """Numbered rows, :data:`CHUNK_ROWS` at a time."""
    while batch := list(itertools.islice(rows, CHUNK_ROWS)):
        places, cells = zip(*batch, strict=True)
        yield places, list(cells)


class Sheet:
    """A table: its header (as column names) and its rows, each with the number a message
    gives it. Use it in a ``with`` block: a file stays open while the rows are read, and is
    closed at the end of it.

    A file's rows are numbered by the line (or spreadsheet row) they start on, and a problem is
    placed ``file:12``; records given in memory are numbered by position from 1 and placed
    ``payroll[row 12]`` (``row_place``), and their header, having no line, is placed by the
    table's name alone.
    """

    def __init__(
        self,
        where: str,
        header: tuple[int | None, list[str]],
        chunks: Iterator[Chunk],
        close: Callable[[], object],
        *,
        row_place: str = "{}:{}",
    ) -> None:
        self.where = where
        self.row_place = row_place
        #: The line (or spreadsheet row) the header stands on; ``None`` for records in memory.
        self.header_line, header_cells = header
        if len(header_cells) > MAX_COLUMNS:
            close()
            raise DataError.at(
                self.header_at,
                f"the header has {len(header_cells):,} columns; expected at most {MAX_COLUMNS:,}",
            )
        self.raw_header = header_cells
        self.header = [column_name(h) for h in header_cells]
        #: The rows, :data:`CHUNK_ROWS` at a time: each chunk the rows' numbers and cells.
        self.chunks = chunks
        self.close = close

    @property
    def header_at(self) -> str:
        """Where the header is, for a message: ``file:1``, or ``payroll`` for records."""
        if self.header_line is None:
            return self.where
        return self.at(self.header_line)

    def at(self, number: int) -> str:
        """Where the row numbered ``number`` is, for a message: ``file:12``, ``payroll[row 12]``."""
        return self.row_place.format(self.where, number)

    def __enter__(self) -> Sheet:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def read_sheet(path: Path) -> Sheet:
    """The table of a ``.csv`` (or ``.txt``/``.tsv``) or ``.xlsx`` file."""
    _opened(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _xlsx_sheet(path)
    return _csv_sheet(path)


def _header(path: Path, stream: TextIO) -> tuple[Any, list[str], int]:
    """The CSV reader of a file, its header row, and the number of blank lines above it."""
    lines = _checked(stream, 1)
    first, skipped = next(lines, ""), 0
    while first and not first.strip():
        first, skipped = next(lines, ""), skipped + 1
    if not first:
        raise DataError.at(f"{path}:1", "the file is empty; expected a header row")
    counts = {d: first.count(d) for d in DELIMITERS}
    delimiter = max(DELIMITERS, key=lambda d: counts[d])
    # The parser reads the file itself (line breaks in quoted cells and all), unless a line may
    # be too long to hold: then it reads the lines as they are checked.
    rest = lines if _lines_may_be_long(path) else stream
    reader = csv.reader(itertools.chain((first,), rest), delimiter=delimiter, strict=True)
    try:
        return reader, next(reader), skipped
    except csv.Error as exc:
        raise DataError.at(f"{path}:{skipped + reader.line_num}", f"the header: {exc}") from None


def _csv_sheet(path: Path) -> Sheet:
    with contextlib.ExitStack() as cleanup:
        stream = cleanup.enter_context(path.open(encoding="utf-8-sig", newline=""))
        try:
            reader, header, skipped = _header(path, stream)
        except UnicodeDecodeError:
            raise _not_utf8(path) from None
        cleanup.pop_all()  # from here on, the sheet closes the file

    def chunks() -> Iterator[Chunk]:
        end = skipped + reader.line_num  # the last line read; a row starts on the next one
        places: Sequence[int]
        while True:
            cells: list[list[str]] = []
            try:
                cells.extend(itertools.islice(reader, CHUNK_ROWS))  # what was read stays
            except (csv.Error, UnicodeDecodeError, DataError) as exc:  # the rows before count
                places, end = _numbered(cells, end)
                if cells:
                    yield places, cells
                if isinstance(exc, DataError):  # a line too long, placed where it stands
                    raise
                if isinstance(exc, UnicodeDecodeError):
                    raise _not_utf8(path) from None
                raise DataError.at(f"{path}:{end + 1}", f"unreadable CSV: {exc}") from None
            if not cells:
                return
            if skipped + reader.line_num - end == len(cells):  # one line each: the common case
                places = range(end + 1, end + 1 + len(cells))
                end += len(cells)
            else:
                places, end = _numbered(cells, end)
            yield places, cells

    return Sheet(str(path), (skipped + 1, header), chunks(), stream.close)


def _numbered(rows: list[list[str]], end: int) -> tuple[list[int], int]:
    """The line each row starts on, the first after ``end``, and the last line they take: a
    row takes one line and one more for each line break in its (quoted) cells, as the file is
    read (``newline=""``: a CR, an LF or a CRLF each end a line)."""
    texts = list(map("\x00".join, rows))  # a cell's CR and the next one's LF are two breaks
    breaks = map(
        operator.sub,
        map(operator.add, map(str.count, texts, repeat("\n")), map(str.count, texts, repeat("\r"))),
        map(str.count, texts, repeat("\r\n")),
    )
    lines = list(itertools.accumulate(map(operator.add, breaks, repeat(1)), initial=end))
    return [line + 1 for line in lines[:-1]], lines[-1]


def _xlsx_sheet(path: Path) -> Sheet:
    try:
        import openpyxl  # noqa: PLC0415 - optional: only .xlsx files need the excel extra
    except ImportError:
        raise DataError.at(
            str(path), "reading .xlsx files needs the excel extra: pip install 'g287[excel]'"
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise DataError.at(str(path), f"is not a readable .xlsx workbook ({exc})") from None
    try:
        return _first_sheet(path, book)
    except BaseException:
        book.close()
        raise


def _first_sheet(path: Path, book: Any) -> Sheet:
    sheet = book.worksheets[0]
    # A workbook's stored size may be stale (some writers never update it); read every cell.
    sheet.reset_dimensions()
    values = sheet.iter_rows(values_only=True)
    header: list[str] = []
    number = 0
    for number, row in enumerate(values, 1):  # noqa: B007 - the number is read after the loop
        header = [cell_text(v) for v in row]
        if any(h.strip() for h in header):
            break
    if not any(h.strip() for h in header):
        raise DataError.at(f"{path}:1", "the first sheet is empty; expected a header row")
    while header and not header[-1].strip():  # cells right of the table, formatted but empty
        header.pop()
    first, width = number, len(header)

    def rows() -> Iterator[tuple[int, list[str]]]:
        for n, row in enumerate(values, first + 1):
            cells = [cell_text(v) for v in row]
            # Rows of a sheet are as long as their last cell: even them out to the header's.
            while len(cells) > width and not cells[-1].strip():
                cells.pop()
            yield n, cells + [""] * (width - len(cells))

    return Sheet(str(path), (first, header), chunked(rows()), book.close)


#: Where records given in memory place a problem: ``payroll[row 12]``.
RECORD_PLACE: Final = "{}[row {}]"
_TABLE: Final = "a DataFrame (anything with .to_dict('records')) or an iterable of mappings"


def record_sheet(where: str, table: object) -> Sheet:
    """The table of records given in memory, named ``where`` (``payroll``) in messages.

    ``table`` is a DataFrame, or anything else with ``.to_dict("records")``, or an iterable of
    mappings (a list of dicts). The header is the frame's ``columns`` and then every key of the
    records, in the order first seen, as ``pandas.DataFrame(records)`` would make it; a record
    without a column has a blank cell there. Row ``N`` is the ``N``-th record, counted from 1
    whatever a DataFrame's index (``frame.iloc[N - 1]``): the index is not part of the records,
    and after a filter or a sort its labels no longer count rows. Cells are read by
    :func:`cell_text`.

    Raises:
        InvalidTypeError: ``table`` is neither (text, a path or one mapping included).
        DataError: a record is not a mapping, placed at its row.
    """
    rows, columns = table_records(where, table)
    # A frame's columns as they are, a name given twice included (its records hold one of the
    # two, so the header check must see both and refuse them), then any other key of the rows.
    named = list(columns)
    keys = named + [k for k in dict.fromkeys(itertools.chain.from_iterable(rows)) if k not in named]

    def cells() -> Iterator[tuple[int, list[str]]]:
        for number, row in enumerate(rows, 1):
            yield number, list(map(cell_text, map(row.get, keys)))

    header = [k if isinstance(k, str) else str(k) for k in keys]
    return Sheet(where, (None, header), chunked(cells()), lambda: None, row_place=RECORD_PLACE)


def table_records(where: str, table: object) -> tuple[list[Mapping[Any, Any]], list[object]]:
    """The records of a table in memory, and a DataFrame's columns (none for other tables).

    Raises:
        InvalidTypeError: ``table`` is neither a DataFrame nor an iterable of mappings.
        DataError: a record is not a mapping, placed at its row.
    """
    columns: Iterable[object] = ()
    to_dict = getattr(table, "to_dict", None)
    if callable(to_dict):
        columns = list(getattr(table, "columns", ()))
        if len(set(columns)) < len(columns):  # its records would keep one of a name's columns:
            return [], columns  # the header, named twice, is refused; no row is read
        try:
            given: object = to_dict("records")
        except (TypeError, ValueError):  # a to_dict with other orientations (a Series, a dict)
            raise _not_a_table(where, table) from None
    elif isinstance(table, (str, bytes, os.PathLike)):
        raise _not_a_table(where, table, "; read files with load_dataset")
    elif isinstance(table, Mapping) or not isinstance(table, Iterable):
        raise _not_a_table(where, table)
    else:
        given = table
    if not isinstance(given, Iterable):
        raise _not_a_table(where, table)
    rows = list(given)
    for number, row in enumerate(rows, 1):
        if not isinstance(row, Mapping):
            raise DataError.at(
                RECORD_PLACE.format(where, number),
                f"{_a(row)} is not a record; expected a mapping of column names to values, "
                "such as a dict",
            )
    return rows, list(columns)


def _a(value: object) -> str:
    """The type of a value, for a message: ``a tuple``, ``an int`` (never its repr, which may be
    long or span lines, as a Series' does)."""
    kind = type(value).__name__
    return f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"


def _not_a_table(where: str, table: object, hint: str = "") -> InvalidTypeError:
    return InvalidTypeError(
        f"{where}: {_a(table)} is not a table; expected {_TABLE}{hint}", field=where, value=table
    )


def cell_text(value: object) -> str:
    """A cell's value as the text an export would hold, for the cell rules to read.

    Spreadsheet cells and the values of records in memory are read alike, exactly: a number
    never passes through arithmetic, and a float is written as the shortest text that reads
    back to it (``0.1``, never ``0.1000000000000000055511151231257827``).

    * text as it is; an enum member (a :class:`~g287.Model`) as its value;
    * ``None``, NaN of any number type, pandas' ``NaT`` and ``NA``: a blank cell;
    * ``True``/``False`` (a TRUE/FALSE cell): ``yes``/``no``;
    * integers of any type (``int``, NumPy's) in digits; ``Decimal`` and floats in plain
      digits, never an exponent (``Decimal("1E+3")`` is ``1000``);
    * a ``datetime`` (a ``pandas.Timestamp`` too) at midnight as its day, ``2025-10-01``; with a
      time of day as ``2025-10-01 12:30:00``, which no column accepts; a ``date`` as its day;
    * anything else as its ``str()``, for the column's rules to judge.

    >>> cell_text(72000.0), cell_text(0.1), cell_text(None), cell_text(float("nan"))
    ('72000.0', '0.1', '', '')
    """
    if type(value) is str:
        return value
    if type(value) is float:  # the common types first: a DataFrame's amounts are floats
        return "" if value != value else _float(value)  # noqa: PLR0124 - the test for NaN
    if type(value) is int:
        return str(value)
    if _blank(value):
        return ""
    for kind, text in _TEXTS:
        if isinstance(value, kind):
            return text(value)
    return str(value)  # a date (whose str is ISO), or what the column's rules will refuse


def _blank(value: object) -> bool:
    """Whether a value stands for a blank cell: ``None``; NaN of any number type and pandas'
    ``NaT``, which are not equal to themselves; pandas' ``NA``, known by its type's name (pandas
    is not imported)."""
    if value is None:
        return True
    if isinstance(value, Decimal):
        return value.is_nan()  # a signalling NaN refuses to be compared
    if isinstance(value, (numbers.Number, dt.datetime)):
        return bool(value != value)  # noqa: PLR0124 - the test for NaN and NaT
    return type(value).__name__ == "NAType"


def _moment(value: dt.datetime) -> str:
    """A datetime at midnight as its day; with a time of day, as a text no date column reads."""
    if at_midnight(value):
        return value.date().isoformat()
    return value.isoformat(sep=" ")  # a Timestamp's nanoseconds included


def _float(value: float) -> str:
    """A float as the shortest decimal that reads back to it, in plain digits (``1e-05`` is
    ``0.00001``)."""
    text = float.__repr__(value)
    return text if "e" not in text else format(Decimal(text), "f")


#: How a value of each type is written as a cell's text, the first type that matches.
_TEXTS: Final[tuple[tuple[type[Any], Callable[[Any], str]], ...]] = (
    (bool, lambda value: "yes" if value else "no"),  # a TRUE/FALSE cell
    (float, _float),  # NumPy's float64
    (Decimal, lambda value: format(value, "f")),
    (dt.datetime, _moment),  # a pandas.Timestamp too
    (Enum, lambda value: cell_text(value.value)),
    (str, str.__str__),  # a subclass of str, as its text
    (numbers.Integral, lambda value: str(int(value))),  # NumPy's integers
    (numbers.Real, lambda value: _plain(str(value))),  # NumPy's float32, a Fraction
)


def _plain(text: str) -> str:
    """A number's text without an exponent (``1e-05`` is ``0.00001``); other text as it is."""
    try:
        return format(Decimal(text), "f")
    except InvalidOperation:
        return text


def read_json(path: Path) -> Any:
    """A JSON file's content (UTF-8, a byte-order mark allowed), or a DataError saying why not."""
    size = _opened(path)
    if size > MAX_LINE_BYTES:
        raise DataError.at(str(path), f"is {size:,} bytes; expected a small JSON object")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError.at(
            str(path),
            f"is not UTF-8 text (byte {exc.start:,} of the file is 0x{raw[exc.start]:02x}); "
            "save it as UTF-8",
        ) from None
    try:
        return json.loads(text)
    except ValueError as exc:  # malformed JSON, or an integer too long to convert
        raise DataError.at(str(path), f"not JSON ({exc})") from None
    except RecursionError:
        raise DataError.at(str(path), "JSON nested too deeply to read") from None
