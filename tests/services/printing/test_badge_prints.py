"""The print log at the desk: a second badge only on purpose, every print audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import NotFound
from degenks_desktop.services.printing.badges import AlreadyPrinted, badge_of, record_badge_print
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, BadgePrint, Participant
from tests.helpers.events import add_small_event


def prints(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(BadgePrint)) or 0)


def test_a_second_print_needs_a_reason(database: Database) -> None:
    small = add_small_event(database)
    person = small.participant_ids[0]
    record_badge_print(database, person, desk="onthaal 1")
    with pytest.raises(AlreadyPrinted, match="onthaal 1") as refused:
        record_badge_print(database, person, desk="onthaal 2")
    assert refused.value.exit_code == 1
    assert prints(database) == 1
    record_badge_print(database, person, desk="onthaal 2", reprint_reason="badge kwijt")
    assert prints(database) == 2
    with database.reading() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["badge.printed", "badge.reprinted"]


def test_a_blank_reason_is_no_reason(database: Database) -> None:
    small = add_small_event(database)
    record_badge_print(database, small.participant_ids[1], desk="1")
    with pytest.raises(AlreadyPrinted):
        record_badge_print(database, small.participant_ids[1], desk="1", reprint_reason="  ")
    assert prints(database) == 1


def test_the_badge_of_one_person(database: Database) -> None:
    small = add_small_event(database)
    badge = badge_of(database, small.participant_ids[2])
    assert (badge.first_name, badge.badge_code) == ("Γιώργος", small.badge_codes[2])
    with database.transaction() as session:
        person = session.get(Participant, small.participant_ids[2])
        assert person is not None
        person.status = RegistrationStatus.CANCELLED
    with pytest.raises(NotFound):
        badge_of(database, small.participant_ids[2])
    with pytest.raises(NotFound):
        badge_of(database, 999_999)
