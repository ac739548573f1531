"""Testing a database before switching to it: what it holds, or one sentence why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.errors import DatabaseUnavailable
from degenks_desktop.services.house.connection import check_connection
from degenks_desktop.storage.database import open_database
from tests.helpers.schema import stamp_unknown_revision


def test_a_database_with_the_demo_names_its_event(database_url: str) -> None:
    database = open_database(database_url)
    create_demo_event(database, participants=10)
    database.close()
    check = check_connection(database_url)
    assert check.event_name == "G360 — De Genks"
    assert not check.needs_upgrade


def test_a_new_file_can_be_used(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.sqlite"
    check = check_connection(sqlite_url(path))
    assert check.event_name is None
    assert check.needs_upgrade


def test_an_unreachable_server_is_one_sentence() -> None:
    with pytest.raises(DatabaseUnavailable, match="niet bereikbaar"):
        check_connection("postgresql+psycopg://degenks@127.0.0.1:1/degenks")


def test_a_newer_schema_is_refused(database_url: str) -> None:
    stamp_unknown_revision(database_url)
    with pytest.raises(DatabaseUnavailable, match="nieuwere versie"):
        check_connection(database_url)
