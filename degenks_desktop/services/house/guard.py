"""Bounded guessing: wrong PINs and passwords in a row make every further try wait longer.

Each table's PIN and each organiser account is guarded on its own (`kind`, `subject`, a
row of `guarded_tries`). The first five wrong tries in a row are free; after the fifth,
each further try waits: 30 s, then 60 s, 2 min, … up to 15 min. A try during the wait is
refused without checking the PIN or password at all; a right try resets the count. Every
wrong try and every lock-out leaves an audit entry. The count lives in the database, so a
restart of the app (or the next CLI command) resets nothing, and every laptop on a shared
database sees the same count. The moment is a parameter (`now`), so tests need not wait.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from degenks_desktop.errors import AccessRefused
from degenks_desktop.i18n import counted
from degenks_desktop.services.house import audit
from degenks_desktop.storage.models import GuardedTries

KIND_TABLE_PIN = "table_pin"
KIND_ORGANISER = "organiser"
FREE_TRIES = 5
FIRST_WAIT = dt.timedelta(seconds=30)
LONGEST_WAIT = dt.timedelta(minutes=15)
LOCKED_OUT = "guard.locked_out"


def now_utc() -> dt.datetime:
    """The moment of a try when the caller gives none: this laptop's clock, in UTC."""
    return dt.datetime.now(dt.UTC)


def wait_after(wrong_in_a_row: int) -> dt.timedelta | None:
    """How long the next try waits after this many wrong ones in a row (None: not at all).

    The wait doubles with each wrong try past the fifth, so a person who mistypes a few
    times loses half a minute, and a guesser gets some hundred tries a day.
    """
    if wrong_in_a_row < FREE_TRIES:
        return None
    doublings = min(wrong_in_a_row - FREE_TRIES, 10)  # 2**10 × 30 s is past the cap already
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def describe_wait(wait: dt.timedelta) -> str:
    """'30 seconden', '2 minuten': a wait as people read it, rounded up."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 90:
        return counted("{count} second", "{count} seconds", seconds)
    return counted("{count} minute", "{count} minutes", math.ceil(seconds / 60))


class MustWait(AccessRefused):
    """A try during the wait after too many wrong ones: refused, nothing checked."""

    def __init__(self, message: str, wait: dt.timedelta) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True)
class WrongTry:
    """How the audit names a wrong try of one subject (never with the PIN or password)."""

    action: str
    actor: str = ""
    subject_type: str = ""
    subject_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """The try's result: right, or wrong with the wait that starts now (if one does)."""

    right: bool
    wait: dt.timedelta | None = None


def guarded_try(
    session: Session,
    *,
    kind: str,
    subject: str,
    now: dt.datetime,
    check: Callable[[], bool],
    wrong: WrongTry,
    waiting: Callable[[str], str],
) -> Outcome:
    """One try of a PIN or password, in the caller's transaction (one per try).

    During a wait, `MustWait` with `waiting(how long)` as its sentence, `check` not even
    called; the transaction then rolls back and nothing changes. Otherwise `check` decides:
    right resets the count; wrong counts, audits, and after the fifth starts a wait. The
    caller commits a wrong try's count before refusing, so the count holds.
    """
    row = _row(session, kind, subject)
    if row is not None and row.wait_until is not None and now < row.wait_until:
        left = row.wait_until - now
        raise MustWait(waiting(describe_wait(left)), left)
    if check():
        if row is not None and (row.wrong_in_a_row or row.wait_until is not None):
            row.wrong_in_a_row = 0
            row.wait_until = None
        return Outcome(right=True)
    if row is None:
        row = _new_row(session, kind, subject)
    row.wrong_in_a_row += 1
    row.last_wrong_at = now
    audit.record(
        session,
        action=wrong.action,
        actor=wrong.actor,
        subject_type=wrong.subject_type,
        subject_id=wrong.subject_id,
        details={**wrong.details, "wrong_in_a_row": row.wrong_in_a_row},
    )
    wait = wait_after(row.wrong_in_a_row)
    if wait is None:
        return Outcome(right=False)
    row.wait_until = now + wait
    audit.record(
        session,
        action=LOCKED_OUT,
        actor=wrong.actor,
        subject_type=wrong.subject_type,
        subject_id=wrong.subject_id,
        details={
            **wrong.details,
            "kind": kind,
            "wrong_in_a_row": row.wrong_in_a_row,
            "wait_seconds": int(wait.total_seconds()),
        },
    )
    return Outcome(right=False, wait=wait)


def wrong_in_a_row(session: Session, kind: str, subject: str) -> int:
    """How many wrong tries in a row the subject has now (0 without a row)."""
    row = _row(session, kind, subject, lock=False)
    return row.wrong_in_a_row if row is not None else 0


def forget_tries(session: Session, kind: str, subjects: list[str]) -> None:
    """Start the count again for `subjects` (a new PIN: the old tries were not at it)."""
    if subjects:
        session.execute(
            update(GuardedTries)
            .where(GuardedTries.kind == kind, GuardedTries.subject.in_(subjects))
            .values(wrong_in_a_row=0, wait_until=None)
        )


def _row(session: Session, kind: str, subject: str, *, lock: bool = True) -> GuardedTries | None:
    query = select(GuardedTries).where(GuardedTries.kind == kind, GuardedTries.subject == subject)
    if lock:
        # PostgreSQL: two laptops trying the same table at once count one after the other
        # (SQLite's BEGIN IMMEDIATE already lets one writer in at a time).
        query = query.with_for_update()
    return session.scalars(query).first()


def _new_row(session: Session, kind: str, subject: str) -> GuardedTries:
    """The subject's row, made now if no try made it first (two first wrong tries at once
    on PostgreSQL: the second waits for the first's row, then counts on it)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(GuardedTries)
        .values(kind=kind, subject=subject, wrong_in_a_row=0)
        .on_conflict_do_nothing(index_elements=["kind", "subject"])
    )
    row = _row(session, kind, subject)
    assert row is not None  # just inserted, or by the try that came first
    return row
