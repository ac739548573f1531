"""What every `degenks` command shares: the exit codes of CLI.md, opening the database
named by `--db` (or DEGENKS_DB), an organiser's credential for the commands only
organisers may run, and printing one JSON object on stdout.

The room modules import from here, never from the package's `__init__`, which imports
them in turn.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from degenks_desktop.config import resolve_database_url
from degenks_desktop.errors import AccessRefused, InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.storage.database import Database, open_database

if TYPE_CHECKING:
    from degenks_desktop.services.house.organisers import OrganiserAccess

EXIT_OK = 0
EXIT_NOTHING_TO_DO = 1
EXIT_NO_SCREEN = 2
EXIT_NOT_FOUND = 3
EXIT_BUG = 70  # EX_SOFTWARE: not one of CLI.md's codes, since it is never the user's doing
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as the shell reports a reader that left early

Command = Callable[[argparse.Namespace], int]

# The organiser's name and password for scripts; at a terminal the password is asked for,
# so that it stays out of the shell's history and the process list.
ORGANISER_ENV = "DEGENKS_ORGANISER"
ORGANISER_PASSWORD_ENV = "DEGENKS_ORGANISER_PASSWORD"


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database of `--db`, DEGENKS_DB or the default file; a missing file is
    refused unless `create`."""
    return open_database(resolve_database_url(args.db), create=create)


def print_json(payload: dict[str, Any]) -> None:
    """Print `payload` as one line of JSON on stdout (keys sorted, text as it is)."""
    json.dump(payload, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


def add_organiser_argument(parser: argparse.ArgumentParser) -> None:
    """`--organiser NAME` on a command only organisers may run."""
    parser.add_argument(
        "--organiser",
        metavar="NAME",
        help=_(
            "your organiser name (or set DEGENKS_ORGANISER); the password is asked for, "
            "or read from DEGENKS_ORGANISER_PASSWORD"
        ),
    )


def ask_secret(prompt: str, environment_variable: str) -> str | None:
    """A password from `environment_variable`, else asked for at a terminal (not echoed);
    None when neither is there (a script without the variable)."""
    given = os.environ.get(environment_variable)
    if given is not None:
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def require_organiser(database: Database, args: argparse.Namespace) -> OrganiserAccess:
    """The organiser named by `--organiser` (or DEGENKS_ORGANISER), signed in with their
    password; else AccessRefused in one sentence (exit 2), before anything is changed.

    Guarded as the app's sign-in is: wrong passwords in a row make further tries wait.
    """
    from degenks_desktop.services.house.organisers import (  # noqa: PLC0415
        organisers_exist,
        verify_organiser,
    )

    name = (getattr(args, "organiser", None) or os.environ.get(ORGANISER_ENV, "")).strip()
    if not organisers_exist(database):
        raise AccessRefused(
            _(
                "Only an organiser may do this, and this database has no organiser account "
                "yet: create one with `degenks organiser add NAME`."
            )
        )
    if not name:
        raise AccessRefused(
            _(
                "Only an organiser may do this: give your name with --organiser NAME (or "
                "set {variable})."
            ).format(variable=ORGANISER_ENV)
        )
    password = ask_secret(_("Password of {name}: ").format(name=name), ORGANISER_PASSWORD_ENV)
    if password is None:
        raise InputRejected(
            _(
                "Give the password of {name} in {variable}, or run the command at a "
                "terminal to be asked for it."
            ).format(name=name, variable=ORGANISER_PASSWORD_ENV)
        )
    return verify_organiser(database, name, password)
