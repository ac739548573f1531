"""A table's ten best ideas: computed live from the dots, settled, locked and unlocked.

The standing comes from domain.selection. A tie across place ten is settled when the
facilitator locks the selection: by a run-off count among the tied ideas, or by the
table's own choice with a reason. Both are kept on the selection and in the audit log.
Organisers can unlock a table (audited), for a recount or a mistake.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from degenks_desktop.domain.selection import (
    SelectionError,
    Standing,
    after_runoff,
    settle_by_choice,
    top_ideas,
)
from degenks_desktop.errors import InputRejected, NotFound, NothingToDo
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.house import audit
from degenks_desktop.services.tables.access import TableAccess
from degenks_desktop.services.tables.dots import require_unlocked
from degenks_desktop.services.tables.ideas import dots_per_idea
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import SelectedIdea, Selection, Table


class TieRule(enum.StrEnum):
    """How a tie across place ten was settled."""

    RUNOFF = "runoff"
    TABLE_DECISION = "table_decision"


@dataclass(frozen=True)
class TableSelection:
    """The live standing, or the locked ten with how they were settled."""

    standing: Standing
    locked: bool
    selected: tuple[int, ...]
    tie_rule: TieRule | None
    tie_reason: str


def table_selection(database: Database, access: TableAccess) -> TableSelection:
    """Where the table's ideas stand now; once locked, the ten as they were fixed."""
    with database.reading() as session:
        standing = top_ideas(dots_per_idea(session, access.table_id))
        selection = session.scalars(
            select(Selection).where(Selection.table_id == access.table_id)
        ).first()
        if selection is None or selection.locked_at is None:
            return TableSelection(standing, False, (), None, "")
        selected = tuple(
            session.scalars(
                select(SelectedIdea.idea_id)
                .where(SelectedIdea.selection_id == selection.id)
                .order_by(SelectedIdea.rank)
            )
        )
        rule = TieRule(selection.tie_rule) if selection.tie_rule else None
        return TableSelection(standing, True, selected, rule, selection.tie_reason or "")


def _settle(
    standing: Standing,
    runoff: Mapping[int, int] | None,
    chosen: Sequence[int],
    reason: str,
) -> tuple[tuple[int, ...], TieRule | None, dict[str, object]]:
    """The ten as a lock would fix them, how a tie was settled, and what to keep of it."""
    if not standing.sure and not standing.tied:
        raise InputRejected(_("There are no ideas at this table yet."))
    try:
        if standing.is_tied and runoff is not None:
            if set(runoff) - set(standing.tied):
                raise InputRejected(_("A run-off counts only the tied ideas."))
            settled = after_runoff(standing, runoff)
            if settled.is_tied:
                raise InputRejected(
                    _(
                        "The run-off is tied again: count once more, or let the table "
                        "choose with a reason."
                    )
                )
            details: dict[str, object] = {"tied": list(standing.tied), "runoff": dict(runoff)}
            return settled.sure, TieRule.RUNOFF, details
        if standing.is_tied:
            if not reason.strip():
                raise InputRejected(
                    _("Say why the table chose these ideas: the report shows the reason.")
                )
            details = {"tied": list(standing.tied), "chosen": list(chosen)}
            return settle_by_choice(standing, chosen), TieRule.TABLE_DECISION, details
        return settle_by_choice(standing, ()), None, {}
    except SelectionError as error:
        raise InputRejected(
            ngettext(
                "Choose exactly {count} of the tied ideas: one place is left.",
                "Choose exactly {count} of the tied ideas: that many places are left.",
                standing.open_places,
            ).format(count=standing.open_places)
        ) from error


def selection_to_lock(
    database: Database,
    access: TableAccess,
    *,
    runoff: Mapping[int, int] | None = None,
    chosen: Sequence[int] = (),
    reason: str = "",
) -> tuple[int, ...]:
    """The ideas `lock_selection` would fix with these arguments, best first, without
    locking: what the facilitator confirms (the same refusals as the lock)."""
    with database.reading() as session:
        require_unlocked(session, access)
        standing = top_ideas(dots_per_idea(session, access.table_id))
        return _settle(standing, runoff, chosen, reason)[0]


def lock_selection(
    database: Database,
    access: TableAccess,
    *,
    runoff: Mapping[int, int] | None = None,
    chosen: Sequence[int] = (),
    reason: str = "",
    expected: Sequence[int] | None = None,
) -> tuple[int, ...]:
    """Fix the table's ten best ideas; a tie must be settled by `runoff` or `chosen` + `reason`.

    `expected` is the ten the facilitator confirmed (from `selection_to_lock`): if the dots
    changed meanwhile and the ten are others, nothing is locked."""
    with database.transaction() as session:
        require_unlocked(session, access)
        standing = top_ideas(dots_per_idea(session, access.table_id))
        final, rule, details = _settle(standing, runoff, chosen, reason)
        if expected is not None and tuple(expected) != final:
            raise InputRejected(
                _("The dots changed since you checked the ten: look at them again, then lock.")
            )
        selection = session.scalars(
            select(Selection).where(Selection.table_id == access.table_id)
        ).first()
        if selection is None:
            selection = Selection(table_id=access.table_id)
            session.add(selection)
            session.flush()
        session.execute(delete(SelectedIdea).where(SelectedIdea.selection_id == selection.id))
        for rank, idea_id in enumerate(final, start=1):
            session.add(SelectedIdea(selection_id=selection.id, idea_id=idea_id, rank=rank))
        selection.tie_rule = rule.value if rule else None
        selection.tie_reason = (
            reason.strip()
            if rule == TieRule.TABLE_DECISION
            else json.dumps(details)
            if rule
            else None
        )
        selection.locked_at = dt.datetime.now(dt.UTC)
        selection.locked_by = access.actor
        audit.record(
            session,
            action="selection.locked",
            actor=access.actor,
            subject_type="table",
            subject_id=access.table_id,
            details={"selected": list(final), "tie_rule": rule.value if rule else None, **details},
        )
        return final


def unlock_selection(database: Database, table_id: int, *, actor: str, reason: str) -> None:
    """Organisers reopen a table's selection (votes can change again); always audited."""
    if not reason.strip():
        raise InputRejected(_("Say why the selection is unlocked: it goes in the audit log."))
    with database.transaction() as session:
        if session.get(Table, table_id) is None:
            raise NotFound(_("There is no table number {id}.").format(id=table_id))
        selection = session.scalars(select(Selection).where(Selection.table_id == table_id)).first()
        if selection is None or selection.locked_at is None:
            raise NothingToDo(_("This table's selection is not locked."))
        selection.locked_at = None
        selection.locked_by = None
        audit.record(
            session,
            action="selection.unlocked",
            actor=actor,
            subject_type="table",
            subject_id=table_id,
            details={"reason": reason.strip()},
        )
