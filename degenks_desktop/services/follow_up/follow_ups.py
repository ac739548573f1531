"""What happened with the ideas after the day: each selected idea of a locked ten and each
concept gets a destination (a policy domain or a service, from the organisers' list), a
status with a dated explanation, and a history of every change.

Reading writes nothing: an item without a follow-up yet reads as received. Every change
is one transaction with its audit entry; a refused change is one sentence and changes
nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.date_style import day_on_paper
from degenks_desktop.domain.follow_up import (
    FINAL_STATUSES,
    FOLLOW_UP_STATUS_LABELS,
    FollowUpStatus,
)
from degenks_desktop.errors import InputRejected, NotFound
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.house.events import require_theme
from degenks_desktop.services.tables.ideas import dots_per_idea
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import (
    Concept,
    Day,
    Event,
    FollowUp,
    FollowUpDestination,
    FollowUpStep,
    Idea,
    SelectedIdea,
    Selection,
    Table,
    Theme,
)

DESTINATION_NAME_LIMIT = 200
EXPLANATION_LIMIT = 2000
IDEA, CONCEPT = "idea", "concept"


@dataclass(frozen=True)
class Destination:
    """Where ideas can go: a policy domain or a service; `follow_ups` point at it now."""

    id: int
    name: str
    follow_ups: int


@dataclass(frozen=True)
class FollowUpItem:
    """A selected idea (or a concept) with where it went and where it stands now."""

    kind: str
    id: int
    theme_code: str
    theme_name: str
    day: int
    table: int
    text: str
    dots: int | None
    """The idea's dots; None for a concept, which has none of its own."""
    rank: int | None
    """The idea's place in its table's ten; None for a concept."""
    destination: str | None
    destination_id: int | None
    status: FollowUpStatus
    status_on: dt.date | None
    explanation: str
    follow_up_id: int | None

    @property
    def key(self) -> tuple[str, int]:
        """What the item is, whatever it holds: its kind and its id."""
        return self.kind, self.id


@dataclass(frozen=True)
class FollowUpStepRow:
    """One change in a follow-up's history, as it was when it was made."""

    status: FollowUpStatus
    destination: str
    explanation: str
    status_on: dt.date
    recorded_at: dt.datetime
    recorded_by: str


# --- destinations ------------------------------------------------------------------------


def _require_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(_("There is no event number {id}.").format(id=event_id))
    return event


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputRejected(_("Give the destination a name, such as a policy domain or a service."))
    if len(cleaned) > DESTINATION_NAME_LIMIT:
        raise InputRejected(
            _("A destination's name is at most {limit} characters: shorten it.").format(
                limit=DESTINATION_NAME_LIMIT
            )
        )
    return cleaned


def _refuse_a_double(
    session: Session, event_id: int, name: str, *, leaving_out: int | None = None
) -> None:
    # Compared in Python: SQLite's lower() folds only ASCII, and "Économie" is one name.
    for other_id, other in session.execute(
        select(FollowUpDestination.id, FollowUpDestination.name).where(
            FollowUpDestination.event_id == event_id
        )
    ).all():
        if other_id != leaving_out and other.casefold() == name.casefold():
            raise InputRejected(
                _("There is a destination called {name} already: choose another name.").format(
                    name=other
                )
            )


def destinations(database: Database, event_id: int) -> list[Destination]:
    """The event's destinations in the organisers' order, with how many follow-ups each has."""
    with database.reading() as session:
        used = dict(
            session.execute(
                select(FollowUp.destination_id, func.count())
                .where(FollowUp.destination_id.is_not(None))
                .group_by(FollowUp.destination_id)
            ).all()
        )
        rows = session.execute(
            select(FollowUpDestination.id, FollowUpDestination.name)
            .where(FollowUpDestination.event_id == event_id)
            .order_by(FollowUpDestination.position, FollowUpDestination.id)
        ).all()
    return [Destination(row_id, name, int(used.get(row_id, 0))) for row_id, name in rows]


def add_destination(database: Database, event_id: int, name: str, *, actor: str) -> int:
    """Add a destination at the end of the event's list; return its id."""
    cleaned = _clean_name(name)
    with database.transaction() as session:
        _require_event(session, event_id)
        _refuse_a_double(session, event_id, cleaned)
        last = session.scalar(
            select(func.max(FollowUpDestination.position)).where(
                FollowUpDestination.event_id == event_id
            )
        )
        destination = FollowUpDestination(
            event_id=event_id, name=cleaned, position=(last if last is not None else -1) + 1
        )
        session.add(destination)
        session.flush()
        audit.record(
            session,
            action="follow_up.destination_added",
            actor=actor,
            subject_type="follow_up_destination",
            subject_id=destination.id,
            details={"name": cleaned},
        )
        return destination.id


def _require_destination(session: Session, destination_id: int) -> FollowUpDestination:
    destination = session.get(FollowUpDestination, destination_id)
    if destination is None:
        raise NotFound(_("That destination is no longer in the list: look at the list again."))
    return destination


def rename_destination(database: Database, destination_id: int, name: str, *, actor: str) -> None:
    """Give a destination another name; the history keeps the name each step had."""
    cleaned = _clean_name(name)
    with database.transaction() as session:
        destination = _require_destination(session, destination_id)
        if destination.name == cleaned:
            return
        _refuse_a_double(session, destination.event_id, cleaned, leaving_out=destination.id)
        before = destination.name
        destination.name = cleaned
        audit.record(
            session,
            action="follow_up.destination_renamed",
            actor=actor,
            subject_type="follow_up_destination",
            subject_id=destination.id,
            details={"before": before, "name": cleaned},
        )


def remove_destination(database: Database, destination_id: int, *, actor: str) -> None:
    """Take a destination off the list; refused while follow-ups point at it."""
    with database.transaction() as session:
        destination = _require_destination(session, destination_id)
        used = int(
            session.scalar(
                select(func.count())
                .select_from(FollowUp)
                .where(FollowUp.destination_id == destination.id)
            )
            or 0
        )
        if used:
            raise InputRejected(
                ngettext(
                    "{count} idea or concept goes to {name}: give it another destination "
                    "first, then remove {name}.",
                    "{count} ideas or concepts go to {name}: give them another destination "
                    "first, then remove {name}.",
                    used,
                ).format(count=used, name=destination.name)
            )
        name = destination.name
        session.delete(destination)
        audit.record(
            session,
            action="follow_up.destination_removed",
            actor=actor,
            subject_type="follow_up_destination",
            subject_id=destination_id,
            details={"name": name},
        )


# --- the items ---------------------------------------------------------------------------


def _themes(session: Session, event_id: int, theme_code: str | None) -> dict[int, Theme]:
    if theme_code is not None:
        chosen = require_theme(session, event_id, theme_code)
        return {chosen.id: chosen}
    return {
        theme.id: theme
        for theme in session.scalars(
            select(Theme).where(Theme.event_id == event_id).order_by(Theme.position)
        )
    }


def follow_up_items(
    database: Database, event_id: int, *, theme_code: str | None = None
) -> list[FollowUpItem]:
    """Every selected idea of a locked ten and every concept of the event (or of one
    theme), with its follow-up; sorted by theme, day, table and place."""
    with database.reading() as session:
        _require_event(session, event_id)
        themes = _themes(session, event_id, theme_code)
        ideas = [
            row
            for row in session.execute(
                select(
                    Idea.id, Idea.text, SelectedIdea.rank, Table.number, Day.number, Table.theme_id
                )
                .join(SelectedIdea, SelectedIdea.idea_id == Idea.id)
                .join(Selection, Selection.id == SelectedIdea.selection_id)
                .join(Table, Table.id == Selection.table_id)
                .join(Day, Day.id == Table.day_id)
                .where(
                    Day.event_id == event_id,
                    Selection.locked_at.is_not(None),
                    Idea.deleted_at.is_(None),
                )
            ).all()
            if row[5] in themes
        ]
        concepts = [
            row
            for row in session.execute(
                select(Concept.id, Concept.title, Table.number, Day.number, Table.theme_id)
                .join(Table, Table.id == Concept.table_id)
                .join(Day, Day.id == Table.day_id)
                .where(Day.event_id == event_id)
            ).all()
            if row[4] in themes
        ]
        follow_ups: dict[tuple[str, int], tuple[FollowUp, str | None]] = {}
        for follow_up, name, idea_id in session.execute(
            select(FollowUp, FollowUpDestination.name, Idea.id)
            .outerjoin(FollowUpDestination, FollowUpDestination.id == FollowUp.destination_id)
            .join(Idea, Idea.id == FollowUp.idea_id)
            .join(Table, Table.id == Idea.table_id)
            .join(Day, Day.id == Table.day_id)
            .where(Day.event_id == event_id)
        ).all():
            follow_ups[IDEA, idea_id] = (follow_up, name)
        for follow_up, name, concept_id in session.execute(
            select(FollowUp, FollowUpDestination.name, Concept.id)
            .outerjoin(FollowUpDestination, FollowUpDestination.id == FollowUp.destination_id)
            .join(Concept, Concept.id == FollowUp.concept_id)
            .join(Table, Table.id == Concept.table_id)
            .join(Day, Day.id == Table.day_id)
            .where(Day.event_id == event_id)
        ).all():
            follow_ups[CONCEPT, concept_id] = (follow_up, name)
        dots = dots_per_idea(session) if ideas else {}

        # Built while the session is open: its objects expire when the reading ends.
        def item(
            kind: str,
            item_id: int,
            text: str,
            *,
            table: int,
            day: int,
            theme_id: int,
            rank: int | None,
        ) -> FollowUpItem:
            theme = themes[theme_id]
            found = follow_ups.get((kind, item_id))
            follow_up, destination = found if found is not None else (None, None)
            return FollowUpItem(
                kind=kind,
                id=item_id,
                theme_code=theme.code,
                theme_name=theme.name,
                day=day,
                table=table,
                text=text,
                dots=dots.get(item_id, 0) if kind == IDEA else None,
                rank=rank,
                destination=destination,
                destination_id=follow_up.destination_id if follow_up is not None else None,
                status=FollowUpStatus(follow_up.status) if follow_up else FollowUpStatus.RECEIVED,
                status_on=follow_up.status_on if follow_up is not None else None,
                explanation=follow_up.explanation if follow_up is not None else "",
                follow_up_id=follow_up.id if follow_up is not None else None,
            )

        items = [
            item(IDEA, idea_id, text, table=table, day=day, theme_id=theme_id, rank=rank)
            for idea_id, text, rank, table, day, theme_id in ideas
        ]
        items += [
            item(CONCEPT, concept_id, title, table=table, day=day, theme_id=theme_id, rank=None)
            for concept_id, title, table, day, theme_id in concepts
        ]
        positions = {theme.code: theme.position for theme in themes.values()}
    items.sort(
        key=lambda one: (
            positions[one.theme_code],
            one.day,
            one.table,
            one.kind != IDEA,
            one.rank if one.rank is not None else 0,
            one.id,
        )
    )
    return items


def follow_up_counts(items: Iterable[FollowUpItem]) -> dict[FollowUpStatus, int]:
    """How many items stand at each status, every status listed in order (0 included)."""
    counted = Counter(item.status for item in items)
    return {status: counted.get(status, 0) for status in FollowUpStatus}


# --- setting a status --------------------------------------------------------------------


def _idea_event(session: Session, idea_id: int) -> int:
    """The event of a selected idea of a locked ten; else a sentence."""
    found = session.execute(
        select(Day.event_id)
        .select_from(Idea)
        .join(SelectedIdea, SelectedIdea.idea_id == Idea.id)
        .join(Selection, Selection.id == SelectedIdea.selection_id)
        .join(Table, Table.id == Idea.table_id)
        .join(Day, Day.id == Table.day_id)
        .where(
            Idea.id == idea_id,
            Selection.locked_at.is_not(None),
            Idea.deleted_at.is_(None),
        )
    ).first()
    if found is None:
        raise InputRejected(
            _(
                "Only an idea among a table's locked ten gets a follow-up: this one is not "
                "(any more)."
            )
        )
    return int(found[0])


def _concept_event(session: Session, concept_id: int) -> int:
    found = session.execute(
        select(Day.event_id)
        .select_from(Concept)
        .join(Table, Table.id == Concept.table_id)
        .join(Day, Day.id == Table.day_id)
        .where(Concept.id == concept_id)
    ).first()
    if found is None:
        raise InputRejected(_("This concept is no longer there: look at the list again."))
    return int(found[0])


def _check_date(session: Session, event_id: int, status_on: dt.date) -> None:
    if status_on > dt.date.today():
        raise InputRejected(
            _("The date of a status is today or earlier: a status cannot be set ahead.")
        )
    first_day = session.scalar(select(func.min(Day.date)).where(Day.event_id == event_id))
    if first_day is not None and status_on < first_day:
        raise InputRejected(
            _("The date of a status is on or after the event's first day, {date}.").format(
                date=day_on_paper(first_day)
            )
        )


def _clean_explanation(status: FollowUpStatus, explanation: str) -> str:
    cleaned = explanation.strip()
    if status in FINAL_STATUSES and not cleaned:
        if status == FollowUpStatus.DONE:
            raise InputRejected(
                _("Say what was done: the people who gave the idea read it in the report.")
            )
        raise InputRejected(
            _("Say why it is not taken up: the people who gave the idea read it in the report.")
        )
    if len(cleaned) > EXPLANATION_LIMIT:
        raise InputRejected(
            _("The explanation is at most {limit} characters: shorten it.").format(
                limit=EXPLANATION_LIMIT
            )
        )
    return cleaned


def _status(value: FollowUpStatus | str) -> FollowUpStatus:
    try:
        return FollowUpStatus(value)
    except ValueError as error:
        raise InputRejected(
            _("Choose a status: {statuses}.").format(
                statuses=", ".join(_(label) for label in FOLLOW_UP_STATUS_LABELS.values())
            )
        ) from error


def set_follow_up(
    database: Database,
    *,
    idea_id: int | None = None,
    concept_id: int | None = None,
    destination_id: int | None,
    status: FollowUpStatus,
    explanation: str,
    status_on: dt.date,
    actor: str,
) -> int:
    """Set where a selected idea (or a concept) went and where it stands, from
    `status_on`; a change adds a step to its history. Return the follow-up's id."""
    if (idea_id is None) == (concept_id is None):
        raise InputRejected(_("Choose one idea or one concept to follow up."))
    status = _status(status)
    cleaned = _clean_explanation(status, explanation)
    with database.transaction() as session:
        if idea_id is not None:
            event_id = _idea_event(session, idea_id)
            where = FollowUp.idea_id == idea_id
        else:
            assert concept_id is not None
            event_id = _concept_event(session, concept_id)
            where = FollowUp.concept_id == concept_id
        destination_name = ""
        if destination_id is not None:
            destination = session.get(FollowUpDestination, destination_id)
            if destination is None or destination.event_id != event_id:
                raise InputRejected(
                    _("That destination is not in this event's list: choose one from the list.")
                )
            destination_name = destination.name
        _check_date(session, event_id, status_on)
        follow_up = session.scalars(select(FollowUp).where(where)).first()
        if follow_up is not None and (
            follow_up.destination_id,
            follow_up.status,
            follow_up.explanation,
            follow_up.status_on,
        ) == (destination_id, status.value, cleaned, status_on):
            return follow_up.id
        now = dt.datetime.now(dt.UTC)
        if follow_up is None:
            follow_up = FollowUp(idea_id=idea_id, concept_id=concept_id)
            session.add(follow_up)
        follow_up.destination_id = destination_id
        follow_up.status = status.value
        follow_up.explanation = cleaned
        follow_up.status_on = status_on
        follow_up.updated_at = now
        follow_up.updated_by = actor
        session.flush()
        session.add(
            FollowUpStep(
                follow_up_id=follow_up.id,
                status=status.value,
                destination=destination_name,
                explanation=cleaned,
                status_on=status_on,
                recorded_at=now,
                recorded_by=actor,
            )
        )
        audit.record(
            session,
            action="follow_up.status_set",
            actor=actor,
            subject_type=IDEA if idea_id is not None else CONCEPT,
            subject_id=idea_id if idea_id is not None else concept_id,
            details={
                "status": status.value,
                "destination": destination_name,
                "status_on": status_on.isoformat(),
                "explanation": cleaned,
            },
        )
        return follow_up.id


def follow_up_history(database: Database, follow_up_id: int) -> list[FollowUpStepRow]:
    """Every change of one follow-up, oldest first."""
    with database.reading() as session:
        if session.get(FollowUp, follow_up_id) is None:
            raise NotFound(_("There is no such follow-up: look at the list again."))
        steps = session.scalars(
            select(FollowUpStep)
            .where(FollowUpStep.follow_up_id == follow_up_id)
            .order_by(FollowUpStep.recorded_at, FollowUpStep.id)
        ).all()
        return [
            FollowUpStepRow(
                status=FollowUpStatus(step.status),
                destination=step.destination,
                explanation=step.explanation,
                status_on=step.status_on,
                recorded_at=step.recorded_at,
                recorded_by=step.recorded_by,
            )
            for step in steps
        ]
