"""The desk's name search per keystroke at 10,000 participants, through the index (SQLite's
FTS5 trigram table, PostgreSQL's pg_trgm index) beside the full-scan query the desk ran
before, keystroke for keystroke on the same event (aim: p99 under 15 ms on both).

A clerk types names the way the desk sees them: a surname letter by letter from the
second letter (the station searches from two), a first name, a first name and the start
of the surname, and the middle of a double surname.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections import Counter

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import CompoundSelect, literal, select, text, union_all

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.search import query_words, rank_for
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.services.front_desk.search import (
    Match,
    contact_hint,
    find_participants,
    has_search_index,
    matching_conditions,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import CheckIn, Day, Event, Participant, Seat, Table
from tests.helpers.timings import percentile, record_percentiles

PEOPLE = 10_000
DESK_LIST = 12
FULL_SCAN_CANDIDATES = 300  # what the search before the index read and ranked at most


def full_scan_search(database: Database, text: str, *, limit: int) -> list[Match]:
    """The search as the desk ran it before the index: every typed word LIKE '%word%' in
    the participants' search keys, the first `FULL_SCAN_CANDIDATES` found ranked."""
    if not query_words(text):
        return []
    the_event = select(Event.id).order_by(Event.id).limit(1).scalar_subquery()
    statement = (
        select(
            Participant.id,
            Participant.first_name,
            Participant.last_name,
            Participant.email,
            Participant.badge_code,
            Participant.day_id,
            Participant.status,
            Participant.phone,
            Day.number,
        )
        .outerjoin(Day, Day.id == Participant.day_id)
        .where(Participant.event_id == the_event, *matching_conditions(text))
    )
    rank = rank_for(text)
    with database.reading() as session:
        rows = session.execute(statement.limit(FULL_SCAN_CANDIDATES)).all()
        ranked = sorted(rows, key=lambda row: rank(row[1], row[2], row[3], row[4]))[:limit]
        ids = [row[0] for row in ranked]
        checked_in: set[tuple[int, int | None]] = set()
        tables: dict[tuple[int, int | None], int] = {}
        if ids:
            arrivals_and_seats: CompoundSelect[int, int | None, int | None] = union_all(
                select(CheckIn.participant_id, CheckIn.day_id, literal(None).label("number")).where(
                    CheckIn.participant_id.in_(ids), CheckIn.undone_at.is_(None)
                ),
                select(Seat.participant_id, Seat.day_id, Table.number)
                .join(Table, Table.id == Seat.table_id)
                .where(Seat.participant_id.in_(ids)),
            )
            for participant, day, number in session.execute(arrivals_and_seats).all():
                if number is None:
                    checked_in.add((participant, day))
                else:
                    tables[(participant, day)] = number
    names = Counter(fold(f"{row[1]} {row[2]}") for row in ranked)
    return [
        Match(
            id=person_id,
            first_name=first,
            last_name=last,
            badge_code=code,
            day_id=own_day,
            status=RegistrationStatus(status),
            table=tables.get((person_id, own_day)),
            checked_in=(person_id, own_day) in checked_in,
            day_number=day_number,
            tell_apart=contact_hint(email, phone) if names[fold(f"{first} {last}")] > 1 else "",
        )
        for person_id, first, last, email, code, own_day, status, phone, day_number in ranked
    ]


def keystrokes(database: Database) -> list[str]:
    """What clerks type for 40 people of the event, keystroke by keystroke."""
    with database.reading() as session:
        people = session.execute(
            select(Participant.first_name, Participant.last_name).order_by(Participant.id).limit(40)
        ).all()
    typed: list[str] = []
    for first, last in people:
        typed += [last[:length] for length in range(2, len(last) + 1)]
        typed += [first[:length] for length in range(2, len(first) + 1)]
        typed += [f"{first} {last[:length]}" for length in range(1, min(len(last), 4) + 1)]
        if len(last) > 6:
            typed.append(last[2:6])  # the middle of a name, as a clerk unsure of its start
    return typed


@pytest.mark.parametrize("people", [PEOPLE])
def test_name_search_through_the_index_beside_the_full_scan(
    benchmark: BenchmarkFixture, database_url: str, people: int
) -> None:
    if benchmark.disabled:
        people = 449  # `make test` runs it once, small
    database = open_database(database_url)
    create_demo_event(database, participants=people, seated=True)
    if database.engine.dialect.name == "postgresql":
        # As autovacuum leaves a table a minute after an import: its statistics (without
        # them the planner takes 10,000 fresh rows for a handful) and its visibility map.
        autocommit = database.engine.execution_options(isolation_level="AUTOCOMMIT")
        with autocommit.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
    typed = keystrokes(database)
    gc.freeze()  # as `run_app` does once the window is up
    indexed: list[float] = []
    indexed_cpu: list[float] = []  # the thread's processor time: less at the machine's mercy
    scanned: list[float] = []
    differing: list[str] = []
    remaining = iter(typed * 2)

    def one_keystroke_each_way() -> int:
        text = next(remaining)
        started, cpu = time.perf_counter(), time.thread_time()
        found = find_participants(database, text, limit=DESK_LIST)
        indexed.append(time.perf_counter() - started)
        indexed_cpu.append(time.thread_time() - cpu)
        started = time.perf_counter()
        before = full_scan_search(database, text, limit=DESK_LIST)
        scanned.append(time.perf_counter() - started)
        if not before or before[0].id not in {match.id for match in found}:
            differing.append(text)
        return len(found)

    rounds = min(2 * len(typed) - 1, 600)
    assert benchmark.pedantic(one_keystroke_each_way, rounds=rounds, iterations=1) >= 1
    gc.unfreeze()
    record_percentiles(benchmark, indexed)
    benchmark.extra_info["engine"] = database.engine.dialect.name
    benchmark.extra_info["sqlite_index"] = has_search_index(database)
    benchmark.extra_info["keystrokes"] = len(indexed)
    benchmark.extra_info["cpu_p50_ms"] = round(statistics.median(indexed_cpu) * 1000, 2)
    benchmark.extra_info["cpu_p99_ms"] = round(percentile(indexed_cpu, 0.99) * 1000, 2)
    benchmark.extra_info["full_scan_p50_ms"] = round(statistics.median(scanned) * 1000, 2)
    benchmark.extra_info["full_scan_p99_ms"] = round(percentile(scanned, 0.99) * 1000, 2)
    benchmark.extra_info["p99_to_full_scan_p99"] = round(
        percentile(indexed, 0.99) / percentile(scanned, 0.99), 3
    )
    # Where the full scan's best match is missing from the desk's list through the index:
    # only when the full scan put a mere in-word match first (it ranked an arbitrary 300).
    benchmark.extra_info["best_match_elsewhere"] = len(differing)
    database.close()
