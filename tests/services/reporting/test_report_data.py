"""The report's content is read in bulk: the same few statements whatever the number of
tables, ideas, concepts and people, so a large event does not wait on the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.services.reporting.report_data import ReportData, report_data
from degenks_desktop.storage.database import Database


@contextmanager
def counted_statements(database: Database) -> Iterator[list[str]]:
    """Every SQL statement `database` runs inside the block."""
    statements: list[str] = []

    def heard(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(database.engine, "before_cursor_execute", heard)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", heard)


def read(database: Database, *, participants: int, facilitators: int) -> tuple[ReportData, int]:
    """A simulated day of this size (in place of the last), read for the report: its
    content and how many statements that took."""
    create_demo_event(
        database, participants=participants, facilitators=facilitators, days=1, replace=True
    )
    simulate_day(database, day_number=1, seed=5)
    with counted_statements(database) as statements:
        data = report_data(database)
    return data, len(statements)


def test_a_larger_event_is_read_with_the_same_statements(database: Database) -> None:
    small, few = read(database, participants=40, facilitators=4)
    large, many = read(database, participants=240, facilitators=24)
    tables = sum(len(theme.tables) for theme in small.themes)
    assert sum(len(theme.tables) for theme in large.themes) > 2 * tables
    assert large.ideas > 3 * small.ideas
    concepts = sum(len(table.concepts) for theme in large.themes for table in theme.tables)
    assert concepts > 2 * sum(len(t.concepts) for theme in small.themes for t in theme.tables)
    assert many == few
