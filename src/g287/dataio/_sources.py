"""Where rows come from: CSV files as exports write them, ``.xlsx`` workbooks, JSON files.

Reading is streamed, line by line, and bounded: only regular files are read (a FIFO or a device
such as ``/dev/zero`` is refused before a byte is read), a file may be at most
:data:`MAX_FILE_BYTES` and a line at most :data:`MAX_LINE_BYTES`. Text must be UTF-8 (a
byte-order mark is allowed); anything else is refused at the line and byte where it stops being
UTF-8. The CSV parser sees every line as it was written, so a quoted field may hold a line
break (kept, for the cell's own rules to judge) and line numbers are the file's own.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from g287.errors import show

from ._problems import DataError

#: The largest input file g287 reads (1 GiB).
MAX_FILE_BYTES: Final = 1 << 30
#: The longest line of a CSV file g287 reads (1 MiB).
MAX_LINE_BYTES: Final = 1 << 20
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


def _lines(path: Path) -> Iterator[str]:
    """The file's lines, decoded from UTF-8, line endings kept (a byte-order mark dropped).

    Decoding is the C codec's, a block at a time; only when it fails is the file read again, in
    bytes, to say on which line and at which byte it stops being UTF-8.
    """
    with path.open(encoding="utf-8-sig", newline="") as stream:
        number = 0
        try:
            for number, line in enumerate(  # noqa: B007 - read after the loop on an error
                iter(lambda: stream.readline(MAX_LINE_BYTES + 1), ""), 1
            ):
                if len(line) > MAX_LINE_BYTES:
                    raise DataError.at(f"{path}:{number}", "is longer than 1 MiB; expected a line")
                yield line
        except UnicodeDecodeError:
            raise _not_utf8(path) from None


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
    return DataError.at(str(path), "is not UTF-8 text; " + _NOT_UTF8_HINT)


class Sheet:
    """A table read from a file: its header (as column names) and its rows, each with the
    number of the line (or spreadsheet row) it starts on."""

    def __init__(self, where: str, header: list[str], rows: Iterator[tuple[int, list[str]]]):
        self.where = where
        self.raw_header = header
        self.header = [column_name(h) for h in header]
        self.rows = rows


def read_sheet(path: Path) -> Sheet:
    """The table of a ``.csv`` (or ``.txt``/``.tsv``) or ``.xlsx`` file."""
    _opened(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _xlsx_sheet(path)
    return _csv_sheet(path)


def _csv_sheet(path: Path) -> Sheet:
    lines = _lines(path)
    first = next(lines, None)
    while first is not None and not first.strip():
        first = next(lines, None)
    if first is None:
        raise DataError.at(f"{path}:1", "the file is empty; expected a header row")
    counts = {d: first.count(d) for d in DELIMITERS}
    delimiter = max(DELIMITERS, key=lambda d: counts[d])

    def rest() -> Iterator[str]:
        yield first
        yield from lines

    reader = csv.reader(rest(), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise DataError.at(f"{path}:{reader.line_num}", f"the header: {exc}") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise DataError.at(f"{path}:{reader.line_num}", f"unreadable CSV: {exc}") from None
            yield start, cells

    return Sheet(str(path), header, rows())


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
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header: list[str] = []
    number = 0
    for number, row in enumerate(values, 1):  # noqa: B007 - the number is read after the loop
        header = [cell_text(v) for v in row]
        if any(h.strip() for h in header):
            break
    if not any(h.strip() for h in header):
        raise DataError.at(f"{path}:1", "the first sheet is empty; expected a header row")
    first = number

    def rows() -> Iterator[tuple[int, list[str]]]:
        for n, row in enumerate(values, first + 1):
            yield n, [cell_text(v) for v in row]
        book.close()

    return Sheet(str(path), header, rows())


def cell_text(value: object) -> str:  # noqa: PLR0911 - one return per kind of cell
    """A spreadsheet's cell as the text an export would hold: exact, never through a float's
    arbitrary digits (a number is written as the shortest text that reads back to it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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
