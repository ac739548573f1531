"""The desk's window while its PostgreSQL server stops answering with every socket open
(SIGSTOP): the window keeps taking scans, says it waits, goes to its outage mode within
10 s, and after the thaw sends what it queued. (Issue 14: a desk that never freezes.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.ui.shell.context import SETTING_DESK_NAME, AppContext, desk_thread
from degenks_desktop.ui.shell.main_window import MainWindow
from tests.helpers.counts import active_check_ins
from tests.helpers.desk import answered, day_one_codes
from tests.helpers.outage import HaltingServer

OUTAGE_WITHIN_MS = 10_000  # the bound for noticing a silent server


@pytest.fixture
def frozen_desk_database(halting_postgres: HaltingServer) -> Iterator[Database]:
    database = open_database(halting_postgres.url)
    create_demo_event(database, participants=40)
    yield database
    halting_postgres.thaw()  # a test that failed frozen: close on a live server
    database.close()


def test_a_server_that_stops_answering_never_freezes_the_desk(
    qtbot: QtBot,
    halting_postgres: HaltingServer,
    frozen_desk_database: Database,
    settings: QSettings,
) -> None:
    settings.setValue(SETTING_DESK_NAME, "onthaal 4")
    pool = QThreadPool()
    # Real threads, as in the app: the point is what the GUI thread does meanwhile.
    context = AppContext(
        database=frozen_desk_database, settings=settings, pool=pool, desk_pool=desk_thread()
    )
    context.reload_event()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    station = window.front_desk.station
    qtbot.waitUntil(lambda: station.desk.has_copy and not station.syncing, timeout=10_000)
    first, second = day_one_codes(context, 2)

    halting_postgres.freeze()
    qtbot.keyClicks(station.scan_box, first)
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Return)
    # Enter came back at once: the check-in waits on the desk's thread, the box is empty
    # for the next person, and the card soon says why nothing is shown yet.
    assert not station.idle
    assert station.scan_box.text() == ""
    qtbot.waitUntil(lambda: station.colour == "waiting", timeout=2_000)
    assert "wachten op de databank" in station.card.text()
    qtbot.keyClicks(station.scan_box, second)  # the next person, while the first waits
    assert station.scan_box.text() == second
    qtbot.keyClick(station.scan_box, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not station.online, timeout=OUTAGE_WITHIN_MS)
    answered(qtbot, station)
    assert station.colour in ("green", "purple")  # checked in from the desk's own list
    assert not station.connection_banner.isHidden()
    assert "2 check-ins wachten om verstuurd" in station.connection_banner.text()
    assert [result.status for result in station.recent.results] == ["checked_in"] * 2
    assert "wachten tot ze terug is" in window.statusBar().currentMessage()

    halting_postgres.thaw()
    station.sync_now()
    qtbot.waitUntil(lambda: station.online and not station.syncing, timeout=15_000)
    assert active_check_ins(frozen_desk_database) == 2  # sent once, nothing doubled
    assert station.desk.waiting() == 0
    window.close()
    pool.waitForDone()
