"""Reading the audit log: what happened on the day, by whom, on which laptop.

Organisers read it on Organisatie → Logboek, newest first, filtered by the kind of change
(the room it happened in), by words in who did it or in its details, and by day. What
leaves the app (`audit_rows`, the export) carries no personal data: when, which laptop,
what kind of change, on what (a type and an id), never who did it nor the free text of
the details (an idea's words, a reason typed by a person).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Select, or_, select

from degenks_desktop.domain.text_matching import fold
from degenks_desktop.i18n import N_, _
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry

# The words for each kind of change (msgids); a kind not named here shows as its code.
ACTION_WORDS: dict[str, str] = {
    "badge.printed": N_("Badge printed"),
    "badge.reprinted": N_("Badge printed again"),
    "badge.print_failed": N_("Badge did not print: no longer counted as printed"),
    "check_in.created": N_("Checked in"),
    "check_in.duplicate": N_("Scanned again (already checked in)"),
    "check_in.other_day": N_("Checked in on another day than registered"),
    "check_in.undone": N_("Check-in undone"),
    "check_in.undrawn_admitted": N_("Let in by an organiser, though the draw left them out"),
    "commitment.removed": N_("Own commitment removed"),
    "commitment.saved": N_("Own commitment saved"),
    "concept.saved": N_("Concept saved"),
    "database.restored": N_("Backup restored"),
    "demo.day_simulated": N_("Demo day simulated"),
    "diversity.target_set": N_("Diversity target set"),
    "draw.done": N_("Day drawn by lot"),
    "draw.moved_up": N_("Moved up from the waiting list"),
    "draw.settings_saved": N_("Draw settings saved"),
    "diversity.watched_changed": N_("Watched categories changed"),
    "event.created": N_("Event created"),
    "event.demo_created": N_("Demo event created"),
    "event.replaced_by_demo": N_("Event replaced by the demo"),
    "facilitator.pin_set": N_("PIN set"),
    "follow_up.destination_added": N_("Follow-up destination added"),
    "follow_up.destination_removed": N_("Follow-up destination removed"),
    "follow_up.destination_renamed": N_("Follow-up destination renamed"),
    "follow_up.settings_saved": N_("Follow-up settings saved"),
    "follow_up.status_set": N_("Follow-up status set"),
    "idea.added": N_("Idea added"),
    "idea.deleted": N_("Idea deleted"),
    "idea.edited": N_("Idea edited"),
    "idea.merged": N_("Ideas merged"),
    "idea.restored": N_("Idea restored"),
    "guard.locked_out": N_("Too many wrong tries: the next one waits"),
    "organiser.created": N_("Organiser account made"),
    "organiser.sign_in_failed": N_("Organiser sign-in refused"),
    "organiser.signed_in": N_("Organiser signed in"),
    "participant.cancelled": N_("Registration cancelled"),
    "participant.consent_withdrawn": N_("Consent withdrawn"),
    "participant.edited": N_("Registration edited"),
    "participant.merged": N_("Registrations merged: this one kept"),
    "participant.merged_away": N_("Registrations merged: this one cancelled"),
    "participant.restored": N_("Registration restored"),
    "participant.erased": N_("Personal data erased"),
    "participant.updated_by_import": N_("Registration updated by an import"),
    "participant.walk_in": N_("Walk-in registered"),
    "postcards.made": N_("Postcards made"),
    "registrations.imported": N_("Registrations imported"),
    "seat.walk_in": N_("Walk-in seated"),
    "seating.assigned": N_("Seating made"),
    "seating.moved": N_("Moved to another table"),
    "seating.partners_swapped": N_("Duo partners swapped"),
    "selection.locked": N_("Ten best locked"),
    "table.pin_wrong": N_("Wrong PIN at a table"),
    "selection.unlocked": N_("Ten best unlocked"),
    "synthesis.clustered": N_("A theme's ideas grouped"),
    "synthesis.idea_moved": N_("Idea moved to another cluster"),
    "synthesis.kind_set": N_("Cluster marked as a key or a barrier"),
    "synthesis.merged": N_("Clusters merged"),
    "synthesis.new_ideas_placed": N_("New ideas placed in clusters"),
    "synthesis.renamed": N_("Cluster renamed"),
    "synthesis.split": N_("Cluster split"),
    "synthesis.summary_saved": N_("Cluster summary saved"),
    "vote.dots": N_("Dots of one person"),
    "vote.tally": N_("Dots counted"),
}
# The rooms of the day an action code starts with, as the log's filter offers them.
ROOMS: dict[str, str] = {
    "check_in": N_("Front desk"),
    "participant": N_("Registrations"),
    "registrations": N_("Registrations"),
    "badge": N_("Badges"),
    "seat": N_("Seating"),
    "seating": N_("Seating"),
    "idea": N_("Tables"),
    "vote": N_("Tables"),
    "selection": N_("Tables"),
    "concept": N_("Tables"),
    "facilitator": N_("Tables"),
    "table": N_("Tables"),
    "organiser": N_("Organisers and sign-ins"),
    "guard": N_("Organisers and sign-ins"),
    "diversity": N_("Diversity"),
    "event": N_("The event and the database"),
    "database": N_("The event and the database"),
    "demo": N_("The event and the database"),
    "commitment": N_("After the day"),
    "synthesis": N_("After the day"),
    "follow_up": N_("After the day"),
    "postcards": N_("After the day"),
}
Cell = str | int | None
SHOWN_AT_MOST = 2000  # a screenful of pages; the filter narrows the rest


@dataclass(frozen=True)
class AuditFilter:
    """What the organiser narrows the log to; None or empty: everything."""

    room: str | None = None  # one of `rooms()` (a msgid)
    words: str = ""  # in who did it or in the details
    on: dt.date | None = None  # the (local) day it happened


@dataclass(frozen=True)
class AuditRow:
    """One entry as the log shows it."""

    id: int
    at: dt.datetime
    actor: str
    station: str
    action: str
    subject_type: str
    subject_id: int | None
    details: str  # the entry's details in short, "key: value" after one another


def action_words(action: str) -> str:
    """What an action code means, in the interface language ('Checked in')."""
    words = ACTION_WORDS.get(action)
    return _(words) if words is not None else action


def rooms() -> list[str]:
    """The rooms the log can be narrowed to (msgids), each once, in the day's order."""
    return list(dict.fromkeys(ROOMS.values()))


def _details_in_short(details: str) -> str:
    try:
        values = json.loads(details or "{}")
    except ValueError:
        return details
    if not isinstance(values, dict):
        return str(values)
    return " · ".join(f"{key}: {value}" for key, value in values.items())


def _filtered(query: Select[AuditEntry], chosen: AuditFilter) -> Select[AuditEntry]:
    if chosen.room is not None:
        prefixes = [prefix for prefix, room in ROOMS.items() if room == chosen.room]
        query = query.where(or_(*(AuditEntry.action.like(f"{p}.%") for p in prefixes)))
    if chosen.on is not None:
        # The day as the organiser lives it: local midnight to midnight, stored in UTC.
        start = dt.datetime.combine(chosen.on, dt.time()).astimezone()
        query = query.where(
            AuditEntry.at >= start.astimezone(dt.UTC),
            AuditEntry.at < (start + dt.timedelta(days=1)).astimezone(dt.UTC),
        )
    return query


def read_audit_log(database: Database, chosen: AuditFilter | None = None) -> list[AuditRow]:
    """The entries that pass `chosen`, newest first (at most SHOWN_AT_MOST)."""
    chosen = chosen or AuditFilter()
    words = fold(chosen.words).split()
    query = _filtered(select(AuditEntry), chosen).order_by(AuditEntry.id.desc())
    if not words:
        query = query.limit(SHOWN_AT_MOST)
    rows: list[AuditRow] = []
    with database.reading() as session:
        # The words are matched here, folded as the desk's search folds names ("ozkan"
        # finds "Özkan"); the database narrows by room and day first.
        for entry in session.scalars(query):
            details = _details_in_short(entry.details)
            if words:
                haystack = fold(f"{entry.actor} {details} {entry.station}")
                if not all(word in haystack for word in words):
                    continue
            rows.append(
                AuditRow(
                    id=entry.id,
                    at=entry.at,
                    actor=entry.actor,
                    station=entry.station,
                    action=entry.action,
                    subject_type=entry.subject_type,
                    subject_id=entry.subject_id,
                    details=details,
                )
            )
            if len(rows) >= SHOWN_AT_MOST:
                break
    return rows


def audit_rows(database: Database) -> tuple[list[str], list[list[Cell]]]:
    """The log for an export: when (ISO, UTC), laptop, kind of change, on what. Never who
    did it nor the details: both may hold a person's name or words."""
    header = [_("When (UTC)"), _("Laptop"), _("What"), _("Code"), _("On"), _("Number")]
    rows: list[list[Cell]] = []
    with database.reading() as session:
        for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            rows.append(
                [
                    entry.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"),
                    entry.station,
                    action_words(entry.action),
                    entry.action,
                    entry.subject_type,
                    entry.subject_id,
                ]
            )
    return header, rows
