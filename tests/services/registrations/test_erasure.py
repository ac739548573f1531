"""After the event: consent taken back deletes the answers; erasure takes a person's
personal data and leaves the anonymous counts and the ideas as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.simulated_day import simulate_day
from degenks_desktop.errors import NotFound, NothingToDo
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.services.organising.stats import event_stats
from degenks_desktop.services.registrations.erasure import erase_person, withdraw_consent
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Idea, Participant, Seat
from tests.helpers.counts import count


def someone_with_answers_and_ideas(database: Database) -> tuple[int, str, str]:
    """A demo participant who consented, answered, and whose duo made an idea: id, last
    name, e-mail."""
    with database.reading() as session:
        row = session.execute(
            select(Participant.id, Participant.last_name, Participant.email)
            .join(Seat, Seat.participant_id == Participant.id)
            .join(Idea, Idea.duo_id == Seat.duo_id)
            .where(Participant.profile_consent.is_(True), Participant.email.is_not(None))
            .order_by(Participant.id)
            .limit(1)
        ).one()
    return row[0], row[1], row[2] or ""


def actions_about(database: Database, participant_id: int) -> list[tuple[str, str]]:
    with database.reading() as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.details).where(
                AuditEntry.subject_id == participant_id,
                AuditEntry.action.in_(("participant.consent_withdrawn", "participant.erased")),
            )
        ).all()
    return [(action, str(details)) for action, details in rows]


@pytest.fixture
def day_done(database: Database) -> Database:
    """The demo event after its day: people checked in, ideas made."""
    create_demo_event(database, participants=60)
    simulate_day(database, day_number=1, seed=11)
    return database


def test_consent_withdrawn_deletes_the_answers_and_is_audited_without_them(
    day_done: Database,
) -> None:
    person, _last, _email = someone_with_answers_and_ideas(day_done)
    with day_done.reading() as session:
        answers = session.get(Participant, person).profile.answers()  # type: ignore[union-attr]
    withdraw_consent(day_done, person, actor="organisatie")
    with day_done.reading() as session:
        after = session.get(Participant, person)
        assert after is not None and (after.profile_consent, after.profile) == (False, None)
    [(action, details)] = actions_about(day_done, person)
    assert action == "participant.consent_withdrawn"
    assert answers.origin is None or str(answers.origin) not in details
    with pytest.raises(NothingToDo):
        withdraw_consent(day_done, person)


def test_erasure_leaves_no_name_but_keeps_the_counts_and_the_ideas(day_done: Database) -> None:
    person, last_name, email = someone_with_answers_and_ideas(day_done)
    stats_before = event_stats(day_done)
    ideas_before = count(day_done, Idea)
    with day_done.reading() as session:
        check_ins_before = session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.participant_id == person)
        )
    erase_person(day_done, person, actor="organisatie")
    with day_done.reading() as session:
        erased = session.get(Participant, person)
        assert erased is not None
        assert (erased.first_name, erased.email, erased.phone, erased.profile) == (
            "",
            None,
            None,
            None,
        )
        assert last_name not in erased.search_key and email.casefold() not in erased.search_key
        assert (
            session.scalar(
                select(func.count()).select_from(CheckIn).where(CheckIn.participant_id == person)
            )
            == check_ins_before
        )
    assert event_stats(day_done) == stats_before  # every count still adds up
    assert count(day_done, Idea) == ideas_before
    assert all(found.id != person for found in find_participants(day_done, email))
    assert [action for action, _details in actions_about(day_done, person)] == [
        "participant.erased"
    ]
    with pytest.raises(NothingToDo):
        erase_person(day_done, person)
    with pytest.raises(NotFound):
        erase_person(day_done, 999_999)
