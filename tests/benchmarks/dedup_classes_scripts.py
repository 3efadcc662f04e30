"""Classes for ``bench_dedup_classes.py``: one title or name in two scripts or systems of transliteration beyond
Russian's (German, Ukrainian, Serbian, Bulgarian, Greek), ё, a hard or soft sign typed as a quote, and Latin-script
names and titles with their diacritics kept or stripped (Polish, Czech, Turkish, Vietnamese, German). Their
look-alikes: two titles in one of those languages one real word apart.

Each change takes (rng, p, q): two copies of one paper (``bench_dedup_classes.Paper``), the second to be changed.
"""

from __future__ import annotations

import unicodedata

from dedup_class_tables import OTHER, SAME, change_class  # noqa: E402
from dedup_classes_more import RUSSIAN_SURNAMES, RUSSIAN_WORDS, SYSTEMS, written


def _listed(words: str) -> list[str]:
    return words.split()


def _spelt(text: str, table: dict[str, str], pairs: dict[str, str] | None = None) -> str:
    """``text`` letter by letter through ``table`` (two-letter ``pairs`` first), its first letter's case kept."""
    out, position, lower = [], 0, text.lower()
    while position < len(lower):
        pair = lower[position:position + 2]
        if pairs and pair in pairs:
            out.append(pairs[pair])
            position += 2
            continue
        out.append(table.get(lower[position], lower[position]))
        position += 1
    result = "".join(out)
    return result[:1].upper() + result[1:] if text[:1].isupper() else result


def _title(rng, words: list[str], low: int = 6, high: int = 9) -> list[str]:
    return rng.sample(words, rng.randint(low, high))


def _apart(rng, words: list[str]) -> tuple[list[str], list[str]]:
    """Two word lists one real word apart (the last word replaced by another of the language)."""
    ours = rng.sample(words, 8)
    return ours, ours[:-1] + [rng.choice([w for w in words if w not in ours])]


def _cited_apart(rng, p, q) -> None:
    q.issue, q.pages = str(int(p.issue) % 12 + 1), str(rng.randint(1, 900))


# ---- Russian the German way (Duden): w for в, s for з, z for ц, sch for ш, tsch for ч, sh for ж, ch for х

GERMAN = {**SYSTEMS["bgn"], "в": "w", "з": "s", "ц": "z", "ш": "sch", "ч": "tsch", "щ": "schtsch", "ж": "sh",
          "х": "ch", "й": "j", "ю": "ju", "я": "ja", "ё": "jo", "ы": "y"}


@change_class(SAME, "Russian transliterated the German way")
def _(rng, p, q):
    title = " ".join(_title(rng, RUSSIAN_WORDS)).capitalize()
    p.title, q.title = _spelt(title, GERMAN), written(title, rng.choice(("bgn", "lc", "cyrillic")))
    surname = rng.choice(RUSSIAN_SURNAMES)
    p.authors[0], q.authors[0] = f"{_spelt(surname, GERMAN)}, A.", f"{written(surname, 'bgn')}, A."


# ---- ё written yo, jo, e or ë; a hard or soft sign typed as " or '

YO_WORDS = _listed("ребёнок ребёнка зелёный всё ещё тёмный объём объёма учёт учёта пожилых щёк желёз подъём "
                   "осложнений лечение детей")


@change_class(SAME, "ё as yo, jo or e; a sign typed as a quote")
def _(rng, p, q):
    words = _title(rng, YO_WORDS + RUSSIAN_WORDS[:20], 6, 8)
    if not any("ё" in w for w in words):
        words[0] = rng.choice([w for w in YO_WORDS if "ё" in w])
    title = " ".join(words).capitalize()
    typed = {**SYSTEMS["plain"], "ъ": '"', "ь": "'"}
    p.title = written(title, rng.choice(("bgn", "cyrillic")))
    q.title = _spelt(title, rng.choice((typed, SYSTEMS["lc"], {**SYSTEMS["iso"], "ё": "jo"})))


# ---- Ukrainian: г as h (national, LC) or g (a Russian table), и as y, і, ї, є, ґ

UKRAINIAN_WORDS = _listed("особливості лікування гіпертонічної хвороби пацієнтів літнього віку гострого інфаркту "
                          "міокарда захворюваність дітей шкільного регіону київської області реабілітація після "
                          "інсульту якість життя хворих цукровий діабет профілактика ускладнень вплив фізичного "
                          "навантаження їхніх батьків європейського ґрунтових гігієнічна оцінка")
_UK = dict(zip("абвдзклмнопрстуф", "abvdzklmnoprstuf", strict=True))
UKRAINIAN = {
    "national": {**_UK, "г": "h", "ґ": "g", "е": "e", "є": "ie", "ж": "zh", "и": "y", "і": "i", "ї": "i", "й": "i",
                 "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": ""},
    "initial": {**_UK, "г": "h", "ґ": "g", "е": "e", "є": "ye", "ж": "zh", "и": "y", "і": "i", "ї": "yi", "й": "y",
                "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "'": ""},
    "scholarly": {**_UK, "г": "h", "ґ": "g", "е": "e", "є": "je", "ж": "ž", "и": "y", "і": "i", "ї": "ji",
                  "й": "j", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ь": "ʹ", "ю": "ju", "я": "ja"},
    "russian table": {**_UK, "г": "g", "ґ": "g", "е": "e", "є": "e", "ж": "zh", "и": "i", "і": "i", "ї": "i",
                      "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya"},
    "cyrillic": {},
}
UKRAINIAN_SURNAMES = _listed("Гнатенко Григоренко Ївченко Євтушенко Головко Шевчук Ковальчук Гончаренко Ігнатенко")


def _ukrainian(text: str, system: str) -> str:
    return _spelt(text, UKRAINIAN[system]) if UKRAINIAN[system] else text


@change_class(SAME, "Ukrainian title in two systems")
def _(rng, p, q):
    title = " ".join(_title(rng, UKRAINIAN_WORDS)).capitalize()
    ours, theirs = rng.sample(sorted(UKRAINIAN), 2)
    p.title, q.title = _ukrainian(title, ours), _ukrainian(title, theirs)
    surname = rng.choice(UKRAINIAN_SURNAMES)
    p.authors[0], q.authors[0] = f"{_ukrainian(surname, ours)}, O.", f"{_ukrainian(surname, theirs)}, O."


@change_class(OTHER, "two Ukrainian titles one word apart")
def _(rng, p, q):
    ours, theirs = _apart(rng, UKRAINIAN_WORDS)
    one, other = rng.sample(sorted(UKRAINIAN), 2)
    p.title = _ukrainian(" ".join(ours).capitalize(), one)
    q.title = _ukrainian(" ".join(theirs).capitalize(), other)
    _cited_apart(rng, p, q)


# ---- Serbian (Cyrillic, Latin with its letters, Latin without them) and Bulgarian (Cyrillic, official, LC)

SERBIAN_WORDS = _listed("ефикасност лечења пацијената хроничном болешћу бубрега војводини квалитет живота ђака "
                        "основних школа њихових родитеља учесталост љекара одређивање џепних повреда "
                        "кардиоваскуларних ризика")
_SR = dict(zip("абвгдезиклмнопрстуф", "abvgdeziklmnoprstuf", strict=True))
SERBIAN = {
    "latin": {**_SR, "ђ": "đ", "ж": "ž", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "ć", "х": "h", "ц": "c", "ч": "č",
              "џ": "dž", "ш": "š"},
    "ascii": {**_SR, "ђ": "dj", "ж": "z", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "х": "h", "ц": "c", "ч": "c",
              "џ": "dz", "ш": "s"},
    "cyrillic": {},
}
BULGARIAN_WORDS = _listed("разпространение затлъстяването сред децата българия качество живот пациенти захарен "
                          "диабет лечение хронична сърдечна недостатъчност щитовидната жлеза възрастни оценка "
                          "рисковите фактори")
_BG = dict(zip("абвгдезиклмнопрстуф", "abvgdeziklmnoprstuf", strict=True))
BULGARIAN = {
    "official": {**_BG, "ж": "zh", "й": "y", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a",
                 "ь": "y", "ю": "yu", "я": "ya"},
    "lc": {**_BG, "ж": "zh", "й": "ĭ", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "ŭ", "ь": "ʹ",
           "ю": "iu", "я": "ia"},
    "cyrillic": {},
}


def _in(text: str, systems: dict[str, dict[str, str]], system: str) -> str:
    return _spelt(text, systems[system]) if systems[system] else text


@change_class(SAME, "Serbian or Bulgarian title in two scripts")
def _(rng, p, q):
    words, systems = rng.choice(((SERBIAN_WORDS, SERBIAN), (BULGARIAN_WORDS, BULGARIAN)))
    title = " ".join(_title(rng, words)).capitalize()
    ours, theirs = rng.sample(sorted(systems), 2)
    p.title, q.title = _in(title, systems, ours), _in(title, systems, theirs)


@change_class(OTHER, "two Serbian or Bulgarian titles one word apart")
def _(rng, p, q):
    words, systems = rng.choice(((SERBIAN_WORDS, SERBIAN), (BULGARIAN_WORDS, BULGARIAN)))
    ours, theirs = _apart(rng, words)
    one, other = rng.sample(sorted(systems), 2)
    p.title = _in(" ".join(ours).capitalize(), systems, one)
    q.title = _in(" ".join(theirs).capitalize(), systems, other)
    _cited_apart(rng, p, q)


# ---- Greek: in Greek letters, ELOT 743, a phonetic and a classical romanisation

GREEK_WORDS = _listed("επιδημιολογία σακχαρώδη διαβήτη ηλικιωμένους ασθενείς κρήτης αξιολόγηση ποιότητας ζωής "
                      "εγκεφαλικό επεισόδιο θεραπεία χρόνιας καρδιακής ανεπάρκειας νοσηλευτές παιδιών "
                      "ψυχολογική υποστήριξη φαρμακευτική αγωγή")
_EL = dict(zip("αγδεζικλμνξοπρστω", "agdeziklmnxoprsto", strict=True))
GREEK = {
    "elot": ({**_EL, "β": "v", "η": "i", "θ": "th", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ς": "s"}, {}),
    "phonetic": ({**_EL, "β": "v", "η": "i", "θ": "th", "υ": "i", "φ": "f", "χ": "h", "ψ": "ps", "ς": "s"},
                 {"ου": "u", "αι": "e", "ει": "i", "οι": "i"}),
    "classical": ({**_EL, "β": "b", "η": "e", "θ": "th", "υ": "y", "φ": "ph", "χ": "ch", "ψ": "ps", "ς": "s"}, {}),
    "greek": ({}, {}),
}


def _greek(text: str, system: str) -> str:
    table, pairs = GREEK[system]
    if not table:
        return text
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _spelt(plain, table, pairs)


@change_class(SAME, "Greek title in letters and romanised")
def _(rng, p, q):
    title = " ".join(_title(rng, GREEK_WORDS)).capitalize()
    ours, theirs = rng.sample(sorted(GREEK), 2)
    p.title, q.title = _greek(title, ours), _greek(title, theirs)


@change_class(OTHER, "two Greek titles one word apart")
def _(rng, p, q):
    ours, theirs = _apart(rng, GREEK_WORDS)
    one, other = rng.sample(sorted(GREEK), 2)
    p.title, q.title = _greek(" ".join(ours).capitalize(), one), _greek(" ".join(theirs).capitalize(), other)
    _cited_apart(rng, p, q)


# ---- Latin script: diacritics kept in one database, stripped (or written out) in another

LATIN_TITLES = (
    "Ocena jakości życia pacjentów po udarze mózgu w województwie łódzkim",
    "Wpływ ćwiczeń fizycznych na równowagę osób starszych w Łodzi",
    "Účinnost léčby u pacientů s chronickým srdečním selháním v Čechách",
    "Řízení rizik pádů u seniorů v domácí péči",
    "Türkiye'de yaşlı hastalarda düşme riskinin değerlendirilmesi",
    "Işık tedavisinin uyku kalitesi üzerine etkisi: çok merkezli çalışma",
    "Đánh giá chất lượng cuộc sống của bệnh nhân đái tháo đường týp 2",
    "Thực trạng suy dinh dưỡng ở trẻ em dưới năm tuổi tại Hà Nội",
    "Lebensqualität älterer Menschen nach Hüftgelenksersatz: Ergebnisse einer Längsschnittstudie",
    "Größe und Gewicht von Schülern in Süddeutschland über zwei Jahrzehnte",
)
LATIN_NAMES = ("Wróbel, Ł.", "Brzęczyszczykiewicz, G.", "Dvořák, J.", "Řezníček, P.", "Işık, Ş.", "Yıldız, Ö.",
               "Nguyễn, T. H.", "Đặng, V.", "Größer, J.", "Schäfer, M.")
_WRITTEN_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_STRIPPED = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ß": "ss"})


def _unique(p, title: str) -> str:
    """``title`` with the words of the paper's own title after it: no two pairs of the class share a title."""
    return f"{title}: {p.title.split(':')[0].lower()}"


def stripped(text: str) -> str:
    """``text`` as a database that cannot write diacritics gives it (Łódź, Lodz; Đặng, Dang)."""
    plain = unicodedata.normalize("NFD", text.translate(_STRIPPED))
    return "".join(c for c in plain if not unicodedata.combining(c))


@change_class(SAME, "Latin diacritics stripped or written out")
def _(rng, p, q):
    p.title, p.authors[0] = _unique(p, rng.choice(LATIN_TITLES)), rng.choice(LATIN_NAMES)
    out = rng.random() < 0.3 and any(c in p.title + p.authors[0] for c in "äöüß")
    q.title, q.authors[0] = ((p.title.translate(_WRITTEN_OUT), p.authors[0].translate(_WRITTEN_OUT)) if out
                             else (stripped(p.title), stripped(p.authors[0])))


@change_class(OTHER, "two German titles one word apart, umlauts written out")
def _(rng, p, q):
    german = rng.choice(LATIN_TITLES[-2:])
    word = max(german.split(), key=len)
    p.title = _unique(p, german)
    q.title = p.title.replace(word, rng.choice(("Mädchen", "Jungen", "Lehrkräfte", "Pflegekräfte"))).translate(
        _WRITTEN_OUT)
    _cited_apart(rng, p, q)
