"""Each person's own commitment ("wat ga ik zelf doen?"), written at the end of their
table's session, or typed later by an organiser from the printed card.

One commitment per person per day, short enough for a postcard; saving a blank text
takes it away. Every change is one transaction with its audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.tables.access import TableAccess
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Commitment, Duo, Participant, Seat, Table

# What fits the postcard's message side in a type still easy to read.
MAX_COMMITMENT = 400


@dataclass(frozen=True)
class PersonCommitment:
    """Someone seated at the table, with their duo and what they will do themselves."""

    participant_id: int
    name: str
    duo_number: int | None
    text: str


def commitments_at_table(database: Database, access: TableAccess) -> list[PersonCommitment]:
    """The people seated at the table on its day, by duo then name, each with their
    commitment ("" until one is written)."""
    with database.reading() as session:
        day_id = session.scalar(select(Table.day_id).where(Table.id == access.table_id))
        rows = session.execute(
            select(
                Participant.id,
                Participant.first_name,
                Participant.last_name,
                Duo.number,
                Commitment.text,
            )
            .join(Seat, Seat.participant_id == Participant.id)
            .outerjoin(Duo, Duo.id == Seat.duo_id)
            .outerjoin(
                Commitment,
                (Commitment.participant_id == Participant.id) & (Commitment.day_id == day_id),
            )
            .where(Seat.table_id == access.table_id)
        ).all()
    people = [
        PersonCommitment(person, f"{first} {last}".strip(), duo, text or "")
        for person, first, last, duo, text in rows
    ]
    # Those without a duo (seated late) come last.
    people.sort(
        key=lambda p: (p.duo_number is None, p.duo_number or 0, p.name.casefold(), p.participant_id)
    )
    return people


def save_commitment(
    database: Database, access: TableAccess, participant_id: int, text: str
) -> None:
    """Store what one person at the table will do themselves; a blank `text` removes it,
    the same text again writes nothing."""
    cleaned = text.strip()
    if len(cleaned) > MAX_COMMITMENT:
        raise InputRejected(
            _("A commitment can be at most {most} characters, to fit on the postcard.").format(
                most=MAX_COMMITMENT
            )
        )
    with database.transaction() as session:
        day_id = session.scalar(
            select(Seat.day_id).where(
                Seat.table_id == access.table_id, Seat.participant_id == participant_id
            )
        )
        if day_id is None:
            raise InputRejected(
                _(
                    "That person does not sit at table {number}: write a commitment only for "
                    "the table's own people."
                ).format(number=access.table_number)
            )
        commitment = session.scalars(
            select(Commitment).where(
                Commitment.participant_id == participant_id, Commitment.day_id == day_id
            )
        ).first()
        details = {"participant_id": participant_id, "table": access.table_number}
        if not cleaned:
            if commitment is None:
                return
            session.delete(commitment)
            audit.record(
                session,
                action="commitment.removed",
                actor=access.actor,
                subject_type="commitment",
                subject_id=commitment.id,
                details=details,
            )
            return
        if commitment is None:
            commitment = Commitment(
                participant_id=participant_id,
                day_id=day_id,
                text=cleaned,
                entered_by=access.actor[:100],
            )
            session.add(commitment)
            session.flush()
        elif commitment.text == cleaned:
            return
        else:
            commitment.text = cleaned
            commitment.updated_at = dt.datetime.now(dt.UTC)
        audit.record(
            session,
            action="commitment.saved",
            actor=access.actor,
            subject_type="commitment",
            subject_id=commitment.id,
            details={**details, "characters": len(cleaned)},
        )
