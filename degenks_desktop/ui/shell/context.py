"""The one context object that every window, page and dialog gets, as git-cola's
ApplicationContext.

It holds the open database with the event it contains, the user's preferences, the
thread pools (one for long jobs, one thread for the desk's work in the order asked), this
laptop's desk (its name, and the front desk service with its own copy
of the day's list), this laptop's role and the organiser signed in on it, so that no
widget reaches for a module global or keeps a database of its own: switching the
database re-points this one object and says so (and signs the organiser out: accounts
belong to a database).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal

from degenks_desktop.config import DEFAULT_DESK_NAME
from degenks_desktop.services.front_desk.desk import FrontDesk
from degenks_desktop.services.house.events import EventInfo, event_info
from degenks_desktop.storage.database import Database
from degenks_desktop.ui.shell.background import TaskPool, global_pool
from degenks_desktop.ui.shell.roles import OrganiserSession, laptop_role

SETTING_LANGUAGE = "ui/language"
SETTING_DATABASE_URL = "database/url"
SETTING_DESK_NAME = "desk/name"


class ContextSignals(QObject):
    """What the context tells the widgets that hold something of the database."""

    # After `switch_database`: pages holding state of the old database drop it.
    database_switched = Signal()


def desk_thread() -> QThreadPool:
    """One thread for the front desk's database work: one job at a time, in the order
    asked, so that two quick scans are answered in the order they came."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)  # the thread stays: the next scan does not wait for a new one
    return pool


class AppContext:
    """What the app works with: database, event, preferences, thread pool, this desk."""

    def __init__(
        self,
        *,
        database: Database,
        settings: QSettings,
        pool: TaskPool | None = None,
        desk_pool: TaskPool | None = None,
    ) -> None:
        self.signals = ContextSignals()
        self.database = database
        self.settings = settings
        self.pool: TaskPool = pool if pool is not None else global_pool()
        self.desk_pool: TaskPool = desk_pool if desk_pool is not None else desk_thread()
        self.event: EventInfo | None = None
        self.front_desk = FrontDesk.for_database(database)
        self.organiser = OrganiserSession(settings)

    @property
    def role(self) -> str:
        """This laptop's role: `organiser`, `desk` or `table` (`ui.shell.roles`)."""
        return laptop_role(self.settings)

    def actor(self, default: str = "gui") -> str:
        """Who an audit entry names: the signed-in organiser, else `default`."""
        access = self.organiser.access
        return access.actor if access is not None else default

    @property
    def desk_name(self) -> str:
        """This laptop's desk name, as check-ins and badge prints record it ("Onthaal 1"
        until someone names the desk in Settings)."""
        return str(self.settings.value(SETTING_DESK_NAME, DEFAULT_DESK_NAME))

    def reload_event(self) -> EventInfo | None:
        """Read the event's name and days again (after a demo is made or the database changes)."""
        self.event = event_info(self.database)
        return self.event

    def switch_database(self, database: Database) -> None:
        """Work on `database` from now on, closing the old one."""
        old = self.database
        self.pool.waitForDone(30_000)  # a backup or a desk's catch-up still on the old one
        self.desk_pool.waitForDone(30_000)  # a check-in still on its way
        self.database = database
        self.front_desk = FrontDesk.for_database(database)
        self.organiser.sign_out()  # an account of the old database is none of the new one
        old.close()
        self.reload_event()
        self.signals.database_switched.emit()
