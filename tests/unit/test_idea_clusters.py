"""A theme's ideas grouped into proposals: paraphrases, plurals and words written apart
end up together, different proposals apart, and every idea in exactly one group."""

from __future__ import annotations

from sklearn.metrics import adjusted_rand_score

from degenks_desktop.domain.idea_clusters import (
    cluster_ideas,
    fold,
    most_central,
    nearest_groups,
    stems,
    with_compound_parts,
)
from tests.helpers.labelled_ideas import (
    clustered,
    exact_text,
    labelled_themes,
    random_same_sizes,
    score,
)

# Written for this test: four proposals of a mobility table, each said several ways.
PROPOSALS = {
    "bike lanes": [
        "Meer fietspaden in het centrum",
        "veilige fietspaden aanleggen",
        "fiets paden langs de grote wegen",
        "Er moeten meer fietspaden komen!",
    ],
    "cheap bus": [
        "Goedkopere bus naar Hasselt",
        "de bus moet goedkoper worden",
        "bus tickets goedkoper maken",
        "Goedkoper busvervoer voor iedereen",
    ],
    "trees": [
        "meer bomen in de wijk",
        "bomen planten in elke straat",
        "Plant meer bomen langs de straten",
        "boom planten in onze wijk",
    ],
    "street party": [
        "Een buurtfeest per wijk",
        "buurtfeesten organiseren elk jaar",
        "Jaarlijks buurtfeest in de straat",
        "organiseer een buurtfeest",
    ],
}


def test_paraphrases_of_one_proposal_are_grouped_and_proposals_kept_apart() -> None:
    texts = [idea for ideas in PROPOSALS.values() for idea in ideas]
    truth = [key for key, ideas in PROPOSALS.items() for _ in ideas]
    clusters = cluster_ideas(texts)
    found = [0] * len(texts)
    for number, cluster in enumerate(clusters):
        for member in cluster.members:
            found[member] = number
    assert sorted(m for c in clusters for m in c.members) == list(range(len(texts)))
    assert adjusted_rand_score(truth, found) > 0.6
    # The proposed title is one of the group's own ideas.
    assert all(cluster.central in cluster.members for cluster in clusters)


def test_a_lower_threshold_gives_more_and_tighter_groups() -> None:
    texts = [idea for ideas in PROPOSALS.values() for idea in ideas]
    assert len(cluster_ideas(texts, threshold=0.3)) > len(cluster_ideas(texts, threshold=0.9))


def test_plurals_accents_and_case_fold_to_one_stem() -> None:
    assert fold("Één Café, ÉÉN café!") == "een cafe een cafe"
    assert stems("Buurtfeesten") == stems("buurtfeest")
    assert stems("de bomen en het") == stems("boom")


def test_no_ideas_no_groups_and_one_idea_one_group() -> None:
    assert cluster_ideas([]) == []
    (only,) = cluster_ideas(["Meer bankjes in het park"])
    assert only.members == (0,)


def test_the_labelled_set_is_grouped_far_better_than_exact_text_or_chance() -> None:
    """373 ideas in 66 known proposals, written for this test (paraphrases, other word
    order, spelling variants, a few in English): the proposed grouping scores an adjusted
    Rand index well above random groups of the same sizes (about 0) and above grouping
    only identical texts, which finds almost nothing in ideas written by different
    people."""
    themes = labelled_themes()
    assert sum(len(theme.texts) for theme in themes) >= 300
    ours = score(themes, clustered(themes))
    by_chance = score(themes, random_same_sizes(themes))
    by_text = score(themes, exact_text(themes))
    assert ours > 0.4
    assert ours > by_chance + 0.35
    assert ours > by_text + 0.35


def test_compounds_share_their_parts_with_the_words_of_other_ideas() -> None:
    huur, sociale, lonely = with_compound_parts([["huurwoning"], ["sociaal", "woning"], ["gsm"]])
    assert huur == ["huurwoning", "woning"]
    assert sociale == ["sociaal", "woning"]
    assert lonely == ["gsm"]
    # A linking "s" between the parts is passed over.
    (company, _) = with_compound_parts([["huisvestingsmaatschappij"], ["maatschappij"]])
    assert "maatschappij" in company


def test_a_later_idea_finds_the_group_that_says_the_same_or_none() -> None:
    groups = [PROPOSALS["bike lanes"], PROPOSALS["trees"]]
    found = nearest_groups(
        groups, ["nog meer fietspaden aanleggen", "gratis wifi op het station"], threshold=0.9
    )
    assert found == [0, None]
    assert nearest_groups([], ["meer bomen"]) == [None]
    assert nearest_groups(groups, []) == []


def test_the_most_central_idea_is_never_the_one_that_says_something_else() -> None:
    texts = ["een zwembad", "meer bomen", "meer bomen planten in de straat", "bomen planten"]
    assert most_central(texts) != 0
    assert most_central(list(reversed(texts))) != 3
