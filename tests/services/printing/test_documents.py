"""Table signs, facilitator packs and letters, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.printing.documents import (
    letters_to_print,
    render_facilitator_packs,
    render_letters,
    render_table_signs,
    tables_to_print,
)
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import Duo, Participant, Seat, Table
from tests.helpers.pdfs import pdf_text, qr_codes_in


def test_a_sign_per_table_with_its_question(database: Database, tmp_path: Path) -> None:
    create_demo_event(database, participants=60)
    tables = tables_to_print(database, day_number=1)
    path = tmp_path / "borden.pdf"
    assert render_table_signs(tables, path) == len(tables)
    assert len(PdfReader(path).pages) == len(tables)
    text = pdf_text(path)
    assert "Tafel 1" in text
    assert "Hoe kunnen we ervoor zorgen dat iedere Genkenaar betaalbaar" in text


def test_a_pack_lists_the_duos_and_has_a_tally_sheet(database: Database, tmp_path: Path) -> None:
    create_demo_event(database, participants=60, seated=False)
    with database.transaction() as session:
        table = session.scalars(select(Table).order_by(Table.id).limit(1)).one()
        people = session.scalars(
            select(Participant).where(Participant.day_id == table.day_id).limit(3)
        ).all()
        duo = Duo(table_id=table.id, number=1)
        session.add(duo)
        session.flush()
        for person in people[:2]:
            session.add(
                Seat(
                    participant_id=person.id, day_id=table.day_id, table_id=table.id, duo_id=duo.id
                )
            )
        names = [f"{p.first_name} {p.last_name}" for p in people[:2]]
        number = table.number
    tables = [t for t in tables_to_print(database) if t.number == number and t.day_number == 1]
    path = tmp_path / "pakket.pdf"
    render_facilitator_packs(tables, path)
    text = pdf_text(path)
    assert "  ·  ".join(names) in text or all(name in text for name in names)
    assert "Stickerstemmen" in text or "Dot votes" in text
    assert len(PdfReader(path).pages) == 2  # the pack and its tally sheet


def test_letters_carry_a_scannable_code(database: Database, tmp_path: Path) -> None:
    create_demo_event(database, participants=6)
    event, letters = letters_to_print(database)
    path = tmp_path / "brieven.pdf"
    assert render_letters(event, letters, path) == 6
    codes = qr_codes_in(path)
    assert sorted(codes) == sorted(letter.badge_code for letter in letters)
    text = pdf_text(path)
    assert all(letter.first_name in text for letter in letters)
    assert "Cristal Arena, Genk" in text
