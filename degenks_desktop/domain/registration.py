"""Registration states a participant can be in."""

from __future__ import annotations

import enum

from degenks_desktop.i18n import N_


class RegistrationStatus(enum.StrEnum):
    """Where a person stands: registered ahead (and, after a draw, selected), on the
    waiting list, not selected in the draw, cancelled, or walked in."""

    REGISTERED = "registered"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WALK_IN = "walk_in"
    NOT_SELECTED = "not_selected"


STATUS_LABELS = {
    RegistrationStatus.REGISTERED: N_("registered"),
    RegistrationStatus.WAITLISTED: N_("waiting list"),
    RegistrationStatus.CANCELLED: N_("cancelled"),
    RegistrationStatus.WALK_IN: N_("walk-in"),
    RegistrationStatus.NOT_SELECTED: N_("not selected"),
}
"""How a status reads for people (translated where it is shown)."""

EXPECTED_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WALK_IN)
"""The states of people the front desk expects to see."""

DRAWN_STATUSES = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.NOT_SELECTED,
)
"""The states of registrants a draw takes into its pool (walk-ins and cancellations not)."""
