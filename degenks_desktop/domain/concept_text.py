"""What a table writes for a concept: one shape for the form, the demo, the report and
the exports (DOMAIN.md's four questions, a first step and who is needed)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class ConceptText:
    """The written parts of one concept, in the order the form and the report show them."""

    title: str = ""
    description: str = ""
    what_is_alive: str = ""
    what_i_can_do: str = ""
    what_we_can_do: str = ""
    what_the_city_can_do: str = ""
    first_step: str = ""
    who_is_needed: str = ""

    @classmethod
    def of(cls, stored: Any) -> ConceptText:
        """The written parts of anything that has them as attributes (a stored concept)."""
        return cls(**{name: getattr(stored, name) for name in concept_parts()})

    def values(self) -> dict[str, str]:
        """The parts by name, for storing them."""
        return {name: getattr(self, name) for name in concept_parts()}


def concept_parts() -> tuple[str, ...]:
    """The names of a concept's written parts, in order."""
    return tuple(field.name for field in fields(ConceptText))
