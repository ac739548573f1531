"""What a database holds, as one comparable value: a digest of every row of every table."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from degenks_desktop.storage.database import open_database
from degenks_desktop.storage.models import Base

# What a refused sign-in writes by design: the wrong try's count and its audit entry.
TRIES_AND_AUDIT = frozenset({"audit_entries", "guarded_tries"})


def fingerprint(url: str, *, leave_out: frozenset[str] = frozenset()) -> dict[str, str]:
    """Per table (but those in `leave_out`), a digest of its rows by primary key, read
    through a connection of its own: equal fingerprints, equal data."""
    database = open_database(url)
    try:
        digests = {}
        with database.reading() as session:
            for name, table in sorted(Base.metadata.tables.items()):
                if name in leave_out:
                    continue
                rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
                digests[name] = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
        return digests
    finally:
        database.close()
