"""The Designer forms and the Python compiled from them agree: a form changed without
`make forms` (or a generated module edited by hand) fails here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_forms", ROOT / "scripts" / "build_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_forms"] = module
    spec.loader.exec_module(module)
    return module


def test_there_are_forms() -> None:
    assert FORMS, "forms/ holds the Designer forms of the form-like screens"


@pytest.mark.parametrize("form", FORMS, ids=[form.stem for form in FORMS])
def test_each_generated_module_is_compiled_from_its_form(form: Path) -> None:
    builder = build_forms()
    generated = builder.target_of(form)
    assert generated.exists(), f"run `make forms`: {generated.name} is missing"
    assert generated.read_text(encoding="utf-8") == builder.compiled(form), (
        f"{generated.name} is older than forms/{form.name}: run `make forms`"
    )
    assert "do not\n# edit" in generated.read_text(encoding="utf-8")
