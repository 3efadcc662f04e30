"""The relevance model: TF-IDF features of every record, a linear SVM refitted on the decisions so far.

The features are computed once for all records (they use no decisions, so they never leak one);
each ranking refits only the classifier on the decided records, which keeps a refit under a
second at 20,000 records.

It starts from ASReview's default model (TF-IDF of word 1- and 2-grams with sublinear term
frequency, a linear SVM with C about 0.1, includes weighted ten times all the excludes, the
unlabelled records by decision value) and changes what is general, not what suits one review:

* the text is the title, the abstract and the keywords, and the title counts twice: it is
  written to say what the record is about, where most of an abstract is method and numbers;
* keywords (from RIS, MEDLINE, BibTeX, EndNote, tables) are read, where ASReview drops them;
* the terms are hashed into a fixed number of columns instead of being kept in a vocabulary,
  so a review of 20,000 records fits in a small, bounded memory;
* past 5,000 excludes, the SVM learns from every include and the 5,000 latest excludes only,
  which bounds a refit's time and memory on the largest reviews;
* each refit also learns 100 records drawn at random from the undecided ones as if excluded
  (Cormack & Grossman's "baseline model implementation" of continuous active learning): almost
  all undecided records are irrelevant, so a random draw tells the SVM what the ordinary record of
  this search looks like, where the decided excludes are the atypical ones the ranking put on top.
  The draw depends on the seed and the number of decisions only, so a ranking is reproducible;
* the SVM's loss is the plain hinge (the textbook SVM), not ASReview's squared hinge: a record on
  the wrong side of the boundary costs in proportion to how far it is, not to the square, so the
  few records that do not fit their label (an include worded unlike the others, an include among
  the random excludes) pull the boundary much less towards themselves.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

MODEL_NAME = "tfidf-svm (word 1-2 grams, title twice, hinge loss, includes weighted, 100 random undecided as excludes)"
#: Columns the words and word pairs are hashed into: collisions stay rare at a few million distinct terms.
HASHED_FEATURES = 2**21
#: Terms in more than this share of the records are dropped (they tell no record from another).
MAX_SHARE_OF_RECORDS = 0.95
#: The SVM's regularisation (ASReview's default, 0.11, rounded): strong, as the labelled records are few.
SVM_C = 0.1
#: All the includes together weigh this many times all the excludes together (ASReview's default).
INCLUDE_WEIGHT = 9.8
#: At most this many excludes are learnt from (the latest decided); every include always is.
MAX_EXCLUDES_LEARNT = 5000
#: Undecided records drawn at random and learnt as excludes in each refit (Cormack & Grossman's 100).
RANDOM_EXCLUDES = 100
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RankedRecord:
    """One undecided record in the ranking: its id and a relevance score (higher is screened first)."""

    id: str
    score: float


def record_text(title: str, abstract: str, keywords: str = "") -> str:
    """The text the model reads for a record: title (twice), abstract and keywords."""
    title = _SPACE.sub(" ", title or "").strip()
    return " ".join(part for part in (title, title, abstract or "", keywords or "") if part)


CHUNK = 2000  # records hashed at a time


def _features(texts: Sequence[str]) -> sparse.csr_matrix:
    """TF-IDF of word unigrams and bigrams, hashed: no vocabulary is kept, so memory stays bounded.

    As scikit-learn's TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95) computes
    it (1 + log tf, smoothed idf, rows of unit length), in float32. The records are hashed twice, a
    few thousand at a time: once to count in how many records each term is, once to fill the
    matrix in place, so that no second copy of it is ever held. Only the columns some record uses
    are kept (renumbered in the same order): the SVM learns the same weights, without carrying
    millions of empty columns through every refit.
    """
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize

    hashing = HashingVectorizer(ngram_range=(1, 2), n_features=HASHED_FEATURES, alternate_sign=False, norm=None,
                                dtype=np.float32)
    n = len(texts)
    in_records = np.zeros(HASHED_FEATURES, dtype=np.int64)
    nnz = 0
    for start in range(0, n, CHUNK):
        chunk = hashing.transform(texts[start:start + CHUNK])
        chunk.sum_duplicates()
        in_records += np.bincount(chunk.indices, minlength=HASHED_FEATURES)
        nnz += chunk.nnz
    # a tiny set has too few records for "in nearly every record" to mean anything
    kept = in_records <= MAX_SHARE_OF_RECORDS * n if n >= 20 else np.ones(HASHED_FEATURES, dtype=bool)
    idf = np.where(kept, np.log((1 + n) / (1 + in_records)) + 1, 0).astype(np.float32)
    used = kept & (in_records > 0)
    column = np.cumsum(used, dtype=np.int32) - 1  # a used hashed column's new number (2^21 fits in int32)
    column[~used] = 0  # a dropped term's entries are 0 and go (eliminate_zeros below)
    n_columns = int(used.sum())
    data = np.empty(nnz, dtype=np.float32)
    indices = np.empty(nnz, dtype=np.int32)
    indptr = np.zeros(n + 1, dtype=np.int64)
    filled = 0
    for start in range(0, n, CHUNK):
        chunk = hashing.transform(texts[start:start + CHUNK])
        chunk.sum_duplicates()
        end = filled + chunk.nnz
        data[filled:end] = (np.log(chunk.data) + 1) * idf[chunk.indices]
        indices[filled:end] = column[chunk.indices]
        indptr[start + 1:start + 1 + chunk.shape[0]] = chunk.indptr[1:] + filled
        filled = end
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(n, max(n_columns, 1)))
    matrix.eliminate_zeros()
    if matrix.nnz == 0:  # no words at all (every text empty, or only one-letter words): nothing to learn from
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    return normalize(matrix, copy=False)


class RelevanceModel:
    """Ranks records by how likely they are to be included, learning from the decisions so far.

    ``texts`` are the records' texts (see :func:`record_text`) in import order; ``ids`` name them.
    Build once, then call :meth:`rank` with the labels known so far (id -> True for relevant).
    """

    def __init__(self, ids: Sequence[str], texts: Sequence[str], *, seed: int = 0) -> None:
        if len(ids) != len(texts):
            raise ValueError("every record needs a text")
        self.ids = [str(i) for i in ids]
        self.position = {record_id: k for k, record_id in enumerate(self.ids)}
        if len(self.position) != len(self.ids):
            raise ValueError("record ids must be unique")
        self.seed = int(seed)
        self.features = _features(list(texts)) if self.ids else sparse.csr_matrix((0, 0))

    @staticmethod
    def can_learn(labels: Mapping[str, bool]) -> bool:
        """True once the labels hold at least one relevant and one irrelevant record."""
        values = set(labels.values())
        return True in values and False in values

    def scores(self, labels: Mapping[str, bool]) -> np.ndarray:
        """A relevance score for every record (import order), learnt from ``labels``.

        Scores are comparable within one call only. Before :meth:`can_learn` holds, every score
        is 0 (the ranking is then the import order).
        """
        if not self.can_learn(labels):
            return np.zeros(len(self.ids))
        learnt = _learnt_from(labels)
        rows = np.fromiter((self.position[i] for i in learnt), dtype=np.int64, count=len(learnt))
        y = np.fromiter((1 if labels[i] else 0 for i in learnt), dtype=np.int8, count=len(learnt))
        undecided = np.ones(len(self.ids), dtype=bool)
        undecided[[self.position[i] for i in labels]] = False
        pool = np.flatnonzero(undecided)
        drawn = np.random.default_rng([self.seed, len(labels)]).choice(pool, min(RANDOM_EXCLUDES, len(pool)),
                                                                      replace=False)
        rows = np.concatenate([rows, drawn])
        y = np.concatenate([y, np.zeros(len(drawn), dtype=np.int8)])
        # liblinear learns in float64: convert only the decided rows, and let the float32 copy go at once
        x = self.features[rows].astype(np.float64)
        return _svm_scores(x, y, self.features, self.seed)

    def rank(self, labels: Mapping[str, bool], limit: int | None = None) -> list[RankedRecord]:
        """The unlabelled records, most relevant first (ties and the cold start in import order)."""
        unknown = [i for i in labels if i not in self.position]
        if unknown:
            raise KeyError(f"no record {unknown[0]!r} among the records ranked")
        scores = self.scores(labels)
        pool = np.ones(len(self.ids), dtype=bool)
        pool[[self.position[i] for i in labels]] = False
        candidates = np.flatnonzero(pool)
        order = candidates[np.argsort(-scores[candidates], kind="stable")]
        if limit is not None:
            order = order[:limit]
        return [RankedRecord(self.ids[k], float(scores[k])) for k in order]


def _learnt_from(labels: Mapping[str, bool]) -> list[str]:
    """The labels the classifier is fitted on, in the order they were given: every include, and the
    :data:`MAX_EXCLUDES_LEARNT` latest excludes.

    Past a few thousand excludes more of them barely move the boundary but cost time and memory
    (liblinear copies the rows it learns from twice); the latest are those the ranking put near the
    top, nearest the boundary, where an older exclude was ranked by an earlier, weaker model.
    """
    excludes = [i for i, relevant in labels.items() if not relevant]
    if len(excludes) <= MAX_EXCLUDES_LEARNT:
        return list(labels)
    dropped = set(excludes[:len(excludes) - MAX_EXCLUDES_LEARNT])
    return [i for i in labels if i not in dropped]


def _include_weights(y: np.ndarray, ratio: float) -> np.ndarray:
    """Sample weights: 1 per include, n_include / (ratio * n_exclude) per exclude, summing to len(y).

    The includes then weigh ``ratio`` times as much as all the excludes together: with a handful
    of includes against hundreds of excludes, a missed include costs far more than a wasted look.
    """
    n1 = float((y == 1).sum())
    n0 = float((y == 0).sum())
    w = np.where(y == 1, 1.0, n1 / (ratio * n0))
    return w * (len(y) / w.sum())


def _svm_scores(x: sparse.csr_matrix, y: np.ndarray, all_rows: sparse.csr_matrix, seed: int) -> np.ndarray:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.svm import LinearSVC

    svm = LinearSVC(C=SVM_C, loss="hinge", random_state=seed)
    with warnings.catch_warnings():  # a fit stopped at its iteration limit still orders well; no noise for the reviewer
        warnings.simplefilter("ignore", ConvergenceWarning)
        svm.fit(x, y, sample_weight=_include_weights(y, INCLUDE_WEIGHT))
    # the decision values of every record, in float32 (scikit-learn's decision_function would first
    # copy all the features to float64)
    weights = svm.coef_.ravel().astype(np.float32)
    return np.asarray(all_rows @ weights, dtype=np.float64) + float(svm.intercept_[0])
