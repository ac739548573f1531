"""Dot votes as the room gives them: a sticker count per idea, or each person's dots.

The facilitator types the count read off the sheet (the GUI's +/- keys send the new
count, never "one more", so a repeated save cannot add twice), or records one person's
dots with a limit each. Both stop once the table's selection is locked. A table holds at
most its seated people's stickers (DOTS_PER_PERSON each): a count that would take it over
is refused with `TooManyDots` unless the caller says it was checked (`allow_over`).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from degenks_desktop.errors import InputRejected, NotFound
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.tables.access import TableAccess, require_own
from degenks_desktop.services.tables.ideas import dots_per_idea
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Idea, Participant, Seat, Selection, Vote

DOTS_PER_PERSON = 3  # G360: three stickers for each person at the table
MAX_TALLY = 999


class TooManyDots(InputRejected):
    """The count would give the table more dots than its seated people have stickers."""

    def __init__(self, message: str, *, total: int, most: int) -> None:
        super().__init__(message)
        self.total = total
        self.most = most


def _require_room(session: Session, access: TableAccess, total: int, before: int) -> None:
    """Refuse a table total above seated people × DOTS_PER_PERSON, unless it went down."""
    seated = int(
        session.scalar(
            select(func.count()).select_from(Seat).where(Seat.table_id == access.table_id)
        )
        or 0
    )
    most = seated * DOTS_PER_PERSON
    if total <= most or total <= before:
        return  # a recount that lowers an over-count is always welcome
    if not seated:
        raise TooManyDots(
            _(
                "Nobody is seated at table {number} yet, so it has no stickers: "
                "seat its people first."
            ).format(number=access.table_number),
            total=total,
            most=0,
        )
    people = ngettext("{count} person", "{count} people", seated).format(count=seated)
    raise TooManyDots(
        ngettext(
            "That makes {total} dot at table {number}, more than its {people} have "
            "({per} each, {most} in all): count the stickers again.",
            "That makes {total} dots at table {number}, more than its {people} have "
            "({per} each, {most} in all): count the stickers again.",
            total,
        ).format(
            total=total,
            number=access.table_number,
            people=people,
            per=DOTS_PER_PERSON,
            most=most,
        ),
        total=total,
        most=most,
    )


def _table_total(session: Session, access: TableAccess) -> int:
    """The dots on the table's list now (merged ideas' dots included, deleted ones not)."""
    return sum(dots_per_idea(session, access.table_id).values())


def require_unlocked(session: Session, access: TableAccess) -> None:
    """Refuse changes to votes once the table's ten best ideas are locked."""
    locked = session.scalar(
        select(Selection.locked_at).where(Selection.table_id == access.table_id)
    )
    if locked is not None:
        raise InputRejected(
            _("The selection of this table is locked: ask the organisers to unlock it first.")
        )


def _own_listed_idea(session: Session, access: TableAccess, idea_id: int) -> Idea:
    idea = session.get(Idea, idea_id)
    if idea is None:
        raise NotFound(_("There is no idea number {id}.").format(id=idea_id))
    require_own(access, idea.table_id)
    if idea.deleted_at is not None or idea.merged_into_id is not None:
        raise InputRejected(
            _("Vote for the idea as it stands on the list, not a deleted or merged one.")
        )
    return idea


def set_tally(
    database: Database, access: TableAccess, idea_id: int, dots: int, *, allow_over: bool = False
) -> None:
    """The sticker count of one idea, as read off the sheet; `allow_over` saves a count
    that takes the table over its people's stickers (the facilitator confirmed it)."""
    if not 0 <= dots <= MAX_TALLY:
        raise InputRejected(_("A count is a number from 0 to {most}.").format(most=MAX_TALLY))
    with database.transaction() as session:
        require_unlocked(session, access)
        idea = _own_listed_idea(session, access, idea_id)
        tally = session.scalars(
            select(Vote).where(Vote.idea_id == idea.id, Vote.participant_id.is_(None))
        ).first()
        before = tally.dots if tally else 0
        if before == dots:
            return
        total_before = _table_total(session, access)
        if tally is None:
            session.add(Vote(idea_id=idea.id, participant_id=None, dots=dots))
        else:
            tally.dots = dots
        if not allow_over:
            session.flush()  # the total is read with the change; a refusal rolls it back
            _require_room(session, access, _table_total(session, access), total_before)
        audit.record(
            session,
            action="vote.tally",
            actor=access.actor,
            subject_type="idea",
            subject_id=idea.id,
            details={"before": before, "after": dots, "over_allowed": allow_over},
        )


def give_dots(
    database: Database,
    access: TableAccess,
    participant_id: int,
    dots: Mapping[int, int],
    *,
    limit: int = DOTS_PER_PERSON,
    allow_over: bool = False,
) -> None:
    """One person's dots over the table's ideas, replacing what they gave before;
    `allow_over` as for `set_tally` (a table that also holds a sheet count)."""
    given = {idea: count for idea, count in dots.items() if count}
    if any(count < 0 for count in given.values()):
        raise InputRejected(_("Dots cannot be fewer than none."))
    if sum(given.values()) > limit:
        raise InputRejected(
            ngettext(
                "Each person has {limit} dot; these are {count}: take some away.",
                "Each person has {limit} dots; these are {count}: take some away.",
                limit,
            ).format(limit=limit, count=sum(given.values()))
        )
    with database.transaction() as session:
        require_unlocked(session, access)
        seated = session.scalar(
            select(Seat.id).where(
                Seat.participant_id == participant_id, Seat.table_id == access.table_id
            )
        )
        if seated is None:
            name = session.scalar(
                select(Participant.first_name).where(Participant.id == participant_id)
            )
            raise InputRejected(
                _("{name} does not sit at table {number}: only its own people vote here.").format(
                    name=name or participant_id, number=access.table_number
                )
            )
        for idea_id in given:
            _own_listed_idea(session, access, idea_id)
        table_ideas = select(Idea.id).where(Idea.table_id == access.table_id)
        before = {
            idea: count
            for idea, count in session.execute(
                select(Vote.idea_id, Vote.dots).where(
                    Vote.participant_id == participant_id, Vote.idea_id.in_(table_ideas)
                )
            ).all()
        }
        total_before = _table_total(session, access)
        session.execute(
            delete(Vote).where(Vote.participant_id == participant_id, Vote.idea_id.in_(table_ideas))
        )
        for idea_id, count in given.items():
            session.add(Vote(idea_id=idea_id, participant_id=participant_id, dots=count))
        if not allow_over:
            session.flush()  # the total is read with the change; a refusal rolls it back
            _require_room(session, access, _table_total(session, access), total_before)
        audit.record(
            session,
            action="vote.dots",
            actor=access.actor,
            subject_type="participant",
            subject_id=participant_id,
            details={
                "before": before,
                "after": given,
                "table_id": access.table_id,
                "over_allowed": allow_over,
            },
        )


def people_at_table(database: Database, access: TableAccess) -> list[tuple[int, str]]:
    """The people seated at the table, who may vote there, by first name."""
    with database.reading() as session:
        return [
            (person, f"{first} {last}".strip())
            for person, first, last in session.execute(
                select(Participant.id, Participant.first_name, Participant.last_name)
                .join(Seat, Seat.participant_id == Participant.id)
                .where(Seat.table_id == access.table_id)
                .order_by(Participant.first_name, Participant.last_name)
            ).all()
        ]


def dots_of_person(database: Database, access: TableAccess, participant_id: int) -> dict[int, int]:
    """The dots one person gave at the table, per idea."""
    with database.reading() as session:
        return {
            idea: dots
            for idea, dots in session.execute(
                select(Vote.idea_id, Vote.dots)
                .join(Idea, Idea.id == Vote.idea_id)
                .where(Vote.participant_id == participant_id, Idea.table_id == access.table_id)
            ).all()
        }
