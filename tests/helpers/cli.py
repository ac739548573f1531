"""Running `degenks` in the test's own process, as a shell would, and reading what it said.

Every command runs as the demo's organiser by default (the credential in the environment,
as a script gives it), so that tests of what a command does need not repeat it; tests of
the credential itself pass `organiser=None` or another name and password.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from degenks_desktop import cli
from degenks_desktop.cli.common import ORGANISER_ENV, ORGANISER_PASSWORD_ENV
from tests.helpers.organisers import ORGANISER, PASSWORD

AS_DEMO_ORGANISER = (ORGANISER, PASSWORD)


def run(
    capsys: pytest.CaptureFixture[str],
    *args: str,
    organiser: tuple[str, str] | None = AS_DEMO_ORGANISER,
) -> tuple[int, str, str]:
    """`degenks ARGS…`: its exit code, standard output and standard error; `organiser` is
    the name and password in DEGENKS_ORGANISER and DEGENKS_ORGANISER_PASSWORD (None:
    neither is set)."""
    with credential(organiser):
        code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@contextmanager
def credential(organiser: tuple[str, str] | None) -> Iterator[None]:
    """The organiser's name and password in the environment while a command runs."""
    saved = {key: os.environ.get(key) for key in (ORGANISER_ENV, ORGANISER_PASSWORD_ENV)}
    if organiser is None:
        for key in saved:
            os.environ.pop(key, None)
    else:
        os.environ[ORGANISER_ENV], os.environ[ORGANISER_PASSWORD_ENV] = organiser
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
