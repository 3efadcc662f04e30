"""The duplicate class benchmark's two tables of classes, filled by the modules that define them: ``SAME``, ways
another database writes one document (the pair should be linked), and ``OTHER``, two documents that look alike
(not). Each change takes (rng, p, q): two copies of one paper, the second to be changed."""

from __future__ import annotations

SAME: dict[str, object] = {}
OTHER: dict[str, object] = {}


def change_class(table: dict, name: str):
    """Register the decorated change in ``table`` under ``name``."""
    def register(change):
        table[name] = change
        return change
    return register
