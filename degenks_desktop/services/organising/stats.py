"""Where the event stands: registrations, check-ins per day, tables, ideas, votes, concepts.

The main window's live counts, `degenks stats` and the organisers' dashboard read this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.services.house.events import require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Concept,
    Day,
    Facilitator,
    Idea,
    Participant,
    Table,
    Theme,
    Vote,
)


@dataclass(frozen=True)
class DayCounts:
    """Who is expected and who has arrived on one day."""

    number: int
    date: str
    expected: int
    checked_in: int
    tables: int


@dataclass(frozen=True)
class EventStats:
    """The event's figures at one moment."""

    event: str
    participants: int
    themes: int
    facilitators: int
    tables: int
    days: tuple[DayCounts, ...]
    ideas: int
    votes: int
    concepts: int

    def as_json(self) -> dict[str, Any]:
        """The keys of `degenks stats --json` (CLI.md); `checked_in` is keyed by day number."""
        return {
            "event": self.event,
            "participants": self.participants,
            "checked_in": {str(day.number): day.checked_in for day in self.days},
            "expected": {str(day.number): day.expected for day in self.days},
            "days": [
                {
                    "number": d.number,
                    "date": d.date,
                    "expected": d.expected,
                    "checked_in": d.checked_in,
                    "tables": d.tables,
                }
                for d in self.days
            ],
            "themes": self.themes,
            "facilitators": self.facilitators,
            "tables": self.tables,
            "ideas": self.ideas,
            "votes": self.votes,
            "concepts": self.concepts,
        }


def _count(session: Session, statement: Any) -> int:
    return int(session.scalar(statement) or 0)


def event_stats(database: Database) -> EventStats:
    """Count everything that matters about the event, in one consistent read."""
    with database.reading() as session:
        event = require_event(session)
        days = session.scalars(
            select(Day).where(Day.event_id == event.id).order_by(Day.number)
        ).all()
        expected_by_day = dict(
            session.execute(
                select(Participant.day_id, func.count())
                .where(Participant.event_id == event.id)
                .where(Participant.status.in_(EXPECTED_STATUSES))
                .group_by(Participant.day_id)
            ).all()
        )
        checked_in_by_day = dict(
            session.execute(
                select(CheckIn.day_id, func.count())
                .join(Day, Day.id == CheckIn.day_id)
                .where(Day.event_id == event.id, CheckIn.undone_at.is_(None))
                .group_by(CheckIn.day_id)
            ).all()
        )
        tables_by_day = dict(
            session.execute(
                select(Table.day_id, func.count())
                .join(Day, Day.id == Table.day_id)
                .where(Day.event_id == event.id)
                .group_by(Table.day_id)
            ).all()
        )
        live_ideas = (
            select(Idea.id)
            .join(Table, Table.id == Idea.table_id)
            .join(Day, Day.id == Table.day_id)
            .where(Day.event_id == event.id, Idea.deleted_at.is_(None))
        )
        return EventStats(
            event=event.name,
            participants=_count(
                session,
                select(func.count())
                .select_from(Participant)
                .where(Participant.event_id == event.id)
                .where(Participant.status.in_(EXPECTED_STATUSES)),
            ),
            themes=_count(
                session,
                select(func.count()).select_from(Theme).where(Theme.event_id == event.id),
            ),
            facilitators=_count(
                session,
                select(func.count())
                .select_from(Facilitator)
                .where(Facilitator.event_id == event.id),
            ),
            tables=sum(tables_by_day.values()),
            days=tuple(
                DayCounts(
                    number=day.number,
                    date=day.date.isoformat(),
                    expected=int(expected_by_day.get(day.id, 0)),
                    checked_in=int(checked_in_by_day.get(day.id, 0)),
                    tables=int(tables_by_day.get(day.id, 0)),
                )
                for day in days
            ),
            ideas=_count(
                session,
                select(func.count()).select_from(
                    live_ideas.where(Idea.merged_into_id.is_(None)).subquery()
                ),
            ),
            votes=_count(
                session,
                select(func.coalesce(func.sum(Vote.dots), 0)).where(Vote.idea_id.in_(live_ideas)),
            ),
            concepts=_count(
                session,
                select(func.count())
                .select_from(Concept)
                .join(Table, Table.id == Concept.table_id)
                .join(Day, Day.id == Table.day_id)
                .where(Day.event_id == event.id),
            ),
        )
