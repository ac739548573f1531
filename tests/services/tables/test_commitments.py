"""Each person's own commitment at the end of the table's session: saved, changed,
removed, audited; refused for someone of another table and when too long."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.tables.access import organiser_access
from degenks_desktop.services.tables.commitments import (
    MAX_COMMITMENT,
    commitments_at_table,
    save_commitment,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, Commitment
from tests.helpers.counts import count
from tests.helpers.fingerprint import fingerprint
from tests.helpers.tables import add_two_tables


def actions(database: Database) -> list[str]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.action.like("commitment.%"))
                .order_by(AuditEntry.id)
            )
        )


def test_the_tables_people_by_duo_with_their_commitments(database: Database) -> None:
    tables = add_two_tables(database)
    people = commitments_at_table(database, tables.mine)
    assert [p.duo_number for p in people] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert [p.name for p in people[:2]] == ["Lies Tafel", "Mehmet Tafel"]
    assert all(p.text == "" for p in people)
    assert {p.participant_id for p in people} == set(tables.people)

    save_commitment(database, tables.mine, tables.people[1], "  Ik help mee in de moestuin. ")
    shown = {p.participant_id: p.text for p in commitments_at_table(database, tables.mine)}
    assert shown[tables.people[1]] == "Ik help mee in de moestuin."
    assert shown[tables.people[0]] == ""
    # The other table sees its own two people only.
    assert {p.participant_id for p in commitments_at_table(database, tables.other)} == set(
        tables.other_people
    )


def test_save_change_remove_each_audited_once(database: Database) -> None:
    tables = add_two_tables(database)
    person = tables.people[0]
    save_commitment(database, tables.mine, person, "Ik start een repaircafé.")
    save_commitment(database, tables.mine, person, "Ik start een repaircafé.")  # the same: nothing
    assert actions(database) == ["commitment.saved"]
    save_commitment(database, tables.mine, person, "Ik start een repaircafé in Winterslag.")
    with database.reading() as session:
        saved = session.scalars(select(Commitment)).one()
        assert saved.text == "Ik start een repaircafé in Winterslag."
        assert saved.entered_by == tables.mine.actor
    save_commitment(database, tables.mine, person, "   ")
    assert count(database, Commitment) == 0
    assert actions(database) == ["commitment.saved", "commitment.saved", "commitment.removed"]
    save_commitment(database, tables.mine, person, "")  # nothing left to remove
    assert len(actions(database)) == 3


def test_an_organiser_types_a_card_in_later(database: Database) -> None:
    tables = add_two_tables(database)
    access = organiser_access(database, tables.mine.table_id)
    save_commitment(database, access, tables.people[3], "Ik geef taalles in de bib.")
    shown = {p.participant_id: p.text for p in commitments_at_table(database, access)}
    assert shown[tables.people[3]] == "Ik geef taalles in de bib."


def test_someone_of_another_table_is_refused_and_nothing_changes(
    database: Database, database_url: str
) -> None:
    tables = add_two_tables(database)
    save_commitment(database, tables.mine, tables.people[0], "Ik doe mee.")
    before = fingerprint(database_url)
    with pytest.raises(InputRejected) as refused:
        save_commitment(database, tables.mine, tables.other_people[0], "Ik doe ook mee.")
    assert refused.value.message.endswith(".")
    assert "\n" not in refused.value.message
    with pytest.raises(InputRejected):
        save_commitment(database, tables.mine, 999_999, "Niemand.")
    assert fingerprint(database_url) == before


def test_too_long_is_refused_and_the_saved_one_stays(database: Database, database_url: str) -> None:
    tables = add_two_tables(database)
    save_commitment(database, tables.mine, tables.people[0], "Ik doe mee.")
    before = fingerprint(database_url)
    with pytest.raises(InputRejected) as refused:
        save_commitment(database, tables.mine, tables.people[0], "x" * (MAX_COMMITMENT + 1))
    assert refused.value.message == _(
        "A commitment can be at most {most} characters, to fit on the postcard."
    ).format(most=MAX_COMMITMENT)
    assert fingerprint(database_url) == before
    save_commitment(database, tables.mine, tables.people[0], "y" * MAX_COMMITMENT)
    shown = {p.participant_id: p.text for p in commitments_at_table(database, tables.mine)}
    assert shown[tables.people[0]] == "y" * MAX_COMMITMENT
