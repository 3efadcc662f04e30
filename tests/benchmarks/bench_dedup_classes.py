"""Benchmark: duplicate finding on a synthetic labelled export, class by class.

Run as a script (not collected by pytest):

    python tests/benchmarks/bench_dedup_classes.py [--papers 3000] [--seed 1]

The two labelled exports of ``shared/bench/dedup`` are for development; this set measures
the matcher on the ways real exports from *other* fields write one document differently
(one class per row) and on the pairs of different documents that look alike (a guideline
co-published in two journals, an abstract and the later paper, a letter and its reply, an
erratum, a preprint and the published paper, ...). Titles are built at random from the words
of several fields, so no rule can be tuned to a record. Scores as ``run.py`` does: record-level
precision and recall over firm links, false merges, and possible pairs as a share of records.

Each paper gives one pair, the classes in turn. Half the second records of a true pair lose part of
their citation (volume, issue, pages or journal), as another database's would; a third of the
pairs are look-alikes, so the share of possible pairs is far above a real export's. The classes
were written by the people who wrote the rules: the figures say which classes are handled, not how
often each occurs in a real export, and are optimistic for that.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from curator.duplicates.matching import candidate, find_links  # noqa: E402
from curator.identifiers import canonical_doi  # noqa: E402


def _listed(words: str) -> list[str]:
    return words.split()


WORDS = _listed("effect efficacy safety outcomes adults children older patients women men community hospital primary care "
         "intervention program training exercise diet therapy treatment assessment screening diagnosis risk factors "
         "prevalence incidence mortality quality life depression anxiety pain stroke diabetes cancer asthma obesity "
         "hypertension infection vaccine antibiotic resistance soil water river forest species biodiversity climate "
         "warming drought yield crop wheat maize rice nitrogen carbon emissions policy governance market labour "
         "platform digital online learning students teachers schools curriculum reading mathematics software "
         "developers requirements agile security privacy cloud network sensor energy battery solar grid traffic "
         "urban rural income poverty migration health workers nurses physicians telemedicine mobile app sleep "
         "fatigue cognition memory attention dementia frailty falls balance gait rehabilitation surgery fracture "
         "knee hip spine injury concussion athletes performance motivation engagement trust adoption")
FRAMES = ("{a} of {b} on {c} in {d}: a randomized controlled trial", "{a} and {b} among {c} {d}: a systematic review",
          "Association between {a} {b} and {c} in {d}", "{a} {b} for {c}: a cohort study of {d}",
          "Does {a} improve {b} in {c} {d}? A pragmatic trial", "The role of {a} in {b} {c} and {d}",
          "{a}, {b} and {c}: evidence from {d}", "Long-term {a} after {b} {c} in {d}", "{a} {b}",
          "{a} in {b} {c}", "{a} {b}: a review")
# (full name, MEDLINE abbreviation, ISO abbreviation): the three ways databases name one journal.
JOURNALS = (
    ("Journal of the American Medical Association", "JAMA", "J. Am. Med. Assoc."),
    ("Proceedings of the National Academy of Sciences of the United States of America", "Proc Natl Acad Sci U S A",
     "Proc. Natl. Acad. Sci. U.S.A."),
    ("New England Journal of Medicine", "N Engl J Med", "N. Engl. J. Med."),
    ("Journal of Applied Ecology", "J Appl Ecol", "J. Appl. Ecol."),
    ("International Journal of Nursing Studies", "Int J Nurs Stud", "Int. J. Nurs. Stud."),
    ("Computers & Education", "Comput Educ", "Comput. Educ."),
    ("Journal of Management Information Systems", "J Manag Inf Syst", "J. Manage. Inf. Syst."),
    ("Soil Biology and Biochemistry", "Soil Biol Biochem", "Soil Biol. Biochem."),
    ("American Journal of Public Health", "Am J Public Health", "Am. J. Public Health"),
    ("Journal of Environmental Management", "J Environ Manage", "J. Environ. Manag."),
    ("Journal of Clinical Epidemiology", "J Clin Epidemiol", "J. Clin. Epidemiol."),
    ("Energy Policy", "Energy Policy", "Energy Policy"),
    ("Zeitschrift fur Gerontologie und Geriatrie", "Z Gerontol Geriatr", "Z. Gerontol. Geriatr."),
    ("British Journal of Sports Medicine", "Br J Sports Med", "Br. J. Sports Med."),
)
SURNAMES = _listed("Smith Garcia Muller Rossi Nakamura Kowalski Okafor Johansson Dubois Silva Chen Wang Kim Patel Novak "
            "Hansen Schmidt Moreau Costa Yilmaz Ivanova Haddad Mensah Lindqvist Fischer O'Brien Nguyen")
GIVEN = _listed("Anna Peter Maria Jose Wei Yuki Olga Tomasz Chidi Ingrid Luc Ana Hyun Ravi Eva")
PARTICLES = (("van der", "Berg"), ("de la", "Cruz"), ("von", "Braun"), ("van", "Dijk"), ("di", "Stefano"),
             ("de", "Souza"), ("van den", "Bosch"), ("le", "Roux"))
BRITISH = {"randomized": "randomised", "labour": "labor", "behavior": "behaviour", "center": "centre",
           "organization": "organisation", "analyze": "analyse", "modeling": "modelling", "pediatric": "paediatric",
           "tumor": "tumour", "hemorrhage": "haemorrhage", "esophageal": "oesophageal", "anemia": "anaemia"}
ACCENTED = {"e": "é", "a": "á", "o": "ö", "u": "ü", "i": "í", "c": "ç", "n": "ñ"}
GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "kappa": "κ", "delta": "δ"}
NUMBERS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "10": "ten", "12": "twelve"}
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


class Paper:
    """One document: its citation as a database gives it; variants copy and change it."""

    def __init__(self, rng: random.Random, number: int) -> None:
        pick = rng.sample(WORDS, 8)
        self.title = rng.choice(FRAMES).format(a=" ".join(pick[:2]).capitalize(), b=" ".join(pick[2:4]),
                                               c=" ".join(pick[4:6]), d=" ".join(pick[6:]))
        self.authors = [f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)[0]}." for _ in range(rng.randint(1, 5))]
        self.year: int | None = rng.randint(1995, 2024)
        self.journal = rng.choice(JOURNALS)[0]
        self.volume, self.issue = str(rng.randint(1, 120)), str(rng.randint(1, 12))
        first = rng.randint(1, 2900)
        self.pages = f"{first}-{first + rng.randint(3, 14)}"
        self.doi = f"10.{rng.randint(1000, 9999)}/j.x.{self.year}.{number:05d}"
        self.kind = "article"
        self.work = ""  # the record's type of work as the export names it ("Book chapter"), when a class sets it

    def copy(self) -> Paper:
        other = object.__new__(Paper)
        other.__dict__.update(self.__dict__, authors=list(self.authors))
        return other


def _record(paper: Paper, record_id: int):
    lines = [f"Title: {paper.title}"] + ([f"Type: {paper.work}"] if paper.work else [])
    lines += [f"{label}: {value}" for label, value in (("Volume", paper.volume), ("Issue", paper.issue),
                                                       ("Pages", paper.pages)) if value]
    doi = canonical_doi(paper.doi) if paper.doi else None
    fields = {"title": paper.title, "authors": paper.authors, "year": paper.year, "journal": paper.journal,
              "ids": [doi] if doi else [], "kind": paper.kind}
    return candidate(record_id, fields, f"h{record_id}", "\n".join(lines) + "\n")


# ---- one document written two ways (the pair should be linked) and two documents that look alike (not)

from dedup_class_tables import OTHER, SAME, change_class, uncited  # noqa: E402


@change_class(SAME, "decorations")
def _(rng, p, q):
    q.title = p.title + rng.choice((" [Review] [45 refs]", ". [Spanish]", " (Provisional abstract)"))


@change_class(SAME, "case and punctuation")
def _(rng, p, q):
    q.title = p.title.upper().replace(":", " -")


@change_class(SAME, "html tags and entities")
def _(rng, p, q):
    p.title = p.title.replace(" among ", " and ").replace(" on ", " and ")
    words = p.title.split(" ")
    k = rng.randrange(1, len(words))
    words[k] = f"<i>{words[k]}</i>"
    q.title = " ".join(words).replace(" and ", " &amp; ")


@change_class(SAME, "accents")
def _(rng, p, q):
    q.title = "".join(ACCENTED.get(c, c) if rng.random() < 0.15 else c for c in p.title)
    q.authors[0] = q.authors[0].replace("u", "ü").replace("o", "ø")


@change_class(SAME, "greek letters")
def _(rng, p, q):
    greek, letter = rng.choice(list(GREEK.items()))
    p.title = f"{p.title.split(':')[0].split('?')[0]}: the {greek}-subunit and {rng.choice(WORDS)}"
    q.title = p.title.replace(f"{greek}-", f"{letter}-")


@change_class(SAME, "british spelling")
def _(rng, p, q):
    (us, uk), (us2, uk2) = rng.sample(list(BRITISH.items()), 2)
    tail = f"{p.title[0].lower()}{p.title[1:]}"
    p.title, q.title = f"{us.capitalize()} {tail} and {us2}", f"{uk.capitalize()} {tail} and {uk2}"


@change_class(SAME, "subtitle separator")
def _(rng, p, q):
    q.title = p.title.replace(": ", rng.choice((". ", " - ", "; "))) if ": " in p.title else p.title + "."


@change_class(SAME, "leading article dropped")
def _(rng, p, q):
    title = p.title.removeprefix("The ")
    p.title = f"The {title[0].lower()}{title[1:]}"
    q.title = p.title[4:]


@change_class(SAME, "translated title in brackets")
def _(rng, p, q):
    q.title = f"[{p.title}]."


@change_class(SAME, "truncated title")
def _(rng, p, q):
    p.title += " " + " ".join(rng.choice(WORDS) for _ in range(40))
    q.title = p.title[:250]


@change_class(SAME, "number as word")
def _(rng, p, q):
    n = rng.choice(list(NUMBERS))
    tail = f"{p.title[0].lower()}{p.title[1:]}"
    p.title, q.title = f"{n}-year {tail}", f"{NUMBERS[n].capitalize()}-year {tail}"


@change_class(SAME, "roman numeral")
def _(rng, p, q):
    n = rng.choice(list(ROMAN))
    tail = f"{p.title[0].lower()}{p.title[1:]}"
    p.title, q.title = f"{tail} in type {n} diabetes", f"{tail} in type {ROMAN[n]} diabetes"


@change_class(SAME, "epub a year before print")
def _(rng, p, q):
    q.year = (p.year or 2000) - 1
    uncited(q)


@change_class(SAME, "missing year")
def _(rng, p, q):
    q.year = None


@change_class(SAME, "author particle")
def _(rng, p, q):
    particle, surname = rng.choice(PARTICLES)
    given = rng.choice(GIVEN)
    p.authors[0] = f"{particle} {surname}, {given}"
    q.authors[0] = rng.choice((f"{surname}, {given[0]}. {particle}", f"{given} {particle} {surname}",
                               f"{particle.title()} {surname} {given[0]}", f"{particle}{surname} {given[0]}"))


@change_class(SAME, "given name first")
def _(rng, p, q):
    q.authors = [f"{a.split(', ')[1]} {a.split(', ')[0]}" for a in p.authors]


@change_class(SAME, "anonymous author")
def _(rng, p, q):
    q.authors = [rng.choice(("Anonymous", "[Anonymous]", "No authors listed"))]


@change_class(SAME, "group author added")
def _(rng, p, q):
    q.authors = [rng.choice(("Stroke Trialists' Collaboration", "WHO Study Group", "The ASPIRE Investigators",
                             "Writing Committee for the PRIME Trial"))] + q.authors


@change_class(SAME, "doi case, link and trailing dot")
def _(rng, p, q):
    q.doi = f"https://doi.org/{p.doi.upper()}."
    q.title = q.title.lower()


@change_class(SAME, "page formats")
def _(rng, p, q):
    first, last = p.pages.split("-")
    p.pages, q.pages = f"S{first}-S{last}", f"S{first}-{last}"


@change_class(SAME, "journal abbreviation (MEDLINE)")
def _(rng, p, q):
    p.journal, q.journal, _iso = rng.choice(JOURNALS)


@change_class(SAME, "journal abbreviation (ISO)")
def _(rng, p, q):
    p.journal, _medline, q.journal = rng.choice(JOURNALS)


@change_class(SAME, "article number")
def _(rng, p, q):
    q.pages, p.pages = f"e{rng.randint(100000, 999999)}", "1-12"


@change_class(OTHER, "guideline co-published")
def _(rng, p, q):
    q.journal = next(j[0] for j in JOURNALS if j[0] != p.journal)
    q.volume, q.pages = str(int(p.volume) + 3), "401-420"


@change_class(OTHER, "abstract then paper")
def _(rng, p, q):
    q.year = (p.year or 2000) - 1
    q.volume, q.issue, q.pages = str(int(p.volume) - 1), "Suppl 2", f"A{rng.randint(10, 300)}"


@change_class(OTHER, "abstract then paper online first")
def _(rng, p, q):
    p.volume = p.issue = p.pages = ""
    q.year = (p.year or 2000) - 1
    q.issue, q.pages = "Suppl 2", f"A{rng.randint(10, 300)}"


@change_class(OTHER, "abstract then paper online first, one year")
def _(rng, p, q):
    p.volume = p.issue = p.pages = ""
    q.issue, q.pages = "Suppl 1", f"{rng.choice('AS')}{rng.randint(10, 300)}"


@change_class(OTHER, "letter and reply")
def _(rng, p, q):
    q.title = p.title + " - Reply"
    q.pages = str(int(p.pages.split("-")[1]) + 1)


@change_class(OTHER, "erratum")
def _(rng, p, q):
    q.title = rng.choice(("Erratum: ", "Correction to: ", 'Corrigendum to "')) + p.title
    q.issue, q.pages = str(int(p.issue) + 2), str(rng.randint(1, 900))


@change_class(OTHER, "preprint and paper")
def _(rng, p, q):
    q.journal = rng.choice(("medRxiv", "bioRxiv", "SSRN Electronic Journal", "Research Square"))
    uncited(q)


@change_class(OTHER, "another first author")
def _(rng, p, q):
    q.authors = [f"{rng.choice([s for s in SURNAMES if s not in p.authors[0]])}, B."]


@change_class(OTHER, "part 1 and part 2")
def _(rng, p, q):
    p.title += ": part 1"
    q.title = p.title[:-1] + "2"
    q.pages = str(int(p.pages.split("-")[1]) + 1)


@change_class(OTHER, "one word changed")
def _(rng, p, q):
    words = p.title.split(" ")
    k = max(range(len(words)), key=lambda i: len(words[i]))
    words[k] = rng.choice([w for w in WORDS if w not in p.title.lower()])
    q.title = " ".join(words)
    q.issue, q.pages = str(int(p.issue) % 12 + 1), str(rng.randint(1, 900))


@change_class(OTHER, "editorial column")
def _(rng, p, q):
    p.title, q.title = "Editor's comments", "Editor's Comments"
    q.issue = str(int(p.issue) % 12 + 1)
    q.pages = str(rng.randint(1, 900))


# Transliteration, titles cut short, years apart, author lists, a mistyped issue: in a module of their own.
import dedup_classes_adversary  # noqa: E402, F401  (look-alike surnames and words, Cochrane versions, comments, ...)
import dedup_classes_exports  # noqa: E402, F401  (markup, cut author lists, group authors, protocols, corrections)
import dedup_classes_more  # noqa: E402, F401  (registers its classes in SAME and OTHER)
import dedup_classes_round3  # noqa: E402, F401  (first-letter look-alikes, g/h surnames, chapters, translations)
import dedup_classes_scripts  # noqa: E402, F401  (German, Ukrainian, Serbian, Bulgarian, Greek, Latin diacritics)


def build(papers: int, seed: int) -> tuple[list, dict[int, str], dict[int, tuple[str, str]]]:
    """Candidates, each record's labelled group, and each record's class (its name, and "same" or "other")."""
    rng = random.Random(seed)
    records, group, klass = [], {}, {}
    classes = [(name, "same", change) for name, change in SAME.items()]
    classes += [(name, "other", change) for name, change in OTHER.items()]
    for number in range(papers):
        name, label, change = classes[number % len(classes)]
        p = Paper(rng, number)
        q = p.copy()
        q.doi = ""  # the second database gives no DOI, unless the class says otherwise
        change(rng, p, q)
        if label == "same" and rng.random() < 0.5:
            # The second database often lacks part of the citation: only the title and authors can then decide.
            for part in rng.sample(("volume", "issue", "pages", "journal"), rng.randint(1, 4)):
                setattr(q, part, "")
        pair = [p, q]
        rng.shuffle(pair)
        for i, doc in enumerate(pair):
            record_id = len(records) + 1
            records.append(_record(doc, record_id))
            group[record_id] = f"{number}" if label == "same" else f"{number}.{i}"
            klass[record_id] = (name, label)
    return records, group, klass


def score(records, group, klass, links) -> tuple[dict, dict]:
    parent = {r.id: r.id for r in records}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    possible: Counter[str] = Counter()
    for link in links:
        if link.possible:
            possible[klass[link.record_id][0]] += 1
        else:
            parent[find(link.record_id)] = find(link.original_id)
    clusters = defaultdict(list)
    for r in records:
        clusters[find(r.id)].append(r.id)
    per: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        name, label = klass[r.id]
        per[name]["records"] += 1
        per[name]["label"] = label
    for members in clusters.values():
        groups = {group[m] for m in members}
        name = klass[members[0]][0]
        per[name]["correct"] += len(members) - len(groups)
        per[name]["linked"] += len(members) - 1
        per[name]["false merges"] += len(groups) - 1
    for name, count in possible.items():
        per[name]["possible"] += count
    total = Counter()
    for counts in per.values():
        total.update({k: v for k, v in counts.items() if k != "label"})
        if counts["label"] == "same":
            total["true"] += counts["records"] // 2
    return per, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    records, group, klass = build(args.papers, args.seed)
    start = time.perf_counter()
    links = find_links([], records)
    seconds = time.perf_counter() - start
    per, total = score(records, group, klass, links)
    print(f"{'class':40} {'pairs':>5} {'found':>6} {'poss':>5} {'FM':>4}")
    for label in ("same", "other"):
        print("one document written two ways (recall)" if label == "same" else
              "two documents that look alike (no link wanted)")
        for name in sorted(n for n in per if per[n]["label"] == label):
            c = per[name]
            pairs = c["records"] // 2
            found = f"{c['correct'] / pairs:6.3f}" if label == "same" else f"{c['linked']:6d}"
            print(f"  {name:38} {pairs:5d} {found} {c['possible']:5d} {c['false merges']:4d}")
    precision = total["correct"] / total["linked"] if total["linked"] else 1.0
    print(f"records {len(records)}, true duplicates {total['true']}: precision {precision:.4f}, "
          f"recall {total['correct'] / total['true']:.4f}, false merges {total['false merges']}, "
          f"possible {100 * total['possible'] / len(records):.2f}% of records, {seconds:.2f} s")


if __name__ == "__main__":
    main()
