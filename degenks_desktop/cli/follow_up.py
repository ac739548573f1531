"""The weeks after the day on the command line: `degenks follow-up` (the follow-up report,
"What happened with your ideas?", as PDF) and the rows of `degenks export --what follow-up`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from degenks_desktop.cli.common import EXIT_OK, open_from_args, print_json
from degenks_desktop.i18n import _, ngettext
from degenks_desktop.storage.database import Database

if TYPE_CHECKING:
    # The exports bring openpyxl: imported when a command runs, not at every start.
    from degenks_desktop.services.reporting.exports import Cell


def event_id_of(database: Database) -> int:
    """The id of the database's event; NotFound in one sentence when it holds none."""
    from degenks_desktop.services.house.events import require_event  # noqa: PLC0415

    with database.reading() as session:
        return require_event(session).id


def follow_up_rows(database: Database) -> tuple[list[str], list[list[Cell]]]:
    """The follow-up of every selected idea and concept as a table, for `degenks export`."""
    from degenks_desktop.services.follow_up.follow_up_report import (  # noqa: PLC0415
        follow_up_table,
    )

    return follow_up_table(database, event_id_of(database))


def run_follow_up(args: argparse.Namespace) -> int:
    """`degenks follow-up`: the follow-up report of the event or of one theme."""
    from degenks_desktop.services.follow_up.follow_up_report import (  # noqa: PLC0415
        render_follow_up_report,
    )
    from degenks_desktop.services.follow_up.follow_ups import (  # noqa: PLC0415
        follow_up_counts,
        follow_up_items,
    )

    database = open_from_args(args)
    try:
        event_id = event_id_of(database)
        pages = render_follow_up_report(
            database, event_id, Path(args.out), theme_code=args.theme, language=args.language
        )
        counts = follow_up_counts(follow_up_items(database, event_id, theme_code=args.theme))
    finally:
        database.close()
    if args.json:
        print_json(
            {
                "pages": pages,
                "path": str(args.out),
                "items": sum(counts.values()),
                "statuses": {status.value: count for status, count in counts.items()},
            }
        )
    else:
        print(
            ngettext(
                "Follow-up report written, {count} page: {path}",
                "Follow-up report written, {count} pages: {path}",
                pages,
            ).format(count=pages, path=args.out)
        )
    return EXIT_OK


def add_follow_up_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `follow-up`."""
    report = commands.add_parser(
        "follow-up",
        parents=[common],
        help=_("what happened with the ideas after the day, as PDF (or one theme's)"),
    )
    report.add_argument("out", metavar="OUT.pdf")
    report.add_argument("--theme", metavar="CODE", help=_("only this theme's ideas and concepts"))
    report.add_argument("--language", choices=["nl", "en"], default="nl")
    report.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    report.set_defaults(run=run_follow_up)
