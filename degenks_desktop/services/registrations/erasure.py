"""A person's consent taken back, or their personal data erased after the event.

Withdrawing consent deletes the diversity answers at once (the audit says it happened,
never what the answers were); the consent to be contacted after the day is another
consent and stays as it is. Erasing goes further: name, contact details, the postal
address and the consent to be contacted, notes, the stay-with label and the answers
go, and the badge code is replaced so that a printed badge no longer points at the row.
What stays is anonymous: the day, the themes, the seat, the check-ins and the ideas
their duo made, so the counts and the report still add up.
"""

from __future__ import annotations

from sqlalchemy import select

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.errors import NotFound, NothingToDo
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant

# What an erased person is called in lists and the report: no name, and nobody's.
ERASED_NAME = "—"


def withdraw_consent(database: Database, participant_id: int, *, actor: str = "") -> None:
    """Delete the person's diversity answers and their consent to them (NothingToDo if
    neither was there); the consent to be contacted after the day is not this one."""
    with database.transaction() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
        if not person.profile_consent and person.profile is None:
            raise NothingToDo(
                _("Participant {id} has no diversity answers and gave no consent.").format(
                    id=participant_id
                )
            )
        person.profile_consent = False
        person.profile = None  # deleted with the row's cascade, not kept aside
        audit.record(
            session,
            action="participant.consent_withdrawn",
            actor=actor,
            subject_type="participant",
            subject_id=participant_id,
        )


def erase_person(database: Database, participant_id: int, *, actor: str = "") -> None:
    """Erase what identifies the person, keeping what they took part in, anonymously
    (NothingToDo if they were erased already)."""
    with database.transaction() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
        if is_erased(person):
            raise NothingToDo(
                _("The personal data of participant {id} was erased already.").format(
                    id=participant_id
                )
            )
        taken = set(session.scalars(select(Participant.badge_code)))
        code = new_badge_code()
        while code in taken:
            code = new_badge_code()
        person.first_name = ""
        person.last_name = ERASED_NAME
        person.email = None
        person.phone = None
        person.language_need = None
        person.desk_note = None
        person.stay_with = None
        person.street = None
        person.postcode = None
        person.town = None
        person.contact_consent = False
        person.profile_consent = False
        person.profile = None
        person.badge_code = code
        audit.record(
            session,
            action="participant.erased",
            actor=actor,
            subject_type="participant",
            subject_id=participant_id,
        )


def is_erased(person: Participant) -> bool:
    """Whether this row is what `erase_person` leaves of someone."""
    return person.first_name == "" and person.last_name == ERASED_NAME and person.email is None
