"""The desk's name is what people see; the station in the audit log is the laptop."""

from __future__ import annotations

import socket

from sqlalchemy import select

from degenks_desktop.config import DEFAULT_DESK_NAME
from degenks_desktop.services.front_desk.check_ins import check_in_code
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, CheckIn
from tests.helpers.events import add_small_event


def test_a_check_in_keeps_the_desk_name_and_its_audit_entry_the_laptop(
    database: Database,
) -> None:
    small = add_small_event(database)
    result = check_in_code(
        database, small.badge_codes[0], desk=DEFAULT_DESK_NAME, actor=DEFAULT_DESK_NAME
    )
    assert result.desk == "Onthaal 1"
    with database.reading() as session:
        desk = session.scalars(select(CheckIn.desk)).one()
        actor, station = session.execute(
            select(AuditEntry.actor, AuditEntry.station).where(
                AuditEntry.action == "check_in.created"
            )
        ).one()
    assert (desk, actor) == ("Onthaal 1", "Onthaal 1")
    assert station == socket.gethostname()  # which laptop, whatever its desk is called
