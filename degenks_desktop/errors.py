"""Errors that the environment or the user causes, each with one plain sentence to show.

Like qutebrowser's KnownError: these are not bugs. The CLI prints their message and exits
with their code; the GUI shows the message in a dialog. Anything else is a bug and goes to
the crash handler.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem the user can act on; `message` is one translated sentence."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NothingToDo(KnownError):
    """The request was fine, but it is already so (CLI exit 1)."""

    exit_code = 1


class InputRejected(KnownError):
    """The input was wrong; nothing was changed (CLI exit 2)."""

    exit_code = 2


class ValueDoesNotFit(InputRejected):
    """A value longer than (or of another kind than) its column keeps; nothing was changed."""


class ConflictingChange(InputRejected):
    """The database refused a change that clashes with what it holds (a badge code or a
    check-in another desk wrote at the same moment); nothing was changed."""


class NotFound(KnownError):
    """The person, code or thing asked for does not exist (CLI exit 3)."""

    exit_code = 3


class AccessRefused(KnownError):
    """A table's work asked for without that table's PIN (CLI exit 2: nothing changed)."""

    exit_code = 2


class DatabaseUnavailable(KnownError):
    """The database cannot be reached, opened or written (CLI exit 4)."""

    exit_code = 4


class Cancelled(Exception):
    """The user pressed Cancel; the work's transaction is rolled back."""
