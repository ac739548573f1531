"""The diversity matrix: which categories the organisers watch, their targets, and the
live comparison of registered and present people with those targets.

Answers leave this module only as counts per value, with groups under five hidden and so
hidden that no total, share or other day's view gives them away (`domain.disclosure`).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from degenks_desktop.domain.disclosure import Bounds
from degenks_desktop.domain.diversity import (
    DEFAULT_WATCHED,
    ILLUSTRATIVE_TARGETS,
    NEIGHBOURHOOD_KEY,
    PRESENT_REMAINDER,
    REGISTERED_REMAINDER,
    CategoryMatrix,
    Tally,
    age_band,
    category_by_key,
    category_matrices,
)
from degenks_desktop.domain.registration import EXPECTED_STATUSES
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import event_neighbourhoods, require_event
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    CheckIn,
    Day,
    DiversityTarget,
    Participant,
    Profile,
    WatchedCategory,
)

PROFILE_COLUMNS = {
    "gender": Profile.gender,
    "origin": Profile.origin,
    "education": Profile.education,
    NEIGHBOURHOOD_KEY: Profile.neighbourhood,
    "work_situation": Profile.work_situation,
    "years_in_genk": Profile.years_in_genk,
}


def install_default_targets(session: Session, event_id: int, *, illustrative: bool) -> None:
    """Watch the default categories; with `illustrative`, add the demo's example targets."""
    for position, key in enumerate(DEFAULT_WATCHED):
        session.add(WatchedCategory(event_id=event_id, category=key, position=position))
    if not illustrative:
        return
    for key, shares in ILLUSTRATIVE_TARGETS.items():
        for value, share in shares.items():
            session.add(
                DiversityTarget(
                    event_id=event_id, category=key, value=value, share=share, illustrative=True
                )
            )
    neighbourhoods = event_neighbourhoods(session, event_id)
    for name in neighbourhoods:
        session.add(
            DiversityTarget(
                event_id=event_id,
                category=NEIGHBOURHOOD_KEY,
                value=name,
                share=round(1 / len(neighbourhoods), 4),
                illustrative=True,
            )
        )


def watched_categories(database: Database) -> list[str]:
    """The keys of the categories the organisers watch, in their order."""
    with database.reading() as session:
        event = require_event(session)
        return list(
            session.scalars(
                select(WatchedCategory.category)
                .where(WatchedCategory.event_id == event.id)
                .order_by(WatchedCategory.position)
            )
        )


def set_watched_categories(database: Database, keys: list[str], *, actor: str = "") -> None:
    """Watch exactly `keys`, in that order."""
    unknown = [key for key in keys if category_by_key(key) is None]
    if unknown:
        raise InputRejected(
            _("There is no diversity category called {name}.").format(name=unknown[0])
        )
    with database.transaction() as session:
        event = require_event(session)
        session.execute(delete(WatchedCategory).where(WatchedCategory.event_id == event.id))
        for position, key in enumerate(dict.fromkeys(keys)):
            session.add(WatchedCategory(event_id=event.id, category=key, position=position))
        audit.record(
            session,
            action="diversity.watched_changed",
            actor=actor,
            subject_type="event",
            subject_id=event.id,
            details={"categories": keys},
        )


def set_target(
    database: Database, *, category: str, value: str, share: float, actor: str = ""
) -> None:
    """Set the target share (0 to 1) of `value` in `category`; the city's figure, not a guess."""
    if not 0 <= share <= 1:
        raise InputRejected(_("A target must be a percentage from 0 to 100."))
    with database.transaction() as session:
        event = require_event(session)
        known = category_by_key(category, event_neighbourhoods(session, event.id))
        if known is None or value not in known.values:
            raise InputRejected(
                _("{value} is not a value of the category {category}.").format(
                    value=value, category=category
                )
            )
        target = session.scalars(
            select(DiversityTarget).where(
                DiversityTarget.event_id == event.id,
                DiversityTarget.category == category,
                DiversityTarget.value == value,
            )
        ).first()
        if target is None:
            target = DiversityTarget(event_id=event.id, category=category, value=value, share=0)
            session.add(target)
        old = target.share
        target.share = share
        target.illustrative = False
        audit.record(
            session,
            action="diversity.target_set",
            actor=actor,
            subject_type="event",
            subject_id=event.id,
            details={"category": category, "value": value, "old": old, "new": share},
        )


def targets_are_illustrative(database: Database) -> bool:
    """Whether any target is still one of the demo's illustrative figures."""
    with database.reading() as session:
        event = require_event(session)
        return (
            session.scalars(
                select(DiversityTarget.id)
                .where(DiversityTarget.event_id == event.id, DiversityTarget.illustrative)
                .limit(1)
            ).first()
            is not None
        )


def _answers(session: Session, key: str, people: set[int], event_year: int) -> dict[int, str]:
    """The answer each of `people` gave for the category `key` (who did not answer: absent)."""
    found: dict[int, str] = {}
    ordered = sorted(people)
    for chunk_start in range(0, len(ordered), 500):
        chunk = ordered[chunk_start : chunk_start + 500]
        if key == "age_band":
            for person, year in session.execute(
                select(Profile.participant_id, Profile.birth_year).where(
                    Profile.participant_id.in_(chunk), Profile.birth_year.is_not(None)
                )
            ).all():
                if year is not None:
                    found[person] = age_band(year, event_year)
        else:
            column = PROFILE_COLUMNS[key]
            for person, answer in session.execute(
                select(Profile.participant_id, column).where(
                    Profile.participant_id.in_(chunk), column.is_not(None)
                )
            ).all():
                if answer:
                    found[person] = answer
    return found


def _tally(
    answers: dict[int, str],
    everyone: set[int],
    by_day: dict[int, set[int]],
    remainder: Bounds,
) -> Tally:
    """How many gave each answer, in the event (`everyone`) and on each day."""
    return Tally(
        event=Counter(answers[p] for p in everyone if p in answers),
        days={
            day: Counter(answers[p] for p in people if p in answers)
            for day, people in by_day.items()
        },
        remainder=remainder,
    )


def diversity_matrix(database: Database, *, day_id: int | None = None) -> list[CategoryMatrix]:
    """Registered and checked-in people against the targets, per watched category.

    `day_id` limits the view to one day; only people who consented are counted. Every
    day and the whole event are protected as one table, so that no view's hidden counts
    follow from another view's.
    """
    with database.reading() as session:
        event = require_event(session)
        days = session.execute(
            select(Day.id, Day.date).where(Day.event_id == event.id).order_by(Day.number)
        ).all()
        event_year = days[0].date.year if days else 2013
        day_ids = [day.id for day in days]
        if day_id is not None and day_id not in day_ids:
            day_ids.append(day_id)  # not a day of this event: nobody on it
        registered_by_day: dict[int, set[int]] = {day: set() for day in day_ids}
        registered: set[int] = set()
        for person, day in session.execute(
            select(Participant.id, Participant.day_id).where(
                Participant.event_id == event.id,
                Participant.status.in_(EXPECTED_STATUSES),
                Participant.profile_consent,
            )
        ).all():
            registered.add(person)
            if day in registered_by_day:
                registered_by_day[day].add(person)
        present_by_day: dict[int, set[int]] = {day: set() for day in day_ids}
        for person, day in session.execute(
            select(CheckIn.participant_id, CheckIn.day_id)
            .join(Participant, Participant.id == CheckIn.participant_id)
            .where(
                Participant.event_id == event.id,
                Participant.profile_consent,
                CheckIn.undone_at.is_(None),
            )
        ).all():
            present_by_day.setdefault(day, set()).add(person)
        present = set().union(*present_by_day.values())
        neighbourhoods = event_neighbourhoods(session, event.id)
        keys = session.scalars(
            select(WatchedCategory.category)
            .where(WatchedCategory.event_id == event.id)
            .order_by(WatchedCategory.position)
        ).all()
        targets: dict[str, dict[str, float]] = {}
        for target in session.scalars(
            select(DiversityTarget).where(DiversityTarget.event_id == event.id)
        ):
            targets.setdefault(target.category, {})[target.value] = target.share
        matrices = []
        for key in keys:
            category = category_by_key(key, neighbourhoods)
            if category is None:
                continue
            answers = _answers(session, key, registered | present, event_year)
            views = category_matrices(
                category,
                registered=_tally(answers, registered, registered_by_day, REGISTERED_REMAINDER),
                checked_in=_tally(answers, present, present_by_day, PRESENT_REMAINDER),
                targets=targets.get(key, {}),
            )
            matrices.append(views[day_id])
        return matrices
