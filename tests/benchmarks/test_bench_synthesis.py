"""The theme team's synthesis: grouping a simulated day's 2,000 ideas over 8 themes, and
the grouping's adjusted Rand index on the labelled set beside two baselines in the same
run: exact text (what "remove duplicates" finds) and random groups of the known sizes.

Aim: every theme grouped in under 5 s on this machine. The grouping is timed as the
Synthese page runs it (`group_themes`: the ideas read, grouped, the clusters written),
warm; a fresh process's first grouping, imports of scikit-learn and SciPy included, is
measured once beside it (`cold_seconds`). The figures go to extra_info and to
.benchmarks/synthesis.md.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import func, select

from degenks_desktop.config import sqlite_url
from degenks_desktop.demo.event import create_demo_event
from degenks_desktop.demo.ideas import idea_text
from degenks_desktop.demo.simulated_day import simulate_event
from degenks_desktop.domain.idea_clusters import DEFAULT_THRESHOLD
from degenks_desktop.services.follow_up.synthesis import group_themes, themes_of_event
from degenks_desktop.services.house.events import require_event
from degenks_desktop.storage.database import Database, open_database
from degenks_desktop.storage.models import Idea, Table, Theme
from tests.helpers.labelled_ideas import (
    clustered,
    exact_text,
    labelled_themes,
    proposal_count,
    random_same_sizes,
    score,
)

SIDE_BY_SIDE = Path(".benchmarks") / "synthesis.md"
IDEAS = 2000
"""The simulated day's ideas: the G360's 449 people over two days, topped up with ideas
typed in later from paper cards until there are this many."""


def note(line: str) -> None:
    """A line of the figures in .benchmarks/synthesis.md."""
    SIDE_BY_SIDE.parent.mkdir(exist_ok=True)
    with SIDE_BY_SIDE.open("a", encoding="utf-8") as file:
        file.write(line + "\n")


def top_up_ideas(database: Database, ideas: int, seed: int = 2013) -> int:
    """Ideas added to the tables, in their themes' words, until there are `ideas`; the
    count there is then."""
    rng = random.Random(seed)
    with database.transaction() as session:
        have = int(session.scalar(select(func.count()).select_from(Idea)) or 0)
        tables = session.execute(
            select(Table.id, Theme.code).join(Theme, Theme.id == Table.theme_id)
        ).all()
        for _ in range(max(0, ideas - have)):
            table_id, code = rng.choice(tables)
            session.add(Idea(table_id=table_id, text=idea_text(code, rng), created_by="bench"))
        return max(have, ideas)


@pytest.fixture(scope="module")
def simulated_day(tmp_path_factory: pytest.TempPathFactory) -> Callable[[bool], tuple[str, int]]:
    """The simulated day's database URL and its ideas (`small`: the few people `make test`
    runs the benchmarks with, once), made once for this module."""
    folder = tmp_path_factory.mktemp("synthesis")
    made: dict[bool, tuple[str, int]] = {}

    def day_of(small: bool) -> tuple[str, int]:
        if small not in made:
            url = sqlite_url(folder / ("small.sqlite" if small else "g360.sqlite"))
            database = open_database(url)
            if small:
                create_demo_event(database, participants=60, facilitators=8, days=1)
                made[small] = (url, simulate_event(database))
            else:
                create_demo_event(database)
                simulate_event(database)
                made[small] = (url, top_up_ideas(database, IDEAS))
            database.close()
        return made[small]

    return day_of


def cold_grouping_seconds(url: str) -> float:
    """The first grouping of a fresh process, its imports included: what the first press
    of "Group ideas" after starting the app costs."""
    script = (
        "import time; start = time.perf_counter()\n"
        "from degenks_desktop.storage.database import open_database\n"
        "from degenks_desktop.services.follow_up.synthesis import group_themes, themes_of_event\n"
        "from degenks_desktop.services.house.events import require_event\n"
        f"database = open_database({url!r})\n"
        "with database.reading() as session: event_id = require_event(session).id\n"
        "themes = [t.id for t in themes_of_event(database, event_id)]\n"
        "group_themes(database, themes, actor='bench')\n"
        "print(time.perf_counter() - start)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def test_synthesis_of_a_simulated_day(
    benchmark: BenchmarkFixture,
    capsys: pytest.CaptureFixture[str],
    simulated_day: Callable[[bool], tuple[str, int]],
) -> None:
    url, ideas = simulated_day(benchmark.disabled)
    database = open_database(url)
    try:
        with database.reading() as session:
            event_id = require_event(session).id
        themes = [theme.id for theme in themes_of_event(database, event_id)]

        def ours() -> int:
            views = group_themes(database, themes, actor="bench")
            return sum(len(view.clusters) for view in views)

        clusters = benchmark.pedantic(ours, rounds=1 if benchmark.disabled else 5, iterations=1)
    finally:
        database.close()
    assert clusters > len(themes)
    benchmark.extra_info.update({"ideas": ideas, "themes": len(themes), "clusters": clusters})
    if benchmark.disabled:
        return
    cold = cold_grouping_seconds(url)
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["cold_seconds"] = round(cold, 2)
    line = (
        f"| {time.strftime('%Y-%m-%d %H:%M')} | {ideas} ideas, {len(themes)} themes "
        f"| {clusters} clusters | warm {mean:.2f} s | cold {cold:.2f} s | aim < 5 s |"
    )
    note(line)
    with capsys.disabled():
        print("\n" + line)


def test_labelled_set_beside_exact_text_and_chance(
    benchmark: BenchmarkFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    themes = labelled_themes()
    labels = benchmark.pedantic(
        lambda: clustered(themes), rounds=1 if benchmark.disabled else 5, iterations=1
    )
    ours = score(themes, labels)
    by_text = score(themes, exact_text(themes))
    by_chance = [score(themes, random_same_sizes(themes, seed)) for seed in range(20)]
    chance = sum(by_chance) / len(by_chance)
    figures = {
        "ideas": sum(len(theme.texts) for theme in themes),
        "proposals": proposal_count(themes),
        "clusters": len(set(labels)),
        "threshold": DEFAULT_THRESHOLD,
        "ari_ours": round(ours, 3),
        "ari_exact_text": round(by_text, 3),
        "ari_random_same_sizes": round(chance, 3),
        "ari_random_highest": round(max(by_chance), 3),
    }
    benchmark.extra_info.update(figures)
    assert ours > by_text and ours > max(by_chance)
    if benchmark.disabled:
        return
    line = (
        f"| {time.strftime('%Y-%m-%d %H:%M')} | labelled set: {figures['ideas']} ideas, "
        f"{figures['proposals']} proposals | ours {ours:.3f} ({figures['clusters']} clusters) "
        f"| exact text {by_text:.3f} | random same sizes {chance:.3f} "
        f"(highest of 20: {max(by_chance):.3f}) |"
    )
    note(line)
    with capsys.disabled():
        print("\n" + line)
