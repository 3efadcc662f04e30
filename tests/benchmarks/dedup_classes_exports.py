"""Classes for ``bench_dedup_classes.py``: more of what real exports write differently, and their look-alikes.

One document written two ways: LaTeX or MathML markup, subscripts and ``&lt;`` in a title against plain text
(``$\\alpha$``, ``CO<sub>2</sub>``, ``β-blocker``/``beta-blocker``); an author list cut to its first names ("et al.");
a group author in one database and the named authors in another; a non-English paper's title translated in
brackets (MEDLINE) against the English title with the original after it (Scopus) or the original with the English
after it; a record published online (no volume, issue or pages) the same year as its issue.

Two documents that look alike: a trial's protocol (or statistical analysis plan) and its results; a correction,
erratum or retraction notice listed without a citation; one title in two languages by two groups of authors; a
paper reprinted in another journal with a note (kept apart as a co-published guideline is: both citations are
reports a reviewer lists, grouped as one study, not hidden as a duplicate).

Each change takes (rng, p, q): two copies of one paper (``bench_dedup_classes.Paper``), the second to be changed.
"""

from __future__ import annotations

from dedup_class_tables import OTHER, SAME, change_class, uncited  # noqa: E402

MARKED = (  # (plain, marked up): the same words as two databases give them
    ("alpha-subunit", "$\\alpha$-subunit"), ("beta-blocker", "β-blocker"), ("beta-blockers", "$\\beta$-blockers"),
    ("CO2 emissions", "CO<sub>2</sub> emissions"), ("m2 plots", "m<sup>2</sup> plots"),
    ("children aged <5 years", "children aged &lt;5 years"), ("TNF-alpha", "TNF-<mml:math><mml:mi>α</mml:mi></mml:math>"),
    ("kappa-opioid", "<inline-formula><tex-math>$\\kappa$</tex-math></inline-formula>-opioid"),
    ("gamma-delta T cells", "$\\gamma\\delta$ T cells"), ("IL-1beta", "IL-1<i>β</i>"),
)


@change_class(SAME, "LaTeX, MathML and sub/superscript markup")
def _(rng, p, q):
    plain, marked = rng.choice(MARKED)
    head = p.title.split(":")[0].split("?")[0]
    p.title, q.title = f"{head}: {plain} and outcomes", f"{head}: {marked} and outcomes"
    if rng.random() < 0.5:
        p, q = q, p  # (either database may be the one that keeps the markup)


@change_class(SAME, "author list cut to the first names, et al.")
def _(rng, p, q):
    while len(p.authors) < 7:
        p.authors.append(f"Extra{len(p.authors)}, K.")
    kept = rng.choice((1, 3, 6))
    q.authors = p.authors[:kept] + ([rng.choice(("et al.", "et al", "..."))] if rng.random() < 0.5 else [])


@change_class(SAME, "group author instead of the named authors")
def _(rng, p, q):
    q.authors = [rng.choice(("The PRIME Investigators", "Stroke Trialists' Collaboration", "EPIC Study Group",
                             "Writing Committee for the ASPIRE Trial", "GBD 2019 Collaborators"))]


GERMAN_WORDS = ("Wirkung", "Behandlung", "Kindern", "Erwachsenen", "Studie", "Ergebnisse", "Versorgung", "Pflege",
                "Risiko", "Patienten", "Therapie", "Verlauf", "Nachsorge", "Einfluss", "Vergleich", "Schmerzen")


@change_class(SAME, "translated title: in brackets, or with the original")
def _(rng, p, q):
    original = " ".join(rng.sample(GERMAN_WORDS, 6))
    english = p.title
    p.title = f"[{english}]."
    q.title = rng.choice((f"{english} [{original}]", f"{original} [{english}]", f"{original}. {english}",
                          f"{original} = {english}"))


@change_class(SAME, "online first the same year as the issue")
def _(rng, p, q):
    uncited(q)
    if rng.random() < 0.5:
        q.title += rng.choice((" [Epub ahead of print]", ". Epub ahead of print"))


@change_class(OTHER, "a trial's protocol and its results")
def _(rng, p, q):
    acronym = "".join(rng.choice("ABCDEFGHKLMPRST") for _ in range(rng.randint(4, 6)))
    head = p.title.split(":")[0].split("?")[0]
    p.title = f"{head}: the {acronym} randomized clinical trial"
    q.title = rng.choice((f"{head}: protocol for the {acronym} randomized clinical trial",
                          f"{head}: statistical analysis plan for the {acronym} randomized clinical trial",
                          f"{head}: the {acronym} randomized clinical trial protocol",
                          f"{head}: the {acronym} randomized clinical trial: study protocol"))
    q.year = (p.year or 2000) - rng.choice((0, 1, 2))
    q.journal, q.issue, q.pages = rng.choice(("Trials", "BMJ Open", "Contemporary Clinical Trials")), "", ""
    q.volume = rng.choice(("", str(rng.randint(10, 25))))


@change_class(OTHER, "a correction or retraction without a citation")
def _(rng, p, q):
    q.title = rng.choice(("Correction to: ", "Correction: ", "Erratum to: ", "Retraction note to: ",
                          "Retracted: ", "Expression of concern: ", "Notice of retraction: ")) + p.title
    uncited(q)


@change_class(OTHER, "one title in two languages, two groups of authors")
def _(rng, p, q):
    q.title = f"[{p.title}]."
    q.authors = [f"{rng.choice(('Tanaka', 'Berg', 'Owusu', 'Lopes'))}, R."]
    q.journal = "Zeitschrift fur Gerontologie und Geriatrie"
    q.volume, q.issue, q.pages = str(rng.randint(1, 60)), "", str(rng.randint(1, 900))


@change_class(OTHER, "a paper reprinted in another journal")
def _(rng, p, q):
    q.title = p.title + rng.choice((" [Reprinted from ", " (Reprinted from ")) + p.journal + ")"
    q.journal = next(j[0] for j in (("Energy Policy",), ("Journal of Clinical Epidemiology",)) if j[0] != p.journal)
    q.year = (p.year or 2000) + rng.choice((0, 1))
    q.volume, q.issue, q.pages = str(rng.randint(1, 60)), str(rng.randint(1, 12)), str(rng.randint(1, 900))
