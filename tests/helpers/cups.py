"""The test CUPS server of scripts/throwaway-cups: its CUPS-PDF queue and what it printed.

Tests that print for real take the `cups_queue` fixture (tests/conftest.py); without
DEGENKS_TEST_CUPS_SERVER they are skipped. A test that pauses a queue takes a private
one (`private_queue`), so that tests running beside it on other workers print on.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from degenks_desktop.services.printing.cups import job_status
from degenks_desktop.services.printing.print_jobs import JobState, JobStatus, SpooledJob

SERVER_VARIABLE = "DEGENKS_TEST_CUPS_SERVER"
QUEUE = "degenks-pdf"
SKIP_REASON = (
    f"no test CUPS server: set {SERVER_VARIABLE} to what `scripts/throwaway-cups start DIR` "
    "prints (needs root and the packages cups, cups-client, printer-driver-cups-pdf)"
)


def cups_server() -> str | None:
    """The socket of the test CUPS server, or None."""
    return os.environ.get(SERVER_VARIABLE) or None


needs_cups = pytest.mark.skipif(cups_server() is None, reason=SKIP_REASON)


def _admin(server: str, *command: str) -> None:
    subprocess.run([*command[:1], "-h", server, *command[1:]], check=True, capture_output=True)


@dataclass(frozen=True)
class TestQueue:
    """A CUPS-PDF queue of the test server: jobs sent to it land as PDFs in `out`."""

    __test__ = False  # not a test class, despite its name

    server: str
    name: str

    @property
    def out(self) -> Path:
        """Where CUPS-PDF writes (DIR/out beside the server's socket DIR/cups.sock)."""
        return Path(self.server).parent / "out"

    def finished(self, job: SpooledJob, *, timeout: float = 60.0) -> JobStatus:
        """The job's state once it is done or failed (the test fails after `timeout`)."""
        deadline = time.monotonic() + timeout
        while True:
            status = job_status(job)
            if status.state.finished:
                return status
            if time.monotonic() > deadline:
                pytest.fail(f"job {job.job_id} still {status.state.value} after {timeout} s")
            time.sleep(0.1)

    def output(self, job: SpooledJob, *, timeout: float = 60.0) -> Path:
        """The PDF that CUPS-PDF made of `job`, once the job is done."""
        status = self.finished(job, timeout=timeout)
        assert status.state is JobState.DONE, status
        found = sorted(self.out.glob(f"*job_{job.job_id}.pdf"))
        assert len(found) == 1, f"no single output for job {job.job_id}: {found}"
        return found[0]

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The queue paused (cupsdisable) for the block, as a person at the desk would."""
        _admin(self.server, "cupsdisable", self.name)
        try:
            yield
        finally:
            _admin(self.server, "cupsenable", self.name)

    def resume(self) -> None:
        """Let the queue print again (cupsenable)."""
        _admin(self.server, "cupsenable", self.name)


@contextmanager
def private_queue(server: str) -> Iterator[TestQueue]:
    """A queue of this test's own, printing through the same CUPS-PDF as degenks-pdf."""
    name = f"degenks-test-{uuid.uuid4().hex[:8]}"
    device = (
        subprocess.run(
            ["lpstat", "-h", server, "-v", QUEUE], check=True, capture_output=True, text=True
        )
        .stdout.split(": ", 1)[1]
        .strip()
    )
    ppd = Path(server).parent / "etc" / "ppd" / f"{QUEUE}.ppd"
    _admin(server, "lpadmin", "-p", name, "-E", "-v", device, "-P", str(ppd))
    _admin(server, "cupsaccept", name)
    try:
        yield TestQueue(server, name)
    finally:
        subprocess.run(["lpadmin", "-h", server, "-x", name], check=False, capture_output=True)
