"""The probable-duplicate rule of the import: symmetric, strict, and never about names the
exact rule already decides."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.probable_duplicates import (
    PersonDetails,
    name_key,
    probable_duplicate,
)

NAMES = st.text(alphabet="abcdeıijklmnoprsyzAÖŞ' -", min_size=0, max_size=12)
people = st.builds(
    PersonDetails,
    first_name=NAMES,
    last_name=NAMES,
    email=st.sampled_from([None, "a@example.be", "A@Example.be", "b@example.be"]),
    phone=st.sampled_from([None, "+3289123456", "+32470123456"]),
    birth_year=st.sampled_from([None, 1956, 1979]),
)


@given(people, people)
def test_the_rule_is_symmetric(one: PersonDetails, other: PersonDetails) -> None:
    assert probable_duplicate(one, other) == probable_duplicate(other, one)


@given(people, people)
def test_names_equal_once_folded_are_never_probable(
    one: PersonDetails, other: PersonDetails
) -> None:
    same_name = PersonDetails(
        one.first_name.upper(), one.last_name, other.email, other.phone, other.birth_year
    )
    assert name_key(same_name.first_name, same_name.last_name) == name_key(
        one.first_name, one.last_name
    )
    assert probable_duplicate(one, same_name) is None
    assert probable_duplicate(one, one) is None


@given(people, people)
def test_only_a_shared_detail_and_no_other_one_makes_two_rows_alike(
    one: PersonDetails, other: PersonDetails
) -> None:
    found = probable_duplicate(one, other)
    if found is None:
        return
    mine, theirs = one.details(), other.details()
    assert mine[found.shared] == theirs[found.shared]
    assert all(theirs[kind] == value for kind, value in mine.items() if kind in theirs)
    assert 0 <= found.similarity <= 100


def test_a_typo_with_the_same_email_is_probable_but_a_family_is_not() -> None:
    mehmet = PersonDetails("Mehmet", "Yilmaz", email="m@example.be")
    found = probable_duplicate(mehmet, PersonDetails("Mehmet", "Yilmza", email="M@example.be"))
    assert found is not None and (found.shared, found.names) == ("email", "spelt")
    assert probable_duplicate(mehmet, PersonDetails("Mehmet", "Yilmas")) is None  # name alone
    lars = PersonDetails("Lars", "Peeters", email="gezin@example.be")
    assert probable_duplicate(lars, PersonDetails("Lara", "Peeters", "gezin@example.be")) is None
