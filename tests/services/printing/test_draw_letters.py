"""The letters follow the day's draw: an invitation with its QR code for the selected, a
waiting-list letter with the place on the list, a letter for those not selected; each
in the person's own language, whatever language the app is in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from degenks_desktop import i18n
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.domain.badge_codes import format_badge_code
from degenks_desktop.domain.registration import RegistrationStatus
from degenks_desktop.errors import InputRejected
from degenks_desktop.services.printing.documents import (
    LETTER_KINDS,
    Letter,
    letters_to_print,
    render_letters,
)
from degenks_desktop.services.registrations.draw import DrawReport, run_draw
from degenks_desktop.storage.database import Database
from degenks_desktop.storage.models import DrawOutcome, Participant
from tests.helpers.draws import add_oversubscribed_day
from tests.helpers.pdfs import qr_codes_in

SEED = 42


def squeezed(text: str) -> str:
    """Text as extraction gives it back, whatever the line breaks did to the spaces."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    """Each page's text, spaces squeezed out."""
    return [squeezed(page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture
def drawn_day(database: Database) -> tuple[Database, DrawReport, set[str]]:
    """24 people for 12 places, drawn; then all in English but one per outcome in Dutch,
    so that every kind of letter has readers of both languages. Returns the Dutch."""
    add_oversubscribed_day(database, registrants=24, places=12)
    report = run_draw(database, 1, seed=SEED)
    with database.transaction() as session:
        session.execute(update(Participant).values(language="en"))
        dutch = set()
        for outcome in ("selected", "waiting", "not_selected"):
            person = session.scalars(
                select(Participant)
                .join(DrawOutcome, DrawOutcome.participant_id == Participant.id)
                .where(DrawOutcome.outcome == outcome)
                .order_by(Participant.id)
                .limit(1)
            ).one()
            person.language = "nl"
            dutch.add(person.first_name)
    return database, report, dutch


def statuses(database: Database) -> dict[str, RegistrationStatus]:
    with database.reading() as session:
        return {
            first: RegistrationStatus(status)
            for first, status in session.execute(
                select(Participant.first_name, Participant.status)
            ).all()
        }


def rendered(database: Database, kind: str, folder: Path) -> tuple[list[Letter], Path, list[str]]:
    event, letters = letters_to_print(database, kind=kind)  # type: ignore[arg-type]
    path = folder / f"{kind}.pdf"
    assert render_letters(event, letters, path) == len(letters)
    return letters, path, page_texts(path)


def test_each_person_gets_the_letter_of_where_the_draw_put_them(
    drawn_day: tuple[Database, DrawReport, set[str]], tmp_path: Path
) -> None:
    database, report, dutch = drawn_day
    i18n.set_language("en")  # the app's language: the letters do not follow it
    status = statuses(database)
    with database.reading() as session:
        places = {
            first: position
            for first, position in session.execute(
                select(Participant.first_name, DrawOutcome.waiting_position)
                .join(DrawOutcome, DrawOutcome.participant_id == Participant.id)
                .where(DrawOutcome.outcome == "waiting")
            ).all()
        }
    expected = {
        "invitation": RegistrationStatus.REGISTERED,
        "waiting": RegistrationStatus.WAITLISTED,
        "not_selected": RegistrationStatus.NOT_SELECTED,
    }
    written: dict[str, str] = {}
    for kind in LETTER_KINDS:
        letters, path, pages = rendered(database, kind, tmp_path)
        assert len(pages) == len(letters)
        names = {letter.first_name for letter in letters}
        assert names == {name for name, state in status.items() if state == expected[kind]}
        for name in names:
            assert name not in written, f"{name} got a {written.get(name)} and a {kind} letter"
            written[name] = kind
        codes = qr_codes_in(path)
        if kind == "invitation":
            assert sorted(codes) == sorted(letter.badge_code for letter in letters)
        else:
            assert codes == []  # nobody expects them at the desk
        for letter, page in zip(letters, pages, strict=True):
            assert squeezed(f"{letter.first_name} {letter.last_name}") in page
            if kind != "invitation":
                assert squeezed(format_badge_code(letter.badge_code)) not in page
                assert letter.badge_code not in page
            if letter.first_name in dutch:
                assert squeezed(f"Beste {letter.first_name} Genk,") in page
                assert "16maart2013" in page and "March" not in page
                if kind == "waiting":
                    assert f": {places[letter.first_name]}".replace(" ", "") in page
                continue
            assert squeezed(f"Dear {letter.first_name} Genk,") in page
            assert "16March2013" in page
            if kind == "invitation":
                assert squeezed("show the QR code at the front desk") in page
            elif kind == "waiting":
                assert squeezed("You are on the waiting list for that day.") in page
                position = places[letter.first_name]
                assert letter.waiting_position == position
                assert squeezed(f"Your place on the waiting list: {position}") in page
                assert squeezed("No longer want to come?") in page
            else:
                assert squeezed("This time you were not drawn") in page
                assert squeezed(f"{report.registered} people registered for 12 places") in page
                assert squeezed(f"repeat the draw with its seed, {SEED},") in page
                assert squeezed("You can still take part: the report of the day") in page
    assert len(written) == report.registered  # everyone in the pool got one letter
    assert {kind for kind in written.values()} == set(LETTER_KINDS)
    assert dutch <= set(written)


def test_without_a_draw_there_is_nobody_to_write_a_draws_letter_to(
    database: Database, tmp_path: Path
) -> None:
    create_demo_event(database, participants=6, days=1)
    i18n.set_language("en")
    assert letters_to_print(database, kind="waiting")[1] == []
    assert letters_to_print(database, kind="not_selected")[1] == []
    assert len(letters_to_print(database)[1]) == 6
    # Someone put on the waiting list by hand, with no draw: a letter without a place.
    with database.transaction() as session:
        person = session.scalars(select(Participant).order_by(Participant.id).limit(1)).one()
        person.status = RegistrationStatus.WAITLISTED
        person.language = "en"
    event, letters = letters_to_print(database, kind="waiting")
    assert [letter.waiting_position for letter in letters] == [None]
    path = tmp_path / "wachtlijst.pdf"
    render_letters(event, letters, path)
    (page,) = page_texts(path)
    assert squeezed("You are on the waiting list") in page
    assert squeezed("place on the waiting list:") not in page
    assert qr_codes_in(path) == []
    assert len(letters_to_print(database)[1]) == 5  # no invitation for them any more


def test_a_letter_of_an_unknown_kind_is_refused_in_a_sentence(database: Database) -> None:
    create_demo_event(database, participants=2, days=1)
    i18n.set_language("en")
    with pytest.raises(InputRejected) as refused:
        letters_to_print(database, kind="reminder")  # type: ignore[arg-type]
    assert refused.value.message == (
        "There is no letter called reminder: choose invitation, waiting or not_selected."
    )
