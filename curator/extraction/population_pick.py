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
from curator.extraction.criteria_lines import inclusion_naming_people
from curator.extraction.layout import Document
from curator.extraction.people import people_phrase
from curator.extraction.people_with import bare_condition, people_with_condition
from curator.extraction.population_people import coded_condition, condition_only, people_named, title_people
from curator.extraction.population_prose import enrolled_people
from curator.extraction.population_trim import criteria_people, long_criterion, tidy_people
from curator.extraction.runin import run_in_value
from curator.extraction.study_sentence import is_aside, is_study_sentence
from curator.extraction.terms import annotate_abbreviations, find_conditions
from curator.extraction.textutil import clip
from curator.extraction.values import Spans, put

Scalar = Callable[[Document, str], "tuple[str, Spans] | None"]
Zones = list[tuple[int, int]]

# "School-Based Asthma [Therapy]", "Nurse-Led Heart Failure [Clinics]": how a treatment is given, not an illness.
_HOW_GIVEN_RE = re.compile(r"^[\w]+-(?:based|led|delivered|guided|assisted|supported|enhanced)\s", re.I)
# A verb done to the people just before them ("washing patients with soap", "cleaning patients with swabs"), not one
# that names who takes part ("including patients with", "enrolling adults with").
_DONE_TO_RE = re.compile(r"\b(?!(?:includ|involv|enroll?|recruit|randomi[sz]|compris|follow|concern|regard|affect|select"
                         r"|screen|target|invit|treat|compar)ing\b|during\b)[a-z]{3,}ing\s+(?=(?:the\s+|their\s+)?"
                         r"(?:patients|residents|children|people|participants|babies|infants|women|men|pupils)\s+with\b)")
# "A migraine management training program for primary care providers", "Asthma care in general practice": the
# illness names the service, not who takes part.
_NO_ONES_ILLNESS_RE = re.compile(r"\s+(?:management|care|education|training|programs?|programmes?|services?|guidelines?"
                                 r"|screening|clinics?|registry|research|policy|policies)\b", re.I)
# "to prevent primary vascular disease in general practice": what is prevented is nobody's illness yet.
_PREVENTED_RE = re.compile(r"\bprevent(?:s|ing|ion\s+of)?\s+(?:primary\s+|secondary\s+)?$", re.I)
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
    _fill(doc, fields, known, title_zones, summary_zones, abbrs, low, scalar)
    pop, spans = fields["pico"]["population"], fields["evidence"].get("pico.population") or []
    if pop and spans and doc.text.startswith(pop, spans[-1][0]):  # "Methods Adults ... took part": who took part
        got = tidy_people(doc.text, pop, spans[-1][0])
        if got[0] != pop:
            _replace(fields, got)


def someones_illness(text: str, start: int, end: int, zone_start: int = 0) -> bool:
    """Whether the illness a title names at ``text[start:end]`` is that of people who take part - not the name of a
    service ("a migraine management programme") nor what is to be prevented ("to prevent cardiovascular disease")."""
    return not _NO_ONES_ILLNESS_RE.match(text, end) and not _PREVENTED_RE.search(text, max(zone_start, start - 30), start)


def _replace(fields: dict[str, Any], got: tuple[str, int, int]) -> None:
    """The population found before (a condition, a list, a sentence) replaced by ``got``, its evidence too."""
    fields["evidence"].pop("pico.population", None)
    put(fields, "pico.population", got[0], [[got[1], got[2]]])


def _fill(doc: Document, fields: dict[str, Any], known: bool, title_zones: Zones, summary_zones: Zones,
          abbrs: dict[str, str], low: str | None, scalar: Scalar) -> None:
    text = doc.text
    pop = scalar(doc, "pico.population")
    if pop and _COUNT_RE.match(pop[0]):  # "Participants: 1,640" says how many, not who
        if fields["enrollment"] is None:
            put(fields, "enrollment", int(pop[0].replace(",", "").replace(" ", "")), pop[1])
        pop = None
    if pop and coded_condition(pop[0]):  # CTRI's "Patients | (1) ICD-10 Condition: I10": the condition, coded
        pop = None
    if pop is None and known and fields["kind"] == "article":
        run_in = run_in_value(doc, "pico.population")  # BMJ's "Patients Children aged 2 to 12 years ..."
        pop = (run_in[0], [[run_in[1], run_in[2]]]) if run_in else None
    short = criteria_people(text, pop, title_zones, fields["conditions"]) if pop else None
    if short:  # "1. Aged 65 years or older. 2. Permanent resident of ...": who they are, not the whole list
        put(fields, "pico.population", short[0], [[short[1], short[2]]])
        return
    if pop:
        value, spans = _people_of_section(text, _who_can(text, pop), fields, abbrs, low)
        got = long_criterion(text, value, spans[0][0]) if value == pop[0] and len(spans) == 1 else None
        if got is None and low is not None and condition_only(value):  # "Patients | Low back pain": who has it
            got = people_named(text, low, title_zones, summary_zones, [value], None, False, value)
        if got:
            value, spans = got[0], [[got[1], got[2]]]
        put(fields, "pico.population", value, spans)
        return
    if not known:
        return
    got = pico_finders.population(text, summary_zones, fields["conditions"], abbrs, low)
    got = None if _done_to(text, got) else got
    plain = _plain_who(doc, scalar) if got is None else None  # "Who can take part": the people, not the title's illness
    if got is None and not summary_zones and plain is None and fields["kind"] == "trial":
        # a registry's title alone: "... in postmenopausal women with osteoporosis" (an entry's title alone waits for
        # its abstract, as the fill counts it)
        got = pico_finders.population(text, title_zones, [], abbrs, low)
        line_end = text.find("\n", got[1], got[2]) if got else -1
        if got and line_end > got[1] + 2:  # a title's phrase ends with its line, not in the next label
            got = (text[got[1]:line_end].rstrip(" ,"), got[1], got[1] + len(text[got[1]:line_end].rstrip(" ,")))
    if got:
        put(fields, "pico.population", got[0], [[got[1], got[2]]])
    elif plain:
        put(fields, "pico.population", *_who_can(text, plain))
    else:
        for s, e in title_zones:
            vs = text.find(" versus ", s, e)  # "therapy for insomnia versus ...": the arm's name, not who
            conds = [(n, s + a, s + b) for n, a, b in find_conditions(text[s:e])]
            conds = [c for c in conds if (vs < 0 or c[2] > vs or text[c[1] - 4:c[1]] != "for ")
                     and not _HOW_GIVEN_RE.match(c[0]) and someones_illness(text, c[1], c[2], s)]
            if conds:
                put(fields, "pico.population", clip(annotate_abbreviations(conds[0][0], abbrs), 300),
                    [[conds[0][1], conds[0][2]]])
                break
    if fields["pico"]["population"] is None:
        inc = inclusion_naming_people(doc, scalar)
        short = criteria_people(text, inc, title_zones, fields["conditions"]) if inc else None
        if short:
            put(fields, "pico.population", short[0], [[short[1], short[2]]])
        elif inc:
            put(fields, "pico.population", *_who_can(text, inc))
        elif fields["conditions"]:
            put(fields, "pico.population", "; ".join(fields["conditions"][:3]), fields["evidence"].get("conditions"))
    searched = fields["pico"]["population"] if bare_condition(fields["pico"]["population"] or "") else None
    got = people_with_condition(text, low, title_zones + summary_zones, fields["pico"]["population"], len(title_zones))
    got = None if _done_to(text, got) else got
    if got is None:
        got = _enrolled_over_aside(text, fields, summary_zones)
    if got is None and fields["pico"]["population"] is None and summary_zones:  # a title alone waits
        got = (_enrolled(text, summary_zones) if fields["kind"] == "article" else None) or title_people(text, title_zones)
    if got:  # "alopecia areata" is what is studied; "adults with severe alopecia areata" who
        put(fields, "pico.population", got[0], [[got[1], got[2]]])
    pop = fields["pico"]["population"]
    at = (fields["evidence"].get("pico.population") or [[-1]])[-1][0]
    if fields["kind"] == "article" and summary_zones and low is not None and (pop is None or condition_only(pop) or any(
            s <= at < e for s, e in summary_zones) and is_aside(text, at, summary_zones)):
        got = enrolled_people(text, low, summary_zones)  # "Participants were 64 residents of ...": the methods' people
        if got:
            _replace(fields, (annotate_abbreviations(got[0], abbrs), got[1], got[2]))
            return
    if low is not None and (pop is None or condition_only(pop)):  # "Low back pain": who has it, where the page says
        conds = fields["conditions"] or ([pop] if pop else [])
        got = people_named(text, low, title_zones, summary_zones, conds, inclusion_naming_people(doc, scalar),
                           searched is not None and pop == searched, pop)
        if got:
            _replace(fields, got)


def _done_to(text: str, got: tuple[str, int, int] | None) -> bool:
    """True for people named as the object of what is done ("continue washing patients with soap and water")."""
    return got is not None and _DONE_TO_RE.search(text, max(0, got[1] - 20), min(got[2], got[1] + 40)) is not None


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
