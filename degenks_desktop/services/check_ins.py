"""Checking people in: one active check-in per person per day, every one audited.

The front-desk issue builds its station on `record_check_in`; walk-ins use it too.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from degenks_desktop.services import audit
from degenks_desktop.storage.models import CheckIn


def record_check_in(
    session: Session, *, participant_id: int, day_id: int, desk: str, actor: str = ""
) -> CheckIn:
    """Add a check-in and its audit entry to `session`'s transaction.

    The database refuses a second active check-in for the same person and day.
    """
    check_in = CheckIn(participant_id=participant_id, day_id=day_id, desk=desk, checked_in_by=actor)
    session.add(check_in)
    session.flush()
    audit.record(
        session,
        action="check_in.created",
        actor=actor or desk,
        subject_type="participant",
        subject_id=participant_id,
        details={"day_id": day_id, "desk": desk, "check_in": check_in.uid},
    )
    return check_in
