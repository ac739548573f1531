"""Whole names split into first and last name the Dutch and Flemish way, particles kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.person_names import PARTICLES, split_whole_name

FIRST_NAMES = ["Jan", "Griet", "Fatima", "Youssef", "Ayşe", "Jean-Pierre", "Γιώργος", "Łukasz"]
SURNAMES = ["Broeck", "Smet", "Amrani", "Ali", "Beeck", "Hondt", "Bue", "Stefano", "Yılmaz"]
# As they are written in Flanders: capital first in a name that stands alone.
WRITTEN_PARTICLES = ["Van", "van", "Van den", "Van der", "De", "Den", "Der", "El", "Ben"]
WRITTEN_PARTICLES += ["Vanden", "Vander", "Vande", "Op de", "Lo", "Di", "La", "Ait", "Ter"]

first_names = st.sampled_from(FIRST_NAMES) | st.from_regex(r"[A-Z][a-zé]{2,9}", fullmatch=True)
first_names = first_names.filter(lambda name: name.casefold() not in PARTICLES)
surnames = st.sampled_from(SURNAMES) | st.from_regex(r"[A-Z][a-zë]{2,11}", fullmatch=True)
surnames = surnames.filter(lambda name: name.casefold() not in PARTICLES)
particles = st.sampled_from(WRITTEN_PARTICLES)


@pytest.mark.parametrize(
    ("whole", "names"),
    [
        ("Jan Van den Broeck", ("Jan", "Van den Broeck")),
        ("Fatima El Amrani", ("Fatima", "El Amrani")),
        ("Fatma Ait Ouali", ("Fatma", "Ait Ouali")),
        ("Samira Ben Ali", ("Samira", "Ben Ali")),
        ("Koen Op de Beeck", ("Koen", "Op de Beeck")),
        ("Tom D'Hondt", ("Tom", "D'Hondt")),
        ("Katrien Vande Velde", ("Katrien", "Vande Velde")),
        ("Van den Broeck Jan", ("Jan", "Van den Broeck")),
        ("D'Hondt Tom", ("Tom", "D'Hondt")),
        ("Ben Ali Samira", ("Samira", "Ben Ali")),
        ("Ben Peeters", ("Ben", "Peeters")),  # Ben the first name
        ("Ben Van Dijk", ("Ben", "Van Dijk")),
        ("Van den Broeck, Jan", ("Jan", "Van den Broeck")),
        ("  Jan  ", ("Jan", "")),
    ],
)
def test_whole_names_split_with_their_particles(whole: str, names: tuple[str, str]) -> None:
    assert split_whole_name(whole) == names


@given(first=first_names, leading=st.lists(particles, max_size=2), surname=surnames)
def test_first_name_first_then_the_last_name_with_its_particles(
    first: str, leading: list[str], surname: str
) -> None:
    last = " ".join([*leading, surname])
    assert split_whole_name(f"{first} {last}") == (first, last)
    assert split_whole_name(f"  {last},  {first} ") == (first, last)


@given(first=first_names, leading=st.lists(particles, min_size=1, max_size=2), surname=surnames)
def test_last_name_first_when_it_starts_with_a_particle(
    first: str, leading: list[str], surname: str
) -> None:
    last = " ".join([*leading, surname])
    assert split_whole_name(f"{last} {first}") == (first, last)
