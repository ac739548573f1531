"""An organiser account in a test's database: the demo's name and password, so that a
database made by `degenks demo` and one made by the helpers take the same credential."""

from __future__ import annotations

from degenks_desktop.services.house.organisers import (
    DEMO_ORGANISER,
    DEMO_ORGANISER_PASSWORD,
    OrganiserAccess,
    create_first_organiser,
    verify_organiser,
)
from degenks_desktop.storage.database import Database

ORGANISER = DEMO_ORGANISER
PASSWORD = DEMO_ORGANISER_PASSWORD


def add_organiser(database: Database) -> OrganiserAccess:
    """The database's first organiser account, `ORGANISER` with `PASSWORD`."""
    return create_first_organiser(database, ORGANISER, PASSWORD)


def as_organiser(database: Database) -> OrganiserAccess:
    """`ORGANISER` signed in with `PASSWORD` (the account made by the demo or by
    `add_organiser`), for a context that works as the organisers do."""
    return verify_organiser(database, ORGANISER, PASSWORD)
