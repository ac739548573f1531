"""The follow-up report's link and the postcards' date: kept per event, audited, and a
wrong link refused in one sentence with nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from degenks_desktop.errors import InputRejected
from degenks_desktop.services.follow_up.settings import (
    MAX_LINK,
    FollowUpSettingsRow,
    date_as_typed,
    follow_up_settings,
    parse_postcard_date,
    save_follow_up_settings,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry
from tests.helpers.events import add_small_event
from tests.helpers.fingerprint import fingerprint


def saved_entries(database: Database) -> int:
    with database.reading() as session:
        return len(
            session.scalars(
                select(AuditEntry.id).where(AuditEntry.action == "follow_up.settings_saved")
            ).all()
        )


def test_empty_until_saved_then_as_saved(database: Database) -> None:
    event_id = add_small_event(database).event_id
    assert follow_up_settings(database, event_id) == FollowUpSettingsRow("", None)
    save_follow_up_settings(
        database,
        event_id,
        report_link="  https://www.genk.be/g360/opvolging ",
        postcards_on=dt.date(2027, 1, 15),
        actor="Sara",
    )
    assert follow_up_settings(database, event_id) == FollowUpSettingsRow(
        "https://www.genk.be/g360/opvolging", dt.date(2027, 1, 15)
    )
    assert saved_entries(database) == 1
    # The same again writes nothing; the date taken away is saved.
    save_follow_up_settings(
        database,
        event_id,
        report_link="https://www.genk.be/g360/opvolging",
        postcards_on=dt.date(2027, 1, 15),
        actor="Sara",
    )
    assert saved_entries(database) == 1
    save_follow_up_settings(database, event_id, report_link="", postcards_on=None, actor="Sara")
    assert follow_up_settings(database, event_id) == FollowUpSettingsRow("", None)
    assert saved_entries(database) == 2


@pytest.mark.parametrize(
    "link",
    [
        "www.genk.be/g360",
        "ftp://genk.be/rapport",
        "https://",
        "https://www.genk.be/met spatie",
        "javascript:alert(1)",
        "https://genk.be/" + "x" * MAX_LINK,
    ],
)
def test_a_wrong_link_is_refused_and_nothing_changes(
    database: Database, database_url: str, link: str
) -> None:
    event_id = add_small_event(database).event_id
    save_follow_up_settings(
        database, event_id, report_link="https://genk.be", postcards_on=None, actor="Sara"
    )
    before = fingerprint(database_url)
    with pytest.raises(InputRejected) as refused:
        save_follow_up_settings(
            database, event_id, report_link=link, postcards_on=dt.date(2027, 1, 1), actor="Sara"
        )
    message = refused.value.message
    assert message.endswith(".") and "\n" not in message
    assert fingerprint(database_url) == before


def test_a_date_typed_as_genk_writes_it_or_as_iso() -> None:
    for typed in ("15/01/2027", "15-1-2027", "15.01.2027", " 2027-01-15 "):
        assert parse_postcard_date(typed) == dt.date(2027, 1, 15)
    assert parse_postcard_date("  ") is None
    assert date_as_typed(dt.date(2027, 1, 5)) == "05/01/2027"
    for wrong in ("31/02/2027", "morgen", "15/01/27", "2027-13-01"):
        with pytest.raises(InputRejected) as refused:
            parse_postcard_date(wrong)
        assert refused.value.message.endswith(".")
