"""Ideas that say the same thing: the theme team's first grouping of a theme's ideas.

After the day a theme has hundreds of short ideas from many tables, and seven tables may
have proposed the same thing in different words. Each idea's text is folded (case,
accents, punctuation), cut into words, stripped of the words every sentence has, and
stemmed with Snowball's Dutch stemmer ("buurtfeesten" and "buurtfeest" become one word;
an idea written in English with its English one);
ideas are then TF-IDF vectors of those stems and of the letters' trigrams inside words
(which catch spelling variants and compounds written apart: "fiets pad"), with the parts
of compounds that are words of other ideas ("huurwoning": "huur", "woning"), and grouped by
average-linkage agglomerative clustering on cosine distance, cut at `threshold`. The
grouping is only a proposal: the theme team renames, merges, splits and moves.

No model is downloaded: everything here is computed from the ideas themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

DEFAULT_THRESHOLD = 0.92
"""Cosine distance at which two groups are no longer the same proposal (0: identical,
1: nothing in common); the organiser moves it on the Synthese page."""

# Words nearly every idea has, in Dutch and English: they say nothing about which
# proposal an idea is. Kept short on purpose; TF-IDF already weighs common words down.
# The last line holds the frames citizens write ideas in ("er is nood aan", "waarom
# geen", "wij dromen van", "zodat"), the city's name and "the neighbourhood", which
# otherwise join ideas that share nothing else (on the labelled set: 0.48 to 0.51).
STOP_WORDS = frozenset(
    """
    de het een en van in op te voor met aan om is er zijn worden wordt meer
    minder die dat dit deze ook niet wel al als of maar door bij tot naar zo
    we wij ons onze je jij u uw ze zij hun men ik mijn kan kunnen moet moeten
    zou zouden willen graag veel alle iedereen iets zoals nog dan waar wat
    hoe the a an and of to in for on with more less is are be should could we
    our more at by from it
    nood heeft waarom geen dromen voorstel zodat want mensen genk genkse wijk wijken
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class IdeaCluster:
    """Ideas proposed as one: their positions in the list given, its most central idea
    (the proposed title) and its key terms."""

    members: tuple[int, ...]
    central: int
    key_terms: tuple[str, ...]


def fold(text: str) -> str:
    """`text` lowercased, without accents, with everything but letters and digits as
    spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(bare))


# Words that tell an English idea from a Dutch one (the Dutch of Genk has few of them):
# an idea with more of these than of Dutch's own small words is stemmed as English.
ENGLISH_WORDS = frozenset(
    """
    the a an and of to for on with more less is are be should could we our at by from
    it this that there their people city every all new make better
    """.split()  # noqa: SIM905 - a word list reads best as words
)
DUTCH_WORDS = frozenset(
    """
    de het een en van voor met meer is zijn moet moeten we wij ons onze er die dat
    ook niet bij naar stad elke alle nieuwe maken beter
    """.split()  # noqa: SIM905 - a word list reads best as words
)


@lru_cache(maxsize=2)
def _stemmer(language: str) -> object:
    import snowballstemmer  # noqa: PLC0415 - only when ideas are grouped

    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=100_000)
def _stem(word: str, language: str = "dutch") -> str:
    # Snowball in pure Python takes a quarter of a millisecond a word, and a theme's
    # ideas use the same words again and again: each is stemmed once.
    return str(_stemmer(language).stemWord(word))  # type: ignore[attr-defined]


def prepare() -> None:
    """Load what the grouping needs (scikit-learn, SciPy, the stemmers: a second or two,
    once a run), so that the first grouping does not wait for it."""
    import sklearn.cluster  # noqa: PLC0415
    import sklearn.feature_extraction.text  # noqa: PLC0415
    import sklearn.preprocessing  # noqa: F401, PLC0415

    _stemmer("dutch")
    _stemmer("english")


def language_of(words: Sequence[str]) -> str:
    """ "english" when folded `words` read as English, else "dutch" (Snowball's names)."""
    english = sum(word in ENGLISH_WORDS for word in words)
    dutch = sum(word in DUTCH_WORDS for word in words)
    return "english" if english > dutch else "dutch"


def stems(text: str) -> list[str]:
    """The stems of the words of `text` that say something (no stop words), by the
    stemmer of its language: Dutch, or English for an idea written in English."""
    words = fold(text).split()
    language = language_of(words)
    return [_stem(word, language) for word in words if word not in STOP_WORDS]


SHORTEST_PART = 4
"""Letters a word needs to count as a part of a compound ("huur" in "huurwoning")."""


def with_compound_parts(stemmed: Sequence[list[str]]) -> list[list[str]]:
    """Each idea's stems, plus the parts of its compounds that are words of other ideas.

    Dutch writes compounds as one word: "huurwoning" and "sociale woning" share nothing
    as words, and "huisvestingsmaatschappij" hides "huisvesting". A stem that begins or
    ends with another stem of the same ideas (of at least SHORTEST_PART letters, after a
    linking "s") gets that stem as a word of its own too.
    """
    vocabulary = {stem for stems_of_idea in stemmed for stem in stems_of_idea}
    result = []
    for stems_of_idea in stemmed:
        parts = []
        for stem in stems_of_idea:
            for cut in range(SHORTEST_PART, len(stem) - SHORTEST_PART + 1):
                head, tail = stem[:cut], stem[cut:]
                if head in vocabulary:
                    parts.append(head)
                if tail in vocabulary:
                    parts.append(tail)
                elif tail.startswith("s") and tail[1:] in vocabulary:
                    parts.append(tail[1:])
        result.append(stems_of_idea + parts)
    return result


def proposal_vectors(texts: Sequence[str]) -> tuple[csr_matrix, list[str], csr_matrix]:
    """Each idea as a unit vector (sparse rows), the vocabulary of stems, and the stems'
    own (unnormalised) TF-IDF weights, for key terms.

    The stems' TF-IDF and, weighed less, the TF-IDF of letter 3- and 4-grams inside
    words. Kept sparse: a theme of 2,000 ideas has some 20,000 letter-grams, and a dense
    matrix of them would take hundreds of megabytes. An idea with no word at all (only
    punctuation) is a row of zeros: at cosine distance 1 from everything, it joins no
    group.
    """
    from scipy.sparse import hstack  # noqa: PLC0415 - scikit-learn brings it
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415
    from sklearn.preprocessing import normalize  # noqa: PLC0415

    stemmed = [
        " ".join(words) or fold(text) or "-"
        for words, text in zip(with_compound_parts([stems(t) for t in texts]), texts, strict=True)
    ]
    words = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True)
    letters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True)
    word_matrix = words.fit_transform(stemmed).tocsr()
    matrix = hstack([word_matrix, letters.fit_transform(stemmed) * 0.7]).tocsr()
    vocabulary = [str(term) for term in words.get_feature_names_out()]
    return normalize(matrix), vocabulary, word_matrix


def _distances(rows: csr_matrix, columns: csr_matrix) -> np.ndarray:
    """Cosine distances between unit rows: 0 the same words, 1 nothing in common."""
    return np.clip(1.0 - (rows @ columns.T).toarray(), 0.0, 2.0)


def _central(vectors: csr_matrix, members: Sequence[int]) -> int:
    rows = vectors[list(members)]
    centre = np.asarray(rows.mean(axis=0)).ravel()
    return int(members[int(np.argmax(rows @ centre))])


def most_central(texts: Sequence[str]) -> int:
    """The position of the idea that says best what all of `texts` say (a title)."""
    if len(texts) <= 2:
        return 0
    vectors, _terms, _weights = proposal_vectors(texts)
    return _central(vectors, range(len(texts)))


def cluster_ideas(
    texts: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD
) -> list[IdeaCluster]:
    """The ideas grouped into proposals, largest group first; every idea in exactly one.

    `threshold` (0 to 1) is the cosine distance at which groups stop being merged:
    lower gives more, tighter groups.
    """
    from sklearn.cluster import AgglomerativeClustering  # noqa: PLC0415

    if not texts:
        return []
    if len(texts) == 1:
        return [IdeaCluster((0,), 0, tuple(dict.fromkeys(stems(texts[0])))[:3])]
    vectors, vocabulary, weights_of_stems = proposal_vectors(texts)
    distances = _distances(vectors, vectors)
    np.fill_diagonal(distances, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=threshold,
    ).fit_predict(distances)
    clusters = []
    for label in sorted(set(labels)):
        members = [int(i) for i in np.flatnonzero(labels == label)]
        weights = np.asarray(weights_of_stems[members].sum(axis=0)).ravel()
        top = [vocabulary[i] for i in np.argsort(-weights)[:3] if weights[i] > 0]
        clusters.append(IdeaCluster(tuple(members), _central(vectors, members), tuple(top)))
    clusters.sort(key=lambda c: (-len(c.members), c.members[0]))
    return clusters


def nearest_groups(
    groups: Sequence[Sequence[str]],
    texts: Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[int | None]:
    """For each of `texts`, the group (its position in `groups`) it says the same as,
    or None: the group with the smallest average cosine distance to it, as the
    clustering's average linkage would measure, if that is within `threshold`."""
    if not texts:
        return []
    known = [text for group in groups for text in group]
    if not known:
        return [None] * len(texts)
    vectors, _terms, _weights = proposal_vectors([*known, *texts])
    owner = np.array([g for g, group in enumerate(groups) for _ in group])
    distances = _distances(vectors[len(known) :], vectors[: len(known)])
    result: list[int | None] = []
    for row in distances:
        average = np.array(
            [row[owner == g].mean() if len(groups[g]) else np.inf for g in range(len(groups))]
        )
        best = int(np.argmin(average))
        result.append(best if average[best] <= threshold else None)
    return result
