"""The report of an error that is nobody's fault but ours, for the GUI and the CLI alike.

It holds where in the code it happened, the kind of error and the versions: never the
error's message or any variable, which could hold a citizen's name or a row's values.
It imports no Qt, so that the command line can write it without loading PySide6.
"""

from __future__ import annotations

import platform
import sys
import traceback
from importlib import metadata
from pathlib import Path
from types import TracebackType

from degenks_desktop import __version__

# The app depends on PySide6-Essentials; a developer may have installed the full PySide6.
PYSIDE_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")


def pyside_version() -> str:
    """PySide6's version, without importing it when nothing has ("?" when not installed)."""
    loaded = sys.modules.get("PySide6")
    if loaded is not None:
        return str(getattr(loaded, "__version__", "?"))
    for distribution in PYSIDE_DISTRIBUTIONS:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def crash_report(kind: type[BaseException], trace: TracebackType | None) -> str:
    """The text to send to the maintainers: code locations and versions, no data."""
    frames = traceback.extract_tb(trace)
    lines = [
        f"De Genks Desktop {__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version()}, {platform.platform()}",
        f"{kind.__module__}.{kind.__qualname__}",
        "",
        *(f'  File "{Path(f.filename).name}", line {f.lineno}, in {f.name}' for f in frames),
    ]
    return "\n".join(lines) + "\n"
