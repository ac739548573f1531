"""The command line, the app's second front door (contract: shared/design/CLI.md).

Every command calls the same services as the GUI. Errors end as one plain sentence on
stderr with the exit code of CLI.md; `--json` prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from degenks_desktop import __version__, i18n
from degenks_desktop.cli.house import add_backup_commands
from degenks_desktop.cli.tables import add_report_command, add_table_commands
from degenks_desktop.config import LANGUAGE_ENV, data_dir, resolve_database_url
from degenks_desktop.errors import InputRejected, KnownError
from degenks_desktop.i18n import _
from degenks_desktop.services.house.audit import station_name
from degenks_desktop.storage.database import Database, open_database

EXIT_OK = 0
EXIT_NOTHING_TO_DO = 1
EXIT_NOT_FOUND = 3
EXIT_NO_SCREEN = 2
EXIT_BUG = 70  # EX_SOFTWARE: not one of CLI.md's codes, since it is never the user's doing

Command = Callable[[argparse.Namespace], int]


class SentenceArgumentParser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise InputRejected(
            _("{problem}: see `degenks --help`.").format(problem=message[:1].upper() + message[1:])
        )


def _print_json(payload: dict[str, Any]) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(resolve_database_url(args.db), create=create)


def run_demo(args: argparse.Namespace) -> int:
    """`degenks demo`: create the demo event."""
    from degenks_desktop.demo.event import create_demo_event  # noqa: PLC0415

    database = _open(args, create=True)
    try:
        summary = create_demo_event(
            database,
            participants=args.participants,
            days=args.days,
            facilitators=args.facilitators,
            seed=args.seed,
            replace=args.force,
            actor="cli",
        )
        ideas = None
        if args.simulate_day:
            from degenks_desktop.demo.simulated_day import simulate_event  # noqa: PLC0415

            ideas = simulate_event(database, seed=args.seed)
    finally:
        database.close()
    if args.json:
        _print_json(
            {
                "ideas": ideas,
                "event": summary.name,
                "participants": summary.participants,
                "days": summary.days,
                "themes": summary.themes,
                "tables": summary.tables,
                "facilitators": summary.facilitators,
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
        if ideas is not None:
            print(
                _(
                    "The day is simulated: check-ins, seats, {ideas} ideas, votes, the ten "
                    "best of each table and their concepts."
                ).format(ideas=ideas)
            )
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    """`degenks stats`: where the event stands."""
    from degenks_desktop.services.organising.stats import event_stats  # noqa: PLC0415

    database = _open(args)
    try:
        stats = event_stats(database)
    finally:
        database.close()
    if args.json:
        _print_json(stats.as_json())
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


def run_import(args: argparse.Namespace) -> int:
    """`degenks import FILE`: registrations from CSV or XLSX, in one transaction."""
    from degenks_desktop.services.registrations.importing import (  # noqa: PLC0415
        describe_import,
        import_file,
    )

    database = _open(args)
    try:
        report = import_file(database, Path(args.file), dry_run=args.dry_run, actor="cli")
    finally:
        database.close()
    if args.json:
        _print_json(report.as_json())
    else:
        if report.dry_run:
            print(_("Nothing was changed: this was a dry run."))
        print(describe_import(report))
        for change in report.changes:
            fields = ", ".join(
                f"{label}: {old or '–'} → {new}" for label, old, new in change.changes
            )
            print(
                _("Line {line}: {name}: {fields}").format(
                    line=change.line, name=change.name, fields=fields
                )
            )
        for note in (*report.rejected, *report.duplicates, *report.warnings):
            print(_("Line {line}: {reason}").format(line=note.line, reason=note.reason))
    if report.added == 0 and report.updated == 0:
        return EXIT_NOTHING_TO_DO
    return EXIT_OK


def run_find(args: argparse.Namespace) -> int:
    """`degenks find TEXT`: the front desk's name search."""
    from degenks_desktop.services.front_desk.search import find_participants  # noqa: PLC0415

    database = _open(args)
    try:
        matches = find_participants(database, args.text)
    finally:
        database.close()
    if args.json:
        _print_json({"matches": [match.as_json() for match in matches]})
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


def run_badges(args: argparse.Namespace) -> int:
    """`degenks badges OUT.pdf`: badge sheets in one of the formats."""
    from degenks_desktop.domain.badge_formats import FORMATS, custom_format  # noqa: PLC0415
    from degenks_desktop.services.printing.badges import badges_to_print, render_badges  # noqa: PLC0415

    badge_format = FORMATS[args.layout]
    if args.size:
        try:
            width, height = (float(side.replace(",", ".")) for side in args.size.lower().split("x"))
            badge_format = custom_format(width, height)
        except ValueError as error:
            raise InputRejected(
                _("Give the size as width x height in mm, each from 30 to 300, e.g. 80x50.")
            ) from error
    database = _open(args)
    try:
        badges = badges_to_print(database, day_number=args.day, order=args.order)
    finally:
        database.close()
    if not badges:
        print(_("There is nobody to print a badge for."), file=sys.stderr)
        return EXIT_NOTHING_TO_DO
    target = Path(args.out)
    try:
        printed = render_badges(badges, target, badge_format, order=args.order)
    except OSError as error:
        raise InputRejected(
            _("The file {path} cannot be written: choose another folder.").format(path=target)
        ) from error
    print(
        _("{badges} badges on {pages} pages: {path}").format(
            badges=printed.badges, pages=printed.pages, path=target
        )
    )
    return EXIT_OK


def run_documents(args: argparse.Namespace) -> int:
    """`degenks signs|packs|letters OUT.pdf`: the day's other paper."""
    from degenks_desktop.services.printing import documents as documents  # noqa: PLC0415

    database = _open(args)
    try:
        if args.command == "letters":
            event, letters = documents.letters_to_print(database)
        else:
            tables = documents.tables_to_print(database, day_number=args.day)
    finally:
        database.close()
    target = Path(args.out)
    try:
        if args.command == "letters":
            count = documents.render_letters(event, letters, target)
        elif args.command == "signs":
            count = documents.render_table_signs(tables, target)
        else:
            count = documents.render_facilitator_packs(tables, target)
    except OSError as error:
        raise InputRejected(
            _("The file {path} cannot be written: choose another folder.").format(path=target)
        ) from error
    if count == 0:
        print(_("There is nothing to print."), file=sys.stderr)
        return EXIT_NOTHING_TO_DO
    print(_("{count} printed: {path}").format(count=count, path=target))
    return EXIT_OK


def run_assign(args: argparse.Namespace) -> int:
    """`degenks assign`: seat the day's people at theme tables and in duos."""
    from degenks_desktop.services.organising.seating import assign_seats  # noqa: PLC0415

    database = _open(args)
    try:
        report = assign_seats(database, day_number=args.day, time_limit=args.seconds, actor="cli")
    finally:
        database.close()
    if args.json:
        _print_json(report.as_json())
    else:
        print(report.describe())
    return EXIT_OK if report.participants else EXIT_NOTHING_TO_DO


def run_checkin(args: argparse.Namespace) -> int:
    """`degenks checkin CODE` (or `-`: one code a line from stdin, as a scanner types)."""
    from degenks_desktop.services.front_desk.check_ins import CheckInStatus, check_in_code  # noqa: PLC0415

    exit_codes = {
        CheckInStatus.CHECKED_IN: EXIT_OK,
        CheckInStatus.ALREADY: EXIT_NOTHING_TO_DO,
        CheckInStatus.UNKNOWN: EXIT_NOT_FOUND,
    }
    desk = args.desk or station_name()
    database = _open(args)
    try:
        if args.code != "-":
            result = check_in_code(database, args.code, desk=desk, day_number=args.day, actor="cli")
            if args.json:
                _print_json(result.as_json())
            elif result.status == CheckInStatus.CHECKED_IN:
                table = "–" if result.table is None else str(result.table)
                print(_("Welcome {name}: table {table}.").format(name=result.name, table=table))
            elif result.status == CheckInStatus.ALREADY:
                print(
                    _("{name} was already checked in at {time} at {desk}.").format(
                        name=result.name,
                        desk=result.desk,
                        time=result.at.astimezone().strftime("%H:%M") if result.at else "?",
                    ),
                    file=sys.stderr,
                )
            else:
                print(
                    _("Unknown code: check the badge, or search by name with `degenks find`."),
                    file=sys.stderr,
                )
            return exit_codes[result.status]
        for line in sys.stdin:
            code = line.strip()
            if not code:
                continue
            started = time.perf_counter()
            result = check_in_code(database, code, desk=desk, day_number=args.day, actor="cli")
            payload = result.as_json()
            payload["code"] = code
            payload["ms"] = round((time.perf_counter() - started) * 1000, 2)
            _print_json(payload)
            sys.stdout.flush()
        return EXIT_OK
    finally:
        database.close()


def has_screen() -> bool:
    """Whether a window can be shown here (a desktop session, or an offscreen Qt set on purpose)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    on_linux = sys.platform.startswith("linux")  # Windows and macOS always have a screen
    return not on_linux or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    """`degenks gui`: open the desktop app."""
    if not has_screen():
        print(
            _(
                "No screen found: start De Genks Desktop from a desktop session, or use the "
                "command line (see `degenks --help`)."
            ),
            file=sys.stderr,
        )
        return EXIT_NO_SCREEN
    from degenks_desktop.ui.shell.app import run_app  # noqa: PLC0415 - Qt only when needed

    return run_app(database_url=args.db, create_demo=args.demo)


def _add_day_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """The commands of the day itself: check-in and seating."""
    checkin = commands.add_parser(
        "checkin", parents=[common], help=_("check in by badge code (- reads codes from stdin)")
    )
    checkin.add_argument("code", metavar="CODE")
    checkin.add_argument("--day", type=int, metavar="D", help=_("only day D"))
    checkin.add_argument("--desk", metavar="NAME", help=_("the desk's name in the audit"))
    checkin.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    checkin.set_defaults(run=run_checkin)

    assign = commands.add_parser(
        "assign", parents=[common], help=_("seat people at theme tables and in duos")
    )
    assign.add_argument("--day", type=int, metavar="D", help=_("only day D"))
    assign.add_argument(
        "--seconds", type=float, default=1.8, metavar="S", help=_("time limit for the search")
    )
    assign.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    assign.set_defaults(run=run_assign)


def build_parser() -> argparse.ArgumentParser:
    """The `degenks` command and its subcommands."""
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

    gui = commands.add_parser("gui", parents=[common], help=_("open the desktop app"))
    gui.add_argument(
        "--demo",
        action="store_true",
        help=_("create the demo event first when the database holds no event"),
    )
    gui.set_defaults(run=run_gui)

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
    demo.set_defaults(run=run_demo)

    importing = commands.add_parser(
        "import", parents=[common], help=_("import registrations from CSV or Excel")
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--dry-run", action="store_true", help=_("show what would change, change nothing")
    )
    importing.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    importing.set_defaults(run=run_import)

    find = commands.add_parser("find", parents=[common], help=_("find people by name or code"))
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    find.set_defaults(run=run_find)

    from degenks_desktop.domain.badge_formats import DEFAULT_FORMAT, FORMATS  # noqa: PLC0415

    badges = commands.add_parser(
        "badges",
        parents=[common],
        help=_("badge sheets as PDF"),
        epilog=_("layouts:")
        + " "
        + "; ".join(f"{key}: {_(f.label)}" for key, f in FORMATS.items()),
    )
    badges.add_argument("out", metavar="OUT.pdf")
    badges.add_argument("--layout", choices=list(FORMATS), default=DEFAULT_FORMAT)
    badges.add_argument(
        "--size",
        metavar="WxH",
        help=_("a badge of your own size in mm, one per page, e.g. 80x50 (instead of --layout)"),
    )
    badges.add_argument("--order", choices=["surname", "table"], default="surname")
    badges.add_argument("--day", type=int, metavar="D", help=_("only the badges of day D"))
    badges.set_defaults(run=run_badges)

    _add_day_commands(commands, common)
    add_table_commands(commands, common)
    add_report_command(commands, common)
    add_backup_commands(commands, common)

    for name, help_text in (
        ("signs", _("table signs as PDF, one per table")),
        ("packs", _("facilitator packs as PDF, one per table")),
        ("letters", _("invitation letters as PDF, one per participant")),
    ):
        document = commands.add_parser(name, parents=[common], help=help_text)
        document.add_argument("out", metavar="OUT.pdf")
        if name != "letters":
            document.add_argument("--day", type=int, metavar="D", help=_("only day D"))
        document.set_defaults(run=run_documents)

    stats = commands.add_parser("stats", parents=[common], help=_("where the event stands"))
    stats.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    stats.set_defaults(run=run_stats)
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
    except Exception:  # a bug: one sentence here, the details in a file for the developers
        report = crash_report_path()
        report.write_text(traceback.format_exc(), encoding="utf-8")
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
