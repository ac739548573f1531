"""What a workspace reads for the window's refresh, and how it shows it.

The window refreshes every few seconds while the day runs. The reading happens off the
GUI thread (a slow or silent database server must not freeze the window), so a workspace
splits its refresh in two: `live_reading()` on the GUI thread says what to read, as a
function of the database alone; `show_live(reading)` shows what that function returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from degenks_desktop.storage.database import Database

LiveReading = Callable[[Database], object]


class LiveWorkspace(Protocol):
    """A workspace the window refreshes."""

    def live_reading(self) -> LiveReading | None:
        """What to read for the page on screen, or None when nothing there is live."""

    def show_live(self, reading: object) -> None:
        """Show what `live_reading()`'s function read."""
