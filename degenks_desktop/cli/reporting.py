"""What the day leaves behind, on the command line: `degenks report` (the event's, a
theme's or a table's PDF) and `degenks export` (tables as Excel or CSV, the draw's
outcome for a mail merge among them)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_NOTHING_TO_DO,
    EXIT_OK,
    add_organiser_argument,
    open_from_args,
    require_organiser,
)
from degenks_desktop.cli.follow_up import follow_up_rows
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _, ngettext


def run_report(args: argparse.Namespace) -> int:
    """`degenks report`: the event report, a theme's report, or a table's one-pager."""
    from degenks_desktop.services.reporting.report_data import report_data  # noqa: PLC0415
    from degenks_desktop.services.reporting.report_pdf import (  # noqa: PLC0415
        render_report,
        render_table_page,
    )

    if args.table is not None and args.day is None:
        raise InputRejected(_("Say which day the table is on, with --day."))
    database = open_from_args(args)
    try:
        table = (args.day, args.table) if args.table is not None else None
        data = report_data(database, day_number=args.day, theme_code=args.theme, table=table)
    finally:
        database.close()
    if args.theme is not None and not data.themes:
        raise InputRejected(_("There is no theme {code}.").format(code=args.theme))
    if table is not None:
        render_table_page(data, Path(args.out), language=args.language)
    else:
        render_report(data, Path(args.out), language=args.language)
    print(_("Report written: {path}").format(path=args.out))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`degenks export`: participants, check-ins, ideas, concepts or the draw's outcome as
    Excel or CSV; with names (without `--anonymous`) only for an organiser."""
    from degenks_desktop.services.reporting import exports  # noqa: PLC0415

    if args.day is not None and args.what != "draw":
        raise InputRejected(_("Only the draw's export is per day: leave out --day."))
    database = open_from_args(args)
    try:
        if not args.anonymous:
            require_organiser(database, args)
        if args.what == "follow-up":
            header, rows = follow_up_rows(database)
        else:
            header, rows = exports.export_rows(
                database, args.what, anonymous=args.anonymous, day_number=args.day
            )
    finally:
        database.close()
    count = exports.write_table(Path(args.out), header, rows)
    print(
        ngettext("{count} row written: {path}", "{count} rows written: {path}", count).format(
            count=count, path=args.out
        )
    )
    return EXIT_OK if count else EXIT_NOTHING_TO_DO


def add_reporting_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `report` and `export`."""
    report = commands.add_parser(
        "report", parents=[common], help=_("the event report as PDF (or one theme's, one table's)")
    )
    report.add_argument("out", metavar="OUT.pdf")
    report.add_argument(
        "--day", type=int, metavar="D", help=_("only day D (and the day of --table)")
    )
    report.add_argument("--theme", metavar="CODE", help=_("only this theme, for its policy table"))
    report.add_argument("--table", type=int, metavar="N", help=_("one table's one-pager"))
    report.add_argument("--language", choices=["nl", "en"], default="nl")
    report.set_defaults(run=run_report)

    export = commands.add_parser(
        "export",
        parents=[common],
        help=_(
            "participants, check-ins, ideas, concepts, the draw's outcome or the audit log "
            "as a table"
        ),
    )
    export.add_argument("out", metavar="OUT.xlsx|OUT.csv")
    export.add_argument(
        "--what",
        required=True,
        choices=["participants", "ideas", "concepts", "checkins", "draw", "audit", "follow-up"],
    )
    export.add_argument(
        "--day",
        type=int,
        metavar="D",
        help=_("with --what draw: only day D's draw (else every day's latest)"),
    )
    export.add_argument(
        "--anonymous",
        action="store_true",
        help=_("leave out names, contact details and badge codes"),
    )
    add_organiser_argument(export)
    export.set_defaults(run=run_export)
