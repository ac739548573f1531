"""The day's paper on the command line: `degenks badges`, and the table signs,
facilitator packs and letters (`signs`, `packs`, `letters [--kind K]`: invitations,
waiting-list letters, letters to those not selected), all as PDF.
What carries people's names and badge codes (badges, packs, letters) needs an organiser
(`--organiser`); a table sign does not."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from degenks_desktop.cli.common import (
    EXIT_NOTHING_TO_DO,
    EXIT_OK,
    add_organiser_argument,
    open_from_args,
    require_organiser,
)
from degenks_desktop.errors import InputRejected
from degenks_desktop.i18n import _, ngettext


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
    database = open_from_args(args)
    try:
        require_organiser(database, args)
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
    print(printed.describe(target))
    return EXIT_OK


def run_documents(args: argparse.Namespace) -> int:
    """`degenks signs|packs|letters OUT.pdf`: the day's other paper."""
    from degenks_desktop.services.printing import documents  # noqa: PLC0415

    database = open_from_args(args)
    try:
        if args.command != "signs":
            require_organiser(database, args)
        if args.command == "letters":
            event, letters = documents.letters_to_print(database, kind=args.kind)
        else:
            tables = documents.tables_to_print(database, day_number=args.day)
    finally:
        database.close()
    if args.command == "letters" and not letters:
        # Nobody of that kind (no waiting list without a draw): no empty PDF either.
        print(_("There is nothing to print."), file=sys.stderr)
        return EXIT_NOTHING_TO_DO
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
    print(
        ngettext("{count} printed: {path}", "{count} printed: {path}", count).format(
            count=count, path=target
        )
    )
    return EXIT_OK


def add_printing_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `badges`, `signs`, `packs` and `letters`."""
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
    add_organiser_argument(badges)
    badges.set_defaults(run=run_badges)

    for name, help_text in (
        ("signs", _("table signs as PDF, one per table")),
        ("packs", _("facilitator packs as PDF, one per table")),
        ("letters", _("letters as PDF, one per participant (invitations unless --kind)")),
    ):
        document = commands.add_parser(name, parents=[common], help=help_text)
        document.add_argument("out", metavar="OUT.pdf")
        if name != "letters":
            document.add_argument("--day", type=int, metavar="D", help=_("only day D"))
        else:
            document.add_argument(
                "--kind",
                # The kinds of services.printing.documents.LETTER_KINDS, named here so that
                # building the parser does not load reportlab.
                choices=["invitation", "waiting", "not_selected"],
                default="invitation",
                help=_(
                    "invitation (everyone expected, with their QR code), waiting (the waiting "
                    "list, with their place) or not_selected (those the draw did not select)"
                ),
            )
        if name != "signs":
            add_organiser_argument(document)
        document.set_defaults(run=run_documents)
