"""Checking diversity answers before they are stored: known values, consent first."""

from __future__ import annotations

from dataclasses import dataclass, fields

from degenks_desktop.domain.diversity import category_by_key
from degenks_desktop.i18n import _


@dataclass(frozen=True)
class ProfileAnswers:
    """Someone's answers to the diversity questions; every one optional."""

    gender: str | None = None
    birth_year: int | None = None
    origin: str | None = None
    education: str | None = None
    neighbourhood: str | None = None
    work_situation: str | None = None
    years_in_genk: str | None = None

    def is_empty(self) -> bool:
        """Whether no question was answered."""
        return all(getattr(self, field.name) in (None, "") for field in fields(self))


PROFILE_ANSWER_FIELDS: tuple[str, ...] = tuple(field.name for field in fields(ProfileAnswers))


def answer_problem(
    answers: ProfileAnswers, *, consent: bool, neighbourhoods: tuple[str, ...], event_year: int
) -> str | None:
    """One sentence on what is wrong with `answers`, or None when they may be stored."""
    if answers.is_empty():
        return None
    if not consent:
        return _(
            "Diversity answers are only kept with consent: tick the consent box or leave "
            "the questions empty."
        )
    if answers.birth_year is not None and not 1900 <= answers.birth_year <= event_year:
        return _("The birth year must be between 1900 and {year}.").format(year=event_year)
    for key in (
        "gender",
        "origin",
        "education",
        "neighbourhood",
        "work_situation",
        "years_in_genk",
    ):
        value = getattr(answers, key)
        category = category_by_key(key, neighbourhoods)
        if value is not None and category is not None and value not in category.values:
            return _("{value} is not a value of the category {category}.").format(
                value=value, category=key
            )
    return None
