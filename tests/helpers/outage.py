"""A PostgreSQL server of the test's own, which the test can stop and start again.

The shared test server cannot go down mid-suite, so an outage test gets a throwaway
server from `scripts/throwaway-postgres` and halts it, cutting every connection, as a
server or its network would fail; or freezes it, so that it stops answering with every
socket left open, as a hung server does.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "throwaway-postgres"
NO_SERVER_BINARIES = 3


class HaltingServer:
    """A running throwaway PostgreSQL; `halt()` and `resume()`, or `freeze()` and
    `thaw()`, make the outage."""

    def __init__(self) -> None:
        # Under /tmp: when root runs the tests, the server's own user must reach the folder.
        self.folder = Path(tempfile.mkdtemp(prefix="degenks-outage-", dir="/tmp"))
        done = subprocess.run(
            [str(SCRIPT), "start", str(self.folder)], capture_output=True, text=True, check=False
        )
        self.available = done.returncode != NO_SERVER_BINARIES
        if done.returncode not in (0, NO_SERVER_BINARIES):
            raise RuntimeError(f"throwaway PostgreSQL did not start: {done.stderr}")
        self.url = done.stdout.strip()
        self.frozen = False

    def _run(self, command: str) -> None:
        subprocess.run([str(SCRIPT), command, str(self.folder)], check=True, capture_output=True)

    def halt(self) -> None:
        """Stop the server and cut every connection, as a pulled cable would."""
        self._run("halt")

    def resume(self) -> None:
        """Start the server again on the same port, with its data."""
        self._run("resume")

    def freeze(self) -> None:
        """Stop the server's processes (SIGSTOP): sockets stay open, nothing answers."""
        self.frozen = True  # before: a freeze that half worked is thawed all the same
        self._run("freeze")

    def thaw(self) -> None:
        """Let the server's processes go on (SIGCONT), with every connection they had."""
        self._run("thaw")
        self.frozen = False

    def remove(self) -> None:
        """Stop the server and delete its files (thawed first: a frozen one cannot stop)."""
        if self.frozen:
            self.thaw()
        self._run("stop")
