"""The front desk on the command line: `degenks checkin CODE` (or a scanner's stream of
codes on stdin) and `degenks find TEXT`, the name search.

A code typed by a scanner set to another keyboard layout is read back by the service;
someone registered for another day, or whose registration was cancelled, is not checked
in (exit 1, nothing changed) unless `--any-day` says so for the other day.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from degenks_desktop.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_NOTHING_TO_DO,
    EXIT_OK,
    open_from_args,
    print_json,
)
from degenks_desktop.config import DEFAULT_DESK_NAME
from degenks_desktop.date_style import clock
from degenks_desktop.i18n import _

if TYPE_CHECKING:
    from degenks_desktop.services.front_desk.check_ins import CheckInResult


def _say(result: CheckInResult) -> None:
    """One line for a person at the terminal: the welcome on stdout, anything else on
    stderr."""
    from degenks_desktop.services.front_desk.check_ins import CheckInStatus  # noqa: PLC0415

    table = "–" if result.table is None else str(result.table)
    if result.status == CheckInStatus.CHECKED_IN:
        print(_("Welcome {name}: table {table}.").format(name=result.name, table=table))
    elif result.status == CheckInStatus.ALREADY:
        print(
            _("{name} was already checked in at {time} at {desk}.").format(
                name=result.name,
                desk=result.desk,
                time=clock(result.at) if result.at else "?",
            ),
            file=sys.stderr,
        )
    elif result.status == CheckInStatus.OTHER_DAY:
        said = _(
            "{name} is registered for day {registered}, not for day {day}: not checked in "
            "(--any-day checks them in all the same)."
        ).format(name=result.name, registered=result.registered_day, day=result.day)
        if result.table is not None:
            said += " " + _("Their table on day {registered}: {table}.").format(
                registered=result.registered_day, table=table
            )
        print(said, file=sys.stderr)
    elif result.status == CheckInStatus.CANCELLED:
        print(
            _(
                "The registration of {name} was cancelled: not checked in. If they stay, "
                "register them as a walk-in."
            ).format(name=result.name),
            file=sys.stderr,
        )
    else:
        print(
            _("Unknown code: check the badge, or search by name with `degenks find`."),
            file=sys.stderr,
        )


def run_checkin(args: argparse.Namespace) -> int:
    """`degenks checkin CODE` (or `-`: one code a line from stdin, as a scanner types)."""
    from degenks_desktop.services.front_desk.check_ins import CheckInStatus, check_in_code  # noqa: PLC0415

    exit_codes = {
        CheckInStatus.CHECKED_IN: EXIT_OK,
        CheckInStatus.ALREADY: EXIT_NOTHING_TO_DO,
        CheckInStatus.OTHER_DAY: EXIT_NOTHING_TO_DO,
        CheckInStatus.CANCELLED: EXIT_NOTHING_TO_DO,
        CheckInStatus.UNKNOWN: EXIT_NOT_FOUND,
    }
    desk = args.desk or DEFAULT_DESK_NAME  # as the app names a desk nobody named
    database = open_from_args(args)
    try:
        if args.code != "-":
            result = check_in_code(
                database,
                args.code,
                desk=desk,
                day_number=args.day,
                actor="cli",
                any_day=args.any_day,
            )
            if args.json:
                print_json(result.as_json())
            else:
                _say(result)
            return exit_codes[result.status]
        for line in sys.stdin:
            code = line.strip()
            if not code:
                continue
            started = time.perf_counter()
            result = check_in_code(
                database, code, desk=desk, day_number=args.day, actor="cli", any_day=args.any_day
            )
            payload = result.as_json()
            payload["code"] = code
            payload["ms"] = round((time.perf_counter() - started) * 1000, 2)
            print_json(payload)
            sys.stdout.flush()
        return EXIT_OK
    finally:
        database.close()


def run_find(args: argparse.Namespace) -> int:
    """`degenks find TEXT`: the front desk's name search."""
    from degenks_desktop.services.front_desk.search import find_participants  # noqa: PLC0415

    database = open_from_args(args)
    try:
        matches = find_participants(database, args.text)
    finally:
        database.close()
    if args.json:
        print_json({"matches": [match.as_json() for match in matches]})
    else:
        for match in matches:
            table = "–" if match.table is None else str(match.table)
            state = _("checked in") if match.checked_in else ""
            print(f"{match.badge_code}  {match.name}  {_('table')} {table}  {state}".rstrip())
    if not matches:
        if not args.json:
            print(_("Nobody found for “{text}”.").format(text=args.text), file=sys.stderr)
        return EXIT_NOT_FOUND
    return EXIT_OK


def add_front_desk_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `checkin` and `find`."""
    checkin = commands.add_parser(
        "checkin", parents=[common], help=_("check in by badge code (- reads codes from stdin)")
    )
    checkin.add_argument("code", metavar="CODE")
    checkin.add_argument("--day", type=int, metavar="D", help=_("only day D"))
    checkin.add_argument(
        "--any-day",
        action="store_true",
        help=_("also check in someone registered for another day (audited)"),
    )
    checkin.add_argument("--desk", metavar="NAME", help=_("the desk's name in the audit"))
    checkin.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    checkin.set_defaults(run=run_checkin)

    find = commands.add_parser("find", parents=[common], help=_("find people by name or code"))
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    find.set_defaults(run=run_find)
