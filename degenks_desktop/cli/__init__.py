"""The command line, the app's second front door (contract: docs/cli.md).

This package's `__init__` holds the parser and `main`; each room of the day has its own
module with its commands (front_desk, tables, registrations, organising, printing,
reporting, house, demo, gui). Every command calls the same services as the GUI. Errors
end as one plain sentence on stderr with the exit code of CLI.md; `--json` prints one
JSON object on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from degenks_desktop import __version__, i18n
from degenks_desktop.cli.common import EXIT_BROKEN_PIPE, EXIT_BUG, Command
from degenks_desktop.cli.demo import add_demo_commands
from degenks_desktop.cli.follow_up import add_follow_up_commands
from degenks_desktop.cli.front_desk import add_front_desk_commands
from degenks_desktop.cli.gui import add_gui_commands, run_gui
from degenks_desktop.cli.house import add_house_commands
from degenks_desktop.cli.organising import add_organising_commands
from degenks_desktop.cli.postcards import add_postcard_commands
from degenks_desktop.cli.printing import add_printing_commands
from degenks_desktop.cli.registrations import add_registrations_commands
from degenks_desktop.cli.reporting import add_reporting_commands
from degenks_desktop.cli.synthesis import add_synthesis_commands
from degenks_desktop.cli.tables import add_tables_commands
from degenks_desktop.config import LANGUAGE_ENV, data_dir
from degenks_desktop.crash_report import crash_report
from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.i18n import _


class SentenceArgumentParser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise InputRejected(
            _("{problem}: see `degenks --help`.").format(problem=message[:1].upper() + message[1:])
        )


def build_parser() -> argparse.ArgumentParser:
    """The `degenks` command and its subcommands, room by room in the order of the day."""
    common = SentenceArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=_("database: a SQLAlchemy URL or a SQLite file (or set DEGENKS_DB)"),
    )
    parser = SentenceArgumentParser(
        prog="degenks",
        description=_("De Genks Desktop: check-in, tables, ideas and report of a citizens' day."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"degenks {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=SentenceArgumentParser)
    for add_commands in (
        add_gui_commands,
        add_demo_commands,
        add_registrations_commands,
        add_front_desk_commands,
        add_organising_commands,
        add_printing_commands,
        add_tables_commands,
        add_reporting_commands,
        add_synthesis_commands,
        add_follow_up_commands,
        add_postcard_commands,
        add_house_commands,
    ):
        add_commands(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `degenks` with `argv`; return the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    i18n.set_language(os.environ.get(LANGUAGE_ENV, i18n.DEFAULT_LANGUAGE))
    try:
        args = build_parser().parse_args(argv)
        args.db = getattr(args, "db", None)
        if args.command is None:
            args.demo = False
            return run_gui(args)
        command: Command = args.run
        return command(args)
    except KnownError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`degenks find … | head -1`): nothing is wrong, nothing
        # more to say. Point stdout at nothing, so that the flush at exit stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # a bug: one sentence here, the details in a file
        # The GUI's report, not the traceback: an error's message can hold a citizen's
        # name or a row's values, and this file is meant to be sent on.
        report = crash_report_path()
        report.write_text(crash_report(type(error), error.__traceback__), encoding="utf-8")
        print(
            _(
                "Something went wrong inside De Genks Desktop: please send {report} to "
                "the people who maintain it."
            ).format(report=report),
            file=sys.stderr,
        )
        return EXIT_BUG


def crash_report_path() -> Path:
    """Where the details of an unexpected error go."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return data_dir() / f"crash-{stamp}.txt"
