"""A table's ideas in the divergence phase: entered per duo, edited, deleted softly, merged.

Every change is one transaction with an audit entry. An idea added with a `uid` that is
already stored is recognised, so an autosave retried after a hiccup never doubles it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from degenks_desktop.errors import InputRejected, NotFound
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.tables.access import TableAccess, require_own
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Duo, Idea, Participant, Seat, Vote

MAX_IDEA_LENGTH = 1000


@dataclass(frozen=True)
class DuoAtTable:
    """A duo as the facilitator picks it: its number, its people and its ideas so far."""

    id: int
    number: int
    names: str
    ideas: int


@dataclass(frozen=True)
class IdeaAtTable:
    """An idea on the table's list, with its duo, dots and what was merged into it."""

    id: int
    uid: str
    text: str
    duo_id: int | None
    duo_number: int | None
    dots: int
    merged_from: tuple[int, ...]
    deleted: bool


def _clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InputRejected(_("Type the idea first."))
    if len(cleaned) > MAX_IDEA_LENGTH:
        raise InputRejected(
            _("An idea can be at most {most} characters: shorten it.").format(most=MAX_IDEA_LENGTH)
        )
    return cleaned


def duos_at_table(database: Database, access: TableAccess) -> list[DuoAtTable]:
    """The table's duos with their first names and how many ideas each has given."""
    with database.reading() as session:
        duos = session.scalars(
            select(Duo).where(Duo.table_id == access.table_id).order_by(Duo.number)
        ).all()
        names: dict[int, list[str]] = defaultdict(list)
        for duo_id, first, last in session.execute(
            select(Seat.duo_id, Participant.first_name, Participant.last_name)
            .join(Participant, Participant.id == Seat.participant_id)
            .where(Seat.table_id == access.table_id, Seat.duo_id.is_not(None))
            .order_by(Participant.first_name)
        ).all():
            if duo_id is not None:
                names[duo_id].append(f"{first} {last[:1]}." if last else first)
        counts = dict(
            session.execute(
                select(Idea.duo_id, func.count())
                .where(Idea.table_id == access.table_id, Idea.deleted_at.is_(None))
                .group_by(Idea.duo_id)
            ).all()
        )
        return [
            DuoAtTable(duo.id, duo.number, " & ".join(names[duo.id]), int(counts.get(duo.id, 0)))
            for duo in duos
        ]


def _own_idea(session: Session, access: TableAccess, idea_id: int) -> Idea:
    idea = session.get(Idea, idea_id)
    if idea is None:
        raise NotFound(_("There is no idea number {id}.").format(id=idea_id))
    require_own(access, idea.table_id)
    return idea


def add_idea(
    database: Database,
    access: TableAccess,
    *,
    text: str,
    duo_id: int | None,
    uid: str | None = None,
) -> int:
    """Store a duo's idea at the facilitator's table; return its id."""
    cleaned = _clean_text(text)
    with database.transaction() as session:
        if uid is not None:
            earlier = session.scalar(select(Idea.id).where(Idea.uid == uid))
            if earlier is not None:
                return earlier
        if duo_id is not None:
            duo = session.get(Duo, duo_id)
            if duo is None:
                raise NotFound(_("There is no duo number {id}.").format(id=duo_id))
            require_own(access, duo.table_id)
        idea = Idea(table_id=access.table_id, duo_id=duo_id, text=cleaned, created_by=access.actor)
        if uid is not None:
            idea.uid = uid
        session.add(idea)
        session.flush()
        audit.record(
            session,
            action="idea.added",
            actor=access.actor,
            subject_type="idea",
            subject_id=idea.id,
            details={"table_id": access.table_id, "duo_id": duo_id, "text": cleaned},
        )
        return idea.id


def edit_idea(database: Database, access: TableAccess, idea_id: int, text: str) -> None:
    """Change an idea's words (the old words stay in the audit log)."""
    cleaned = _clean_text(text)
    with database.transaction() as session:
        idea = _own_idea(session, access, idea_id)
        if idea.text == cleaned:
            return
        audit.record(
            session,
            action="idea.edited",
            actor=access.actor,
            subject_type="idea",
            subject_id=idea.id,
            details={"before": idea.text, "after": cleaned},
        )
        idea.text = cleaned


def delete_idea(database: Database, access: TableAccess, idea_id: int) -> None:
    """Take an idea off the list; it stays stored and can be restored."""
    with database.transaction() as session:
        idea = _own_idea(session, access, idea_id)
        if idea.deleted_at is not None:
            return
        idea.deleted_at = dt.datetime.now(dt.UTC)
        audit.record(
            session,
            action="idea.deleted",
            actor=access.actor,
            subject_type="idea",
            subject_id=idea.id,
        )


def restore_idea(database: Database, access: TableAccess, idea_id: int) -> None:
    """Put a deleted idea back on the list."""
    with database.transaction() as session:
        idea = _own_idea(session, access, idea_id)
        if idea.deleted_at is None:
            return
        idea.deleted_at = None
        audit.record(
            session,
            action="idea.restored",
            actor=access.actor,
            subject_type="idea",
            subject_id=idea.id,
        )


def merge_ideas(database: Database, access: TableAccess, keep_id: int, merged_id: int) -> None:
    """Fold an idea that says the same into another: it leaves the list, its link and dots stay."""
    if keep_id == merged_id:
        raise InputRejected(_("Choose two different ideas to merge."))
    with database.transaction() as session:
        keep = _own_idea(session, access, keep_id)
        merged = _own_idea(session, access, merged_id)
        if keep.deleted_at is not None or merged.deleted_at is not None:
            raise InputRejected(_("A deleted idea cannot be merged: restore it first."))
        if keep.merged_into_id is not None:
            raise InputRejected(_("That idea is already merged into another: merge into that one."))
        # Ideas merged earlier into the one now merged follow it to the kept idea.
        for earlier in session.scalars(select(Idea).where(Idea.merged_into_id == merged.id)):
            earlier.merged_into_id = keep.id
        merged.merged_into_id = keep.id
        audit.record(
            session,
            action="idea.merged",
            actor=access.actor,
            subject_type="idea",
            subject_id=keep.id,
            details={"merged": merged.id},
        )


def dots_per_idea(session: Session, table_id: int | None = None) -> dict[int, int]:
    """Each listed idea's dots, the dots of ideas merged into it included: at one table,
    or (`table_id` None) at every table, for the report and the exports."""
    at_table = [Idea.table_id == table_id] if table_id is not None else []
    ideas = session.execute(
        select(Idea.id, Idea.merged_into_id).where(*at_table, Idea.deleted_at.is_(None))
    ).all()
    home = {idea: merged_into or idea for idea, merged_into in ideas}
    dots: dict[int, int] = {idea: 0 for idea, merged_into in ideas if merged_into is None}
    for idea_id, count in session.execute(
        select(Vote.idea_id, func.sum(Vote.dots))
        .join(Idea, Idea.id == Vote.idea_id)
        .where(*at_table)
        .group_by(Vote.idea_id)
    ).all():
        target = home.get(idea_id)
        if target in dots:
            dots[target] += int(count or 0)
    return dots


def ideas_at_table(
    database: Database, access: TableAccess, *, with_deleted: bool = False
) -> list[IdeaAtTable]:
    """The table's ideas in the order they came, merged ones folded into their idea."""
    with database.reading() as session:
        rows = session.execute(
            select(
                Idea.id,
                Idea.uid,
                Idea.text,
                Idea.duo_id,
                Duo.number,
                Idea.merged_into_id,
                Idea.deleted_at,
            )
            .outerjoin(Duo, Duo.id == Idea.duo_id)
            .where(Idea.table_id == access.table_id)
            .order_by(Idea.created_at, Idea.id)
        ).all()
        dots = dots_per_idea(session, access.table_id)
    merged_from: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        if row.merged_into_id is not None:
            merged_from[row.merged_into_id].append(row.id)
    return [
        IdeaAtTable(
            id=row.id,
            uid=row.uid,
            text=row.text,
            duo_id=row.duo_id,
            duo_number=row.number,
            dots=dots.get(row.id, 0),
            merged_from=tuple(merged_from[row.id]),
            deleted=row.deleted_at is not None,
        )
        for row in rows
        if row.merged_into_id is None and (with_deleted or row.deleted_at is None)
    ]
