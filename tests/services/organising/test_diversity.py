"""The diversity service: consent only, aggregates only (none of them undone by subtraction),
targets the organisers can set."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.diversity import PRESENT_REMAINDER, REGISTERED_REMAINDER, age_band
from degenks_desktop.domain.registration import EXPECTED_STATUSES
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
from tests.unit.test_diversity_matrix import attacked


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


def true_counts(database: Database, key: str, *, present: bool) -> dict[int | None, dict[str, int]]:
    """What the demo's consenting people really answered, per day id and for the event."""
    column = getattr(Profile, "birth_year" if key == "age_band" else key)
    with database.reading() as session:
        first_day = session.scalars(select(Day.date).order_by(Day.number)).first()
        assert first_day is not None
        if present:
            rows = session.execute(
                select(CheckIn.day_id, CheckIn.participant_id, column)
                .join(Participant, Participant.id == CheckIn.participant_id)
                .join(Profile, Profile.participant_id == Participant.id)
                .where(Participant.profile_consent, CheckIn.undone_at.is_(None))
            ).all()
        else:
            rows = session.execute(
                select(Participant.day_id, Participant.id, column)
                .join(Profile, Profile.participant_id == Participant.id)
                .where(
                    Participant.profile_consent,
                    Participant.status.in_(EXPECTED_STATUSES),
                )
            ).all()
        days = session.scalars(select(Day.id)).all()
    counts: dict[int | None, dict[str, int]] = {day: {} for day in [*days, None]}
    seen: set[int] = set()
    for day, person, stored in rows:
        if stored is None:
            continue
        answer = age_band(stored, first_day.year) if key == "age_band" else stored
        if day is not None:  # registered without a day: in the event only
            counts[day][answer] = counts[day].get(answer, 0) + 1
        if person not in seen:
            seen.add(person)
            counts[None][answer] = counts[None].get(answer, 0) + 1
    return counts


@pytest.mark.parametrize("key", ["gender", "origin", "education"])
def test_no_hidden_count_follows_from_the_other_days_or_the_totals(
    database: Database, key: str
) -> None:
    create_demo_event(database, participants=90, days=2)
    with database.transaction() as session:
        # Some came: the first consenting third of each day.
        for day in session.scalars(select(Day)).all():
            people = session.scalars(
                select(Participant.id)
                .where(Participant.day_id == day.id, Participant.profile_consent)
                .order_by(Participant.id)
            ).all()
            for person in people[: len(people) // 3]:
                session.add(
                    CheckIn(
                        participant_id=person,
                        day_id=day.id,
                        desk="1",
                        checked_in_at=dt.datetime.now(dt.UTC),
                    )
                )
        days = session.scalars(select(Day.id)).all()
    views = {
        day: next(m for m in diversity_matrix(database, day_id=day) if m.key == key)
        for day in [*days, None]
    }
    hidden = [row for view in views.values() for row in view.rows if row.registered is None]
    assert hidden  # 90 people over two days: some groups are small
    assert not attacked(views, true_counts(database, key, present=False), REGISTERED_REMAINDER)
    assert not attacked(
        views, true_counts(database, key, present=True), PRESENT_REMAINDER, present=True
    )
