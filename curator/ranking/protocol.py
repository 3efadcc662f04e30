"""The JSON-lines protocol of the shared ranking benchmark, served by the relevance model.

One request per line on standard input, one answer per line on standard output (see the
benchmark's README): ``init`` and ``records`` give the records, ``label`` reveals decisions
(1 relevant, 0 not), ``rank`` asks for the unlabelled records best first, ``close`` ends.
A request that cannot be served is answered with ``{"error": "..."}`` and the server goes on.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from curator.ranking.model import RelevanceModel, record_text


class RankingSession:
    """The state of one benchmark run: the records as they arrive, then the model and the labels."""

    def __init__(self) -> None:
        self.expected = 0
        self.seed = 0
        self.records: list[dict[str, Any]] = []
        self.model: RelevanceModel | None = None
        self.labels: dict[str, bool] = {}

    def answer(self, message: Any) -> dict[str, Any]:
        """The answer to one request (a decoded JSON object)."""
        if not isinstance(message, dict):
            return {"error": "a request is a JSON object"}
        op = message.get("op")
        if op == "init":
            return self._init(message)
        if op == "records":
            return self._add_records(message)
        if op == "label":
            return self._label(message)
        if op == "rank":
            return self._rank(message)
        if op == "close":
            return {"ok": True}
        return {"error": f"unknown op {op!r}"}

    def _init(self, message: dict[str, Any]) -> dict[str, Any]:
        try:
            self.expected = int(message["n_records"])
            self.seed = int(message.get("seed", 0) or 0)
        except (KeyError, TypeError, ValueError):
            return {"error": "init needs n_records (a whole number)"}
        self.records, self.model, self.labels = [], None, {}
        if self.expected == 0:
            self.model = RelevanceModel([], [], seed=self.seed)
        return {"ok": True}

    def _add_records(self, message: dict[str, Any]) -> dict[str, Any]:
        records = message.get("records")
        if not isinstance(records, list) or any(not isinstance(r, dict) or "id" not in r for r in records):
            return {"error": "records needs a list of records, each with an id"}
        if self.model is not None or len(self.records) + len(records) > self.expected:
            return {"error": f"more records than the {self.expected} announced by init"}
        self.records.extend(records)
        if len(self.records) == self.expected:
            texts = [record_text(str(r.get("title") or ""), str(r.get("abstract") or ""), str(r.get("keywords") or ""))
                     for r in self.records]
            try:
                self.model = RelevanceModel([str(r["id"]) for r in self.records], texts, seed=self.seed)
            except ValueError as error:
                return {"error": str(error)}
            self.records = []
        return {"ok": True}

    def _label(self, message: dict[str, Any]) -> dict[str, Any]:
        if self.model is None:
            return {"error": "label before all the records were sent"}
        labels = message.get("labels")
        if not isinstance(labels, dict):
            return {"error": "label needs an object of id: 0 or 1"}
        for record_id, value in labels.items():
            if str(record_id) not in self.model.position:
                return {"error": f"no record {record_id!r}"}
            if value not in (0, 1, True, False):
                return {"error": f"the label of {record_id!r} must be 0 or 1"}
        self.labels.update({str(k): bool(v) for k, v in labels.items()})
        return {"ok": True}

    def _rank(self, message: dict[str, Any]) -> dict[str, Any]:
        if self.model is None:
            return {"error": "rank before all the records were sent"}
        n = message.get("n")
        if n is not None and (not isinstance(n, int) or n < 0):
            return {"error": "n must be a whole number"}
        return {"ranking": [r.id for r in self.model.rank(self.labels, limit=n or None)]}


def serve(source: TextIO | None = None, sink: TextIO | None = None) -> None:
    """Answer requests from ``source`` (standard input) on ``sink`` (standard output) until close."""
    source = source or sys.stdin
    sink = sink or sys.stdout
    session = RankingSession()
    for line in source:
        if not line.strip():
            continue
        try:
            message = json.loads(line)
        except ValueError:
            answer: dict[str, Any] = {"error": "a request must be one JSON object on one line"}
            message = None
        else:
            answer = session.answer(message)
        sink.write(json.dumps(answer) + "\n")
        sink.flush()
        if isinstance(message, dict) and message.get("op") == "close":
            return
