"""The people a front desk test scans: registrants of the event's first day, in order."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select

from degenks_desktop.storage.models import Participant
from degenks_desktop.ui.shell.context import AppContext


class DayOnePerson(NamedTuple):
    """Who to scan, with what to find them by."""

    id: int
    code: str
    last_name: str


def day_one_people(context: AppContext, count: int) -> list[DayOnePerson]:
    """The first `count` people registered for day 1 of the context's event."""
    assert context.event is not None
    with context.database.reading() as session:
        rows = session.execute(
            select(Participant.id, Participant.badge_code, Participant.last_name)
            .where(Participant.day_id == context.event.days[0].id)
            .order_by(Participant.id)
            .limit(count)
        ).all()
    return [DayOnePerson(pid, code, last) for pid, code, last in rows]


def day_one_codes(context: AppContext, count: int) -> list[str]:
    """The badge codes of the first `count` people registered for day 1."""
    return [person.code for person in day_one_people(context, count)]
