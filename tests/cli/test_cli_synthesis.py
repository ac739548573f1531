"""`degenks synthesise` keeps the issue's promises: the themes with their clusters' keys,
grouping only what nobody grouped (or anew when a threshold is asked for), and a sentence
(exit 2, nothing changed) for a theme or threshold that cannot be."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from degenks_desktop.services.follow_up.synthesis import rename_cluster, theme_synthesis
from degenks_desktop.storage.database import open_database
from tests.helpers.cli import run
from tests.helpers.fingerprint import fingerprint
from tests.helpers.organisers import add_organiser
from tests.helpers.synthesis import ThemeIdeas, add_themes_with_ideas


@pytest.fixture
def ideas_file(tmp_path: Path) -> tuple[Path, ThemeIdeas]:
    path = tmp_path / "g360.sqlite"
    database = open_database(f"sqlite:///{path}")
    ideas = add_themes_with_ideas(database)
    add_organiser(database)
    database.close()
    return path, ideas


def test_synthesise_groups_every_theme_and_prints_the_clusters_keys(
    ideas_file: tuple[Path, ThemeIdeas], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ideas = ideas_file
    code, out, _err = run(capsys, "--db", str(path), "synthesise", "--json")
    assert code == 0
    themes = json.loads(out)["themes"]
    assert [theme["code"] for theme in themes] == ["wonen", "werk"]
    work = themes[1]["clusters"]
    assert set(work[0]) >= {"id", "title", "ideas", "tables", "dots"}
    assert sorted(i for cluster in work for i in cluster["ideas"]) == sorted(ideas.work_ideas)
    (internships,) = [c for c in work if ideas.work_ideas[0] in c["ideas"]]
    assert internships["tables"] == 2
    assert internships["dots"] == 5


def test_synthesise_keeps_the_teams_work_unless_asked_to_group_anew(
    ideas_file: tuple[Path, ThemeIdeas], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ideas = ideas_file
    run(capsys, "--db", str(path), "synthesise", "--theme", "werk")
    database = open_database(f"sqlite:///{path}")
    first = theme_synthesis(database, ideas.work_theme_id).clusters[0]
    rename_cluster(database, first.id, "Stages voor jongeren", actor="team")
    database.close()

    code, out, _err = run(capsys, "--db", str(path), "synthesise", "--theme", "werk")
    assert code == 0
    assert "Stages voor jongeren" in out

    code, out, _err = run(
        capsys, "--db", str(path), "synthesise", "--theme", "werk", "--threshold", "0.5", "--json"
    )
    assert code == 0
    titles = [c["title"] for c in json.loads(out)["themes"][0]["clusters"]]
    assert "Stages voor jongeren" not in titles
    assert json.loads(out)["themes"][0]["threshold"] == 0.5


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--theme", "sport"], "wonen, werk"),
        (["--threshold", "3"], "0.1"),
    ],
)
def test_a_wrong_theme_or_threshold_is_one_sentence_and_changes_nothing(
    ideas_file: tuple[Path, ThemeIdeas],
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    words: str,
) -> None:
    path, _ideas = ideas_file
    before = fingerprint(f"sqlite:///{path}")
    code, out, err = run(capsys, "--db", str(path), "synthesise", *arguments)
    assert code == 2
    assert out == ""
    assert words in err
    assert len(err.strip().splitlines()) == 1
    assert fingerprint(f"sqlite:///{path}") == before


def test_grouping_needs_an_organiser_but_showing_does_not(
    ideas_file: tuple[Path, ThemeIdeas], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ideas = ideas_file
    before = fingerprint(f"sqlite:///{path}")
    code, _out, err = run(capsys, "--db", str(path), "synthesise", organiser=None)
    assert code == 2
    assert "organiser" in err.casefold() or "organisator" in err.casefold()
    assert fingerprint(f"sqlite:///{path}") == before
    run(capsys, "--db", str(path), "synthesise")
    code, out, _err = run(capsys, "--db", str(path), "synthesise", organiser=None)
    assert code == 0
    assert out
