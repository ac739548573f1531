"""Creating the demo event in a database: what `degenks demo` and the first run use."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from degenks_desktop.demo.plan import (
    DEFAULT_SEED,
    G360_DAYS,
    G360_FACILITATORS,
    G360_PARTICIPANTS,
    DemoPerson,
    plan_demo_event,
)
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.seating import search_tries
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import find_event
from degenks_desktop.services.house.organisers import ensure_demo_organiser
from degenks_desktop.services.organising.diversity import install_default_targets
from degenks_desktop.services.organising.seating import SeatingReport, seat_day_within
from degenks_desktop.services.tables.access import demo_pin, hash_pin
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Day,
    Event,
    Facilitator,
    Neighbourhood,
    Participant,
    Profile,
    Table,
    Theme,
)

MAX_DEMO_PARTICIPANTS = 20_000
MAX_DEMO_DAYS = 14
DEMO_SEATING_EFFORT = 0.3
MAX_DEMO_SEATING_TRIES = 60_000
"""The demo's days are seated with a third of the search `Seat the day` makes (about
0.3 s for a G360 day), and a very large demo day with no more tries than a G360 day gets:
the demo opens quickly, and seating the day again shows what a full search adds."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    """What `create_demo_event` made."""

    event_id: int
    name: str
    participants: int
    days: int
    themes: int
    tables: int
    facilitators: int
    seating: SeatingReport | None = None
    """How the days were seated, summed over them; None for a demo made unseated."""
    organiser: str | None = None
    """The demo's organiser account (its password is `DEMO_ORGANISER_PASSWORD`); None when
    the database has organiser accounts of its own, which the demo leaves as they are."""


def _check_sizes(participants: int, days: int, facilitators: int) -> None:
    if not 0 <= participants <= MAX_DEMO_PARTICIPANTS:
        raise InputRejected(
            _("The number of participants must be between 0 and {most}.").format(
                most=MAX_DEMO_PARTICIPANTS
            )
        )
    if not 1 <= days <= MAX_DEMO_DAYS:
        raise InputRejected(
            _("The number of days must be between 1 and {most}.").format(most=MAX_DEMO_DAYS)
        )
    if facilitators < 0:
        raise InputRejected(_("The number of facilitators cannot be negative."))


def create_demo_event(
    database: Database,
    *,
    participants: int = G360_PARTICIPANTS,
    days: int = G360_DAYS,
    facilitators: int = G360_FACILITATORS,
    seed: int = DEFAULT_SEED,
    replace: bool = False,
    seated: bool = True,
    actor: str = "",
    progress: Progress | None = None,
) -> DemoSummary:
    """Store a demo event of the G360's shape, in one transaction.

    A database that already holds an event is refused unless `replace` is set; then the
    old event goes (its audit entries stay) and the demo takes its place. With `seated`
    (the default) every day is seated at theme tables and in duos in the same transaction,
    so the desk shows tables and facilitators see duos from the start; `progress` counts
    each person twice then, once made and once seated, and a Cancel anywhere leaves nothing.
    The demo's organiser account comes with it, unless the database has accounts of its own.
    """
    _check_sizes(participants, days, facilitators)
    plan = plan_demo_event(
        participants=participants, days=days, facilitators=facilitators, seed=seed
    )
    with database.transaction() as session:
        existing = find_event(session)
        if existing is not None:
            if not replace:
                raise InputRejected(
                    _(
                        "This database already holds the event “{name}”: use --force to "
                        "replace it, or choose another database with --db."
                    ).format(name=existing.name)
                )
            audit.record(
                session,
                action="event.replaced_by_demo",
                actor=actor,
                subject_type="event",
                subject_id=existing.id,
                details={"name": existing.name},
            )
            session.execute(delete(Event))

        event = Event(name=plan.name, venue=plan.venue)
        session.add(event)
        session.flush()
        day_rows = {}
        for number, date in enumerate(plan.dates, start=1):
            day_rows[number] = Day(
                event_id=event.id, number=number, date=date, starts_at=plan.starts_at
            )
        theme_rows = {
            theme.code: Theme(
                event_id=event.id,
                code=theme.code,
                name=theme.name,
                question=theme.question,
                colour=theme.colour,
                position=position,
            )
            for position, theme in enumerate(plan.themes)
        }
        facilitator_rows = [
            Facilitator(
                event_id=event.id, first_name=f.first_name, last_name=f.last_name, email=f.email
            )
            for f in plan.facilitators
        ]
        session.add_all([*day_rows.values(), *theme_rows.values(), *facilitator_rows])
        session.add_all(Neighbourhood(event_id=event.id, name=n) for n in plan.neighbourhoods)
        session.flush()
        for table in plan.tables:
            facilitator = (
                facilitator_rows[table.facilitator] if table.facilitator is not None else None
            )
            if facilitator is not None and facilitator.pin_hash is None:
                facilitator.pin_hash = hash_pin(demo_pin(table.day_number, table.number), demo=True)
        session.add_all(
            Table(
                day_id=day_rows[table.day_number].id,
                theme_id=theme_rows[table.theme].id,
                number=table.number,
                capacity=table.capacity,
                facilitator_id=(
                    facilitator_rows[table.facilitator].id
                    if table.facilitator is not None
                    else None
                ),
            )
            for table in plan.tables
        )
        registered_at = dt.datetime.now(dt.UTC)
        total = len(plan.people) * (2 if seated else 1)
        for index, person in enumerate(plan.people, start=1):
            participant = Participant(
                event_id=event.id,
                first_name=person.first_name,
                last_name=person.last_name,
                email=person.email,
                phone=person.phone,
                language_need=person.language_need,
                desk_note=person.desk_note,
                day_id=day_rows[person.day_number].id,
                first_theme_id=theme_rows[person.first_theme].id,
                second_theme_id=(
                    theme_rows[person.second_theme].id if person.second_theme else None
                ),
                status=RegistrationStatus.REGISTERED,
                badge_code=person.badge_code,
                profile_consent=person.profile is not None,
                street=person.street,
                postcode=person.postcode,
                town=person.town,
                contact_consent=person.contact_consent,
                source="demo",
                registered_at=registered_at,
            )
            session.add(participant)
            if person.profile is not None:
                participant.profile = Profile.from_answers(person.profile)
            if progress is not None and (index % 50 == 0 or index == len(plan.people)):
                progress(index, total)
        session.flush()
        install_default_targets(session, event.id, illustrative=True)
        organiser = ensure_demo_organiser(session, actor=actor)
        seating = None
        if seated:
            seating = _seat_every_day(
                session, plan.people, list(day_rows.values()), total=total, progress=progress
            )
        audit.record(
            session,
            action="event.demo_created",
            actor=actor,
            subject_type="event",
            subject_id=event.id,
            details={"participants": participants, "days": days, "seed": seed, "seated": seated},
        )
        return DemoSummary(
            event_id=event.id,
            name=event.name,
            participants=len(plan.people),
            days=len(plan.dates),
            themes=len(plan.themes),
            tables=len(plan.tables),
            facilitators=len(plan.facilitators),
            seating=seating,
            organiser=organiser,
        )


def _seat_every_day(
    session: Session,
    people: Sequence[DemoPerson],
    day_rows: list[Day],
    *,
    total: int,
    progress: Progress | None,
) -> SeatingReport:
    """Seat each day of the demo being made, in its transaction; progress after each day."""
    started = time.monotonic()
    done = len(people)
    reports = []
    for day in day_rows:
        size = sum(1 for person in people if person.day_number == day.number)
        effort = min(DEMO_SEATING_EFFORT, MAX_DEMO_SEATING_TRIES / search_tries(size))
        reports.append(seat_day_within(session, day, effort=effort))
        done += size
        if progress is not None and total:
            progress(done, total)
    return SeatingReport.summed(reports, seconds=time.monotonic() - started)
