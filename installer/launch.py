"""The bundle's entry point: the same `degenks` command as the installed package."""

from __future__ import annotations

import multiprocessing
import sys

from degenks_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the bundle may start helper processes on Windows
    # A double-click (no arguments) opens the app, as `degenks` alone does.
    sys.exit(main(sys.argv[1:]))
