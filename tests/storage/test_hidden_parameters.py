"""The database's errors name the SQL, never the values bound to it (a citizen's name)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from degenks_desktop.errors import ConflictingChange
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant
from tests.helpers.events import add_small_event


def test_an_integrity_error_does_not_show_the_values(database: Database) -> None:
    small = add_small_event(database)
    with pytest.raises(ConflictingChange) as caught, database.transaction() as session:
        session.add(
            Participant(
                event_id=small.event_id,
                first_name="Ayşe",
                last_name="Yılmaz",
                email="ayse@example.org",
                badge_code=small.badge_codes[0],  # taken: the insert must fail
            )
        )
    cause = caught.value.__cause__
    assert isinstance(cause, IntegrityError)
    text = str(cause)
    assert "INSERT INTO participants" in text  # the driver's error still says what failed
    for personal in ("Ayşe", "Yılmaz", "ayse@example.org"):
        assert personal not in text
        assert personal not in caught.value.message
