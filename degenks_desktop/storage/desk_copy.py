"""The desk's own copy of the day's list and its queue of check-ins, in a small local file.

When the shared database cannot be reached, the desk goes on checking people in from
this copy; each check-in waits in the queue, with its unique id, until it is sent. The
file is plain SQLite and every check-in is committed on its own, so a desk that crashes
during an outage loses nothing it showed as green.

The list holds everyone of the event, each with the day they registered for and whether
the registration was cancelled, so that the desk answers as the database would. A file
from an older version without those columns loses its list (never its queue) and is
filled again at the next copy.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from degenks_desktop.domain.registration import RegistrationStatus

_SCHEMA = """
CREATE TABLE IF NOT EXISTS copied_list (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS person (
    id INTEGER PRIMARY KEY,
    badge_code TEXT NOT NULL,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL,
    table_number INTEGER,
    theme TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    checked_in_at TEXT,
    checked_in_desk TEXT NOT NULL DEFAULT '',
    registered_day INTEGER,
    registered_table INTEGER,
    registered_theme TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'registered'
);
CREATE INDEX IF NOT EXISTS person_badge_code ON person (badge_code);
CREATE TABLE IF NOT EXISTS queued_check_in (
    uid TEXT PRIMARY KEY,
    participant_id INTEGER NOT NULL,
    day_number INTEGER NOT NULL,
    desk TEXT NOT NULL,
    at TEXT NOT NULL,
    undone_at TEXT,
    sent_at TEXT,
    set_aside TEXT
);
"""
_PERSON_COLUMNS = (
    "id, badge_code, name, search_key, table_number, theme, note, checked_in_at, "
    "checked_in_desk, registered_day, registered_table, registered_theme, status"
)
_PERSON_PLACEHOLDERS = ", ".join("?" for _ in _PERSON_COLUMNS.split(","))


@dataclass(frozen=True)
class CopiedPerson:
    """One person of the event as the desk needs them without the database.

    `table`, `theme` and the check-in are those of the copied day; `registered_day` is
    the number of the day they registered for (None: no day), and `registered_table`
    and `registered_theme` their seat on that day, for sending someone of another day on.
    """

    id: int
    badge_code: str
    name: str
    search_key: str
    table: int | None
    theme: str
    note: str
    checked_in_at: dt.datetime | None = None
    checked_in_desk: str = ""
    registered_day: int | None = None
    registered_table: int | None = None
    registered_theme: str = ""
    status: RegistrationStatus = RegistrationStatus.REGISTERED


@dataclass(frozen=True)
class QueuedCheckIn:
    """A check-in made while the database was out of reach, waiting to be sent."""

    uid: str
    participant_id: int
    day_number: int
    desk: str
    at: dt.datetime
    undone_at: dt.datetime | None = None


@dataclass(frozen=True)
class CopiedDay:
    """Which list the copy holds and when it was taken."""

    database: str
    day_number: int
    taken_at: dt.datetime
    people: int


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


class DeskCopy:
    """The local file: the day's list, and the queue of check-ins not yet sent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as connection:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(person)")}
            wanted = {column.strip() for column in _PERSON_COLUMNS.split(",")}
            if columns and not wanted <= columns:
                # An older version's list, without the registered day: answering from it
                # could check someone in on the wrong day. It goes, with the note of which
                # list this was, so the desk takes a fresh copy; the queue stays.
                connection.execute("DROP TABLE person")
                connection.execute("DROP TABLE IF EXISTS copied_list")
            connection.executescript(_SCHEMA)
            queue_columns = {
                row[1] for row in connection.execute("PRAGMA table_info(queued_check_in)")
            }
            if "set_aside" not in queue_columns:  # a queue from before entries were set aside
                connection.execute("ALTER TABLE queued_check_in ADD COLUMN set_aside TEXT")

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        # A connection per call: the desk's timer thread and the GUI thread both use the
        # copy, and sqlite3 connections must not cross threads.
        with closing(sqlite3.connect(self.path, timeout=10)) as connection, connection:
            yield connection

    def replace_list(
        self, *, database: str, day_number: int, people: Iterable[CopiedPerson]
    ) -> None:
        """Put a fresh copy of the day's list in place, keeping what the queue still owes.

        A person with a check-in in the queue stays checked in here, whatever the
        database said when the copy was taken.
        """
        rows = [
            (
                p.id,
                p.badge_code,
                p.name,
                p.search_key,
                p.table,
                p.theme,
                p.note,
                p.checked_in_at.isoformat() if p.checked_in_at else None,
                p.checked_in_desk,
                p.registered_day,
                p.registered_table,
                p.registered_theme,
                p.status.value,
            )
            for p in people
        ]
        with self._connection() as connection:
            connection.execute("DELETE FROM person")
            connection.executemany(
                f"INSERT INTO person ({_PERSON_COLUMNS}) VALUES ({_PERSON_PLACEHOLDERS})",
                rows,
            )
            connection.execute(
                """UPDATE person SET (checked_in_at, checked_in_desk) = (
                       SELECT at, desk FROM queued_check_in q
                       WHERE q.participant_id = person.id AND q.sent_at IS NULL
                         AND q.undone_at IS NULL AND q.day_number = ?)
                   WHERE id IN (SELECT participant_id FROM queued_check_in
                                WHERE sent_at IS NULL AND undone_at IS NULL
                                  AND day_number = ?)""",
                (day_number, day_number),
            )
            connection.executemany(
                "INSERT OR REPLACE INTO copied_list VALUES (?, ?)",
                [
                    ("database", database),
                    ("day_number", str(day_number)),
                    ("taken_at", dt.datetime.now(dt.UTC).isoformat()),
                ],
            )

    def copied_day(self) -> CopiedDay | None:
        """Which database and day the copy holds, or None before the first copy."""
        with self._connection() as connection:
            values = dict(connection.execute("SELECT key, value FROM copied_list").fetchall())
            people = connection.execute("SELECT count(*) FROM person").fetchone()[0]
        if "day_number" not in values:
            return None
        taken_at = _time(values["taken_at"])
        assert taken_at is not None
        return CopiedDay(values["database"], int(values["day_number"]), taken_at, int(people))

    def _people(self, where: str, parameters: tuple[object, ...]) -> list[CopiedPerson]:
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT {_PERSON_COLUMNS} FROM person WHERE {where}", parameters
            ).fetchall()
        return [
            CopiedPerson(
                id=row[0],
                badge_code=row[1],
                name=row[2],
                search_key=row[3],
                table=row[4],
                theme=row[5],
                note=row[6],
                checked_in_at=_time(row[7]),
                checked_in_desk=row[8],
                registered_day=row[9],
                registered_table=row[10],
                registered_theme=row[11],
                status=RegistrationStatus(row[12]),
            )
            for row in rows
        ]

    def person(self, participant_id: int) -> CopiedPerson | None:
        """One person of the copied list by id."""
        found = self._people("id = ?", (participant_id,))
        return found[0] if found else None

    def people_with_codes(self, badge_codes: Iterable[str]) -> list[CopiedPerson]:
        """Everyone carrying one of `badge_codes` (normalised): a scan's readings."""
        codes = tuple(badge_codes)
        if not codes:
            return []
        return self._people(f"badge_code IN ({', '.join('?' for _ in codes)})", codes)

    def people_matching(self, words: list[str], limit: int) -> list[CopiedPerson]:
        """People whose search key holds every folded word."""
        if not words:
            return []
        where = " AND ".join("instr(search_key, ?) > 0" for _ in words)
        return self._people(f"{where} ORDER BY name LIMIT {int(limit)}", tuple(words))

    def enqueue(self, check_in: QueuedCheckIn) -> None:
        """Keep a check-in for sending later, and mark the person checked in here."""
        with self._connection() as connection:
            connection.execute(
                "INSERT INTO queued_check_in (uid, participant_id, day_number, desk, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    check_in.uid,
                    check_in.participant_id,
                    check_in.day_number,
                    check_in.desk,
                    check_in.at.isoformat(),
                ),
            )
            connection.execute(
                "UPDATE person SET checked_in_at = ?, checked_in_desk = ? WHERE id = ?",
                (check_in.at.isoformat(), check_in.desk, check_in.participant_id),
            )

    def undo(self, uid: str, at: dt.datetime) -> bool:
        """Mark a queued check-in as undone (sent later as a check-in and its undo)."""
        with self._connection() as connection:
            row = connection.execute(
                "SELECT participant_id FROM queued_check_in WHERE uid = ? AND undone_at IS NULL",
                (uid,),
            ).fetchone()
            if row is None:
                return False
            connection.execute(
                "UPDATE queued_check_in SET undone_at = ? WHERE uid = ?", (at.isoformat(), uid)
            )
            connection.execute(
                "UPDATE person SET checked_in_at = NULL, checked_in_desk = '' WHERE id = ?",
                (row[0],),
            )
            return True

    def waiting(self) -> list[QueuedCheckIn]:
        """The check-ins not yet sent, oldest first."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT uid, participant_id, day_number, desk, at, undone_at "
                "FROM queued_check_in WHERE sent_at IS NULL AND set_aside IS NULL "
                "ORDER BY at, uid"
            ).fetchall()
        return [
            QueuedCheckIn(
                row[0], row[1], row[2], row[3], dt.datetime.fromisoformat(row[4]), _time(row[5])
            )
            for row in rows
        ]

    def set_aside(self, uid: str, reason: str) -> None:
        """A queued check-in the database can no longer take (the person was removed, say):
        it leaves the queue with its reason, so that the rest gets through."""
        with self._connection() as connection:
            connection.execute(
                "UPDATE queued_check_in SET set_aside = ? WHERE uid = ?", (reason, uid)
            )

    def set_aside_entries(self) -> list[tuple[QueuedCheckIn, str]]:
        """The check-ins set aside, oldest first, each with why it could not be sent."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT uid, participant_id, day_number, desk, at, undone_at, set_aside "
                "FROM queued_check_in WHERE set_aside IS NOT NULL ORDER BY at, uid"
            ).fetchall()
        return [
            (
                QueuedCheckIn(
                    row[0], row[1], row[2], row[3], dt.datetime.fromisoformat(row[4]), _time(row[5])
                ),
                row[6],
            )
            for row in rows
        ]

    def mark_sent(self, uid: str) -> None:
        """The database has this check-in: it leaves the queue (the row stays, as a record)."""
        with self._connection() as connection:
            connection.execute(
                "UPDATE queued_check_in SET sent_at = ? WHERE uid = ?",
                (dt.datetime.now(dt.UTC).isoformat(), uid),
            )
