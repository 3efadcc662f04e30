"""PICO phrases from running text: who, what, against what, measured how.

Labelled sections are read by the engine; these finders work on sentences of the
titles and summary, and return short phrases (at most ~300 characters) with spans.
"""

from __future__ import annotations

import re

from curator.extraction.people_bounds import before_the_arms, counted_from, with_modifiers
from curator.extraction.results_words import first_not_after_figure, group_rate
from curator.extraction.sentence_ends import sentence_end
from curator.extraction.study_sentence import study_people
from curator.extraction.terms import annotate_abbreviations, find_conditions, find_drugs
from curator.extraction.textutil import clip, first_letter_guarded, folded, letters_first
from curator.extraction.word_starts import WordStarts

Span = tuple[int, int]
Found = tuple[str, int, int]

_POP_RE = re.compile(
    r"\b(?:patients?|children|adults?|participants?|subjects?|people|persons?|individuals?|women|men|infants?|neonates?"
    r"|adolescents?|volunteers?|girls|boys|newborns?|pregnant women|survivors?"
    # people named by what they do or where they are ("University students with high test anxiety")
    r"|university students|college students|medical students|nursing students|school pupils|students?|pupils?|nurses|workers|employees|smokers|athletes|residents|veterans|caregivers|carers|mothers)\b"
    r"(?:\s+(?:aged?|between|of|from)\s+[^,.;\n]{1,40}?)?"
    r"\s+(?:with|who\s+(?:have|had|suffer\s+from|are\s+suffering\s+from|present\s+with|are\s+diagnosed\s+with"
    r"|(?:were|are)\s+(?:taking|receiving|undergoing|admitted|scheduled|awaiting|living))|presenting\s+with|living\s+with"
    r"|(?:admitted|hospitali[sz]ed|referred)\s+(?:with|for)|scheduled\s+for"
    r"|suffering\s+from|diagnosed\s+with|having|affected\s+by|undergoing|receiving)\s+",
    re.I,
)
# Every stop opens with a space, "." / ";", ":" or ","; each branch looks back only once that character is read,
# so the engine skips the other characters at once instead of trying the look-behinds at every offset.
_PHRASE_STOP_RE = re.compile(
    r"[\s.;:,](?:"
    # "who were taking ...", "that are": the people's own clause goes on (looked behind only after the verb)
    r"(?<=\s)(?:will|were(?<!\bwho\swere)(?<!\bthat\swere)|are(?<!\bwho\sare)(?<!\bthat\sare)"
    r"|was(?<!\bwho\swas)(?<!\bthat\swas)|is(?<!\bwho\sis)(?<!\bthat\sis)"
    r"|develop|developed|may|can|should|could|received?|underwent|showed?|compared|randomi[sz]ed"
    r"|enrolled|included|recruited|in\s+(?:this|the|our)\s+(?:study|trial)|at\s+(?:the|our|a)\s)\b"
    # "people with heart failure but without diabetes | has not been compared": the sentence's verb, not "who have been"
    r"|(?<=\s)(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)(?:has|have)\s+(?:not\s+)?been\b"
    # "312 adults with X to 8 weeks of ...", "... to a Mediterranean diet or ...": the arms after the people
    # (not "aged 12 to 48 months").
    r"|(?<=\s)(?<!\d\s)to\s+(?:\d+\s+(?:weeks?|months?|days?|sessions?|cycles?)|an?\s|either\b|receive\b)"
    r"|(?<=[.;])(?<!\be\.g[.;])(?<!\bi\.e[.;])(?<!\bvs[.;])(?<!\bal[.;])(?=\s|$)|(?<=:)\s|(?<=\n)\s*\n"
    r"|(?<=,)\s+(?:and|but|which|we|while)\b)",
    re.I,
)
# Words left hanging where a stop word cut the phrase ("children with X who | received ...").
_DANGLING = frozenset(("who", "whom", "that", "which", "and", "or", "and/or", "but", "to", "had", "has", "have", "were",
                       "are", "was", "is"))


def _drop_dangling(raw: str) -> str:
    cut = max(raw.rfind(" "), raw.rfind("\n"))
    while cut > 0 and raw[cut + 1:].lower() in _DANGLING:
        raw = raw[:cut].rstrip(" ,\n")
        cut = max(raw.rfind(" "), raw.rfind("\n"))
    return raw
_OF_RE = re.compile(
    r"\b(?:efficacy|effectiveness|effects?|safety|tolerability|evaluation|assessment|study|trial|use|role|impact"
    r"|comparison|administration|benefits?|feasibility|pharmacokinetics|value)"
    r"(?:\s+and\s+(?:safety|efficacy|tolerability|effectiveness|feasibility))?\s+of\s+",
    re.I,
)
_OF_END_RE = re.compile(
    r"\s+(?:in|for|on|among|amongst|to\s+(?:treat|prevent|reduce|improve)|in\s+the\s+treatment\s+of|versus|vs\.?|compared|as|among|at|with\s+or)\s"
    r"|[,;:.()](?=\s|$)|\n|,",
    re.I,
)
_AFTER_RE = re.compile(
    r"\b(?:after|(?<!ompared )(?<!ombined )with|following|using|by)\s+([\w\-]+(?:\s+[\w\-]+){0,4}?)\s+(?:treatment|therapy|administration"
    r"|injections?|infusions?)\b",
    re.I,
)
_NAME_END_RE = re.compile(r"\s+(?:versus|vs\.?|compared\s+(?:with|to)|as|plus|or)\s", re.I)
_TREAT_FOR_RE = re.compile(r"^(.{3,120}?)\s+(?:treatment|therapy)\s+(?:for|of|in)\s", re.I)
_COMP_RE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|in\s+comparison\s+(?:with|to))\s+", re.I)
_COMP_WORDS_RE = re.compile(
    r"placebo|sham|usual care|standard (?:of )?care|standard (?:treatment|therapy)|no (?:treatment|intervention)"
    r"|\bcontrol\b|vehicle|best supportive care|wait(?:ing)?[- ]?list|saline|conventional|routine care|active comparator",
    re.I,
)


# Words before an "against" that names a disease, not a control ("vaccine against", "protection against").
_PROTECTS_RE = re.compile(r"vaccin|protect|immuni|prophyla|antibod|defen[cs]e|guard", re.I)


def comp_words(text: str, anywhere: bool = False) -> bool:
    """True when ``text`` starts with (``anywhere``: holds) a control's words ("placebo", "usual care", ...)."""
    return (_COMP_WORDS_RE.search(text) if anywhere else _COMP_WORDS_RE.match(text)) is not None


# Words every match of _COMP_RE / _OR_CONTROL_RE holds.
_COMP_WORDS = ("compared", "versus", "vs", "against", "comparison")
_CONTROL_WORDS = ("placebo", "sham", "usual", "standard")
_PLACEBO_CTRL_RE = re.compile(r"\b(placebo|sham|vehicle)[- ]controlled\b", re.I)
_OR_CONTROL_RE = re.compile(
    r"\b(?:or|with|and|to)\s+(?:an?\s+)?((?:(?:matching|identical|saline|inactive)\s+){0,2}(?:placebo|sham(?:\s+(?!(?:over|for|in|at|during|from|with|and|or|on|to"
    r"|groups?|arms?|was|were|is|are|the|a|an|each|daily|once|twice|only|alone|before|after)\b)[a-z][\w\-]*){0,2}"
    r"|usual\s+care|standard\s+(?:of\s+)?care))\b",
    re.I,
)
# What follows "versus" / "compared with" that is no control: a time, the same people, other people.
_NOT_CONTROL_RE = re.compile(
    r"^(?:baseline|those|that|this|these|the\s|patients|participants|people|individuals|subjects|non|previous|prior"
    r"|pre\b|post\b|pre-|post-|(?:pre|post)\w*\s+(?:levels?|values?|scores?)|other|controls?\b|healthy|age|sex|men|women"
    r"|children|adults|before|after|historical)",
    re.I,
)
_OUTCOME_RE = re.compile(
    r"\b(?:primary\s+(?:efficacy\s+)?(?:end[- ]?points?|outcomes?(?:\s+measures?)?|measures?(?=\s+(?:was|is|will)\b))\b"
    r"(?:\s+(?:will\s+be|was|is|were|are|included?|includes|consists?\s+of|being|of\s+the\s+(?:study|trial)"
    r"\s+(?:is|was|will\s+be)))?"
    # "The main outcome is ...": only with its verb ("Main Outcomes and Measures" is a heading).
    r"|main\s+(?:end[- ]?point|outcome)\s+(?:will\s+be|was|is)\b)\s*[:=]?\s*",
    re.I,
)


# Twins of the patterns scanned over whole summaries (``re.I`` is the slow part of those scans), by the pattern's id:
# hashing a compiled pattern reads all its compiled code, thousands of steps for a long one.
_FOLDED = {id(p): folded(p) for p in (_POP_RE, _PHRASE_STOP_RE, _OF_RE, _OF_END_RE, _COMP_RE, _OR_CONTROL_RE,
                                      _PLACEBO_CTRL_RE, _OUTCOME_RE)}
_FOLDED[id(_POP_RE)] = first_letter_guarded(_FOLDED[id(_POP_RE)])
_FOLDED[id(_OF_RE)] = first_letter_guarded(_FOLDED[id(_OF_RE)])
for _p in (_COMP_RE, _OR_CONTROL_RE, _OUTCOME_RE):  # words of few first letters ("primary", "main")
    _FOLDED[id(_p)] = letters_first(_FOLDED[id(_p)])
# The people words looked for with ``str.find``, the pattern tried only where one is.
_POP_WORDS = WordStarts(folded(_POP_RE), _FOLDED[id(_POP_RE)])
_OF_WORDS = WordStarts(folded(_OF_RE), _FOLDED[id(_OF_RE)])


def _pick(pattern: re.Pattern[str], text: str, low: str | None) -> tuple[re.Pattern[str], str]:
    """The pattern and text to search: the folded twin over ``low`` when there is one (same offsets)."""
    return (_FOLDED[id(pattern)], low) if low is not None else (pattern, text)


def _may_hold(low: str | None, s: int, e: int, words: tuple[str, ...]) -> bool:
    """False when lower-cased ``low[s:e]`` holds none of ``words`` (every match of a pattern needs one)."""
    return low is None or any(low.find(w, s, e) >= 0 for w in words)


def _phrase(text: str, start: int, limit: int = 300, low: str | None = None) -> Found | None:
    """The phrase starting at ``start`` up to the next clause or sentence end."""
    stop_re, hay = _pick(_PHRASE_STOP_RE, text, low)
    m = stop_re.search(hay, start, min(len(text), start + limit + 100))
    end = m.start() if m else min(len(text), start + limit)
    raw = _drop_dangling(text[start:end].rstrip(" ,"))
    if len(raw) < 3:
        return None
    return clip(raw, limit), start, start + len(raw)


# An opening phrase "Among patients ...," / "In adults ...," before the sentence's subject.
_INTRO_RE = re.compile(r"(?:^|[.!?]\s+|\n)(?:Among|Amongst|In)\s+$")
def population(text: str, zones: list[Span], conditions: list[str], abbrs: dict[str, str],
               low: str | None = None) -> Found | None:
    """``patients with <condition> who ...``: the first such phrase naming a studied condition, else the first.

    ``low`` is ``caseless(text)`` when the caller has it (a faster search, same result).
    """
    found: list[Found] = []
    for s, e in zones:
        for m in _POP_WORDS.finditer(low, s, e) if low is not None else _POP_RE.finditer(text, s, e):
            ph = _phrase(text, with_modifiers(text, counted_from(text, m.start(), s), s), low=low)
            if ph and "," in ph[0] and _INTRO_RE.search(text, max(0, m.start() - 12), m.start()):
                # "Among patients with X, colchicine led to ...": the comma closes the opening phrase.
                cut = ph[0].index(",")
                ph = (ph[0][:cut], ph[1], ph[1] + cut)
            if ph and ph[1] > s + 1 and text[ph[1] - 1] == "-" and text[ph[1] - 2].isalpha():
                # "non-smokers", "never-smokers": the prefix is half the meaning, never dropped.
                a = ph[1] - 1
                while a > s and text[a - 1].isalpha():
                    a -= 1
                ph = (text[a:ph[1]] + ph[0], a, ph[2])
            if ph:
                ph = before_the_arms(text, ph, m.start(), s)
                found.append(ph)  # abbreviations spelled out only in the one returned
            if len(found) >= 12:
                break
    if not found:
        return None
    keys = [c.lower() for c in conditions if c]
    keys += [a.lower() for a, long in abbrs.items() if any(long.lower() in k or k in long.lower() for k in keys)]
    pool = (study := study_people(text, found, zones, keys)) or found  # the methods' people, not the background's
    ph = next((p for p in pool if any(k and k in p[0].lower() for k in keys)), pool[0] if study or not keys else None)
    return (annotate_abbreviations(ph[0], abbrs), ph[1], ph[2]) if ph else None


def title_intervention(title: str, offset: int) -> Found | None:
    """The X of "Efficacy of X in Y", "X treatment for Y", "... after X treatment" in a title."""
    m = _OF_RE.search(title)
    if m:
        end = _OF_END_RE.search(title, m.end())
        stop = end.start() if end else len(title)
        x = title[m.end():stop].strip()
        if 2 < len(x) <= 150:
            return x, offset + m.end(), offset + m.end() + len(x)
    m2 = _AFTER_RE.search(title)
    if m2:
        return m2.group(1), offset + m2.start(1), offset + m2.end(1)
    m3 = _TREAT_FOR_RE.search(title)
    if m3 and len(m3.group(1).split()) <= 8:
        # "Mirror therapy versus conventional ... therapy for", "Lorlatinib as first-line treatment in": the name.
        x = m3.group(1)
        cut = _NAME_END_RE.search(x)
        if cut and cut.start() >= 3:
            x = x[:cut.start()]
        elif title[m3.end(1):m3.end(1) + 8].lower() == " therapy" and len(x.split()) >= 2:
            x = title[:m3.end(1) + 8]  # "acceptance and commitment therapy": the word is part of the name
        return x, offset + m3.start(1), offset + m3.start(1) + len(x)
    return None


_VERSUS_RE = re.compile(
    # ("Oral 30% glucose versus ...": a strength inside the name is the name's)
    r"^(?:.{0,80}?\b(?:of|with)\s+)?([A-Za-z][\w\-]*(?:\s(?:[A-Za-z][\w\-]*|\d+(?:\.\d+)?%)){0,3}?)"
    # "Early mobilisation within 24 hours versus ...": the arm's timing is not its name.
    r"(?:\s+(?:within|after|before|at|for|during|over)\s+(?:\d+|[a-z]+)(?:\s[\w\-]+){0,2})?"
    r"\s+(?:versus|vs\.?|compared with)\s", re.I
)
# A dose on its own ("Aspirin 150 mg versus 75 mg"): the control of a dose comparison.
_DOSE_ONLY_RE = re.compile(r"^\d+(?:\.\d+)?\s?(?:mg|g|mcg|µg|ml|mL|IU|units?)(?:/(?:kg|day|d))?$")
# Where a short control's name ends and its setting or timing begins ("delayed mobilisation | after surgery").
_QUALIFIER_RE = re.compile(r"\s+(?:after|before|following|during|within|among|in|for|on|at|over)\s|\s+\((?=[a-z]\s*[=<>]|n\s*=|p\s*[=<]|\d)", re.I)


# Sentence case ("Exercise for ...") or a registry's Title Case ("Mindfulness-Based Stress Reduction for ...").
_X_FOR_Y_RE = re.compile(r"^([A-Z][a-z][\w\-]*(?:(?:\s[a-z][\w\-]*){0,2}|(?:\s[A-Z][a-z][\w\-]*){1,3}))\s+for\s+\S")
_NOT_INTERVENTIONS = frozenset(("a", "an", "the", "study", "trial", "protocol", "guidelines", "guideline", "evidence",
                                "recommendations", "interventions", "treatments", "therapies", "strategies", "support",
                                "criteria", "methods", "tools", "screening", "search", "risk", "factors",
                                "registry", "biomarkers", "biomarker", "predictors", "markers", "determinants", "needs",
                                "barriers", "outcomes", "prognosis", "database", "cohort", "survey", "program",
                                "programme", "network", "platform", "center", "centre", "consortium", "initiative"))


def for_condition(title: str, offset: int) -> Found | None:
    """The X of a review title "X for Y" ("Exercise for osteoarthritis of the knee"), when Y names a condition."""
    m = _X_FOR_Y_RE.match(title)
    words = m.group(1).lower().split() if m else []
    if not m or any(c.isdigit() for c in m.group(1)) or words[0] in _NOT_INTERVENTIONS or words[-1] in _NOT_INTERVENTIONS:
        return None
    if not find_conditions(title[m.end(1):], 1):
        return None
    return m.group(1), offset + m.start(1), offset + m.end(1)


def versus_first(title: str, offset: int) -> Found | None:
    """The X of a title "X versus Y for Z"."""
    if title.isascii() and not any(w in title.lower() for w in ("versus", "vs", "compared with")):
        return None  # (an ASCII title matches ``re.I`` as its lower case does)
    m = _VERSUS_RE.search(title)
    if not m:
        return None
    return m.group(1), offset + m.start(1), offset + m.end(1)


def summary_intervention(text: str, zones: list[Span], low: str | None = None) -> Found | None:
    """The X of "efficacy and safety of X, ..." in the summary (``low`` as for :func:`population`)."""
    hay = text if low is None else low
    end_re = _pick(_OF_END_RE, text, low)[0]
    for s, e in zones:
        for m in _OF_WORDS.finditer(low, s, e) if low is not None else _OF_RE.finditer(text, s, e):
            end = end_re.search(hay, m.end(), min(e, m.end() + 200))
            stop = end.start() if end else min(e, m.end() + 120)
            x = text[m.end():stop].strip()
            if 2 < len(x) <= 120 and any(True for _ in find_drugs(x, 1)):
                return x, m.end(), m.end() + len(x)
    return None


def comparator(text: str, zones: list[Span], low: str | None = None) -> Found | None:
    """The control named after "compared with / versus", or "placebo" of "placebo-controlled".

    ``low`` as for :func:`population`; values are always cut from ``text``.
    """
    comp_re, hay = _pick(_COMP_RE, text, low)
    end_re = _pick(_OF_END_RE, text, low)[0]
    or_control_re = _pick(_OR_CONTROL_RE, text, low)[0]
    placebo_re = _pick(_PLACEBO_CTRL_RE, text, low)[0]
    for s, e in zones:
        # Most summaries name no comparator: a substring test spares each regex scan.
        for m in comp_re.finditer(hay, s, e) if _may_hold(low, s, e, _COMP_WORDS) else ():
            end = sentence_end(text, m.end(), min(e, m.end() + 120), end_re, hay)
            stop = end if end is not None else min(e, m.end() + 80)
            x = text[m.end():stop].strip()
            cut = _QUALIFIER_RE.search(x)
            if cut and cut.start() > 2:
                x = x[:cut.start()]  # "delayed mobilisation after hip fracture surgery": the control's name
            if group_rate(x) or text.startswith(("against", "Against"), m.start()) and (
                    _PROTECTS_RE.search(text, max(0, m.start() - 40), m.start()) or find_conditions(x, 1)):
                continue  # "3% of control households"; "a vaccine against whooping cough": what it protects from
            if 2 < len(x) <= 100 and (_COMP_WORDS_RE.search(x) or any(True for _ in find_drugs(x, 1))):
                return clip(x, 200), m.end(), m.end() + len(x)
            if 2 < len(x) <= 60 and len(x.split()) <= 4 and not _NOT_CONTROL_RE.match(x) \
                    and (not any(c.isdigit() for c in x) or _DOSE_ONLY_RE.match(x)):
                # "Yoga versus stretching for ...", "ketamine compared with electroconvulsive therapy for ...".
                return x, m.end(), m.end() + len(x)
        m3 = first_not_after_figure(or_control_re, hay, text, s, e) if _may_hold(low, s, e, _CONTROL_WORDS) else None
        if m3:
            return text[m3.start(1):m3.end(1)], m3.start(1), m3.end(1)
    # Only "placebo-controlled" said: a later sentence may still name the control ("sham taping").
    for s, e in zones:
        m2 = placebo_re.search(hay, s, e) if _may_hold(low, s, e, ("controlled",)) else None
        if m2:
            return text[m2.start(1):m2.end(1)].lower(), m2.start(1), m2.end(1)
    return None


_SINGLE_ARM_RE = re.compile(r"\b(?:single[- ](?:arm|group)|one[- ](?:arm|group)|non-?comparative)\b", re.I)
_SINGLE_ARM_FOLDED = letters_first(folded(_SINGLE_ARM_RE))
_SINGLE_ARM_WORDS = ("e-arm", "e arm", "e-group", "e group", "comparative")  # ("single" and "one" end in "e")


def single_arm(text: str, zones: list[Span], low: str | None = None) -> bool:
    """True when the title or summary says the study has one arm (``low`` as for :func:`population`)."""
    pattern, hay = (_SINGLE_ARM_RE, text) if low is None else (_SINGLE_ARM_FOLDED, low)
    return any((text.find("rm", s, e) >= 0 or text.find("roup", s, e) >= 0 or text.find("omparative", s, e) >= 0)
               and (low is None or any(low.find(w, s, e) >= 0 for w in _SINGLE_ARM_WORDS))
               and pattern.search(hay, s, e) for s, e in zones[:4])


_ARM_VS_CONTROL_RE = re.compile(
    r"^(?:[A-Z][\w\-]*(?:\s+[\w\-]+){0,6}?)(?=\s+(?:or|versus|vs\.?|compared\s+with)\s+(?:a\s+|matching\s+)?"
    r"(?:placebo|sham|usual\s+care|standard\s+(?:of\s+)?care|no\s+treatment|waiting\s+list)\b)",
    re.I,
)


def arm_versus_control(value: str) -> Found | None:
    """X of an intervention label's "X or placebo ..." (X up to seven words, with its span in ``value``)."""
    m = _ARM_VS_CONTROL_RE.match(value)
    return (m.group(0), 0, m.end()) if m else None


def outcome(text: str, zones: list[Span], low: str | None = None) -> Found | None:
    """The phrase after "the primary endpoint/outcome (will be) ..." (``low`` as for :func:`population`)."""
    outcome_re, hay = _pick(_OUTCOME_RE, text, low)
    for s, e in zones:
        m = outcome_re.search(hay, s, e) if _may_hold(low, s, e, ("primary", "main")) else None
        if m:
            end = sentence_end(text, m.end(), min(e, m.end() + 400))
            stop = end if end is not None else min(e, m.end() + 300)
            raw = text[m.end():stop].strip(" .")
            if len(raw) >= 3 and raw[0] not in ",)":
                return clip(raw, 300), m.end(), m.end() + len(raw)
            got = _outcome_subject(text, s, m.start())
            if got:
                return got
    return _researchers_measure(text, zones)


# A plain-language summary's outcome: "Researchers will compare asthma control between the two groups using the
# Asthma Control Test", "The researchers will measure ..." ("compare X to Y" names arms, not an outcome).
_RESEARCHERS_RE = re.compile(r"\b(?:researchers|the\s+(?:study\s+)?team)\s+will\s+(?:measure|assess|record|compare"
                             r"(?=[^.]{3,120}?\sbetween\s+the\s+(?:two\s+|three\s+)?groups))\s+", re.I)
_BETWEEN_GROUPS_RE = re.compile(r"\s+between\s+the\s+(?:two\s+|three\s+)?groups\b", re.I)


def _researchers_measure(text: str, zones: list[Span]) -> Found | None:
    for s, e in zones:
        m = _RESEARCHERS_RE.search(text, s, e) if text.find("esearchers will", s, e) >= 0 \
            or text.find("team will", s, e) >= 0 else None
        if m:
            end = sentence_end(text, m.end(), min(e, m.end() + 300))
            raw = text[m.end():end if end is not None else min(e, m.end() + 200)]
            cut = _BETWEEN_GROUPS_RE.search(raw)
            x = (raw[:cut.start()] + raw[cut.end():]) if cut else raw
            if 3 <= len(x) <= 300:
                return x, m.end(), m.end() + len(raw)
    return None


# "X was the primary outcome", "X, the primary outcome, ...", "We measured X as the primary outcome".
_SUBJECT_VERB_RE = re.compile(r"\s(?:was|is|were|will\s+be|served\s+as)\s+(?:the\s+)?$|,\s+(?:the|our)\s+$"
                              r"|\s+as\s+(?:the|our|a)\s+$", re.I)
_WE_MEASURED_RE = re.compile(r"^(?:we|they|the\s+(?:investigators|researchers))\s+(?:measured|assessed|recorded|used"
                             r"|chose|defined)\s+", re.I)


def _outcome_subject(text: str, zone_start: int, at: int) -> Found | None:
    """"Pain intensity at 6 weeks, measured on a 0-10 scale, was the primary outcome.": the sentence's subject,
    without the clause after its first comma."""
    verb = _SUBJECT_VERB_RE.search(text, max(zone_start, at - 30), at)
    if verb is None:
        return None
    start = max(text.rfind(". ", zone_start, verb.start()) + 2, text.rfind("\n", zone_start, verb.start()) + 1,
                zone_start)
    raw = text[start:verb.start()]
    comma = raw.find(", ")
    raw = (raw[:comma] if comma > 0 else raw).strip()
    if not raw[:1].isupper():
        return None
    we = _WE_MEASURED_RE.match(raw)
    if we:
        raw, start = raw[we.end():], start + we.end()
    elif verb.group(0).lstrip(", ").lower().startswith("as"):
        return None  # "... was used as the primary outcome" without its subject: not safe to cut
    if not 3 <= len(raw) <= 200:
        return None
    return clip(raw, 300), start, start + len(raw)


def clause_phrase(text: str, start: int, limit: int = 300) -> Found | None:
    """The phrase starting at ``start`` up to the next clause or sentence end, as :func:`population` cuts it."""
    return _phrase(text, start, limit=limit)
