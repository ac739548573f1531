"""A PostgreSQL server that stops answering is noticed within seconds, never waited on.

The frozen server (SIGSTOP on all its processes) keeps every socket open and its kernel
acknowledges what is sent, as a hung server machine does: no TCP setting notices it, so
these tests show the watch at work, on a connection the pool held before the freeze,
in the middle of a transaction, and on a new connection.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.storage.database import (
    POSTGRES_PROBE_AFTER_S,
    POSTGRES_STATEMENT_TIMEOUT_MS,
    Database,
    open_database,
    postgres_parameters,
    translate_database_errors,
)
from tests.helpers.outage import HaltingServer

# The bound for "the desk is in outage mode": a behaviour, not a benchmark.
OUTAGE_WITHIN_S = 10
NOT_ANSWERING = "antwoordt niet"  # the Dutch sentence: "… does not answer: check …"


@pytest.fixture
def frozen_database(halting_postgres: HaltingServer) -> Iterator[Database]:
    """A database on a server of its own that has a pooled connection, then freezes."""
    database = open_database(halting_postgres.url)
    with database.reading() as session:
        session.execute(text("SELECT 1"))  # the pool now holds a working connection
    halting_postgres.freeze()
    yield database
    halting_postgres.thaw()
    database.close()


def seconds_to_fail(work: object) -> tuple[float, DatabaseUnavailable]:
    """Run `work` (a callable) and return how long it took to raise DatabaseUnavailable."""
    assert callable(work)
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as raised:
        work()
    return time.monotonic() - started, raised.value


def read_one(database: Database) -> None:
    with database.reading() as session:
        session.execute(text("SELECT 1"))


def test_the_libpq_settings_are_added_and_the_urls_own_win() -> None:
    parameters = postgres_parameters({"host": "10.0.0.5", "keepalives_idle": "10"})
    assert parameters["keepalives"] == 1
    assert parameters["keepalives_idle"] == "10"  # the URL's own
    assert 0 < parameters["keepalives_interval"] * parameters["keepalives_count"] <= 5
    assert parameters["connect_timeout"] <= 5
    assert parameters["tcp_user_timeout"] <= 10_000
    assert parameters["options"] == f"-c statement_timeout={POSTGRES_STATEMENT_TIMEOUT_MS}"
    joined = postgres_parameters({"options": "-c search_path=dag"})["options"]
    assert joined == f"-c search_path=dag -c statement_timeout={POSTGRES_STATEMENT_TIMEOUT_MS}"
    kept = postgres_parameters({"options": "-c statement_timeout=0"})["options"]
    assert kept == "-c statement_timeout=0"


def test_every_connection_carries_the_timeouts_and_keepalives(postgres_database_url: str) -> None:
    database = open_database(postgres_database_url)
    try:
        with database.reading() as session:
            timeout = session.execute(text("SHOW statement_timeout")).scalar_one()
            driver = session.connection().connection.driver_connection
            assert driver is not None
            parameters = driver.info.get_parameters()
    finally:
        database.close()
    assert timeout == f"{POSTGRES_STATEMENT_TIMEOUT_MS // 1000}s"
    assert parameters["keepalives"] == "1"
    assert {"keepalives_idle", "keepalives_interval", "tcp_user_timeout"} <= parameters.keys()


def test_a_statement_over_its_timeout_says_the_server_does_not_answer(
    postgres_database_url: str,
) -> None:
    database = open_database(postgres_database_url)
    try:
        with (
            pytest.raises(DatabaseUnavailable, match=NOT_ANSWERING),
            database.transaction() as session,
        ):
            session.execute(text("SET LOCAL statement_timeout = '50ms'"))
            session.execute(text("SELECT pg_sleep(2)"))
        read_one(database)  # the connection itself is fine and stays in use
    finally:
        database.close()


def test_a_full_pool_says_the_server_does_not_answer() -> None:
    url = make_url("postgresql+psycopg://onthaal@192.0.2.1/degenks")
    with (
        pytest.raises(DatabaseUnavailable, match=NOT_ANSWERING),
        translate_database_errors(url),
    ):
        raise PoolTimeoutError("QueuePool limit of size 5 overflow 10 reached")


def test_a_frozen_server_fails_a_pooled_connection_within_seconds(
    frozen_database: Database,
) -> None:
    seconds, error = seconds_to_fail(lambda: read_one(frozen_database))
    assert seconds < OUTAGE_WITHIN_S
    assert NOT_ANSWERING in error.message


def test_a_frozen_server_fails_a_transaction_in_the_middle_within_seconds(
    halting_postgres: HaltingServer,
) -> None:
    database = open_database(halting_postgres.url)

    def write_through_the_freeze() -> None:
        with database.transaction() as session:
            session.execute(text("CREATE TEMPORARY TABLE seen (n integer)"))
            halting_postgres.freeze()  # between two statements of one transaction
            session.execute(text("INSERT INTO seen VALUES (1)"))

    try:
        seconds, error = seconds_to_fail(write_through_the_freeze)
        assert seconds < OUTAGE_WITHIN_S
        assert NOT_ANSWERING in error.message
    finally:
        halting_postgres.thaw()
    read_one(database)  # thawed, the pool gives a working connection again
    database.close()


def test_a_frozen_server_fails_a_new_connection_within_seconds(
    frozen_database: Database, halting_postgres: HaltingServer
) -> None:
    frozen_database.close()  # no pooled connection left: the next one is new
    seconds, error = seconds_to_fail(lambda: read_one(frozen_database))
    assert seconds < OUTAGE_WITHIN_S
    assert NOT_ANSWERING in error.message
    # Settings tests a server the same way before switching to it.
    seconds, error = seconds_to_fail(lambda: open_database(halting_postgres.url))
    assert seconds < OUTAGE_WITHIN_S
    assert NOT_ANSWERING in error.message


def test_a_slow_statement_on_a_live_server_is_not_cut(postgres_database_url: str) -> None:
    database = open_database(postgres_database_url)
    try:
        with database.reading() as session:
            # Longer than the watch waits before it asks the server: the server answers
            # the watch, so the statement runs to its end.
            slow = text("SELECT pg_sleep(:seconds), 1").bindparams(
                seconds=POSTGRES_PROBE_AFTER_S + 1
            )
            assert session.execute(slow).one()[1] == 1
    finally:
        database.close()
