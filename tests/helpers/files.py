"""Registration files as people send them: CSV in Belgian Excel's dialect, and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from degenks_desktop.demo.plan import plan_demo_event


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


REGISTRATION_HEADER = [
    "Voornaam",
    "Achternaam",
    "E-mail",
    "Telefoon",
    "Geslacht",
    "Geboortejaar",
    "Wijk",
    "Thema 1",
    "Thema 2",
    "Dag",
    "Toestemming",
    "Herkomst",
]


def registration_rows(count: int, seed: int = 99) -> list[list[str]]:
    """`count` realistic registrations (the demo's people), one row each, under
    `REGISTRATION_HEADER`, as a city's web form exports them."""
    people = plan_demo_event(participants=count, seed=seed).people
    return [
        [
            p.first_name,
            p.last_name,
            p.email or "",
            p.phone or "",
            (p.profile.gender or "") if p.profile else "",
            str(p.profile.birth_year) if p.profile else "",
            (p.profile.neighbourhood or "") if p.profile else "",
            p.first_theme,
            p.second_theme or "",
            str(p.day_number),
            "ja" if p.profile else "nee",
            (p.profile.origin or "") if p.profile else "",
        ]
        for p in people
    ]
