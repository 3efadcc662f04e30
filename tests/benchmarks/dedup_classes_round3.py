"""Classes for ``bench_dedup_classes.py`` left open by the earlier rounds.

Two documents that look alike: one title word another word its first letter apart (*depression* and
*repression*, *weight* and *height*), first authors whose surnames a transliteration's folding of g and h joins
(Hoffman and Goffman, Hirsch and Girsch: two people where nothing says the name came from Cyrillic), and a book
chapter with its book's title and no pages beside the book. One document written two ways: a translated title
given with its original before it ("original [English]", "original. English", "original = English") in a record
without the rest of its citation.

Each change takes (rng, p, q): two copies of one paper (``bench_dedup_classes.Paper``), the second to be changed.
"""

from __future__ import annotations

from dedup_class_tables import OTHER, SAME, change_class, first_authors_apart, one_word_apart, uncited  # noqa: E402

# Real words of another meaning, their first letter apart.
FIRST_LETTER = (("depression", "repression"), ("weight", "height"), ("dental", "mental"), ("ventral", "central"),
                ("location", "vocation"), ("hearing", "bearing"), ("mortality", "portality"), ("fever", "lever"),
                ("sensation", "pensation"), ("nation", "ration"), ("bone", "tone"), ("pain", "gain"),
                ("mutation", "rotation"), ("cortical", "vortical"), ("rate", "date"), ("loss", "moss"))
# Surnames a fold of g and h (Ukrainian г written h) joins, of people who are not named from Cyrillic.
G_H_SURNAMES = (("Hoffman", "Goffman"), ("Heller", "Geller"), ("Hirsch", "Girsch"), ("Hartmann", "Gartmann"),
                ("Holden", "Golden"), ("Hill", "Gill"), ("Hardy", "Gardy"), ("Hunter", "Gunter"),
                ("Harris", "Garris"), ("Hansen", "Gansen"))
# A title in its own language (with its small words, as a real one has) before the English translation.
ORIGINALS = ("Wirkung einer Schulung auf die Versorgung von Kindern mit Asthma im Krankenhaus",
             "Effet d'un programme d'exercice sur la qualité de vie des patients âgés",
             "Efecto de la intervención comunitaria en los pacientes con diabetes y obesidad",
             "Efeito do treinamento na dor crônica dos trabalhadores de saúde",
             "Effetto della terapia fisica sul dolore e sulla qualità della vita negli anziani",
             "Wpływ ćwiczeń na jakość życia pacjentów po udarze mózgu",
             "Effekt av fysisk aktivitet på sömn och trötthet hos äldre personer")


@change_class(OTHER, "one title word a first letter apart")
def _(rng, p, q):
    one_word_apart(rng, p, q, FIRST_LETTER, "{head} and {word} in older adults")


@change_class(OTHER, "first authors a g and h apart, one title")
def _(rng, p, q):
    first_authors_apart(rng, p, q, G_H_SURNAMES)


@change_class(OTHER, "a book chapter with its book's title and the book")
def _(rng, p, q):
    # The book (no journal, no pages) and its opening chapter, titled as the book, cited in it without pages.
    p.work, q.work = "Book", rng.choice(("Book chapter", "Book Section", "incollection"))
    p.journal, q.journal = "", p.title
    p.volume = p.issue = p.pages = q.volume = q.issue = q.pages = ""


@change_class(SAME, "translated title after its original, uncited")
def _(rng, p, q):
    original = rng.choice(ORIGINALS)
    english = p.title
    p.title = f"[{english}]" if rng.random() < 0.5 else english
    q.title = rng.choice((f"{original} [{english}]", f"{original}. {english}", f"{original} = {english}"))
    uncited(q)
    if rng.random() < 0.5:
        q.journal = ""
