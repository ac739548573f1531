"""What can become of an idea after the day: the statuses of its follow-up, in order."""

from __future__ import annotations

import enum

from degenks_desktop.i18n import N_


class FollowUpStatus(enum.StrEnum):
    """Where a selected idea or concept stands with the city (the database's CHECK lists
    the same values, `storage.models.FOLLOW_UP_STATUS_CHECK`)."""

    RECEIVED = "received"
    UNDER_STUDY = "under_study"
    IN_PLAN = "in_plan"
    NOT_TAKEN_UP = "not_taken_up"
    DONE = "done"


FOLLOW_UP_STATUS_LABELS = {
    FollowUpStatus.RECEIVED: N_("received"),
    FollowUpStatus.UNDER_STUDY: N_("under study"),
    FollowUpStatus.IN_PLAN: N_("in the plan"),
    FollowUpStatus.NOT_TAKEN_UP: N_("not taken up"),
    FollowUpStatus.DONE: N_("done"),
}
"""How a status reads for people (translated where it is shown)."""

FINAL_STATUSES = (FollowUpStatus.NOT_TAKEN_UP, FollowUpStatus.DONE)
"""The statuses after which nothing more is expected; the report says why for each."""


class ClusterKind(enum.StrEnum):
    """What a theme team may call a cluster, as the city did in 2009: a key that opens
    something, or a barrier that stands in the way."""

    KEY = "key"
    BARRIER = "barrier"


CLUSTER_KIND_LABELS = {ClusterKind.KEY: N_("key"), ClusterKind.BARRIER: N_("barrier")}
"""How a kind reads for people."""
