"""Organisatie → Inschrijvingen: an organiser finds someone by typing, picks them with ↓,
fixes their e-mail in the form and saves with Ctrl+S, on the keyboard alone; the filters
narrow the list; a refused save says why; a language switch keeps everything in place."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from degenks_desktop.i18n import _
from degenks_desktop.services.registrations.editing import (
    RegistrationRow,
    list_registrations,
    registration,
)
from degenks_desktop.storage.models import AuditEntry
from degenks_desktop.ui.registrations.registrations_page import RegistrationModel, RegistrationsPage
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from tests.helpers.fingerprint import fingerprint
from tests.helpers.windows import refreshed

CTRL = Qt.KeyboardModifier.ControlModifier


def open_page(qtbot: QtBot, context: AppContext) -> RegistrationsPage:
    """The page on screen, its list read."""
    page = RegistrationsPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 600)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    everyone = len(list_registrations(context.database))
    qtbot.waitUntil(lambda: page.model.rowCount() == everyone)
    return page


def someone_with_a_unique_name(context: AppContext) -> RegistrationRow:
    rows = list_registrations(context.database)
    names = Counter(row.last_name for row in rows)
    return next(row for row in rows if names[row.last_name] == 1 and row.email)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def shown_texts(page: RegistrationsPage, column: int) -> list[str]:
    model = page.sorted
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def find_and_pick(qtbot: QtBot, page: RegistrationsPage, person: RegistrationRow) -> None:
    """Type the person's name in the search box, then ↓ to them, then Enter to the form."""
    page.search.setFocus()
    qtbot.keyClicks(page.search, f"{person.first_name} {person.last_name}")
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1 and page.model.row_at(0).id == person.id)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.shown is not None and page.shown.id == person.id
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert focused() is page.first_name


def test_the_organiser_finds_someone_fixes_their_email_and_saves_with_ctrl_s(
    qtbot: QtBot, context: AppContext
) -> None:
    page = open_page(qtbot, context)
    person = someone_with_a_unique_name(context)
    find_and_pick(qtbot, page, person)
    # Tab from the first name through the last name to the e-mail; type the new one.
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.email
    qtbot.keyClick(page.email, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.email, "nieuw.adres@telenet.be")

    qtbot.keyClick(page.email, Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: page.problem.text() == "Bewaard.")
    qtbot.waitUntil(
        lambda: shown_texts(page, RegistrationModel.EMAIL) == ["nieuw.adres@telenet.be"]
    )
    current = page.current_row()
    assert current is not None and current.id == person.id
    assert page.view.selectionModel().isRowSelected(page.view.currentIndex().row())
    saved = registration(context.database, person.id)
    assert saved.email == "nieuw.adres@telenet.be"
    assert saved.version == person.version + 1
    assert page.shown == saved  # the form holds the new version: the next save is fine


def test_a_filter_narrows_the_list_to_people_without_consent(
    qtbot: QtBot, context: AppContext
) -> None:
    page = open_page(qtbot, context)
    without = {row.id for row in list_registrations(context.database) if not row.consent}
    assert 0 < len(without) < page.model.rowCount()
    page.without_consent.setFocus()
    qtbot.keyClick(page.without_consent, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: {row.id for row in page.model.rows} == without)
    assert set(shown_texts(page, RegistrationModel.CONSENT)) == {""}
    assert page.count.text() == f"{len(without)} inschrijvingen"


def test_a_refused_save_says_why_under_the_form_and_changes_nothing(
    qtbot: QtBot, context: AppContext
) -> None:
    page = open_page(qtbot, context)
    person = someone_with_a_unique_name(context)
    find_and_pick(qtbot, page, person)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(page.email, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.email, "niet-een-adres")

    qtbot.keyClick(page.email, Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: page.problem.text() != "")
    assert (
        page.problem.text()
        == "“niet-een-adres” is geen e-mailadres: verbeter het of laat het leeg."
    )
    assert page.email.text() == "niet-een-adres"  # what was typed stays, to correct
    assert registration(context.database, person.id) == person


def test_switching_to_english_retranslates_the_page_in_place_keeping_the_choices(
    qtbot: QtBot, app_controller: AppController
) -> None:
    window = app_controller.window
    window.show()
    window.activateWindow()
    organiser = window.organiser
    window.workspaces.setCurrentWidget(organiser)
    organiser.pages.setCurrentWidget(organiser.registrations_page)
    page = organiser.registrations
    refreshed(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.reading)
    person = someone_with_a_unique_name(app_controller.context)
    find_and_pick(qtbot, page, person)
    page.status_filter.setCurrentIndex(page.status_filter.findData("registered"))
    qtbot.waitUntil(lambda: not page.reading)
    qtbot.keyClicks(page.desk_note, "komt later")
    form, model = page.form, page.model

    app_controller.apply_language("en")
    qtbot.waitUntil(lambda: page.with_note.text() == "With a note")

    assert page.form is form and page.model is model and organiser.registrations is page
    assert page.without_consent.text() == "Without consent"
    assert page.status_filter.currentText() == "registered"
    assert page.theme_filter.itemText(0) == "All themes"
    assert page.day_filter.itemText(0) == "All days"
    assert page.ui.deskNoteLabel.text() == "Note for the desk"
    assert page.save_button.text() == "&Save"
    assert page.check_in_button.text() == "Check &in"
    assert page.language.currentText() == "Dutch"
    header = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(len(model.COLUMNS))
    ]
    assert header[:5] == ["Name", "E-mail", "Day", "Theme", "Second theme"]
    assert shown_texts(page, RegistrationModel.STATUS) == ["registered"]
    assert page.search.text() == f"{person.first_name} {person.last_name}"
    assert page.shown is not None and page.shown.id == person.id
    assert page.desk_note.text() == "komt later"  # typed, not saved: still there
    assert page.count.text() == "1 registration"


def press(qtbot: QtBot, button: QPushButton) -> None:
    """A button pressed from the keyboard: focused, then Space."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_cancel_restore_check_in_and_merge_from_the_form(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, context)
    person = someone_with_a_unique_name(context)
    find_and_pick(qtbot, page, person)

    press(qtbot, page.cancel_button)
    qtbot.waitUntil(lambda: shown_texts(page, RegistrationModel.STATUS) == ["geannuleerd"])
    assert page.problem.text() == "De inschrijving is geannuleerd; de plaats is vrij."
    assert page.cancel_button.text() == "Inschrijving &terugzetten"
    assert not page.check_in_button.isEnabled()  # a cancelled registration is not checked in

    press(qtbot, page.cancel_button)
    qtbot.waitUntil(lambda: shown_texts(page, RegistrationModel.STATUS) == ["ingeschreven"])
    press(qtbot, page.check_in_button)
    qtbot.waitUntil(lambda: shown_texts(page, RegistrationModel.CHECKED_IN) == ["✓"])
    assert page.problem.text() == f"Ingecheckt op dag {person.day_number}."
    assert page.check_in_button.text() == "Check-in &ongedaan maken"

    other = next(
        row
        for row in list_registrations(context.database)
        if row.id != person.id and row.day_id == person.day_id
    )
    monkeypatch.setattr(RegistrationsPage, "ask_other_record", lambda _self, _keep: other.id)
    press(qtbot, page.merge_button)
    qtbot.waitUntil(lambda: page.problem.text().startswith("De twee inschrijvingen"))
    assert registration(context.database, other.id).status.value == "cancelled"
    assert page.shown is not None and page.shown.id == person.id


def test_tab_walks_the_page_as_it_reads(qtbot: QtBot, context: AppContext) -> None:
    page = open_page(qtbot, context)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # someone chosen: the form takes part
    walked = [focused()]
    for _step in range(9):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        walked.append(focused())
    assert walked == [
        page.search,
        page.with_note,
        page.without_consent,
        page.day_filter,
        page.theme_filter,
        page.status_filter,
        page.checked_in_filter,
        page.view,
        page.first_name,
        page.last_name,
    ]


def tab_to(qtbot: QtBot, widget: QWidget, *, most: int = 10) -> None:
    """Tab on from the focused field until `widget` has the focus."""
    for _step in range(most):
        if focused() is widget:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is widget


def test_the_organiser_types_the_postal_address_ticks_contact_and_saves(
    qtbot: QtBot, context: AppContext
) -> None:
    page = open_page(qtbot, context)
    rows = list_registrations(context.database)
    names = Counter(row.last_name for row in rows)
    person = next(row for row in rows if names[row.last_name] == 1 and not row.contact_consent)
    find_and_pick(qtbot, page, person)
    # After the phone come the street, the postcode, the town and the postcard's consent.
    tab_to(qtbot, page.street)
    qtbot.keyClick(page.street, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.street, "Stalenstraat 12 bus 3")
    qtbot.keyClick(page.street, Qt.Key.Key_Tab)
    assert focused() is page.postcode
    qtbot.keyClick(page.postcode, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.postcode, "3590")
    qtbot.keyClick(page.postcode, Qt.Key.Key_Tab)
    assert focused() is page.town
    qtbot.keyClick(page.town, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.town, "Diepenbeek")
    qtbot.keyClick(page.town, Qt.Key.Key_Tab)
    assert focused() is page.contact_consent
    qtbot.keyClick(page.contact_consent, Qt.Key.Key_Space)
    assert page.contact_consent.isChecked()

    qtbot.keyClick(page.contact_consent, Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: page.problem.text() == _("Saved."))
    saved = registration(context.database, person.id)
    assert (saved.street, saved.postcode, saved.town) == (
        "Stalenstraat 12 bus 3",
        "3590",
        "Diepenbeek",
    )
    assert saved.contact_consent and saved.consent == person.consent  # the other consent stays
    assert page.shown == saved
    with context.database.reading() as session:
        details = session.scalars(
            select(AuditEntry.details)
            .where(AuditEntry.action == "participant.edited", AuditEntry.subject_id == person.id)
            .order_by(AuditEntry.id.desc())
        ).first()
    assert details is not None
    assert json.loads(details)["fields"] == ["contact_consent", "postcode", "street", "town"]
    assert "Stalenstraat" not in details and "Diepenbeek" not in details  # names, no values


def test_a_street_too_long_says_one_sentence_and_changes_nothing(
    qtbot: QtBot, context: AppContext
) -> None:
    page = open_page(qtbot, context)
    person = someone_with_a_unique_name(context)
    find_and_pick(qtbot, page, person)
    url = context.database.url.render_as_string(hide_password=False)
    before = fingerprint(url)
    tab_to(qtbot, page.street)
    qtbot.keyClick(page.street, Qt.Key.Key_A, CTRL)
    typed = " ".join(["Stalenstraat"] * 16)  # 207 characters
    qtbot.keyClicks(page.street, typed)

    qtbot.keyClick(page.street, Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: page.problem.text() != "")
    assert page.problem.text() == _(
        "A {field} of {length} characters does not fit: the database keeps up "
        "to {limit}. Shorten it and try again."
    ).format(field=_("street and number"), length=len(typed), limit=200)
    assert page.street.text() == typed  # what was typed stays, to shorten
    assert registration(context.database, person.id) == person
    assert fingerprint(url) == before
