"""`degenks import FILE`: registrations from CSV or XLSX, in one transaction."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from degenks_desktop.cli.common import EXIT_NOTHING_TO_DO, EXIT_OK, open_from_args, print_json
from degenks_desktop.i18n import _


def run_import(args: argparse.Namespace) -> int:
    """`degenks import FILE`: registrations from CSV or XLSX, in one transaction."""
    from degenks_desktop.services.registrations.importing import (  # noqa: PLC0415
        describe_import,
        import_file,
    )

    database = open_from_args(args)
    try:
        report = import_file(database, Path(args.file), dry_run=args.dry_run, actor="cli")
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
    if report.added == 0 and report.updated == 0:
        return EXIT_NOTHING_TO_DO
    return EXIT_OK


def add_registrations_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register `import`."""
    importing = commands.add_parser(
        "import", parents=[common], help=_("import registrations from CSV or Excel")
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--dry-run", action="store_true", help=_("show what would change, change nothing")
    )
    importing.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    importing.set_defaults(run=run_import)
