"""Someone the day's draw left out, at the desk: not checked in and not an error, but
'not selected' with their place on the waiting list, until an organiser lets them in."""

from __future__ import annotations

from sqlalchemy import select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.services.front_desk.check_ins import CheckInStatus, check_in_code
from degenks_desktop.services.registrations.draw import draw_overview, run_draw
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, CheckIn, Participant
from tests.helpers.counts import count
from tests.helpers.draws import add_oversubscribed_day


def badge_of(database: Database, participant_id: int) -> str:
    with database.reading() as session:
        person = session.get(Participant, participant_id)
        assert person is not None
        return person.badge_code


def test_waiting_and_not_selected_people_are_told_apart_and_not_checked_in(
    database: Database,
) -> None:
    add_oversubscribed_day(database)
    run_draw(database, 1, seed=8)
    first_waiting = draw_overview(database, 1).waiting[0]
    waiting = check_in_code(database, badge_of(database, first_waiting.participant_id), desk="A")
    assert waiting.status == CheckInStatus.NOT_SELECTED
    assert waiting.waiting_position == 1
    with database.reading() as session:
        left_out = session.scalars(
            select(Participant.id).where(Participant.status == RegistrationStatus.NOT_SELECTED)
        ).first()
    assert left_out is not None
    not_selected = check_in_code(database, badge_of(database, left_out), desk="A")
    assert not_selected.status == CheckInStatus.NOT_SELECTED
    assert not_selected.waiting_position is None
    assert count(database, CheckIn) == 0


def test_an_organiser_lets_someone_left_out_in_and_the_audit_says_who(
    database: Database,
) -> None:
    add_oversubscribed_day(database)
    run_draw(database, 1, seed=8)
    with database.reading() as session:
        left_out = session.scalars(
            select(Participant.id).where(Participant.status == RegistrationStatus.NOT_SELECTED)
        ).first()
    assert left_out is not None
    result = check_in_code(
        database, badge_of(database, left_out), desk="A", admitted_by="organiser:Els"
    )
    assert result.status == CheckInStatus.CHECKED_IN
    with database.reading() as session:
        actor = session.scalar(
            select(AuditEntry.actor).where(
                AuditEntry.action == "check_in.undrawn_admitted",
                AuditEntry.subject_id == left_out,
            )
        )
    assert actor == "organiser:Els"
    assert count(database, CheckIn) == 1
