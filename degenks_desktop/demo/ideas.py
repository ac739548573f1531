"""Realistic Dutch ideas and concepts for the demo event, per G360 theme, from a seed.

A demo day fills about 47 tables with some 40 ideas each, so the texts are built from
per-theme building blocks: a frame ("Waarom geen …?", "Laten we …!") around a noun phrase
or an infinitive phrase, an optional target group, an optional Genk place and an optional
reason clause. Every block is a complete constituent, so any combination stays grammatical
Dutch. A set of hand-written whole ideas per theme adds the odd, specific post-it.
The blocks themselves are data, in data/ideas.json; this module reads them once.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.domain.event_plan import G360_THEMES

THEME_CODES: tuple[str, ...] = tuple(theme.code for theme in G360_THEMES)

MIN_IDEA_WORDS = 5
MAX_IDEA_WORDS = 25
MAX_IDEA_CHARS = 200
MAX_TITLE_CHARS = 80

# How often a draw is a hand-written idea rather than a built one: often enough to give
# every table a few specific post-its, rarely enough that they do not repeat much.
_WHOLE_SHARE = 0.12
_GROUP_SHARE = 0.55
_PLACE_SHARE = 0.7
_REASON_SHARE = 0.35
_ATTEMPTS = 30


@cache
def _data() -> dict[str, Any]:
    """The vocabulary file, read once for all the blocks below."""
    text = (files("degenks_desktop.demo") / "data" / "ideas.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _strings(value: object) -> tuple[str, ...]:
    # A malformed file fails here, at import, not as an odd post-it in the middle of a demo.
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"ideas.json: expected a list of strings, got {value!r}")
    return tuple(value)


_WIJKEN: tuple[str, ...] = _strings(_data()["wijken"])
_WIJK_PLACES: tuple[str, ...] = (
    *(f"in {wijk}" for wijk in _WIJKEN),
    *_strings(_data()["places_in_any_wijk"]),
)
_MINE_PLACES: tuple[str, ...] = _strings(_data()["mine_places"])


@dataclass(frozen=True)
class _Vocabulary:
    """One theme's building blocks for ideas, and the phrases its concepts are made of."""

    # Three kinds of noun phrase, all indefinite ("een wooncoach", "betaalbare
    # huurwoningen"): ones a target group and any place can follow ("voor senioren in
    # Termien"), local ones that take a neighbourhood but no group, and city-wide ones
    # that take neither. None has a "voor"-phrase of its own, so "voor <group>" can follow.
    things: tuple[str, ...]
    local_things: tuple[str, ...]
    citywide_things: tuple[str, ...]
    # The same three kinds of infinitive phrase, verb last ("leegstaande panden
    # ombouwen tot woningen"). Local actions and policies are what a city can do, so
    # they can follow "De stad moet"; the others only follow "we".
    actions: tuple[str, ...]
    local_actions: tuple[str, ...]
    policies: tuple[str, ...]
    # Plural noun phrases that follow "voor" (or `action_group_word` after an action).
    groups: tuple[str, ...]
    # Complete prepositional phrases ("in Winterslag", "rond de Molenvijver").
    places: tuple[str, ...]
    # Complete clauses that follow a comma ("zodat …", "want …").
    reasons: tuple[str, ...]
    whole: tuple[str, ...]
    alive: tuple[str, ...]
    i_can: tuple[str, ...]
    we_can: tuple[str, ...]
    city_can: tuple[str, ...]
    # May contain "{wijk}", filled with the neighbourhood the ideas name.
    first_steps: tuple[str, ...]
    partners: tuple[str, ...]
    goals: tuple[str, ...]
    # "samen koken en eten met nieuwe bewoners", not "voor nieuwe bewoners".
    action_group_word: str = "voor"


def _vocabulary_from(entry: dict[str, Any]) -> _Vocabulary:
    """A theme's entry in the file; it names `action_group_word` only where that is not "voor"."""
    fields: dict[str, Any] = {
        name: value if name == "action_group_word" else _strings(value)
        for name, value in entry.items()
    }
    return _Vocabulary(**fields)


_VOCABULARIES: dict[str, _Vocabulary] = {
    code: _vocabulary_from(entry) for code, entry in _data()["themes"].items()
}
# For a theme code the organisers made up: ideas about Genk in general.
_GENERAL = _vocabulary_from(_data()["general"])

# Frames around a noun phrase: (pattern, closing mark, may take a reason clause).
_THING_FRAMES: tuple[tuple[str, str, bool], ...] = (
    ("{}", ".", True),
    ("Graag {}", ".", True),
    ("Wij willen {}", ".", True),
    ("Er is nood aan {}", ".", True),
    ("Genk heeft nood aan {}", ".", True),
    ("Wij dromen van {}", ".", True),
    ("Wat dacht je van {}", "?", False),
)
# "Waarom geen …?" needs the noun phrase without its article, so it is built apart.
_WHY_NOT_THING = "Waarom geen {}"

_ACTION_FRAMES: tuple[tuple[str, str, bool], ...] = (
    ("{}", ".", True),
    ("Laten we {}", "!", True),
    ("Kunnen we niet {}", "?", False),
    ("Waarom niet {}", "?", False),
    ("Wij willen {}", ".", True),
    ("Voorstel: {}", ".", True),
)
# Subjects for what a city can do; the flag says whether the verb is plural.
_CITY_ACTORS: tuple[tuple[str, bool], ...] = (
    ("De stad", False),
    ("Het stadsbestuur", False),
    ("Genk", False),
    ("We", True),
)
# What citizens do together is not the city's job: those actions only follow "we".
_CITIZEN_FRAMES: tuple[str, ...] = ("We moeten {}", "We kunnen {}", "Samen kunnen we {}")
_MODALS: tuple[tuple[str, str], ...] = (("moet", "moeten"), ("kan", "kunnen"))

# Every frame's opening words, longest first, so a concept title can drop them and keep
# the idea's own key phrase.
_OPENERS: tuple[str, ...] = tuple(
    sorted(
        {
            *(frame.removesuffix("{}") for frame, _, _ in _THING_FRAMES + _ACTION_FRAMES),
            _WHY_NOT_THING.removesuffix("{}"),
            "Waarom niet ",
            *(frame.removesuffix("{}") for frame in _CITIZEN_FRAMES),
            *(
                f"{actor} {plural if is_plural else singular} "
                for actor, is_plural in _CITY_ACTORS
                for singular, plural in _MODALS
            ),
        }
        - {""},
        key=len,
        reverse=True,
    )
)
_REASON_CUT = re.compile(r",\s+(?:zodat|want|omdat|dan)\s")
# Words a title must not end on: they announce something that was cut off.
_DANGLING = frozenset(
    {
        *("aan", "als", "bij", "de", "dat", "die", "door", "een", "en", "het", "in", "met"),
        *("naar", "of", "om", "op", "over", "rond", "te", "tot", "van", "voor", "want"),
        "zodat",
    }
)
_NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht")
_VOLUNTEERS: tuple[str, ...] = _strings(_data()["volunteers"])


def _vocabulary(theme_code: str) -> _Vocabulary:
    return _VOCABULARIES.get(theme_code, _GENERAL)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fits(text: str) -> bool:
    words = len(text.split())
    return MIN_IDEA_WORDS <= words <= MAX_IDEA_WORDS and len(text) <= MAX_IDEA_CHARS


def _places_for(core: str, vocabulary: _Vocabulary, local: bool) -> tuple[str, ...]:
    # The cités and the mine heritage are in the old mining districts, not in every wijk.
    if "mijn" in core or "cité" in core:
        return _MINE_PLACES
    # A home visit happens in a neighbourhood, not in the town hall.
    if "huis" in core:
        return _WIJK_PLACES
    return _WIJK_PLACES if local else vocabulary.places


def _body(vocabulary: _Vocabulary, rng: random.Random, use_thing: bool) -> tuple[str, bool]:
    """The phrase with its optional group and place, and whether it is one that takes a group."""
    scope = rng.random()
    grouped, local = scope < 0.6, 0.6 <= scope < 0.85
    if use_thing:
        pools = (vocabulary.things, vocabulary.local_things, vocabulary.citywide_things)
    else:
        pools = (vocabulary.actions, vocabulary.local_actions, vocabulary.policies)
    core = rng.choice(pools[0] if grouped else pools[1] if local else pools[2])
    parts = [core]
    if grouped and rng.random() < _GROUP_SHARE:
        word = "voor" if use_thing else vocabulary.action_group_word
        parts.append(f"{word} {rng.choice(vocabulary.groups)}")
    if (grouped or local) and rng.random() < _PLACE_SHARE:
        place = rng.choice(_places_for(core, vocabulary, local))
        # "de cités opknappen in de cités": the phrase already says where.
        if place.split(" ", 1)[1] not in core:
            parts.append(place)
    return " ".join(parts), grouped


def _thing_frame(body: str, rng: random.Random) -> tuple[str, str, bool, str]:
    """A frame for a noun phrase: pattern, closing mark, takes a reason, and the body."""
    if rng.random() < 0.15:
        # "Waarom geen meer …" is not Dutch; "Waarom niet meer …" is.
        if body.startswith("meer "):
            return "Waarom niet {}", "?", False, body
        return _WHY_NOT_THING, "?", False, body.removeprefix("een ")
    frame, mark, reasoned = rng.choice(_THING_FRAMES)
    return frame, mark, reasoned, body


def _action_frame(body: str, by_citizens: bool, rng: random.Random) -> tuple[str, str, bool]:
    """A frame for an infinitive phrase: pattern, closing mark, takes a reason."""
    if rng.random() >= 0.35:
        return rng.choice(_ACTION_FRAMES)
    if by_citizens:
        frame = "We kunnen {}" if body.startswith("samen ") else rng.choice(_CITIZEN_FRAMES)
    else:
        actor, is_plural = rng.choice(_CITY_ACTORS)
        singular, plural = rng.choice(_MODALS)
        frame = f"{actor} {plural if is_plural else singular} {{}}"
    return frame, ".", True


def _built_idea(vocabulary: _Vocabulary, rng: random.Random) -> str:
    """A frame around a noun or infinitive phrase, with group, place and reason optional."""
    use_thing = rng.random() < 0.5
    body, grouped = _body(vocabulary, rng, use_thing)
    if use_thing:
        frame, mark, reasoned, body = _thing_frame(body, rng)
    else:
        frame, mark, reasoned = _action_frame(body, grouped, rng)
    text = frame.format(body)
    if reasoned and rng.random() < _REASON_SHARE:
        text = f"{text}, {rng.choice(vocabulary.reasons)}"
    return _capitalise(text) + mark


def idea_text(theme_code: str, rng: random.Random) -> str:
    """One idea as a duo would write it, in Dutch."""
    vocabulary = _vocabulary(theme_code)
    if rng.random() < _WHOLE_SHARE:
        return rng.choice(vocabulary.whole)
    for _ in range(_ATTEMPTS):
        text = _built_idea(vocabulary, rng)
        if _fits(text):
            return text
    return rng.choice(vocabulary.whole)


def ideas_for_table(theme_code: str, count: int, rng: random.Random) -> list[str]:
    """`count` ideas for one table, no two the same.

    Falls back to numbered variants only if the vocabulary is exhausted.
    """
    ideas: list[str] = []
    seen: set[str] = set()
    attempts = 0
    # Generous: a theme's vocabulary holds far more combinations than any table needs.
    while len(ideas) < count and attempts < count * 20 + 100:
        attempts += 1
        text = idea_text(theme_code, rng)
        if text not in seen:
            seen.add(text)
            ideas.append(text)
    number = 2
    while len(ideas) < count:
        base = idea_text(theme_code, rng)
        # The number is one more word: prefer a base that leaves room for it.
        for _ in range(_ATTEMPTS):
            if len(base.split()) < MAX_IDEA_WORDS:
                break
            base = idea_text(theme_code, rng)
        text = f"{base[:-1]} ({number}){base[-1]}"
        number += 1
        if text not in seen:
            seen.add(text)
            ideas.append(text)
    return ideas


def _key_phrase(idea: str) -> str:
    """The heart of an idea: without its frame, its reason clause and its closing mark."""
    text = " ".join(idea.split())
    question = text.endswith("?")
    text = text.rstrip(".!?").strip()
    stripped = False
    for opener in _OPENERS:
        if text.startswith(opener) and len(text) > len(opener):
            text = text[len(opener) :]
            stripped = True
            break
    cut = _REASON_CUT.search(text)
    if cut is not None and len(text[: cut.start()].split()) >= 2:
        text = text[: cut.start()]
    text = text.strip(" ,:;")
    # A question that is still a question once its frame is gone keeps its mark.
    if question and not stripped and text:
        text += "?"
    return _capitalise(text)


def _shortened(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    words = text.rstrip("?").split()
    while words and len(" ".join(words)) > limit:
        words.pop()
    while len(words) > 1 and words[-1].lower().strip(",") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",:;")


_PROPER_FIRST_WORDS = frozenset(
    {
        *_WIJKEN,
        "Genk",
        "Genkse",
        "Genkenaren",
        "Nederlands",
        "Nederlandse",
        "Italiaanse",
        "Turkse",
        "Marokkaanse",
        "Griekse",
        "Poolse",
        "Belgische",
        "Ford",
        "Bokrijk",
        "Chiro",
        "Europalaan",
        "Molenvijver",
        "Stiemerbeekvallei",
    }
)


def _lower_first(text: str) -> str:
    """The phrase as it reads mid-sentence: names and acronyms keep their capital."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first not in _PROPER_FIRST_WORDS:
        return text[:1].lower() + text[1:]
    return text


def _wijk_named(ideas: list[str]) -> str | None:
    for idea in ideas:
        for wijk in _WIJKEN:
            if wijk in idea:
                return wijk
    return None


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def concept_from_ideas(theme_code: str, ideas: list[str], rng: random.Random) -> ConceptText:
    """A concept a table writes out of one selected idea (and the ideas merged with it)."""
    vocabulary = _vocabulary(theme_code)
    sources = [" ".join(idea.split()) for idea in ideas if idea.strip()]
    if not sources:
        sources = [idea_text(theme_code, rng)]
    keys = [_key_phrase(idea) for idea in sources]
    key = keys[0] if any(char.isalnum() for char in keys[0]) else "Ons idee"
    title = _shortened(key, MAX_TITLE_CHARS).rstrip(".") or "Ons idee"

    if sources[0].endswith("?"):
        # Quoted whole: "Waarom geen conciërge …?" loses its article once stripped.
        opening = f"We vertrokken van de vraag: {_lower_first(sources[0])}"
    else:
        opening = rng.choice(
            (
                "Ons voorstel: {}.",
                "Aan onze tafel groeide dit idee: {}.",
                "We werken dit idee verder uit: {}.",
            )
        ).format(_lower_first(key))
    sentences = [opening]
    others = [
        _lower_first(source if source.endswith("?") else other)
        for source, other in zip(sources[1:], keys[1:], strict=True)
        if other
    ]
    if len(others) == 1:
        sentences.append(f"We namen ook het idee ‘{others[0]}’ mee.")
    elif others:
        amount = _NUMBER_WORDS[len(others)] if len(others) < len(_NUMBER_WORDS) else "nog"
        sentences.append(f"We voegden er {amount} verwante ideeën aan toe, zoals ‘{others[0]}’.")
    sentences.append(rng.choice(vocabulary.goals))

    named = _wijk_named(sources)
    wijk = named or rng.choice(_WIJKEN)
    alive = rng.choice(vocabulary.alive)
    if named is not None and rng.random() < 0.5:
        alive += f" Aan onze tafel zaten mensen uit {named} die dat elke dag merken."

    helpers = rng.sample(vocabulary.partners, 2)
    if named is not None or rng.random() < 0.5:
        helpers.insert(0, f"buurtcomité {wijk}")
    helpers.append(rng.choice(_VOLUNTEERS))

    return ConceptText(
        title=title,
        description=" ".join(sentences),
        what_is_alive=alive,
        what_i_can_do=rng.choice(vocabulary.i_can),
        what_we_can_do=rng.choice(vocabulary.we_can),
        what_the_city_can_do=rng.choice(vocabulary.city_can),
        first_step=rng.choice(vocabulary.first_steps).format(wijk=wijk),
        who_is_needed=_capitalise(_listed(helpers)),
    )
