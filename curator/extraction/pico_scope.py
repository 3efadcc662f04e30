"""Whether a bibliographic entry is the kind of study PICO describes: health care, or a trial in any field.

A review's search brings records of every field. "The Impact of Trust on Intention to Use" or "Pair versus
Solo Programming" read like "Effects of X on Y" and "X versus Y", but naming an intervention and a control
for them gives the reviewer words to delete: a wrong value is worse than none. So the PICO of an entry is
looked for only when its title and abstract speak of health, illness, treatment, patients or animals (the
words below, a drug's or an operation's ending; two of them, as one is often a manner of speaking), of
patients, or of a randomised comparison in any field.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from itertools import chain, islice
from operator import methodcaller

# Health, illness, care and the beings studied, as the starts of words (a start is enough: "diabet", "rehabilit").
_STARTS = (
    "diseas", "clinic", "health", "symptom", "diagnos", "prognos", "therap", "treat", "medic", "hospital", "syndrom",
    "disorder", "infect", "cancer", "pain", "nurs", "surg", "pregnan", "injur", "mortal", "morbid", "death", "tumo",
    "carcinom", "lymphom", "leuk", "remission", "patholog", "blood", "cardi", "coronar", "heart", "renal", "kidney",
    "hepat", "liver", "pulmon", "lung", "respirat", "psychiatr", "psychother", "psychos", "psychotic", "dental",
    "dentist", "vaccin", "immun", "obes", "overweight", "diabet", "fractur", "stroke", "rehabilit", "physiother",
    "exercis", "nutrition", "diet", "vitamin", "supplement", "drug", "dose", "dosing", "placebo", "pharma",
    "smok", "tobacco", "alcohol", "opioid", "addict", "covid",
    "influenza", "malaria", "tubercul", "asthma", "dementia", "alzheimer", "parkinson", "depress", "schizophren",
    "bipolar", "autis", "insomnia", "sleep", "birth", "infant", "neonat", "newborn", "matern", "perinat", "prenatal",
    "postnatal", "postpartum", "geriatr", "paediatr", "pediatr", "frail", "acupunct", "anaesth", "anesth",
    "wellbeing", "arthrit", "osteo", "musculo", "muscle", "bone", "skin", "dermat", "ocular", "ophthalm", "retin",
    "glaucom", "hearing", "neurolog", "neuro", "brain", "spinal", "hypertens", "hypotens", "cholesterol", "lipid",
    "glucose", "insulin", "glycem", "glycaem", "epidemi", "veterinar", "cattle", "dairy", "calves", "poultry",
    "rodent", "antibiot", "antimicrob", "antiviral", "bacteri", "sepsis", "wound", "ulcer", "inflamm", "chemo",
    "radiother", "transplant", "dialys", "caregiv", "palliat", "hospice", "suicid", "delirium", "epilep",
    "migraine", "headache", "aphasia", "dysphag", "incontinen", "menopaus", "contracept", "fertility", "infertil",
    "caesarean", "cesarean", "breastfeed", "midwi", "physician", "doctor", "clinician", "pharmacist", "biomarker",
    "serum", "genotyp", "allerg", "eczema", "psoria", "myop", "amblyop", "mammogra", "colonoscop", "ultrasound",
    "biopsy", "hba1c", "prevalen", "incidence", "myocard", "infarct", "stent", "bowel", "postoperat",
    "preoperat", "perioperat", "sedentar", "haemorrh", "hemorrh", "hemipleg", "parapleg", "tetrapleg", "quadripleg",
    "palsy", "paresis", "spastic", "concussion", "neglect", "cognit",
)
# Short words that count only whole ("sham", not "shame").
_WORDS = frozenset(("hiv", "sars", "copd", "adhd", "mri", "rats", "mice", "cows", "pigs", "icu"))
# What says enough alone: a randomised comparison (in any field), a trial's primary outcome, or patients. Any other
# word needs a second.
_STRONG_STARTS = ("randomi", "placebo", "patient")
_STRONG_WORDS = frozenset(("sham",))
_STRONG_PHRASES = ("randomly assigned", "randomly allocated", "randomly divided", "random allocation",
                   "random assignment", "controlled trial", "control group", "primary outcome", "primary endpoint",
                   "primary end point", "main outcome")
# Words of several words, looked for as they are written.
_PHRASES = ("mental health", "mental ill", "quality of life", "weight loss", "animal model", "in vitro", "in vivo",
            "intensive care", "emergency department", "primary care", "self-harm", "eating disorder",
            "cognitive impair", "general practi", "gene therap", "sexual health", "physical therap",
            "occupational therap", "physical activ", "well-being", "odds ratio", "hazard ratio", "risk ratio", "relative risk")
# Endings of drugs ("-mab", "-gliflozin"), illnesses ("-itis", "-aemia") and operations ("-ectomy", "-plasty"), after
# at least two letters ("otitis").
_ENDINGS = ("mab", "tinib", "ciclib", "parib", "pril", "sartan", "olol", "dipine", "statin", "mycin", "cillin",
            "cycline", "floxacin", "azole", "vir", "parin", "gliflozin", "gliptin", "glutide", "formin", "dronate",
            "prazole", "oxetine", "triptyline", "azepam", "triptan", "caine", "sone", "olone", "itis", "osis", "aemia",
            "emia", "oma", "pathy", "plasty", "ectomy", "otomy", "ostomy", "oscopy", "algia", "plegia", "phasia",
            "trophy", "uria", "penia", "cytosis", "opia")
# Words that start or end like an illness or a drug but are neither.
_NOT_HEALTH = frozenset(("symbiosis", "osmosis", "empathy", "sympathy", "telepathy", "dichotomy", "nostalgia",
                         "trialability", "brainstorming", "brainstorm", "paint", "painting", "paints", "painted",
                         "treaty", "treaties", "surge", "surges", "surging", "cardinal", "cardinality", "liverpool",
                         "hospitality", "academia", "diploma", "diplomas", "aroma", "someone", "reason"))


def _by_key(items: tuple[str, ...], key: slice) -> dict[str, tuple[str, ...]]:
    out: defaultdict[str, list[str]] = defaultdict(list)
    for item in items:
        out[item[key]].append(item)
    return {k: tuple(v) for k, v in out.items()}


_START_KEY = slice(0, 4)
_END_KEY = slice(-3, None)
_STARTS_BY_KEY = _by_key(_STARTS, _START_KEY)  # every start has four letters or more
_ENDINGS_BY_KEY = _by_key(_ENDINGS, _END_KEY)  # every ending three or more
_WORD_RE = re.compile(r"[a-z][a-z0-9-]*")
_KEYS_OF_STARTS = frozenset(_STARTS_BY_KEY) | {s[:4] for s in _STRONG_STARTS} | {w[:4] for w in _STRONG_WORDS}
_KEYS_OF_ENDINGS = frozenset(_ENDINGS_BY_KEY)
_FIRST_WORDS = 30
_WORD = methodcaller("group")


def _health_word(word: str) -> str | None:
    """The start, ending or word by which ``word`` speaks of health, or None."""
    if word in _WORDS:
        return word
    if word in _NOT_HEALTH:
        return None
    for start in _STARTS_BY_KEY.get(word[:4], ()):
        if word.startswith(start):
            return start
    for ending in _ENDINGS_BY_KEY.get(word[-3:], ()):
        if word.endswith(ending) and len(word) >= len(ending) + 2:
            return ending
    return None


def _later_words(low: str, first: list[re.Match[str]]) -> Iterator[str]:
    """The words of ``low`` after its ``first`` ones, each once, that could speak of health by their first or last
    letters."""
    if len(first) == _FIRST_WORDS:
        for w in set(_WORD_RE.findall(low, first[-1].end())):
            if w[:4] in _KEYS_OF_STARTS or w[-3:] in _KEYS_OF_ENDINGS or w in _WORDS:
                yield w


def speaks_of_health(text: str, enough: int = 2) -> bool:
    """Whether ``text`` speaks of health, illness, care, treatment or animals (``enough`` different words of it:
    "immune" or "treated" alone is a manner of speaking), of patients, or of a randomised comparison."""
    low = text.lower()
    first = list(islice(_WORD_RE.finditer(low), _FIRST_WORDS))
    # Most studies say so in their first words (read in order, to stop there; the others are read only then)
    found: set[str] = set()
    for word in chain(map(_WORD, first), _later_words(low, first)):
        if word.startswith(_STRONG_STARTS) or word in _STRONG_WORDS:
            return True
        key = _health_word(word)
        if key is not None:
            found.add(key)
            if len(found) >= enough:
                return True
    if any(p in low for p in _STRONG_PHRASES):
        return True
    found.update(p for p in _PHRASES if p in low)
    return len(found) >= enough


# A title alone may be read with one word of health when it names the comparison or the trial ("Sotagliflozin
# versus placebo in acute myocardial infarction"); else it needs two ("Music therapy for acquired brain injury"),
# not "the role of X in Y" with one word of health in it.
_TRIAL_TITLE_RE = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|placebo|sham|randomi[sz]ed|trial)\b", re.I)


def within_pico_scope(text: str, title_zones: list[tuple[int, int]], summary_zones: list[tuple[int, int]],
                      names_given: bool = False) -> bool:
    """Whether the entry's title and abstract (``text``'s zones) speak of a study PICO describes; a title alone that
    ``names_given`` (a treatment in one of a question's patterns) needs one word of health, as a trial's does."""
    if summary_zones:
        return speaks_of_health(" ".join(text[s:e] for s, e in title_zones + summary_zones))
    title = " ".join(text[s:e] for s, e in title_zones)
    return speaks_of_health(title, enough=1 if names_given or _TRIAL_TITLE_RE.search(title) else 2)


def page_within_pico_scope(text: str, title_zones: list[tuple[int, int]], summary_zones: list[tuple[int, int]]) -> bool:
    """The same for an article's page: its title and summary, or its first lines when no summary was found."""
    if summary_zones:
        return within_pico_scope(text, title_zones, summary_zones)
    return speaks_of_health(text[:_PAGE_HEAD])


_PAGE_HEAD = 5000
