"""The postcards weeks after the day, on the command line: `degenks postcards OUT.pdf`
writes one A6 card per participant who agreed to be contacted, came and gave an address,
and says how many were left out and why."""

from __future__ import annotations

import argparse
from pathlib import Path
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


def run_postcards(args: argparse.Namespace) -> int:
    """`degenks postcards`: the postcards' PDF (names and addresses: organisers only);
    `--link` and `--date` are saved first, as the app's Follow-up page saves them."""
    from degenks_desktop.services.follow_up.postcards import (  # noqa: PLC0415
        describe_run,
        make_postcards,
        postcards_to_print,
    )
    from degenks_desktop.services.follow_up.settings import (  # noqa: PLC0415
        checked_link,
        follow_up_settings,
        parse_postcard_date,
        save_follow_up_settings,
    )
    from degenks_desktop.services.house.events import require_event  # noqa: PLC0415

    # Bad input is refused before the organiser's sign-in, which the audit notes.
    on = parse_postcard_date(args.date) if args.date is not None else None
    link = checked_link(args.link) if args.link is not None else None
    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        with database.reading() as session:
            event_id = require_event(session).id
        if link is not None or on is not None:
            saved = follow_up_settings(database, event_id)
            save_follow_up_settings(
                database,
                event_id,
                report_link=saved.report_link if link is None else link,
                postcards_on=saved.postcards_on if on is None else on,
                actor=organiser.actor,
            )
        run = postcards_to_print(database, event_id)
        if run.postcards:
            make_postcards(database, event_id, Path(args.out), actor=organiser.actor, run=run)
    finally:
        database.close()
    if args.json:
        print_json(
            {
                "postcards": len(run.postcards),
                "no_address": run.no_address,
                "did_not_come": run.did_not_come,
                "no_consent": run.no_consent,
                "path": str(args.out) if run.postcards else None,
            }
        )
    else:
        print(describe_run(run))
        if run.postcards:
            print(_("Postcards written: {path}").format(path=args.out))
    return EXIT_OK if run.postcards else EXIT_NOTHING_TO_DO


def add_postcard_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `postcards`."""
    postcards = commands.add_parser(
        "postcards",
        parents=[common],
        help=_(
            "postcards for the participants who agreed to be contacted: their commitment, "
            "their table's ten best ideas and the follow-up report's link"
        ),
    )
    postcards.add_argument("out", metavar="OUT.pdf")
    postcards.add_argument(
        "--link", metavar="URL", help=_("save this as the follow-up report's link first")
    )
    postcards.add_argument(
        "--date", metavar="DD/MM/YYYY", help=_("save this as the date the postcards carry first")
    )
    postcards.add_argument("--json", action="store_true")
    add_organiser_argument(postcards)
    postcards.set_defaults(run=run_postcards)
