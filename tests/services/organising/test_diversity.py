"""The diversity service: consent only, aggregates only, targets the organisers can set."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.organising.diversity import (
    diversity_matrix,
    set_target,
    set_watched_categories,
    targets_are_illustrative,
    watched_categories,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Day, Participant, Profile


def test_the_demo_watches_the_defaults_with_illustrative_targets(database: Database) -> None:
    create_demo_event(database)
    assert watched_categories(database) == [
        "gender",
        "age_band",
        "origin",
        "neighbourhood",
        "education",
        "work_situation",
    ]
    assert targets_are_illustrative(database)
    origin = next(m for m in diversity_matrix(database) if m.key == "origin")
    rows = {row.value: row for row in origin.rows}
    # The demo under-reaches citizens of Turkish and Moroccan origin, as the city did.
    assert rows["turkish"].below_target and rows["moroccan"].below_target
    with database.reading() as session:
        answered = len(
            session.scalars(
                select(Profile.participant_id)
                .join(Participant)
                .where(Participant.profile_consent, Profile.origin.is_not(None))
            ).all()
        )
    assert origin.answered_registered == answered > 0


def test_only_consenting_people_count(database: Database) -> None:
    create_demo_event(database, participants=80)
    with database.transaction() as session:
        # A profile without consent (as a careless import might leave) is not counted.
        person = session.scalars(
            select(Participant).where(~Participant.profile_consent).limit(1)
        ).one()
        person.profile = Profile(origin="turkish")
    counted = next(m for m in diversity_matrix(database) if m.key == "origin")
    with database.reading() as session:
        consenting = len(
            session.scalars(
                select(Profile.participant_id)
                .join(Participant)
                .where(Participant.profile_consent, Profile.origin.is_not(None))
            ).all()
        )
    assert counted.answered_registered == consenting


def test_present_people_follow_check_ins_per_day(database: Database) -> None:
    create_demo_event(database, participants=120)
    with database.transaction() as session:
        day_one = session.scalars(select(Day).where(Day.number == 1)).one()
        people = session.scalars(
            select(Participant)
            .where(Participant.day_id == day_one.id, Participant.profile_consent)
            .limit(12)
        ).all()
        for person in people:
            session.add(
                CheckIn(
                    participant_id=person.id,
                    day_id=day_one.id,
                    desk="1",
                    checked_in_at=dt.datetime.now(dt.UTC),
                )
            )
        day_id = day_one.id
    gender = next(m for m in diversity_matrix(database, day_id=day_id) if m.key == "gender")
    assert gender.answered_checked_in == 12


def test_targets_can_be_set_and_are_audited(database: Database) -> None:
    create_demo_event(database, participants=30)
    set_target(database, category="origin", value="turkish", share=0.2, actor="organisatie")
    origin = next(m for m in diversity_matrix(database) if m.key == "origin")
    assert next(r.target for r in origin.rows if r.value == "turkish") == 0.2
    with database.reading() as session:
        assert (
            session.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())).first()
            == "diversity.target_set"
        )


@pytest.mark.parametrize(
    ("category", "value", "share"),
    [
        ("origin", "turkish", 1.5),
        ("origin", "turkish", -0.1),
        ("origin", "martian", 0.1),
        ("shoe_size", "42", 0.1),
    ],
)
def test_impossible_targets_are_refused(
    database: Database, category: str, value: str, share: float
) -> None:
    create_demo_event(database, participants=10)
    before = diversity_matrix(database)
    with pytest.raises(InputRejected):
        set_target(database, category=category, value=value, share=share)
    assert diversity_matrix(database) == before


def test_the_watched_categories_can_change(database: Database) -> None:
    create_demo_event(database, participants=10)
    set_watched_categories(database, ["origin", "years_in_genk"])
    assert [m.key for m in diversity_matrix(database)] == ["origin", "years_in_genk"]
    with pytest.raises(InputRejected):
        set_watched_categories(database, ["origin", "religion"])
    assert watched_categories(database) == ["origin", "years_in_genk"]
