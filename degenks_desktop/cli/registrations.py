"""`degenks import FILE`: registrations from CSV or XLSX; `degenks select`: the draw when
more register than there are places; `degenks withdraw-consent ID` and `degenks erase
ID`: a person's answers, or their personal data, gone after the day."""

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
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _


def run_import(args: argparse.Namespace) -> int:
    """`degenks import FILE`: registrations from CSV or XLSX, in one transaction."""
    from degenks_desktop.services.registrations.importing import (  # noqa: PLC0415
        describe_import,
        import_file,
    )

    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        decisions = {line: "add" for line in args.add} | {line: "same" for line in args.same}
        report = import_file(
            database,
            Path(args.file),
            dry_run=args.dry_run,
            actor=organiser.actor,
            decisions=decisions,
        )
    finally:
        database.close()
    if args.json:
        print_json(report.as_json())
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
        for found in report.held_back:
            print(
                _(
                    "Line {line}: {reason} Held back: decide with --add {line} or --same {line}."
                ).format(line=found.line, reason=found.reason)
            )
    if report.added == 0 and report.updated == 0:
        return EXIT_NOTHING_TO_DO
    return EXIT_OK


def run_withdraw_consent(args: argparse.Namespace) -> int:
    """`degenks withdraw-consent ID`: delete the person's diversity answers."""
    from degenks_desktop.services.registrations.erasure import withdraw_consent  # noqa: PLC0415

    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        withdraw_consent(database, args.participant, actor=organiser.actor)
    finally:
        database.close()
    print(_("The diversity answers of participant {id} are deleted.").format(id=args.participant))
    return EXIT_OK


def run_erase(args: argparse.Namespace) -> int:
    """`degenks erase ID`: erase the person's personal data, keep the anonymous rest."""
    from degenks_desktop.services.registrations.erasure import erase_person  # noqa: PLC0415

    database = open_from_args(args)
    try:
        organiser = require_organiser(database, args)
        erase_person(database, args.participant, actor=organiser.actor)
    finally:
        database.close()
    print(
        _(
            "The personal data of participant {id} is erased; their day, seat, check-in and "
            "ideas stay, without a name."
        ).format(id=args.participant)
    )
    return EXIT_OK


def run_select(args: argparse.Namespace) -> int:
    """`degenks select`: draw a day's group within its quotas, with a seed to write down."""
    import secrets  # noqa: PLC0415

    from degenks_desktop.services.registrations.draw import (  # noqa: PLC0415
        ALGORITHMS,
        draw_day_number,
        run_draw,
    )

    if args.algorithm not in ALGORITHMS:
        raise InputRejected(
            _("There is no draw algorithm called {name}: use maximin, nash or legacy.").format(
                name=args.algorithm
            )
        )
    seed = secrets.randbelow(1_000_000) if args.seed is None else args.seed
    database = open_from_args(args)
    try:
        day = draw_day_number(database, args.day)
        organiser = require_organiser(database, args)
        report = run_draw(database, day, seed=seed, algorithm=args.algorithm, actor=organiser.actor)
    finally:
        database.close()
    if args.json:
        print_json(report.as_json())
    else:
        print(report.describe())
    return EXIT_OK


def add_registrations_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `import`, `select`, `withdraw-consent` and `erase`."""
    importing = commands.add_parser(
        "import", parents=[common], help=_("import registrations from CSV or Excel")
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--dry-run", action="store_true", help=_("show what would change, change nothing")
    )
    importing.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    importing.add_argument(
        "--add",
        metavar="LINE",
        type=int,
        action="append",
        default=[],
        help=_("a probable duplicate on this line is another person: add them"),
    )
    importing.add_argument(
        "--same",
        metavar="LINE",
        type=int,
        action="append",
        default=[],
        help=_("a probable duplicate on this line is the person already known"),
    )
    add_organiser_argument(importing)
    importing.set_defaults(run=run_import)

    selecting = commands.add_parser(
        "select",
        parents=[common],
        help=_("draw a day's group when more people registered than there are places"),
    )
    selecting.add_argument("--day", type=int, metavar="D", help=_("the day to draw"))
    selecting.add_argument(
        "--seed",
        type=int,
        metavar="S",
        help=_("the seed drawn in public (without it, one is chosen and printed)"),
    )
    selecting.add_argument(
        "--algorithm",
        default="maximin",
        metavar="A",
        help=_("maximin (the default), nash, leximin or legacy"),
    )
    selecting.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    add_organiser_argument(selecting)
    selecting.set_defaults(run=run_select)

    withdrawing = commands.add_parser(
        "withdraw-consent",
        parents=[common],
        help=_("delete a participant's diversity answers (they took their consent back)"),
    )
    withdrawing.add_argument("participant", metavar="ID", type=int)
    add_organiser_argument(withdrawing)
    withdrawing.set_defaults(run=run_withdraw_consent)
    erasing = commands.add_parser(
        "erase",
        parents=[common],
        help=_("erase a participant's personal data after the event, keeping anonymous counts"),
    )
    erasing.add_argument("participant", metavar="ID", type=int)
    add_organiser_argument(erasing)
    erasing.set_defaults(run=run_erase)
