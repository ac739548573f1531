"""The report for about 2,000 ideas (aim: under 10 s) and exports of 10,000 rows."""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import insert, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_event
from degenks_desktop.services.reporting.exports import export_rows, write_table
from degenks_desktop.services.reporting.report_data import report_data
from degenks_desktop.services.reporting.report_pdf import render_report
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Idea, Table


def test_full_report(benchmark: BenchmarkFixture, sqlite_database_url: str, tmp_path: Path) -> None:
    database = open_database(sqlite_database_url)
    if benchmark.disabled:
        create_demo_event(database, participants=60, facilitators=8, days=1)
    else:
        create_demo_event(database)  # the G360: 449 people over two days
    ideas = simulate_event(database)
    target = tmp_path / "verslag.pdf"

    def build() -> int:
        return render_report(report_data(database), target)

    covered = benchmark.pedantic(build, rounds=1 if benchmark.disabled else 3, iterations=1)
    assert covered == ideas
    benchmark.extra_info["ideas"] = ideas
    database.close()


def test_export_of_10000_ideas(
    benchmark: BenchmarkFixture, sqlite_database_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_database_url)
    create_demo_event(database, participants=60, facilitators=8, days=1)
    rows = 500 if benchmark.disabled else 10_000
    with database.transaction() as session:
        tables = list(session.scalars(select(Table.id)))
        session.execute(
            insert(Idea),
            [
                {"table_id": tables[n % len(tables)], "text": f"Idee {n} voor de wijk"}
                for n in range(rows)
            ],
        )

    def export() -> int:
        header, found = export_rows(database, "ideas", anonymous=True)
        return write_table(tmp_path / "ideeen.xlsx", header, found)

    written = benchmark.pedantic(export, rounds=1 if benchmark.disabled else 3, iterations=1)
    assert written == rows
    database.close()
