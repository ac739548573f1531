"""Convergence: each of the table's ten selected ideas worked out into a concept.

A concept answers DOMAIN.md's four questions (what is alive, what can I, we and the city
do), with a first step and who is needed, and links back to its idea and the ideas
merged into it. It is saved as it is typed: each save is one transaction, audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house import audit
from degenks_desktop.services.tables.access import TableAccess
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Concept, ConceptIdea, Idea, SelectedIdea, Selection

MAX_TITLE = 300


@dataclass(frozen=True)
class ConceptAtTable:
    """A selected idea with its concept so far."""

    idea_id: int
    rank: int
    idea_text: str
    concept_id: int | None
    text: ConceptText


def _selected_ideas(session: Session, access: TableAccess) -> list[tuple[int, int, str]]:
    return [
        (idea_id, rank, text)
        for idea_id, rank, text in session.execute(
            select(SelectedIdea.idea_id, SelectedIdea.rank, Idea.text)
            .join(Selection, Selection.id == SelectedIdea.selection_id)
            .join(Idea, Idea.id == SelectedIdea.idea_id)
            .where(Selection.table_id == access.table_id, Selection.locked_at.is_not(None))
            .order_by(SelectedIdea.rank)
        ).all()
    ]


def _concept_of(session: Session, idea_id: int) -> Concept | None:
    return session.scalars(
        select(Concept)
        .join(ConceptIdea, ConceptIdea.concept_id == Concept.id)
        .where(ConceptIdea.idea_id == idea_id)
    ).first()


def concepts_at_table(database: Database, access: TableAccess) -> list[ConceptAtTable]:
    """The table's selected ideas in order, each with its concept (empty until written)."""
    with database.reading() as session:
        result = []
        for idea_id, rank, idea_text in _selected_ideas(session, access):
            concept = _concept_of(session, idea_id)
            text = ConceptText.of(concept) if concept else ConceptText()
            result.append(
                ConceptAtTable(idea_id, rank, idea_text, concept.id if concept else None, text)
            )
        return result


def save_concept(database: Database, access: TableAccess, idea_id: int, text: ConceptText) -> int:
    """Store the concept of one selected idea (made on the first save); return its id."""
    if len(text.title.strip()) > MAX_TITLE:
        raise InputRejected(
            _("A concept's title can be at most {most} characters.").format(most=MAX_TITLE)
        )
    with database.transaction() as session:
        selected = {row[0]: row for row in _selected_ideas(session, access)}
        if idea_id not in selected:
            raise InputRejected(
                _("Concepts are written for the table's selected ideas, once they are locked.")
            )
        concept = _concept_of(session, idea_id)
        values = {name: value.strip() for name, value in text.values().items()}
        # A concept always has a title: until the table writes one, its idea's words.
        values["title"] = values["title"] or selected[idea_id][2][:MAX_TITLE]
        if concept is None:
            concept = Concept(table_id=access.table_id, **values)
            session.add(concept)
            session.flush()
            session.add(ConceptIdea(concept_id=concept.id, idea_id=idea_id))
            for merged in session.scalars(select(Idea.id).where(Idea.merged_into_id == idea_id)):
                session.add(ConceptIdea(concept_id=concept.id, idea_id=merged))
            changed = values
        else:
            changed = {k: v for k, v in values.items() if getattr(concept, k) != v}
            if not changed:
                return concept.id
            for key, value in changed.items():
                setattr(concept, key, value)
            concept.updated_at = dt.datetime.now(dt.UTC)
        audit.record(
            session,
            action="concept.saved",
            actor=access.actor,
            subject_type="concept",
            subject_id=concept.id,
            details={"idea_id": idea_id, "changed": sorted(changed)},
        )
        return concept.id
