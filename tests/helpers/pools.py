"""A thread pool for tests that runs each task at once (Picard's FakeThreadPool).

The background helper still delivers the outcome through the event loop, so a GUI test
lets the loop run once (`qtbot.waitUntil`) instead of waiting for a real thread.
"""

from __future__ import annotations

from PySide6.QtCore import QRunnable


class ImmediatePool:
    """Runs every task on the calling thread as soon as it is started."""

    def __init__(self) -> None:
        self.started = 0

    def start(self, runnable: QRunnable, priority: int = 0) -> None:  # noqa: ARG002 - Qt's
        """Run `runnable` now."""
        self.started += 1
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802, ARG002 - Qt's signature
        """Nothing is ever left running."""
        return True
