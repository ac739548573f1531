"""The organisers' commands: `degenks assign` seats the day's people at theme tables and
in duos; `degenks stats` says where the event stands."""

from __future__ import annotations

import argparse
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_NOTHING_TO_DO,
    EXIT_OK,
    add_organiser_argument,
    open_from_args,
    print_json,
    require_organiser,
)
from degenks_desktop.i18n import _


def run_assign(args: argparse.Namespace) -> int:
    """`degenks assign`: seat the day's people at theme tables and in duos."""
    from degenks_desktop.services.organising.seating import (  # noqa: PLC0415
        assign_seats,
        check_search_limits,
    )

    check_search_limits(args.effort, args.seconds)  # before anyone signs in: nothing written
    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        report = assign_seats(
            database,
            day_number=args.day,
            effort=args.effort,
            time_cap=args.seconds,
            actor=organiser.actor,
        )
    finally:
        database.close()
    if args.json:
        print_json(report.as_json())
    else:
        print(report.describe())
    return EXIT_OK if report.participants else EXIT_NOTHING_TO_DO


def run_stats(args: argparse.Namespace) -> int:
    """`degenks stats`: where the event stands."""
    from degenks_desktop.services.organising.stats import event_stats  # noqa: PLC0415

    database = open_from_args(args)
    try:
        stats = event_stats(database)
    finally:
        database.close()
    if args.json:
        print_json(stats.as_json())
        return EXIT_OK
    print(stats.event)
    print(_("Participants: {count}").format(count=stats.participants))
    for day in stats.days:
        print(
            _(
                "Day {number} ({date}): {checked_in} of {expected} checked in, {tables} tables"
            ).format(
                number=day.number,
                date=day.date,
                checked_in=day.checked_in,
                expected=day.expected,
                tables=day.tables,
            )
        )
    print(
        _("Ideas: {ideas} · votes: {votes} · concepts: {concepts}").format(
            ideas=stats.ideas, votes=stats.votes, concepts=stats.concepts
        )
    )
    return EXIT_OK


def add_organising_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `assign` and `stats`."""
    assign = commands.add_parser(
        "assign", parents=[common], help=_("seat people at theme tables and in duos")
    )
    assign.add_argument("--day", type=int, metavar="D", help=_("only day D"))
    assign.add_argument(
        "--effort",
        type=float,
        default=1.0,
        metavar="E",
        help=_("how hard the search tries: 1 is the default, 0.2 quick, 3 thorough"),
    )
    assign.add_argument(
        "--seconds",
        type=float,
        default=60.0,
        metavar="S",
        help=_("safety net: stop the search after this many seconds per day"),
    )
    assign.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    add_organiser_argument(assign)
    assign.set_defaults(run=run_assign)

    stats = commands.add_parser("stats", parents=[common], help=_("where the event stands"))
    stats.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    stats.set_defaults(run=run_stats)
