"""The event this database holds: finding it, and what the screens show of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.errors import InputRejected, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Event, Neighbourhood, Participant, Table, Theme


@dataclass(frozen=True)
class DayInfo:
    """A day of the event as screens and the CLI name it."""

    id: int
    number: int
    date: dt.date


@dataclass(frozen=True)
class EventInfo:
    """The event's name, venue and days."""

    id: int
    name: str
    venue: str
    days: tuple[DayInfo, ...]

    def day_for(self, date: dt.date) -> DayInfo:
        """The event day on `date`, or the first day when the event is not on that date."""
        for day in self.days:
            if day.date == date:
                return day
        return self.days[0]


def find_event(session: Session) -> Event | None:
    """The event in this database (the oldest, should there be several)."""
    return session.scalars(select(Event).order_by(Event.id).limit(1)).first()


def require_event(session: Session) -> Event:
    """The event in this database, or NotFound with what to do."""
    event = find_event(session)
    if event is None:
        raise NotFound(_("This database holds no event yet: create one with `degenks demo`."))
    return event


def require_day(session: Session, event_id: int, number: int) -> Day:
    """Day `number` of the event, or InputRejected saying there is no such day."""
    day = session.scalars(select(Day).where(Day.event_id == event_id, Day.number == number)).first()
    if day is None:
        raise InputRejected(_("The event has no day {number}.").format(number=number))
    return day


def require_theme(session: Session, event_id: int, code: str) -> Theme:
    """The event's theme with `code` (in any case), or InputRejected naming the codes."""
    themes = session.scalars(
        select(Theme).where(Theme.event_id == event_id).order_by(Theme.position, Theme.id)
    ).all()
    for theme in themes:
        if theme.code.casefold() == code.strip().casefold():
            return theme
    raise InputRejected(
        _("There is no theme {code}: use one of {codes}.").format(
            code=code.strip(), codes=", ".join(theme.code for theme in themes)
        )
    )


def event_info(database: Database) -> EventInfo | None:
    """The event's name and days, or None for an empty database."""
    with database.reading() as session:
        event = find_event(session)
        if event is None:
            return None
        days = session.scalars(select(Day).where(Day.event_id == event.id).order_by(Day.number))
        return EventInfo(
            id=event.id,
            name=event.name,
            venue=event.venue,
            days=tuple(DayInfo(day.id, day.number, day.date) for day in days),
        )


@dataclass(frozen=True)
class ThemeOverview:
    """A theme on one day: its question, how many chose it first, and its tables."""

    code: str
    name: str
    question: str
    colour: str
    first_choices: int
    tables: int


def theme_overview(database: Database, day_id: int) -> list[ThemeOverview]:
    """Every theme of the event with its first choices and tables on the day `day_id`."""
    with database.reading() as session:
        event = require_event(session)
        first_choices = dict(
            session.execute(
                select(Participant.first_theme_id, func.count())
                .where(Participant.event_id == event.id, Participant.day_id == day_id)
                .where(Participant.status.in_(EXPECTED_STATUSES))
                .group_by(Participant.first_theme_id)
            ).all()
        )
        tables = dict(
            session.execute(
                select(Table.theme_id, func.count())
                .where(Table.day_id == day_id)
                .group_by(Table.theme_id)
            ).all()
        )
        themes = session.scalars(
            select(Theme).where(Theme.event_id == event.id).order_by(Theme.position)
        )
        return [
            ThemeOverview(
                code=theme.code,
                name=theme.name,
                question=theme.question,
                colour=theme.colour,
                first_choices=int(first_choices.get(theme.id, 0)),
                tables=int(tables.get(theme.id, 0)),
            )
            for theme in themes
        ]


def theme_choices(database: Database) -> list[tuple[int, str]]:
    """The event's themes as (id, name), in the organisers' order."""
    with database.reading() as session:
        event = require_event(session)
        rows = session.execute(
            select(Theme.id, Theme.name).where(Theme.event_id == event.id).order_by(Theme.position)
        ).all()
        return [(theme_id, name) for theme_id, name in rows]


def theme_codes(database: Database) -> list[tuple[str, str]]:
    """The event's themes as (code, name), in the organisers' order."""
    with database.reading() as session:
        event = require_event(session)
        return [
            (code, name)
            for code, name in session.execute(
                select(Theme.code, Theme.name)
                .where(Theme.event_id == event.id)
                .order_by(Theme.position)
            ).all()
        ]


def event_neighbourhoods(session: Session, event_id: int) -> tuple[str, ...]:
    """The neighbourhoods of event `event_id`, alphabetically."""
    return tuple(
        session.scalars(
            select(Neighbourhood.name)
            .where(Neighbourhood.event_id == event_id)
            .order_by(Neighbourhood.name)
        )
    )


def neighbourhood_names(database: Database) -> tuple[str, ...]:
    """The event's neighbourhoods, alphabetically."""
    with database.reading() as session:
        return event_neighbourhoods(session, require_event(session).id)
