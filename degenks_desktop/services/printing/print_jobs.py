"""Print jobs as the desk and the Print page speak of them: where a job is, in one sentence.

Both ways to a printer end here: CUPS (services.printing.cups), whose jobs are followed
until they are done, held or failed, and the raster path of Windows (ui.printing), which
is done once its pages are painted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from degenks_desktop.errors import KnownError
from degenks_desktop.i18n import _


class PrinterUnavailable(KnownError):
    """The printer cannot take the job (none set up, queue missing, CUPS down): nothing
    was printed or logged (CLI exit 4)."""

    exit_code = 4


class JobState(enum.Enum):
    """Where a print job is, as the person at the desk needs to know it."""

    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    HELD = "held"
    FAILED = "failed"
    UNKNOWN = "unknown"

    @property
    def finished(self) -> bool:
        """Whether the job will not change any more by itself."""
        return self in (JobState.DONE, JobState.FAILED)


@dataclass(frozen=True)
class JobStatus:
    """A job's state and why (the server's keywords and message, for the sentence)."""

    state: JobState
    reasons: tuple[str, ...] = ()
    message: str = ""
    printer_paused: bool = False
    """The queue was paused on purpose (cupsdisable, 'Pause' in the printer settings)."""
    printer_stopped: bool = False
    """The printer stopped by itself (an error, no paper): the job waits for it."""


@dataclass(frozen=True)
class SpooledJob:
    """A job the CUPS server has taken: its queue, its number, and how big it was."""

    queue: str
    job_id: int
    size: int
    server: str | None = None


DONE_AT_ONCE = JobStatus(JobState.DONE)


def _why(status: JobStatus) -> str:
    """The server's own words for a job's trouble, as ' (…)', or nothing."""
    words = status.message.strip() or ", ".join(status.reasons)
    return f" ({words})" if words else ""


def badge_sentence(status: JobStatus, printer: str) -> str:
    """One sentence for the desk on a badge sent to `printer` (never 'printed' unless so)."""
    if status.state is JobState.DONE:
        return _("The badge is printed.")
    if status.state is JobState.HELD and status.printer_paused:
        return _(
            "The printer {printer} is paused: the badge waits in its queue and comes out once "
            "the printer is resumed (it counts as printed)."
        ).format(printer=printer)
    if status.state is JobState.HELD and status.printer_stopped:
        return _(
            "The printer {printer} has stopped{why}: the badge waits in its queue and comes "
            "out once the printer runs again (it counts as printed)."
        ).format(printer=printer, why=_why(status))
    if status.state is JobState.HELD:
        return _(
            "The badge is held in the queue of {printer}{why}: release it there to print it "
            "(it counts as printed)."
        ).format(printer=printer, why=_why(status))
    if status.state is JobState.FAILED:
        return _(
            "The badge did not print on {printer}{why}: it is not counted as printed, so "
            "print it again."
        ).format(printer=printer, why=_why(status))
    return _("The badge is on its way to {printer}.").format(printer=printer)


def job_sentence(status: JobStatus, printer: str, what: str) -> str:
    """One sentence for the Print page on a job of `what` ('12 pages') sent to `printer`."""
    if status.state is JobState.DONE:
        return _("Printed on {printer}: {what}.").format(printer=printer, what=what)
    if status.state is JobState.HELD and status.printer_paused:
        return _(
            "The printer {printer} is paused: the job ({what}) waits in its queue and prints "
            "once the printer is resumed."
        ).format(printer=printer, what=what)
    if status.state is JobState.HELD and status.printer_stopped:
        return _(
            "The printer {printer} has stopped{why}: the job ({what}) waits in its queue and "
            "prints once the printer runs again."
        ).format(printer=printer, what=what, why=_why(status))
    if status.state is JobState.HELD:
        return _(
            "The job ({what}) is held in the queue of {printer}{why}: release it there to print it."
        ).format(printer=printer, what=what, why=_why(status))
    if status.state is JobState.FAILED:
        return _("The job ({what}) did not print on {printer}{why}: print it again.").format(
            printer=printer, what=what, why=_why(status)
        )
    return _("Sent to {printer}: {what}.").format(printer=printer, what=what)
