"""The Selectie page's two drawings: per quota value the registered and selected shares
against the city's, and the spread of everyone's chance of being drawn."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from degenks_desktop.i18n import _
from degenks_desktop.services.registrations.draw import QuotaRow
from degenks_desktop.ui.organising.diversity_view import REGISTERED_COLOUR, TARGET_COLOUR
from degenks_desktop.ui.organising.quota_model import HIDDEN, category_label, value_label
from degenks_desktop.ui.shell.labels import percentage

SELECTED_COLOUR = QColor("#27ae60")
HISTOGRAM_COLOUR = QColor("#1f618d")
HISTOGRAM_BINS = 10


def _share(count: int | None, total: int) -> float | None:
    """A count's share of `total`; None when the count is hidden or there is no total."""
    return None if count is None or total <= 0 else count / total


class QuotaBars(QWidget):
    """Per quota value three bars: its share of the registered, of the selected (once the
    day is drawn) and the city's target share; a hidden count (1 to 4 people) has no bar
    that tells its size, only a hatched mark."""

    BAR_HEIGHT = 6
    ROW_GAP = 7
    HEADING = 20
    LABEL_WIDTH = 150
    LEGEND = 22
    HIDDEN_WIDTH = 24

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[QuotaRow] = []
        self.registered = 0
        self.selected: int | None = None

    def show_rows(self, rows: list[QuotaRow], *, registered: int, selected: int | None) -> None:
        """Draw `rows`; the shares are of `registered` and `selected` people (None: the
        day is not drawn yet, so there is no selected bar)."""
        self.rows, self.registered, self.selected = rows, registered, selected
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new language: the legend and the values are painted in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)

    def _categories(self) -> int:
        return len(dict.fromkeys(row.category for row in self.rows))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        row_height = 3 * self.BAR_HEIGHT + self.ROW_GAP
        return QSize(
            360, self.LEGEND + self._categories() * self.HEADING + len(self.rows) * row_height
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.rows:
            return
        painter = QPainter(self)
        text = self.palette().text().color()
        muted = self.palette().placeholderText().color()
        drawn = self.selected is not None
        legend = (
            (REGISTERED_COLOUR, _("registered")),
            *(((SELECTED_COLOUR, _("selected")),) if drawn else ()),
            (TARGET_COLOUR, _("city (target)")),
        )
        x = float(self.LABEL_WIDTH)
        metrics = self.fontMetrics()
        painter.setPen(text)
        for colour, words in legend:
            painter.fillRect(QRectF(x, 5, 12, 9), colour)
            painter.drawText(int(x + 16), 14, words)
            x += 16 + metrics.horizontalAdvance(words) + 18
        painter.fillRect(QRectF(x, 5, 12, 9), QBrush(muted, Qt.BrushStyle.BDiagPattern))
        painter.drawText(int(x + 16), 14, _("{hidden}: not shown").format(hidden=HIDDEN))
        shares = [
            share
            for row in self.rows
            for share in (
                _share(row.registered, self.registered),
                _share(row.selected, self.selected or 0),
                row.target,
            )
            if share
        ]
        width = max(40, self.width() - self.LABEL_WIDTH - 48)
        scale = width / max([0.05, *shares])
        top = float(self.LEGEND)
        category = None
        for row in self.rows:
            if row.category != category:
                category = row.category
                font = painter.font()
                font.setBold(True)
                painter.setFont(font)
                painter.setPen(text)
                painter.drawText(
                    QRectF(0, top, self.width(), self.HEADING),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    category_label(row.category),
                )
                font.setBold(False)
                painter.setFont(font)
                top += self.HEADING
            painter.setPen(text)
            painter.drawText(
                QRectF(8, top, self.LABEL_WIDTH - 16, 3 * self.BAR_HEIGHT),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(value_label(row), Qt.TextElideMode.ElideRight, 134),
            )
            bars = (
                (row.registered, _share(row.registered, self.registered), REGISTERED_COLOUR),
                (row.selected, _share(row.selected, self.selected or 0), SELECTED_COLOUR),
                (0, row.target, TARGET_COLOUR),
            )
            for place, (count, share, colour) in enumerate(bars):
                if colour is SELECTED_COLOUR and not drawn:
                    continue
                y = top + place * self.BAR_HEIGHT
                if count is None:  # a hidden group: no bar that would tell its size
                    painter.fillRect(
                        QRectF(self.LABEL_WIDTH, y, self.HIDDEN_WIDTH, self.BAR_HEIGHT - 1),
                        QBrush(colour, Qt.BrushStyle.BDiagPattern),
                    )
                elif share:
                    painter.fillRect(
                        QRectF(self.LABEL_WIDTH, y, share * scale, self.BAR_HEIGHT - 1), colour
                    )
            top += 3 * self.BAR_HEIGHT + self.ROW_GAP
        painter.end()


class ChanceHistogram(QWidget):
    """How many people had which chance of being drawn, in ten steps of 10 %."""

    def __init__(self) -> None:
        super().__init__()
        self.probabilities: tuple[float, ...] = ()
        self.setMinimumSize(180, 90)

    def show_probabilities(self, probabilities: tuple[float, ...]) -> None:
        """Draw the spread of `probabilities` (one per person)."""
        self.probabilities = probabilities
        self.update()

    def bins(self) -> list[int]:
        """How many chances fall in each tenth from 0 to 100 % (100 % in the last)."""
        counts = [0] * HISTOGRAM_BINS
        for chance in self.probabilities:
            counts[min(HISTOGRAM_BINS - 1, max(0, int(chance * HISTOGRAM_BINS)))] += 1
        return counts

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, 110)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self.probabilities:
            return
        painter = QPainter(self)
        painter.setPen(self.palette().text().color())
        metrics = self.fontMetrics()
        axis = metrics.height() + 2
        height = self.height() - axis - 4
        width = self.width() - 2
        counts = self.bins()
        tallest = max(counts) or 1
        step = width / HISTOGRAM_BINS
        label = metrics.height()
        for place, count in enumerate(counts):
            bar = (height - label) * count / tallest
            left = 1 + place * step
            painter.fillRect(QRectF(left + 1, 2 + height - bar, step - 2, bar), HISTOGRAM_COLOUR)
            if count:  # how many people, over their bar
                painter.drawText(
                    QRectF(left, 2 + height - bar - label, step, label),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    str(count),
                )
        painter.drawLine(1, int(2 + height), int(width), int(2 + height))
        painter.drawText(
            QRectF(0, height + 3, width, axis), int(Qt.AlignmentFlag.AlignLeft), percentage(0.0)
        )
        painter.drawText(
            QRectF(0, height + 3, width, axis),
            int(Qt.AlignmentFlag.AlignRight),
            percentage(1.0),
        )
        painter.end()
