"""The check-in station of the front desk: one box for the scanner and for typing.

A keyboard-wedge scanner types the QR payload (and usually Enter): anything shaped like
a badge code checks in at once; anything else is a name search with results at every
keystroke, arrow keys and Enter to pick. A scan without Enter ends after a short pause.
The result card reads at arm's length, sounds its colour and clears itself for the next
person. When the database cannot be reached the station says so at once and goes on from
its own copy of the day's list, queueing check-ins until the connection is back.

The desk's database work (check-ins, undo, the search) runs on the desk's own thread, one
job after the other in the order asked, so that a server that stops answering leaves the
window alive and the scans in the order they came.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.date_style import clock
from degenks_desktop.domain.badge_codes import (
    CODE_LENGTH,
    SCANNER_SYMBOLS,
    is_valid_badge_code,
    unmangle_scan,
)
from degenks_desktop.errors import DatabaseUnavailable, KnownError
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.front_desk.arrivals import ArrivalCount
from degenks_desktop.services.front_desk.check_ins import CheckInResult, CheckInStatus
from degenks_desktop.services.front_desk.desk import FoundPerson, FrontDesk
from degenks_desktop.services.front_desk.offline import SentQueue
from degenks_desktop.ui.front_desk.recent_model import RecentCheckInsModel
from degenks_desktop.ui.front_desk.sounds import DeskSounds
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext
from degenks_desktop.ui.shell.labels import day_label
from degenks_desktop.ui.shell.look import icon
from degenks_desktop.ui.shell.organiser_dialog import with_organiser
from degenks_desktop.ui.shell.widgets import restyle, step_through

SCAN_PAUSE_MS = 120
CLEAR_AFTER_MS = 6000
# A check-in takes milliseconds; one that has not come back after this long gets a card
# that says the desk waits for the database, so the clerk does not scan again.
SLOW_ANSWER_MS = 400
# While offline the desk tries the database every few seconds; while online it renews its
# copy of the day's list now and then, so that an outage finds it recent.
RETRY_OFFLINE_MS = 3000
RENEW_COPY_MS = 30_000
SETTING_AUTO_BADGE = "desk/auto_badge"
SETTING_SOUNDS = "desk/sounds"

Answer = TypeVar("Answer")


def _looks_scanned(text: str) -> bool:
    """Whether text that is no valid code still came from a scanner, not from a person
    typing a name: code-long, one word, and upper case or with digits or the symbols a
    scanner on another keyboard layout types, as a clerk typing a name does not."""
    word = text.strip()
    if len(word) < CODE_LENGTH - 2 or " " in word:
        return False
    return word.isupper() or any(ch.isdigit() or ch.upper() in SCANNER_SYMBOLS for ch in word)


class CheckInStation(QWidget):
    """Scan or type; see and hear green, orange, red or purple; undo a mistake."""

    checked_in = Signal(object)
    connection_changed = Signal(bool)
    badge_wanted = Signal(int, bool)  # participant id; True when printed automatically
    walk_in_wanted = Signal(str)  # the name typed, which nobody registered has

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.day_number: int | None = None
        self.last: CheckInResult | None = None
        self._said_online = True  # what the banner and the window were last told
        self._sync_task: BackgroundTask | None = None
        self._desk_tasks: list[BackgroundTask] = []  # asked of the desk, not yet answered
        self._search_task: BackgroundTask | None = None
        self._search_text = ""  # the latest text to search for, once the running search ends
        self._enter_after_search = False  # Enter came before the names found for the text
        # What the card, the banner, the names found and the counts say, held as what they
        # were made from: a new language words them again without asking the database.
        self._card_words: Callable[[], str] | None = None
        self._banner_words: Callable[[], str] | None = None
        self._found: tuple[str, list[FoundPerson]] | None = None
        self._arrivals: tuple[list[ArrivalCount], list[ArrivalCount]] = ([], [])
        self.sounds = DeskSounds(self)

        self.connection_banner = QLabel()
        self.connection_banner.setObjectName("connectionBanner")
        self.connection_banner.setWordWrap(True)
        self.connection_banner.hide()

        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        font = self.scan_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.scan_box.setFont(font)
        self.scan_box.textEdited.connect(self._typed)
        self.scan_box.returnPressed.connect(self._enter)
        self.scan_box.installEventFilter(self)

        self.search_note = QLabel()
        self.search_note.setObjectName("searchNote")
        self.search_note.setWordWrap(True)
        self.matches = QListWidget()
        self.matches.setObjectName("matches")
        self.matches.itemActivated.connect(self._picked)
        self.matches.installEventFilter(self)

        self.card = QLabel()
        self.card.setObjectName("resultCard")
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.setMinimumHeight(110)
        card_font = self.card.font()
        card_font.setPointSizeF(card_font.pointSizeF() * 2.2)
        card_font.setBold(True)
        self.card.setFont(card_font)
        self.colour = ""

        self.recent = RecentCheckInsModel(self)
        self.recent_view = QTableView()
        self.recent_view.setObjectName("recentCheckIns")
        self.recent_view.setModel(self.recent)
        self.recent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_view.verticalHeader().setVisible(False)
        self.recent_view.horizontalHeader().setStretchLastSection(True)
        self.recent_view.horizontalHeader().setSectionResizeMode(
            RecentCheckInsModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.recent_view.installEventFilter(self)
        self.recent_title = QLabel()
        self.undo_chosen_button = QPushButton()
        self.undo_chosen_button.setObjectName("undoChosenButton")
        self.undo_chosen_button.clicked.connect(self.undo_chosen)
        self.undo_button = QPushButton(icon("undo"), "")
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        self.badge_button = QPushButton()
        self.badge_button.setObjectName("lastBadgeButton")
        self.badge_button.setEnabled(False)
        self.badge_button.clicked.connect(self._badge_for_last)
        self.auto_badge = QCheckBox()
        self.auto_badge.setObjectName("autoBadge")
        self.auto_badge.setChecked(self._setting(SETTING_AUTO_BADGE, default=False))
        self.auto_badge.toggled.connect(lambda on: self._remember(SETTING_AUTO_BADGE, on))
        self.sound_switch = QCheckBox()
        self.sound_switch.setObjectName("soundSwitch")
        self.sound_switch.setChecked(self._setting(SETTING_SOUNDS, default=True))
        self.sounds.enabled = self.sound_switch.isChecked()
        self.sound_switch.toggled.connect(self._sounds_toggled)

        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(SCAN_PAUSE_MS)
        self.pause.timeout.connect(self._scan_paused)
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.setInterval(CLEAR_AFTER_MS)
        self.clear_timer.timeout.connect(self.clear_card)
        self.slow_timer = QTimer(self)
        self.slow_timer.setSingleShot(True)
        self.slow_timer.setInterval(SLOW_ANSWER_MS)
        self.slow_timer.timeout.connect(self._say_waiting)
        self.link_timer = QTimer(self)
        self.link_timer.setInterval(RENEW_COPY_MS)
        self.link_timer.timeout.connect(self.sync_now)

        self.theme_counts = QLabel()
        self.theme_counts.setObjectName("themeCounts")
        self.theme_counts.setWordWrap(True)
        self.table_counts = QLabel()
        self.table_counts.setObjectName("tableCounts")
        self.table_counts.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.auto_badge)
        buttons.addWidget(self.sound_switch)
        buttons.addStretch()
        buttons.addWidget(self.badge_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.card)
        layout.addWidget(self.search_note)
        recent_column = QVBoxLayout()
        recent_column.addWidget(self.recent_title)
        recent_column.addWidget(self.recent_view, stretch=1)
        recent_column.addWidget(self.undo_chosen_button)
        lists = QHBoxLayout()
        lists.addWidget(self.matches, stretch=3)
        lists.addLayout(recent_column, stretch=2)
        layout.addLayout(lists, stretch=1)
        layout.addWidget(self.theme_counts)
        layout.addWidget(self.table_counts)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """The station's texts in the language of the moment; the card, the banner, the
        names found and the counts say again what they said, from what the station holds
        (the box keeps what was typed, the lists their rows and the chosen one)."""
        self.scan_box.setPlaceholderText(_("Scan the QR code or type a name"))
        self.recent_title.setText(_("Recently checked in at this desk"))
        self.undo_chosen_button.setText(_("Undo the &chosen check-in"))
        self.undo_chosen_button.setToolTip(
            _("Undo the check-in chosen in the list of recent check-ins (or press Delete there)")
        )
        self.undo_button.setText(_("&Undo the last check-in"))
        self.badge_button.setText(_("&Print this badge"))
        self.badge_button.setToolTip(_("Print the badge of the person just checked in"))
        self.auto_badge.setText(_("Print a badge at check-in for whoever has none"))
        self.sound_switch.setText(_("Sounds"))
        self.recent.retranslate()
        if self._card_words is not None and self.colour:
            self.card.setText(self._card_words())  # no sound, no new six seconds: not new
        if self._banner_words is not None:
            self.connection_banner.setText(self._banner_words())
        if self._found is not None:
            self._show_found(*self._found)
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the station's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- preferences -------------------------------------------------------------------

    @property
    def desk(self) -> FrontDesk:
        """This laptop's front desk: the database while it answers, else the desk's copy."""
        return self.context.front_desk

    @property
    def desk_name(self) -> str:
        """The name check-ins made here are recorded under."""
        return self.context.desk_name

    @property
    def online(self) -> bool:
        """Whether the desk works on the database (else on its own copy)."""
        return self.desk.online

    def _setting(self, key: str, *, default: bool) -> bool:
        return str(self.context.settings.value(key, default)).lower() in ("true", "1")

    def _remember(self, key: str, value: bool) -> None:
        self.context.settings.setValue(key, value)
        self.scan_box.setFocus()

    def _sounds_toggled(self, on: bool) -> None:
        self.sounds.enabled = on
        self._remember(SETTING_SOUNDS, on)

    # --- input ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Arrow keys in the box move through the names found; Esc empties the box;
        Delete in the recent list undoes the chosen check-in."""
        if not (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress):
            return super().eventFilter(watched, event)
        if watched is self.scan_box and event.key() == Qt.Key.Key_Escape:
            self.ready()
            return True
        if watched is self.recent_view and event.key() == Qt.Key.Key_Delete:
            self.undo_chosen()
            return True
        if watched in (self.recent_view, self.matches) and self.type_in(event):
            return True  # the lists would take letters as a jump to a row
        if watched is self.scan_box and step_through(self.matches, event.key()):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Typing anywhere in the station lands in the box."""
        if not self.type_in(event):
            super().keyPressEvent(event)

    def type_in(self, event: QKeyEvent) -> bool:
        """Put a typed character into the box, wherever the keyboard was on the page (a
        scanner types into whatever has the focus); whether the key was taken."""
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            return False
        self.scan_box.setFocus()
        self.scan_box.insert(text)
        self._typed(self.scan_box.text())
        return True

    def _looks_like_code(self, text: str) -> str | None:
        """The scan as typed when some reading of it is a valid code, else None.

        As typed, not repaired: the desk reads it for the scanner's keyboard layout
        itself and refuses a scan that could be two people's.
        """
        return text.strip() if is_valid_badge_code(unmangle_scan(text)) else None

    def _typed(self, text: str) -> None:
        if self._looks_like_code(text):
            self._search_text = ""  # a scan, not a name: no search is to follow
            self.pause.start()  # a scanner without Enter: check in after a short pause
            return
        self.pause.stop()
        self.search(text)

    def _scan_paused(self) -> None:
        code = self._looks_like_code(self.scan_box.text())
        if code:
            self._check_in(code=code)

    def _enter(self) -> None:
        self.pause.stop()
        text = self.scan_box.text()
        code = self._looks_like_code(text)
        if code:
            self._check_in(code=code)
            return
        if self._search_task is not None or self._search_text:
            # The names for what was typed are still being looked up: Enter acts on them
            # once they are on screen, as it would have a moment later.
            self._enter_after_search = True
            return
        item: QListWidgetItem | None = self.matches.currentItem()
        if item is not None:  # None when nothing was found, whatever the stubs say
            self._picked(item)
            return
        if self.matches.count():
            return  # several found and none chosen yet: the note says how to choose
        if _looks_scanned(text):
            self._show_unknown()  # a garbled scan, not a name
            self.scan_box.clear()  # so that the next scan does not land behind it
        elif len(text.strip()) >= 2:
            self.walk_in_wanted.emit(text.strip())
        self.scan_box.setFocus()

    def ready(self) -> None:
        """An empty box with the keyboard, for the next scan."""
        self.pause.stop()
        self.scan_box.clear()
        self._clear_found()
        self._search_text = ""
        self._enter_after_search = False
        self.scan_box.setFocus()

    @property
    def idle(self) -> bool:
        """Whether every scan, search and undo asked of the desk has been answered."""
        return not self._desk_tasks and self._search_task is None and not self._search_text

    def _ask_desk(
        self,
        work: Callable[[FrontDesk], Answer],
        answered: Callable[[Answer], None],
        *,
        refused: Callable[[KnownError], None] | None = None,
    ) -> BackgroundTask:
        """Run `work` on the desk's thread, after what was asked before it; `answered`
        (or `refused`, by default a red card) then runs here, on the GUI thread."""
        desk = self.desk

        def finished() -> None:
            self._desk_tasks.remove(task)
            if not self._desk_tasks:
                self.slow_timer.stop()
            self._notice_outage()

        def not_done(error: KnownError) -> None:
            if refused is not None:
                refused(error)
            else:
                self._show(lambda: error.message, "red")

        task = run_in_background(
            lambda _report: work(desk),
            pool=self.context.desk_pool,
            on_success=answered,
            on_known_error=not_done,
            on_finished=finished,
        )
        self._desk_tasks.append(task)
        return task

    def _notice_outage(self) -> None:
        """The banner and the window hear of an outage the desk ran into."""
        if not self.online and self._said_online:
            self.went_offline(self.desk.outage)

    def _say_waiting(self) -> None:
        if self._desk_tasks:
            self._show(lambda: _("One moment: waiting for the database…"), "waiting")

    def search(self, text: str) -> None:
        """Names found for what was typed, from the database or, offline, the desk's copy.

        One search runs at a time: what is typed meanwhile is searched for when it ends,
        so a fast typist does not line up a search per keystroke before the next scan.
        """
        self._search_text = text if len(text.strip()) >= 2 else ""
        if not self._search_text:
            self._enter_after_search = False
            self._clear_found()
            return
        if self._search_task is None:
            self._start_search()

    def _start_search(self) -> None:
        text, desk = self._search_text, self.desk
        self._search_text = ""

        def found(people: list[FoundPerson]) -> None:
            if self.scan_box.text() == text:  # else the box moved on: a newer search follows
                self._show_found(text, people)
            self._search_ended()

        def refused(error: KnownError) -> None:
            self._enter_after_search = False
            self._show(lambda: error.message, "red")
            self._search_ended()

        def finished() -> None:
            self._search_task = None
            self._notice_outage()

        self._search_task = run_in_background(
            lambda _report: desk.find(text),
            pool=self.context.desk_pool,
            on_success=found,
            on_known_error=refused,
            on_finished=finished,
        )

    def _search_ended(self) -> None:
        """Search what was typed meanwhile, or act on the Enter that waited."""
        if self._search_text:
            self._start_search()
        elif self._enter_after_search:
            self._enter_after_search = False
            self._enter()

    def _clear_found(self) -> None:
        self._found = None
        self.matches.clear()
        self.search_note.clear()

    def _show_found(self, text: str, found: list[FoundPerson]) -> None:
        """The people found for `text`; shown again in a new language, the one chosen
        stays chosen."""
        chosen = self.matches.currentItem()
        chosen_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        again = self._found is not None and self._found[1] is found
        self._clear_found()
        self._found = (text, found)
        for person in found:
            state = _("checked in") if person.checked_in else ""
            table = _("table {number}").format(number=person.table) if person.table else ""
            day = _("day {number}").format(number=person.day_number) if person.day_number else ""
            parts = (person.name, person.tell_apart, day, table, state)
            item = QListWidgetItem("  ·  ".join(part for part in parts if part))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.matches.addItem(item)
            if again and person.id == chosen_id:
                self.matches.setCurrentItem(item)
        if len(found) == 1:
            self.matches.setCurrentRow(0)
        elif found:
            # Enter never picks one of several: the clerk chooses with the arrow keys.
            self.search_note.setText(
                ngettext(
                    "{count} person found: choose with ↑ and ↓, then Enter.",
                    "{count} people found: choose with ↑ and ↓, then Enter.",
                    len(found),
                ).format(count=len(found))
            )
        else:
            self.search_note.setText(
                _("Nobody found for “{text}”. Enter: register them as a walk-in.").format(
                    text=text.strip()
                )
            )

    def _picked(self, item: QListWidgetItem) -> None:
        self._check_in(participant_id=int(item.data(Qt.ItemDataRole.UserRole)))

    def _check_in(
        self,
        *,
        code: str | None = None,
        participant_id: int | None = None,
        any_day: bool = False,
        admitted_by: str = "",
    ) -> None:
        """Check in by code or id on the desk's thread; the box is at once ready for the
        next scan, and the card shows the answer when it comes."""
        desk_name, day_number = self.desk_name, self.day_number
        self._ask_desk(
            lambda desk: desk.check_in(
                desk=desk_name,
                day_number=day_number,
                code=code,
                participant_id=participant_id,
                any_day=any_day,
                admitted_by=admitted_by,
            ),
            self.show_result,
        )
        self.slow_timer.start()
        self.ready()

    def show_arrivals(self, themes: list[ArrivalCount], tables: list[ArrivalCount]) -> None:
        """Checked in / expected per theme and per table, in one line each."""
        self._arrivals = (themes, tables)
        self._show_counts()

    def _show_counts(self) -> None:
        themes, tables = self._arrivals
        self.theme_counts.setText(
            _("Per theme: {counts}").format(
                counts=" · ".join(f"{c.label} {c.checked_in}/{c.expected}" for c in themes)
            )
            if themes
            else ""
        )
        seated = [c for c in tables if c.expected]
        self.table_counts.setText(
            _("Per table: {counts}").format(
                counts=" · ".join(f"{c.label}: {c.checked_in}/{c.expected}" for c in seated)
            )
            if seated
            else ""
        )

    # --- the connection -----------------------------------------------------------------

    def went_offline(self, reason: str) -> None:
        """Say at once that the database is out of reach, and work on from the copy."""
        waiting = self.desk.waiting()
        if self.desk.has_copy:
            self._say_on_banner(
                lambda: ngettext(
                    "No connection to the database: this desk goes on from its own list. "
                    "{count} check-in waits to be sent.",
                    "No connection to the database: this desk goes on from its own list. "
                    "{count} check-ins wait to be sent.",
                    waiting,
                ).format(count=waiting)
            )
        else:
            self._say_on_banner(lambda: reason)
        self.connection_banner.show()
        self.link_timer.setInterval(RETRY_OFFLINE_MS)
        if self._said_online:
            self._said_online = False
            self.connection_changed.emit(False)
        if not self.link_timer.isActive():
            self.link_timer.start()

    def _came_back(self, sent: SentQueue) -> None:
        self.link_timer.setInterval(RENEW_COPY_MS)
        if sent.set_aside:
            # Stays up until the clerk has seen it: these people are not checked in.
            self._say_on_banner(
                lambda: ngettext(
                    "{count} check-in from this desk could not be sent and was set aside "
                    "(ask the organisers to look into it): {reason}",
                    "{count} check-ins from this desk could not be sent and were set aside "
                    "(ask the organisers to look into them): {reason}",
                    len(sent.set_aside),
                ).format(count=len(sent.set_aside), reason=" ".join(sorted(set(sent.set_aside))))
            )
            self.connection_banner.show()
        if self._said_online:
            return
        self._said_online = True
        if sent.sent and not sent.set_aside:  # else the banner says what was set aside
            self._say_on_banner(
                lambda: ngettext(
                    "The connection is back: {count} check-in from this desk was sent.",
                    "The connection is back: {count} check-ins from this desk were sent.",
                    sent.sent,
                ).format(count=sent.sent)
            )
            QTimer.singleShot(CLEAR_AFTER_MS, self._hide_banner_if_online)
        elif not sent.set_aside:
            self.connection_banner.hide()
        self.connection_changed.emit(True)
        self.checked_in.emit(None)  # the counts may have moved a lot

    def _say_on_banner(self, words: Callable[[], str]) -> None:
        """Put `words` on the banner (kept, to be said again in a new language)."""
        self._banner_words = words
        self.connection_banner.setText(words())

    def _hide_banner_if_online(self) -> None:
        if self.online:
            self.connection_banner.hide()

    @property
    def syncing(self) -> bool:
        """Whether a send-and-copy is under way off the GUI thread."""
        return self._sync_task is not None

    def start_link(self) -> None:
        """Copy the day's list now, and keep it fresh (or retry the database) on a timer."""
        self.link_timer.start()
        self.sync_now()

    def stop_link(self) -> None:
        """Stop the timer and wait for a sync under way (the window is closing)."""
        self.link_timer.stop()
        if self._sync_task is not None:
            self.context.pool.waitForDone(10_000)

    def sync_now(self) -> None:
        """Send the queue and renew the copy, off the GUI thread (a dead server can hang)."""
        if self.day_number is None or self._sync_task is not None:
            return
        desk, day_number = self.desk, self.day_number

        def work(_report: Report) -> SentQueue:
            return desk.catch_up(day_number)

        def finished() -> None:
            self._sync_task = None

        def refused(error: KnownError) -> None:
            if isinstance(error, DatabaseUnavailable):
                self.went_offline(error.message)
            # Else the copy was not renewed (no such day yet, say): the last copy serves.

        self._sync_task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=self._came_back,
            on_known_error=refused,
            on_finished=finished,
        )

    # --- results ------------------------------------------------------------------------

    def show_result(self, result: CheckInResult) -> None:
        """Green welcome, orange already, red unknown; purple when the person has a note;
        amber for someone of another day (checked in only when the clerk confirms), grey
        for a cancelled registration."""
        if result.status == CheckInStatus.UNKNOWN:
            self._show_unknown()
            return
        if result.status == CheckInStatus.CANCELLED:
            self._show(lambda: self._answer_text(result), "grey")
            return
        if result.status == CheckInStatus.NOT_SELECTED:
            self._not_selected(result)
            return
        if result.status == CheckInStatus.OTHER_DAY:
            self._other_day(result)
            return
        if result.status == CheckInStatus.ALREADY:
            self._show(lambda: self._answer_text(result), "orange")
            return
        self._show(lambda: self._answer_text(result), "purple" if result.note else "green")
        self.last = result
        self.recent.add(result)
        self.recent_view.selectRow(0)
        self.undo_button.setEnabled(True)
        self.badge_button.setEnabled(self.online)
        if not self.online:
            self.went_offline(self.connection_banner.text())  # the banner counts the queue
        self.checked_in.emit(result)
        if self.auto_badge.isChecked() and self.online and result.participant_id is not None:
            self.badge_wanted.emit(result.participant_id, True)

    def _answer_text(self, result: CheckInResult) -> str:
        """What the card says of the desk's answer `result`, in the language of the moment
        (said again from the answer itself when the language changes)."""
        if result.status == CheckInStatus.CANCELLED:
            return _("{name}: this registration was cancelled. Register them as a walk-in.").format(
                name=result.name
            )
        if result.status == CheckInStatus.NOT_SELECTED:
            if result.waiting_position is not None:
                return _(
                    "{name} is number {position} on the waiting list for today: ask an "
                    "organiser, who can let them in."
                ).format(name=result.name, position=result.waiting_position)
            return _(
                "{name} was not selected in the draw for today: ask an organiser, who can "
                "let them in."
            ).format(name=result.name)
        if result.status == CheckInStatus.OTHER_DAY:
            return _("{name} is registered for {day}: check them in today anyway?").format(
                name=result.name, day=self._day_text(result.registered_day)
            )
        if result.table is None:
            table = _("no table yet")
        elif result.theme:
            table = _("Table {number}, {theme}").format(number=result.table, theme=result.theme)
        else:
            table = _("Table {number}").format(number=result.table)
        if result.status == CheckInStatus.ALREADY:
            time = clock(result.at) if result.at else "?"
            return _("{name} was already checked in at {time} at {desk} — {table}").format(
                name=result.name, time=time, desk=result.desk, table=table
            )
        # The full name: two people may share a first name, and the clerk says it aloud.
        text = _("Welcome {name} — {table}").format(name=result.name, table=table)
        return f"{text}\n{result.note}" if result.note else text

    def _day_text(self, number: int | None) -> str:
        event = self.context.event
        day = next((d for d in event.days if d.number == number), None) if event else None
        return day_label(day) if day else _("day {number}").format(number=number)

    @classmethod
    def confirm_other_day(cls, parent: QWidget, question: str) -> bool:
        """Ask before checking in someone registered for another day (tests replace this)."""
        return (
            QMessageBox.question(
                parent,
                _("Another day"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            == QMessageBox.StandardButton.Yes
        )

    def _other_day(self, result: CheckInResult) -> None:
        """Amber: registered for another day. Checked in for this day only when the clerk
        confirms; the service audits that it was another day's registrant."""
        self._show(lambda: self._answer_text(result), "amber")
        question = self._answer_text(result)
        if result.participant_id is not None and self.confirm_other_day(self, question):
            self._check_in(participant_id=result.participant_id, any_day=True)
        self.scan_box.setFocus()

    def _not_selected(self, result: CheckInResult) -> None:
        """Blue: the day's draw left this person out. Not an error but the organisers'
        call: an organiser signs in to let them in, and the audit names them."""
        self._show(lambda: self._answer_text(result), "blue")
        if result.participant_id is not None and self.confirm_other_day(
            self,
            _("{name}: let them in? An organiser signs in to decide.").format(name=result.name),
        ):
            participant_id = result.participant_id
            with_organiser(
                self.context,
                self,
                lambda organiser: self._check_in(
                    participant_id=participant_id, admitted_by=organiser.actor
                ),
            )
        self.scan_box.setFocus()

    def _badge_for_last(self) -> None:
        if self.last is not None and self.last.participant_id is not None:
            self.badge_wanted.emit(self.last.participant_id, False)
        self.scan_box.setFocus()

    def _show_unknown(self) -> None:
        self._show(lambda: _("Unknown code: search by name"), "red")

    def _show(self, words: Callable[[], str], colour: str) -> None:
        """The card in `colour` with `words`, heard; `words` is kept, to say the card
        again in a new language (an error's message stays as it was said). The colours
        (green, orange, red, purple, amber, grey, waiting) are the stylesheet's."""
        self.colour = colour
        self._card_words = words
        self.card.setText(words())
        restyle(self.card, colour=colour)
        self.sounds.play_for(colour)
        self.clear_timer.start()

    def clear_card(self) -> None:
        """Ready for the next person."""
        self.colour = ""
        self._card_words = None
        self.card.clear()
        restyle(self.card, colour="")

    @classmethod
    def confirm_undo(cls, parent: QWidget, name: str) -> bool:
        """Ask before undoing (tests replace this)."""
        return (
            QMessageBox.question(
                parent, _("Undo"), _("Undo the check-in of {name}?").format(name=name)
            )
            == QMessageBox.StandardButton.Yes
        )

    def undo_last(self) -> None:
        """Undo the last check-in of this desk, after one confirmation."""
        if self.recent.results and self.recent.results[0] is self.last:
            self._undo_row(0)

    def undo_chosen(self) -> None:
        """Undo the check-in chosen in the recent list, after one confirmation."""
        rows = self.recent_view.selectionModel().selectedRows()
        if rows:
            self._undo_row(rows[0].row())

    def _undo_row(self, row: int) -> None:
        chosen = self.recent.results[row]
        if chosen.participant_id is None:
            return
        if not self.confirm_undo(self, chosen.name):
            self.scan_box.setFocus()
            return
        desk_name, day_number = self.desk_name, self.day_number

        def undone(_nothing: None) -> None:
            self._show(lambda: _("Check-in of {name} undone").format(name=chosen.name), "orange")
            self.recent.remove_result(chosen)  # by itself: a check-in may have come on top
            if chosen is self.last:
                self.last = None
                self.undo_button.setEnabled(False)
                self.badge_button.setEnabled(False)
            self.checked_in.emit(None)

        self._ask_desk(
            lambda desk: desk.undo(chosen, desk=desk_name, day_number=day_number), undone
        )
        self.scan_box.setFocus()
