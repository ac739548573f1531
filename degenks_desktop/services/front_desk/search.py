"""The front desk's name search, and `degenks find`: people found as a clerk types."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, literal, select, union_all

from degenks_desktop.domain.badge_codes import is_valid_badge_code, normalise_badge_code
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.search import query_words, rank_for
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Day, Event, Participant, Seat, Table

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
    day_number: int | None = None
    # Set only where two people found share a name: enough of their contact details to
    # ask "is your e-mail a…@telenet.be?". Never a diversity answer: those stay apart.
    tell_apart: str = ""

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
            "day": self.day_number,
            "status": self.status.value,
        }


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matching_conditions(text: str) -> list[ColumnElement[bool]]:
    """What a person must meet to be found by `text`: a badge code is that code itself,
    anything else every typed word somewhere in their names, e-mail or badge code.

    The one matching of the app: the desk's search and the organisers' list both use it
    (and rank what it finds with `domain.search.rank_for`).
    """
    if is_valid_badge_code(text):
        return [Participant.badge_code == normalise_badge_code(text)]
    return [
        Participant.search_key.like(f"%{_escape_like(word)}%", escape="\\")
        for word in query_words(text)
    ]


def find_participants(
    database: Database, text: str, *, day_id: int | None = None, limit: int = 20
) -> list[Match]:
    """People whose names, e-mail or badge code contain every typed word, best first.

    `day_id` says which day's table and check-in to show; by default each person's own day.
    """
    words = query_words(text)
    if not words:
        return []
    # Every keystroke at the desk runs this: one statement for the candidates and one for
    # their check-ins and tables, and the typed text folded once for the ranking.
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
        .where(Participant.event_id == the_event)
    )
    statement = statement.where(*matching_conditions(text))
    rank = rank_for(text)
    with database.reading() as session:
        rows = session.execute(statement.limit(CANDIDATE_LIMIT)).all()
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
    matches = []
    for person_id, first, last, email, code, own_day, status, phone, day_number in ranked:
        shown_day = day_id if day_id is not None else own_day
        namesake = names[fold(f"{first} {last}")] > 1
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
                day_number=day_number,
                tell_apart=contact_hint(email, phone) if namesake else "",
            )
        )
    return matches


def contact_hint(email: str | None, phone: str | None) -> str:
    """A glimpse of someone's contact details to tell namesakes apart: the e-mail's first
    letter and domain ("a…@telenet.be"), else the phone's last four digits."""
    if email and "@" in email:
        local, domain = email.split("@", 1)
        return f"{local[:1]}…@{domain}"
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return f"…{digits[-4:-2]} {digits[-2:]}" if len(digits) >= 4 else ""
