"""The organisers' registrations list: find anyone, and fix anything about them.

Every change is one transaction with its audit entry (ids and field names, never a name
or an e-mail) and is refused with one sentence, leaving the database as it was, when it
cannot be made. Two laptops editing the same person: each registration carries a version
that SQLAlchemy checks on every save (optimistic locking, `Participant.version`), so the
later save of an old version is refused instead of silently undoing the first.

A person who moves to another day or theme, or whose registration is cancelled, leaves
their seat, and the duos at that table are re-formed the way a re-form of the day does
(`services.organising.seating.leave_seats`); someone expected on a day already seated
gets a chair as a walk-in does (`take_free_chair`), so that both days stay consistent.
Checking in and undoing it are the front desk's own functions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.import_values import LANGUAGE_WORDS
from degenks_desktop.domain.registration import EXPECTED_STATUSES, RegistrationStatus
from degenks_desktop.domain.search import rank_for
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import ConflictingChange, InputRejected, NotFound, NothingToDo
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import (
    CheckInStatus,
    check_in_participant,
    undo_check_in,
)
from degenks_desktop.services.front_desk.search import matching_conditions
from degenks_desktop.services.front_desk.walk_ins import checked_names, clean_text
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_event
from degenks_desktop.services.organising.seating import leave_seats, take_free_chair
from degenks_desktop.services.registrations.draw import fill_from_waiting_list
from degenks_desktop.services.registrations.matching import EMAIL
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    AuditEntry,
    BadgePrint,
    CheckIn,
    Day,
    Participant,
    Profile,
    Seat,
    Table,
    Theme,
    Vote,
)

ADDRESS_FIELDS = ("street", "postcode", "town")
"""The postal address, for the postcard after the day: kept and moved as a whole."""
TEXT_FIELDS = ("email", "phone", "language_need", "desk_note", "stay_with", *ADDRESS_FIELDS)
"""Optional texts: cleaned of invisible characters, empty is None."""
EDITABLE_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        *TEXT_FIELDS,
        "language",
        "profile_consent",
        "contact_consent",
        "day_id",
        "first_theme_id",
        "second_theme_id",
    }
)
"""What `update_registration` changes: attribute names of `Participant`."""
MERGED_AWAY = "participant.merged_away"
NOTE_SEPARATOR = " · "


def conflict_message() -> str:
    """The sentence for a save of a registration that another laptop changed meanwhile."""
    return _("Someone else changed this registration meanwhile: look at it again, then save.")


@dataclass(frozen=True)
class RegistrationFilters:
    """What the organisers' list shows: the desk's search text and the filters."""

    text: str = ""
    day_id: int | None = None
    theme_id: int | None = None
    """People who chose this theme, first or second."""
    status: RegistrationStatus | None = None
    checked_in: bool | None = None
    """On their own day: True only those checked in, False only those not (yet)."""
    with_note: bool = False
    without_consent: bool = False


@dataclass(frozen=True)
class RegistrationRow:
    """One registration as the list and its form show it."""

    id: int
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    language: str
    language_need: str | None
    desk_note: str | None
    stay_with: str | None
    day_id: int | None
    day_number: int | None
    first_theme_id: int | None
    first_theme: str
    second_theme_id: int | None
    second_theme: str
    status: RegistrationStatus
    checked_in: bool
    """Checked in on their own day (a check-in that stands)."""
    checked_in_days: tuple[int, ...]
    """The numbers of every day they are checked in on, their own or another."""
    consent: bool
    badge_code: str
    version: int
    registered_at: dt.datetime
    source: str
    street: str | None
    postcode: str | None
    town: str | None
    contact_consent: bool
    """May the city contact them after the day (the postcard, the follow-up)?"""

    @property
    def name(self) -> str:
        """First and last name as written."""
        return f"{self.first_name} {self.last_name}".strip()


# --- reading ----------------------------------------------------------------------------


def list_registrations(
    database: Database, filters: RegistrationFilters | None = None
) -> list[RegistrationRow]:
    """Every registration of the event that the filters let through: best matches of the
    search text first (the desk's order), else by last name."""
    filters = filters or RegistrationFilters()
    with database.reading() as session:
        rows = _rows(session, require_event(session).id, filters)
    if filters.text.strip():
        rank = rank_for(filters.text)
        rows.sort(key=lambda r: rank(r.first_name, r.last_name, r.email, r.badge_code))
    else:
        rows.sort(key=lambda r: (fold(r.last_name), fold(r.first_name), r.id))
    return rows


def registration(database: Database, participant_id: int) -> RegistrationRow:
    """One registration as the list shows it, or NotFound."""
    with database.reading() as session:
        return _row(session, participant_id)


def _row(session: Session, participant_id: int) -> RegistrationRow:
    event = require_event(session)
    found = _rows(session, event.id, RegistrationFilters(), participant_id=participant_id)
    if not found:
        raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
    return found[0]


def _rows(
    session: Session,
    event_id: int,
    filters: RegistrationFilters,
    *,
    participant_id: int | None = None,
) -> list[RegistrationRow]:
    """The registrations of the event that `filters` let through, in no order."""
    on_own_day = (
        exists()
        .where(
            CheckIn.participant_id == Participant.id,
            CheckIn.day_id == Participant.day_id,
            CheckIn.undone_at.is_(None),
        )
        .correlate(Participant)
    )
    query = (
        select(
            Participant.id,
            Participant.first_name,
            Participant.last_name,
            Participant.email,
            Participant.phone,
            Participant.language,
            Participant.language_need,
            Participant.desk_note,
            Participant.stay_with,
            Participant.day_id,
            Day.number,
            Participant.first_theme_id,
            Participant.second_theme_id,
            Participant.status,
            on_own_day.label("checked_in"),
            Participant.profile_consent,
            Participant.badge_code,
            Participant.version,
            Participant.registered_at,
            Participant.source,
            Participant.street,
            Participant.postcode,
            Participant.town,
            Participant.contact_consent,
        )
        .outerjoin(Day, Day.id == Participant.day_id)
        .where(Participant.event_id == event_id)
    )
    if participant_id is not None:
        query = query.where(Participant.id == participant_id)
    if filters.text.strip():
        query = query.where(*matching_conditions(filters.text))
    if filters.day_id is not None:
        query = query.where(Participant.day_id == filters.day_id)
    if filters.theme_id is not None:
        query = query.where(
            (Participant.first_theme_id == filters.theme_id)
            | (Participant.second_theme_id == filters.theme_id)
        )
    if filters.status is not None:
        query = query.where(Participant.status == filters.status)
    if filters.checked_in is True:
        query = query.where(on_own_day)
    elif filters.checked_in is False:
        query = query.where(~on_own_day)
    if filters.with_note:
        query = query.where(Participant.desk_note.is_not(None), Participant.desk_note != "")
    if filters.without_consent:
        query = query.where(Participant.profile_consent.is_(False))
    found = session.execute(query).all()
    themes: dict[int | None, str] = {
        theme_id: name
        for theme_id, name in session.execute(
            select(Theme.id, Theme.name).where(Theme.event_id == event_id)
        )
    }
    arrivals = select(CheckIn.participant_id, Day.number).join(Day, Day.id == CheckIn.day_id)
    arrivals = arrivals.where(Day.event_id == event_id, CheckIn.undone_at.is_(None))
    if participant_id is not None:
        arrivals = arrivals.where(CheckIn.participant_id == participant_id)
    days_in: dict[int, list[int]] = {}
    for person, number in session.execute(arrivals.order_by(Day.number)):
        days_in.setdefault(person, []).append(number)
    return [
        RegistrationRow(
            id=row.id,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            phone=row.phone,
            language=row.language,
            language_need=row.language_need,
            desk_note=row.desk_note,
            stay_with=row.stay_with,
            day_id=row.day_id,
            day_number=row.number,
            first_theme_id=row.first_theme_id,
            first_theme=themes.get(row.first_theme_id, ""),
            second_theme_id=row.second_theme_id,
            second_theme=themes.get(row.second_theme_id, ""),
            status=RegistrationStatus(row.status),
            checked_in=bool(row.checked_in),
            checked_in_days=tuple(days_in.get(row.id, ())),
            consent=bool(row.profile_consent),
            badge_code=row.badge_code,
            version=row.version,
            registered_at=row.registered_at,
            source=row.source,
            street=row.street,
            postcode=row.postcode,
            town=row.town,
            contact_consent=bool(row.contact_consent),
        )
        for row in found
    ]


# --- writing ----------------------------------------------------------------------------


@contextmanager
def _saving(database: Database) -> Iterator[Session]:
    """A transaction whose registrations may have been changed by another laptop: a save
    that finds another version than it read (SQLAlchemy's StaleDataError, a race on
    PostgreSQL) ends as the same sentence as a version seen to be old."""
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError as error:
        raise ConflictingChange(conflict_message()) from error


def _person(session: Session, participant_id: int, expected_version: int | None) -> Participant:
    """The registration to change, if it is still the version the organiser looked at."""
    person = session.get(Participant, participant_id)
    if person is None or person.event_id != require_event(session).id:
        raise NotFound(_("There is no participant number {id}.").format(id=participant_id))
    if expected_version is not None and person.version != expected_version:
        raise ConflictingChange(conflict_message())
    return person


def _checked(session: Session, person: Participant, changes: Mapping[str, Any]) -> dict[str, Any]:
    """`changes` as they are stored, checked as the walk-in form and the import check
    them, and only those that change something; InputRejected with the sentence of the
    first problem."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not a field of a registration: {sorted(unknown)}")
    values = {**_checked_texts(person, changes), **_checked_choices(session, person, changes)}
    # A second choice that is the first is none, as the import reads it.
    first = values.get("first_theme_id", person.first_theme_id)
    if values.get("second_theme_id", person.second_theme_id) == first:
        values["second_theme_id"] = None
    return {name: value for name, value in values.items() if getattr(person, name) != value}


def _checked_texts(person: Participant, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The names, contact details, address, notes, language and consents of `changes`,
    checked."""
    values: dict[str, Any] = {}
    if "first_name" in changes or "last_name" in changes:
        values["first_name"], values["last_name"] = checked_names(
            str(changes.get("first_name", person.first_name)),
            str(changes.get("last_name", person.last_name)),
        )
    for name in TEXT_FIELDS:
        if name in changes:
            values[name] = clean_text(changes[name])
    # The lengths are checked with every column's before the write (storage.column_fit);
    # what an e-mail address looks like, as the import checks it.
    email = values.get("email")
    if email is not None and not EMAIL.match(email):
        raise InputRejected(
            _("“{value}” is not an e-mail address: correct it, or leave it empty.").format(
                value=email
            )
        )
    if "language" in changes:
        if changes["language"] not in LANGUAGE_WORDS:
            raise InputRejected(_("Choose one of the languages in the list."))
        values["language"] = changes["language"]
    for name in ("profile_consent", "contact_consent"):
        if name in changes:
            values[name] = bool(changes[name])
    return values


def _checked_choices(
    session: Session, person: Participant, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """The day and themes of `changes`, checked against the event's."""
    values: dict[str, Any] = {}
    if "day_id" in changes:
        day = session.get(Day, changes["day_id"]) if changes["day_id"] is not None else None
        if day is None or day.event_id != person.event_id:
            raise InputRejected(_("Choose one of the event's days."))
        values["day_id"] = day.id
    if "first_theme_id" not in changes and "second_theme_id" not in changes:
        return values
    themes = set(session.scalars(select(Theme.id).where(Theme.event_id == person.event_id)))
    if "first_theme_id" in changes:
        if changes["first_theme_id"] is None:
            raise InputRejected(_("Choose the theme this person wants to work on."))
        if changes["first_theme_id"] not in themes:
            raise InputRejected(_("Choose one of the event's themes."))
        values["first_theme_id"] = changes["first_theme_id"]
    if "second_theme_id" in changes:
        if changes["second_theme_id"] is not None and changes["second_theme_id"] not in themes:
            raise InputRejected(_("Choose one of the event's themes."))
        values["second_theme_id"] = changes["second_theme_id"]
    return values


def _seat_theme(session: Session, participant_id: int, day_id: int) -> int | None:
    """The theme of the table someone sits at on a day, or None without a seat."""
    return session.scalar(
        select(Table.theme_id)
        .join(Seat, Seat.table_id == Table.id)
        .where(Seat.participant_id == participant_id, Seat.day_id == day_id)
    )


def _seat_if_due(session: Session, person: Participant) -> int | None:
    """A chair for `person` on their own day when they should have one there and have
    none; the table's id. As the seating decides who sits: people expected on the day,
    and once check-in has started there only the people checked in."""
    if person.status not in EXPECTED_STATUSES or person.day_id is None:
        return None
    if _seat_theme(session, person.id, person.day_id) is not None:
        return None
    day = session.get(Day, person.day_id)
    assert day is not None
    standing = select(CheckIn.id).where(CheckIn.day_id == day.id, CheckIn.undone_at.is_(None))
    check_in_started = session.scalar(standing.limit(1)) is not None
    arrived = session.scalar(standing.where(CheckIn.participant_id == person.id).limit(1))
    if check_in_started and arrived is None:
        return None
    table = take_free_chair(session, person, day)
    return table.id if table is not None else None


def _reseat(
    session: Session, person: Participant, *, old_day: int | None, old_first: int | None
) -> dict[str, Any]:
    """After a change of day or themes: the seat that no longer fits goes (its duos
    re-formed), and a chair on the day that fits is taken; what happened, for the audit."""
    left: list[int] = []
    if old_day is not None and person.day_id != old_day:
        left += leave_seats(session, person.id, day_id=old_day)
    elif person.day_id is not None:
        theme = _seat_theme(session, person.id, person.day_id)
        if theme is not None and (
            person.first_theme_id != old_first
            or theme not in (person.first_theme_id, person.second_theme_id)
        ):
            left += leave_seats(session, person.id, day_id=person.day_id)
    took = _seat_if_due(session, person)
    return {
        **({"left_tables": left} if left else {}),
        **({"took_table": took} if took is not None else {}),
    }


def update_registration(
    database: Database,
    participant_id: int,
    expected_version: int,
    changes: Mapping[str, Any],
    actor: str,
) -> RegistrationRow:
    """Change any of a registration's fields (`EDITABLE_FIELDS`, by attribute name) if it
    is still at `expected_version`; the registration as it is now.

    Checked as the walk-in form and the import check: a name is needed, an e-mail address
    must look like one, the day and themes must be the event's, no text may be longer
    than its column. Taking consent back deletes the diversity answers.
    """
    with _saving(database) as session:
        person = _person(session, participant_id, expected_version)
        values = _checked(session, person, changes)
        if not values:
            return _row(session, participant_id)
        old_day, old_first = person.day_id, person.first_theme_id
        for name, value in values.items():
            setattr(person, name, value)
        if values.get("profile_consent") is False and person.profile is not None:
            person.profile = None  # the answers are deleted, not kept aside
            audit.record(
                session,
                action="participant.consent_withdrawn",
                actor=actor,
                subject_type="participant",
                subject_id=person.id,
            )
        session.flush()
        seating = (
            _reseat(session, person, old_day=old_day, old_first=old_first)
            if {"day_id", "first_theme_id", "second_theme_id"} & set(values)
            else {}
        )
        audit.record(
            session,
            action="participant.edited",
            actor=actor,
            subject_type="participant",
            subject_id=person.id,
            details={"fields": sorted(values), **seating},
        )
        session.flush()
        return _row(session, participant_id)


def cancel_registration(
    database: Database, participant_id: int, expected_version: int, actor: str
) -> RegistrationRow:
    """Cancel a registration (kept, never deleted): the person leaves their seats and the
    desk no longer expects them; someone selected in a draw makes room for the first on
    the waiting list who keeps the quotas. Refused for someone checked in: undo that first."""
    with _saving(database) as session:
        person = _person(session, participant_id, expected_version)
        if person.status == RegistrationStatus.CANCELLED:
            raise NothingToDo(_("This registration is cancelled already."))
        checked_in = session.scalar(
            select(CheckIn.id)
            .where(CheckIn.participant_id == person.id, CheckIn.undone_at.is_(None))
            .limit(1)
        )
        if checked_in is not None:
            raise InputRejected(
                _("This person has checked in: undo the check-in first, then cancel.")
            )
        before = person.status
        person.status = RegistrationStatus.CANCELLED
        session.flush()
        left = leave_seats(session, person.id)
        moved_up = fill_from_waiting_list(session, person, actor=actor)
        audit.record(
            session,
            action="participant.cancelled",
            actor=actor,
            subject_type="participant",
            subject_id=person.id,
            details={
                "from": before.value,
                **({"left_tables": left} if left else {}),
                **({"moved_up": moved_up} if moved_up else {}),
            },
        )
        session.flush()
        return _row(session, participant_id)


def _audit_of(session: Session, participant_id: int, action: str) -> AuditEntry | None:
    """The latest audit entry `action` about a participant."""
    return session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.subject_type == "participant",
            AuditEntry.subject_id == participant_id,
            AuditEntry.action == action,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()


def restore_registration(
    database: Database, participant_id: int, expected_version: int, actor: str
) -> RegistrationRow:
    """Undo a cancellation: the status it had before (as the audit of the cancellation
    says), and a chair on a day already seated. Refused for a record merged into another."""
    with _saving(database) as session:
        person = _person(session, participant_id, expected_version)
        if person.status != RegistrationStatus.CANCELLED:
            raise NothingToDo(_("This registration is not cancelled."))
        if _audit_of(session, person.id, MERGED_AWAY) is not None:
            raise InputRejected(
                _("This registration was merged into another one: change that one instead.")
            )
        cancelled = _audit_of(session, person.id, "participant.cancelled")
        before = json.loads(cancelled.details).get("from") if cancelled is not None else None
        fallback = (
            RegistrationStatus.WALK_IN
            if person.source == "walk_in"
            else RegistrationStatus.REGISTERED
        )
        known = {status.value for status in RegistrationStatus}
        status = RegistrationStatus(before) if before in known else fallback
        person.status = fallback if status == RegistrationStatus.CANCELLED else status
        session.flush()
        took = _seat_if_due(session, person)
        audit.record(
            session,
            action="participant.restored",
            actor=actor,
            subject_type="participant",
            subject_id=person.id,
            details={
                "status": person.status.value,
                **({"took_table": took} if took is not None else {}),
            },
        )
        session.flush()
        return _row(session, participant_id)


# --- check-ins: the desk's own functions ------------------------------------------------


def undo_check_in_of(
    database: Database,
    participant_id: int,
    *,
    day_number: int,
    desk: str,
    reason: str = "",
) -> RegistrationRow:
    """Undo someone's check-in on a day, as the desk does (marked, never deleted; audited
    under `desk`); the registration as it is now."""
    if not undo_check_in(database, participant_id, desk=desk, day_number=day_number, reason=reason):
        raise NothingToDo(
            _("This person is not checked in on day {number}.").format(number=day_number)
        )
    return registration(database, participant_id)


def check_in_again(
    database: Database, participant_id: int, *, day_number: int, desk: str, actor: str
) -> RegistrationRow:
    """Check someone in on a day, as the desk does (on any day the organiser says; never a
    cancelled registration); the registration as it is now."""
    result = check_in_participant(
        database, participant_id, desk=desk, day_number=day_number, actor=actor, any_day=True
    )
    if result.status == CheckInStatus.CANCELLED:
        raise InputRejected(_("A cancelled registration is not checked in: restore it first."))
    if result.status == CheckInStatus.ALREADY:
        raise NothingToDo(
            _("This person is checked in on day {number} already.").format(number=day_number)
        )
    return registration(database, participant_id)


# --- merging two records of one person --------------------------------------------------


def _joined_notes(*notes: str | None) -> str | None:
    """Both records' notes, each once, in order."""
    kept: list[str] = []
    for note in notes:
        if note and note not in kept:
            kept.append(note)
    return NOTE_SEPARATOR.join(kept) or None


def _merge_profiles(keep: Participant, other: Participant) -> None:
    """The diversity answers given with consent: the kept record's, else the other's;
    the other record keeps none (no second copy of special-category data)."""
    theirs = other.profile if other.profile_consent else None
    if theirs is not None and (not keep.profile_consent or keep.profile is None):
        answers = theirs.answers()
        if keep.profile is None:
            keep.profile = Profile.from_answers(answers)
        else:  # answers kept without consent cannot stay: replaced in place
            for name, value in vars(answers).items():
                setattr(keep.profile, name, value)
        keep.profile.consent_at = theirs.consent_at
    keep.profile_consent = keep.profile_consent or other.profile_consent
    other.profile_consent = False
    other.profile = None


def _move_check_ins(session: Session, keep: Participant, other: Participant, actor: str) -> int:
    """The other record's check-ins become the kept one's; where both stand on the same
    day, the other's is marked undone (the first arrival counts once). How many moved."""
    standing = set(
        session.scalars(
            select(CheckIn.day_id).where(
                CheckIn.participant_id == keep.id, CheckIn.undone_at.is_(None)
            )
        )
    )
    theirs = session.scalars(select(CheckIn).where(CheckIn.participant_id == other.id)).all()
    for check_in in theirs:
        if check_in.undone_at is None and check_in.day_id in standing:
            check_in.undone_at = dt.datetime.now(dt.UTC)
            check_in.undone_by = actor
            check_in.undo_reason = "merged"
    session.flush()  # undone first: the database allows one standing check-in a day
    session.execute(
        update(CheckIn).where(CheckIn.participant_id == other.id).values(participant_id=keep.id)
    )
    return len(theirs)


def _move_seats(session: Session, keep: Participant, other: Participant) -> list[int]:
    """The other record's seat on the kept record's day becomes the kept one's when it has
    none there; every other seat of the other record goes, its duos re-formed. The
    tables left."""
    left: list[int] = []
    for seat in session.scalars(select(Seat).where(Seat.participant_id == other.id)).all():
        if seat.day_id == keep.day_id and _seat_theme(session, keep.id, seat.day_id) is None:
            seat.participant_id = keep.id
            session.flush()
        else:
            left += leave_seats(session, other.id, day_id=seat.day_id)
    return left


def merge_registrations(
    database: Database, keep_id: int, other_id: int, actor: str
) -> RegistrationRow:
    """Make two records of one person one: `keep_id` stays, `other_id` is merged into it.

    The kept record takes the older badge code (by registration time: the one on the
    first invitation), what it lacks of the other's contact details, postal address (as a
    whole), day and themes, the consent to be contacted if either gave it, both notes,
    the diversity answers given with consent, and the other's check-ins, seat (where
    sensible), badge prints and dots. The other record is cancelled with a
    new badge code nobody holds; its audit entries stay, and both records' histories get
    an entry naming both ids.
    """
    if keep_id == other_id:
        raise InputRejected(_("Choose two different registrations to merge."))
    with _saving(database) as session:
        keep = _person(session, keep_id, None)
        other = _person(session, other_id, None)
        if keep.status == RegistrationStatus.CANCELLED:
            raise InputRejected(
                _("The registration to keep is cancelled: restore it first, or keep the other.")
            )
        if _audit_of(session, other.id, MERGED_AWAY) is not None:
            raise NothingToDo(_("This registration was merged into another one already."))
        # The other record is cancelled, not deleted: deleting it would cascade away its
        # check-ins' and badge prints' rows before they could be told apart, and leave
        # its audit entries (append-only, kept by id) pointing at nothing. Kept as a
        # cancelled row it still explains its own history; it gets a code nobody holds,
        # so a badge or invitation printed for it scans as unknown at the desk (and the
        # clerk finds the person by name) instead of as a cancelled registration.
        taken = set(session.scalars(select(Participant.badge_code)))
        fresh = new_badge_code()
        while fresh in taken:
            fresh = new_badge_code()
        older = other.registered_at < keep.registered_at
        older_code = other.badge_code if older else keep.badge_code
        other.badge_code = fresh
        session.flush()  # the older code is free before the kept record takes it
        keep.badge_code = older_code
        filled = [
            name
            for name in ("email", "phone", "language_need", "stay_with", "day_id")
            if getattr(keep, name) is None and getattr(other, name) is not None
        ]
        for name in filled:
            setattr(keep, name, getattr(other, name))
        # The address as a whole: one record's street with the other's town is nobody's.
        if not any(getattr(keep, name) for name in ADDRESS_FIELDS) and any(
            getattr(other, name) for name in ADDRESS_FIELDS
        ):
            for name in ADDRESS_FIELDS:
                setattr(keep, name, getattr(other, name))
            filled += [name for name in ADDRESS_FIELDS if getattr(other, name)]
        if other.contact_consent and not keep.contact_consent:
            keep.contact_consent = True  # agreed on one record: as with the diversity consent
            filled.append("contact_consent")
        if keep.first_theme_id is None and other.first_theme_id is not None:
            keep.first_theme_id, keep.second_theme_id = (
                other.first_theme_id,
                keep.second_theme_id or other.second_theme_id,
            )
            filled.append("first_theme_id")
        keep.desk_note = _joined_notes(keep.desk_note, other.desk_note)
        _merge_profiles(keep, other)
        other.status = RegistrationStatus.CANCELLED
        session.flush()
        moved = _move_check_ins(session, keep, other, actor)
        left = _move_seats(session, keep, other)
        for model in (BadgePrint, Vote):
            session.execute(
                update(model).where(model.participant_id == other.id).values(participant_id=keep.id)
            )
        took = _seat_if_due(session, keep)
        details = {
            "kept": keep.id,
            "merged": other.id,
            "older_code_from": other.id if older else keep.id,
            "filled": sorted(filled),
            "check_ins_moved": moved,
            **({"left_tables": left} if left else {}),
            **({"took_table": took} if took is not None else {}),
        }
        for action, subject in (("participant.merged", keep.id), (MERGED_AWAY, other.id)):
            audit.record(
                session,
                action=action,
                actor=actor,
                subject_type="participant",
                subject_id=subject,
                details=details,
            )
        session.flush()
        return _row(session, keep.id)
