"""Compile the Qt Designer forms in forms/ into Python (`make forms`).

Each `forms/<name>.ui` becomes `degenks_desktop/ui/forms_generated/<name>_ui.py` through
`pyside6-uic`, its strings through the app's one translation mechanism (`i18n.ui_text`,
gettext), so pybabel extracts them with the rest. The generated modules are not edited by
hand, nor linted; a test compiles every form again and fails when one is out of date.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
GENERATED = ROOT / "degenks_desktop" / "ui" / "forms_generated"
HEADER = (
    "# Generated from forms/{name}.ui by `make forms` (scripts/build_forms.py): do not\n"
    "# edit. Change the form in Qt Designer (`pyside6-designer forms/{name}.ui`) instead.\n"
    "# ruff: noqa\n"
    "# mypy: ignore-errors\n"
)
TRANSLATE_IMPORT = "from degenks_desktop.i18n import ui_text\n"


def uic() -> str:
    """The pyside6-uic that comes with the installed PySide6."""
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit("pyside6-uic is missing: run `make .venv/.installed` first.")
    return found


def compiled(form: Path) -> str:
    """The Python module for `form`, as `make forms` writes it."""
    done = subprocess.run(
        [uic(), "--generator", "python", "--tr", "ui_text", str(form)],
        capture_output=True,
        text=True,
        check=True,
    )
    # uic names the file it read: the form's name, not this machine's path to it; and
    # its own version, which a new PySide6 changes without changing the code.
    body = done.stdout.replace(str(form), form.name)
    body = re.sub(r"(Created by: Qt User Interface Compiler) version \S+", r"\1", body)
    first_import = body.index("from PySide6")
    return (
        HEADER.format(name=form.stem) + body[:first_import] + TRANSLATE_IMPORT + body[first_import:]
    )


def target_of(form: Path) -> Path:
    """Where the module compiled from `form` lives."""
    return GENERATED / f"{form.stem}_ui.py"


def main() -> int:
    """Compile every form; print what was written."""
    GENERATED.mkdir(exist_ok=True)
    for form in sorted(FORMS.glob("*.ui")):
        target_of(form).write_text(compiled(form), encoding="utf-8")
        print(f"{form.relative_to(ROOT)} -> {target_of(form).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
