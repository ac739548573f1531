"""`degenks gui` (and `degenks` alone): open the desktop app, or say why it cannot."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from degenks_desktop.cli.common import EXIT_NO_SCREEN
from degenks_desktop.i18n import _
from degenks_desktop.system_libraries import install_line, missing_packages


def has_screen() -> bool:
    """Whether a window can be shown here (a desktop session, or an offscreen Qt set on purpose)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    on_linux = sys.platform.startswith("linux")  # Windows and macOS always have a screen
    return not on_linux or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def uses_x11() -> bool:
    """Whether Qt will open its window through X11 (xcb) here."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return sys.platform.startswith("linux") and bool(os.environ.get("DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    """`degenks gui`: open the desktop app."""
    packages = missing_packages() if uses_x11() else []
    if packages:
        print(
            _(
                "Qt needs system libraries this computer does not have to open its window: "
                "install them with “{command}”, then start again."
            ).format(command=install_line(packages)),
            file=sys.stderr,
        )
        return EXIT_NO_SCREEN
    if not has_screen():
        print(
            _(
                "No screen found: start De Genks Desktop from a desktop session, or use the "
                "command line (see `degenks --help`)."
            ),
            file=sys.stderr,
        )
        return EXIT_NO_SCREEN
    from degenks_desktop.ui.shell.app import run_app  # noqa: PLC0415 - Qt only when needed

    return run_app(database_url=args.db, create_demo=args.demo)


def add_gui_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `gui`."""
    gui = commands.add_parser("gui", parents=[common], help=_("open the desktop app"))
    gui.add_argument(
        "--demo",
        action="store_true",
        help=_("create the demo event first when the database holds no event"),
    )
    gui.set_defaults(run=run_gui)
