"""The system libraries Qt's X11 platform needs on Linux, and the one line that installs them.

PySide6's wheels carry Qt but not the X11/xcb libraries of the system. When one is missing,
Qt stops with "xcb-cursor0 is needed" (naming only the first it thought of) or aborts.
Before the window opens, `degenks gui` reads what Qt's xcb plugin links to (`ldd`) and,
when something is missing, says which Debian/Ubuntu packages provide it, in one
`apt-get install` line. No Qt is imported here: importing Qt's GUI is what would fail.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The shared libraries Qt's xcb platform links to, by the Debian/Ubuntu package that
# provides each (the names are the same on Debian 12 and Ubuntu 22.04 and 24.04).
PACKAGE_OF_LIBRARY = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries `ldd` reports as not found, in the order it names them, once each."""
    return list(dict.fromkeys(NOT_FOUND.findall(ldd_output)))


def packages_for(libraries: list[str]) -> list[str]:
    """The packages that provide `libraries` (a library we do not know is named as is)."""
    return list(dict.fromkeys(PACKAGE_OF_LIBRARY.get(name, name) for name in libraries))


def qt_xcb_files() -> list[Path]:
    """Qt's xcb platform plugin and the Qt libraries it loads, inside PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    candidates = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        *sorted(qt.glob("lib/libQt6XcbQpa.so*")),
    ]
    return [path for path in candidates if path.exists()]


def missing_packages() -> list[str]:
    """What to install before Qt's window can open on this Linux machine ([] when nothing,
    or when this is no Linux, or `ldd` is not there to ask)."""
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        return []
    missing: list[str] = []
    for path in qt_xcb_files():
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False)
        missing += missing_libraries(done.stdout)
    return packages_for(list(dict.fromkeys(missing)))


def install_line(packages: list[str]) -> str:
    """The one command that installs `packages` on Debian or Ubuntu."""
    return "sudo apt-get install " + " ".join(packages)
