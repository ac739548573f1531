"""Printing a PDF as it is, through CUPS (Linux, macOS): `lp` sends it, IPP follows the job.

The PDF goes to the queue as vector, at 100 %: the job's page is the document's own
(`media=Custom.WxHmm`), with `print-scaling=none`, so a badge sheet matches its
perforated paper and an A6 badge is not stretched to A4. The state of the job is read
back from the server (services.printing.ipp) and said in one sentence.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from degenks_desktop.i18n import _
from degenks_desktop.services.printing import ipp
from degenks_desktop.services.printing.print_jobs import (
    JobState,
    JobStatus,
    PrinterUnavailable,
    SpooledJob,
)

LP_TIMEOUT_S = 60.0
LPSTAT_TIMEOUT_S = 10.0
# English, whatever the desk's language, so that what lp and lpstat say can be read.
PLAIN_ENV = {"LC_ALL": "C", "LANG": "C"}


def cups_available() -> bool:
    """Whether this machine prints through CUPS: not Windows, and `lp` is there."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def media_option(page_mm: tuple[float, float]) -> str:
    """CUPS's name for a page of exactly `page_mm` (width, height): 'Custom.105x148mm'."""
    width, height = page_mm
    return f"Custom.{width:g}x{height:g}mm"


def _run(
    command: list[str], *, data: bytes | None, timeout: float
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        command,
        input=data,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **PLAIN_ENV},
        check=False,
    )


def _server_flags(server: str | None) -> list[str]:
    return ["-h", server] if server else []


def scheduler_running(server: str | None = None) -> bool:
    """Whether the CUPS server answers at all (`lpstat -r`)."""
    try:
        done = _run(["lpstat", *_server_flags(server), "-r"], data=None, timeout=LPSTAT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return b"is running" in done.stdout


def _unreachable(printer: str) -> PrinterUnavailable:
    return PrinterUnavailable(
        _(
            "The print service (CUPS) on this laptop does not answer, so nothing went to "
            "{printer}: start it again, or save the PDF and print it elsewhere."
        ).format(printer=printer)
    )


def _refused(queue: str, said: str, server: str | None) -> PrinterUnavailable:
    """What lp's complaint means, in one sentence for the desk."""
    lowered = said.lower()
    if "not accepting" in lowered:
        return PrinterUnavailable(
            _(
                "The printer {printer} does not accept jobs at the moment: let it accept "
                "them again (in the printer settings), or choose another printer."
            ).format(printer=queue)
        )
    if not scheduler_running(server):
        return _unreachable(queue)
    if "does not exist" in lowered or "not found" in lowered or "unknown" in lowered:
        return PrinterUnavailable(
            _(
                "There is no printer called {printer} on this laptop (any more): choose "
                "another printer."
            ).format(printer=queue)
        )
    return PrinterUnavailable(
        _("The printer {printer} refused the job ({said}): nothing was printed.").format(
            printer=queue, said=said.strip() or "?"
        )
    )


def send_pdf(
    pdf: bytes | Path,
    *,
    queue: str,
    page_mm: tuple[float, float],
    title: str,
    server: str | None = None,
) -> SpooledJob:
    """Send `pdf` to the CUPS queue `queue` at true size on paper of `page_mm` (w, h).

    Raises PrinterUnavailable with one sentence when it cannot be sent (no queue given,
    the queue missing, `lp` missing, CUPS down or refusing).
    """
    if not queue:
        raise PrinterUnavailable(
            _("No printer is chosen: choose one, or save the PDF and print it elsewhere.")
        )
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterUnavailable(
            _(
                "This laptop cannot print: the printing tools of CUPS ('lp') are not "
                "installed. Install them, or save the PDF and print it elsewhere."
            )
        )
    command = [
        lp,
        *_server_flags(server),
        "-d",
        queue,
        "-t",
        title,
        "-o",
        f"media={media_option(page_mm)}",
        # 100 %: never shrunk into the printer's margins nor blown up to its paper.
        "-o",
        "print-scaling=none",
    ]
    size = pdf.stat().st_size if isinstance(pdf, Path) else len(pdf)
    if isinstance(pdf, Path):
        command += ["--", str(pdf)]
    try:
        done = _run(command, data=None if isinstance(pdf, Path) else pdf, timeout=LP_TIMEOUT_S)
    except subprocess.TimeoutExpired as error:
        raise _unreachable(queue) from error
    except OSError as error:
        raise PrinterUnavailable(
            _(
                "This laptop cannot print ('lp' does not start): save the PDF and print it "
                "elsewhere."
            )
        ) from error
    said = (done.stderr or done.stdout).decode("utf-8", "replace")
    found = re.search(rb"request id is (\S+)-(\d+)", done.stdout)
    if done.returncode != 0 or found is None:
        raise _refused(queue, said.replace("lp: ", "").replace("Error - ", ""), server)
    return SpooledJob(found.group(1).decode(), int(found.group(2)), size, server)


def server_of(job: SpooledJob) -> str:
    """The server the job went to: the one named, else the one `lp` uses (`lpstat -H`)."""
    if job.server:
        return job.server
    named = os.environ.get("CUPS_SERVER")
    if named:
        return named
    try:
        done = _run(["lpstat", "-H"], data=None, timeout=LPSTAT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return "localhost:631"
    return done.stdout.decode().strip() or "localhost:631"


IPP_PENDING, IPP_HELD, IPP_PROCESSING, IPP_STOPPED = 3, 4, 5, 6
IPP_CANCELLED, IPP_ABORTED, IPP_COMPLETED = 7, 8, 9
PRINTER_STOPPED = 5


def job_status(job: SpooledJob) -> JobStatus:
    """How `job` is doing now; UNKNOWN when the server cannot say."""
    server = server_of(job)
    try:
        found = ipp.job_attributes(
            server, job.job_id, ["job-state", "job-state-reasons", "job-printer-state-message"]
        )
        printer = ipp.printer_attributes(
            server, job.queue, ["printer-state", "printer-state-reasons", "printer-state-message"]
        )
    except ipp.IppError:
        return JobStatus(JobState.UNKNOWN)
    state = (found.get("job-state") or [0])[0]
    reasons = tuple(str(r) for r in found.get("job-state-reasons", []) if r != "none")
    stopped = (printer.get("printer-state") or [0])[0] == PRINTER_STOPPED
    paused = stopped and "paused" in printer.get("printer-state-reasons", [])
    message = str((found.get("job-printer-state-message") or [""])[0]) or str(
        (printer.get("printer-state-message") or [""])[0]
    )
    if paused and message.strip().lower() == "paused":
        message = ""  # says no more than the sentence does
    if "job-completed-with-errors" in reasons or "aborted-by-system" in reasons:
        # A filter or the backend failed: CUPS may leave such a job stopped, not aborted.
        return JobStatus(JobState.FAILED, reasons, message)
    if state == IPP_COMPLETED:
        return JobStatus(JobState.DONE, reasons, message)
    if state in (IPP_CANCELLED, IPP_ABORTED):
        return JobStatus(
            JobState.FAILED, reasons, message or ("cancelled" if state == IPP_CANCELLED else "")
        )
    if state in (IPP_HELD, IPP_STOPPED) or (state == IPP_PENDING and stopped):
        return JobStatus(
            JobState.HELD,
            reasons,
            message,
            printer_paused=paused,
            printer_stopped=stopped and not paused,
        )
    if state == IPP_PROCESSING:
        return JobStatus(JobState.PRINTING, reasons, message)
    if state == IPP_PENDING:
        return JobStatus(JobState.QUEUED, reasons, message)
    return JobStatus(JobState.UNKNOWN, reasons, message)


def queues(server: str | None = None) -> list[str]:
    """The CUPS queues this laptop can print to (`lpstat -e`), empty without CUPS."""
    if not cups_available():
        return []
    try:
        done = _run(["lpstat", *_server_flags(server), "-e"], data=None, timeout=LPSTAT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in done.stdout.decode().splitlines() if line.strip()]
