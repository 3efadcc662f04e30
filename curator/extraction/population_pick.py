"""The study's population (``pico.population``): a labelled section, else the people the summary enrols, else the
condition the title names, its inclusion criteria or the conditions listed, then the people named with them.

Reviewers write who took part, not what was studied: "children aged 2 to 12 years with recurrent sore throat"
rather than "recurrent sore throat", the people the methods enrol rather than those of a background sentence
("Women with dense breasts have a higher risk ..."), a plain "Who can take part" answer rather than a numbered
criteria list, and never the sentences that say who cannot take part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from curator.extraction import pico as pico_finders
from curator.extraction.layout import Document
from curator.extraction.people import PEOPLE_WORDS, people_phrase
from curator.extraction.people_with import bare_condition, people_with_condition
from curator.extraction.runin import run_in_value
from curator.extraction.study_sentence import is_study_sentence
from curator.extraction.terms import annotate_abbreviations, find_conditions
from curator.extraction.textutil import clip
from curator.extraction.values import Spans, put

Scalar = Callable[[Document, str], "tuple[str, Spans] | None"]
Zones = list[tuple[int, int]]

# "School-Based Asthma [Therapy]", "Nurse-Led Heart Failure [Clinics]": how a treatment is given, not an illness.
_HOW_GIVEN_RE = re.compile(r"^[\w]+-(?:based|led|delivered|guided|assisted|supported|enhanced)\s", re.I)
_COUNT_RE = re.compile(r"^\d{1,3}(?:[, ]\d{3})*$|^\d{1,7}$")
# A criteria list ("1. Parent or carer aged 16 ...", "- Age 5 to 12 years"): a plain answer says it better.
_LIST_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*])\s")
# A plain-language "Who can take part" heading, as the page gives it.
_PLAIN_WHO_RE = re.compile(r"^\s*(?:who\s+(?:can|could|is\s+able\s+to)\s+(?:take\s+part|participate|join)|who\s+is\s+eligible"
                           r"|can\s+i\s+take\s+part)\b", re.I)
# A sentence saying who cannot take part, after the one saying who can.
_CANNOT_RE = re.compile(r"\b(?:can\s*not|can't|cannot|not\s+(?:be\s+)?(?:able|eligible)\s+to|are\s+not\s+eligible"
                        r"|will\s+be\s+excluded|are\s+excluded|exclusion)\b", re.I)


def fill_population(doc: Document, fields: dict[str, Any], known: bool, title_zones: Zones, summary_zones: Zones,
                    abbrs: dict[str, str], low: str | None, scalar: Scalar) -> None:
    """Put ``pico.population`` (and an enrolment a "Participants: 1,640" label gives) into ``fields``."""
    text = doc.text
    pop = scalar(doc, "pico.population")
    if pop and _COUNT_RE.match(pop[0]):  # "Participants: 1,640" says how many, not who
        if fields["enrollment"] is None:
            put(fields, "enrollment", int(pop[0].replace(",", "").replace(" ", "")), pop[1])
        pop = None
    if pop is None and known and fields["kind"] == "article":
        run_in = run_in_value(doc, "pico.population")  # BMJ's "Patients Children aged 2 to 12 years ..."
        pop = (run_in[0], [[run_in[1], run_in[2]]]) if run_in else None
    if pop:
        put(fields, "pico.population", *_people_of_section(text, _who_can(text, pop), fields, abbrs, low))
        return
    if not known:
        return
    got = pico_finders.population(text, summary_zones, fields["conditions"], abbrs, low)
    plain = _plain_who(doc, scalar) if got is None else None  # "Who can take part": the people, not the title's illness
    if got is None and not summary_zones and plain is None and fields["kind"] == "trial":
        # a registry's title alone: "... in postmenopausal women with osteoporosis" (an entry's title alone waits for
        # its abstract, as the fill counts it)
        got = pico_finders.population(text, title_zones, [], abbrs, low)
    if got:
        put(fields, "pico.population", got[0], [[got[1], got[2]]])
    elif plain:
        put(fields, "pico.population", *_who_can(text, plain))
    else:
        for s, e in title_zones:
            vs = text.find(" versus ", s, e)  # "therapy for insomnia versus ...": the arm's name, not who
            conds = [(n, s + a, s + b) for n, a, b in find_conditions(text[s:e])]
            conds = [c for c in conds if (vs < 0 or c[2] > vs or text[c[1] - 4:c[1]] != "for ")
                     and not _HOW_GIVEN_RE.match(c[0])]
            if conds:
                put(fields, "pico.population", clip(annotate_abbreviations(conds[0][0], abbrs), 300),
                    [[conds[0][1], conds[0][2]]])
                break
    if fields["pico"]["population"] is None:
        inc = scalar(doc, "inclusion")
        if inc:
            put(fields, "pico.population", *_who_can(text, inc))
        elif fields["conditions"]:
            put(fields, "pico.population", "; ".join(fields["conditions"][:3]), fields["evidence"].get("conditions"))
    got = people_with_condition(text, low, title_zones + summary_zones, fields["pico"]["population"])
    if got is None:
        got = _enrolled_over_aside(text, fields, summary_zones)
    if got is None and fields["pico"]["population"] is None and summary_zones:  # a title alone waits
        got = (_enrolled(text, summary_zones) if fields["kind"] == "article" else None) or _title_people(text, title_zones)
    if got:  # "alopecia areata" is what is studied; "adults with severe alopecia areata" who
        put(fields, "pico.population", got[0], [[got[1], got[2]]])


def _plain_who(doc: Document, scalar: Scalar) -> tuple[str, Spans] | None:
    """The answer under a plain-language "Who can take part" heading, when the page has one."""
    for hit in doc.own_hits("inclusion"):
        if _PLAIN_WHO_RE.match(doc.lines[hit.line].text):
            lines = [ln for p in doc.paragraphs(hit) for ln in p][:6]
            said = " ".join(ln.text.strip() for ln in lines).strip()
            if said and not _LIST_RE.match(said):
                return clip(said, 300), [[ln.start, ln.end] for ln in lines]
    return None


def _who_can(text: str, found: tuple[str, Spans]) -> tuple[str, Spans]:
    """``found`` without the sentences, after the first, that say who cannot take part."""
    value, spans = found
    if len(spans) < 1 or not _CANNOT_RE.search(value):
        return found
    start = spans[0][0]
    for cut in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])", value):
        if _CANNOT_RE.search(value, cut.end(), value.find(".", cut.end()) + 1 or len(value)):
            kept = value[:cut.start()].rstrip()
            if text[start:start + len(kept)] == kept:
                return kept, [[start, start + len(kept)]]
            return found
    return found


def _enrolled_over_aside(text: str, fields: dict[str, Any], zones: Zones) -> tuple[str, int, int] | None:
    """The people a summary enrols ("Pupils aged 8 to 12 years ... were enrolled"), when the population is only a
    condition named by a background or results sentence ("Diarrhoea and respiratory infections are ...")."""
    pop = fields["pico"]["population"]
    spans = fields["evidence"].get("pico.population") or []
    if fields["kind"] != "article" or not pop or len(spans) != 1 or not zones or " with " in pop \
            or bare_condition(pop) is None:
        return None
    if not any(s <= spans[0][0] < e for s, e in zones) or is_study_sentence(text, spans[0][0], zones):
        return None
    people = people_phrase(text, zones)
    if people is None or not is_study_sentence(text, people[1], zones):
        return None
    return people


# A section that opens with its design or setting ("Cluster randomised trial in 26 clinics. Patients aged ..."):
# the people are further on.
_DESIGN_OPENING_RE = re.compile(r"^\W*(?:(?:this|a|an|the|we)\s+)?(?:[\w\-]+\s+){0,4}?(?:trial|study|survey|cohort|design"
                                r"|conducted|settings?)\b", re.I)


def _people_of_section(text: str, found: tuple[str, Spans], fields: dict[str, Any], abbrs: dict[str, str],
                       low: str | None) -> tuple[str, Spans]:
    """The people a long labelled section names ("Design, Setting, and Participants"), else the section."""
    value, spans = found
    if len(value.split()) <= 30 and not _DESIGN_OPENING_RE.match(value):
        return found
    zones = [(s, e) for s, e in spans]
    got = pico_finders.population(text, zones, fields["conditions"], abbrs, low) or people_phrase(text, zones)
    return (got[0], [[got[1], got[2]]]) if got else found


def _enrolled(text: str, zones: Zones) -> tuple[str, int, int] | None:
    """The people a sentence of the summary enrols, counts or randomises."""
    people = people_phrase(text, zones) if zones else None
    if people is None or re.search(r"\d", people[0]) and re.search(r"\band\s+\d", people[0]):
        return None  # "households and 1,987 children": counts of what was enrolled, not who
    return people if is_study_sentence(text, people[1], zones) else None


# "... in children younger than five years in rural Amhara", "... among university students in Uganda", "... for
# adults with low mood in primary care": the people a title names after its preposition, to where a place begins.
_TITLE_PEOPLE_RE = re.compile(r"\b(?:in|among|amongst|for|of)\s+((?:[A-Za-z][\w\-]*\s+){0,2}?(?:" + PEOPLE_WORDS
                              + r")\b[^:;()\[\]]{0,80}?)(?=\s+(?:in|at|from|across)\s+[A-Z]|\s*[:;(\[]|\s+in\s+"
                              r"(?:primary|secondary|general|rural|urban|the|a|an)\b|\s*$)")
_NOT_TITLE_PEOPLE = frozenset(("the", "a", "an", "all", "some", "most", "many", "other", "our", "their"))


def _title_people(text: str, zones: Zones) -> tuple[str, int, int] | None:
    """The people a title names ("... among university students in Uganda": "university students")."""
    for s, e in zones:
        end = text.rfind(":", s, e)
        m = _TITLE_PEOPLE_RE.search(text[s:end if end > s else e])
        if m and m.group(1).split()[0].lower() not in _NOT_TITLE_PEOPLE:
            return m.group(1), s + m.start(1), s + m.end(1)
    return None
