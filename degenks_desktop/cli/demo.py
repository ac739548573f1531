"""`degenks demo`: a realistic demo event to rehearse with, seated, its day simulated if asked.

It prints the demo's organiser account and how its facilitators' PINs go. Replacing an
event this database holds (`--force`) needs an organiser's credential (`--organiser`).
"""

from __future__ import annotations

import argparse
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_OK,
    add_organiser_argument,
    open_from_args,
    print_json,
    require_organiser,
)
from degenks_desktop.i18n import _, counted
from degenks_desktop.services.house.organisers import DEMO_ORGANISER_PASSWORD
from degenks_desktop.services.tables.access import describe_demo_pins


def run_demo(args: argparse.Namespace) -> int:
    """`degenks demo`: create the demo event, every day seated in duos."""
    from degenks_desktop.demo.event import create_demo_event  # noqa: PLC0415
    from degenks_desktop.services.house.events import event_info  # noqa: PLC0415

    database = open_from_args(args, create=True)
    try:
        actor = "cli"
        if args.force and event_info(database) is not None:
            actor = require_organiser(database, args).actor  # an event is replaced
        summary = create_demo_event(
            database,
            participants=args.participants,
            days=args.days,
            facilitators=args.facilitators,
            seed=args.seed,
            replace=args.force,
            actor=actor,
        )
        ideas = None
        if args.simulate_day:
            from degenks_desktop.demo.simulated_day import simulate_event  # noqa: PLC0415

            ideas = simulate_event(database, seed=args.seed)
    finally:
        database.close()
    if args.json:
        print_json(
            {
                "ideas": ideas,
                "event": summary.name,
                "participants": summary.participants,
                "days": summary.days,
                "themes": summary.themes,
                "tables": summary.tables,
                "facilitators": summary.facilitators,
                "seated": summary.seating.seated if summary.seating else 0,
                "duos": summary.seating.duos if summary.seating else 0,
                "trios": summary.seating.trios if summary.seating else 0,
                "organiser": summary.organiser,
                "organiser_password": DEMO_ORGANISER_PASSWORD if summary.organiser else None,
            }
        )
    else:
        print(
            _(
                "Created “{name}”: {participants} participants over {days} days, "
                "{themes} themes, {tables} tables, {facilitators} facilitators."
            ).format(
                name=summary.name,
                participants=summary.participants,
                days=summary.days,
                themes=summary.themes,
                tables=summary.tables,
                facilitators=summary.facilitators,
            )
        )
        if summary.seating is not None:
            print(
                _(
                    "{seated} of {participants} people are seated at theme tables, "
                    "in {duos} and {trios}."
                ).format(
                    seated=summary.seating.seated,
                    participants=summary.seating.participants,
                    duos=counted("{count} duo", "{count} duos", summary.seating.duos),
                    trios=counted("{count} trio", "{count} trios", summary.seating.trios),
                )
            )
        if ideas is not None:
            print(
                _(
                    "The day is simulated: check-ins, seats, {ideas} ideas, votes, the ten "
                    "best of each table and their concepts."
                ).format(ideas=ideas)
            )
        if summary.organiser is not None:
            print(
                _(
                    "The demo's organiser signs in as {name} with the password {password} "
                    "(Organisatie in the app, and --organiser here)."
                ).format(name=summary.organiser, password=DEMO_ORGANISER_PASSWORD)
            )
        else:
            print(
                _(
                    "This database's organiser accounts stay as they were: the demo adds "
                    "none of its own."
                )
            )
        print(describe_demo_pins())
    return EXIT_OK


def add_demo_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `demo`."""
    demo = commands.add_parser("demo", parents=[common], help=_("create a realistic demo event"))
    demo.add_argument("--participants", type=int, default=449, metavar="N")
    demo.add_argument("--days", type=int, default=2, metavar="D")
    demo.add_argument("--facilitators", type=int, default=47, metavar="F")
    demo.add_argument("--seed", type=int, default=2013, metavar="S")
    demo.add_argument(
        "--force", action="store_true", help=_("replace the event this database holds")
    )
    demo.add_argument(
        "--simulate-day",
        action="store_true",
        help=_("also check people in and fill ideas, votes, the ten best and concepts"),
    )
    demo.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    add_organiser_argument(demo)
    demo.set_defaults(run=run_demo)
