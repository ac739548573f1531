"""Which tool wrote a file, from its header alone: each real tool's export is told, a
clerk's own list is no tool's."""

from __future__ import annotations

from pathlib import Path

import pytest

from degenks_desktop.domain.export_tools import recognise_tool
from degenks_desktop.services.registrations.files import read_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("eventbrite_attendee_summary.csv", "Eventbrite"),
        ("pretix_g360_order_positions.csv", "pretix"),
        ("pretix_g360_orders.xlsx", "pretix"),
        ("google_forms_inschrijving_g360.csv", "Google Forms"),
        ("microsoft_forms_g360.xlsx", "Microsoft Forms"),
        ("typeform_g360_responses.csv", "Typeform"),
        ("klerk_inschrijvingen_g360.xlsx", None),
        ("klerk_inschrijvingen_g360_puntkomma.csv", None),
    ],
)
def test_each_tools_export_is_told_by_its_header(name: str, tool: str | None) -> None:
    assert recognise_tool(read_table(FIXTURES / name).headers) == tool


def test_a_header_with_a_few_of_a_tools_columns_is_no_export_of_it() -> None:
    assert recognise_tool(["Voornaam", "Naam", "Order code", "Thema"]) is None  # no Position ID
    assert recognise_tool(["Tijdstempel", "Voornaam"]) == "Google Forms"  # a Dutch account
    assert recognise_tool([]) is None
