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


NEIGHBOURHOOD_KEY = "neighbourhood"
NEIGHBOURHOOD_LABEL = N_("Neighbourhood")
DEFAULT_WATCHED: tuple[str, ...] = (
    "gender",
    "age_band",
    "origin",
    NEIGHBOURHOOD_KEY,
    "education",
    "work_situation",
)
GAP_THRESHOLD = 0.8
"""A value whose share is below this fraction of its target is a gap worth acting on."""

# Illustrative shares for a city of Genk's make-up, for the demo only: the organisers
# replace them with the city's own population figures.
ILLUSTRATIVE_TARGETS: dict[str, dict[str, float]] = {
    "gender": {"f": 0.50, "m": 0.49, "x": 0.01},
    "age_band": {"16-24": 0.14, "25-34": 0.17, "35-49": 0.26, "50-64": 0.24, "65+": 0.19},
    "origin": {
        "belgian": 0.46,
        "italian": 0.15,
        "turkish": 0.17,
        "moroccan": 0.08,
        "greek": 0.02,
        "polish": 0.03,
        "spanish": 0.02,
        "other_eu": 0.03,
        "other": 0.04,
    },
    "education": {"primary": 0.25, "secondary": 0.45, "higher": 0.30},
    "work_situation": {
        "employed": 0.45,
        "self_employed": 0.06,
        "job_seeker": 0.10,
        "student": 0.10,
        "retired": 0.20,
        "home": 0.06,
        "other": 0.03,
    },
}


def category_by_key(key: str, neighbourhoods: tuple[str, ...] = ()) -> Category | None:
    """The category called `key`; the neighbourhoods are the event's own list."""
    if key == NEIGHBOURHOOD_KEY:
        return Category(key, NEIGHBOURHOOD_LABEL, {name: name for name in neighbourhoods})
    return next((category for category in CATEGORIES if category.key == key), None)


@dataclass(frozen=True)
class ValueRow:
    """One value of a category: registered and present against its target.

    A count of 1 to 4 people is suppressed (None), and so is the share it would give away.
    """

    value: str
    label: str
    registered: int | None
    registered_share: float | None
    checked_in: int | None
    checked_in_share: float | None
    target: float | None
    below_target: bool


@dataclass(frozen=True)
class CategoryMatrix:
    """A category of the diversity matrix with how many answered it."""

    key: str
    label: str
    answered_registered: int
    answered_checked_in: int
    rows: tuple[ValueRow, ...]


def suppress_small(count: int) -> int | None:
    """`count`, or None when it is a group small enough to point at people (1 to 4)."""
    return None if 0 < count < SMALLEST_SHOWN_GROUP else count


def _share(count: int, total: int) -> float | None:
    if total == 0 or suppress_small(count) is None:
        return None
    return count / total


def category_matrix(
    category: Category,
    *,
    registered: dict[str, int],
    checked_in: dict[str, int],
    targets: dict[str, float],
) -> CategoryMatrix:
    """Compare registered and present people with the targets, one row per value."""
    total_registered = sum(registered.values())
    total_checked_in = sum(checked_in.values())
    rows = []
    for value, label in category.values.items():
        count = registered.get(value, 0)
        present = checked_in.get(value, 0)
        target = targets.get(value)
        share = count / total_registered if total_registered else 0.0
        rows.append(
            ValueRow(
                value=value,
                label=label,
                registered=suppress_small(count),
                registered_share=_share(count, total_registered),
                checked_in=suppress_small(present),
                checked_in_share=_share(present, total_checked_in),
                target=target,
                below_target=bool(target and total_registered and share < GAP_THRESHOLD * target),
            )
        )
    return CategoryMatrix(
        key=category.key,
        label=category.label,
        answered_registered=total_registered,
        answered_checked_in=total_checked_in,
        rows=tuple(rows),
    )
