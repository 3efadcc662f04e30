"""More classes for ``bench_dedup_classes.py``: what other exports write differently, and their look-alikes.

One document written two ways: a Russian title or surname in two systems of transliteration (or in Cyrillic
and in Latin letters), German umlauts written out, a title cut short with an ellipsis, in the middle of a word
(80 to 150 characters) or before the numbers of its end, years apart with the same volume and pages (online first, then print), a first author a database
lost, an issue mistyped, a conference paper under its series' name (Lecture Notes in ...) the year after. Two documents that look alike: two Russian titles one word apart, two Russian first
authors, years apart in another volume or without one, a title cut short that another paper begins with, part 1
and part 2 cut before their numbers, a
column in each issue on the same pages, one author's two papers on the same pages of two issues, another first
author when both lists end in "et al.".

Each change takes (rng, p, q): two copies of one paper (``bench_dedup_classes.Paper``), the second to be changed.
"""

from __future__ import annotations

from dedup_class_tables import OTHER, SAME, change_class, uncited  # noqa: E402

# ---- Russian in Latin letters: one word list in Cyrillic, written by the systems databases use



def _listed(words: str) -> list[str]:
    return words.split()


RUSSIAN_WORDS = _listed("характеристика заболеваемость щитовидной железы детей лечение больных хронической сердечной "
                 "недостаточностью эффективность применения препарата пациентов ишемическим инсультом результаты "
                 "исследования влияние физической нагрузки качество жизни пожилых женщин мужчин течение язвенной "
                 "болезни желудка оценка риска развития осложнений хирургического вмешательства клинический случай "
                 "особенности диагностики профилактика туберкулеза подростков стационара щадящей частота")
RUSSIAN_SURNAMES = _listed("Яковлев Юдин Щукин Хохлов Цветков Жуков Чернов Шилов Ильин Зуев Соловьёв Григорьев Кудрявцев "
                    "Журавлёв Щербаков Ширяев Емельянов Дьячков Тихонов Якушев Цой Хрущёв Юсупова Чайковский "
                    "Достоевский Зайцева Ежов")
_COMMON = dict(zip("абвгдзклмнопрстуф", "abvgdzklmnoprstuf", strict=True))
SYSTEMS = {
    # BGN/PCGN (Scopus, Web of Science from the journal's own English pages)
    "bgn": {**_COMMON, "е": "e", "ё": "yo", "ж": "zh", "и": "i", "й": "y", "х": "kh", "ц": "ts", "ч": "ch",
            "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"},
    # Library of Congress without its ligatures (MEDLINE: Iakovlev, Iudin)
    "lc": {**_COMMON, "е": "e", "ё": "e", "ж": "zh", "и": "i", "й": "i", "х": "kh", "ц": "ts", "ч": "ch",
           "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia"},
    # ISO 9 / the scholarly system, with its letters (Žukov, Ščukin, Jakovlev)
    "iso": {**_COMMON, "е": "e", "ё": "ë", "ж": "ž", "и": "i", "й": "j", "х": "h", "ц": "c", "ч": "č",
            "ш": "š", "щ": "šč", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "ju", "я": "ja"},
    # the same without its letters, as a database that cannot write them gives it
    "plain": {**_COMMON, "е": "e", "ё": "e", "ж": "z", "и": "i", "й": "j", "х": "h", "ц": "c", "ч": "c",
              "ш": "s", "щ": "sc", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja"},
    "cyrillic": {},
}


def written(text: str, system: str) -> str:
    """Cyrillic ``text`` in one system's Latin letters (or as it is)."""
    table = SYSTEMS[system]
    if not table:
        return text
    out = "".join(table.get(c.lower(), c) for c in text)
    return out[:1].upper() + out[1:] if text[:1].isupper() else out


def _russian_title(rng) -> str:
    words = rng.sample(RUSSIAN_WORDS, rng.randint(6, 9))
    return " ".join(words).capitalize()


def _two_systems(rng) -> tuple[str, str]:
    first, second = rng.sample(sorted(SYSTEMS), 2)
    return first, second


@change_class(SAME, "transliterated title")
def _(rng, p, q):
    title = _russian_title(rng)
    ours, theirs = _two_systems(rng)
    p.title, q.title = written(title, ours), written(title, theirs)
    p.journal = q.journal = "Zhurnal Nevrologii i Psikhiatrii imeni S.S. Korsakova"


@change_class(SAME, "transliterated first author")
def _(rng, p, q):
    surname = rng.choice(RUSSIAN_SURNAMES)
    ours, theirs = _two_systems(rng)
    initials = rng.choice(("A. V.", "I. I.", "E. S."))
    p.authors[0], q.authors[0] = f"{written(surname, ours)}, {initials}", f"{written(surname, theirs)}, {initials}"


@change_class(SAME, "umlauts written out")
def _(rng, p, q):
    surname = rng.choice(("Müller", "Schäfer", "Köhler", "Böhm", "Krüger", "Jäger", "Bär", "Günther", "Möller"))
    p.authors[0] = f"{surname}, {p.authors[0].split(', ')[1]}"
    q.authors[0] = p.authors[0].replace("ü", "ue").replace("ä", "ae").replace("ö", "oe")


@change_class(SAME, "title cut with an ellipsis")
def _(rng, p, q):
    p.title = p.title.split(":")[0] + ": " + " ".join(rng.choice(("a", "the")) + " " + w for w in
                                                         ("pilot study", "comparison", "secondary analysis"))
    q.title = p.title[:rng.randint(45, min(100, len(p.title) - 5))].rstrip() + rng.choice(("...", "…", " ..."))


@change_class(SAME, "title cut mid-word, shorter")
def _(rng, p, q):
    p.title = p.title.split(":")[0] + ": secondary analyses of a multicentre cohort followed for several years"
    cut = rng.randint(85, min(140, len(p.title) - 3))
    while p.title[cut - 1] == " " or p.title[cut] == " ":
        cut -= 1  # in the middle of a word, as a database that keeps a fixed number of characters cuts
    q.title = p.title[:cut]


@change_class(SAME, "title cut before its numbers")
def _(rng, p, q):
    p.title += " " + " ".join(rng.choice(("across", "among", "within")) + " " + rng.choice(("cohort", "sample"))
                              for _ in range(30)) + f" in {rng.randint(1990, 2020)}-{rng.randint(2021, 2024)}"
    q.title = p.title[:rng.choice((200, 250, 255))]


@change_class(SAME, "years apart, same volume and pages")
def _(rng, p, q):
    q.year = (p.year or 2000) - rng.randint(2, 3)  # the year it was published online, given as the year


@change_class(SAME, "conference paper under its series' name")
def _(rng, p, q):
    p.journal = f"Proceedings of the {rng.randint(2, 30)}th International Conference on {rng.choice(('Software', 'Health'))}"
    p.volume = p.issue = ""
    q.journal, q.volume, q.issue = "Lecture Notes in Computer Science", str(rng.randint(9000, 14000)), ""
    q.year = (p.year or 2000) + 1  # the year the series' volume came out


@change_class(SAME, "first author lost")
def _(rng, p, q):
    while len(p.authors) < 4:
        p.authors.append(f"Other{len(p.authors)}, K.")
    q.authors = p.authors[1:]


@change_class(SAME, "issue mistyped")
def _(rng, p, q):
    q.issue = str(int(p.issue) % 12 + 1)


@change_class(OTHER, "two Russian titles one word apart")
def _(rng, p, q):
    words = rng.sample(RUSSIAN_WORDS, 8)
    other = rng.choice([w for w in RUSSIAN_WORDS if w not in words])
    ours, theirs = _two_systems(rng)
    p.title = written(" ".join(words).capitalize(), ours)
    q.title = written(" ".join(words[:-1] + [other]).capitalize(), theirs)
    q.issue, q.pages = str(int(p.issue) % 12 + 1), str(rng.randint(1, 900))


@change_class(OTHER, "two Russian first authors")
def _(rng, p, q):
    one, other = rng.sample(RUSSIAN_SURNAMES, 2)
    ours, theirs = _two_systems(rng)
    p.authors[0], q.authors[0] = f"{written(one, ours)}, A. V.", f"{written(other, theirs)}, A. V."


@change_class(OTHER, "years apart, another volume")
def _(rng, p, q):
    q.year = (p.year or 2000) + rng.randint(2, 6)  # a paper republished, or a guideline updated under its title
    q.volume = str(int(p.volume) + rng.randint(2, 6))


@change_class(OTHER, "years apart, first page only")
def _(rng, p, q):
    q.year = (p.year or 2000) + rng.randint(2, 6)  # a recurring report on the first page of a yearly issue
    q.volume = q.issue = ""
    p.pages, q.pages = "1-4", "1-3"


@change_class(OTHER, "a cut title another paper begins with")
def _(rng, p, q):
    p.title = p.title.split(":")[0] + ": a pilot study of feasibility"
    q.title = p.title.split(":")[0] + ": ..."
    q.issue, q.pages = str(int(p.issue) % 12 + 1), str(rng.randint(1, 900))


@change_class(OTHER, "part 1 and part 2 cut before their numbers")
def _(rng, p, q):
    p.title += " " + " ".join(rng.choice(("across", "among", "within")) + " " + rng.choice(("cohort", "sample"))
                              for _ in range(30)) + ": part 1"
    q.title = (p.title[:-1] + "2")[:250]  # part 2, as a database that cuts titles at 250 characters gives it
    uncited(q)


@change_class(OTHER, "a column in each issue")
def _(rng, p, q):
    p.title = q.title = rng.choice(("President's message", "From the editor's desk", "Letter from the chair"))
    p.pages = q.pages = "1-2"
    q.issue = str(int(p.issue) % 12 + 1)


@change_class(OTHER, "one author's two papers on the pages of two issues")
def _(rng, p, q):
    words = p.title.split()
    q.title = " ".join(words[len(words) // 2:] + words[:len(words) // 2]) + " in practice"  # a journal paginating
    q.issue = str(int(p.issue) % 12 + 1)  # each issue anew prints them on the same pages of one volume


@change_class(OTHER, "another first author, et al.")
def _(rng, p, q):
    p.authors = [p.authors[0].replace(",", "") + " et al."]
    q.authors = [f"{rng.choice([s for s in ('Tanaka', 'Berg', 'Owusu') if s not in p.authors[0]])} B et al."]
