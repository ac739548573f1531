"""Fixtures shared by the registrations tests: an event to import into."""

from __future__ import annotations

import pytest

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import Database


@pytest.fixture
def event(database: Database) -> Database:
    """The demo event without participants, to import registrations into."""
    create_demo_event(database, participants=0)
    return database
