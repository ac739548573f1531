"""Opening a database that already holds an event: the event is there, and the window can
say where the data lives (the file, or the server without its password)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import make_url

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Participant
from tests.helpers.counts import count


def test_a_reopened_database_holds_its_event_and_says_where_it_is(
    database_url: str, tmp_path: Path
) -> None:
    first = open_database(database_url)
    create_demo_event(first, participants=20)
    first.close()
    again = open_database(database_url)
    try:
        assert count(again, Participant) == 20
        where = again.describe()
    finally:
        again.close()
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        assert Path(where) == (tmp_path / "degenks.sqlite").resolve()
    else:
        assert where.startswith(str(url.username))
        assert where.endswith(f"@{url.host}:{url.port}/{url.database}")
        assert not url.password or url.password not in where
