"""Tabs whose pages are built the first time they are shown, so that the window opens
without building (and reading for) pages nobody has looked at yet.

A page not built yet is an empty stand-in in its tab, with the tab's title and icon; the
first time its tab is chosen (a click, Ctrl+Tab, code) or the page is asked for by name,
it is built and takes the stand-in's place at the same index. A page is built in the
language of that moment, so a language switch before it is built needs nothing from it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    """The pages of one QTabWidget, some of them built on first show."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._builders: dict[int, Callable[[], QWidget]] = {}
        self._stand_ins: dict[int, QWidget] = {}
        # Before anyone else's slot: whoever hears of the new tab finds its page built.
        tabs.currentChanged.connect(self._chosen)

    def add(self, page: QWidget, title: str) -> int:
        """A page built already; its index."""
        return self.tabs.addTab(page, title)

    def add_lazy(self, build: Callable[[], QWidget], title: str) -> int:
        """A page that `build` makes the first time it is shown or asked for; its index."""
        stand_in = QWidget()
        index = self.tabs.addTab(stand_in, title)
        self._builders[index] = build
        self._stand_ins[index] = stand_in
        return index

    def built(self, index: int) -> QWidget | None:
        """The page at `index` if it is built, else None (nothing is built by asking)."""
        if index in self._builders:
            return None
        return self.tabs.widget(index)

    def page(self, index: int) -> QWidget:
        """The page at `index`, built now if it was not yet."""
        page = self.built(index)
        return page if page is not None else self._build(index)

    def _chosen(self, index: int) -> None:
        if index in self._builders:
            self._build(index)

    def _build(self, index: int) -> QWidget:
        build = self._builders.pop(index)
        stand_in = self._stand_ins.pop(index)
        page = build()
        title, tab_icon = self.tabs.tabText(index), self.tabs.tabIcon(index)
        current = self.tabs.currentIndex()
        # The swap is no choice of a tab: nobody hears of the index moving meanwhile.
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, tab_icon, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        stand_in.deleteLater()
        return page
