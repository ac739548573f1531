"""Demo ideas and concepts read like Genk post-its, vary enough for a whole event, and repeat."""

from __future__ import annotations

import dataclasses
import random
import re
from string import Formatter

import pytest

from degenks_desktop.demo import ideas as demo_ideas
from degenks_desktop.demo.ideas import (
    THEME_CODES,
    concept_from_ideas,
    idea_text,
    ideas_for_table,
)
from degenks_desktop.domain.concept_text import ConceptText
from degenks_desktop.domain.event_plan import G360_THEMES

# Words a reader expects to see at a theme's table, at least now and then.
THEME_WORDS = {
    "wonen": r"woning|huur|wonen|woon",
    "werk": r"job|werk|sollicit|stage|bedrij|diploma",
    "jeugd": r"kind|jeugd|speel|jonge|opvang|tiener",
    "taal": r"taal|nederlands|talent|lees|les\b",
    "financien": r"begroting|budget|geld|gemeenteraad|uitgave|financ|burgerpanel|investering",
    "samenleven": r"buren|buurt|origines|samen",
    "vrijetijd": r"sport|cultuur|club|festival|concert|film|vrije|lidgeld|zwem|dans|muziek",
    "dienstverlening": r"loket|brie|ocmw|stadhuis|balie|formulier|zitdag|dienst",
}


def assert_post_it(text: str) -> None:
    """One idea as it would appear on a post-it: a short, tidy Dutch sentence."""
    assert text == text.strip(), repr(text)
    assert "  " not in text, text
    assert text[0].isupper(), text
    assert text[-1] in ".?!", text
    assert 5 <= len(text.split()) <= 25, text
    assert len(text) <= 200, text


def demo_draw(seed: int) -> list[str]:
    """2,000 ideas as the demo makes them: 47 tables of 42 or 43, themes round-robin."""
    rng = random.Random(seed)
    ideas: list[str] = []
    for table in range(47):
        count = 43 if table < 26 else 42
        ideas += ideas_for_table(THEME_CODES[table % len(THEME_CODES)], count, rng)
    return ideas


def test_theme_codes_are_the_eight_g360_themes() -> None:
    assert THEME_CODES == (
        "wonen",
        "werk",
        "jeugd",
        "taal",
        "financien",
        "samenleven",
        "vrijetijd",
        "dienstverlening",
    )


def test_same_seed_gives_same_ideas_and_another_seed_others() -> None:
    first = ideas_for_table("wonen", 40, random.Random(2013))
    again = ideas_for_table("wonen", 40, random.Random(2013))
    other = ideas_for_table("wonen", 40, random.Random(2014))
    assert first == again
    assert first != other
    assert [idea_text("taal", random.Random(5)) for _ in range(3)] == [
        idea_text("taal", random.Random(5)) for _ in range(3)
    ]


@pytest.mark.parametrize("theme", THEME_CODES)
def test_a_table_gets_forty_distinct_tidy_ideas(theme: str) -> None:
    ideas = ideas_for_table(theme, 40, random.Random(7))
    assert len(ideas) == 40
    assert len(set(ideas)) == 40
    for idea in ideas:
        assert_post_it(idea)


@pytest.mark.parametrize("theme", THEME_CODES)
def test_a_table_talks_about_its_own_theme(theme: str) -> None:
    ideas = ideas_for_table(theme, 40, random.Random(11))
    on_topic = [idea for idea in ideas if re.search(THEME_WORDS[theme], idea.lower())]
    assert len(on_topic) >= 14, ideas


def test_a_whole_event_of_ideas_hardly_repeats() -> None:
    ideas = demo_draw(seed=2013)
    assert len(ideas) == 2000
    assert len(set(ideas)) >= 1500
    for idea in ideas:
        assert_post_it(idea)


def test_ideas_mention_genk() -> None:
    ideas = demo_draw(seed=3)
    places = ("Winterslag", "Waterschei", "Zwartberg", "Kolderbos", "C-mine", "Molenvijver")
    for place in places:
        assert any(place in idea for idea in ideas), place


def test_themes_have_their_own_ideas() -> None:
    wonen = set(ideas_for_table("wonen", 40, random.Random(1)))
    werk = set(ideas_for_table("werk", 40, random.Random(1)))
    assert len(wonen & werk) <= 2
    assert any("woning" in idea or "huur" in idea for idea in wonen)
    assert not any("huurwoning" in idea for idea in werk)


def test_an_unknown_theme_still_gets_ideas_about_genk() -> None:
    ideas = ideas_for_table("mobiliteit", 40, random.Random(3))
    assert len(set(ideas)) == 40
    for idea in ideas:
        assert_post_it(idea)
    concept = concept_from_ideas("mobiliteit", ideas[:2], random.Random(3))
    assert concept.title


def test_a_table_falls_back_to_numbered_ideas_when_nothing_new_comes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def always_the_same(theme_code: str, rng: random.Random) -> str:
        return "Meer bankjes op het plein in Termien."

    monkeypatch.setattr(demo_ideas, "idea_text", always_the_same)
    ideas = ideas_for_table("samenleven", 3, random.Random(1))
    assert ideas[0] == "Meer bankjes op het plein in Termien."
    assert len(set(ideas)) == 3
    assert all(idea.startswith("Meer bankjes op het plein in Termien") for idea in ideas)


def concept_fields(concept: ConceptText) -> list[str]:
    return [
        concept.title,
        concept.description,
        concept.what_is_alive,
        concept.what_i_can_do,
        concept.what_we_can_do,
        concept.what_the_city_can_do,
        concept.first_step,
        concept.who_is_needed,
    ]


@pytest.mark.parametrize("theme", THEME_CODES)
def test_concepts_are_filled_in_and_titled_after_their_idea(theme: str) -> None:
    rng = random.Random(21)
    for _ in range(30):
        ideas = ideas_for_table(theme, rng.randint(1, 4), rng)
        concept = concept_from_ideas(theme, ideas, rng)
        for field in concept_fields(concept):
            assert field == field.strip() and field, concept
            assert "  " not in field, concept
            assert field[0].isupper(), concept
        assert len(concept.title) <= 80
        assert not concept.title.endswith(".")
        # A reader recognises the idea the concept grew from in its title.
        assert concept.title.rstrip("?").lower() in ideas[0].lower(), (concept.title, ideas[0])
        sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z])", concept.description)
        assert 2 <= len(sentences) <= 3, concept.description


def test_concepts_are_the_same_for_the_same_seed() -> None:
    ideas = ["Graag een taalcafé in de bib van Winterslag, want oefenen helpt.", "Leesouders."]
    first = concept_from_ideas("taal", ideas, random.Random(8))
    assert first == concept_from_ideas("taal", ideas, random.Random(8))
    others = {concept_from_ideas("taal", ideas, random.Random(seed)) for seed in range(10)}
    assert len(others) > 1


def test_a_concept_builds_on_the_wijk_and_the_merged_ideas() -> None:
    ideas = [
        "Graag een taalcafé in de bib van Winterslag, want oefenen helpt.",
        "Een sms als je aan de beurt bent, dan hoef je niet uren te wachten.",
    ]
    concept = concept_from_ideas("taal", ideas, random.Random(4))
    assert concept.title == "Een taalcafé in de bib van Winterslag"
    assert "buurtcomité winterslag" in concept.who_is_needed.lower()
    assert "taalcafé in de bib van Winterslag" in concept.description
    assert "sms als je aan de beurt bent" in concept.description


def test_a_long_idea_gets_a_short_title() -> None:
    idea = (
        "Ik zou graag zien dat de stad samen met de scholen, de verenigingen en de ouders "
        "een groot taalfeest organiseert op het plein in Zwartberg."
    )
    concept = concept_from_ideas("taal", [idea], random.Random(1))
    assert len(concept.title) <= 80
    assert idea.startswith(concept.title)
    assert concept.title.split()[-1] not in {"de", "en", "met", "op", "het"}
    assert not concept.title.endswith(",")


def test_a_concept_without_ideas_still_gets_drafted() -> None:
    concept = concept_from_ideas("wonen", ["", "   "], random.Random(1))
    assert all(concept_fields(concept))
    assert len(concept.title) <= 80


def test_the_vocabulary_file_has_every_g360_theme_and_no_other() -> None:
    # A theme missing from the file, or spelt otherwise, would quietly get the general ideas.
    assert tuple(demo_ideas._VOCABULARIES) == tuple(theme.code for theme in G360_THEMES)
    for shared in (demo_ideas._WIJKEN, demo_ideas._MINE_PLACES, demo_ideas._VOLUNTEERS):
        assert isinstance(shared, tuple)
        assert shared
    assert len(demo_ideas._WIJK_PLACES) > len(demo_ideas._WIJKEN)


@pytest.mark.parametrize("theme", [*THEME_CODES, "mobiliteit"])
def test_every_vocabulary_block_is_filled_distinct_and_tidy(theme: str) -> None:
    vocabulary = demo_ideas._vocabulary(theme)
    for field in dataclasses.fields(vocabulary):
        block = getattr(vocabulary, field.name)
        if field.name == "action_group_word":
            assert block.isalpha()
            continue
        assert isinstance(block, tuple), field.name
        assert block, field.name
        assert len(set(block)) == len(block), field.name
        assert all(phrase and phrase == phrase.strip() for phrase in block), field.name
    # A concept names two partners, drawn without repeats.
    assert len(vocabulary.partners) >= 2
    # First steps are formatted with the wijk and nothing else.
    for step in vocabulary.first_steps:
        assert {name for _, name, _, _ in Formatter().parse(step) if name is not None} <= {"wijk"}
