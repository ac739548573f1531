"""Nothing a table wrote goes missing: the report's appendix and the ideas export hold
every idea of the day, those typed without a duo too."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from openpyxl import load_workbook
from sqlalchemy import insert, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.services.reporting.exports import export_rows, write_table
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Idea, SelectedIdea, Table
from tests.helpers.counts import count

WITHOUT_A_DUO = 120


def squeezed(text: str) -> str:
    """Text as extraction gives it back, whatever the line breaks did to the spaces."""
    return re.sub(r"\s+", "", text)


def report_text(path: Path) -> str:
    """The report's text as PDFium reads it (a tenth of the time pypdf takes), squeezed."""
    document = pdfium.PdfDocument(path)
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return squeezed(text)


def idea_texts(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(select(Idea.text)))


def test_the_report_covers_every_idea_of_the_day(sqlite_database: Database, tmp_path: Path) -> None:
    create_demo_event(sqlite_database, participants=30, facilitators=4, days=1)
    made = simulate_day(sqlite_database, day_number=1, seed=11)
    assert made > count(sqlite_database, SelectedIdea)  # more than the tens can show
    path = tmp_path / "verslag.pdf"
    assert render_report(report_data(sqlite_database), path) == made == count(sqlite_database, Idea)
    text = report_text(path)
    heading = squeezed("Bijlage: alle ideeën")
    assert heading in text
    appendix = text[text.rindex(heading) :]  # after the contents page's line for it
    missing = [idea for idea in idea_texts(sqlite_database) if squeezed(idea) not in appendix]
    assert missing == []


def test_the_ideas_export_writes_a_row_for_every_idea(database: Database, tmp_path: Path) -> None:
    create_demo_event(database, participants=30, facilitators=4, days=1)
    made = simulate_day(database, day_number=1, seed=3)
    with database.transaction() as session:
        tables = list(session.scalars(select(Table.id).order_by(Table.id)))
        session.execute(
            insert(Idea),
            [
                {"table_id": tables[n % len(tables)], "text": f"Idee {n} voor de wijk"}
                for n in range(WITHOUT_A_DUO)
            ],
        )
    header, rows = export_rows(database, "ideas", anonymous=True)
    path = tmp_path / "ideeen.xlsx"
    assert write_table(path, header, rows) == made + WITHOUT_A_DUO
    sheet = load_workbook(path).active
    assert sheet is not None
    written = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    column = header.index("idee")
    assert sorted(str(row[column]) for row in written) == sorted(idea_texts(database))
