"""Registration states a participant can be in."""

from __future__ import annotations

import enum


class RegistrationStatus(enum.StrEnum):
    """Where a person stands: registered ahead, on the waiting list, cancelled, or walked in."""

    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WALK_IN = "walk_in"


EXPECTED_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WALK_IN)
"""The states of people the front desk expects to see."""
