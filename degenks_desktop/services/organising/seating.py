"""Seating a day: theme tables and duos written to the database in one transaction.

Who is seated: the people checked in on the day once check-in has started, else
everyone expected that day. Pinned seats stay; everyone else may move, though the
engine (domain.seating) prefers to leave people where they were.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.diversity import age_band
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.domain.seating import (
    Seating,
    SeatPerson,
    SeatTable,
    answer_counts,
    mix_score,
    seat_day,
)
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_day, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Day,
    Duo,
    Participant,
    Profile,
    Seat,
    Table,
    Theme,
    WatchedCategory,
)

SOLVER = "greedy + local search (tables), networkx max_weight_matching (duos)"
DEFAULT_TIME_LIMIT = 1.8


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
    changes: tuple[tuple[str, int | None, int | None], ...] = ()
    """(name, table before, table now) for everyone who moved or came in: for the tables."""

    def describe(self) -> str:
        """The outcome in one sentence, for the board and the CLI."""
        return _(
            "{seated} of {participants} seated at {tables} tables in {duos} duos and {trios} "
            "trios; {share} at their first theme (best possible: {bound}); {moved} moved."
        ).format(
            seated=self.seated,
            participants=self.participants,
            tables=self.tables,
            duos=self.duos,
            trios=self.trios,
            share=f"{self.as_json()['first_choice_share']:.0%}",
            bound=self.first_choice_bound,
            moved=self.moved,
        )

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
            "changes": [
                {"name": name, "from_table": before, "to_table": after}
                for name, before, after in self.changes
            ],
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


def _seating_categories(session: Session, event_id: int) -> list[str]:
    """The watched diversity categories the seating mixes on (gender, age, origin if none)."""
    return list(
        session.scalars(
            select(WatchedCategory.category)
            .where(WatchedCategory.event_id == event_id)
            .order_by(WatchedCategory.position)
        )
    ) or ["gender", "age_band", "origin"]


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
                current_duo=seat.duo_id if seat is not None else None,
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
    changes: list[tuple[str, int | None, int | None]] = []
    with database.transaction() as session:
        event = require_event(session)
        if day_number is not None:
            days = [require_day(session, event.id, day_number)]
        else:
            days = list(
                session.scalars(select(Day).where(Day.event_id == event.id).order_by(Day.number))
            )
        categories = _seating_categories(session, event.id)
        for day in days:
            tables = [
                SeatTable(table.id, table.theme_id, table.capacity)
                for table in session.scalars(select(Table).where(Table.day_id == day.id))
            ]
            people = _people_of_day(session, day, categories)
            seating = seat_day(people, tables, time_limit=time_limit / len(days))
            _write(session, day, seating, {p.id for p in people if p.pinned_table})
            changes += _changes(session, people, seating)
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
        changes=tuple(changes),
    )


def _changes(
    session: Session, people: list[SeatPerson], seating: Seating
) -> list[tuple[str, int | None, int | None]]:
    """Who moved (or arrived), by table number, once a day had been seated before."""
    if not any(person.current_table is not None for person in people):
        return []  # the first seating of the day: nothing changed for anyone yet
    numbers = dict(session.execute(select(Table.id, Table.number)).all())
    names = dict(
        session.execute(
            select(Participant.id, Participant.first_name + " " + Participant.last_name).where(
                Participant.id.in_([p.id for p in people])
            )
        ).all()
    )
    return [
        (names.get(p.id, ""), numbers.get(p.current_table or -1), numbers.get(now or -1))
        for p in people
        if (now := seating.table_of.get(p.id)) != p.current_table
    ]


def move_person(
    database: Database, participant_id: int, table_id: int, *, pin: bool = True, actor: str = ""
) -> None:
    """Seat someone at a table by hand (pinned, so later runs keep it); they get no duo yet."""
    with database.transaction() as session:
        table = session.get(Table, table_id)
        person = session.get(Participant, participant_id)
        if table is None or person is None:
            raise InputRejected(_("Choose a person and a table of the event."))
        seated = (
            session.scalar(
                select(func.count())
                .select_from(Seat)
                .where(Seat.table_id == table_id, Seat.participant_id != participant_id)
            )
            or 0
        )
        if seated >= table.capacity:
            raise InputRejected(
                _("Table {number} is full: move someone else first.").format(number=table.number)
            )
        seat = session.scalars(
            select(Seat).where(Seat.participant_id == participant_id, Seat.day_id == table.day_id)
        ).first()
        before = seat.table_id if seat else None
        if seat is None:
            seat = Seat(participant_id=participant_id, day_id=table.day_id, table_id=table_id)
            session.add(seat)
        seat.table_id = table_id
        seat.duo_id = None if before != table_id else seat.duo_id
        seat.pinned = pin
        audit.record(
            session,
            action="seating.moved",
            actor=actor,
            subject_type="participant",
            subject_id=participant_id,
            details={"from_table": before, "to_table": table_id, "pinned": pin},
        )


@dataclass(frozen=True)
class BoardMember:
    """Someone at a table on the board."""

    participant_id: int
    name: str
    duo: int | None
    pinned: bool


@dataclass(frozen=True)
class TableCard:
    """A table on the seating board: who sits there, in which duo, and how mixed it is."""

    table_id: int
    number: int
    theme: str
    colour: str
    capacity: int
    mix: int
    members: tuple[BoardMember, ...]

    @property
    def title(self) -> str:
        """'Tafel 12 — Wonen'."""
        return _("Table {number} — {theme}").format(number=self.number, theme=self.theme)


def seating_board(database: Database, day_number: int) -> list[TableCard]:
    """The tables of a day as the board shows them, with a mix score per table."""
    with database.reading() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        categories = _seating_categories(session, event.id)
        people = {p.id: p for p in _people_of_day(session, day, categories)}
        day_profile = answer_counts(list(people.values()))
        rows = session.execute(
            select(Table, Theme)
            .join(Theme, Theme.id == Table.theme_id)
            .where(Table.day_id == day.id)
            .order_by(Table.number)
        ).all()
        seats = session.execute(
            select(
                Seat.table_id,
                Seat.participant_id,
                Seat.pinned,
                Duo.number,
                Participant.first_name,
                Participant.last_name,
            )
            .join(Participant, Participant.id == Seat.participant_id)
            .outerjoin(Duo, Duo.id == Seat.duo_id)
            .where(Seat.day_id == day.id)
            .order_by(Duo.number, Participant.last_name)
        ).all()
        by_table: dict[int, list[BoardMember]] = defaultdict(list)
        for table_id, person_id, pinned, duo, first, last in seats:
            by_table[table_id].append(
                BoardMember(person_id, f"{first} {last}".strip(), duo, pinned)
            )
        cards = []
        for table, theme in rows:
            members = by_table.get(table.id, [])
            answers = [
                people[m.participant_id].answers for m in members if m.participant_id in people
            ]
            cards.append(
                TableCard(
                    table.id,
                    table.number,
                    theme.name,
                    theme.colour,
                    table.capacity,
                    mix_score(answers, day_profile),
                    tuple(members),
                )
            )
        return cards


def swap_partners(database: Database, first_id: int, second_id: int, *, actor: str = "") -> None:
    """Swap two people of one table between their duos (the facilitator's call)."""
    with database.transaction() as session:
        seats = session.scalars(
            select(Seat).where(Seat.participant_id.in_([first_id, second_id]))
        ).all()
        if len(seats) != 2 or seats[0].table_id != seats[1].table_id:
            raise InputRejected(_("Choose two people at the same table."))
        if seats[0].duo_id == seats[1].duo_id:
            raise InputRejected(_("These two are already partners: choose people of two duos."))
        seats[0].duo_id, seats[1].duo_id = seats[1].duo_id, seats[0].duo_id
        audit.record(
            session,
            action="seating.partners_swapped",
            actor=actor,
            subject_type="participant",
            subject_id=first_id,
            details={"with": second_id},
        )


def reform_day(database: Database, *, day_number: int, actor: str = "") -> SeatingReport:
    """Re-form a day already seated, touching only what changed: fast enough for the desk.

    Everyone keeps their table; newcomers take a chair at their theme; duos that lost a
    partner re-pair with the newcomers. A full `assign_seats` run rebalances instead.
    """
    return assign_seats(database, day_number=day_number, time_limit=0.0, actor=actor)


def seat_newcomer(
    database: Database, participant_id: int, *, day_number: int
) -> tuple[int, str] | None:
    """Give a walk-in a chair at their theme on a day already seated; (table number, theme).

    None when the organisers have not seated the day yet (the walk-in is seated with
    everyone then) or when no table of the theme has a free chair.
    """
    with database.reading() as session:
        event = require_event(session)
        day_id = require_day(session, event.id, day_number).id
        seated = session.scalar(select(Seat.participant_id).where(Seat.day_id == day_id).limit(1))
    if seated is None:
        return None
    reform_day(database, day_number=day_number, actor="walk-in")
    with database.reading() as session:
        seat = session.execute(
            select(Table.number, Theme.name)
            .join(Seat, Seat.table_id == Table.id)
            .join(Theme, Theme.id == Table.theme_id)
            .where(Seat.participant_id == participant_id, Seat.day_id == day_id)
        ).first()
    return (seat[0], seat[1]) if seat else None
