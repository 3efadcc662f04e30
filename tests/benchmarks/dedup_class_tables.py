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


def uncited(q) -> None:
    """The second record as a database that gives no volume, issue or pages has it (or published online)."""
    q.volume = q.issue = q.pages = ""


def one_word_apart(rng, p, q, pairs, template: str) -> None:
    """Two titles ``template`` (``{head}``: the paper's main title, ``{word}``) with one of ``pairs`` each (in either
    order), the second record uncited."""
    ours, theirs = rng.choice(pairs)
    if rng.random() < 0.5:
        ours, theirs = theirs, ours
    head = p.title.split(":")[0].split("?")[0]
    p.title, q.title = template.format(head=head, word=ours), template.format(head=head, word=theirs)
    uncited(q)


def first_authors_apart(rng, p, q, pairs) -> None:
    """One title, first authors one of ``pairs`` apart (same initial, other co-authors), the second uncited."""
    ours, theirs = rng.choice(pairs)
    initial = p.authors[0].split(", ")[1]
    p.authors = [f"{ours}, {initial}", "Okafor, C.", "Lindqvist, I."]
    q.authors = [f"{theirs}, {initial}", "Moreau, L.", "Haddad, R."]
    uncited(q)
