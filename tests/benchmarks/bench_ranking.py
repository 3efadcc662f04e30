"""Benchmark: the relevance model's memory and retraining time on a large review.

Run as a script (not collected by pytest):

    python tests/benchmarks/bench_ranking.py [--records 20000] [--labelled 200,2000,10000]

It generates N records (titles and abstracts of about 220 words from a vocabulary of 30,000
words with Zipf-like frequencies, 5 % of them on a topic of their own), computes the features
once, then refits the classifier and ranks the unlabelled records with each number of labelled
records (a tenth of them includes). It prints the time to compute the features, each refit's
time (target <= 1 s) and the process's peak memory (target < 350 MB).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def _texts(records: int, seed: int = 7) -> tuple[list[str], list[bool]]:
    rng = random.Random(seed)
    vocabulary = [f"w{k}" for k in range(30_000)]
    weights = [1 / (k + 1) for k in range(len(vocabulary))]
    topic = [f"t{k}" for k in range(200)]
    texts, relevant = [], []
    for _ in range(records):
        words = rng.choices(vocabulary, weights, k=220)
        is_relevant = rng.random() < 0.05
        if is_relevant:
            words[::10] = rng.choices(topic, k=len(words[::10]))
        texts.append(" ".join(words))
        relevant.append(is_relevant)
    return texts, relevant


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--labelled", default="200,2000,10000")
    args = parser.parse_args()
    from curator.ranking.model import RelevanceModel, record_text

    texts, relevant = _texts(args.records)
    ids = [str(k) for k in range(args.records)]
    start = time.perf_counter()
    model = RelevanceModel(ids, [record_text("", t) for t in texts])
    del texts  # the desk and `curator rank` keep no texts once the features are made
    print(f"{args.records} records: features in {time.perf_counter() - start:.2f} s"
          f" ({model.features.shape[1]} columns, {model.features.nnz} non-zeros); peak memory {_peak_mb():.0f} MB")
    rng = random.Random(1)
    for wanted in (int(n) for n in args.labelled.split(",")):
        includes = [k for k in range(args.records) if relevant[k]]
        excludes = [k for k in range(args.records) if not relevant[k]]
        chosen = rng.sample(includes, min(len(includes), wanted // 10)) + rng.sample(excludes, wanted - wanted // 10)
        labels = {ids[k]: relevant[k] for k in chosen}
        start = time.perf_counter()
        ranked = model.rank(labels, limit=1)
        seconds = time.perf_counter() - start
        print(f"{len(labels):>6} labelled: refit and rank in {seconds:.3f} s (target <= 1 s); first {ranked[0].id};"
              f" peak memory so far {_peak_mb():.0f} MB")
    print(f"peak memory {_peak_mb():.0f} MB (target < 350 MB)")


if __name__ == "__main__":
    main()
