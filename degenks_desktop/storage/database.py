"""Opening the database: SQLite on this laptop or a shared PostgreSQL server.

`open_database` checks the file or server, sets SQLite up for a busy day (WAL, foreign
keys, a busy timeout), brings the schema up to date through Alembic (after a backup copy)
and returns a `Database` whose `transaction()` is the one way to write.

A PostgreSQL server on the venue network can vanish (power, cable, Wi-Fi) or hang (a
frozen machine): its connections get a connect timeout, TCP keepalives, a TCP user
timeout and a statement timeout, and a watch cuts a statement that waits on a server
which no longer answers even a new connection. Each ends in `DatabaseUnavailable`
within seconds, so the front desk goes to its own copy instead of hanging.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DataError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

from degenks_desktop.config import busy_timeout_ms
from degenks_desktop.errors import ConflictingChange, DatabaseUnavailable, ValueDoesNotFit
from degenks_desktop.i18n import _
from degenks_desktop.storage.column_fit import refuse_values_that_do_not_fit

if TYPE_CHECKING:
    import psycopg
    from psycopg.abc import PQGen


_RV = TypeVar("_RV")

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"

# --- PostgreSQL on the venue network: how soon a silent server is noticed -------------
# Each is a libpq parameter or server setting; a value in the URL's query (for example
# `?keepalives_idle=10`) wins over the default here.

# A new connection (TCP, start-up, log-in) that is not made within this many seconds
# fails. A server on the venue network answers in milliseconds; libpq and psycopg take
# 2 s as the least.
POSTGRES_CONNECT_TIMEOUT_S = 3
# TCP keepalives on every connection: after 3 s of silence a probe each second, and
# after 3 probes unanswered the connection is dead. A pooled connection to a server that
# vanished (switched off, cable out) is known dead within some 6 s, before the next
# check-in needs it. One small packet every 3 s per idle connection on the LAN.
POSTGRES_KEEPALIVES_IDLE_S = 3
POSTGRES_KEEPALIVES_INTERVAL_S = 1
POSTGRES_KEEPALIVES_COUNT = 3  # Windows ignores this one and sends 10
# Linux: what was sent and is not acknowledged within this many ms fails the connection,
# so a cable pulled in the middle of a statement ends it (Windows and macOS: no effect;
# the watch below covers them). Longer than any Wi-Fi hiccup worth waiting out.
POSTGRES_TCP_USER_TIMEOUT_MS = 5_000
# The server cancels a statement that runs longer (and it ends in DatabaseUnavailable).
# The longest statements of a day, measured on the G360 with 3,800 ideas: 46 ms (the
# seating write's DELETE of a day's duos), 18 ms (the report's idea query). A statement
# also waits here for another desk's lock: a seating write holds its day for the
# solver's 1.8 s a day. 20 s is a hundredfold margin for a slow server laptop, and still
# ends a statement stuck behind a laptop that vanished in the middle of a transaction.
# (A transaction is not limited: the seating solver runs inside one. pg_dump and
# pg_restore are processes of their own, without this setting.)
POSTGRES_STATEMENT_TIMEOUT_MS = 20_000
# A checkout waits this long for a free pooled connection (SQLAlchemy's default: 30 s).
# A desk uses two or three at once; the pool runs out only when connections hang on a
# silent server, and the watch frees those within 5 s.
POSTGRES_POOL_TIMEOUT_S = 5
# The watch. The kernel of a hung server (a frozen machine, a stopped process) still
# acknowledges what is sent and answers keepalives, so neither TCP setting notices it,
# and a hung server enforces no statement timeout. A statement, commit or pre-ping that
# waits this long makes the watch ask the server on a new connection whether it
# answers at all; a slow statement on a live server waits on (up to its timeout).
POSTGRES_PROBE_AFTER_S = 2.0
# How long that new connection may take (libpq's least); then the waiting statements are
# cut and fail as "does not answer", some 4 s after the server went silent.
POSTGRES_PROBE_TIMEOUT_S = 2
WATCH_TICK_S = 0.25


class Database:
    """An open database: one engine, and sessions that each live for one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # SQLite keeps a string of any length; PostgreSQL refuses it mid-transaction. Both
        # refuse it here, before the flush, with the field's name.
        event.listen(self._sessions, "before_flush", refuse_values_that_do_not_fit)
        self._read_sessions = sessionmaker(
            engine.execution_options(degenks_read_only=True), expire_on_commit=False
        )

    @property
    def url(self) -> URL:
        """The database's URL (print it with `describe()`, which hides the password)."""
        return self.engine.url

    @property
    def is_sqlite(self) -> bool:
        """Whether this is a SQLite file (else a PostgreSQL server)."""
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for a server."""
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def describe(self) -> str:
        """Where the data is, for people: the file path or the server without password."""
        return describe_url(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole when the block ends, rolled back on any error."""
        with translate_database_errors(self.url), self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look at the data that does not hold up writers on SQLite."""
        with translate_database_errors(self.url), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def describe_url(url: URL | str) -> str:
    """A database location as a person reads it: a file path or user@host:port/name."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True).split("://", 1)[1]


@contextmanager
def translate_database_errors(url: URL) -> Iterator[None]:
    """Turn the driver's errors about reaching the database into one sentence (exit 4)."""
    try:
        yield
    except PoolTimeoutError as error:
        # Every pooled connection is taken: they wait on a server that does not answer.
        raise DatabaseUnavailable(not_answering_message(describe_url(url))) from error
    except DBAPIError as error:
        # Integrity and programming errors are the caller's; only failures to reach,
        # open or write the database itself become the user's sentence.
        if isinstance(error, OperationalError) or type(error) is DatabaseError:
            raise DatabaseUnavailable(explain_operational_error(url, error)) from error
        # What a check before the write should have caught: still a sentence, not a
        # crash, and never the values (they are a citizen's).
        if isinstance(error, IntegrityError):
            raise ConflictingChange(
                _(
                    "The database refused the change: it clashes with what it already "
                    "holds (another desk may have made it at the same moment). Look again "
                    "and try once more."
                )
            ) from error
        if isinstance(error, DataError):
            raise ValueDoesNotFit(
                _(
                    "The database refused a value that is too long or of the wrong kind: "
                    "shorten it or correct it, and try again."
                )
            ) from error
        raise


def explain_operational_error(url: URL, error: DBAPIError) -> str:
    """One plain sentence for a failure to open, read or write the database."""
    where = describe_url(url)
    detail = str(error.orig).lower() if error.orig is not None else str(error).lower()
    if url.get_backend_name() == "sqlite":
        if "locked" in detail or "busy" in detail:
            return _(
                "The database {where} is in use by another program: close that program, "
                "or wait a moment and try again."
            ).format(where=where)
        if "readonly" in detail or "read-only" in detail:
            return _(
                "The database file {where} is read-only: copy it to a folder where you can "
                "write, or ask for write permission."
            ).format(where=where)
        if "not a database" in detail or "malformed" in detail:
            return corrupt_message(where)
        return _(
            "The database file {where} cannot be opened: check that the folder exists "
            "and that you may write in it."
        ).format(where=where)
    if server_did_not_answer(error):
        return not_answering_message(where)
    if "password" in detail or "authentication" in detail:
        return _(
            "The PostgreSQL server {where} refused the user name or password: check them "
            "in Settings."
        ).format(where=where)
    if "does not exist" in detail:
        return _(
            "The PostgreSQL server {where} has no such database: create it, or check its "
            "name in Settings."
        ).format(where=where)
    return _(
        "The PostgreSQL server {where} cannot be reached: check that it is running and "
        "that this laptop is on the venue network."
    ).format(where=where)


# What libpq, psycopg and the server say when a wait for the server ran out: the connect
# timeout ("connection timeout expired"), a keepalive or the TCP user timeout ("Connection
# timed out"), the statement timeout ("canceling statement due to statement timeout").
NOT_ANSWERING_SIGNS = ("timeout expired", "timed out", "statement timeout")


def server_did_not_answer(error: DBAPIError) -> bool:
    """Whether `error` says the server was silent too long (not that it refused or was down)."""
    if getattr(error.orig, "degenks_not_answering", False):  # the watch cut the wait
        return True
    detail = str(error.orig if error.orig is not None else error).lower()
    return any(sign in detail for sign in NOT_ANSWERING_SIGNS)


def not_answering_message(where: str) -> str:
    """The sentence for a PostgreSQL server that stopped answering (or answers too slowly)."""
    return _(
        "The PostgreSQL server {where} does not answer: check that it is running and not "
        "overloaded, and that this laptop is on the venue network."
    ).format(where=where)


def corrupt_message(where: str) -> str:
    """The sentence for a file that is not a (healthy) SQLite database."""
    return _(
        "The file {where} is not a De Genks database or is damaged: choose another file, "
        "or restore a backup with `degenks restore`."
    ).format(where=where)


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, with one sentence, a SQLite file that is missing, read-only or not SQLite."""
    where = str(path)
    if not path.exists():
        if not create:
            raise DatabaseUnavailable(
                _(
                    "There is no database at {where}: check the path, or create one "
                    "with `degenks demo`."
                ).format(where=where)
            )
        if not path.parent.is_dir():
            raise DatabaseUnavailable(
                _("The folder {folder} does not exist: create it or choose another path.").format(
                    folder=path.parent
                )
            )
        if not os.access(path.parent, os.W_OK):
            raise DatabaseUnavailable(
                _(
                    "You may not write in the folder {folder}: choose another path for "
                    "the database."
                ).format(folder=path.parent)
            )
        return
    if path.is_dir():
        raise DatabaseUnavailable(corrupt_message(where))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        # WAL mode needs to write the file and its -wal and -shm neighbours.
        raise DatabaseUnavailable(
            _(
                "The database file {where} is read-only: copy it to a folder where you can "
                "write, or ask for write permission."
            ).format(where=where)
        )
    with path.open("rb") as database_file:
        header = database_file.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseUnavailable(corrupt_message(where))


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys and a busy timeout on every connection; BEGIN IMMEDIATE for writes."""
    timeout_ms = busy_timeout_ms()

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, so that a transaction that
        # reads and then writes holds its lock from the start (pysqlite's own handling
        # starts transactions late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        if connection.get_execution_options().get("degenks_read_only"):
            connection.exec_driver_sql("BEGIN")
        else:
            # Writers queue at the start instead of failing on a lock upgrade mid-way.
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(url: str) -> Engine:
    """An engine for `url` with the settings this app needs on each engine."""
    parsed = make_url(url)
    # Bound values are names, e-mails and notes of citizens: keep them out of every
    # error's text (and so out of logs and reports); the SQL itself still shows.
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed, hide_parameters=True, connect_args={"timeout": busy_timeout_ms() / 1000}
        )
        _configure_sqlite(engine)
        return engine
    # Pre-ping: a pooled connection that died (server restarted, keepalives gave up) is
    # replaced at checkout instead of failing the desk's next check-in.
    engine = create_engine(
        parsed, hide_parameters=True, pool_pre_ping=True, pool_timeout=POSTGRES_POOL_TIMEOUT_S
    )
    _configure_postgres(engine)
    return engine


def postgres_parameters(cparams: dict[str, Any]) -> dict[str, Any]:
    """A connection's libpq parameters with this app's timeouts and keepalives added.

    A parameter the URL already gives is kept; the statement timeout joins any `options`.
    """
    defaults = {
        "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,
        "keepalives": 1,
        "keepalives_idle": POSTGRES_KEEPALIVES_IDLE_S,
        "keepalives_interval": POSTGRES_KEEPALIVES_INTERVAL_S,
        "keepalives_count": POSTGRES_KEEPALIVES_COUNT,
        "tcp_user_timeout": POSTGRES_TCP_USER_TIMEOUT_MS,
    }
    parameters = defaults | cparams
    options = str(parameters.get("options") or "")
    if "statement_timeout" not in options:
        timeout = f"-c statement_timeout={POSTGRES_STATEMENT_TIMEOUT_MS}"
        parameters["options"] = f"{options} {timeout}".strip()
    return parameters


def _configure_postgres(engine: Engine) -> None:
    """Timeouts and keepalives on every connection, and the watch on every wait."""
    server = _Server()

    @event.listens_for(engine, "do_connect")
    def on_do_connect(
        _dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]
    ) -> psycopg.Connection[Any]:
        parameters = postgres_parameters(cparams)
        server.connect_with(cargs, parameters)
        return _watched_connect()(server, cargs, parameters)

    @event.listens_for(engine, "handle_error")
    def on_error(context: ExceptionContext) -> None:
        # A pre-ping the watch cut: the pool would try a new connection next and wait its
        # connect timeout on the same silent server. Fail the checkout now instead (the
        # cut connection is discarded all the same).
        if context.is_pre_ping and getattr(
            context.original_exception, "degenks_not_answering", False
        ):
            context.is_disconnect = False


class _Server:
    """One engine's PostgreSQL server, as the watch asks it whether it still answers."""

    def __init__(self) -> None:
        self._cargs: list[Any] = []
        self._cparams: dict[str, Any] = {}

    def connect_with(self, cargs: list[Any], cparams: dict[str, Any]) -> None:
        """Remember how the engine connects, to ask the same server the same way."""
        self._cargs, self._cparams = list(cargs), dict(cparams)

    def answers(self) -> bool:
        """Whether the server answers a new connection within the probe's timeout.

        Any answer counts, a refusal too (wrong password, too many clients): a server that
        says no is alive, and a slow statement on it waits on for its statement timeout.
        """
        import psycopg  # noqa: PLC0415 - loaded already: a connection waits on it

        parameters = self._cparams | {"connect_timeout": POSTGRES_PROBE_TIMEOUT_S}
        try:
            psycopg.Connection.connect(*self._cargs, **parameters).close()
        except psycopg.Error as error:
            return error.sqlstate is not None  # the server's own error, so it answered
        return True


class _Waiting:
    """One connection waiting for its server: since when, and whether the watch cut it."""

    __slots__ = ("checked", "cut", "fileno", "server")

    def __init__(self, server: _Server, fileno: int) -> None:
        self.server = server
        self.fileno = fileno
        self.checked = time.monotonic()  # when the server last showed it answers
        self.cut = False

    def cut_off(self) -> None:
        """End the wait: shut the socket down, so that libpq reads its end at once.

        Called with the watch's lock held, while the connection is in its wait (its owner
        leaves under the same lock), so the socket is still this connection's.
        """
        self.cut = True
        sock = socket.socket(fileno=self.fileno)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # gone already
        finally:
            sock.detach()  # the socket stays libpq's to close


class _Watch:
    """Cuts the waits of connections whose server stopped answering; one for the app.

    Its thread sleeps while nothing waits. Every wait of a PostgreSQL connection enters
    and leaves (a lock and a set: microseconds); one that waits POSTGRES_PROBE_AFTER_S
    makes the thread probe its server, and cut every wait on it when it does not answer.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting: set[_Waiting] = set()
        self._thread: threading.Thread | None = None

    def enter(self, server: _Server, fileno: int) -> _Waiting:
        """A connection starts waiting for `server` on the socket `fileno`."""
        waiting = _Waiting(server, fileno)
        with self._changed:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="degenks-postgres-watch", daemon=True
                )
                self._thread.start()
            if not self._waiting:
                self._changed.notify()
            self._waiting.add(waiting)
        return waiting

    def leave(self, waiting: _Waiting) -> None:
        """The wait ended (answered, failed or cut)."""
        with self._changed:
            self._waiting.discard(waiting)

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._waiting:
                    self._changed.wait()
                now = time.monotonic()
                due = {
                    w.server
                    for w in self._waiting
                    if not w.cut and now - w.checked >= POSTGRES_PROBE_AFTER_S
                }
            for server in due:
                self._probe(server)
            time.sleep(WATCH_TICK_S)

    def _probe(self, server: _Server) -> None:
        started = time.monotonic()
        answers = server.answers()
        with self._changed:
            for waiting in self._waiting:
                if waiting.server is not server or waiting.checked > started:
                    continue  # another server's, or started after the probe
                if answers:
                    waiting.checked = time.monotonic()
                elif not waiting.cut:
                    log.warning("PostgreSQL does not answer: cutting a connection's wait")
                    waiting.cut_off()


_WATCH = _Watch()


@functools.cache
def _watched_connect() -> Callable[[_Server, list[Any], dict[str, Any]], psycopg.Connection[Any]]:
    """How to connect to `server` with a psycopg connection whose waits are watched.

    Every round trip of a psycopg connection (execute, commit, rollback, the pool's
    pre-ping) goes through `Connection.wait`. Made on first use, so that SQLite users
    never load psycopg. A wait the watch cut fails as ServerNotAnswering, an
    OperationalError (so SQLAlchemy drops the connection) that says why.
    """
    import psycopg  # noqa: PLC0415 - only PostgreSQL users pay for the driver

    class ServerNotAnswering(psycopg.OperationalError):
        degenks_not_answering = True

    class WatchedConnection(psycopg.Connection[Any]):
        watched_server: _Server | None = None

        def wait(self, gen: PQGen[_RV], *args: Any, **kwargs: Any) -> _RV:
            server = self.watched_server
            if server is None or self.closed:
                return super().wait(gen, *args, **kwargs)
            waiting = _WATCH.enter(server, self.pgconn.socket)
            try:
                return super().wait(gen, *args, **kwargs)
            except psycopg.Error as error:
                if waiting.cut:
                    raise ServerNotAnswering(
                        f"the server did not answer for {POSTGRES_PROBE_AFTER_S:g} s, "
                        f"nor a new connection within {POSTGRES_PROBE_TIMEOUT_S} s"
                    ) from error
                raise
            finally:
                _WATCH.leave(waiting)

    def connect(
        server: _Server, cargs: list[Any], parameters: dict[str, Any]
    ) -> psycopg.Connection[Any]:
        connection = WatchedConnection.connect(*cargs, **parameters)
        connection.watched_server = server
        return connection

    return connect


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def supported_url(url: str) -> URL:
    """`url` parsed, when it names a SQLite file or a PostgreSQL server this app can open."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUnavailable(
            _(
                "This is no database address: give a SQLite file's path or a "
                "postgresql://user@server/name address."
            )
        ) from error
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise DatabaseUnavailable(
            _(
                "De Genks Desktop works with a SQLite file or a PostgreSQL server, not "
                "“{scheme}”: give a file's path or a postgresql://user@server/name address."
            ).format(scheme=parsed.get_backend_name())
        )
    try:
        parsed.get_dialect()
    except NoSuchModuleError as error:
        raise DatabaseUnavailable(
            _(
                "The database driver “{driver}” is not part of this app: leave the driver "
                "out of the address (postgresql://user@server/name)."
            ).format(driver=parsed.drivername)
        ) from error
    return parsed


def open_database(
    url: str,
    *,
    create: bool = True,
    migrate: bool = True,
    script_location: Path | None = None,
) -> Database:
    """Open the database at `url`, upgrading its schema (after a backup) when needed.

    With `create` False a missing SQLite file is refused instead of made. Every failure
    is a `DatabaseUnavailable` with one sentence for the user.
    """
    from degenks_desktop.storage import migrations  # noqa: PLC0415 - imports alembic late

    parsed = supported_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _check_sqlite_file(Path(parsed.database), create=create)
    engine = create_database_engine(url)
    try:
        with translate_database_errors(parsed), engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        if migrate:
            migrations.upgrade_to_latest(engine, script_location=script_location)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)
