"""Registration files as people send them: CSV in Belgian Excel's dialect, and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook


def write_csv(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8-sig",
) -> Path:
    """Write `rows` (the first is the header) as Excel would: quoted where needed."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """Write `rows` (the first is the header) into the first sheet of a workbook."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Inschrijvingen"
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path
