"""The command line of the tables: PINs, and a table's ideas and dots.

A facilitator's commands need the table's PIN (`--pin`, or DEGENKS_PIN so that it stays
out of the shell's history); they reach only that table, as in the GUI, and wrong PINs
in a row make further tries wait, as there. Setting a PIN needs an organiser
(`--organiser`).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_OK,
    add_organiser_argument,
    open_from_args,
    print_json,
    require_organiser,
)
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.tables.access import (
    TableAccess,
    facilitator_of,
    set_pin,
    sign_in,
    tables_to_sign_in,
)
from degenks_desktop.storage.database import Database

PIN_ENV = "DEGENKS_PIN"


def _access(database: Database, args: argparse.Namespace) -> TableAccess:
    pin = args.pin or os.environ.get(PIN_ENV, "")
    if not pin:
        raise InputRejected(
            _("Give the table's PIN with --pin, or set {variable}.").format(variable=PIN_ENV)
        )
    return sign_in(database, day_number=args.day, table_number=args.table, pin=pin)


def run_pin(args: argparse.Namespace) -> int:
    """`degenks pin`: organisers give the facilitator of a table a new PIN."""

    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        tables = {t.number: t for t in tables_to_sign_in(database, args.day)}
        chosen = tables.get(args.table)
        if chosen is None:
            raise InputRejected(
                _("Day {day} has no table {number}.").format(day=args.day, number=args.table)
            )
        set_pin(
            database,
            facilitator_of(database, chosen.table_id),
            args.new_pin,
            actor=organiser.actor,
        )
    finally:
        database.close()
    print(_("The PIN of table {number} is set.").format(number=args.table))
    return EXIT_OK


def run_ideas(args: argparse.Namespace) -> int:
    """`degenks ideas`: a table's ideas with their duos and dots."""
    from degenks_desktop.services.tables.ideas import ideas_at_table  # noqa: PLC0415

    database = open_from_args(args)
    try:
        ideas = ideas_at_table(database, _access(database, args))
    finally:
        database.close()
    if args.json:
        print_json(
            {
                "ideas": [
                    {"id": i.id, "duo": i.duo_number, "text": i.text, "dots": i.dots} for i in ideas
                ]
            }
        )
    else:
        for idea in ideas:
            print(f"{idea.id}\t{idea.duo_number or '-'}\t{idea.dots}\t{idea.text}")
    return EXIT_OK


def run_idea(args: argparse.Namespace) -> int:
    """`degenks idea`: add a duo's idea at a table."""
    from degenks_desktop.services.tables.ideas import add_idea, duos_at_table  # noqa: PLC0415

    database = open_from_args(args)
    try:
        access = _access(database, args)
        duo_id = None
        if args.duo is not None:
            duos = {duo.number: duo.id for duo in duos_at_table(database, access)}
            if args.duo not in duos:
                raise InputRejected(
                    _("Table {number} has no duo {duo}.").format(number=args.table, duo=args.duo)
                )
            duo_id = duos[args.duo]
        idea_id = add_idea(database, access, text=args.text, duo_id=duo_id)
    finally:
        database.close()
    print(_("Idea {id} saved.").format(id=idea_id))
    return EXIT_OK


def run_vote(args: argparse.Namespace) -> int:
    """`degenks vote`: set an idea's dot count at a table (`--allow-over` saves a count that
    takes the table over its people's stickers)."""
    from degenks_desktop.services.tables.dots import TooManyDots, set_tally  # noqa: PLC0415

    database = open_from_args(args)
    try:
        set_tally(
            database, _access(database, args), args.idea, args.dots, allow_over=args.allow_over
        )
    except TooManyDots as error:
        raise InputRejected(
            error.message + " " + _("If the count is right, add --allow-over.")
        ) from error
    finally:
        database.close()
    return EXIT_OK


def _table_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--day", type=int, required=True, metavar="D")
    parser.add_argument("--table", type=int, required=True, metavar="N")
    parser.add_argument("--pin", metavar="PIN", help=_("the table's PIN (or set DEGENKS_PIN)"))


def add_tables_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `pin`, `ideas`, `idea` and `vote`."""
    pin = commands.add_parser("pin", parents=[common], help=_("give a table's facilitator a PIN"))
    pin.add_argument("--day", type=int, required=True, metavar="D")
    pin.add_argument("--table", type=int, required=True, metavar="N")
    pin.add_argument("new_pin", metavar="PIN", help=_("the new PIN: 6 to 8 digits"))
    add_organiser_argument(pin)
    pin.set_defaults(run=run_pin)

    ideas = commands.add_parser("ideas", parents=[common], help=_("a table's ideas and dots"))
    _table_arguments(ideas)
    ideas.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    ideas.set_defaults(run=run_ideas)

    idea = commands.add_parser("idea", parents=[common], help=_("add a duo's idea at a table"))
    _table_arguments(idea)
    idea.add_argument("--duo", type=int, metavar="K")
    idea.add_argument("text", metavar="TEXT")
    idea.set_defaults(run=run_idea)

    vote = commands.add_parser("vote", parents=[common], help=_("set an idea's dot count"))
    _table_arguments(vote)
    vote.add_argument("idea", type=int, metavar="IDEA")
    vote.add_argument("dots", type=int, metavar="DOTS")
    vote.add_argument(
        "--allow-over",
        action="store_true",
        help=_("save a count that takes the table over its people's dots"),
    )
    vote.set_defaults(run=run_vote)
