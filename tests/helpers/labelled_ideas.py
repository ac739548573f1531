"""The labelled ideas (tests/fixtures/labelled_ideas.json) and the groupings they are
scored against: the clustering's, exact text, and random groups of the same sizes.

Each theme is grouped on its own, as the Synthese page does; labels are made unique
across themes so that one adjusted Rand index scores the whole set.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from degenks_desktop.domain.idea_clusters import DEFAULT_THRESHOLD, cluster_ideas, fold

LABELLED_IDEAS = Path(__file__).parent.parent / "fixtures" / "labelled_ideas.json"


@dataclass(frozen=True)
class LabelledTheme:
    """One theme's ideas and the proposal each belongs to."""

    theme: str
    texts: list[str]
    proposals: list[str]


def labelled_themes() -> list[LabelledTheme]:
    """The labelled set, a theme at a time, in the file's order."""
    groups = json.loads(LABELLED_IDEAS.read_text(encoding="utf-8"))["groups"]
    themes: dict[str, LabelledTheme] = {}
    for group in groups:
        theme = themes.setdefault(group["theme"], LabelledTheme(group["theme"], [], []))
        theme.texts.extend(group["ideas"])
        theme.proposals.extend([group["key"]] * len(group["ideas"]))
    return list(themes.values())


def truth(themes: list[LabelledTheme]) -> list[str]:
    """Every idea's known proposal, theme by theme."""
    return [f"{t.theme}/{p}" for t in themes for p in t.proposals]


def clustered(themes: list[LabelledTheme], threshold: float = DEFAULT_THRESHOLD) -> list[str]:
    """Every idea's group as the clustering proposes it."""
    labels = []
    for theme in themes:
        found = [""] * len(theme.texts)
        for number, cluster in enumerate(cluster_ideas(theme.texts, threshold=threshold)):
            for member in cluster.members:
                found[member] = f"{theme.theme}/{number}"
        labels.extend(found)
    return labels


def exact_text(themes: list[LabelledTheme]) -> list[str]:
    """Ideas grouped only when their folded texts are the same (what a spreadsheet's
    "remove duplicates" would find)."""
    return [f"{t.theme}/{fold(text)}" for t in themes for text in t.texts]


def random_same_sizes(themes: list[LabelledTheme], seed: int = 2013) -> list[str]:
    """Random groups with exactly the sizes of the known proposals, per theme."""
    chance = random.Random(seed)
    labels = []
    for theme in themes:
        shuffled = list(theme.proposals)
        chance.shuffle(shuffled)
        labels.extend(f"{theme.theme}/{p}" for p in shuffled)
    return labels


def score(themes: list[LabelledTheme], labels: list[str]) -> float:
    """The adjusted Rand index of `labels` against the known proposals."""
    return float(adjusted_rand_score(truth(themes), labels))


def proposal_count(themes: list[LabelledTheme]) -> int:
    """How many known proposals the set holds."""
    return sum(len(Counter(t.proposals)) for t in themes)
