"""The diversity matrix: the categories a participant may answer, and their values.

Answers are optional and need consent (GDPR art. 9 for origin); they are stored apart
from names (storage's `profiles` table) and leave the app only as aggregates in which a
group smaller than `SMALLEST_SHOWN_GROUP` is suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from degenks_desktop.i18n import N_

SMALLEST_SHOWN_GROUP = 5


@dataclass(frozen=True)
class Category:
    """One question of the diversity matrix and its possible answers (key -> label)."""

    key: str
    label: str
    values: dict[str, str]


GENDER = Category("gender", N_("Gender"), {"f": N_("Woman"), "m": N_("Man"), "x": N_("Other")})
AGE_BAND = Category(
    "age_band",
    N_("Age"),
    {
        "16-24": "16–24",
        "25-34": "25–34",
        "35-49": "35–49",
        "50-64": "50–64",
        "65+": "65+",
    },
)
ORIGIN = Category(
    "origin",
    N_("Origin"),
    {
        "belgian": N_("Belgian"),
        "italian": N_("Italian"),
        "turkish": N_("Turkish"),
        "moroccan": N_("Moroccan"),
        "greek": N_("Greek"),
        "polish": N_("Polish"),
        "spanish": N_("Spanish"),
        "other_eu": N_("Other EU"),
        "other": N_("Other"),
    },
)
EDUCATION = Category(
    "education",
    N_("Education"),
    {"primary": N_("Primary"), "secondary": N_("Secondary"), "higher": N_("Higher")},
)
WORK_SITUATION = Category(
    "work_situation",
    N_("Work situation"),
    {
        "employed": N_("Employed"),
        "self_employed": N_("Self-employed"),
        "job_seeker": N_("Looking for work"),
        "student": N_("Student"),
        "retired": N_("Retired"),
        "home": N_("Homemaker"),
        "other": N_("Other"),
    },
)
YEARS_IN_GENK = Category(
    "years_in_genk",
    N_("Years in Genk"),
    {"0-4": "0–4", "5-14": "5–14", "15+": "15+", "born": N_("Born in Genk")},
)

CATEGORIES: tuple[Category, ...] = (
    GENDER,
    AGE_BAND,
    ORIGIN,
    EDUCATION,
    WORK_SITUATION,
    YEARS_IN_GENK,
)


def age_band(birth_year: int, event_year: int) -> str:
    """The age band of someone born in `birth_year`, at an event held in `event_year`."""
    age = event_year - birth_year
    if age < 25:
        return "16-24"
    if age < 35:
        return "25-34"
    if age < 50:
        return "35-49"
    if age < 65:
        return "50-64"
    return "65+"
