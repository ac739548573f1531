"""The audit log: every change made on the day leaves an entry, in the same transaction."""

from __future__ import annotations

import json
import socket
from typing import Any

from sqlalchemy.orm import Session

from degenks_desktop.storage.models import AuditEntry


def station_name() -> str:
    """This laptop's host name: the machine an audit entry or badge print came from.

    Not the desk's name, which people choose and see (`AppContext.desk_name`, default
    `config.DEFAULT_DESK_NAME`): the station says which laptop, whatever its desk is called.
    """
    return socket.gethostname()


def record(
    session: Session,
    *,
    action: str,
    actor: str = "",
    subject_type: str = "",
    subject_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an audit entry to `session`'s transaction; it commits or rolls back with it."""
    entry = AuditEntry(
        action=action,
        actor=actor,
        station=station_name(),
        subject_type=subject_type,
        subject_id=subject_id,
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
    )
    session.add(entry)
    return entry
