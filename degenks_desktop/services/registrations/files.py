"""Reading a registrations file into rows of text: CSV in any usual dialect, or XLSX.

CSV as Belgian Excel writes it (';', Windows-1252) as much as UTF-8 with or without BOM,
commas or tabs, or Excel's "Unicode text" (UTF-16, tabs); quoted fields may hold
delimiters and line breaks. Names come through exactly as written. A file that cannot be
used is refused with one sentence.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _

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
class RawTable:
    """The header and the records of a file, and how it was read."""

    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]
    description: str


def read_table(path: Path) -> RawTable:
    """Read `path` (CSV or XLSX) into a header and rows of text, or refuse it in a sentence."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputRejected(
            _(
                "The file {path} is in the old Excel format: save it as .xlsx or .csv and choose "
                "that file."
            ).format(path=path)
        )
    try:
        content = path.read_bytes()
    except OSError as error:
        raise _cannot_read(path) from error
    # By its content rather than its name: a workbook renamed to .csv is still a workbook.
    if suffix in EXCEL_SUFFIXES or content.startswith(ZIP_SIGNATURE):
        return _read_excel(path, content)
    return _read_csv(path, content)


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


def _decode(path: Path, content: bytes) -> tuple[str, str]:
    """The text of `content` and the name of its encoding."""
    if content.startswith(UTF16_BOMS):
        try:
            text, encoding = content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise _not_text(path) from error
    else:
        for codec, name in ENCODINGS:
            try:
                text, encoding = content.decode(codec), name
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - latin-1 decodes every byte
            raise _not_text(path)
        if encoding == "utf-8" and content.startswith(codecs.BOM_UTF8):
            encoding = "utf-8 with BOM"
    # No text file holds NUL characters; a file that does is a program, image or archive.
    if "\x00" in text:
        raise _not_text(path)
    return text, encoding


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
    """How well `delimiter` splits `sample`: the share of records as wide as the header,
    then the header's width."""
    records = _records(sample, delimiter)
    if not records:
        return (0.0, 0)
    width = len(records[0])
    return (sum(len(record) == width for record in records) / len(records), width)


def _delimiter(text: str) -> str:
    """The delimiter of `text`: the sniffer's answer, else the most consistent candidate.

    Only a character that occurs in the header line can be the delimiter; a file of one
    column gets one that does not occur at all, so its names are not cut apart.
    """
    sample = text[:SNIFF_CHARACTERS]
    if len(text) > len(sample):
        # Whole lines only, so that a record cut in two does not count against a candidate.
        sample = sample[: sample.rfind("\n") + 1] or sample
    header = next((line for line in sample.splitlines() if line.strip()), "")
    present = [candidate for candidate in DELIMITERS if candidate in header]
    if not present:
        return next((candidate for candidate in DELIMITERS if candidate not in sample), ";")
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in present:
        return sniffed
    return max(present, key=lambda candidate: _consistency(sample, candidate))


def _read_csv(path: Path, content: bytes) -> RawTable:
    text, encoding = _decode(path, content)
    if not text.strip():
        raise _empty(path)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[RawRow] = []
    start = 1
    try:
        for record in reader:
            cells = tuple(cell.strip() for cell in record)
            if any(cells):
                records.append(RawRow(start, cells))
            # The next record starts on the line after this one ends; a quoted field
            # with line breaks spans several.
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputRejected(
            _(
                "The file {path} is not a readable CSV file (line {line}): open it in Excel and "
                "save it again as CSV."
            ).format(path=path, line=reader.line_num)
        ) from error
    shown = "tab" if delimiter == "\t" else f"'{delimiter}'"
    return _table(path, records, f"CSV, {shown} delimiter, {encoding}")


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
    return str(value).strip()


def _excel_records(content: bytes) -> tuple[str, list[RawRow]] | None:
    """The title and non-empty rows of the first sheet that has any, numbered as in Excel."""
    with warnings.catch_warnings():
        # openpyxl warns about parts it ignores (data validation, styles); they do not
        # matter for reading values and would only worry the organiser.
        warnings.simplefilter("ignore")
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                # Some programs write a wrong size into the sheet; read what is there.
                sheet.reset_dimensions()
                records = [
                    RawRow(number, cells)
                    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                    if any(cells := tuple(_cell_text(value) for value in row))
                ]
                if records:
                    return str(sheet.title), records
        finally:
            workbook.close()
    return None


def _read_excel(path: Path, content: bytes) -> RawTable:
    try:
        found = _excel_records(content)
    except EXCEL_DAMAGE as error:
        raise InputRejected(
            _(
                "The file {path} is not a readable Excel file: open it in Excel and save it "
                "again as .xlsx or .csv."
            ).format(path=path)
        ) from error
    if found is None:
        raise _empty(path)
    title, records = found
    return _table(path, records, f"Excel, sheet '{title}'")


def _table(path: Path, records: list[RawRow], description: str) -> RawTable:
    if not records:
        raise _empty(path)
    header, *rows = records
    if not rows:
        raise InputRejected(
            _("The file {path} has column names but no registrations.").format(path=path)
        )
    width = len(header.values)
    padded = tuple(RawRow(row.line, row.values + ("",) * (width - len(row.values))) for row in rows)
    return RawTable(headers=header.values, rows=padded, description=description)
