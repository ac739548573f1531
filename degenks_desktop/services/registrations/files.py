"""Reading a registrations file into rows of text: CSV in any usual dialect, or XLSX.

CSV as Belgian Excel writes it (';', Windows-1252) as much as UTF-8 with or without BOM,
commas or tabs, or Excel's "Unicode text" (UTF-16, tabs); quoted fields may hold
delimiters and line breaks. Names come through as written, less the invisible characters
(bidi controls, zero-width spaces: `domain.invisible_text`). A file that cannot be used is
refused with one sentence.

What one import reads is bounded, so that a damaged or hostile file is refused before it
can fill the memory or keep the laptop busy for an hour:

- the file: up to `config.import_max_mb()` MB (50, or the environment variable
  DEGENKS_IMPORT_MAX_MB), checked before anything of it is read;
- a workbook: up to MAX_UNPACKED_MB unpacked, no part of it packed more than
  MAX_PACKING_RATIO times (a "zip bomb"), checked in the zip's directory before openpyxl
  opens it;
- the table: up to MAX_ROWS registrations and MAX_COLUMNS columns, counted as it is read.

CSV is decoded and parsed as a stream; only the rows kept are held. A quote that opens and
is not closed would swallow the lines after it into one field: a field that runs on for
more than MAX_RECORD_LINES lines, to the end of the file, or over lines that look like
registrations of their own is refused with the line where it opened. In a workbook, a
formula without a computed value (saved by a program that does not calculate) reads as
empty: `RawTable.warnings` names its rows and columns.

Files as the registration tools and clerks make them: the header is the row that names
the most fields (`domain.import_columns.header_score`), below any title and empty rows; a
workbook's sheet is the one whose header names the people (pretix's "Order positions",
not its "Orders"); a merged cell's value holds for every row it spans; empty columns
after the last named one are dropped. `RawTable` says which sheet and header row it used
and which rows under the header were empty.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from degenks_desktop.config import import_max_mb
from degenks_desktop.domain.import_columns import header_score
from degenks_desktop.domain.invisible_text import strip_invisible
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _, ngettext

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
ZIP_SIGNATURE = b"PK\x03\x04"
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
DELIMITERS = ";,\t|"
SNIFF_CHARACTERS = 20_000
SNIFF_RECORDS = 20
# Tried in this order: a valid UTF-8 file is almost never valid by accident, cp1252 is
# what Belgian Excel writes, and latin-1 decodes any byte (cp1252 leaves five undefined).
ENCODINGS = (("utf-8-sig", "utf-8"), ("cp1252", "cp1252"), ("latin-1", "latin-1"))
MB = 1024 * 1024
READ_CHUNK = MB
# A day has a few thousand registrations; these leave room for a whole city's list.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
# A line with this many delimiters is refused before the csv module splits it: a line of
# fifty million semicolons would otherwise become a list of fifty million cells.
MAX_DELIMITERS_PER_LINE = 10 * MAX_COLUMNS
# A remark of a few lines is usual; a field of twenty is a quote that was never closed.
MAX_RECORD_LINES = 20
# A workbook of 100,000 rows of 30 columns unpacks to about 150 MB, packed about 12 times;
# a zip bomb packs a thousand times or more. Small parts may pack as well as they like.
MAX_UNPACKED_MB = 250
MAX_PACKING_RATIO = 100
PACKING_RATIO_FROM_BYTES = MB
# Rows named one by one in the warnings about formulas without a value; the rest counted.
MAX_FORMULA_NOTES = 100
# The header is looked for among the first records: a title and a note or two above it.
HEADER_SEARCH_RECORDS = 20
# A merged range in a sheet's XML: <mergeCell ref="G4:G12"/>, with or without a prefix.
MERGE_TAG = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\""
)
# Given to the csv reader after the last line: found inside a field, the field's quote
# was still open at the end of the file. NUL is safe: a file that holds one is refused.
END_OF_FILE = "\x00"
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A formula element in a sheet's XML, with or without a namespace prefix: <f>, <x:f t=...>.
FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
# What openpyxl raises on a damaged workbook: the zip, its compression or encryption
# (RuntimeError, NotImplementedError), its XML, or parts that are missing or hold nonsense.
EXCEL_DAMAGE = (
    zipfile.BadZipFile,
    RuntimeError,
    zlib.error,
    EOFError,
    SyntaxError,  # the XML parser's ParseError, from ElementTree or lxml
    InvalidFileException,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    OSError,
)


@dataclass(frozen=True)
class RawRow:
    """A record of the file: the line (or Excel row) where it starts, and its cells."""

    line: int
    values: tuple[str, ...]


@dataclass(frozen=True)
class FileNote:
    """Something the file itself says about a line, e.g. a formula that has no value."""

    line: int
    reason: str

    def as_json(self) -> dict[str, Any]:
        """`{line, reason}`, as the import report lists its notes."""
        return {"line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class RawTable:
    """The header and the records of a file, how it was read, and what to warn about.

    `header_line` is the line (or Excel row) of the header; `sheet` the sheet read, of
    `sheets`, in a workbook; `empty_lines` the empty records between the header and the
    last record; `encoding` the text encoding of a CSV file.
    """

    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]
    description: str
    warnings: tuple[FileNote, ...] = ()
    header_line: int = 1
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    empty_lines: tuple[int, ...] = ()
    encoding: str | None = None


def read_table(path: Path, *, sheet: str | None = None, header_line: int | None = None) -> RawTable:
    """Read `path` (CSV or XLSX) into a header and rows of text, or refuse it in a sentence.

    In a workbook, `sheet` names the sheet to read; without it the sheet with the people is
    chosen. `header_line` is the line (Excel row) of the column names, as the organiser
    chose it; without it the row naming the most fields is taken. Files over
    `config.import_max_mb()` MB (DEGENKS_IMPORT_MAX_MB, default 50), and
    tables over MAX_ROWS rows or MAX_COLUMNS columns, are refused (see the module's
    docstring).
    """
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputRejected(
            _(
                "The file {path} is in the old Excel format: save it as .xlsx or .csv and choose "
                "that file."
            ).format(path=path)
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            signature = file.read(len(ZIP_SIGNATURE))
    except OSError as error:
        raise _cannot_read(path) from error
    _check_size(path, size)
    # By its content rather than its name: a workbook renamed to .csv is still a workbook.
    if suffix in EXCEL_SUFFIXES or signature == ZIP_SIGNATURE:
        return _read_excel(path, sheet, header_line)
    return _read_csv(path, header_line)


def _cannot_read(path: Path) -> InputRejected:
    return InputRejected(
        _("The file {path} cannot be read: check that it exists and that you may open it.").format(
            path=path
        )
    )


def _empty(path: Path) -> InputRejected:
    return InputRejected(
        _("The file {path} is empty: choose the file with the registrations.").format(path=path)
    )


def _not_text(path: Path) -> InputRejected:
    return InputRejected(
        _("The file {path} is not a text or Excel file: choose a .csv or .xlsx file.").format(
            path=path
        )
    )


def _check_size(path: Path, size: int) -> None:
    """Refuse a file larger than the import takes, before reading it."""
    limit = import_max_mb()
    if size > limit * MB:
        raise InputRejected(
            _(
                "The file {path} is {size} MB and the import takes files up to {limit} MB: split "
                "it into smaller files or export fewer columns, and import each file."
            ).format(path=path, size=math.ceil(size / MB), limit=f"{limit:g}")
        )


def _too_many_rows(path: Path) -> InputRejected:
    return InputRejected(
        _(
            "The file {path} has more than {limit} registrations: split it into files of at most "
            "{limit} rows and import each file."
        ).format(path=path, limit=MAX_ROWS)
    )


def _too_wide(path: Path, line: int) -> InputRejected:
    return InputRejected(
        _(
            "Line {line} of the file {path} has more than {limit} columns: delete the columns "
            "you do not need and import the file again."
        ).format(path=path, line=line, limit=MAX_COLUMNS)
    )


def _unclosed_quote(path: Path, line: int) -> InputRejected:
    return InputRejected(
        _(
            "The file {path} has a quote on line {line} that is not closed, so the lines after "
            "it would run into one field: close or remove that quote and import the file again."
        ).format(path=path, line=line)
    )


def _within_columns(path: Path, line: int, cells: tuple[str, ...]) -> tuple[str, ...]:
    """`cells`, refused when one beyond MAX_COLUMNS holds something, else cut there."""
    if len(cells) <= MAX_COLUMNS:
        return cells
    if any(cells[MAX_COLUMNS:]):
        raise _too_wide(path, line)
    return cells[:MAX_COLUMNS]


def _encoding(path: Path) -> tuple[str, str]:
    """The codec that decodes all of `path`, and its name for the description.

    Read in chunks, one codec after the other, so that only a chunk is held at a time.
    """
    with path.open("rb") as file:
        start = file.read(len(codecs.BOM_UTF8))
        candidates = (("utf-16", "utf-16"),) if start.startswith(UTF16_BOMS) else ENCODINGS
        for codec, name in candidates:
            file.seek(0)
            decoder = codecs.getincrementaldecoder(codec)()
            try:
                while chunk := file.read(READ_CHUNK):
                    # No text file holds NUL characters; a file that does is a program,
                    # image or archive.
                    if "\x00" in decoder.decode(chunk):
                        raise _not_text(path)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            if name == "utf-8" and start.startswith(codecs.BOM_UTF8):
                return codec, "utf-8 with BOM"
            return codec, name
    # Only UTF-16 can fail: latin-1 decodes every byte.
    raise _not_text(path)


def _records(sample: str, delimiter: str) -> list[list[str]]:
    """The first non-empty records of `sample` as split by `delimiter`."""
    found: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in record):
                found.append(record)
                if len(found) == SNIFF_RECORDS:
                    break
    except csv.Error:
        return []
    return found


def _consistency(sample: str, delimiter: str) -> tuple[float, int]:
    """How well `delimiter` splits `sample`: the share of records as wide as most of them
    are, then that width. Most, not the first: a title row above the header is one cell."""
    records = _records(sample, delimiter)
    if not records:
        return (0.0, 0)
    widths = Counter(len(record) for record in records)
    width, records_of_width = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (records_of_width / len(records), width)


def _delimiter(sample: str, complete: bool) -> str:
    """The delimiter of a text that begins with `sample` (all of it when `complete`): the
    sniffer's answer, else the most consistent candidate.

    Only a character that occurs in the first line can be the delimiter, or, below a
    title of one cell, in every line after it; a file of one column gets one that does not
    occur at all, so its names are not cut apart.
    """
    if not complete:
        # Whole lines only, so that a record cut in two does not count against a candidate.
        sample = sample[: sample.rfind("\n") + 1] or sample
    first, *after = [line for line in sample.splitlines() if line.strip()][:SNIFF_RECORDS] or [""]
    present = [candidate for candidate in DELIMITERS if candidate in first]
    if not present and len(after) >= 2:
        present = [
            candidate for candidate in DELIMITERS if all(candidate in line for line in after)
        ]
    if not present:
        return next((candidate for candidate in DELIMITERS if candidate not in sample), ";")
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in present:
        return sniffed
    return max(present, key=lambda candidate: _consistency(sample, candidate))


class _QuoteLeftOpen(Exception):
    """A quoted field ran on from `line` further than a remark ever does."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _LineTooWide(Exception):
    """Line `line` holds more delimiters than a table of MAX_COLUMNS columns has."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Lines(Iterator[str]):
    """The lines of a text file as the csv reader asks for them, counted and guarded.

    `record_start` is the line where the record being read began; the reader's loop moves
    it on. After the last line come an empty line and END_OF_FILE, so that a quote still
    open at the end shows in the last field.
    """

    def __init__(self, text: IO[str], delimiter: str) -> None:
        self._text = text
        self._delimiter = delimiter
        self._after_the_end = ["\n", END_OF_FILE]
        self.number = 0
        self.record_start = 1

    def __next__(self) -> str:
        line = self._text.readline()
        if not line:
            if self._after_the_end:
                return self._after_the_end.pop(0)
            raise StopIteration
        self.number += 1
        # Asked for a line this far from where the record began: its quote is still open.
        if self.number - self.record_start >= MAX_RECORD_LINES:
            raise _QuoteLeftOpen(self.record_start)
        if line.count(self._delimiter) > MAX_DELIMITERS_PER_LINE:
            raise _LineTooWide(self.number)
        return line


def _opening_line(start: int, record: list[str], field: int) -> int:
    """The line where field number `field` of a record that began on `start` begins."""
    return start + sum(len(LINE_BREAK.findall(value)) for value in record[:field])


def _swallowed_record(record: list[str], delimiter: str, header_width: int) -> int | None:
    """The field of `record` that runs over a line that looks like a registration of its own.

    A remark's second line holding as many delimiters as the header would is another
    person's line behind an open quote, not a remark.
    """
    enough = max(header_width - 1, 3)
    for index, value in enumerate(record):
        following = LINE_BREAK.split(value)[1:]
        if any(part.count(delimiter) >= enough for part in following):
            return index
    return None


def _read_csv(path: Path, header_line: int | None = None) -> RawTable:
    codec, encoding = _encoding(path)
    with path.open("rb") as file:
        text = io.TextIOWrapper(file, encoding=codec, newline="")
        sample = text.read(SNIFF_CHARACTERS + 1)
        delimiter = _delimiter(sample[:SNIFF_CHARACTERS], len(sample) <= SNIFF_CHARACTERS)
        text.seek(0)
        lines = _Lines(text, delimiter)
        empties: list[int] = []
        records = _csv_records(
            path, csv.reader(lines, delimiter=delimiter), lines, delimiter, empties
        )
    shown = "tab" if delimiter == "\t" else f"'{delimiter}'"
    header = _header_at(path, records, header_line)
    return _table(
        path,
        records[header:],
        empties,
        f"CSV, {shown} delimiter, {encoding}",
        encoding=encoding.removesuffix(" with BOM"),
    )


def _note_empty(empties: list[int], line: int) -> None:
    """Note an empty record's line; a file of a million empty lines keeps MAX_ROWS."""
    if len(empties) <= MAX_ROWS:
        empties.append(line)


def _csv_records(
    path: Path,
    reader: Iterator[list[str]],
    lines: _Lines,
    delimiter: str,
    empties: list[int],
) -> list[RawRow]:
    """The non-empty records that `reader` reads from `lines`, each with its first line;
    the lines of the empty ones go into `empties`."""
    records: list[RawRow] = []
    try:
        for record in reader:
            start = lines.record_start
            # The next record starts on the line after this one ends; a quoted field
            # with line breaks spans several.
            lines.record_start = lines.number + 1
            if record and END_OF_FILE in record[-1]:
                if record == [END_OF_FILE]:
                    break
                raise _QuoteLeftOpen(_opening_line(start, record, len(record) - 1))
            cells = tuple(strip_invisible(cell).strip() for cell in record)
            if not any(cells):
                _note_empty(empties, start)
                continue
            # Only a record over several lines can have swallowed another one's line.
            if records and lines.number > start:
                swallowing = _swallowed_record(record, delimiter, len(records[0].values))
                if swallowing is not None:
                    raise _QuoteLeftOpen(_opening_line(start, record, swallowing))
            records.append(RawRow(start, _within_columns(path, start, cells)))
            if len(records) > MAX_ROWS + 1:  # the header and MAX_ROWS registrations
                raise _too_many_rows(path)
    except _QuoteLeftOpen as quote:
        raise _unclosed_quote(path, quote.line) from None
    except _LineTooWide as wide:
        raise _too_wide(path, wide.line) from None
    except UnicodeDecodeError as error:  # the file changed since its encoding was found
        raise _not_text(path) from error
    except csv.Error as error:
        if lines.number > lines.record_start:
            # A field too large for the csv module, over several lines: an open quote.
            raise _unclosed_quote(path, lines.record_start) from error
        raise InputRejected(
            _(
                "The file {path} is not a readable CSV file (line {line}): open it in Excel and "
                "save it again as CSV."
            ).format(path=path, line=lines.number)
        ) from error
    return records


def _cell_text(value: object) -> str:
    """A cell as the organiser sees it in Excel: 34 not 34.0, a date without its time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return strip_invisible(str(value)).strip()


def _check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that unpacks to far more than a list of people can need.

    zipfile reads no member beyond the size its directory gives, so these sizes bound what
    openpyxl will unpack, whatever the packed data holds.
    """
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_MB * MB:
        raise InputRejected(
            _(
                "The workbook {path} unpacks to {size} MB and the import reads workbooks of up "
                "to {limit} MB unpacked: save the sheet with the registrations as .csv and "
                "import that file."
            ).format(path=path, size=math.ceil(unpacked / MB), limit=MAX_UNPACKED_MB)
        )
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > PACKING_RATIO_FROM_BYTES and member.file_size > (
            MAX_PACKING_RATIO * packed
        ):
            raise InputRejected(
                _(
                    "The workbook {path} unpacks to {ratio} times its size, which no ordinary "
                    "workbook does: open it in Excel, save it again and import that file."
                ).format(path=path, ratio=member.file_size // packed)
            )


def _sheet_records(
    path: Path,
    rows: Iterator[tuple[object, ...]],
    empties: list[int] | None = None,
    most: int | None = None,
) -> list[RawRow]:
    """The non-empty rows of a sheet, numbered as in Excel, within the limits; the numbers
    of the empty ones go into `empties`. With `most`, only the first `most` records."""
    records: list[RawRow] = []
    for number, row in enumerate(rows, start=1):
        cells = tuple(_cell_text(value) for value in row)
        if not any(cells):
            if empties is not None:
                _note_empty(empties, number)
            continue
        records.append(RawRow(number, _within_columns(path, number, cells)))
        if most is not None and len(records) >= most:
            break
        if len(records) > MAX_ROWS + 1:
            raise _too_many_rows(path)
    return records


def _header_at(path: Path, records: list[RawRow], header_line: int | None) -> int:
    """The index of the header among `records`: the line the organiser chose, else the
    one naming the most fields."""
    if header_line is None:
        return _header_index(records)
    for index, record in enumerate(records):
        if record.line == header_line:
            return index
    raise InputRejected(
        _(
            "Line {line} of the file {path} holds nothing: choose the line with the column names."
        ).format(line=header_line, path=path)
    )


def _header_index(records: list[RawRow]) -> int:
    """Which of the first records is the header: the one naming the most fields, the
    earliest of equals (so a file of unknown column names keeps its first row)."""
    best, best_score = 0, 0
    for index, record in enumerate(records[:HEADER_SEARCH_RECORDS]):
        score = header_score(record.values)
        if score > best_score:
            best, best_score = index, score
    return best


def _merged_ranges(source: IO[bytes]) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet's XML as (first row, first column, last row, last
    column); read-only openpyxl does not give them. A scan of the bytes: cheap next to
    parsing the sheet."""
    found: list[tuple[int, int, int, int]] = []
    tail = b""
    while chunk := source.read(READ_CHUNK):
        data = tail + chunk
        last_end = 0
        for match in MERGE_TAG.finditer(data):
            first, _colon, last = match.group(1).decode("ascii").partition(":")
            top, left = coordinate_to_tuple(first)
            bottom, right = coordinate_to_tuple(last)
            found.append((top, left, bottom, right))
            last_end = match.end()
        tail = data[max(last_end, len(data) - 256) :]  # a tag cut in two by the chunks
    return sorted(set(found))


def _fill_merged(records: list[RawRow], ranges: list[tuple[int, int, int, int]]) -> list[RawRow]:
    """`records` with the value of each merged range's first cell in every row below it
    that the range spans, as the organiser sees it in Excel (one "Thema" per block)."""
    if not ranges:
        return records
    by_line = {record.line: index for index, record in enumerate(records)}
    filled = list(records)
    for top, left, bottom, _right in ranges:
        if bottom == top or top not in by_line:
            continue
        column = left - 1
        first = filled[by_line[top]].values
        value = first[column] if column < len(first) else ""
        if not value:
            continue
        for line in range(top + 1, bottom + 1):
            index = by_line.get(line)
            if index is None:
                continue
            cells = list(filled[index].values)
            cells += [""] * (column + 1 - len(cells))
            if not cells[column]:
                cells[column] = value
                filled[index] = RawRow(line, tuple(cells))
    return filled


def _mentions_formulas(source: IO[bytes]) -> bool:
    """Whether a sheet's XML holds a formula element; cheap next to parsing it."""
    tail = b""
    while chunk := source.read(READ_CHUNK):
        if FORMULA_TAG.search(tail + chunk):
            return True
        tail = chunk[-64:]  # a tag cut in two by the chunks
    return False


def _uncached_formulas(source: IO[bytes], from_line: int) -> tuple[dict[int, list[int]], int, int]:
    """The cells from row `from_line` on that hold a formula without a computed value.

    The first MAX_FORMULA_NOTES such rows with their column numbers, how many rows more,
    and the first of those. Without a value is without a <v>, or with an empty one (as
    openpyxl saves a formula) where the result is not text: a formula that computed ""
    (t="str") is not a problem, and openpyxl reads it as None all the same, so only the
    XML tells the two apart. Each element leaves the tree once read, so a sheet of any
    shape takes the memory of one cell.
    """
    found: dict[int, list[int]] = {}
    more = first_more = last_more = 0
    row = column = 0
    formula = value = text = False
    open_elements: list[ElementTree.Element] = []
    for event, element in ElementTree.iterparse(source, events=("start", "end")):
        name = element.tag.rpartition("}")[2]
        if event == "start":
            if name == "row":
                row = int(element.get("r") or row + 1)
                column = 0
            elif name == "c":
                reference = element.get("r")
                column = coordinate_to_tuple(reference)[1] if reference else column + 1
                formula = value = False
                text = element.get("t") == "str"
            open_elements.append(element)
            continue
        open_elements.pop()
        in_cell = bool(open_elements) and open_elements[-1].tag.rpartition("}")[2] == "c"
        if in_cell and name == "f":
            formula = True
        elif in_cell and name == "v":
            value = bool(element.text)
        elif name == "c" and formula and not (value or text) and row >= from_line:
            if row in found or len(found) < MAX_FORMULA_NOTES:
                found.setdefault(row, []).append(column)
            elif row != last_more:  # a row not counted yet: cells come in row order
                more += 1
                last_more = row
                first_more = first_more or row
        if open_elements:
            open_elements[-1].remove(element)
    return found, more, first_more


def _formula_notes(path: Path, member: str, header: RawRow) -> tuple[FileNote, ...]:
    """A warning for each row (from the header on) with formulas that have no value."""
    with zipfile.ZipFile(path) as archive:
        with archive.open(member) as source:
            if not _mentions_formulas(source):
                return ()
        with archive.open(member) as source:
            found, more, first_more = _uncached_formulas(source, header.line)
    notes: list[FileNote] = []
    for line, columns in found.items():
        names = [
            header.values[number - 1]
            if number <= len(header.values) and header.values[number - 1]
            else get_column_letter(number)
            for number in columns
        ]
        shown = ", ".join(f"'{name}'" for name in names)
        reason = ngettext(
            "Column {columns} holds a formula without a computed value: open the file in "
            "Excel, let it calculate, save it and import it again.",
            "Columns {columns} hold formulas without a computed value: open the file in "
            "Excel, let it calculate, save it and import it again.",
            len(names),
        ).format(columns=shown)
        notes.append(FileNote(line, reason))
    if more:
        notes.append(
            FileNote(
                first_more,
                ngettext(
                    "{count} more row holds formulas without a computed value.",
                    "{count} more rows hold formulas without a computed value.",
                    more,
                ).format(count=more),
            )
        )
    return tuple(notes)


@dataclass
class _Sheet:
    """A sheet as read: its title, records from its header on, empty rows and warnings."""

    title: str
    records: list[RawRow]
    empties: list[int]
    notes: tuple[FileNote, ...]
    titles: tuple[str, ...]


def _people_score(records: list[RawRow]) -> tuple[int, int]:
    """How much a sheet's first records look like a list of people: the score of its
    header, then whether it has a row under that header."""
    if not records:
        return (0, 0)
    header = _header_index(records)
    return (header_score(records[header].values), int(len(records) > header + 1))


def _excel_records(path: Path, wanted: str | None, header_line: int | None = None) -> _Sheet | None:
    """The sheet `wanted`, or else the one with people: the sheet whose header names the
    most fields (the first of equals), read from its header on, with its merged cells
    filled in and its warnings."""
    with zipfile.ZipFile(path) as archive:
        _check_archive(path, archive)
    # Opened here rather than by name: openpyxl refuses a name that does not end in .xlsx.
    with warnings.catch_warnings(), path.open("rb") as file:
        # openpyxl warns about parts it ignores (data validation, styles); they do not
        # matter for reading values and would only worry the organiser.
        warnings.simplefilter("ignore")
        workbook = load_workbook(file, read_only=True, data_only=True)
        try:
            sheets = list(workbook.worksheets)
            titles = tuple(str(sheet.title) for sheet in sheets)
            if wanted is not None:
                if wanted not in titles:
                    raise InputRejected(
                        _("The workbook {path} has no sheet called “{sheet}”.").format(
                            path=path, sheet=wanted
                        )
                    )
                chosen = sheets[titles.index(wanted)]
            else:
                scores = []
                for sheet in sheets:
                    # Some programs write a wrong size into the sheet; read what is there.
                    sheet.reset_dimensions()
                    first = _sheet_records(
                        path, sheet.iter_rows(values_only=True), most=HEADER_SEARCH_RECORDS + 1
                    )
                    scores.append(_people_score(first) if first else None)
                candidates = [index for index, score in enumerate(scores) if score is not None]
                if not candidates:
                    return None
                chosen = sheets[max(candidates, key=lambda index: (scores[index], -index))]
            chosen.reset_dimensions()
            empties: list[int] = []
            records = _sheet_records(path, chosen.iter_rows(values_only=True), empties)
            if not records:
                if wanted is not None:
                    raise _empty(path)
                return None
            # Where openpyxl found the sheet in the zip (a read-only sheet's own).
            member = getattr(chosen, "_worksheet_path", None)
        finally:
            workbook.close()
    if member:
        with zipfile.ZipFile(path) as archive, archive.open(member) as source:
            records = _fill_merged(records, _merged_ranges(source))
    records = records[_header_at(path, records, header_line) :]
    notes = _formula_notes(path, member, records[0]) if member else ()
    return _Sheet(str(chosen.title), records, empties, notes, titles)


def _read_excel(path: Path, wanted: str | None = None, header_line: int | None = None) -> RawTable:
    try:
        found = _excel_records(path, wanted, header_line)
    except EXCEL_DAMAGE as error:
        raise InputRejected(
            _(
                "The file {path} is not a readable Excel file: open it in Excel and save it "
                "again as .xlsx or .csv."
            ).format(path=path)
        ) from error
    if found is None:
        raise _empty(path)
    return _table(
        path,
        found.records,
        found.empties,
        f"Excel, sheet '{found.title}'",
        found.notes,
        sheet=found.title,
        sheets=found.titles,
    )


def _table(
    path: Path,
    records: list[RawRow],
    empties: list[int],
    description: str,
    notes: tuple[FileNote, ...] = (),
    *,
    sheet: str | None = None,
    sheets: tuple[str, ...] = (),
    encoding: str | None = None,
) -> RawTable:
    """The table of `records` (the header first): trailing columns without a name or a
    value dropped, rows padded to the header's width, the empty rows among them noted."""
    if not records:
        raise _empty(path)
    header, *rows = records
    if not rows:
        raise InputRejected(
            _("The file {path} has column names but no registrations.").format(path=path)
        )
    # Excel counts formatted empty columns in ("…;Opmerking;;;"): a column of the header
    # past the last named one stays only when some row has something in it.
    width = min(
        len(header.values),
        max(_last_filled(header.values), *(_last_filled(row.values) for row in rows)),
    )
    padded = tuple(RawRow(row.line, _fit(row.values, width)) for row in rows)
    last_line = rows[-1].line
    between = tuple(line for line in empties if header.line < line < last_line)
    return RawTable(
        headers=header.values[:width],
        rows=padded,
        description=description,
        warnings=notes,
        header_line=header.line,
        sheet=sheet,
        sheets=sheets,
        empty_lines=between,
        encoding=encoding,
    )


def _last_filled(values: tuple[str, ...]) -> int:
    """The number of cells up to the last that holds something."""
    for index in range(len(values) - 1, -1, -1):
        if values[index]:
            return index + 1
    return 0


def _fit(values: tuple[str, ...], width: int) -> tuple[str, ...]:
    """`values` padded to `width`; cut there when what goes is empty, else kept whole."""
    if len(values) < width:
        return values + ("",) * (width - len(values))
    if len(values) > width and not any(values[width:]):
        return values[:width]
    return values
