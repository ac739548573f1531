"""What every `degenks` command shares: the exit codes of CLI.md, opening the database
named by `--db` (or DEGENKS_DB), and printing one JSON object on stdout.

The room modules import from here, never from the package's `__init__`, which imports
them in turn.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from degenks_desktop.config import resolve_database_url
from degenks_desktop.storage.database import Database, open_database

EXIT_OK = 0
EXIT_NOTHING_TO_DO = 1
EXIT_NO_SCREEN = 2
EXIT_NOT_FOUND = 3
EXIT_BUG = 70  # EX_SOFTWARE: not one of CLI.md's codes, since it is never the user's doing
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as the shell reports a reader that left early

Command = Callable[[argparse.Namespace], int]


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database of `--db`, DEGENKS_DB or the default file; a missing file is
    refused unless `create`."""
    return open_database(resolve_database_url(args.db), create=create)


def print_json(payload: dict[str, Any]) -> None:
    """Print `payload` as one line of JSON on stdout (keys sorted, text as it is)."""
    json.dump(payload, sys.stdout, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")
