"""Seating a day: theme tables and duos written to the database in one transaction.

Who is seated: the people checked in on the day once check-in has started, else
everyone expected that day. Pinned seats stay; everyone else may move, though the
engine (domain.seating) prefers to leave people where they were.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.diversity import age_band
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.domain.seating import Seating, SeatPerson, SeatTable, seat_day
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services import audit
from degenks_desktop.services.events import require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Day,
    Duo,
    Participant,
    Profile,
    Seat,
    Table,
    WatchedCategory,
)

SOLVER = "greedy + local search (tables), networkx max_weight_matching (duos)"
DEFAULT_TIME_LIMIT = 2.0


@dataclass(frozen=True)
class SeatingReport:
    """What `degenks assign --json` reports (CLI.md), summed over the days seated."""

    participants: int
    tables: int
    seated: int
    unseated: int
    first_choice: int
    first_choice_bound: int
    duos: int
    trios: int
    moved: int
    objective: float
    seconds: float

    def as_json(self) -> dict[str, Any]:
        """The keys of CLI.md, plus the counts behind the share."""
        share = self.first_choice / self.seated if self.seated else 0.0
        gap = (
            (self.first_choice_bound - self.first_choice) / self.first_choice_bound
            if self.first_choice_bound
            else 0.0
        )
        return {
            "participants": self.participants,
            "tables": self.tables,
            "seated": self.seated,
            "unseated": self.unseated,
            "first_choice_share": round(share, 4),
            "duos": self.duos,
            "trios": self.trios,
            "moved": self.moved,
            "objective": self.objective,
            "bound": self.first_choice_bound,
            "gap": round(gap, 4),
            "seconds": round(self.seconds, 3),
            "solver": SOLVER,
        }


def _answers(
    profile: Profile | None, categories: list[str], year: int
) -> tuple[tuple[str, str], ...]:
    if profile is None:
        return ()
    found = []
    for key in categories:
        if key == "age_band":
            if profile.birth_year:
                found.append((key, age_band(profile.birth_year, year)))
        else:
            value = getattr(profile, key, None)
            if value:
                found.append((key, str(value)))
    return tuple(found)


def _people_of_day(session: Session, day: Day, categories: list[str]) -> list[SeatPerson]:
    present = set(
        session.scalars(
            select(CheckIn.participant_id).where(
                CheckIn.day_id == day.id, CheckIn.undone_at.is_(None)
            )
        )
    )
    query = select(Participant).where(Participant.event_id == day.event_id)
    if present:
        query = query.where(Participant.id.in_(present))
    else:
        query = query.where(Participant.day_id == day.id, Participant.status.in_(EXPECTED_STATUSES))
    seats = {
        seat.participant_id: seat
        for seat in session.scalars(select(Seat).where(Seat.day_id == day.id))
    }
    people = []
    for person in session.scalars(query):
        seat = seats.get(person.id)
        people.append(
            SeatPerson(
                id=person.id,
                first_theme=person.first_theme_id,
                second_theme=person.second_theme_id,
                answers=_answers(
                    person.profile if person.profile_consent else None,
                    categories,
                    day.date.year,
                ),
                together=person.stay_with,
                pinned_table=seat.table_id if seat is not None and seat.pinned else None,
                current_table=seat.table_id if seat is not None else None,
            )
        )
    return people


def _write(session: Session, day: Day, seating: Seating, pinned: set[int]) -> None:
    table_ids = list(session.scalars(select(Table.id).where(Table.day_id == day.id)))
    session.execute(delete(Seat).where(Seat.day_id == day.id))
    session.execute(delete(Duo).where(Duo.table_id.in_(table_ids)))
    session.flush()
    for table_id, duos in seating.duos.items():
        for number, members in enumerate(duos, start=1):
            duo = Duo(table_id=table_id, number=number)
            session.add(duo)
            session.flush()
            for person in members:
                session.add(
                    Seat(
                        participant_id=person,
                        day_id=day.id,
                        table_id=table_id,
                        duo_id=duo.id,
                        pinned=person in pinned,
                    )
                )


def assign_seats(
    database: Database,
    *,
    day_number: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    actor: str = "",
) -> SeatingReport:
    """Seat the people of one day (or of every day) at tables and in duos."""
    started = time.monotonic()
    totals: dict[str, float] = dict.fromkeys(
        (
            "participants",
            "tables",
            "seated",
            "unseated",
            "first_choice",
            "bound",
            "duos",
            "trios",
            "moved",
            "objective",
        ),
        0.0,
    )
    with database.transaction() as session:
        event = require_event(session)
        days = session.scalars(
            select(Day).where(Day.event_id == event.id).order_by(Day.number)
        ).all()
        if day_number is not None:
            days = [day for day in days if day.number == day_number]
            if not days:
                raise InputRejected(_("The event has no day {number}.").format(number=day_number))
        categories = list(
            session.scalars(
                select(WatchedCategory.category)
                .where(WatchedCategory.event_id == event.id)
                .order_by(WatchedCategory.position)
            )
        ) or ["gender", "age_band", "origin"]
        for day in days:
            tables = [
                SeatTable(table.id, table.theme_id, table.capacity)
                for table in session.scalars(select(Table).where(Table.day_id == day.id))
            ]
            people = _people_of_day(session, day, categories)
            seating = seat_day(people, tables, time_limit=time_limit / len(days))
            _write(session, day, seating, {p.id for p in people if p.pinned_table})
            all_duos = [duo for duos in seating.duos.values() for duo in duos]
            totals["participants"] += len(people)
            totals["tables"] += len(tables)
            totals["seated"] += len(seating.table_of)
            totals["unseated"] += len(seating.unseated)
            totals["first_choice"] += seating.first_choice
            totals["bound"] += seating.first_choice_bound
            totals["duos"] += sum(1 for duo in all_duos if len(duo) == 2)
            totals["trios"] += sum(1 for duo in all_duos if len(duo) == 3)
            totals["moved"] += seating.moved
            totals["objective"] += seating.objective
            audit.record(
                session,
                action="seating.assigned",
                actor=actor,
                subject_type="day",
                subject_id=day.id,
                details={
                    "seated": len(seating.table_of),
                    "moved": seating.moved,
                    "unseated": list(seating.unseated),
                },
            )
    return SeatingReport(
        participants=int(totals["participants"]),
        tables=int(totals["tables"]),
        seated=int(totals["seated"]),
        unseated=int(totals["unseated"]),
        first_choice=int(totals["first_choice"]),
        first_choice_bound=int(totals["bound"]),
        duos=int(totals["duos"]),
        trios=int(totals["trios"]),
        moved=int(totals["moved"]),
        objective=round(totals["objective"], 3),
        seconds=time.monotonic() - started,
    )
