"""Mapping columns: a corrected mapping is remembered, a wrong one refused."""

from __future__ import annotations

import pytest

from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations.files import RawRow, RawTable
from degenks_desktop.services.registrations.importing import import_registrations
from degenks_desktop.services.registrations.mapping import proposed_mapping
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Participant
from tests.helpers.counts import count


def test_a_corrected_mapping_is_remembered(event: Database) -> None:
    table = RawTable(
        headers=("Kolom A", "Kolom B", "Kolom C"),
        rows=(RawRow(2, ("Lien", "Claes", "lien@example.org")),),
        description="test",
    )
    with pytest.raises(InputRejected):
        import_registrations(event, table)  # nothing recognisable
    mapping = ["first_name", "last_name", "email"]
    assert import_registrations(event, table, mapping=mapping).added == 1
    assert proposed_mapping(event, table.headers) == mapping


def test_a_wrong_mapping_is_refused(event: Database) -> None:
    table = RawTable(headers=("A", "B"), rows=(RawRow(2, ("x", "y")),), description="test")
    for mapping in (["first_name"], ["first_name", "first_name"], ["first_name", "shoe_size"]):
        with pytest.raises(InputRejected):
            import_registrations(event, table, mapping=mapping)
    assert count(event, Participant) == 0
