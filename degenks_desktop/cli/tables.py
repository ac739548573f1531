"""The command line of the tables: PINs, a table's ideas and dots, and the exports.

A facilitator's commands need the table's PIN (`--pin`, or DEGENKS_PIN so that it stays
out of the shell's history); they reach only that table, as in the GUI.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from degenks_desktop.config import resolve_database_url
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _
from degenks_desktop.services.tables.access import (
    TableAccess,
    facilitator_of,
    set_pin,
    sign_in,
    tables_to_sign_in,
)
from degenks_desktop.storage.database import Database, open_database

PIN_ENV = "DEGENKS_PIN"


def _open(args: argparse.Namespace) -> Database:
    return open_database(resolve_database_url(args.db), create=False)


def _access(database: Database, args: argparse.Namespace) -> TableAccess:
    pin = args.pin or os.environ.get(PIN_ENV, "")
    if not pin:
        raise InputRejected(
            _("Give the table's PIN with --pin, or set {variable}.").format(variable=PIN_ENV)
        )
    return sign_in(database, day_number=args.day, table_number=args.table, pin=pin)


def run_pin(args: argparse.Namespace) -> int:
    """`degenks pin`: organisers give the facilitator of a table a new PIN."""

    database = _open(args)
    try:
        tables = {t.number: t for t in tables_to_sign_in(database, args.day)}
        chosen = tables.get(args.table)
        if chosen is None:
            raise InputRejected(
                _("Day {day} has no table {number}.").format(day=args.day, number=args.table)
            )
        set_pin(database, facilitator_of(database, chosen.table_id), args.new_pin, actor="cli")
    finally:
        database.close()
    print(_("The PIN of table {number} is set.").format(number=args.table))
    return 0


def run_ideas(args: argparse.Namespace) -> int:
    """`degenks ideas`: a table's ideas with their duos and dots."""
    from degenks_desktop.services.tables.ideas import ideas_at_table  # noqa: PLC0415

    database = _open(args)
    try:
        ideas = ideas_at_table(database, _access(database, args))
    finally:
        database.close()
    if args.json:
        payload: dict[str, Any] = {
            "ideas": [
                {"id": i.id, "duo": i.duo_number, "text": i.text, "dots": i.dots} for i in ideas
            ]
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, sort_keys=True)
        sys.stdout.write("\n")
    else:
        for idea in ideas:
            print(f"{idea.id}\t{idea.duo_number or '-'}\t{idea.dots}\t{idea.text}")
    return 0


def run_idea(args: argparse.Namespace) -> int:
    """`degenks idea`: add a duo's idea at a table."""
    from degenks_desktop.services.tables.ideas import add_idea, duos_at_table  # noqa: PLC0415

    database = _open(args)
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
    return 0


def run_vote(args: argparse.Namespace) -> int:
    """`degenks vote`: set an idea's dot count at a table."""
    from degenks_desktop.services.tables.dots import set_tally  # noqa: PLC0415

    database = _open(args)
    try:
        set_tally(database, _access(database, args), args.idea, args.dots)
    finally:
        database.close()
    return 0


def run_export(args: argparse.Namespace) -> int:
    """`degenks export`: participants, check-ins, ideas or concepts as Excel or CSV."""
    from degenks_desktop.services.reporting import exports  # noqa: PLC0415

    database = _open(args)
    try:
        header, rows = exports.export_rows(database, args.what, anonymous=args.anonymous)
    finally:
        database.close()
    count = exports.write_table(Path(args.out), header, rows)
    print(_("{count} rows written: {path}").format(count=count, path=args.out))
    return 0 if count else 1


def _table_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--day", type=int, required=True, metavar="D")
    parser.add_argument("--table", type=int, required=True, metavar="N")
    parser.add_argument("--pin", metavar="PIN", help=_("the table's PIN (or set DEGENKS_PIN)"))


def add_table_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `pin`, `ideas`, `idea`, `vote` and `export`."""
    pin = commands.add_parser("pin", parents=[common], help=_("give a table's facilitator a PIN"))
    pin.add_argument("--day", type=int, required=True, metavar="D")
    pin.add_argument("--table", type=int, required=True, metavar="N")
    pin.add_argument("new_pin", metavar="PIN")
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
    vote.set_defaults(run=run_vote)

    export = commands.add_parser(
        "export", parents=[common], help=_("participants, check-ins, ideas or concepts as a table")
    )
    export.add_argument("out", metavar="OUT.xlsx|OUT.csv")
    export.add_argument(
        "--what", required=True, choices=["participants", "ideas", "concepts", "checkins"]
    )
    export.add_argument(
        "--anonymous",
        action="store_true",
        help=_("leave out names, contact details and badge codes"),
    )
    export.set_defaults(run=run_export)


def run_report(args: argparse.Namespace) -> int:
    """`degenks report`: the event report, a theme's report, or a table's one-pager."""
    from degenks_desktop.services.reporting.report_data import report_data  # noqa: PLC0415
    from degenks_desktop.services.reporting.report_pdf import (  # noqa: PLC0415
        render_report,
        render_table_page,
    )

    if args.table is not None and args.day is None:
        raise InputRejected(_("Say which day the table is on, with --day."))
    database = _open(args)
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
    return 0


def add_report_command(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `report`."""
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
