"""Relevance ranking: learn from a stage's screening decisions which undecided records to screen next.

* :mod:`curator.ranking.model`: the features of a set of records and the classifier refitted on the
  reviewer's decisions (no review, no database: records and labels in, an order out);
* :mod:`curator.ranking.relevance`: the ranking of a review's undecided records at a stage, from the
  agreed decisions or from one reviewer's, with how far screening has got;
* :mod:`curator.ranking.decided`: which records of a stage are decided (relevant or not) and which are left;
* :mod:`curator.ranking.remaining_sample`: a random sample of the undecided records, screened to estimate
  the relevant records left;
* :mod:`curator.ranking.list_order`: the list's order each reviewer chose, kept in the review;
* :mod:`curator.ranking.replay`: replaying a finished screening (the work a ranking would have saved);
* :mod:`curator.ranking.recall_curve`: the recall curve of a replay as a PNG;
* :mod:`curator.ranking.protocol`: the JSON-lines protocol of the shared ranking benchmark.
"""
