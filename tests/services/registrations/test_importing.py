"""Importing registrations: read in, applied or previewed, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select

from degenks_desktop.errors import InputRejected
from degenks_desktop.services.registrations.importing import import_file
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import AuditEntry, Participant, Profile, Theme
from tests.helpers.counts import count
from tests.helpers.files import REGISTRATION_HEADER, write_csv, write_xlsx

WEB_FORM_HEADER = [*REGISTRATION_HEADER, "Opmerkingen"]
WEB_FORM_ROWS = [
    [
        "Ayşe",
        "Yılmaz",
        "ayse.yilmaz@example.org",
        "0470 12 34 56",
        "V",
        "1979",
        "Winterslag",
        "Wonen",
        "Werk",
        "4/03/2013",
        "ja",
        "Turks",
        "",
    ],
    [
        "İbrahim",
        "Öztürk",
        "",
        "+32 471 22 33 44",
        "m",
        "1956",
        "waterschei",
        "financien",
        "",
        "dag 2",
        "ja",
        "turks",
        "Fluistertolk nodig;\nkomt met zoon",
    ],
    [
        "Giuseppe",
        "D'Angelo",
        "g.dangelo@example.be",
        "",
        "Man",
        "1948",
        "Zwartberg",
        "Vrije tijd",
        "Samenleven",
        "maandag",
        "nee",
        "Italiaans",
        "",
    ],
    ["محمد", "العلوي", "", "", "", "", "", "Ruimtevaart", "", "1", "", "", ""],
    [
        "Γιώργος",
        "Παπαδόπουλος",
        "giorgos@example.net",
        "",
        "m",
        "1990",
        "Centrum",
        "Taal",
        "",
        "2",
        "ja",
        "Grieks",
        "",
    ],
    ["", "", "", "", "", "", "", "", "", "", "", "", "Lege regel met enkel een opmerking"],
    [
        "Maria Dolores Esperanza",
        "Fernández de la Peña-Vanderstraeten",
        "",
        "",
        "v",
        "1985",
        "Kolderbos",
        "Jeugd",
        "",
        "1",
        "ja",
        "Spaans",
        "",
    ],
]


@pytest.fixture
def web_form(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "inschrijvingen.csv", [WEB_FORM_HEADER, *WEB_FORM_ROWS], encoding="utf-8-sig"
    )


def names(database: Database) -> list[tuple[str, str]]:
    with database.reading() as session:
        rows = session.execute(
            select(Participant.first_name, Participant.last_name).order_by(Participant.id)
        ).all()
    return [(first, last) for first, last in rows]


def test_the_city_web_form_comes_in_clean(event: Database, web_form: Path) -> None:
    report = import_file(event, web_form)
    assert (report.total_rows, report.added, report.updated) == (7, 6, 0)
    assert [(note.line, note.reason) for note in report.rejected] == [(8, "geen naam")]
    # Names exactly as written, in every script and length.
    assert names(event) == [(row[0], row[1]) for row in WEB_FORM_ROWS if row[0]]
    with event.reading() as session:
        ibrahim = session.scalars(
            select(Participant).where(Participant.last_name == "Öztürk")
        ).one()
        theme = session.get(Theme, ibrahim.first_theme_id)
        assert theme is not None and theme.code == "financien"
        assert ibrahim.desk_note == "Fluistertolk nodig;\nkomt met zoon"
        assert ibrahim.day is not None and ibrahim.day.number == 2
        assert ibrahim.profile is not None and ibrahim.profile.origin == "turkish"
        assert ibrahim.profile.neighbourhood == "Waterschei"
        giuseppe = session.scalars(
            select(Participant).where(Participant.last_name == "D'Angelo")
        ).one()
        # Giuseppe said no to the diversity questions: nothing of them is kept.
        assert giuseppe.profile is None and not giuseppe.profile_consent
        assert giuseppe.day is not None and giuseppe.day.number == 1
        arabic = session.scalars(select(Participant).where(Participant.last_name == "العلوي")).one()
        assert arabic.first_theme_id is None
    assert any(note.line == 6 and "Ruimtevaart" in note.reason for note in report.warnings)
    assert count(event, Profile) == 4


def test_importing_the_same_file_again_adds_nobody(event: Database, web_form: Path) -> None:
    import_file(event, web_form)
    before = names(event)
    again = import_file(event, web_form)
    assert (again.added, again.updated, len(again.duplicates)) == (0, 0, 6)
    assert names(event) == before


def test_changes_to_a_known_person_are_shown_then_applied(
    event: Database, web_form: Path, tmp_path: Path
) -> None:
    import_file(event, web_form)
    changed = [row[:] for row in WEB_FORM_ROWS[:1]]
    changed[0][2] = "AYSE.YILMAZ@EXAMPLE.ORG"  # the same person, whatever the case
    changed[0][3] = "0499 99 99 99"
    changed[0][7] = "Werk"
    path = write_csv(tmp_path / "wijziging.csv", [WEB_FORM_HEADER, *changed])
    preview = import_file(event, path, dry_run=True)
    assert preview.updated == 1
    assert {label for label, _old, _new in preview.changes[0].changes} == {
        "Telefoon",
        "Thema, eerste keuze",
    }
    with event.reading() as session:
        phone = session.scalars(
            select(Participant.phone).where(Participant.last_name == "Yılmaz")
        ).one()
    assert phone == "0470 12 34 56"  # the dry run changed nothing
    applied = import_file(event, path)
    assert applied.updated == 1
    with event.reading() as session:
        phone = session.scalars(
            select(Participant.phone).where(Participant.last_name == "Yılmaz")
        ).one()
        actions = session.scalars(select(AuditEntry.action)).all()
    assert phone == "0499 99 99 99"
    assert "participant.updated_by_import" in actions


@pytest.mark.parametrize(
    "content",
    [b"", b"\r\n\r\n;;;\r\n", b"Kleur;Maat\r\nrood;XL\r\n", b"\x00\x01\x02PK\x03garbage"],
)
def test_unusable_files_are_refused_and_change_nothing(
    event: Database, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "slecht.csv"
    path.write_bytes(content)
    with pytest.raises(InputRejected) as refused:
        import_file(event, path)
    assert refused.value.message.endswith(".")
    assert "\n" not in refused.value.message
    assert count(event, Participant) == 0
    assert count(event, AuditEntry) == 2  # only the demo's own: the event, its organiser


def test_a_missing_file_is_refused(event: Database, tmp_path: Path) -> None:
    with pytest.raises(InputRejected):
        import_file(event, tmp_path / "bestaat-niet.xlsx")


def test_an_excel_workbook_imports_like_a_csv(event: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "partners.xlsx",
        [
            ["First name", "Last name", "Email", "Age", "Theme", "Day", "Consent", "Gender"],
            ["Łukasz", "Wiśniewski", "lukasz@example.org", 34, "Werk", 1, "yes", "male"],
            ["Fatima-Zahra", "El Amrani", None, 27, "jeugd en jonge gezinnen", 2, None, "female"],
        ],
    )
    report = import_file(event, path)
    assert report.added == 2
    assert names(event) == [("Łukasz", "Wiśniewski"), ("Fatima-Zahra", "El Amrani")]
    with event.reading() as session:
        lukasz = session.scalars(
            select(Participant).where(Participant.first_name == "Łukasz")
        ).one()
        assert lukasz.profile is not None
        assert (lukasz.profile.birth_year, lukasz.profile.gender) == (2013 - 34, "m")
    # Fatima-Zahra gave answers but no consent: they are not kept, and the report says so.
    assert report.answers_without_consent == 1


cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8))
def test_no_csv_content_crashes_or_half_applies(
    event: Database, tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    path = tmp_path_factory.mktemp("hyp") / "willekeurig.csv"
    write_csv(path, [["Voornaam", "Achternaam", "Thema 1", "Dag"], *rows], encoding="utf-8")
    before = count(event, Participant)
    try:
        report = import_file(event, path)
    except InputRejected:
        assert count(event, Participant) == before
        return
    assert count(event, Participant) == before + report.added
    assert (
        report.added
        + report.updated
        + len(report.duplicates)
        + len(report.rejected)
        + len(report.skipped)
        == report.total_rows
    )


CLERK_ROWS = [
    ["Inschrijvingen G360 – maandag 4 en dinsdag 5 maart 2013"],
    [],
    ["Nr.", "Naam", "Voornaam", "Thema", "Dag"],
    ["1", "Peeters", "Jan", "Wonen", "4/03/2013"],
    ["2", "Maes", "Els", "", "5/03/2013"],
    ["3", "Claes", "Luc", "Werk", "5/03/2013"],
]


def test_a_clerks_list_below_its_title_imports_and_a_lost_theme_is_warned_about(
    event: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "klerk.csv", CLERK_ROWS, encoding="cp1252")
    report = import_file(event, path, dry_run=True)
    assert report.added == 3 and not report.rejected
    # Els's theme stood in a merged cell of the workbook, which the CSV kept only in the
    # block's first row: her line says so rather than leaving her themeless in silence.
    assert [(note.line, note.code) for note in report.warnings] == [(5, "theme_empty")]
    assert ".xlsx" in report.warnings[0].reason


def test_a_merged_theme_in_the_workbook_holds_for_its_whole_block(
    event: Database, tmp_path: Path
) -> None:
    path = tmp_path / "klerk.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in CLERK_ROWS:
        sheet.append(row)
    sheet.merge_cells("A1:E1")
    sheet.merge_cells("D4:D5")
    workbook.save(path)
    import_file(event, path)
    with event.reading() as session:
        els = session.scalars(select(Participant).where(Participant.first_name == "Els")).one()
        theme = session.get(Theme, els.first_theme_id)
        assert theme is not None and theme.code == "wonen"


def test_cancelled_tickets_partial_responses_totals_and_empty_rows_are_skipped_and_listed(
    event: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "export.csv",
        [
            ["Voornaam", "Naam", "E-mail", "Attendee Status"],
            ["Jan", "Peeters", "jan@example.org", "Attending"],
            ["Els", "Maes", "els@example.org", "Not Attending"],
            [],
            ["Luc", "Claes", "", "Refunded"],
            ["Totaal", "2", "", ""],
            ["Mia", "Goris", "mia@example.org", "Checked In"],
        ],
        delimiter=",",
    )
    report = import_file(event, path)
    assert report.added == 2 and not report.rejected and not report.duplicates
    assert [(note.line, note.code) for note in report.skipped] == [
        (3, "cancelled"),
        (4, "empty"),
        (5, "cancelled"),
        (6, "totals line"),
    ]
    assert "Not Attending" in report.skipped[0].reason
    assert report.total_rows == 6
    assert names(event) == [("Jan", "Peeters"), ("Mia", "Goris")]
    outcomes = [(line["line"], line["outcome"]) for line in report.as_json()["lines"]]
    assert outcomes == [
        (2, "added"),
        (3, "skipped"),
        (4, "skipped"),
        (5, "skipped"),
        (6, "skipped"),
        (7, "added"),
    ]


def test_a_partial_typeform_response_is_skipped(event: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "typeform.csv",
        [
            ["#", "Hoe mogen we je noemen? (voornaam)", "En je familienaam?", "Response Type"],
            ["a1", "Joris", "Van Gompel", "partial"],
            ["a2", "Joris", "Van Gompel", "completed"],
        ],
        delimiter=",",
    )
    report = import_file(event, path, dry_run=True)
    assert report.added == 1
    assert [(note.line, note.code) for note in report.skipped] == [(2, "partial")]
