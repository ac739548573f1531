"""Counting what a test's database holds: rows of a model, and check-ins still standing."""

from __future__ import annotations

from sqlalchemy import func, select

from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import CheckIn


def count(database: Database, model: type) -> int:
    """How many rows of `model` the database holds."""
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def active_check_ins(database: Database) -> int:
    """Check-ins that stand: made and not undone."""
    with database.reading() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(CheckIn).where(CheckIn.undone_at.is_(None))
            )
            or 0
        )
