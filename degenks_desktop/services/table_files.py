"""Reading a registrations file into rows of text: CSV in any usual dialect, or XLSX.

CSV as Belgian Excel writes it (';', Windows-1252) as much as UTF-8 with or without BOM,
commas or tabs; quoted fields may hold delimiters and line breaks. Names come through
exactly as written. A file that cannot be used is refused with one sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
DELIMITERS = ";,\t|"
SNIFF_BYTES = 20_000
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


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


def read_table(path: Path) -> RawTable:
    """Read `path` (CSV or XLSX) into a header and rows of text."""
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
    if suffix in EXCEL_SUFFIXES or (suffix not in CSV_SUFFIXES and content[:2] == b"PK"):
        return _read_excel(path, content)
    return _read_csv(path, content)


def _decode(path: Path, content: bytes) -> tuple[str, str]:
    if b"\x00" in content:
        raise InputRejected(
            _("The file {path} is not a text or Excel file: choose a .csv or .xlsx file.").format(
                path=path
            )
        )
    for encoding in ENCODINGS:
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _cannot_read(path)  # latin-1 decodes anything; kept for clarity


def _delimiter(sample: str) -> str:
    """The delimiter of `sample`: the sniffer's answer, else the most consistent candidate."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    best, best_score = ";", -1.0
    for candidate in DELIMITERS:
        counts = [line.count(candidate) for line in lines]
        if not counts or max(counts) == 0:
            continue
        # Many columns, the same number on every line.
        score = min(counts) + (1.0 if len(set(counts)) == 1 else 0.0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(path: Path, content: bytes) -> RawTable:
    text, encoding = _decode(path, content)
    if not text.strip():
        raise _empty(path)
    delimiter = _delimiter(text[:SNIFF_BYTES])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[RawRow] = []
    start = 1
    try:
        for record in reader:
            cells = tuple(cell.strip() for cell in record)
            if any(cells):
                records.append(RawRow(start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputRejected(
            _(
                "The file {path} is not a readable CSV file (line {line}): open it in Excel and "
                "save it again as CSV."
            ).format(path=path, line=reader.line_num)
        ) from error
    shown = {"\t": "tab", ";": ";", ",": ",", "|": "|"}[delimiter]
    return _table(path, records, f"CSV, '{shown}', {encoding}")


def _cell_text(value: Any) -> str:
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


def _read_excel(path: Path, content: bytes) -> RawTable:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise InputRejected(
            _(
                "The file {path} is not a readable Excel file: open it in Excel and save it "
                "again as .xlsx or .csv."
            ).format(path=path)
        ) from error
    try:
        for sheet in workbook.worksheets:
            records = [
                RawRow(number, cells)
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                if any(cells := tuple(_cell_text(value) for value in row))
            ]
            if records:
                return _table(path, records, f"Excel, sheet '{sheet.title}'")
    finally:
        workbook.close()
    raise _empty(path)


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
