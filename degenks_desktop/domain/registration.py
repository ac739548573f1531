"""Registration states a participant can be in."""

from __future__ import annotations

import enum

from degenks_desktop.i18n import N_


class RegistrationStatus(enum.StrEnum):
    """Where a person stands: registered ahead, on the waiting list, cancelled, or walked in."""

    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WALK_IN = "walk_in"


STATUS_LABELS = {
    RegistrationStatus.REGISTERED: N_("registered"),
    RegistrationStatus.WAITLISTED: N_("waiting list"),
    RegistrationStatus.CANCELLED: N_("cancelled"),
    RegistrationStatus.WALK_IN: N_("walk-in"),
}
"""How a status reads for people (translated where it is shown)."""

EXPECTED_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WALK_IN)
"""The states of people the front desk expects to see."""
