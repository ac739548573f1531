"""Rows an adversary (or a broken web form) sends: values longer than the database keeps,
and consent taken back. Each is a warning or a sentence, never a crash, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import insert, select

from degenks_desktop.errors import ValueDoesNotFit
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import AuditEntry, Participant, Profile
from tests.helpers.counts import count
from tests.helpers.events import add_small_event
from tests.helpers.files import REGISTRATION_HEADER, registration_rows, write_csv

PHONE = REGISTRATION_HEADER.index("Telefoon")
EMAIL = REGISTRATION_HEADER.index("E-mail")
CONSENT = REGISTRATION_HEADER.index("Toestemming")


def test_a_phone_number_or_e_mail_too_long_for_the_database_is_a_warning(
    event: Database, tmp_path: Path
) -> None:
    rows = registration_rows(6)
    rows[2][PHONE] = "0" * 80  # the column keeps 50
    rows[4][EMAIL] = "a" * 320 + "@example.org"  # the column keeps 320
    report = import_file(event, write_csv(tmp_path / "lang.csv", [REGISTRATION_HEADER, *rows]))
    assert report.added == 6  # nobody lost for one bad field
    warned = {note.line: note.reason for note in report.warnings}
    assert "50" in warned[4]  # line 4: the third person (the header is line 1)
    assert "320" in warned[6]
    with event.reading() as session:
        phones = session.scalars(select(Participant.phone)).all()
        emails = session.scalars(select(Participant.email)).all()
    assert max(len(phone or "") for phone in phones) <= 50
    assert max(len(email or "") for email in emails) <= 320


def test_a_value_too_long_is_refused_before_it_reaches_either_engine(database: Database) -> None:
    small = add_small_event(database)
    before = count(database, Participant)
    refused = pytest.raises(ValueDoesNotFit, match="telefoonnummer van 80 tekens")
    with refused, database.transaction() as session:
        session.add(
            Participant(
                event_id=small.event_id,
                first_name="Ayşe",
                last_name="Yılmaz",
                phone="0" * 80,
                badge_code="ZZZZZZZZZZ",
            )
        )
    assert count(database, Participant) == before


def test_a_value_that_still_reaches_postgresql_is_a_sentence(postgres_database_url: str) -> None:
    database = open_database(postgres_database_url)
    small = add_small_event(database)
    before = count(database, Participant)
    with pytest.raises(ValueDoesNotFit) as refused, database.transaction() as session:
        # Core, past the ORM's check: PostgreSQL itself refuses the value.
        session.execute(
            insert(Participant).values(
                event_id=small.event_id,
                first_name="Ayşe",
                last_name="Yılmaz",
                phone="0" * 80,
                badge_code="ZZZZZZZZZZ",
                search_key="",
            )
        )
    assert "Ayşe" not in refused.value.message and "000000" not in refused.value.message
    assert count(database, Participant) == before
    database.close()


def test_consent_withdrawn_in_a_new_file_deletes_the_answers(
    event: Database, tmp_path: Path
) -> None:
    rows = registration_rows(5)
    for row in rows:
        row[CONSENT] = "ja"
    import_file(event, write_csv(tmp_path / "eerst.csv", [REGISTRATION_HEADER, *rows]))
    assert count(event, Profile) == 5
    origin = rows[1][REGISTRATION_HEADER.index("Herkomst")]
    rows[1][CONSENT] = "nee"
    report = import_file(event, write_csv(tmp_path / "dan.csv", [REGISTRATION_HEADER, *rows]))
    assert report.updated == 1
    assert count(event, Profile) == 4
    with event.reading() as session:
        withdrawn = session.scalars(
            select(Participant).where(Participant.last_name == rows[1][1])
        ).one()
        assert (withdrawn.profile_consent, withdrawn.profile) == (False, None)
        withdrawn_id = withdrawn.id
        entries = session.execute(
            select(AuditEntry.subject_id, AuditEntry.details).where(
                AuditEntry.action == "participant.consent_withdrawn"
            )
        ).all()
    assert [subject for subject, _details in entries] == [withdrawn_id]
    assert origin not in str(entries[0][1])  # audited without the answers


def test_formulas_without_a_value_are_warned_about_in_the_import_report(
    event: Database, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Voornaam", "Achternaam", "E-mail"])
    sheet.append(["Els", "Maes", "els@example.org"])
    sheet.append(['=UPPER("ayse")', '=PROPER("yilmaz")', "ayse@example.org"])  # never computed
    workbook.save(tmp_path / "formules.xlsx")
    report = import_file(event, tmp_path / "formules.xlsx", dry_run=True)
    assert [note.line for note in report.warnings] == [3]
    assert "'Voornaam'" in report.warnings[0].reason
    assert report.as_json()["warnings"][0]["line"] == 3
