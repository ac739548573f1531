"""An oversubscribed day in a real database: more registrants than chairs, with answers.

Belgians and the highly educated register more than the city's shares say, people of
Turkish and Moroccan origin less; some give no answers (no consent), and a few register
together (a shared `stay_with` label), as households do.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import delete

from degenks_desktop.domain.badge_codes import new_badge_code
from degenks_desktop.services.organising.diversity import install_default_targets
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Day,
    DiversityTarget,
    Event,
    Participant,
    Profile,
    Table,
    Theme,
    WatchedCategory,
)

ORIGINS = {"belgian": 0.62, "italian": 0.12, "turkish": 0.1, "moroccan": 0.06, "other": 0.1}
EDUCATION = {"primary": 0.12, "secondary": 0.38, "higher": 0.5}
GENDERS = {"f": 0.5, "m": 0.5}


@dataclass(frozen=True)
class OversubscribedDay:
    """Ids of what `add_oversubscribed_day` made."""

    day_id: int
    participant_ids: tuple[int, ...]
    households: tuple[tuple[int, ...], ...]
    places: int


def add_oversubscribed_day(
    database: Database,
    *,
    registrants: int = 60,
    places: int = 40,
    households: int = 3,
    without_answers: int = 6,
    seed: int = 1,
) -> OversubscribedDay:
    """Store one day with `places` chairs and `registrants` people who want one."""
    rng = random.Random(seed)
    with database.transaction() as session:
        event = Event(name="Genk 360", venue="C-Mine")
        session.add(event)
        session.flush()
        day = Day(event_id=event.id, number=1, date=dt.date(2013, 3, 16))
        theme = Theme(
            event_id=event.id,
            code="wonen",
            name="Wonen",
            question="Hoe kunnen we beter wonen?",
            colour="#C0392B",
        )
        session.add_all([day, theme])
        session.flush()
        session.add(Table(day_id=day.id, theme_id=theme.id, number=1, capacity=places))
        install_default_targets(session, event.id, illustrative=True)
        session.flush()
        session.execute(delete(WatchedCategory).where(WatchedCategory.event_id == event.id))
        for position, key in enumerate(("gender", "origin", "education")):
            session.add(WatchedCategory(event_id=event.id, category=key, position=position))
        session.execute(
            delete(DiversityTarget).where(
                DiversityTarget.event_id == event.id, DiversityTarget.category == "origin"
            )
        )
        for value, share in {
            "belgian": 0.5,
            "italian": 0.15,
            "turkish": 0.17,
            "moroccan": 0.08,
            "other": 0.1,
        }.items():
            session.add(
                DiversityTarget(event_id=event.id, category="origin", value=value, share=share)
            )
        people = []
        for number in range(registrants):
            consent = number >= without_answers
            person = Participant(
                event_id=event.id,
                first_name=f"Persoon{number}",
                last_name="Genk",
                email=f"persoon{number}@example.org",
                badge_code=new_badge_code(rng),
                day_id=day.id,
                first_theme_id=theme.id,
                profile_consent=consent,
                language="en" if number % 7 == 0 else "nl",
            )
            if consent:
                person.profile = Profile(
                    gender=rng.choices(list(GENDERS), list(GENDERS.values()))[0],
                    origin=rng.choices(list(ORIGINS), list(ORIGINS.values()))[0],
                    education=rng.choices(list(EDUCATION), list(EDUCATION.values()))[0],
                )
            people.append(person)
        groups = []
        for group in range(households):
            members = people[10 + 3 * group : 12 + 3 * group]
            for member in members:
                member.stay_with = f"gezin {group}"
            groups.append(members)
        session.add_all(people)
        session.flush()
        return OversubscribedDay(
            day_id=day.id,
            participant_ids=tuple(p.id for p in people),
            households=tuple(tuple(m.id for m in members) for members in groups),
            places=places,
        )
