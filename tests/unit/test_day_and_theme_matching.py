"""Days and themes matched the way people write them, and never guessed."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from degenks_desktop.domain.day_matching import match_day, reads_month_first
from degenks_desktop.domain.event_plan import G360_THEMES, ThemePlan
from degenks_desktop.domain.theme_matching import THRESHOLD, match_theme

DAYS = [dt.date(2013, 3, 4), dt.date(2013, 3, 5)]  # maandag 4 en dinsdag 5 maart
THEMES = {
    theme.code: (theme.code, theme.name, str(position), theme.question)
    for position, theme in enumerate(G360_THEMES, start=1)
}
WEEKDAYS = {1: ("maandag", "ma", "Monday", "mon"), 2: ("dinsdag", "di", "Tuesday", "tue")}
MONTHS = ("maart", "mrt", "March", "mar")


@pytest.mark.parametrize(
    ("answer", "day"),
    [
        ("4 maart", 1),
        ("maandag", 1),
        ("ma 4/3", 1),
        ("di 5/3", 2),
        ("4/03/2013", 1),
        ("2013-03-04 09:00:00", 1),
        ("Dag 1", 1),
        ("dag 2", 2),
        ("de dinsdag", 2),
        ("Dag 2 – dinsdag 5 maart 2013", 2),
        ("Maandag 4 maart", 1),
        ("maakt niet uit", None),
        ("weet ik nog niet", None),
        ("4 of 5 maart", None),  # two days: not a guess
        ("ma 5/3", None),  # a Monday that is not the 5th
        ("12 maart", None),
        ("woensdag", None),
        ("3", None),
    ],
)
def test_days_as_people_write_them(answer: str, day: int | None) -> None:
    assert match_day(answer, DAYS).number == day


def test_american_dates_are_month_first_where_the_column_says_so() -> None:
    answers = ["3/4/2013", "3/5/2013", "3/4/2013"]
    assert reads_month_first(answers, DAYS)
    assert match_day("3/4/2013", DAYS, month_first=True).number == 1
    assert match_day("3/4/2013", DAYS).number is None  # 3 April is not an event day
    assert not reads_month_first(["4/03/2013", "ma 4/3", "5/3"], DAYS)


def written_day(number: int, data: st.DataObject) -> str:
    """Day `number` of the G360 written one of the ways people write it."""
    date = DAYS[number - 1]
    weekday = data.draw(st.sampled_from(WEEKDAYS[number]))
    month = data.draw(st.sampled_from(MONTHS))
    forms = [
        f"{date.day} {month}",
        f"{weekday} {date.day} {month}",
        f"{date.day} {month} {date.year}",
        f"{weekday} {date.day}/{date.month}",
        f"{date.day}/{date.month:02d}/{date.year}",
        f"{date.day:02d}.{date.month:02d}.{date.year}",
        f"{date.day}-{date.month}-{date.year}",
        f"{date:%Y-%m-%d} {data.draw(st.sampled_from(['', '09:00', '09:00:00']))}",
        f"dag {number}",
        f"Dag {number} – {weekday} {date.day} {month} {date.year}",
        weekday,
        f"de {weekday}",
    ]
    return data.draw(st.sampled_from(forms))


def shouted_or_quiet(text: str, data: st.DataObject) -> str:
    return data.draw(st.sampled_from([text, text.upper(), text.lower(), text.title()]))


@given(number=st.sampled_from([1, 2]), data=st.data())
def test_any_usual_way_of_writing_a_day_finds_it(number: int, data: st.DataObject) -> None:
    answer = shouted_or_quiet(written_day(number, data), data)
    found = match_day(answer, DAYS)
    assert found.number == number
    assert found.sureness > 0


@given(data=st.data())
def test_an_answer_naming_both_days_is_no_day(data: st.DataObject) -> None:
    answer = f"{written_day(1, data)} of {written_day(2, data)}"
    assert match_day(answer, DAYS).number is None


@given(date=st.dates(dt.date(2012, 1, 1), dt.date(2014, 12, 31)).filter(lambda d: d not in DAYS))
def test_a_date_that_is_not_the_events_is_no_day(date: dt.date) -> None:
    assert match_day(f"{date.day}/{date.month:02d}/{date.year}", DAYS).number is None
    assert match_day(date.isoformat(), DAYS).number is None


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("Talen en talentontwikkeling", "taal"),
        ("Jongeren en jonge gezinnen", "jeugd"),
        ("Financiële middelen & stadsbestuur", "financien"),
        ("talentontwikkeling", "taal"),
        ("Jeugd & jonge gezinnen", "jeugd"),
        ("🗣️ Talen & talent", "taal"),
        ("🤝 Samenleven in je wijk", "samenleven"),
        ("Financiën", "financien"),
        ("Finanicën en stadsbestuur", "financien"),
        ("armoede", None),
        ("Ruimtevaart", None),
    ],
)
def test_themes_by_their_words(answer: str, code: str | None) -> None:
    assert match_theme(answer, THEMES).key == code


def test_a_themes_question_is_the_theme_and_no_choice_is_no_warning() -> None:
    for theme in G360_THEMES:
        assert match_theme(theme.question, THEMES).key == theme.code
    none = match_theme("Geen tweede keuze", THEMES)
    assert none.key is None and none.none_chosen
    unknown = match_theme("armoede", THEMES)
    assert unknown.key is None and not unknown.none_chosen and unknown.sureness < THRESHOLD


def without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def typo(word: str, data: st.DataObject) -> str:
    """`word` with two neighbouring letters swapped, as a hurried typist does."""
    at = data.draw(st.integers(1, len(word) - 3))
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


@given(theme=st.sampled_from(G360_THEMES), data=st.data())
def test_a_theme_written_loosely_is_still_that_theme(theme: ThemePlan, data: st.DataObject) -> None:
    words = theme.name.split()
    # "&" for "en", a plural, a typo in a long word, an emoji before it, accents gone.
    words = ["&" if word == "en" and data.draw(st.booleans()) else word for word in words]
    longest = max(range(len(words)), key=lambda index: len(words[index]))
    if len(words[longest]) >= 8 and data.draw(st.booleans()):
        words[longest] = typo(words[longest], data)
    elif data.draw(st.booleans()) and not words[-1].endswith(("en", "s")):
        words[-1] += "en"
    answer = " ".join(words)
    if data.draw(st.booleans()):
        answer = without_accents(answer)
    answer = data.draw(st.sampled_from(["", "🏠 ", "🗣️ ", "- "])) + answer
    answer = shouted_or_quiet(answer, data)
    found = match_theme(answer, THEMES)
    assert found.key == theme.code
    assert found.sureness >= THRESHOLD


@given(word=st.sampled_from(["armoede", "mobiliteit", "klimaat", "veiligheid", "cultuurhuis"]))
def test_words_of_no_theme_name_no_theme(word: str) -> None:
    assert match_theme(word, THEMES).key is None
