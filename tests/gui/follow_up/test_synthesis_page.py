"""Synthese: a theme team member groups a theme's ideas by keys and makes the clusters
their own (a title, a merge, a split, a move by keys and by drag, a key with its
summary); each change is kept in the database, a blank title is refused with one
sentence, and Cancel or No before regrouping keep the team's work."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from degenks_desktop import i18n
from degenks_desktop.date_style import day_on_paper
from degenks_desktop.domain.follow_up import ClusterKind
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.follow_up.synthesis import (
    ClusteredIdea,
    ClusterView,
    ThemeSynthesisView,
    theme_synthesis,
)
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Idea
from degenks_desktop.ui.follow_up import synthesis_page
from degenks_desktop.ui.follow_up.synthesis_model import SynthesisModel
from degenks_desktop.ui.follow_up.synthesis_page import SynthesisPage
from degenks_desktop.ui.shell.background import Report
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext
from tests.helpers.fingerprint import fingerprint
from tests.helpers.organisers import add_organiser, as_organiser
from tests.helpers.pools import ImmediatePool
from tests.helpers.screen_fit import clipped_texts, controls_outside
from tests.helpers.synthesis import ThemeIdeas, add_themes_with_ideas

MENU_TITLES = ("&File", "&View", "&Help")  # the window's menus (ui/shell/main_window.py)


@pytest.fixture
def themes(sqlite_database_url: str) -> Iterator[tuple[Database, ThemeIdeas]]:
    """Two themes with ideas that say the same at several tables, and an organiser."""
    database = open_database(sqlite_database_url)
    ideas = add_themes_with_ideas(database)
    add_organiser(database)
    yield database, ideas
    database.close()


@pytest.fixture
def team_context(themes: tuple[Database, ThemeIdeas], settings: QSettings) -> AppContext:
    """An organiser laptop with the organiser signed in; work runs at once."""
    database, _ideas = themes
    settings.setValue(SETTING_DESK_NAME, "synthese")
    context = AppContext(
        database=database, settings=settings, pool=ImmediatePool(), desk_pool=ImmediatePool()
    )
    context.reload_event()
    context.organiser.sign_in(as_organiser(database))
    return context


def open_page(qtbot: QtBot, context: AppContext) -> SynthesisPage:
    """The page at a city laptop's 1366×768, on the event's first theme (Wonen)."""
    page = SynthesisPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show_event(context.event)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def choose_work(qtbot: QtBot, page: SynthesisPage, ideas: ThemeIdeas) -> None:
    """Alt+T to the theme, ↓ to Werk (after Wonen)."""
    press_mnemonic(qtbot, _("&Theme"))
    assert QApplication.focusWidget() is page.theme
    qtbot.keyClick(page.theme, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.view is not None and page.view.theme_id == ideas.work_theme_id)


def press_mnemonic(qtbot: QtBot, text: str) -> None:
    """Alt and the underlined letter of `text` (a button's or a label's), typed into
    whatever has the keyboard."""
    found = re.search(r"&(\w)", text)
    assert found is not None, text
    focused = QApplication.focusWidget() or QApplication.activeWindow()
    assert focused is not None
    key = getattr(Qt.Key, f"Key_{found.group(1).upper()}")
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.AltModifier)


def press(qtbot: QtBot, button: QPushButton) -> None:
    """The button's Alt+letter."""
    assert button.isEnabled(), button.text()
    press_mnemonic(qtbot, button.text())


def grouped_work(qtbot: QtBot, context: AppContext, ideas: ThemeIdeas) -> SynthesisPage:
    """The page opened, Werk chosen and grouped, as each change of the team starts."""
    page = open_page(qtbot, context)
    choose_work(qtbot, page, ideas)
    group(qtbot, page)
    return page


def group(qtbot: QtBot, page: SynthesisPage) -> None:
    """Alt+G, then until the clusters are on the page."""
    press(qtbot, page.group_button)
    qtbot.waitUntil(
        lambda: page.task is None and page.view is not None and bool(page.view.clusters)
    )
    qtbot.waitUntil(lambda: not page.findChildren(QProgressDialog))


def stored(database: Database, theme_id: int) -> ThemeSynthesisView:
    return theme_synthesis(database, theme_id)


def cluster_with(view: ThemeSynthesisView, idea_id: int) -> ClusterView:
    (found,) = [c for c in view.clusters if idea_id in {i.id for i in c.ideas}]
    return found


def row_of(view: ThemeSynthesisView, idea_id: int) -> int:
    return view.clusters.index(cluster_with(view, idea_id))


def to_row(qtbot: QtBot, page: SynthesisPage, row: int) -> None:
    """Into the list, Home, then ↓ to cluster `row` (all clusters closed)."""
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Home)
    for _step in range(row):
        qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert page.model.cluster_at(page.tree.currentIndex()) is not None


def every_idea_once(view: ThemeSynthesisView, ideas: ThemeIdeas) -> bool:
    shown = [i.id for c in view.clusters for i in c.ideas] + [i.id for i in view.ungrouped]
    return sorted(shown) == sorted(ideas.work_ideas)


def test_a_theme_team_groups_ideas_and_renames_a_cluster_with_enter(
    qtbot: QtBot,
    team_context: AppContext,
    themes: tuple[Database, ThemeIdeas],
    qtmodeltester: ModelTester,
) -> None:
    database, ideas = themes
    page = open_page(qtbot, team_context)
    choose_work(qtbot, page, ideas)
    assert _("Not yet grouped") in page.model.index(0, 0).data()
    assert page.model.rowCount(page.model.index(0, 0)) == len(ideas.work_ideas)

    group(qtbot, page)

    view = page.view
    assert view is not None
    assert len(view.clusters) == 3 and not view.ungrouped
    assert page.model.rowCount() == 3  # no "Not yet grouped" row any more
    first = view.clusters[0]
    assert page.model.index(0, SynthesisModel.TABLES).data() == ngettext(
        "{count} of {total} table", "{count} of {total} tables", 2
    ).format(count=2, total=2)
    assert page.model.index(0, SynthesisModel.IDEAS).data() == str(len(first.ideas))
    assert view.clustered_at is not None
    assert page.status.text() == ngettext(
        "{ideas} ideas in {clusters} cluster, grouped on {date} at threshold {threshold}.",
        "{ideas} ideas in {clusters} clusters, grouped on {date} at threshold {threshold}.",
        3,
    ).format(
        ideas=len(ideas.work_ideas),
        clusters=3,
        date=day_on_paper(view.clustered_at.date()),
        threshold="0,92",
    )
    assert "0,92" in page.status.text()
    internships = row_of(view, ideas.work_ideas[0])
    cluster_row = page.model.index(internships, 0)
    idea_row = page.model.index(0, 0, cluster_row)
    assert page.model.index(0, SynthesisModel.TABLES, cluster_row).data() == _(
        "day {day}, table {table}"
    ).format(day=1, table=2)
    assert page.model.index(internships, SynthesisModel.DOTS).data() == "5"
    assert page.model.index(internships, SynthesisModel.CHOSEN).data() == "1"
    assert page.model.idea_at(idea_row) is not None
    qtmodeltester.check(page.model)

    to_row(qtbot, page, internships)
    cluster = page.cluster_in_editor()
    assert cluster is not None and page.title.text() == cluster.title
    press_mnemonic(qtbot, _("T&itle"))
    assert QApplication.focusWidget() is page.title
    qtbot.keyClick(page.title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.title, "Stages bij Genkse bedrijven")
    qtbot.keyClick(page.title, Qt.Key.Key_Return)

    qtbot.waitUntil(
        lambda: (
            cluster_with(stored(database, ideas.work_theme_id), cluster.ideas[0].id).title
            == "Stages bij Genkse bedrijven"
        )
    )
    assert page.problem.text() == ""
    page.reload()
    kept = page.model.index_of_cluster(cluster.id)
    assert kept.data() == "Stages bij Genkse bedrijven"
    assert page.tree.currentIndex() == kept  # the cluster stays chosen
    assert page.title.text() == "Stages bij Genkse bedrijven"


def test_two_clusters_merged_and_ideas_split_off_again(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    assert not page.merge_button.isEnabled()

    to_row(qtbot, page, 0)
    qtbot.keyClick(page.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_clusters()) == 2
    both = {i.id for c in page.selected_clusters() for i in c.ideas}
    press(qtbot, page.merge_button)

    qtbot.waitUntil(lambda: page.view is not None and len(page.view.clusters) == 2)
    view = stored(database, ideas.work_theme_id)
    assert len(view.clusters) == 2 and every_idea_once(view, ideas)
    merged = next(c for c in view.clusters if {i.id for i in c.ideas} == both)
    assert [c.id for c in page.selected_clusters()] == [merged.id]

    # Open the merged cluster, take its first two ideas apart.
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Right)
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    qtbot.keyClick(page.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = [idea.id for idea, _cluster in page.selected_ideas()]
    assert len(chosen) == 2 and set(chosen) <= both
    press(qtbot, page.split_button)

    qtbot.waitUntil(lambda: page.view is not None and len(page.view.clusters) == 3)
    view = stored(database, ideas.work_theme_id)
    assert {i.id for i in cluster_with(view, chosen[0]).ideas} == set(chosen)
    assert every_idea_once(view, ideas)
    assert [c.id for c in page.selected_clusters()] == [cluster_with(view, chosen[0]).id]


def test_an_idea_moved_with_move_to_and_by_dragging_it(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    view = page.view
    assert view is not None
    # Move "Een jobbeurs in elke wijk" to the cluster about Dutch at work, by keys.
    jobs, dutch = ideas.work_ideas[3], ideas.work_ideas[6]
    jobs_row, dutch_cluster = row_of(view, jobs), cluster_with(view, dutch)
    to_row(qtbot, page, jobs_row)
    qtbot.keyClick(page.tree, Qt.Key.Key_Right)
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    assert [idea.id for idea, _c in page.selected_ideas()] == [jobs]
    press_mnemonic(qtbot, _("Move to &cluster"))
    assert QApplication.focusWidget() is page.move_target
    qtbot.keyClick(page.move_target, Qt.Key.Key_Home)
    while page.move_target.currentData() != dutch_cluster.id:
        before = page.move_target.currentIndex()
        qtbot.keyClick(page.move_target, Qt.Key.Key_Down)
        assert page.move_target.currentIndex() != before
    press(qtbot, page.move_button)

    qtbot.waitUntil(
        lambda: cluster_with(stored(database, ideas.work_theme_id), jobs).id == dutch_cluster.id
    )
    moved = page.model.idea_rows()[jobs]
    assert page.tree.currentIndex() == moved and page.tree.isExpanded(moved.parent())
    assert every_idea_once(stored(database, ideas.work_theme_id), ideas)

    # Drag it back: the model says where it was dropped, the page moves it.
    view = page.view
    assert view is not None
    home = cluster_with(view, ideas.work_ideas[4])
    dragged = page.model.mimeData([page.model.idea_rows()[jobs]])
    target = page.model.index_of_cluster(home.id)
    assert page.model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, target)
    assert not page.model.canDropMimeData(
        dragged, Qt.DropAction.MoveAction, 0, 0, page.model.index(-1, -1)
    )  # between two clusters' rows: nowhere
    assert page.model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, target)

    qtbot.waitUntil(lambda: cluster_with(stored(database, ideas.work_theme_id), jobs).id == home.id)
    assert every_idea_once(stored(database, ideas.work_theme_id), ideas)

    # And alone: a cluster of its own.
    page.tree.setFocus()
    page.tree.setCurrentIndex(page.model.idea_rows()[jobs])
    press(qtbot, page.alone_button)
    qtbot.waitUntil(
        lambda: (
            [i.id for i in cluster_with(stored(database, ideas.work_theme_id), jobs).ideas]
            == [jobs]
        )
    )


def test_a_cluster_marked_as_key_with_its_summary(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    to_row(qtbot, page, 1)
    cluster = page.cluster_in_editor()
    assert cluster is not None

    press_mnemonic(qtbot, _("&Kind"))
    assert QApplication.focusWidget() is page.kind
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)
    qtbot.waitUntil(
        lambda: (
            next(
                c for c in stored(database, ideas.work_theme_id).clusters if c.id == cluster.id
            ).kind
            is ClusterKind.KEY
        )
    )
    assert page.model.index_of_cluster(cluster.id).siblingAtColumn(SynthesisModel.KIND).data() == _(
        "key"
    )

    press_mnemonic(qtbot, _("S&ummary"))
    assert QApplication.focusWidget() is page.summary
    qtbot.keyClicks(page.summary, "Jongeren vinden werk via de wijk.")
    assert page.summary_note.text() == _("Not saved yet.")
    press(qtbot, page.save_summary_button)

    def summary() -> str:
        view = stored(database, ideas.work_theme_id)
        return next(c for c in view.clusters if c.id == cluster.id).summary

    qtbot.waitUntil(lambda: summary() == "Jongeren vinden werk via de wijk.")
    assert page.summary_note.text() == ""
    assert page.summary.toPlainText() == "Jongeren vinden werk via de wijk."
    assert page.message.text() == _("Summary saved.")


def test_ideas_written_after_the_grouping_wait_until_placed(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    database, ideas = themes
    tabs = QTabWidget()  # as in Organisatie: the page is one tab among others
    qtbot.addWidget(tabs)
    page = SynthesisPage(team_context)
    tabs.addTab(page, "Synthese")
    tabs.addTab(QWidget(), "Logboek")
    tabs.resize(1366, 768)
    page.show_event(team_context.event)
    tabs.show()
    qtbot.waitExposed(tabs)
    tabs.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tabs)
    choose_work(qtbot, page, ideas)
    group(qtbot, page)
    assert not page.place_button.isEnabled()
    with database.transaction() as session:
        table = session.get_one(Idea, ideas.work_ideas[3]).table_id
        late = Idea(table_id=table, text="Een jobbeurs in de wijk, elk jaar")
        session.add(late)
        session.flush()
        late_id = late.id

    tabs.setCurrentIndex(1)  # another page, then back: the page reads the theme again
    tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.view is not None and bool(page.view.ungrouped))
    last = page.model.index(page.model.rowCount() - 1, 0)
    assert page.model.is_ungrouped_row(last) and page.model.rowCount(last) == 1
    assert page.status.text().endswith(
        ngettext(
            "{count} idea written since is not yet grouped.",
            "{count} ideas written since are not yet grouped.",
            1,
        ).format(count=1)
    )
    page.tree.setFocus()
    press(qtbot, page.place_button)

    qtbot.waitUntil(lambda: page.view is not None and not page.view.ungrouped)
    view = stored(database, ideas.work_theme_id)
    assert cluster_with(view, late_id) == cluster_with(view, ideas.work_ideas[3])
    assert len(view.clusters) == 3


def test_a_blank_title_is_refused_with_one_sentence_and_nothing_changes(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    to_row(qtbot, page, 0)
    before = fingerprint(database.url.render_as_string(hide_password=False))

    press_mnemonic(qtbot, _("T&itle"))
    qtbot.keyClick(page.title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.title, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.title, "   ")
    qtbot.keyClick(page.title, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.problem.text() != "")
    assert page.problem.text() == _(
        "A cluster needs a title: type a few words that say what it asks."
    )
    assert fingerprint(database.url.render_as_string(hide_password=False)) == before


def test_regrouping_asks_first_and_no_keeps_the_teams_work(
    qtbot: QtBot,
    team_context: AppContext,
    themes: tuple[Database, ThemeIdeas],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    asked: list[int] = []
    answer = False

    def confirm(view: ThemeSynthesisView) -> bool:
        asked.append(len(view.clusters))
        return answer

    monkeypatch.setattr(page, "confirm_regroup", confirm)
    before = fingerprint(database.url.render_as_string(hide_password=False))
    page.tree.setFocus()
    press(qtbot, page.group_button)
    qtbot.waitUntil(lambda: asked == [3])  # a mnemonic clicks the button a moment later
    assert fingerprint(database.url.render_as_string(hide_password=False)) == before

    # Yes, at a threshold so low only ideas in the very same words stay together.
    answer = True
    press_mnemonic(qtbot, _("Th&reshold"))
    assert QApplication.focusWidget() is page.threshold
    for _step in range(10):  # a tenth each, down to the lowest
        qtbot.keyClick(page.threshold, Qt.Key.Key_PageDown)
    assert page.threshold.value() == pytest.approx(0.1)
    press(qtbot, page.group_button)
    qtbot.waitUntil(lambda: page.view is not None and page.view.threshold == 0.1)
    assert asked == [3, 3]
    # "Meer stageplaatsen voor jongeren bij Genkse bedrijven" and "stageplaatsen voor
    # jongeren in de bedrijven van Genk" share every word that says something.
    assert len(stored(database, ideas.work_theme_id).clusters) == len(ideas.work_ideas) - 1


def test_cancel_during_grouping_leaves_the_clusters_as_they_were(
    qtbot: QtBot,
    team_context: AppContext,
    themes: tuple[Database, ThemeIdeas],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Escape on the progress dialog frees the page at once; the grouping, still running
    on its thread, stops at its next report and keeps nothing."""
    database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    to_row(qtbot, page, 0)
    press_mnemonic(qtbot, _("T&itle"))
    qtbot.keyClick(page.title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.title, "Werk van de buurt")
    qtbot.keyClick(page.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.index(0, 0).data() == "Werk van de buurt")
    monkeypatch.setattr(page, "confirm_regroup", lambda _view: True)
    before = fingerprint(database.url.render_as_string(hide_password=False))

    released = threading.Event()
    real_group = synthesis_page.group_theme

    def held_group(*args: Any, progress: Report, **kwargs: Any) -> ThemeSynthesisView:
        def gated(done: int, total: int) -> None:
            released.wait(20)  # a long grouping, as 2,000 ideas are
            progress(done, total)

        return real_group(*args, progress=gated, **kwargs)

    monkeypatch.setattr(synthesis_page, "group_theme", held_group)
    pool = QThreadPool()  # a real thread, as in the app
    team_context.pool = pool
    press(qtbot, page.group_button)

    def dialog() -> QProgressDialog | None:
        shown = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
        return shown[0] if shown else None

    try:
        qtbot.waitUntil(lambda: dialog() is not None, timeout=10_000)
        shown = dialog()
        assert shown is not None and page.task is not None
        shown.activateWindow()  # as the window system makes a dialog that opens
        qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
        qtbot.keyClick(shown, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.task is None)
        assert page.message.text() == _("Cancelled: the clusters stay as they were.")
        assert page.group_button.isEnabled()
    finally:
        released.set()
        pool.waitForDone(20_000)
    qtbot.waitUntil(lambda: not page.findChildren(QProgressDialog))

    assert fingerprint(database.url.render_as_string(hide_password=False)) == before
    page.reload()
    assert page.model.index(0, 0).data() == "Werk van de buurt"


def test_a_new_language_says_the_page_again(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    _database, ideas = themes
    page = grouped_work(qtbot, team_context, ideas)
    to_row(qtbot, page, 1)
    chosen = page.cluster_in_editor()
    assert "0,92" in page.status.text()

    i18n.set_language("en")  # as Settings does: gettext's language, then Qt's event
    application = QApplication.instance()
    assert application is not None
    QCoreApplication.postEvent(application, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: "0.92" in page.status.text())

    assert page.model.headerData(SynthesisModel.DOTS, Qt.Orientation.Horizontal) == "Dots"
    assert page.cluster_in_editor() == chosen  # the choice stays


# --- the tree of 2,000 ideas, in memory -----------------------------------------------


def big_view(clusters: int, per_cluster: int, ungrouped: int) -> ThemeSynthesisView:
    """A theme's synthesis made up in memory: `clusters` clusters of `per_cluster` ideas
    over 40 tables, and `ungrouped` ideas not yet grouped."""
    counter = iter(range(1, 1_000_000))

    def idea() -> ClusteredIdea:
        number = next(counter)
        return ClusteredIdea(
            number, f"Idee {number}", 1 + number % 2, 1 + number % 20, number % 4, number % 9 == 0
        )

    return ThemeSynthesisView(
        theme_id=1,
        code="wonen",
        name="Wonen",
        question="Hoe wonen we beter?",
        tables=40,
        threshold=0.92,
        clustered_at=None,
        clusters=tuple(
            ClusterView(
                1000 + c, f"Cluster {c}", False, "", None, tuple(idea() for _ in range(per_cluster))
            )
            for c in range(clusters)
        ),
        ungrouped=tuple(idea() for _ in range(ungrouped)),
    )


def test_the_tree_shows_each_of_2000_ideas_once(qapp: QApplication) -> None:
    del qapp
    view = big_view(clusters=95, per_cluster=20, ungrouped=100)
    model = SynthesisModel()
    model.show_view(view)

    assert model.rowCount() == 96  # the clusters, then "Not yet grouped"
    assert model.is_ungrouped_row(model.index(95, 0))
    assert model.index(95, 0).data() == _("Not yet grouped")
    shown = [
        model.idea_at(model.index(row, 0, model.index(top, 0)))
        for top in range(model.rowCount())
        for row in range(model.rowCount(model.index(top, 0)))
    ]
    ids = [idea.id for idea in shown if idea is not None]
    assert len(ids) == 2000 and len(set(ids)) == 2000
    assert len(model.idea_rows()) == 2000
    assert model.index(0, SynthesisModel.IDEAS).data() == "20"
    tables = len({(idea.day, idea.table) for idea in view.clusters[0].ideas})
    assert model.index(0, SynthesisModel.TABLES).data() == ngettext(
        "{count} of {total} table", "{count} of {total} tables", 40
    ).format(count=tables, total=40)
    # Ideas of "Not yet grouped" can be dragged onto a cluster, not onto that row.
    dragged = model.mimeData([model.index(0, 0, model.index(95, 0))])
    assert SynthesisModel.dragged_ideas(dragged) == [ids[-100]]
    assert not model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, model.index(95, 0))
    assert model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, model.index(3, 0))


def test_the_page_fits_a_city_laptop(
    qtbot: QtBot, team_context: AppContext, themes: tuple[Database, ThemeIdeas]
) -> None:
    """In a 1366×768 window the page gets what the window's header and tabs leave."""
    _database, ideas = themes
    page = open_page(qtbot, team_context)
    page.resize(1366, 600)
    choose_work(qtbot, page, ideas)
    group(qtbot, page)
    to_row(qtbot, page, 0)
    qtbot.wait(20)  # the layout settles
    assert controls_outside(page) == []
    assert clipped_texts(page) == []


def test_each_alt_key_of_the_page_does_one_thing(qtbot: QtBot, team_context: AppContext) -> None:
    """Alt and a letter reaches one control of the page, and none of the window's menus."""
    page = open_page(qtbot, team_context)
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QPushButton)]
    letters = [m.group(1).casefold() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(letters) == len(set(letters)), letters
    menus = {re.search(r"&(\w)", _(title)).group(1).casefold() for title in MENU_TITLES}  # type: ignore[union-attr]
    assert not menus & set(letters)
