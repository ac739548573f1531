"""`degenks demo --simulate-day`: the demo as it looks when the day is over."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_event
from degenks_desktop.services.follow_up.postcards import postcards_to_print
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.organising.stats import event_stats
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    AuditEntry,
    Commitment,
    Concept,
    ConceptIdea,
    Idea,
    Seat,
    SelectedIdea,
    Selection,
    Vote,
)


def test_a_simulated_day_fills_every_table(database: Database) -> None:
    create_demo_event(database, participants=80, facilitators=10)
    made = simulate_event(database, seed=5)
    stats = event_stats(database)
    assert stats.ideas == made > 0
    for day in stats.days:
        assert 0.8 * day.expected <= day.checked_in <= day.expected
    with database.reading() as session:
        tables_with_ideas = set(session.scalars(select(Idea.table_id)))
        locked = dict(
            session.execute(
                select(Selection.table_id, func.count(SelectedIdea.idea_id))
                .join(SelectedIdea, SelectedIdea.selection_id == Selection.id)
                .where(Selection.locked_at.is_not(None))
                .group_by(Selection.table_id)
            ).all()
        )
        assert set(locked) == tables_with_ideas
        assert all(1 <= count <= 10 for count in locked.values())
        assert session.scalar(select(func.count()).select_from(Concept)) == sum(locked.values())
        assert session.scalar(select(func.count()).select_from(ConceptIdea)) == sum(locked.values())
        dots = Counter(
            dict(
                session.execute(
                    select(Vote.participant_id, func.sum(Vote.dots)).group_by(Vote.participant_id)
                ).all()
            )
        )
        assert set(dots.values()) == {3}  # three dots a person
        texts = session.execute(select(Idea.table_id, Idea.text)).all()
        assert len(set(texts)) == len(texts)  # no idea twice at a table
        simulated = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "demo.day_simulated")
        )
        assert simulated == len(stats.days)


def test_most_people_of_a_simulated_day_write_a_commitment_and_get_a_postcard(
    database: Database,
) -> None:
    """The demo shows the weeks after the day: most people at a table wrote what they will
    do themselves, and those who agreed to be contacted get a postcard with it."""
    create_demo_event(database, participants=60, facilitators=8, days=1)
    simulate_event(database)
    with database.reading() as session:
        event_id = require_event(session).id
        seated = set(session.scalars(select(Seat.participant_id)))
        writers = list(session.scalars(select(Commitment.participant_id)))
    assert writers and set(writers) <= seated
    assert len(writers) == len(set(writers))
    assert 0.4 < len(writers) / len(seated) < 0.8
    run = postcards_to_print(database, event_id)
    assert run.postcards
    assert any(card.commitment for card in run.postcards)
