"""`degenks demo --simulate-day`: the demo as it looks when the day is over."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_event
from degenks_desktop.services.organising.stats import event_stats
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    AuditEntry,
    Concept,
    ConceptIdea,
    Idea,
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
