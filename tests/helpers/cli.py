"""Running `degenks` in the test's own process, as a shell would, and reading what it said."""

from __future__ import annotations

import pytest

from degenks_desktop import cli


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`degenks ARGS…`: its exit code, standard output and standard error."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
