"""The seating board in Organisatie: every table of the day at a glance, as compact cards.

A card shows the table's number and theme, its members by duo (first name and initial;
the full name in the tooltip), how many have checked in once the day has started, and a
small bar per watched diversity category saying how far the table's make-up is from the
day's: close, somewhat off or far off (domain.table_mix). The bar never shows counts per
answer: at a table of ten they would point at people.

The cards are laid out in as many columns as it takes for the day to fit the page (a
G360 day of 26 tables on a 1366×768 laptop); a page too small for them scrolls.
Drag a name onto another table to move that person there (pinned, so later runs keep
it); click two names of one table and "Swap partners" swaps their duos; "Seat the day"
seats the day off the GUI thread. `refresh()` reads the board again and keeps the place
it was scrolled to.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from degenks_desktop.domain.disclosure import SMALLEST_SHOWN_GROUP
from degenks_desktop.domain.table_mix import FAR_OFF_POINTS, SOMEWHAT_OFF_POINTS, Mix
from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.services.organising.seating import (
    BoardMember,
    CategoryMix,
    SeatingReport,
    TableCard,
    assign_seats,
    move_person,
    reform_day,
    seating_board,
    swap_partners,
)
from degenks_desktop.ui.shell.background import BackgroundTask, Report, run_in_background
from degenks_desktop.ui.shell.context import AppContext

PERSON_MIME = "application/x-degenks-participant"
CARD_SPACING = 4
PADDING = 3
NAME_GAP = 8  # between the two names of a duo's line
MIX_COLOURS = {
    Mix.CLOSE: "#2e7d32",
    Mix.SOMEWHAT_OFF: "#ef9a00",
    Mix.FAR_OFF: "#c62828",
    Mix.TOO_FEW: "#b0b0b0",
}
# The bar grows with the distance, so that it reads without telling red from green.
MIX_HEIGHTS = {Mix.CLOSE: 0.35, Mix.SOMEWHAT_OFF: 0.7, Mix.FAR_OFF: 1.0, Mix.TOO_FEW: 0.15}


def nobody_seated() -> str:
    """What the board says before the day is seated."""
    return _("Nobody is seated on this day yet: press Seat the day.")


def mix_word(mix: Mix) -> str:
    """The verdict as the board says it."""
    return {
        Mix.CLOSE: _("close"),
        Mix.SOMEWHAT_OFF: _("somewhat off"),
        Mix.FAR_OFF: _("far off"),
        Mix.TOO_FEW: _("too few answers"),
    }[mix]


def mix_explanation() -> str:
    """What the bar measures, in plain words, for its tooltip and the legend's."""
    return _(
        "For each answer of a category: the difference between its share at this table and "
        "its share among everyone of the day. The largest difference counts. Close: under "
        "{somewhat} percentage points; somewhat off: {somewhat} to {far}; far off: {far} or "
        "more. Only answers given with consent count, and once check-in has started only "
        "people checked in. A table with fewer than {smallest} answers in a category is not "
        "compared. No counts are shown: at a table this small they would point at people."
    ).format(somewhat=SOMEWHAT_OFF_POINTS, far=FAR_OFF_POINTS, smallest=SMALLEST_SHOWN_GROUP)


def name_forms(member: BoardMember) -> list[str]:
    """The short forms of a member's name, most preferred first: 'Anna V.', then 'Anna';
    'Marie-Louise Godelieve V.', 'Marie-Louise V.', 'Marie-Louise', 'Marie-L.'."""
    first, last = member.first_name.strip(), member.last_name.strip()
    if not first:
        return [last or member.name]
    given = first.split()[0]
    initial = f" {last[0]}." if last else ""
    forms = [f"{first}{initial}", f"{given}{initial}", given]
    if "-" in given.strip("-"):
        head, tail = given.strip("-").split("-", 1)
        forms.append(f"{head}-{tail[0]}.")
    return list(dict.fromkeys(forms))


# The type sizes a name may take on a card before it is cut, largest first.
NAME_SCALES = (1.0, 0.9, 0.8)


def fitted_name(member: BoardMember, width: int, metrics: QFontMetrics) -> str:
    """The longest short form of the name that fits `width`; else the first name cut."""
    forms = name_forms(member)
    for form in forms:
        if metrics.horizontalAdvance(form) <= width:
            return form
    return metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, max(width, 0))


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background`."""
    return QColor("#000000") if background.lightnessF() > 0.6 else QColor("#ffffff")


class MakeUpBar(QWidget):
    """One small bar per watched category: its height and colour say how far the table's
    make-up is from the day's in that category."""

    def __init__(self, make_up: tuple[CategoryMix, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("makeUpBar")
        self.make_up = make_up
        self.retranslate()

    def retranslate(self) -> None:
        """The tooltip in the language of the moment."""
        lines = [_("How far this table's make-up is from the day's:")]
        lines += [f"{_(mix.label)}: {mix_word(mix.mix)}" for mix in self.make_up]
        self.setToolTip("\n".join([*lines, "", mix_explanation()]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the tooltip in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def segment(self, index: int) -> QRect:
        """Where the bar of category `index` is drawn at its full height."""
        count = max(len(self.make_up), 1)
        width = max((self.width() - (count - 1) * 2) // count, 1)
        return QRect(index * (width + 2), 0, width, self.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        for index, mix in enumerate(self.make_up):
            full = self.segment(index)
            height = max(round(full.height() * MIX_HEIGHTS[mix.mix]), 2)
            painter.fillRect(
                QRect(full.left(), full.bottom() - height + 1, full.width(), height),
                QColor(MIX_COLOURS[mix.mix]),
            )
        painter.end()


class MemberLabel(QLabel):
    """A name on a card: click to choose it (for a swap), drag it onto another table."""

    chosen_changed = Signal()

    def __init__(self, member: BoardMember, *, dimmed: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.member = member
        self.dimmed = dimmed
        self.chosen = False
        self._pressed_at: QPoint | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("member")
        if member.pinned:
            font = QFont(self.font())
            font.setItalic(True)
            self.setFont(font)
        self.base_font = QFont(self.font())

    def fit_into(self, room: int) -> str:
        """Show the longest short form of the name that fits `room`; a long first name
        (Κωνσταντίνος) in a slightly smaller type before it is ever cut."""
        for scale in NAME_SCALES:
            font = QFont(self.base_font)
            font.setPointSizeF(self.base_font.pointSizeF() * scale)
            text = fitted_name(self.member, room, QFontMetrics(font))
            if not text.endswith("…") or scale == NAME_SCALES[-1]:
                self.setFont(font)
                self.setText(text)
                return text
        return self.text()  # not reached: the last scale always returns

    def set_chosen(self, chosen: bool) -> None:
        """Mark the name as chosen (highlighted) or not."""
        self.chosen = chosen
        self.setAutoFillBackground(chosen)
        role = QPalette.ColorRole
        palette = QApplication.palette()
        if chosen:
            palette.setColor(role.Window, palette.color(role.Highlight))
            palette.setColor(role.WindowText, palette.color(role.HighlightedText))
        elif self.dimmed:
            palette.setColor(role.WindowText, palette.color(role.PlaceholderText))
        self.setPalette(palette)

    def _toggle(self) -> None:
        self.set_chosen(not self.chosen)
        self.chosen_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        start = self._pressed_at
        if start is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - start).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._pressed_at = None
        mime = QMimeData()
        mime.setData(PERSON_MIME, str(self.member.participant_id).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self._pressed_at is not None:
            self._toggle()
        self._pressed_at = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space:
            self._toggle()
            return
        super().keyPressEvent(event)


class TableCardView(QFrame):
    """One table: number and theme on the theme's colour, the duos a line each, then who
    has checked in and the make-up bar. It lays itself out for the width it gets."""

    person_dropped = Signal(int, int)  # participant id, table id

    def __init__(self, card: TableCard, parent: QWidget) -> None:
        super().__init__(parent)
        self.card = card
        self.day_started = card.checked_in is not None
        self.setObjectName(f"table{card.number}")
        self.setAcceptDrops(True)
        self.setAutoFillBackground(True)
        self.colour = QColor(card.colour)
        bold = QFont(self.font())
        bold.setBold(True)
        self.number_label = QLabel(str(card.number), self)
        self.number_label.setObjectName("tableNumber")
        self.number_label.setFont(bold)
        self.theme_label = QLabel(card.theme, self)
        self.theme_label.setObjectName("tableTheme")
        for label in (self.number_label, self.theme_label):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, text_colour_on(self.colour))
            label.setPalette(palette)
        self.lines: list[tuple[QLabel, list[MemberLabel]]] = []
        self.line_duos: list[int | None] = []  # the duo of each line, for its tooltips
        for duo, members in card.duos():
            for start in range(0, len(members), 2):
                # A trio's third member goes on a line of their own, under their duo's number.
                mark = "" if start else (str(duo) if duo is not None else "–")
                duo_label = QLabel(mark, self)
                duo_label.setObjectName("duoNumber")
                names = [self._member_label(m) for m in members[start : start + 2]]
                self.lines.append((duo_label, names))
                self.line_duos.append(duo)
        self.status = QLabel(self)
        self.status.setObjectName("checkedIn")
        self.bar = MakeUpBar(card.make_up, self)
        self.retranslate()

    def retranslate(self) -> None:
        """The card's tooltips and its count in the language of the moment, from the card
        it holds (the names, and which are chosen, stay as they are)."""
        for label in (self.number_label, self.theme_label):
            label.setToolTip(self.card.title)
        for (duo_label, names), duo in zip(self.lines, self.line_duos, strict=True):
            duo_label.setToolTip(
                _("Duo {number}").format(number=duo) if duo is not None else _("No duo yet")
            )
            for name in names:
                name.setToolTip(self._member_facts(name.member, duo))
        self.status.setText(self._status_text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the card's texts in it, in place (its bar does its own), the
        count cut again to the room it has."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.arrange()
        super().changeEvent(event)

    def _member_label(self, member: BoardMember) -> MemberLabel:
        # Once the day has started, who has not checked in yet is greyed.
        label = MemberLabel(member, dimmed=self.day_started and not member.checked_in, parent=self)
        label.set_chosen(False)
        return label

    def _member_facts(self, member: BoardMember, duo: int | None) -> str:
        """A name's tooltip: the full name, the duo, pinned, not checked in yet."""
        facts = [member.name]
        facts.append(_("duo {number}").format(number=duo) if duo is not None else _("no duo yet"))
        if member.pinned:
            facts.append(_("pinned: stays at this table when the day is seated again"))
        if self.day_started and not member.checked_in:
            facts.append(_("not checked in yet"))
        return " · ".join(facts)

    def _status_text(self) -> str:
        seated = len(self.card.members)
        if not seated:
            return _("Nobody seated")
        if self.card.checked_in is None:
            return ngettext(
                "{count} of {capacity} seat",
                "{count} of {capacity} seats",
                self.card.capacity,
            ).format(count=seated, capacity=self.card.capacity)
        return ngettext("{present} of {count} here", "{present} of {count} here", seated).format(
            present=self.card.checked_in, count=seated
        )

    def members(self) -> list[MemberLabel]:
        """The name labels, in the card's order."""
        return [name for _duo, names in self.lines for name in names]

    def line_count(self) -> int:
        """How many lines of names the card needs (at least one, for an empty table)."""
        return max(len(self.lines), 1)

    @staticmethod
    def height_for(lines: int, metrics: QFontMetrics) -> int:
        """The height of a card with `lines` lines of names."""
        return 2 * PADDING + (lines + 2) * metrics.height() + 4

    def arrange(self) -> None:
        """Place the labels for the card's width, with each name in a form that fits."""
        metrics = self.fontMetrics()
        line = metrics.height()
        inner = self.width() - 2 * PADDING - 2
        left = PADDING + 1
        number_width = self.number_label.fontMetrics().horizontalAdvance(str(self.card.number))
        self._place(self.number_label, left, PADDING, number_width)
        theme_left = left + number_width + 5
        theme_width = inner - (theme_left - left)
        # A theme too long for the narrowest card is cut; the tooltip has it in full.
        self.theme_label.setText(
            metrics.elidedText(self.card.theme, Qt.TextElideMode.ElideRight, theme_width)
        )
        self._place(self.theme_label, theme_left, PADDING, theme_width)
        mark_width = metrics.horizontalAdvance("00")
        names_left = left + mark_width + 4
        names_width = inner - (names_left - left)
        top = PADDING + line + 2
        for index, (duo_label, names) in enumerate(self.lines):
            y = top + index * line
            self._place(duo_label, left, y, mark_width)
            self._place_names(names, names_left, y, names_width)
        bottom = self.height() - PADDING - line
        count = len(self.card.make_up)
        bar_width = min(9 * count - 2, inner // 3) if count else 0
        status_width = inner - bar_width - 6
        self.status.setText(
            metrics.elidedText(self._status_text(), Qt.TextElideMode.ElideRight, status_width)
        )
        self._place(self.status, left, bottom, status_width)
        self.bar.setGeometry(left + inner - bar_width, bottom + 2, bar_width, line - 4)
        self.bar.setVisible(bool(self.card.make_up) and bool(self.card.members))

    @staticmethod
    def _place(label: QWidget, x: int, y: int, width: int, height: int = 0) -> None:
        label.setGeometry(x, y, max(width, 0), height or label.fontMetrics().height())

    def _place_names(self, names: list[MemberLabel], left: int, y: int, width: int) -> None:
        """One line of a duo: the second name in the card's second column when both fit
        so, else right after the first; a name too long for its room is shortened."""
        column = (width + NAME_GAP) // 2
        preferred = [name_forms(label.member)[0] for label in names]
        natural = [
            label.fontMetrics().horizontalAdvance(text)
            for label, text in zip(names, preferred, strict=True)
        ]
        if len(names) == 1:
            rooms = [width]
            starts = [0]
        elif natural[0] <= column - NAME_GAP and natural[1] <= width - column:
            rooms, starts = [column - NAME_GAP, width - column], [0, column]
        elif sum(natural) + NAME_GAP <= width:
            rooms, starts = natural, [0, natural[0] + NAME_GAP]
        else:
            # Both cannot have their long form: the shorter keeps what it needs (at most
            # half), the longer gets the rest.
            half = (width - NAME_GAP) // 2
            short = 0 if natural[0] <= natural[1] else 1
            rooms = [0, 0]
            rooms[short] = min(natural[short], half)
            rooms[1 - short] = width - NAME_GAP - rooms[short]
            starts = [0, rooms[0] + NAME_GAP]
        for label, room, start in zip(names, rooms, starts, strict=True):
            text = label.fit_into(room)
            self._place(label, left + start, y, label.fontMetrics().horizontalAdvance(text))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        painter = QPainter(self)
        band = QRect(0, 0, self.width(), PADDING + self.fontMetrics().height() + 1)
        painter.fillRect(band, self.colour)
        painter.setPen(self.colour)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _person(self, mime: QMimeData) -> int | None:
        if not mime.hasFormat(PERSON_MIME):
            return None
        try:
            return int(bytes(mime.data(PERSON_MIME).data()).decode())
        except ValueError:
            return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        person = self._person(event.mimeData())
        if person is None or any(m.participant_id == person for m in self.card.members):
            event.ignore()
            return
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        person = self._person(event.mimeData())
        if person is None or any(m.participant_id == person for m in self.card.members):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the board reloads from the database
        event.accept()
        self.person_dropped.emit(person, self.card.table_id)


class SeatingBoard(QWidget):
    """Every table of the chosen day; moves and runs go through the seating service."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.day_number: int | None = None
        self.task: BackgroundTask | None = None
        self.cards: list[TableCard] = []
        self.card_views: dict[int, TableCardView] = {}
        self.chosen: list[int] = []
        # What the figures say, held as what it was made from, to say it again in a new
        # language (an error's message stays as it was said).
        self._figures_words: Callable[[], str] | None = None
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self.assign)
        self.reform_button = QPushButton()
        self.reform_button.setObjectName("reformButton")
        self.reform_button.clicked.connect(self.reform)
        self.swap_button = QPushButton()
        self.swap_button.setObjectName("swapButton")
        self.swap_button.clicked.connect(self.swap_selected)
        self.figures = QLabel()
        self.figures.setObjectName("seatingFigures")
        self.figures.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("mixLegend")
        top = QHBoxLayout()
        top.addWidget(self.assign_button)
        top.addWidget(self.reform_button)
        top.addWidget(self.swap_button)
        top.addWidget(self.figures, stretch=1)
        top.addWidget(self.legend)
        self.canvas = QWidget()
        self.canvas.setObjectName("seatingCanvas")
        self.tables_area = QScrollArea()
        self.tables_area.setFrameShape(QFrame.Shape.NoFrame)
        self.tables_area.setWidgetResizable(True)
        self.tables_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tables_area.setWidget(self.canvas)
        self.tables_area.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tables_area, stretch=1)
        self.retranslate()

    def retranslate(self) -> None:
        """The board's buttons, legend and figures in the language of the moment, from
        what it holds (each card does its own; the board is not read again)."""
        self.assign_button.setText(_("&Seat the day"))
        self.reform_button.setText(_("&Update for arrivals"))
        self.reform_button.setToolTip(
            _("Seat walk-ins and re-pair partners of no-shows; everyone else stays put")
        )
        self.swap_button.setText(_("S&wap partners"))
        self.swap_button.setToolTip(_("Click two people of one table, then swap their duos"))
        self.legend.setText(self._legend_text())
        self.legend.setToolTip(
            "\n\n".join(
                (
                    mix_explanation(),
                    _(
                        "A name in italics is pinned: it stays at its table when the day is "
                        "seated again. A grey name has not checked in yet."
                    ),
                )
            )
        )
        if self._figures_words is not None:
            self.figures.setText(self._figures_words())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the board's texts in it, in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _say(self, words: Callable[[], str]) -> None:
        """Put `words` in the figures line (kept, to be said again in a new language)."""
        self._figures_words = words
        self.figures.setText(words())

    def _say_as_is(self, text: str) -> None:
        """Put `text` (an error's message, already translated) in the figures line."""
        self._say(lambda: text)

    @staticmethod
    def _legend_text() -> str:
        squares = " ".join(
            f"<span style='color:{MIX_COLOURS[mix]}'>■</span>&nbsp;{mix_word(mix)}"
            for mix in (Mix.CLOSE, Mix.SOMEWHAT_OFF, Mix.FAR_OFF)
        )
        return _("Mix: {legend}").format(legend=squares)

    def show_day(self, day_number: int | None) -> None:
        """Show the tables of day `day_number`."""
        self.day_number = day_number
        self.chosen = []
        self.refresh()

    def refresh(self) -> None:
        """Read the board again from the database, keeping the place it was scrolled to:
        after an import, a walk-in's seat, a move or a run of the seating."""
        if self.day_number is None:
            self.show_cards([])
            return
        try:
            cards = seating_board(self.context.database, self.day_number)
        except KnownError as error:
            self.show_cards([])
            self._say_as_is(error.message)
            return
        self.show_cards(cards)

    def show_cards(self, cards: list[TableCard]) -> None:
        """Show `cards` (what `seating_board` read, here or off the GUI thread), keeping
        the place the board was scrolled to and the names chosen for a swap."""
        scrolled = self.tables_area.verticalScrollBar().value()
        for view in self.card_views.values():
            view.hide()
            view.setParent(None)  # off the board at once; Qt deletes it when it is idle
            view.deleteLater()
        self.card_views = {}
        self.cards = cards
        if self.day_number is None:
            self.canvas.setMinimumHeight(0)
            return
        present = {m.participant_id for card in self.cards for m in card.members}
        self.chosen = [person for person in self.chosen if person in present]
        for card in self.cards:
            view = TableCardView(card, self.canvas)
            view.person_dropped.connect(self.move_to_table)
            for label in view.members():
                label.set_chosen(label.member.participant_id in self.chosen)
                label.chosen_changed.connect(self._choice_changed)
            view.show()
            self.card_views[card.table_id] = view
        self._arrange()
        self.tables_area.verticalScrollBar().setValue(scrolled)
        seated, tables = sum(len(card.members) for card in self.cards), len(self.cards)
        if seated == 0:
            self._say(nobody_seated)
        elif not self.figures.text() or self.figures.text() == nobody_seated():
            self._say(
                lambda: ngettext(
                    "{seated} person seated at {tables} tables.",
                    "{seated} people seated at {tables} tables.",
                    seated,
                ).format(seated=seated, tables=tables)
            )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Walk-ins and check-ins happen on other pages: read the board again when it shows.
        super().showEvent(event)
        if self.day_number is not None:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.tables_area.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    def _arrange(self) -> None:
        """Lay the cards out in as many columns as it takes for all of them to fit the
        page's height, as long as each stays wide enough for its names; else scroll."""
        views = list(self.card_views.values())
        if not views:
            self.canvas.setMinimumHeight(0)
            return
        metrics = self.fontMetrics()
        viewport = self.tables_area.viewport().size()
        height = TableCardView.height_for(max(v.line_count() for v in views), metrics)
        narrowest, widest = 12 * metrics.height(), 20 * metrics.height()
        rows_that_fit = max(1, (viewport.height() + CARD_SPACING) // (height + CARD_SPACING))
        columns = math.ceil(len(views) / rows_that_fit)
        columns = max(columns, math.ceil(viewport.width() / (widest + CARD_SPACING)))
        if self._card_width(columns, viewport.width()) < narrowest:
            columns = max(1, (viewport.width() + CARD_SPACING) // (narrowest + CARD_SPACING))
        width = self._card_width(columns, viewport.width())
        rows = math.ceil(len(views) / columns)
        self.canvas.setMinimumHeight(rows * (height + CARD_SPACING) - CARD_SPACING)
        for index, view in enumerate(views):
            row, column = divmod(index, columns)
            view.setGeometry(
                column * (width + CARD_SPACING), row * (height + CARD_SPACING), width, height
            )
            view.arrange()

    @staticmethod
    def _card_width(columns: int, available: int) -> int:
        return (available - (columns - 1) * CARD_SPACING) // max(columns, 1)

    def _choice_changed(self) -> None:
        label = self.sender()
        if not isinstance(label, MemberLabel):
            return
        person = label.member.participant_id
        self.chosen = [p for p in self.chosen if p != person]
        if label.chosen:
            self.chosen.append(person)

    def chosen_labels(self) -> Iterable[MemberLabel]:
        """The names chosen on the board, for the swap."""
        for view in self.card_views.values():
            yield from (label for label in view.members() if label.chosen)

    def move_to_table(self, participant_id: int, table_id: int) -> None:
        """Move someone to a table by hand and show the board again."""
        try:
            move_person(self.context.database, participant_id, table_id, actor=self.context.actor())
        except KnownError as error:
            self._say_as_is(error.message)
            return
        self.refresh()

    def swap_selected(self) -> None:
        """Swap the duos of the two people chosen at one table."""
        if len(self.chosen) != 2:
            self._say(lambda: _("Choose two people at the same table."))
            return
        try:
            swap_partners(
                self.context.database, self.chosen[0], self.chosen[1], actor=self.context.actor()
            )
        except KnownError as error:
            self._say_as_is(error.message)
            return
        self.chosen = []
        self.refresh()

    def reform(self) -> None:
        """Re-form the day for who came and who did not, and say who moved."""
        if self.day_number is None:
            return
        try:
            report = reform_day(
                self.context.database, day_number=self.day_number, actor=self.context.actor()
            )
        except KnownError as error:
            self._say_as_is(error.message)
            return
        self.refresh()
        arrivals = [name for name, before, _after in report.changes if before is None]
        self._say(
            lambda: _("{seated} seated; new at a table: {names}.").format(
                seated=report.seated, names=", ".join(arrivals) or "–"
            )
        )

    def assign(self) -> None:
        """Seat the day off the GUI thread; the figures say how it went."""
        if self.day_number is None:
            return
        day, database, actor = self.day_number, self.context.database, self.context.actor()
        progress = QProgressDialog(_("Seating the day…"), _("Cancel"), 0, 0, self)
        progress.setMinimumDuration(300)
        self.assign_button.setEnabled(False)

        def work(report: Report) -> SeatingReport:
            return assign_seats(database, day_number=day, actor=actor, progress=report)

        def moved_on(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def finished() -> None:
            progress.close()
            self.task = None
            self.assign_button.setEnabled(True)

        def done(report: SeatingReport) -> None:
            self.refresh()
            self._say(report.describe)

        def refused(error: KnownError) -> None:
            self._say_as_is(error.message)

        def cancelled() -> None:
            self._say(lambda: _("Cancelled: the seating of the day is as it was."))

        self.task = run_in_background(
            work,
            pool=self.context.pool,
            on_success=done,
            on_known_error=refused,
            on_cancelled=cancelled,
            on_finished=finished,
            on_progress=moved_on,
        )
        progress.canceled.connect(self.task.cancel)
