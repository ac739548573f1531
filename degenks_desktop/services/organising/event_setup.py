"""A new event from the first-run wizard: its name, days, themes with their questions,
tables per theme and facilitators, in one transaction (with the first organiser's
account, when the database has none yet).

Tables are numbered per day in the order of the themes; facilitators are given tables in
turn (a facilitator with a table on both days keeps one PIN, which the organisers set).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy.orm import Session

from degenks_desktop.domain.event_plan import GENK_NEIGHBOURHOODS, TABLE_CAPACITY
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import find_event
from degenks_desktop.services.house.organisers import OrganiserAccess, add_organiser
from degenks_desktop.services.organising.diversity import install_default_targets
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Event, Facilitator, Neighbourhood, Table, Theme

THEME_COLOURS = (
    "#C0392B",
    "#1F618D",
    "#27AE60",
    "#8E44AD",
    "#7F8C8D",
    "#E67E22",
    "#16A085",
    "#2C3E50",
)
MAX_TABLES_PER_THEME = 40


@dataclass(frozen=True)
class ThemeSetup:
    """A theme as the organisers type it."""

    name: str
    question: str
    tables_per_day: int


@dataclass(frozen=True)
class EventSetup:
    """What the wizard asks."""

    name: str
    venue: str
    dates: tuple[dt.date, ...]
    themes: tuple[ThemeSetup, ...]
    facilitators: tuple[str, ...] = ()
    starts_at: dt.time = dt.time(9, 30)


def _code(name: str, taken: set[str]) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "", folded)[:20] or "thema"
    code, number = base, 2
    while code in taken:
        code, number = f"{base}{number}", number + 1
    taken.add(code)
    return code


def _check(setup: EventSetup) -> None:
    if not setup.name.strip():
        raise InputRejected(_("Give the event a name."))
    if not setup.dates:
        raise InputRejected(_("An event has at least one day."))
    if len(set(setup.dates)) != len(setup.dates):
        raise InputRejected(_("Two days have the same date: give each day its own date."))
    themes = [theme for theme in setup.themes if theme.name.strip()]
    if not themes:
        raise InputRejected(_("Add at least one theme with its question."))
    for theme in themes:
        if not theme.question.strip():
            raise InputRejected(
                _("The theme {name} has no question yet: type its “how might we” question.").format(
                    name=theme.name.strip()
                )
            )
        if not 1 <= theme.tables_per_day <= MAX_TABLES_PER_THEME:
            raise InputRejected(
                _("A theme has 1 to {most} tables a day.").format(most=MAX_TABLES_PER_THEME)
            )
    names = [theme.name.strip().casefold() for theme in themes]
    if len(set(names)) != len(names):
        raise InputRejected(_("Two themes have the same name: give each its own."))


def create_event(database: Database, setup: EventSetup, *, actor: str = "") -> int:
    """Store the new event with its days, themes, tables and facilitators; return its id."""
    _check(setup)
    with database.transaction() as session:
        return _add_event(session, setup, actor=actor)


def create_event_with_organiser(
    database: Database, setup: EventSetup, *, name: str, password: str
) -> tuple[int, OrganiserAccess]:
    """The new event and its first organiser's account, in one transaction: a wrong
    event or a password too short, and neither is made."""
    _check(setup)
    with database.transaction() as session:
        organiser = add_organiser(session, name, password, actor="")
        event_id = _add_event(session, setup, actor=organiser.name)
        return event_id, OrganiserAccess(organiser.id, organiser.name)


def _add_event(session: Session, setup: EventSetup, *, actor: str) -> int:
    """The event of `setup` in the caller's transaction (checked already)."""
    existing = find_event(session)
    if existing is not None:
        raise InputRejected(
            _(
                "This database already holds the event “{name}”: choose a new database "
                "file in Settings for a new event."
            ).format(name=existing.name)
        )
    event = Event(name=setup.name.strip(), venue=setup.venue.strip())
    session.add(event)
    session.flush()
    days = [
        Day(event_id=event.id, number=number, date=date, starts_at=setup.starts_at)
        for number, date in enumerate(sorted(setup.dates), start=1)
    ]
    taken: set[str] = set()
    themes = [
        (
            Theme(
                event_id=event.id,
                code=_code(theme.name, taken),
                name=theme.name.strip(),
                question=theme.question.strip(),
                colour=THEME_COLOURS[position % len(THEME_COLOURS)],
                position=position,
            ),
            theme.tables_per_day,
        )
        for position, theme in enumerate(t for t in setup.themes if t.name.strip())
    ]
    facilitators = []
    for line in setup.facilitators:
        first, _space, last = line.strip().partition(" ")
        if first:
            facilitators.append(
                Facilitator(event_id=event.id, first_name=first, last_name=last.strip())
            )
    session.add_all([*days, *(theme for theme, _count in themes), *facilitators])
    session.add_all(Neighbourhood(event_id=event.id, name=name) for name in GENK_NEIGHBOURHOODS)
    session.flush()
    turn = 0
    for day in days:
        number = 0
        for theme, count in themes:
            for _table in range(count):
                number += 1
                facilitator = facilitators[turn % len(facilitators)] if facilitators else None
                turn += 1
                session.add(
                    Table(
                        day_id=day.id,
                        theme_id=theme.id,
                        number=number,
                        capacity=TABLE_CAPACITY,
                        facilitator_id=facilitator.id if facilitator else None,
                    )
                )
    install_default_targets(session, event.id, illustrative=True)
    audit.record(
        session,
        action="event.created",
        actor=actor,
        subject_type="event",
        subject_id=event.id,
        details={"days": len(days), "themes": len(themes)},
    )
    return event.id
