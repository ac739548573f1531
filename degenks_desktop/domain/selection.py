"""A table's ten best ideas from its dot votes, with a tie across place ten kept as a tie.

The room decides, not the order in which ideas happened to be typed: when ideas with the
same dots straddle place ten, `top_ideas` says so (`tied`, `open_places`), and only a
run-off count (`after_runoff`) or the table's own choice (`settle_by_choice`) fills those
places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

TOP_SIZE = 10


class SelectionError(ValueError):
    """A choice that does not settle the tie (the services turn it into a sentence)."""


@dataclass(frozen=True)
class Standing:
    """Where the ideas stand: the sure ones, and the tie across the cut if there is one."""

    sure: tuple[int, ...]
    """Ideas certainly in the top, most dots first (equal dots: lowest id first)."""
    tied: tuple[int, ...] = ()
    """Ideas with the same dots at the cut, more than there are places left."""
    open_places: int = 0
    """How many of the tied ideas get in."""
    dots: Mapping[int, int] = field(default_factory=dict)

    @property
    def is_tied(self) -> bool:
        """Whether the table must settle a tie before the selection is complete."""
        return self.open_places > 0

    def places(self) -> dict[int, int]:
        """Each sure idea's place, shared by equal dots (1, 2, 2, 4, …)."""
        places: dict[int, int] = {}
        for position, idea in enumerate(self.sure, start=1):
            earlier = self.sure[position - 2] if position > 1 else None
            same = earlier is not None and self.dots.get(earlier) == self.dots.get(idea)
            places[idea] = places[earlier] if same and earlier is not None else position
        return places


def _by_dots(dots: Mapping[int, int], ideas: Iterable[int]) -> list[int]:
    # Ties within the sure part only order the list; they never decide who gets in.
    return sorted(ideas, key=lambda idea: (-dots.get(idea, 0), idea))


def top_ideas(dots: Mapping[int, int], size: int = TOP_SIZE) -> Standing:
    """The best `size` ideas by dots; a tie across the cut is returned, not broken."""
    ranked = _by_dots(dots, dots)
    if len(ranked) <= size:
        return Standing(tuple(ranked), dots=dict(dots))
    cut = dots.get(ranked[size - 1], 0)
    above = [idea for idea in ranked if dots.get(idea, 0) > cut]
    at_cut = [idea for idea in ranked if dots.get(idea, 0) == cut]
    if len(above) + len(at_cut) <= size:
        return Standing(tuple(above + at_cut), dots=dict(dots))
    return Standing(tuple(above), tuple(at_cut), size - len(above), dict(dots))


def after_runoff(standing: Standing, runoff: Mapping[int, int]) -> Standing:
    """The standing after a run-off count among the tied ideas (which may tie again)."""
    if not standing.is_tied:
        return standing
    unknown = set(runoff) - set(standing.tied)
    if unknown:
        raise SelectionError("a run-off counts only the tied ideas")
    among_tied = top_ideas(
        {idea: runoff.get(idea, 0) for idea in standing.tied}, standing.open_places
    )
    return Standing(
        standing.sure + among_tied.sure,
        among_tied.tied,
        among_tied.open_places,
        standing.dots,
    )


def settle_by_choice(standing: Standing, chosen: Iterable[int]) -> tuple[int, ...]:
    """The final selection when the table itself picks which tied ideas get in."""
    picked = list(dict.fromkeys(chosen))
    if not standing.is_tied:
        if picked:
            raise SelectionError("there is no tie to settle")
        return standing.sure
    if not set(picked) <= set(standing.tied):
        raise SelectionError("only tied ideas can be chosen")
    if len(picked) != standing.open_places:
        raise SelectionError("choose exactly as many ideas as there are open places")
    return standing.sure + tuple(picked)
