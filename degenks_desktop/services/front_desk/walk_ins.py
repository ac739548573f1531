"""Walk-ins: register someone at the desk and check them in, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.domain.invisible_text import strip_invisible
from degenks_desktop.domain.profiles import ProfileAnswers, answer_problem
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.domain.text_matching import fold
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.front_desk.check_ins import record_check_in
from degenks_desktop.services.front_desk.search import Match, find_participants
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import event_neighbourhoods, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Day, Participant, Profile, Theme

MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class WalkIn:
    """What the desk asks a walk-in: name, day, theme; the rest is optional."""

    first_name: str
    last_name: str
    day_id: int
    theme_id: int | None  # None until the clerk has chosen: refused, never guessed
    second_theme_id: int | None = None
    email: str | None = None
    phone: str | None = None
    language_need: str | None = None
    desk_note: str | None = None
    consent: bool = False
    answers: ProfileAnswers = field(default_factory=ProfileAnswers)
    # May the city contact them after the day (the postcard)? Another consent than the
    # diversity questions'; the address is added by the organisers later.
    contact_consent: bool = False


@dataclass(frozen=True)
class WalkInResult:
    """The new participant, their badge code and their check-in."""

    participant_id: int
    badge_code: str
    name: str
    check_in_uid: str


def same_name_registrations(database: Database, first_name: str, last_name: str) -> list[Match]:
    """People already registered under this name: often the walk-in is one of them."""
    typed = f"{first_name} {last_name}".strip()
    if not typed:
        return []
    wanted = f"{fold(first_name)} {fold(last_name)}".strip()
    return [
        match
        for match in find_participants(database, typed, limit=50)
        if match.status != RegistrationStatus.CANCELLED
        and f"{fold(match.first_name)} {fold(match.last_name)}".strip() == wanted
    ]


def clean_text(text: str | None) -> str | None:
    """What was typed into an optional field, without invisible characters and the spaces
    around it; None when nothing is left."""
    text = strip_invisible(text or "").strip()
    return text or None


def checked_names(first_name: str, last_name: str) -> tuple[str, str]:
    """A person's first and last name as they are stored, or InputRejected: one of the
    two is needed, and neither may be longer than a name column keeps.

    The walk-in form and the organisers' edits of a registration both check names here.
    """
    # Invisible characters (a right-to-left override, a zero-width space pasted along)
    # would make a name that looks like another's, or one the search never finds.
    first_name = strip_invisible(first_name).strip()
    last_name = strip_invisible(last_name).strip()
    if not first_name and not last_name:
        raise InputRejected(_("Fill in a first or last name."))
    if max(len(first_name), len(last_name)) > MAX_NAME_LENGTH:
        raise InputRejected(
            _("A name can be at most {most} characters long.").format(most=MAX_NAME_LENGTH)
        )
    return first_name, last_name


def register_walk_in(
    database: Database, walk_in: WalkIn, *, desk: str, actor: str = ""
) -> WalkInResult:
    """Register `walk_in`, give them a badge code and check them in on their day."""
    first_name, last_name = checked_names(walk_in.first_name, walk_in.last_name)
    with database.transaction() as session:
        event = require_event(session)
        day = session.get(Day, walk_in.day_id)
        if day is None or day.event_id != event.id:
            raise InputRejected(_("Choose one of the event's days."))
        if walk_in.theme_id is None:
            raise InputRejected(_("Choose the theme this person wants to work on."))
        theme_ids = set(session.scalars(select(Theme.id).where(Theme.event_id == event.id)))
        if walk_in.theme_id not in theme_ids:
            raise InputRejected(_("Choose one of the event's themes."))
        if walk_in.second_theme_id is not None and walk_in.second_theme_id not in theme_ids:
            raise InputRejected(_("Choose one of the event's themes."))
        neighbourhoods = event_neighbourhoods(session, event.id)
        problem = answer_problem(
            walk_in.answers,
            consent=walk_in.consent,
            neighbourhoods=neighbourhoods,
            event_year=day.date.year,
        )
        if problem:
            raise InputRejected(problem)
        code = new_badge_code()
        while session.scalar(select(Participant.id).where(Participant.badge_code == code)):
            code = new_badge_code()
        person = Participant(
            event_id=event.id,
            first_name=first_name,
            last_name=last_name,
            email=clean_text(walk_in.email),
            phone=clean_text(walk_in.phone),
            language_need=clean_text(walk_in.language_need),
            desk_note=clean_text(walk_in.desk_note),
            day_id=day.id,
            first_theme_id=walk_in.theme_id,
            second_theme_id=walk_in.second_theme_id,
            status=RegistrationStatus.WALK_IN,
            badge_code=code,
            profile_consent=walk_in.consent,
            contact_consent=walk_in.contact_consent,
            source="walk_in",
        )
        if walk_in.consent and not walk_in.answers.is_empty():
            person.profile = Profile.from_answers(walk_in.answers)
        session.add(person)
        session.flush()
        audit.record(
            session,
            action="participant.walk_in",
            actor=actor or desk,
            subject_type="participant",
            subject_id=person.id,
            details={"desk": desk, "day_id": day.id},
        )
        check_in = record_check_in(
            session, participant_id=person.id, day_id=day.id, desk=desk, actor=actor
        )
        return WalkInResult(
            participant_id=person.id,
            badge_code=code,
            name=person.full_name,
            check_in_uid=check_in.uid,
        )
