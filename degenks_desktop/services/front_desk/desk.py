"""One front desk on the day: it checks in and searches in the database while that answers,
and from its own copy of the day's list when it does not.

The station in Onthaal asks this desk and shows what it answers; which of the two sources
served is the desk's business. `online` and `outage` say which one serves now, so the
station can show the banner; `catch_up` (off the GUI thread) sends the queue and renews
the copy, and brings the desk back online when the database answers again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from degenks_desktop.config import desk_copy_path
from degenks_desktop.domain.uids import new_uid
from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import (
    CheckInResult,
    check_in_code,
    check_in_participant,
    undo_check_in,
)
from degenks_desktop.services.front_desk.offline import (
    SentQueue,
    check_in_offline,
    find_offline,
    sync_desk,
)
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.desk_copy import DeskCopy

SEARCH_LIMIT = 12


@dataclass(frozen=True)
class FoundPerson:
    """Someone the desk's search found, as the clerk's list shows them."""

    id: int
    name: str
    table: int | None
    checked_in: bool
    day_number: int | None = None
    tell_apart: str = ""  # for namesakes only: a glimpse of their contact details


class FrontDesk:
    """Check-ins, undo and the name search of one desk, on the database or on its copy."""

    def __init__(self, database: Database, copy: DeskCopy) -> None:
        self.database = database
        self.copy = copy
        self.online = True
        self.outage = ""

    @classmethod
    def for_database(cls, database: Database) -> FrontDesk:
        """The desk for `database`, with its copy in this laptop's data folder."""
        return cls(database, DeskCopy(desk_copy_path(database.describe())))

    # --- the connection ---------------------------------------------------------------

    def _went_offline(self, error: DatabaseUnavailable) -> None:
        self.online = False
        self.outage = error.message

    @property
    def has_copy(self) -> bool:
        """Whether the desk holds a copy of a day's list to work from."""
        return self.copy.copied_day() is not None

    def waiting(self) -> int:
        """Check-ins made during an outage that wait to be sent."""
        return len(self.copy.waiting())

    def catch_up(self, day_number: int) -> SentQueue:
        """Send the queue and renew the copy; back online when that works.

        Raises DatabaseUnavailable (and stays or goes offline) when the database is still
        out of reach. Runs off the GUI thread: a dead server can take seconds to say so.
        """
        try:
            sent = sync_desk(self.database, self.copy, day_number)
        except DatabaseUnavailable as error:
            self._went_offline(error)
            raise
        self.online = True
        self.outage = ""
        return sent

    # --- the desk's work --------------------------------------------------------------

    def check_in(
        self,
        *,
        desk: str,
        day_number: int | None,
        code: str | None = None,
        participant_id: int | None = None,
        any_day: bool = False,
        admitted_by: str = "",
    ) -> CheckInResult:
        """Check in by badge code (the scan as typed) or by id: in the database, or, out
        of reach, the queue. `any_day`: also someone registered for another day;
        `admitted_by`: the organiser who lets in someone the draw left out."""
        uid = new_uid()  # one id per attempt: the queue reuses it, so a retry never doubles
        if self.online:
            try:
                if code is not None:
                    return check_in_code(
                        self.database,
                        code,
                        desk=desk,
                        day_number=day_number,
                        actor=desk,
                        uid=uid,
                        any_day=any_day,
                        admitted_by=admitted_by,
                    )
                assert participant_id is not None
                return check_in_participant(
                    self.database,
                    participant_id,
                    desk=desk,
                    day_number=day_number,
                    actor=desk,
                    uid=uid,
                    any_day=any_day,
                    admitted_by=admitted_by,
                )
            except DatabaseUnavailable as error:
                self._went_offline(error)
        return check_in_offline(
            self.copy,
            desk=desk,
            code=code,
            participant_id=participant_id,
            uid=uid,
            any_day=any_day,
            admitted_by=admitted_by,
        )

    def undo(self, result: CheckInResult, *, desk: str, day_number: int | None) -> None:
        """Undo a check-in this desk made, in the database or in its queue."""
        assert result.participant_id is not None
        if self.online:
            try:
                undo_check_in(
                    self.database,
                    result.participant_id,
                    desk=desk,
                    day_number=day_number,
                    reason=_("undone at the desk"),
                    uid=result.uid or None,
                )
                return
            except DatabaseUnavailable as error:
                self._went_offline(error)
                raise
        if not self.copy.undo(result.uid, dt.datetime.now(dt.UTC)):
            raise DatabaseUnavailable(
                _(
                    "This check-in was made before the connection dropped: undo it "
                    "once the database is back."
                )
            )

    def find(self, text: str) -> list[FoundPerson]:
        """The people whose name, e-mail or code holds what was typed, best first."""
        if self.online:
            try:
                return [
                    FoundPerson(m.id, m.name, m.table, m.checked_in, m.day_number, m.tell_apart)
                    for m in find_participants(self.database, text, limit=SEARCH_LIMIT)
                ]
            except DatabaseUnavailable as error:
                self._went_offline(error)
        return [
            FoundPerson(p.id, p.name, p.table, p.checked_in_at is not None)
            for p in find_offline(self.copy, text, limit=SEARCH_LIMIT)
        ]
