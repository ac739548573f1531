"""The one context object that every window and dialog gets, as git-cola's ApplicationContext.

It holds the open database, the event it contains and the user's preferences, so that
no widget reaches for a module global.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings, QThreadPool

from degenks_desktop.services.house.events import EventInfo, event_info
from degenks_desktop.storage.database import Database

SETTING_LANGUAGE = "ui/language"
SETTING_DATABASE_URL = "database/url"
SETTING_DESK_NAME = "desk/name"


@dataclass
class AppContext:
    """What the app works with: database, event, preferences, thread pool."""

    database: Database
    settings: QSettings
    pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
    event: EventInfo | None = None

    def reload_event(self) -> EventInfo | None:
        """Read the event's name and days again (after a demo is made or the database changes)."""
        self.event = event_info(self.database)
        return self.event

    def switch_database(self, database: Database) -> None:
        """Work on `database` from now on, closing the old one."""
        old = self.database
        self.database = database
        old.close()
        self.reload_event()
