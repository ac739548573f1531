"""`degenks backup OUT` and `degenks restore FILE` (CLI.md): a consistent copy, and back;
`degenks organiser add NAME`: an organiser account. Each needs an organiser's credential
(`--organiser`), except the first account of a database."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_OK,
    add_organiser_argument,
    ask_secret,
    open_from_args,
    require_organiser,
)
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.house.backups import restore_backup, take_backup

NEW_PASSWORD_ENV = "DEGENKS_NEW_ORGANISER_PASSWORD"


def run_backup(args: argparse.Namespace) -> int:
    """Copy the database to OUT (every name in it: organisers only)."""
    database = open_from_args(args)
    try:
        require_organiser(database, args)
        path = take_backup(database, Path(args.out))
    finally:
        database.close()
    print(_("Backup written: {path}").format(path=path))
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    """Put FILE in place of the database (the current data is copied aside first)."""
    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        safety = restore_backup(database, Path(args.file), actor=organiser.actor)
    finally:
        database.close()
    print(
        _("Restored from {path}; the data it replaced is kept in {safety}.").format(
            path=args.file, safety=safety
        )
    )
    return EXIT_OK


def run_organiser_add(args: argparse.Namespace) -> int:
    """`degenks organiser add NAME`: a new organiser account. The database's first needs
    nobody's credential; every later one an organiser's (`--organiser`)."""
    from degenks_desktop.services.house.organisers import (  # noqa: PLC0415
        create_first_organiser,
        create_organiser,
        organisers_exist,
    )

    database = open_from_args(args)
    try:
        adder = require_organiser(database, args) if organisers_exist(database) else None
        password = _new_password(args.name)
        if adder is None:
            made = create_first_organiser(database, args.name, password)
        else:
            made = create_organiser(database, args.name, password, actor=adder.actor)
    finally:
        database.close()
    print(_("The organiser account {name} is made.").format(name=made.name))
    return EXIT_OK


def _new_password(name: str) -> str:
    """The new account's password: from DEGENKS_NEW_ORGANISER_PASSWORD, or typed twice."""
    if NEW_PASSWORD_ENV in os.environ:
        return os.environ[NEW_PASSWORD_ENV]
    first = ask_secret(_("New password for {name}: ").format(name=name), NEW_PASSWORD_ENV)
    if first is None:
        raise InputRejected(
            _(
                "Give the new password in {variable}, or run the command at a terminal to type it."
            ).format(variable=NEW_PASSWORD_ENV)
        )
    again = ask_secret(_("The same password once more: "), NEW_PASSWORD_ENV)
    if again != first:
        raise InputRejected(_("The two passwords differ: nothing was changed."))
    return first


def add_house_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `backup`, `restore` and `organiser add`."""
    backup = commands.add_parser(
        "backup", parents=[common], help=_("a consistent copy of the database")
    )
    backup.add_argument("out", metavar="OUT")
    add_organiser_argument(backup)
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore", parents=[common], help=_("put a backup in place of the database")
    )
    restore.add_argument("file", metavar="FILE")
    add_organiser_argument(restore)
    restore.set_defaults(run=run_restore)
    organiser = commands.add_parser(
        "organiser", parents=[common], help=_("organiser accounts: `organiser add NAME`")
    )
    accounts = organiser.add_subparsers(dest="organiser_command", required=True)
    add = accounts.add_parser(
        "add",
        parents=[common],
        help=_("add an organiser account (the database's first needs no credential)"),
    )
    add.add_argument("name", metavar="NAME")
    add_organiser_argument(add)
    add.set_defaults(run=run_organiser_add)
