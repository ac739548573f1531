"""Seating a day: theme tables and duos written to the database in one transaction.

Who is seated: the people checked in on the day once check-in has started, else
everyone expected that day. Pinned seats stay; everyone else may move, though the
engine (domain.seating) prefers to leave people where they were. Once check-in has
started, whoever registered but has not checked in yet loses their seat: the report
counts them (`not_checked_in`), and they get one when they have checked in and the day
is re-formed (Update for arrivals, or a walk-in's seat).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.diversity import age_band, category_by_key
from degenks_desktop.domain.duos import keep_duos
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.domain.seating import (
    TIME_CAP_SECONDS,
    Seating,
    SeatPerson,
    SeatTable,
    answer_counts,
    seat_day,
)
from degenks_desktop.domain.table_mix import Mix, mix_verdict
from degenks_desktop.errors import InputRejected, NotFound
from degenks_desktop.i18n import _, counted, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import (
    event_neighbourhoods,
    require_day,
    require_event,
)
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
    utc_now,
)

SEATS = cast(SqlTable, Seat.__table__)
"""The seats' table itself, for inserts that go around the ORM's unit of work."""

IDS_PER_QUERY = 5_000

SOLVER = (
    "mixing deal + simulated annealing with a work budget (tables), exact split into "
    "duos and one trio (duos)"
)


@dataclass(frozen=True)
class SeatingReport:
    """What `degenks assign --json` reports (CLI.md), summed over the days seated."""

    participants: int
    tables: int
    seated: int
    unseated: int
    """Checked in or expected, but without a chair: every table of their themes is full."""
    first_choice: int
    first_choice_bound: int
    duos: int
    trios: int
    moved: int
    objective: float
    seconds: float
    changes: tuple[tuple[str, int | None, int | None], ...] = ()
    """(name, table before, table now) for everyone who moved or came in: for the tables."""
    not_checked_in: int = 0
    """Registered for the day but not checked in, once check-in has started: left unseated."""

    @classmethod
    def summed(cls, reports: Sequence[SeatingReport], *, seconds: float) -> SeatingReport:
        """The reports of several days as one."""
        return cls(
            participants=sum(r.participants for r in reports),
            tables=sum(r.tables for r in reports),
            seated=sum(r.seated for r in reports),
            unseated=sum(r.unseated for r in reports),
            first_choice=sum(r.first_choice for r in reports),
            first_choice_bound=sum(r.first_choice_bound for r in reports),
            duos=sum(r.duos for r in reports),
            trios=sum(r.trios for r in reports),
            moved=sum(r.moved for r in reports),
            objective=round(sum(r.objective for r in reports), 3),
            seconds=seconds,
            changes=tuple(change for r in reports for change in r.changes),
            not_checked_in=sum(r.not_checked_in for r in reports),
        )

    def describe(self) -> str:
        """The outcome in one sentence (two when people were left for not having checked
        in), for the board and the CLI."""
        outcome = _(
            "{seated} of {participants} seated at {tables} in {duos} and {trios}; {share} at "
            "their first theme (best possible: {bound}); {moved} moved."
        ).format(
            seated=self.seated,
            participants=self.participants,
            tables=counted("{count} table", "{count} tables", self.tables),
            duos=counted("{count} duo", "{count} duos", self.duos),
            trios=counted("{count} trio", "{count} trios", self.trios),
            share=f"{self.as_json()['first_choice_share']:.0%}",
            bound=self.first_choice_bound,
            moved=self.moved,
        )
        if not self.not_checked_in:
            return outcome
        waiting = ngettext(
            "{count} registered person has not checked in yet and gets no seat: once check-in "
            "has started, only people present are seated. Checked in later, they get a seat "
            "with Update for arrivals (or by seating the day again).",
            "{count} registered people have not checked in yet and get no seat: once check-in "
            "has started, only people present are seated. Checked in later, they get a seat "
            "with Update for arrivals (or by seating the day again).",
            self.not_checked_in,
        ).format(count=self.not_checked_in)
        return f"{outcome} {waiting}"

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
            "not_checked_in": self.not_checked_in,
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


def _answers(profile: Any, categories: list[str], year: int) -> tuple[tuple[str, str], ...]:
    """The answers the seating mixes on, from a profile (or a row with its columns)."""
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


def _present(session: Session, day: Day) -> set[int]:
    """Who is checked in on the day (an undone check-in does not count)."""
    return set(
        session.scalars(
            select(CheckIn.participant_id).where(
                CheckIn.day_id == day.id, CheckIn.undone_at.is_(None)
            )
        )
    )


def _not_checked_in(session: Session, day: Day, present: set[int]) -> int:
    """The people expected on the day who have not checked in, once check-in has started
    (before that nobody is missing: everyone expected is seated)."""
    if not present:
        return 0
    expected = session.scalars(
        select(Participant.id).where(
            Participant.day_id == day.id, Participant.status.in_(EXPECTED_STATUSES)
        )
    )
    return sum(1 for person in expected if person not in present)


def _people_of_day(
    session: Session, day: Day, categories: list[str], present: set[int] | None = None
) -> list[SeatPerson]:
    """Who is to be seated on the day, with their answers and seats, in one query of
    plain columns (no objects: a day of 10,000 is read in a few tenths of a second)."""
    if present is None:
        present = _present(session, day)
    answer_columns = [
        getattr(Profile, key)
        for key in {*categories, "birth_year"} - {"age_band"}
        if hasattr(Profile, key)
    ]
    query = (
        select(
            Participant.id,
            Participant.first_theme_id,
            Participant.second_theme_id,
            Participant.stay_with,
            Participant.profile_consent,
            Profile.participant_id.label("has_profile"),
            *answer_columns,
            Seat.table_id,
            Seat.duo_id,
            Seat.pinned,
        )
        .outerjoin(Profile, Profile.participant_id == Participant.id)
        .outerjoin(Seat, (Seat.participant_id == Participant.id) & (Seat.day_id == day.id))
        .where(Participant.event_id == day.event_id)
    )
    if present:
        query = query.where(
            Participant.id.in_(
                select(CheckIn.participant_id).where(
                    CheckIn.day_id == day.id, CheckIn.undone_at.is_(None)
                )
            )
        )
    else:
        query = query.where(Participant.day_id == day.id, Participant.status.in_(EXPECTED_STATUSES))
    people = []
    for row in session.execute(query.order_by(Participant.id)):
        # Answers only count when given with consent (and there is a profile at all).
        profile = row if row.profile_consent and row.has_profile is not None else None
        people.append(
            SeatPerson(
                id=row.id,
                first_theme=row.first_theme_id,
                second_theme=row.second_theme_id,
                answers=_answers(profile, categories, day.date.year),
                together=row.stay_with,
                pinned_table=row.table_id if row.pinned else None,
                current_table=row.table_id,
                current_duo=row.duo_id,
            )
        )
    return people


def _write(session: Session, day: Day, seating: Seating, pinned: set[int]) -> None:
    """The day's seats and duos as `seating` has them, in two bulk inserts."""
    table_ids = select(Table.id).where(Table.day_id == day.id).scalar_subquery()
    session.execute(delete(Seat).where(Seat.day_id == day.id))
    session.execute(delete(Duo).where(Duo.table_id.in_(table_ids)))
    duos = [
        (table_id, number, members)
        for table_id, table_duos in seating.duos.items()
        for number, members in enumerate(table_duos, start=1)
    ]
    if not duos:
        return
    seated_at = utc_now()
    # One INSERT … RETURNING for every duo's id, in the order the duos were given.
    duo_ids = session.scalars(
        insert(Duo).returning(Duo.id, sort_by_parameter_order=True),
        [{"table_id": table_id, "number": number} for table_id, number, _members in duos],
    ).all()
    seats = [
        {
            "participant_id": person,
            "day_id": day.id,
            "table_id": table_id,
            "duo_id": duo_id,
            "pinned": person in pinned,
            "seated_at": seated_at,
        }
        for duo_id, (table_id, _number, members) in zip(duo_ids, duos, strict=True)
        for person in members
    ]
    _insert_seats(session, seats)


SEAT_COLUMNS = ("participant_id", "day_id", "table_id", "duo_id", "pinned", "seated_at")


def _insert_seats(session: Session, seats: list[dict[str, Any]]) -> None:
    """Insert a day's seats around the ORM: on PostgreSQL with COPY (10,000 seats in a
    few hundredths of a second instead of most of a second), else in one executemany."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(insert(SEATS), seats)
        return
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY seats ({', '.join(SEAT_COLUMNS)}) FROM STDIN") as copy:
            for seat in seats:
                copy.write_row(tuple(seat[column] for column in SEAT_COLUMNS))
    finally:
        cursor.close()


def check_search_limits(effort: float, time_cap: float) -> None:
    """Refuse, with a sentence, an effort below 0 or a time limit of 0 seconds or less."""
    if not effort >= 0 or not time_cap > 0:
        raise InputRejected(
            _("Give the search an effort of 0 or more and a time limit above 0 seconds.")
        )


def _day_progress(
    progress: Callable[[int, int], None], index: int, days: int
) -> Callable[[int, int], None]:
    """One day's search as its share of all the days', in thousandths."""
    return lambda done, total: progress((1000 * index + 1000 * done // max(1, total)), 1000 * days)


def assign_seats(
    database: Database,
    *,
    day_number: int | None = None,
    effort: float = 1.0,
    time_cap: float = TIME_CAP_SECONDS,
    actor: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> SeatingReport:
    """Seat the people of one day (or of every day) at tables and in duos.

    `effort` scales the search's work budget (domain.seating.search_tries): the same
    day gives the same seating on any laptop; `time_cap` is only a safety net per day.
    `progress(done, total)` hears how far the search is, in thousandths; whatever it
    raises (the GUI's Cancel) stops the seating and writes nothing.
    """
    check_search_limits(effort, time_cap)
    started = time.monotonic()
    reports = []
    with database.transaction() as session:
        event = require_event(session)
        if day_number is not None:
            days = [require_day(session, event.id, day_number)]
        else:
            days = list(
                session.scalars(select(Day).where(Day.event_id == event.id).order_by(Day.number))
            )
        for index, day in enumerate(days):
            day_progress = None if progress is None else _day_progress(progress, index, len(days))
            report, unseated = _seat(
                session, day, effort=effort, time_cap=time_cap, progress=day_progress
            )
            reports.append(report)
            audit.record(
                session,
                action="seating.assigned",
                actor=actor,
                subject_type="day",
                subject_id=day.id,
                details={
                    "seated": report.seated,
                    "moved": report.moved,
                    "unseated": list(unseated),
                    "not_checked_in": report.not_checked_in,
                },
            )
    return SeatingReport.summed(reports, seconds=time.monotonic() - started)


def seat_day_within(session: Session, day: Day, *, effort: float = 1.0) -> SeatingReport:
    """Seat one day inside the caller's transaction, which holds the audit entry for it.

    For a caller that makes the day and seats it as one write: the demo event is stored
    seated, or not at all.
    """
    return _seat(session, day, effort=effort, time_cap=TIME_CAP_SECONDS)[0]


def _seat(
    session: Session,
    day: Day,
    *,
    effort: float,
    time_cap: float,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[SeatingReport, list[int]]:
    """Seat one day; its report, and who could not be seated (no chair at their themes)."""
    started = time.monotonic()
    categories = _seating_categories(session, day.event_id)
    tables = [
        SeatTable(table.id, table.theme_id, table.capacity)
        for table in session.scalars(select(Table).where(Table.day_id == day.id))
    ]
    present = _present(session, day)
    people = _people_of_day(session, day, categories, present)
    seating = seat_day(people, tables, effort=effort, time_cap=time_cap, progress=progress)
    _write(session, day, seating, {p.id for p in people if p.pinned_table})
    all_duos = [duo for duos in seating.duos.values() for duo in duos]
    report = SeatingReport(
        participants=len(people),
        tables=len(tables),
        seated=len(seating.table_of),
        unseated=len(seating.unseated),
        first_choice=seating.first_choice,
        first_choice_bound=seating.first_choice_bound,
        duos=sum(1 for duo in all_duos if len(duo) == 2),
        trios=sum(1 for duo in all_duos if len(duo) == 3),
        moved=seating.moved,
        objective=seating.objective,
        seconds=time.monotonic() - started,
        changes=tuple(_changes(session, people, seating)),
        not_checked_in=_not_checked_in(session, day, present),
    )
    return report, list(seating.unseated)


def _changes(
    session: Session, people: list[SeatPerson], seating: Seating
) -> list[tuple[str, int | None, int | None]]:
    """Who moved (or arrived), by table number, once a day had been seated before."""
    if not any(person.current_table is not None for person in people):
        return []  # the first seating of the day: nothing changed for anyone yet
    changed = [p for p in people if seating.table_of.get(p.id) != p.current_table]
    if not changed:
        return []
    numbers = dict(session.execute(select(Table.id, Table.number)).all())
    names: dict[int, str] = {}
    ids = [p.id for p in changed]
    for start in range(0, len(ids), IDS_PER_QUERY):
        rows = session.execute(
            select(Participant.id, Participant.first_name + " " + Participant.last_name).where(
                Participant.id.in_(ids[start : start + IDS_PER_QUERY])
            )
        )
        names.update((person, name) for person, name in rows)
    return [
        (names.get(p.id, ""), numbers.get(p.current_table or -1), numbers.get(now or -1))
        for p in changed
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
    first_name: str = ""
    last_name: str = ""
    checked_in: bool = False


@dataclass(frozen=True)
class CategoryMix:
    """How far a table is from the day's make-up in one watched category: a verdict only,
    never counts per answer (domain.table_mix)."""

    key: str
    label: str
    """The category's name, to be translated when shown (an `N_` msgid)."""
    mix: Mix


@dataclass(frozen=True)
class TableCard:
    """A table on the seating board: who sits there, in which duo, who has arrived, and
    how far its make-up is from the day's in each watched category."""

    table_id: int
    number: int
    theme: str
    colour: str
    capacity: int
    members: tuple[BoardMember, ...]
    make_up: tuple[CategoryMix, ...] = ()
    checked_in: int | None = None
    """How many of its members have checked in; None before check-in started that day."""

    @property
    def title(self) -> str:
        """'Tafel 12 — Wonen'."""
        return _("Table {number} — {theme}").format(number=self.number, theme=self.theme)

    def duos(self) -> list[tuple[int | None, tuple[BoardMember, ...]]]:
        """The members by duo, in duo order; people without a duo yet (moved by hand)
        come last, under None."""
        groups: dict[int | None, list[BoardMember]] = defaultdict(list)
        for member in self.members:
            groups[member.duo].append(member)
        numbered = sorted(duo for duo in groups if duo is not None)
        order: list[int | None] = [*numbered, *([None] if None in groups else [])]
        return [(duo, tuple(groups[duo])) for duo in order]


def _category_label(key: str, neighbourhoods: tuple[str, ...]) -> str:
    category = category_by_key(key, neighbourhoods)
    return category.label if category is not None else key


def seating_board(database: Database, day_number: int) -> list[TableCard]:
    """The tables of a day as the board shows them: members by duo, who has checked in,
    and per watched category how far the table's make-up is from the day's.

    Only answers given with consent count, and once check-in has started only the people
    checked in (on the table as on the day): the mix of who is really there.
    """
    with database.reading() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        categories = _seating_categories(session, event.id)
        neighbourhoods = event_neighbourhoods(session, event.id)
        present = _present(session, day)
        people = {p.id: p for p in _people_of_day(session, day, categories, present)}
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
            .order_by(Duo.number, Participant.last_name, Participant.first_name)
        ).all()
        by_table: dict[int, list[BoardMember]] = defaultdict(list)
        for table_id, person_id, pinned, duo, first, last in seats:
            by_table[table_id].append(
                BoardMember(
                    person_id,
                    f"{first} {last}".strip(),
                    duo,
                    pinned,
                    first_name=first or "",
                    last_name=last or "",
                    checked_in=person_id in present,
                )
            )
        cards = []
        for table, theme in rows:
            members = by_table.get(table.id, [])
            table_profile = answer_counts(
                [people[m.participant_id] for m in members if m.participant_id in people]
            )
            cards.append(
                TableCard(
                    table.id,
                    table.number,
                    theme.name,
                    theme.colour,
                    table.capacity,
                    tuple(members),
                    make_up=tuple(
                        CategoryMix(
                            key,
                            _category_label(key, neighbourhoods),
                            mix_verdict(table_profile.get(key, {}), day_profile.get(key, {})),
                        )
                        for key in categories
                    ),
                    checked_in=sum(1 for m in members if m.checked_in) if present else None,
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
    return assign_seats(database, day_number=day_number, effort=0.0, actor=actor)


def seat_newcomer(
    database: Database, participant_id: int, *, day_number: int, actor: str = ""
) -> tuple[int, str] | None:
    """Give a walk-in a chair at their theme on a day already seated; (table number, theme).

    Only the walk-in moves: everyone else keeps their seat, whether they have arrived
    yet or not (a re-form would drop the seats of people still on their way). The
    walk-in takes the emptiest table of their first theme that has a chair free (else of
    their second), and joins the partner there who has none, or starts a duo. None when
    the organisers have not seated the day yet (the walk-in is seated with everyone
    then) or when no table of their themes has a free chair.
    """
    with database.transaction() as session:
        event = require_event(session)
        day = require_day(session, event.id, day_number)
        if not day_is_seated(session, day.id):
            return None
        person = session.get(Participant, participant_id)
        if person is None or person.event_id != event.id:
            raise NotFound(_("This person is not registered for this event."))
        own = session.execute(
            select(Table.number, Theme.name)
            .join(Seat, Seat.table_id == Table.id)
            .join(Theme, Theme.id == Table.theme_id)
            .where(Seat.participant_id == participant_id, Seat.day_id == day.id)
        ).first()
        if own is not None:
            return own[0], own[1]
        table = take_free_chair(session, person, day)
        if table is None:
            return None
        audit.record(
            session,
            action="seat.walk_in",
            actor=actor,
            subject_type="participant",
            subject_id=participant_id,
            details={"day": day_number, "table": table.number},
        )
        theme_name = session.scalar(select(Theme.name).where(Theme.id == table.theme_id))
        return table.number, str(theme_name)


def day_is_seated(session: Session, day_id: int) -> bool:
    """Whether the organisers have seated the day (someone has a seat on it)."""
    return session.scalar(select(Seat.id).where(Seat.day_id == day_id).limit(1)) is not None


def take_free_chair(session: Session, person: Participant, day: Day) -> Table | None:
    """Seat `person` on `day` inside the caller's transaction, which audits it; their table.

    As a walk-in is seated: the emptiest table of their first theme with a chair free
    (else of their second), in the duo there that waits for a partner, else a new one;
    nobody else moves. None when the day is not seated yet or no table has a chair free.
    """
    if not day_is_seated(session, day.id):
        return None
    seated = Counter(session.scalars(select(Seat.table_id).where(Seat.day_id == day.id)))
    for theme_id in (person.first_theme_id, person.second_theme_id):
        tables = session.scalars(
            select(Table)
            .where(Table.day_id == day.id, Table.theme_id == theme_id)
            .order_by(Table.number)
        ).all()
        free = [table for table in tables if seated[table.id] < table.capacity]
        if free:
            table = min(free, key=lambda table: seated[table.id])
            break
    else:
        return None
    session.add(
        Seat(
            participant_id=person.id,
            day_id=day.id,
            table_id=table.id,
            duo_id=_duo_for_newcomer(session, table),
        )
    )
    session.flush()
    return table


def leave_seats(session: Session, participant_id: int, *, day_id: int | None = None) -> list[int]:
    """Take someone's seat away (on one day, or on every day) inside the caller's
    transaction, which audits it; the ids of the tables they left.

    The duos at a table they left are re-formed as a re-form of the day does it
    (`domain.seating.keep_duos`): every pair still complete stays, and whoever lost their
    partner pairs up with another one left alone, or joins a pair as its third. Nobody
    changes table, and nobody who has not arrived yet loses a seat.
    """
    query = select(Seat).where(Seat.participant_id == participant_id)
    if day_id is not None:
        query = query.where(Seat.day_id == day_id)
    left = []
    for seat in session.scalars(query).all():
        left.append((seat.table_id, seat.duo_id))
        session.delete(seat)
    session.flush()
    for table_id, duo_id in left:
        if duo_id is not None:  # someone moved by hand had no duo: no duo lost anyone
            _reform_duos_at(session, table_id)
    return [table_id for table_id, _duo in left]


def _reform_duos_at(session: Session, table_id: int) -> None:
    """Re-form the duos of one table for who sits there now, keeping every complete pair
    and its duo (the ideas it wrote stay its own)."""
    table = session.get(Table, table_id)
    if table is None:
        return
    day = session.get(Day, table.day_id)
    assert day is not None
    categories = _seating_categories(session, day.event_id)
    rows = session.execute(
        select(Seat, Participant)
        .join(Participant, Participant.id == Seat.participant_id)
        .where(Seat.table_id == table_id)
    ).all()
    seat_of = {person.id: seat for seat, person in rows}
    people = [
        SeatPerson(
            id=person.id,
            first_theme=person.first_theme_id,
            second_theme=person.second_theme_id,
            answers=_answers(
                person.profile if person.profile_consent else None, categories, day.date.year
            ),
            together=person.stay_with,
            current_table=table_id,
            current_duo=seat.duo_id,
        )
        for seat, person in rows
    ]
    numbers = session.scalars(select(Duo.number).where(Duo.table_id == table_id)).all()
    next_number = max(numbers, default=0) + 1
    used: set[int] = set()
    for members in keep_duos(people):
        # A duo goes on under the number most of its members had: a kept pair keeps its
        # own, the one who joins it as third takes theirs.
        before = Counter(
            duo
            for member in members
            if (duo := seat_of[member].duo_id) is not None and duo not in used
        )
        if before:
            duo_id = before.most_common(1)[0][0]
        else:
            duo_row = Duo(table_id=table_id, number=next_number)
            next_number += 1
            session.add(duo_row)
            session.flush()
            duo_id = duo_row.id
        used.add(duo_id)
        for member in members:
            seat_of[member].duo_id = duo_id
    session.flush()


def _duo_for_newcomer(session: Session, table: Table) -> int:
    """The duo at `table` whose only member waits for a partner, else a new duo."""
    sizes = Counter(
        session.scalars(
            select(Seat.duo_id).where(Seat.table_id == table.id, Seat.duo_id.is_not(None))
        )
    )
    alone = sorted(duo for duo, size in sizes.items() if size == 1 and duo is not None)
    if alone:
        return alone[0]
    numbers = session.scalars(select(Duo.number).where(Duo.table_id == table.id)).all()
    duo = Duo(table_id=table.id, number=max(numbers, default=0) + 1)
    session.add(duo)
    session.flush()
    return duo.id
