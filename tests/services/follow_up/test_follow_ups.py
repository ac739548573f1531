"""The follow-up of the ideas: every selected idea of a locked ten and every concept is
listed, gets a destination and a dated status with a history; every wrong input is one
sentence and changes nothing; destinations keep to their rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.domain.follow_up import FollowUpStatus
from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.services.follow_up.follow_ups import (
    EXPLANATION_LIMIT,
    add_destination,
    destinations,
    follow_up_counts,
    follow_up_history,
    follow_up_items,
    remove_destination,
    rename_destination,
    set_follow_up,
)
from degenks_desktop.services.house.events import require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    AuditEntry,
    Concept,
    Event,
    FollowUp,
    FollowUpDestination,
    FollowUpStep,
    SelectedIdea,
    Selection,
)
from tests.helpers.counts import count
from tests.helpers.fingerprint import fingerprint
from tests.helpers.follow_ups import (
    CONCEPT_TITLE,
    DESTINATIONS,
    HOUSING_IDEAS,
    OPEN_IDEA,
    WORK_IDEAS,
    FollowedDay,
    add_followed_day,
)

ACTOR = "organisatie"
LATER = dt.date(2013, 4, 2)


@pytest.fixture
def day(database: Database) -> FollowedDay:
    return add_followed_day(database)


def one_sentence(message: str) -> bool:
    """A message a person reads at once: one sentence, ending in a full stop."""
    return message.endswith(".") and message.count(". ") == 0 and "\n" not in message


def test_every_locked_idea_and_concept_is_listed_as_received_and_reading_writes_nothing(
    database: Database, database_url: str, day: FollowedDay
) -> None:
    before = fingerprint(database_url)
    items = follow_up_items(database, day.event_id)
    assert fingerprint(database_url) == before
    assert [item.text for item in items] == [*HOUSING_IDEAS, *WORK_IDEAS, CONCEPT_TITLE]
    assert [item.kind for item in items] == ["idea"] * 5 + ["concept"]
    assert [item.rank for item in items] == [1, 2, 3, 1, 2, None]
    assert [item.dots for item in items] == [9, 8, 7, 5, 4, None]
    assert [(item.theme_code, item.day, item.table) for item in items] == [
        ("wonen", 1, 1),
        ("wonen", 1, 1),
        ("wonen", 1, 1),
        ("werk", 1, 2),
        ("werk", 1, 2),
        ("werk", 1, 2),
    ]
    assert all(item.status == FollowUpStatus.RECEIVED for item in items)
    assert all(item.follow_up_id is None and item.destination is None for item in items)
    # An open table's ideas and an idea outside the ten are not followed up.
    assert OPEN_IDEA not in {item.text for item in items}
    assert follow_up_counts(items)[FollowUpStatus.RECEIVED] == 6


def test_one_theme_lists_only_its_items_and_an_unknown_theme_names_the_known_ones(
    database: Database, day: FollowedDay
) -> None:
    work = follow_up_items(database, day.event_id, theme_code="werk")
    assert {item.theme_code for item in work} == {"werk"}
    assert [item.text for item in work] == [*WORK_IDEAS, CONCEPT_TITLE]
    with pytest.raises(InputRejected) as refused:
        follow_up_items(database, day.event_id, theme_code="sport")
    assert "sport" in refused.value.message and "wonen" in refused.value.message
    assert one_sentence(refused.value.message)


def test_statuses_make_a_history_with_the_destination_as_it_was_then(
    database: Database, day: FollowedDay
) -> None:
    housing, _economy = day.destination_ids
    idea = day.housing_ideas[0]
    first = set_follow_up(
        database,
        idea_id=idea,
        destination_id=housing,
        status=FollowUpStatus.UNDER_STUDY,
        explanation="De dienst bekijkt het met de wijkwerkers.",
        status_on=dt.date(2013, 3, 20),
        actor=ACTOR,
    )
    rename_destination(database, housing, "Dienst Wonen", actor=ACTOR)
    second = set_follow_up(
        database,
        idea_id=idea,
        destination_id=housing,
        status=FollowUpStatus.DONE,
        explanation="Twaalf straten hielden in juni een buurtfeest.",
        status_on=LATER,
        actor=ACTOR,
    )
    assert first == second
    history = follow_up_history(database, first)
    assert [step.status for step in history] == [FollowUpStatus.UNDER_STUDY, FollowUpStatus.DONE]
    assert [step.destination for step in history] == [DESTINATIONS[0], "Dienst Wonen"]
    assert [step.status_on for step in history] == [dt.date(2013, 3, 20), LATER]
    assert history[0].recorded_by == ACTOR
    items = follow_up_items(database, day.event_id)
    shown = next(item for item in items if item.id == idea and item.kind == "idea")
    assert (shown.status, shown.destination, shown.status_on) == (
        FollowUpStatus.DONE,
        "Dienst Wonen",
        LATER,
    )
    assert shown.explanation == "Twaalf straten hielden in juni een buurtfeest."
    assert shown.follow_up_id == first
    counts = follow_up_counts(items)
    assert counts[FollowUpStatus.DONE] == 1 and counts[FollowUpStatus.RECEIVED] == 5
    with database.reading() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "follow_up.status_set")
        ).all()
    assert len(actions) == 2


def test_a_concept_gets_its_follow_up_too(database: Database, day: FollowedDay) -> None:
    follow_up = set_follow_up(
        database,
        concept_id=day.concept_id,
        destination_id=day.destination_ids[1],
        status=FollowUpStatus.IN_PLAN,
        explanation="",
        status_on=LATER,
        actor=ACTOR,
    )
    concept = next(
        item for item in follow_up_items(database, day.event_id) if item.kind == "concept"
    )
    assert concept.follow_up_id == follow_up
    assert concept.status == FollowUpStatus.IN_PLAN
    assert concept.destination == DESTINATIONS[1]


def test_saving_the_same_again_adds_no_step(database: Database, day: FollowedDay) -> None:
    values = {
        "idea_id": day.work_ideas[0],
        "destination_id": day.destination_ids[1],
        "status": FollowUpStatus.NOT_TAKEN_UP,
        "explanation": "Er loopt al een jobbeurs in de stad.",
        "status_on": LATER,
    }
    first = set_follow_up(database, **values, actor=ACTOR)  # type: ignore[arg-type]
    # The same, typed again with spaces around it, by someone else.
    again = dict(values, explanation="  Er loopt al een jobbeurs in de stad. ")
    assert set_follow_up(database, **again, actor="iemand anders") == first  # type: ignore[arg-type]
    assert count(database, FollowUpStep) == 1
    assert len(follow_up_history(database, first)) == 1


def refusals(day: FollowedDay) -> list[tuple[str, Callable[[Database], object]]]:
    """Every input a person can get wrong, with the call that tries it."""
    good: dict[str, object] = {
        "destination_id": day.destination_ids[0],
        "status": FollowUpStatus.UNDER_STUDY,
        "explanation": "",
        "status_on": LATER,
        "actor": ACTOR,
    }
    idea = {"idea_id": day.housing_ideas[1]}

    def setting(**changes: object) -> Callable[[Database], object]:
        return lambda database: set_follow_up(database, **{**idea, **good, **changes})  # type: ignore[arg-type]

    return [
        ("neither an idea nor a concept", setting(idea_id=None)),
        ("both an idea and a concept", setting(concept_id=day.concept_id)),
        ("an idea outside the ten", setting(idea_id=day.unselected_idea)),
        ("an idea of a table not locked", setting(idea_id=day.unlocked_idea)),
        ("an idea that is not there", setting(idea_id=99_999)),
        (
            "a concept that is not there",
            lambda database: set_follow_up(
                database,
                concept_id=99_999,
                **good,  # type: ignore[arg-type]
            ),
        ),
        ("a destination that is not there", setting(destination_id=99_999)),
        ("a date ahead", setting(status_on=dt.date.today() + dt.timedelta(days=1))),
        ("a date before the event", setting(status_on=day.first_day - dt.timedelta(days=1))),
        ("not taken up without a reason", setting(status=FollowUpStatus.NOT_TAKEN_UP)),
        ("done without what was done", setting(status=FollowUpStatus.DONE, explanation="  ")),
        ("an explanation too long", setting(explanation="x" * (EXPLANATION_LIMIT + 1))),
        ("a status that is none", setting(status="maybe")),
    ]


def test_every_refusal_is_one_sentence_and_changes_nothing(
    database: Database, database_url: str, day: FollowedDay
) -> None:
    # A follow-up already there, so that a refusal could also wrongly change it.
    set_follow_up(
        database,
        idea_id=day.housing_ideas[1],
        destination_id=None,
        status=FollowUpStatus.UNDER_STUDY,
        explanation="Eerste blik.",
        status_on=day.first_day,
        actor=ACTOR,
    )
    before = fingerprint(database_url)
    for name, attempt in refusals(day):
        with pytest.raises(KnownError) as refused:
            attempt(database)
        assert one_sentence(refused.value.message), (name, refused.value.message)
        assert fingerprint(database_url) == before, name


def test_a_destination_of_another_event_is_refused(
    database: Database, database_url: str, day: FollowedDay
) -> None:
    with database.transaction() as session:
        other = Event(name="Een ander evenement")
        session.add(other)
        session.flush()
        elsewhere = FollowUpDestination(event_id=other.id, name="Elders")
        session.add(elsewhere)
        session.flush()
        elsewhere_id = elsewhere.id
    before = fingerprint(database_url)
    with pytest.raises(InputRejected):
        set_follow_up(
            database,
            idea_id=day.housing_ideas[0],
            destination_id=elsewhere_id,
            status=FollowUpStatus.IN_PLAN,
            explanation="",
            status_on=LATER,
            actor=ACTOR,
        )
    assert fingerprint(database_url) == before


def test_destinations_are_trimmed_unique_whatever_the_case_and_renamed(
    database: Database, database_url: str, day: FollowedDay
) -> None:
    added = add_destination(database, day.event_id, "  Sport   en vrije tijd ", actor=ACTOR)
    assert [d.name for d in destinations(database, day.event_id)] == [
        *DESTINATIONS,
        "Sport en vrije tijd",
    ]
    before = fingerprint(database_url)
    for name in ("", "   ", "wonen EN wijken", "x" * 201):
        with pytest.raises(InputRejected) as refused:
            add_destination(database, day.event_id, name, actor=ACTOR)
        assert one_sentence(refused.value.message), name
    with pytest.raises(InputRejected):
        rename_destination(database, added, "ECONOMIE EN WERK", actor=ACTOR)
    assert fingerprint(database_url) == before
    # A change of case of its own name is a rename, not a double.
    rename_destination(database, added, "Sport en Vrije Tijd", actor=ACTOR)
    assert destinations(database, day.event_id)[-1].name == "Sport en Vrije Tijd"
    with database.reading() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"follow_up.destination_added", "follow_up.destination_renamed"} <= actions


def test_a_destination_in_use_cannot_be_removed_an_unused_one_can(
    database: Database, database_url: str, day: FollowedDay
) -> None:
    housing, economy = day.destination_ids
    for idea in day.housing_ideas[:2]:
        set_follow_up(
            database,
            idea_id=idea,
            destination_id=housing,
            status=FollowUpStatus.IN_PLAN,
            explanation="",
            status_on=LATER,
            actor=ACTOR,
        )
    assert [d.follow_ups for d in destinations(database, day.event_id)] == [2, 0]
    before = fingerprint(database_url)
    with pytest.raises(InputRejected) as refused:
        remove_destination(database, housing, actor=ACTOR)
    assert "2" in refused.value.message and DESTINATIONS[0] in refused.value.message
    assert fingerprint(database_url) == before
    remove_destination(database, economy, actor=ACTOR)
    assert [d.name for d in destinations(database, day.event_id)] == [DESTINATIONS[0]]
    with database.reading() as session:
        assert "follow_up.destination_removed" in set(session.scalars(select(AuditEntry.action)))


def test_unlocking_a_table_takes_its_ideas_out_of_the_follow_up(
    database: Database, day: FollowedDay
) -> None:
    with database.transaction() as session:
        for selection in session.scalars(select(Selection)):
            selection.locked_at = None
    items = follow_up_items(database, day.event_id)
    assert [item.kind for item in items] == ["concept"]
    with pytest.raises(InputRejected):
        set_follow_up(
            database,
            idea_id=day.housing_ideas[0],
            destination_id=None,
            status=FollowUpStatus.IN_PLAN,
            explanation="",
            status_on=LATER,
            actor=ACTOR,
        )
    assert count(database, FollowUp) == 0


def test_a_simulated_day_lists_every_locked_idea_and_concept(database: Database) -> None:
    create_demo_event(database, participants=40, facilitators=4, days=1)
    simulate_day(database, day_number=1, seed=5)
    with database.reading() as session:
        event_id = require_event(session).id
        locked = session.scalars(
            select(SelectedIdea.idea_id)
            .join(Selection, Selection.id == SelectedIdea.selection_id)
            .where(Selection.locked_at.is_not(None))
        ).all()
        concepts = session.scalars(select(Concept.id)).all()
    items = follow_up_items(database, event_id)
    assert locked and concepts
    assert sorted(item.id for item in items if item.kind == "idea") == sorted(locked)
    assert sorted(item.id for item in items if item.kind == "concept") == sorted(concepts)
    assert sum(follow_up_counts(items).values()) == len(items)
