"""Running a piece of a test as an ordinary user, since root may write any file."""

from __future__ import annotations

import os
from collections.abc import Callable

NOBODY = 65534


def call_as_ordinary_user(function: Callable[[], int]) -> tuple[int, str]:
    """Call `function` in a child process without root's rights; return (its code, stderr).

    `function` writes to file descriptor 2 (pytest's capture replaces `sys.stderr`).
    When the tests do not run as root, the child keeps the current user.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 99
        try:
            os.close(read_end)
            os.dup2(write_end, 2)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            code = function()
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        stderr = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), stderr
