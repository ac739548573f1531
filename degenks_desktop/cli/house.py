"""`degenks backup OUT` and `degenks restore FILE` (CLI.md): a consistent copy, and back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from degenks_desktop.cli.common import EXIT_OK, open_from_args
from degenks_desktop.i18n import _
from degenks_desktop.services.house.backups import restore_backup, take_backup


def run_backup(args: argparse.Namespace) -> int:
    """Copy the database to OUT."""
    database = open_from_args(args)
    try:
        path = take_backup(database, Path(args.out))
    finally:
        database.close()
    print(_("Backup written: {path}").format(path=path))
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    """Put FILE in place of the database (the current data is copied aside first)."""
    database = open_from_args(args)
    try:
        safety = restore_backup(database, Path(args.file), actor="cli")
    finally:
        database.close()
    print(
        _("Restored from {path}; the data it replaced is kept in {safety}.").format(
            path=args.file, safety=safety
        )
    )
    return EXIT_OK


def add_house_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `backup` and `restore`."""
    backup = commands.add_parser(
        "backup", parents=[common], help=_("a consistent copy of the database")
    )
    backup.add_argument("out", metavar="OUT")
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore", parents=[common], help=_("put a backup in place of the database")
    )
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(run=run_restore)
