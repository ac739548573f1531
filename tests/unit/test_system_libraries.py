"""On a Linux machine without the X11 libraries Qt needs, `degenks gui` (and so `make run`)
names the packages to install in one line, instead of Qt's misleading abort."""

from __future__ import annotations

import argparse

import pytest

from degenks_desktop.cli import gui
from degenks_desktop.system_libraries import (
    install_line,
    missing_libraries,
    missing_packages,
    packages_for,
    qt_xcb_files,
)

# What `ldd libqxcb.so` prints on a fresh Ubuntu 24.04 with only Python installed.
FRESH_UBUNTU = """\
\tlinux-vdso.so.1 (0x00007ffd4a7e1000)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1c2a000000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f1c29f00000)
\tlibxcb-icccm.so.4 => not found
\tlibEGL.so.1 => not found
"""


def test_what_ldd_misses_becomes_one_install_line() -> None:
    libraries = missing_libraries(FRESH_UBUNTU)
    assert libraries == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxkbcommon-x11.so.0",
        "libEGL.so.1",
    ]
    assert install_line(packages_for(libraries)) == (
        "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0 libegl1"
    )


def test_this_machine_is_asked_for_real() -> None:
    # The check reads Qt's own xcb plugin inside PySide6; here every library is there.
    assert any(path.name == "libqxcb.so" for path in qt_xcb_files())
    assert missing_packages() == []


def test_the_gui_command_says_what_to_install_before_qt_aborts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(gui.sys, "platform", "linux")
    monkeypatch.setattr(gui, "missing_packages", lambda: ["libxcb-cursor0", "libxcb-icccm4"])
    code = gui.run_gui(argparse.Namespace(db=None, demo=True))
    err = capsys.readouterr().err
    assert code == 2
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in err
    assert len(err.strip().splitlines()) == 1
