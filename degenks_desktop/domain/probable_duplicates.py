"""Whether two registrations are probably one person whose name was written a typo apart.

"Mehmet Yilmas" with Mehmet Yilmaz's e-mail address, "Jan Vandenbroeck" with Jan Van den
Broeck's phone, "Yilmaz Mehmet" (first and last name swapped) with his birth year: the
import cannot tell whether these are the same person, and asks. Names equal once folded are
not for this rule: the exact rule (`name_key`) decides those, as a duplicate or a namesake.

False positives cost the organiser a decision each, so the rule is strict:
- the name alone is never enough: an e-mail address, phone number or birth year must be
  the same, and none of the three may differ (two addresses, two years: two people);
- one part of the name is the same and the other a typo apart (one letter added, left out,
  changed or two swapped), or only its spacing differs, or first and last name are
  swapped. A family on one e-mail address has one last name and other first names, so
  short names, where one letter makes another name ("Lars"/"Lara", "Maes"/"Maas"), are
  never a typo apart; nor is a name with a longer ending ("Claes"/"Claesen").
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from degenks_desktop.domain.text_matching import fold

# A name part shorter than this (folded) is never a typo of another: "Lars"/"Lara", "Tom"/
# "Tim", "Maes"/"Maas" are other names.
MIN_TYPO_LENGTH = 5
# One edit (insertion, deletion, substitution, or two neighbours swapped) is a typo.
MAX_TYPO_EDITS = 1


def name_key(first_name: str, last_name: str) -> str:
    """A person's name in the form exact duplicates are compared by."""
    return f"{fold(first_name)} {fold(last_name)}".strip()


def name_part(text: str) -> str:
    """One part of a name as the typo rule compares it: folded, without spaces, so that
    "Van den Broeck" and "Vandenbroeck" are one spelling."""
    return fold(text).replace(" ", "")


@dataclass(frozen=True)
class PersonDetails:
    """What the rule compares of a registration; `phone` in normal form (`normal_phone`)."""

    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None
    birth_year: int | None = None

    @property
    def parts(self) -> tuple[str, str]:
        """First and last name as `name_part` has them."""
        return name_part(self.first_name), name_part(self.last_name)

    def details(self) -> dict[str, str | int]:
        """The e-mail address (in no case), phone and birth year given, by their kind."""
        found: dict[str, str | int] = {}
        if self.email:
            found["email"] = self.email.casefold()
        if self.phone:
            found["phone"] = self.phone
        if self.birth_year is not None:
            found["birth_year"] = self.birth_year
        return found


@dataclass(frozen=True)
class Likeness:
    """Why two registrations are probably one person.

    `similarity` is rapidfuzz's of the two names as the rule compares them (0–100); `shared`
    names the detail they have in common (`email`, `phone`, `birth_year`); `names` says
    how the names differ (`spelt`: a typo or the spacing; `swapped`: first and last name).
    """

    similarity: float
    shared: str
    names: str


def a_typo_apart(one: str, other: str) -> bool:
    """Whether two name parts (as `name_part` gives them) are one name mistyped."""
    if one == other:
        return False
    if min(len(one), len(other)) < MIN_TYPO_LENGTH:
        return False
    return OSA.distance(one, other, score_cutoff=MAX_TYPO_EDITS + 1) <= MAX_TYPO_EDITS


def _spelt_alike(one: str, other: str) -> bool:
    """The same part, or one a typo of the other."""
    return one == other or a_typo_apart(one, other)


def probable_duplicate(one: PersonDetails, other: PersonDetails) -> Likeness | None:
    """How `one` and `other` are probably the same person, or None when they are not (or
    when their names are equal once folded: that is the exact rule's to decide)."""
    if name_key(one.first_name, one.last_name) == name_key(other.first_name, other.last_name):
        return None
    mine, theirs = one.details(), other.details()
    if any(theirs[kind] != value for kind, value in mine.items() if kind in theirs):
        return None  # another e-mail address, phone or birth year: another person
    shared = next((kind for kind in mine if kind in theirs), None)
    if shared is None:
        return None
    (first, last), (other_first, other_last) = one.parts, other.parts
    if (first == other_first and _spelt_alike(last, other_last)) or (
        last == other_last and _spelt_alike(first, other_first)
    ):
        names = "spelt"
    elif first and last and first != last and (first, last) == (other_last, other_first):
        names = "swapped"
        other_first, other_last = other_last, other_first  # compared in the same order
    else:
        return None
    similarity = fuzz.ratio(f"{first} {last}", f"{other_first} {other_last}")
    return Likeness(round(similarity, 1), shared, names)
