"""Render the app's screens on a fresh demo event to PNG files in docs/, for the README.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py` (no screen needed).
The offscreen screen is then a city laptop's 1366×768, where the window opens maximised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from degenks_desktop import i18n
from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.services.front_desk.check_ins import check_in_participant
from degenks_desktop.services.front_desk.search import find_participants
from degenks_desktop.services.house.organisers import (
    DEMO_ORGANISER,
    DEMO_ORGANISER_PASSWORD,
    OrganiserAccess,
    verify_organiser,
)
from degenks_desktop.services.organising.seating import assign_seats
from degenks_desktop.services.registrations.draw import (
    draw_plan,
    propose_plan,
    run_draw,
    save_draw_plan,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.front_desk.walk_in_dialog import WalkInDialog
from degenks_desktop.ui.registrations.import_wizard import ImportWizard
from degenks_desktop.ui.shell.app import AppController
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.look import apply_look
from degenks_desktop.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LAPTOP_SCREEN = ROOT / "tests" / "helpers" / "laptop_screen.json"
SAMPLE = (
    "Voornaam;Naam;E-mail;Telefoon;Geslacht;Geboortejaar;Wijk;Thema 1;Dag;Toestemming;Herkomst\r\n"
    "Hatice;Kaya;hatice.kaya@example.org;0471 22 33 44;v;1984;Winterslag;Wonen;1;ja;Turks\r\n"
    "Youssef;Benali;;0486 12 12 12;m;1991;Zwartberg;werk;dag 2;ja;Marokkaans\r\n"
    "Maria;Rossi;;;v;1950;Waterschei;Ruimtevaart;maandag;nee;Italiaans\r\n"
    ";;;;;;;;;;\r\n"
    "Hatice;Kaya;HATICE.KAYA@example.org;;;;;Wonen;1;;\r\n"
    ";;zonder.naam@example.org;;;;;Werk;1;;\r\n"
)


def save(widget: QWidget, name: str) -> None:
    """Show `widget` as the app does, let Qt lay it out and the window read its counts
    (off the GUI thread), and save it as docs/`name`."""
    if isinstance(widget, MainWindow):
        widget.show_on_screen()
        widget.refresh_counts()
    else:
        widget.show()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if not (isinstance(widget, MainWindow) and widget.refreshing):
            break
        time.sleep(0.02)
    QApplication.processEvents()
    widget.grab().save(str(DOCS / name))


def use_a_laptop_screen() -> None:
    """Offscreen, render on a 1366×768 screen (Qt's own offscreen screen is 800×800)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"


def main() -> int:
    """Save the main window (Dutch and English), the diversity matrix, the import and walk-in."""
    use_a_laptop_screen()
    application = QApplication(sys.argv)  # must live as long as the widgets
    apply_look(application)  # as `make run` shows it
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(sqlite_url(Path(folder) / "demo.sqlite"))
        create_demo_event(database)
        # Seated before anyone checks in: once people arrive, seating keeps to who came.
        assign_seats(database, day_number=1, effort=0.3)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        for language, name in (("en", "main-window-en.png"), ("nl", "main-window.png")):
            i18n.set_language(language)
            context = AppContext(database=database, settings=settings)
            context.reload_event()
            context.organiser.sign_in(demo_organiser(database))  # Organisatie on screen
            controller = AppController(context)
            controller.apply_language(language)
            window = controller.window
            window.workspaces.setCurrentWidget(window.organiser)
            save(window, name)
            if language == "nl":
                dutch_window_shots(window)
            window.close()
        sample = Path(folder) / "inschrijvingen.csv"
        sample.write_bytes(SAMPLE.encode("cp1252"))
        wizard = ImportWizard(context)
        wizard.file_page.path.setText(str(sample))
        wizard.show()
        wizard.next()
        save(wizard, "import-columns.png")
        wizard.next()
        save(wizard, "import-review.png")
        wizard.close()
        assert context.event is not None
        walk_in = WalkInDialog(
            context,
            event=context.event,
            day_id=context.event.days[0].id,
        )
        walk_in.first_name.setText("Şükrü")
        walk_in.last_name.setText("Karaağaçlıoğlu")
        walk_in.consent.setChecked(True)
        save(walk_in, "walk-in.png")
        document_shots(database, Path(folder))
        database.close()
        simulated_shots(Path(folder), settings)
        selection_shot(Path(folder), settings)
    return 0


def selection_shot(folder: Path, settings: QSettings) -> None:
    """Organisatie → Selectie after a draw: the demo's day 1 as the G360 planned it, 180
    places for its 225 registrants (360 over two days for 449)."""
    database = open_database(sqlite_url(folder / "draw.sqlite"))
    create_demo_event(database, seated=False)
    plan = draw_plan(database, 1)
    quotas = propose_plan(database, 1, 180, plan.tolerance)
    save_draw_plan(database, replace(plan, places=180, waiting_list=45, quotas=quotas))
    run_draw(database, 1, seed=2013, actor="screenshot")
    i18n.set_language("nl")
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    context.organiser.sign_in(demo_organiser(database))
    controller = AppController(context)
    controller.apply_language("nl")
    window = controller.window
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.selection)
    window.organiser.selection.load()
    save(window, "selection-page.png")
    window.close()
    database.close()


def dutch_window_shots(window: MainWindow) -> None:
    """The Dutch window's pages: the desk, seating, arrivals, a table, diversity,
    registrations, the log and printing."""
    front_desk_shot(window)
    window.organiser.seating_board.refresh()
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.seating_board)
    save(window, "seating-board.png")
    arrivals_shot(window)
    table_shot(window)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.diversity)
    diversity = window.organiser.diversity
    diversity.category.setCurrentIndex(diversity.category.findData("origin"))
    window.organiser.refresh_diversity()
    save(window, "diversity.png")
    organiser = window.organiser
    organiser.pages.setCurrentWidget(organiser.registrations_page)
    organiser.registrations.search.setText("yilmaz")
    save(window, "registrations.png")
    save(window, "registrations.png")  # the search is read by the refresh, then shown
    organiser.pages.setCurrentWidget(organiser.audit_log)
    save(window, "audit-log.png")
    organiser.pages.setCurrentWidget(organiser.print_page)
    save(window, "print-page.png")


def front_desk_shot(window: MainWindow) -> None:
    """The station after one check-in, with a name typed for the next."""
    window.workspaces.setCurrentWidget(window.front_desk)
    station = window.front_desk.station
    station.day_number = 1
    day = window.selected_day()
    assert day is not None
    first = next(
        m for m in find_participants(station.context.database, "a", limit=50) if m.day_id == day.id
    )
    station.show_result(
        check_in_participant(station.context.database, first.id, desk="onthaal 1", day_number=1)
    )
    station.scan_box.setText("yilmaz")
    station.search("yilmaz")
    window.refresh_counts()
    save(window, "front-desk.png")


TABLE_IDEAS = (
    "Een huurdersbond per wijk die mensen helpt bij problemen met hun woning.",
    "Lege bovenverdiepingen in het centrum ombouwen tot betaalbare studio's.",
    "Samen tuinieren op braakliggende gronden in Winterslag.",
    "Een buurtconciërge die oudere bewoners helpt met kleine herstellingen.",
    "Jonge gezinnen voorrang geven bij sociale huurwoningen in Zwartberg.",
    "Een infopunt over premies voor isolatie, in meerdere talen.",
    "Cohousing voor senioren en studenten in de oude mijnwoningen.",
    "Een deelwerkplaats met gereedschap voor de hele wijk.",
    "Huisbezoeken van de stad bij nieuwe inwoners, met een welkomstpakket.",
    "Meer groen en speelruimte tussen de appartementsblokken.",
    "Een renovatiecoach die eigenaars begeleidt van plan tot werf.",
    "Buurtfeesten waar nieuwe en oude bewoners elkaar leren kennen.",
)


def table_shot(window: MainWindow) -> None:
    """A facilitator at table 1 during the vote: ideas, dots and the ten best with a tie."""
    from degenks_desktop.services.tables.access import demo_pin, sign_in  # noqa: PLC0415
    from degenks_desktop.services.tables.dots import TooManyDots, set_tally  # noqa: PLC0415
    from degenks_desktop.services.tables.ideas import add_idea, duos_at_table  # noqa: PLC0415

    database = window.context.database
    access = sign_in(database, day_number=1, table_number=1, pin=demo_pin(1, 1))
    duos = duos_at_table(database, access)
    for index, text in enumerate(TABLE_IDEAS):
        idea = add_idea(database, access, text=text, duo_id=duos[index % len(duos)].id)
        # A smaller table has fewer stickers: the later ideas then keep none.
        with contextlib.suppress(TooManyDots):
            set_tally(database, access, idea, (4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0)[index])
    window.workspaces.setCurrentWidget(window.tables)
    window.tables.table_desk.open_table(access)
    assert window.tables.table_desk.session is not None
    window.tables.table_desk.session.tabs.setCurrentIndex(1)
    save(window, "table.png")
    window.tables.table_desk.close_table()


def report_shot(database: Database, folder: Path) -> None:
    """A theme's first page in the report, as the policy table reads it."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    from degenks_desktop.services.reporting.report_data import report_data  # noqa: PLC0415
    from degenks_desktop.services.reporting.report_pdf import render_report  # noqa: PLC0415

    target = folder / "thema.pdf"
    render_report(report_data(database, theme_code="wonen", day_number=1), target)
    document = pdfium.PdfDocument(target)
    first_theme_page = next(
        number
        for number, page in enumerate(document)
        if "Hoe kunnen we" in page.get_textpage().get_text_range()
    )
    document[first_theme_page].render(scale=90 / 72).to_pil().save(DOCS / "report-theme.png")
    document.close()


def demo_organiser(database: Database) -> OrganiserAccess:
    """The demo's organiser, signed in: the shots show Organisatie as they see it."""
    return verify_organiser(database, DEMO_ORGANISER, DEMO_ORGANISER_PASSWORD)


def welcome_shot(folder: Path, settings: QSettings) -> None:
    """The first run on an empty database, and the new-event wizard's themes."""
    from degenks_desktop.ui.shell.first_run import NewEventWizard  # noqa: PLC0415

    database = open_database(sqlite_url(folder / "empty.sqlite"))
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    window = AppController(context).window
    save(window, "welcome.png")
    wizard = NewEventWizard(context)
    wizard.show()
    wizard.next()
    wizard.next()
    save(wizard, "new-event.png")
    wizard.close()
    wizard.deleteLater()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    database.close()


def simulated_shots(folder: Path, settings: QSettings) -> None:
    """The end of a simulated day: the organisers' tables overview and a table's concepts."""
    from degenks_desktop.demo.simulated_day import simulate_event  # noqa: PLC0415
    from degenks_desktop.services.tables.access import demo_pin, sign_in  # noqa: PLC0415

    database = open_database(sqlite_url(folder / "simulated.sqlite"))
    create_demo_event(database)
    simulate_event(database)
    context = AppContext(database=database, settings=settings)
    context.reload_event()
    context.organiser.sign_in(demo_organiser(database))
    window = AppController(context).window
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.tables_overview)
    window.refresh_counts()
    save(window, "tables-overview.png")
    window.workspaces.setCurrentWidget(window.tables)
    window.tables.table_desk.open_table(
        sign_in(database, day_number=1, table_number=3, pin=demo_pin(1, 3))
    )
    assert window.tables.table_desk.session is not None
    window.tables.table_desk.session.tabs.setCurrentIndex(2)
    save(window, "concepts.png")
    window.tables.table_desk.close_table()
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.reports_page)
    save(window, "reports.png")
    after_the_day_shots(window, folder)
    report_shot(database, folder)  # after the synthesis: the chapter opens with clusters
    window.close()
    database.close()
    welcome_shot(folder, settings)


def after_the_day_shots(window: MainWindow, folder: Path) -> None:
    """The weeks after the simulated day: a theme team's clusters, the follow-up of the
    ideas with a few statuses set, the postcards page and one postcard."""
    from degenks_desktop.domain.follow_up import ClusterKind, FollowUpStatus  # noqa: PLC0415
    from degenks_desktop.services.follow_up import follow_ups, synthesis  # noqa: PLC0415
    from degenks_desktop.services.follow_up.postcards import make_postcards  # noqa: PLC0415
    from degenks_desktop.services.follow_up.settings import (  # noqa: PLC0415
        save_follow_up_settings,
    )

    database, event = window.context.database, window.context.event
    assert event is not None
    themes = synthesis.themes_of_event(database, event.id)
    views = synthesis.group_themes(database, [t.id for t in themes], actor="screenshot")
    first = views[0].clusters[0]
    synthesis.set_cluster_kind(database, first.id, ClusterKind.KEY, actor="screenshot")
    synthesis.save_cluster_summary(
        database,
        first.id,
        "Aan elke tafel kwam terug dat huren te duur is en de wachtlijsten te lang.",
        actor="screenshot",
    )
    domain = follow_ups.add_destination(database, event.id, "Dienst Wonen", actor="screenshot")
    follow_ups.add_destination(database, event.id, "Dienst Mobiliteit", actor="screenshot")
    day = event.days[0].date
    for item, status in zip(
        follow_ups.follow_up_items(database, event.id)[:4],
        (FollowUpStatus.IN_PLAN, FollowUpStatus.UNDER_STUDY, FollowUpStatus.DONE, None),
        strict=True,
    ):
        if status is None:
            continue
        follow_ups.set_follow_up(
            database,
            idea_id=item.id if item.kind == "idea" else None,
            concept_id=item.id if item.kind == "concept" else None,
            destination_id=domain,
            status=status,
            explanation="Opgenomen in het meerjarenplan 2014-2019, actie 3.2.",
            status_on=day + dt.timedelta(days=40),
            actor="screenshot",
        )
    save_follow_up_settings(
        database,
        event.id,
        report_link="https://www.genk.be/g360",
        postcards_on=day + dt.timedelta(days=42),
        actor="screenshot",
    )
    organiser = window.organiser
    window.workspaces.setCurrentWidget(organiser)
    organiser.pages.setCurrentWidget(organiser.synthesis)
    page = organiser.synthesis
    page.reload()
    page.tree.expand(page.tree.model().index(0, 0))
    page.tree.setCurrentIndex(page.tree.model().index(0, 0))
    save(window, "synthesis-page.png")
    organiser.pages.setCurrentWidget(organiser.follow_up)
    organiser.follow_up.view.selectRow(0)
    save(window, "follow-up-page.png")
    organiser.pages.setCurrentWidget(organiser.postcards)
    save(window, "postcards-page.png")
    cards = folder / "postkaarten.pdf"
    make_postcards(database, event.id, cards, actor="screenshot")
    pdf_page_shot(cards, 0, "postcard.png")


def pdf_page_shot(pdf: Path, page: int, name: str) -> None:
    """Page `page` (from 0) of a PDF as docs/`name`."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    document = pdfium.PdfDocument(pdf)
    document[page].render(scale=110 / 72).to_pil().save(DOCS / name)
    document.close()


def arrivals_shot(window: MainWindow) -> None:
    """The organisers' arrivals page half an hour into the day: some tables still empty."""
    database = window.context.database
    assert window.context.event is not None
    for match in find_participants(database, "a", limit=400)[::3]:
        if match.day_id == window.context.event.days[0].id:
            check_in_participant(database, match.id, desk="onthaal 2", day_number=1)
    window.workspaces.setCurrentWidget(window.organiser)
    window.organiser.pages.setCurrentWidget(window.organiser.arrivals_view)
    window.refresh_counts()
    save(window, "arrivals.png")


def document_shots(database: Database, folder: Path) -> None:
    """The first page of a badge sheet and of a table sign, as PNG (PDFium)."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    from degenks_desktop.domain.badge_formats import FORMATS  # noqa: PLC0415
    from degenks_desktop.services.printing import documents as print_documents  # noqa: PLC0415
    from degenks_desktop.services.printing.badges import badges_to_print, render_badges  # noqa: PLC0415

    sheet, sign = folder / "badges.pdf", folder / "signs.pdf"
    render_badges(badges_to_print(database, day_number=1), sheet, FORMATS["a4-8"])
    print_documents.render_table_signs(
        print_documents.tables_to_print(database, day_number=1)[:1],
        sign,
    )
    for pdf, name in ((sheet, "badges.png"), (sign, "table-sign.png")):
        document = pdfium.PdfDocument(pdf)
        document[0].render(scale=90 / 72).to_pil().save(DOCS / name)
        document.close()


if __name__ == "__main__":
    sys.exit(main())
