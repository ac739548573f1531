"""`event_stats`: the counts the window, the dashboard and `degenks stats` show."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import NotFound
from degenks_desktop.services.organising.stats import event_stats
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn, Concept, Idea, Participant, Vote
from tests.helpers.events import add_small_event


def test_an_empty_database_has_no_event(database: Database) -> None:
    with pytest.raises(NotFound, match="geen evenement"):
        event_stats(database)


def test_counts_follow_what_happens_on_the_day(database: Database) -> None:
    small = add_small_event(database)
    stats = event_stats(database)
    assert stats.participants == 3
    assert [(d.number, d.expected, d.checked_in, d.tables) for d in stats.days] == [
        (1, 2, 0, 2),
        (2, 1, 0, 1),
    ]

    with database.transaction() as session:
        first = CheckIn(participant_id=small.participant_ids[0], day_id=small.day_id, desk="1")
        session.add(first)
        session.add(CheckIn(participant_id=small.participant_ids[1], day_id=small.day_id, desk="2"))
        idea = Idea(table_id=small.table_ids[0], text="Een buurtmoestuin per wijk")
        gone = Idea(table_id=small.table_ids[0], text="Dubbel idee")
        session.add_all([idea, gone])
        session.flush()
        session.add_all([Vote(idea_id=idea.id, dots=4), Vote(idea_id=gone.id, dots=2)])
        session.add(Concept(table_id=small.table_ids[0], title="Moestuinen"))
    assert event_stats(database).as_json()["checked_in"] == {"1": 2, "2": 0}

    with database.transaction() as session:
        session.execute(
            update(CheckIn).where(CheckIn.id == first.id).values(undone_at=dt.datetime.now(dt.UTC))
        )
        session.execute(
            update(Idea).where(Idea.id == gone.id).values(deleted_at=dt.datetime.now(dt.UTC))
        )
        person = session.scalars(
            select(Participant).where(Participant.id == small.participant_ids[2])
        ).one()
        person.status = RegistrationStatus.CANCELLED
    counts = event_stats(database).as_json()
    assert counts["checked_in"] == {"1": 1, "2": 0}
    assert counts["participants"] == 2
    assert counts["expected"] == {"1": 2, "2": 0}
    assert (counts["ideas"], counts["votes"], counts["concepts"]) == (1, 4, 1)
