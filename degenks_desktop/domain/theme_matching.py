"""Which theme a typed answer means, by its words: "Talen en talentontwikkeling" is "Taal
en talent", "🏠 Wonen" is "Wonen", and the theme's own "hoe kunnen we" question is the
theme too.

Case, accents, emoji, "&" for "en", small words ("de", "je", "in"), plurals and Dutch
compounds ("talentontwikkeling" holds "talent") do not matter, nor a typo in a long word.
The match says how sure it is; an answer under THRESHOLD, or as close to two themes, is
no theme (the import leaves it empty with a warning), never a guess. The fuzzy spelling
comparison is `rapidfuzz`'s (as is the import's probable-duplicate rule's).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz

from degenks_desktop.domain.text_matching import fold

Key = TypeVar("Key", bound=Hashable)

THRESHOLD = 0.75
# The best theme must be this much surer than the next, else the answer is ambiguous.
MARGIN = 0.1
# Two words are the same word misspelt from this similarity (rapidfuzz, 0–100) on.
WORD_SIMILARITY = 80
# A word holds another as a compound ("talentontwikkeling", "talent") from this length.
MIN_COMPOUND = 4
# An answer of this many words may be a theme's question, compared as a whole.
QUESTION_WORDS = 6
QUESTION_SIMILARITY = 85
# How much of the answer must be the theme's, and how much of the theme in the answer.
ANSWER_SHARE, THEME_SHARE = 0.7, 0.3

_SMALL_DUTCH = ("en", "de", "het", "een", "in", "je", "jouw", "uw", "van", "voor", "met", "op")
_SMALL_ENGLISH = ("of", "aan", "bij", "and", "the", "a", "an", "to", "for")
SMALL_WORDS = frozenset((*_SMALL_DUTCH, *_SMALL_ENGLISH))
# Answers that choose no theme: Eventbrite's "Geen tweede keuze", a dash.
NO_CHOICE = frozenset(
    fold(text)
    for text in (
        "geen",
        "geen tweede keuze",
        "geen voorkeur",
        "geen tweede thema",
        "nee",
        "neen",
        "none",
        "no",
        "no second choice",
        "nvt",
        "n.v.t.",
        "-",
        "/",
    )
)
_WORD = re.compile(r"[^\W_]+")
_VOWELS = re.compile(r"([aeiou])\1")
_DOUBLE_END = re.compile(r"([^aeiou])\1$")


@dataclass(frozen=True)
class ThemeMatch(Generic[Key]):
    """The theme an answer means, or None; how sure (0–1); `none_chosen` for an answer
    that says there is no theme ("Geen tweede keuze")."""

    key: Key | None
    sureness: float
    none_chosen: bool = False


def _stem(word: str) -> str:
    """A word without its Dutch plural or inflection: 'talen' and 'taal' are 'tal',
    'gezinnen' 'gezin', 'financiële' 'financiel'."""
    if len(word) >= 5 and word.endswith("en"):
        word = word[:-2]
    elif len(word) >= 5 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # "thema's"
    elif len(word) >= 4 and word.endswith("e"):
        word = word[:-1]
    word = _DOUBLE_END.sub(r"\1", word)
    return _VOWELS.sub(r"\1", word)


def words(text: str) -> tuple[str, ...]:
    """The telling words of `text`, folded and stemmed, small words and symbols gone."""
    folded = fold(text.replace("&", " en ").replace("+", " en "))
    return tuple(_stem(word) for word in _WORD.findall(folded) if word not in SMALL_WORDS)


def _word_score(word: str, others: Sequence[str]) -> float:
    """How well `word` is one of `others`: the same, a compound holding it, or a typo."""
    best = 0.0
    for other in others:
        if word == other:
            return 1.0
        short, long_ = sorted((word, other), key=len)
        if len(short) >= MIN_COMPOUND and (long_.startswith(short) or long_.endswith(short)):
            return 1.0
        similarity = fuzz.ratio(word, other)
        if similarity >= WORD_SIMILARITY:
            best = max(best, similarity / 100)
    return best


def _label_score(answer: tuple[str, ...], label: tuple[str, ...]) -> float:
    """How much the answer's words are the label's, and the label's the answer's."""
    if not answer or not label:
        return 0.0
    if answer == label:
        return 1.0
    if len(label) >= QUESTION_WORDS:
        if len(answer) < QUESTION_WORDS:
            return 0.0  # a question is only matched by (nearly) itself
        return (
            fuzz.token_sort_ratio(" ".join(answer), " ".join(label)) / 100
            if (fuzz.token_sort_ratio(" ".join(answer), " ".join(label)) >= QUESTION_SIMILARITY)
            else 0.0
        )
    of_answer = sum(_word_score(word, label) for word in answer) / len(answer)
    of_label = sum(_word_score(word, answer) for word in label) / len(label)
    return ANSWER_SHARE * of_answer + THEME_SHARE * of_label


def match_theme(text: str, themes: Mapping[Key, Sequence[str]]) -> ThemeMatch[Key]:
    """The theme of `themes` (key → its labels: code, name, question, …) that `text`
    names, with how sure that is; None under THRESHOLD or when two are as close."""
    folded = fold(text)
    if folded in NO_CHOICE:
        return ThemeMatch(None, 1.0, none_chosen=True)
    # A theme's number or code as it stands ("3", "financien").
    for key, labels in themes.items():
        if any(folded == fold(label) for label in labels if label):
            return ThemeMatch(key, 1.0)
    answer = words(text)
    scores = sorted(
        (
            (max((_label_score(answer, words(label)) for label in labels), default=0.0), index)
            for index, labels in enumerate(themes.values())
        ),
        reverse=True,
    )
    if not scores:
        return ThemeMatch(None, 0.0)
    best, index = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if best < THRESHOLD or best - runner_up < MARGIN:
        return ThemeMatch(None, best)
    return ThemeMatch(list(themes)[index], best)
