"""The front desk's name search, and `degenks find`: people found as a clerk types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from degenks_desktop.domain.badge_codes import is_valid_badge_code, normalise_badge_code
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.search import match_rank, query_words
from degenks_desktop.services.events import require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Participant, Seat, Table

CANDIDATE_LIMIT = 300


@dataclass(frozen=True)
class Match:
    """A person found by the search, with what the desk needs to know at a glance."""

    id: int
    first_name: str
    last_name: str
    badge_code: str
    day_id: int | None
    status: RegistrationStatus
    table: int | None
    checked_in: bool

    @property
    def name(self) -> str:
        """First and last name as written."""
        return f"{self.first_name} {self.last_name}".strip()

    def as_json(self) -> dict[str, Any]:
        """The keys of `degenks find --json` (CLI.md)."""
        return {
            "id": self.id,
            "name": self.name,
            "code": self.badge_code,
            "table": self.table,
            "checked_in": self.checked_in,
            "status": self.status.value,
        }


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_participants(
    database: Database, text: str, *, day_id: int | None = None, limit: int = 20
) -> list[Match]:
    """People whose names, e-mail or badge code contain every typed word, best first.

    `day_id` says which day's table and check-in to show; by default each person's own day.
    """
    words = query_words(text)
    if not words:
        return []
    with database.reading() as session:
        event = require_event(session)
        statement = select(
            Participant.id,
            Participant.first_name,
            Participant.last_name,
            Participant.email,
            Participant.badge_code,
            Participant.day_id,
            Participant.status,
        ).where(Participant.event_id == event.id)
        if is_valid_badge_code(text):
            statement = statement.where(Participant.badge_code == normalise_badge_code(text))
        else:
            for word in words:
                statement = statement.where(
                    Participant.search_key.like(f"%{_escape_like(word)}%", escape="\\")
                )
        rows = session.execute(statement.limit(CANDIDATE_LIMIT)).all()
        ranked = sorted(
            rows,
            key=lambda row: match_rank(
                text, first_name=row[1], last_name=row[2], email=row[3], badge_code=row[4]
            ),
        )[:limit]
        ids = [row[0] for row in ranked]
        checked_in: set[tuple[int, int | None]] = set(
            session.execute(
                select(CheckIn.participant_id, CheckIn.day_id).where(
                    CheckIn.participant_id.in_(ids), CheckIn.undone_at.is_(None)
                )
            ).all()
        )
        tables: dict[tuple[int, int | None], int] = {
            (participant, day): number
            for participant, day, number in session.execute(
                select(Seat.participant_id, Seat.day_id, Table.number)
                .join(Table, Table.id == Seat.table_id)
                .where(Seat.participant_id.in_(ids))
            ).all()
        }
    matches = []
    for person_id, first, last, _email, code, own_day, status in ranked:
        shown_day = day_id if day_id is not None else own_day
        matches.append(
            Match(
                id=person_id,
                first_name=first,
                last_name=last,
                badge_code=code,
                day_id=own_day,
                status=RegistrationStatus(status),
                table=tables.get((person_id, shown_day)),
                checked_in=(person_id, shown_day) in checked_in,
            )
        )
    return matches
