"""Arms and controls of a bibliographic abstract that the shared prose finders leave empty or wrong.

"randomised, as clusters, to six fortnightly telephone coaching calls from a nurse or to ...", "tonsillectomy
relative to watchful waiting", "tested whether X prevents infection more effectively than Y", "to compare X with
Y", "comparing honey alone with no treatment or placebo", "moved from usual charts to an electronic system",
"saline irrigation with or without budesonide", "chlorhexidine, an essential-oil mouthwash, or a placebo
mouthwash": each gives the tested arm and the control as short names with their spans. A comparison inside an
association of an observational study ("associated with myopia compared with more than two hours") names no
control, and an abstract with no study words at all (no trial, treatment, people) holds no PICO.
"""

from __future__ import annotations

import re

from curator.extraction.assignment import arm_name
from curator.extraction.people import PEOPLE_WORDS
from curator.extraction.pico import comp_words

Got = dict[str, tuple[str, list[list[int]]]]
Span = tuple[int, int]

_LEAD_RE = re.compile(r"^(?:(?:a|an|the)\s+)?(?:(?:\d+|one|two|three|four|five|six|eight|ten|twelve|daily|weekly|fortnightly"
                      r"|monthly|twice[- ](?:daily|weekly|yearly)|once[- ](?:daily|weekly)|\d+-(?:minute|hour|week|day))\s+)*"
                      r"(?:(?:application|course|programme|program|series|sessions?)\s+of\s+)?"
                      r"(?:(?:(?:single|subcutaneous|intravenous|intramuscular)\s+)*(?:injection|infusion|dose)s?\s+of\s+"
                      r"(?:(?:a|an|the)\s+)?)?", re.I)
_PROVIDER_RE = re.compile(r"\s+(?:from|by|delivered|provided|led)\s+.*$|\s+(?:alone|only)$|\s+with\s+(?:a|an|the)\s+(?:psychologist"
                          r"|nurse|physiotherapist|therapist|pharmacist|dietitian|doctor|physician|trainer|coach)\b.*$", re.I)
_EFFECT_OF_RE = re.compile(r"^(?:(?:the|a|an)\s+)?(?:(?:clinical|relative|cost-)\s*)?(?:effect(?:iveness|s)?|efficacy|benefits?"
                           r"|safety|impact)\s+of\s+(?:(?:a|an|the)\s+)?", re.I)

_OWN_NAME_RE = re.compile(r"\(((?:[a-z][a-z\-]+\s){1,3}[a-z][a-z\-]+)\)\s*$")


def _name(text: str, start: int, raw: str) -> tuple[str, int, int] | None:
    """The arm's short name inside ``raw`` (which starts at ``start``), or None when it is no name."""
    named = _OWN_NAME_RE.search(raw)  # "write about their worries (expressive writing)": the arm's own name
    if named and not comp_words(named.group(1), anywhere=True):
        return named.group(1), start + named.start(1), start + named.end(1)
    x = _EFFECT_OF_RE.sub("", raw)
    x = arm_name(x[_LEAD_RE.match(x).end():])
    x = _PROVIDER_RE.sub("", x).strip(" ,")
    if not 3 <= len(x) <= 80 or len(x.split()) > 8 or not re.search(r"[a-z]{3}", x, re.I):
        return None
    at = text.find(x, start, start + len(raw))
    return (x, at, at + len(x)) if at >= 0 else None


# "randomised, as clusters, to X or to Y": the allocation the shared finder misses (a comma after the verb, a long arm).
_ALLOCATED_RE = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned)\b[^.;]{0,80}?\bto\s+(?!\d)(?:receive\s+|either\s+)?"
    r"([^.;]{3,140}?),?\s+or\s+(?:to\s+)?(?:(?:a|an|the)\s+)?([^.;,(]{3,100}?)(?=\s*[.;,(]|\s+(?:for|until|over|during|in|at)\s)",
    re.I)
# "tonsillectomy relative to watchful waiting", "tested X compared to Y"; "to compare X with Y", "comparing X with Y".
_CONTRAST_RE = re.compile(
    r"\b(?:tested|test|testing|assess(?:ed)?|evaluat(?:e|ed)|examined|determine|effectiveness\s+of|efficacy\s+of)\s+"
    r"(?:whether\s+)?"
    r"([^.;,]{3,90}?),?\s+(?:relative\s+to|as\s+opposed\s+to|compared\s+(?:with|to)|versus|vs\.?)\s+"
    r"([^.;,]{3,80}?)(?=\s*[.;,]|\s+(?:in|among|for|after|before|on|is|was|as|at)\s)", re.I)
_COMPARE_RE = re.compile(
    r"\b(?:to\s+compare|comparing|we\s+compared)\s+([^.;,]{3,90}?)\s+(?:with|to|versus|vs\.?)\s+"
    r"([^.;,]{3,80}?)(?=\s*[.;,]|\s+(?:in|among|for|after|before|on|is|was|as|at)\s)", re.I)
# "whether X prevents bloodstream infection more effectively than Y in ...".
_THAN_RE = re.compile(
    r"\bwhether\s+([^.;,]{3,90}?)\s+(?:prevents?|reduces?|improves?|increases?|lowers?|works?|helps?|heals?|relieves?"
    r"|shortens?|speeds?|protects?|controls?|achieves?|leads?|is|was)\s+[^.;]{0,60}?"
    r"\b(?:more|less|better)\b(?:\s+[a-z]+ly)?\s+than\s+([^.;,]{3,80}?)(?=\s*[.;,]|\s+(?:in|among|for|after|at)\s)", re.I)
# A stepped-wedge roll-out: "wards moved from usual observation charts to an electronic early warning score system".
_FROM_TO_RE = re.compile(
    r"\b(?:moved|switched|changed|crossed\s+over|transitioned)(?:\s+[^.;]{0,40}?)?\s+from\s+(?:(?:a|an|the)\s+)?"
    r"([^.;,]{3,60}?)\s+to\s+"
    r"(?:(?:a|an|the)\s+)?([^.;,]{3,80}?)(?=\s*[.;,]|\s+(?:in|with|at|on|over|during|one)\s)", re.I)
# "160 adults ... received two sessions of X, or standard information only": what every arm received, the control last.
_RECEIVED_OR_RE = re.compile(
    r"\b(?:received|were\s+given|underwent)\s+(?:either\s+)?([^.;]{3,160}?),?\s+or\s+(?:(?:a|an|the)\s+)?"
    r"((?:usual|standard|routine)\s[^.;,(]{2,60}?|[^.;,(]{3,60}?\s(?:only|alone)"
    r"|(?:(?:saline|matching|identical)\s+)?(?:placebo|sham)(?:\s+[a-z]+)?)(?=\s*[.;,(]|\s+(?:every|for|daily|once|twice)\s)",
    re.I)
# "saline nasal irrigation with or without budesonide 0.5 mg": the added treatment against the base alone.
_WITH_OR_WITHOUT_RE = re.compile(
    r"\b(?:to|received|receive)\s+(?:(?:a|an|the)\s+)?([^.;,]{3,80}?)\s+with\s+or\s+without\s+(?:(?:a|an|the)\s+)?"
    r"([^.;,(]{3,60}?)(?=\s*[.;,(]|\s+(?:for|in|at|during|over|until)\s)", re.I)
# The last of several arms is the control: "X, Y, or a placebo mouthwash".
_LAST_CONTROL_RE = re.compile(
    r",\s+or\s+(?:to\s+)?(?:(?:a|an|the)\s+)?((?:identical\s+|matching\s+)?(?:placebo|sham|usual\s+care|no\s+[a-z]+)"
    r"(?:\s+[a-z][\w\-]*){0,2}?)(?=\s*[,.;(]|\s+(?:in|for|with|until|twice|once|daily)\s)", re.I)
_GENERIC = ("intervention", "treatment", "therapy", "intervention group", "experimental group", "active treatment")
_STUDY_WORDS_RE = re.compile(r"\b(?:random|trial|placebo|control|assign|allocat|interven|treat|therap|primary|review|cohort|case"
                             r"|expos|cells|" + PEOPLE_WORDS + ")", re.I)
_PEOPLE_RE = re.compile(r"\b(?:" + PEOPLE_WORDS + r")\b", re.I)
_HEALTH_RE = re.compile(r"diseas|clinic|health|symptom|diagnos|therap|treat|medic|hospital|syndrom|disorder|infect|cancer"
                        r"|pain|care\b|nurs|surg|pregnan|injur|mortality|death|leuk|tumou?r|carcinom|lymphom|remission|\bpts\b"
                        r"|patholog|blood|cardi|renal|hepat|pulmon|psych|dental|dentist|vaccin|obes|diabet|fractur", re.I)
_RANDOMISED_RE = re.compile(r"randomi[sz]ed|randomly\s+(?:assigned|allocated)|\btrial\b", re.I)
_ASSOCIATION_RE = re.compile(r"associated\s+with|odds\s+ratio|hazard\s+ratio|risk\s+of", re.I)


def _put(got: Got, part: str, found: tuple[str, int, int] | None) -> None:
    if found is not None:
        got[part] = (found[0], [[found[1], found[2]]])


def _pair(text: str, m: re.Match[str]) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None]:
    return _name(text, m.start(1), m.group(1)), _name(text, m.start(2), m.group(2))


def _fill(got: Got, x: tuple[str, int, int] | None, y: tuple[str, int, int] | None) -> None:
    """Put the tested arm and the control where missing; a one-word arm ("Early" of "Early versus delayed X") or a
    control the new one holds ("placebo" of "no treatment or placebo") gives way to the longer name."""
    if x is None or y is None or comp_words(x[0]) or x[0].lower() in (y[0].lower(), *_GENERIC) \
            or _PEOPLE_RE.search(x[0]) or _PEOPLE_RE.search(y[0]):
        return
    tested, control = got.get("intervention"), got.get("comparator")
    if tested is None or (" " not in tested[0] and x[0].lower().startswith(tested[0].lower()) and x[0] != tested[0]):
        _put(got, "intervention", x)
    if control is None or (control[0].lower() in y[0].lower() and len(y[0]) > len(control[0])):
        _put(got, "comparator", y)


# A list inside the first arm ("a pamphlet, a test kit, and ..."): an "or" after it, without a comma, is the list's.
_LISTED_RE = re.compile(r",\s[^,]{2,60},?\s+and\s")
# Each pattern with the words its matches hold (every group, one of its words): the pattern is tried only then.
_CLUES = ((_ALLOCATED_RE, ((" or ",), ("random", "assign", "allocat"))),
          (_CONTRAST_RE, (("relative to", "opposed to", "compared", "versus", " vs"),)),
          (_COMPARE_RE, (("compar",),)), (_THAN_RE, ((" than ",), ("whether",))), (_FROM_TO_RE, ((" from ",), ("random",))),
          (_RECEIVED_OR_RE, ((" or ",), ("received", "given", "underwent"))))
# Words most abstracts of studies hold, looked for before the whole pattern of study words.
_COMMON_STUDY_WORDS = ("random", "trial", "patient", "participant", "adults", "children", "women", "primary", "treat")


def entry_arms(text: str, got: Got, zones: list[Span], title_zones: list[Span]) -> None:
    """Fill or mend the tested arm and the control of ``got`` from the abstract's ``zones`` (a one-word arm only when
    the title gave it)."""
    for s, e in zones:
        low = text[s:e].lower()
        m = _WITH_OR_WITHOUT_RE.search(text, s, e) if "with or without" in low else None
        if m:
            base, added = _pair(text, m)
            if base and added:
                _put(got, "intervention", added)
                _put(got, "comparator", base)
                return
        m = _LAST_CONTROL_RE.search(text, s, e) if ", or" in low else None
        control = got.get("comparator")
        if m and control is not None and not comp_words(control[0], anywhere=True):
            _put(got, "comparator", (m.group(1), m.start(1), m.end(1)))
        for pattern, words in _CLUES:
            tested = got.get("intervention")
            if tested is not None and got.get("comparator") is not None and (
                    " " in tested[0] or not any(ts <= tested[1][0][0] < te for ts, te in title_zones)):
                return
            m = pattern.search(text, s, e) if all(any(w in low for w in alternatives) for alternatives in words) else None
            if m is None:
                continue
            if pattern is _ALLOCATED_RE and _LISTED_RE.search(m.group(1)) and text[m.end(1):m.end(1) + 1] != ",":
                continue  # "mailings containing a pamphlet, a test kit, and scheduling of sigmoidoscopy or colonoscopy"
            x, y = _pair(text, m)
            if pattern is _FROM_TO_RE:
                if "random" not in low:
                    continue
                x, y = y, x
            _fill(got, x, y)


def no_study(text: str, got: Got, title_zones: list[Span], zones: list[Span]) -> None:
    """Drop the PICO of an abstract that names no study, treatment or people, and a comparator that only compares
    levels of an exposure inside an association ("... associated with myopia compared with more than two hours")."""
    read = " ".join(text[s:e] for s, e in title_zones + zones)
    low = read.lower()
    if zones and not any(w in low for w in _COMMON_STUDY_WORDS) and not _STUDY_WORDS_RE.search(read):  # a title alone ("Vitamin D for asthma") says too little to judge
        got.clear()
        return
    if zones and "population" in got and not _PEOPLE_RE.search(got["population"][0]) \
            and not _PEOPLE_RE.search(read) and not _HEALTH_RE.search(read):
        del got["population"]  # a paper on plants, materials or markets: a "failure" it names is no population
    control = got.get("comparator")
    if control is None or got.get("intervention") is not None or _RANDOMISED_RE.search(read):
        return
    at = control[1][0][0]
    start = max([read_start for read_start in (text.rfind(". ", 0, at), text.rfind("\n", 0, at)) if read_start >= 0],
                default=0)
    if _ASSOCIATION_RE.search(text, start, at):
        del got["comparator"]
