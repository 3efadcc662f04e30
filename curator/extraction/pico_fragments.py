"""A PICO value that is a piece of another sentence, not a phrase naming the study's people or arm.

Real abstracts show where such pieces come from: people named in a results sentence ("the rate fell from 4.1 per 10
patients to 0.4 (95% CI ...", "Patients with severe contamination tended to receive ...", "the number of patients
receiving FPC increased over time, only 9.8% of ..."), a phrase begun inside a parenthesis ("... Men) while sexual
assault victims"), people followed by the rest of their clause ("hospitalized smokers do not consistently", "practice
nurses aimed to improve ...", "nurses with 30 subjects per group": cut before it), the words around an arm that is not
named ("one of two care improvement arms", "hypothesise that the intervention"), or a title's words cut before what
they govern ("Canadian guidelines for the evidence-based", "Does shared care help in the"). Such a value is cut to
its own phrase or dropped: a wrong value is worse than none.
"""

from __future__ import annotations

import re

Spans = list[list[int]]

# Statistics: the phrase was read from a results sentence.
_STATISTICS_RE = re.compile(r"\b95\s?%|\bCI\b|confidence interval|\b[pP]\s?[<=>≤]|\bOR\s?[=:]|\bRR\s?[=:]")
# A finding's verb: at the phrase's end, or followed by what a change is measured over ("increased over time").
_FINDING_VERB_RE = re.compile(
    r"\b(?:tended|increased|decreased|declined|improved|rose|fell|remained|showed|reported|differed)"
    r"(?:\s*$|\s*,|\s+(?:over|from|by|to|in\s+all|significantly|more|less)\b)", re.I)
# An arm pointed to, not named: "one of two care improvement arms", "(that) the intervention".
_UNNAMED_ARM_RE = re.compile(
    r"^(?:\w+\s+){0,2}?(?:(?:that|whether)\s+)?(?:the|this|our|an?|their)\s+(?:intervention|treatment|programme|"
    r"program|experimental|active)(?:\s+(?:arm|group|condition))?s?$"
    r"|^(?:one\s+)?of\s+(?:the\s+)?(?:two|three|four|\d)\b.*\b(?:arms?|groups?|conditions?)$", re.I)


# The rest of the people's clause: a verb, a purpose, a concession, the design's counts (not after "who", "and" ...:
# "people who have had a stroke" keep their clause).
_CLAUSE_RE = re.compile(
    r"\s+(?:(?:do|does|did)\s+not|aimed\s+to|randomly|though|although|whereas|with\s+\d+\s+(?:subjects|"
    r"participants|patients)\s+(?:per|in\s+each)|at\s+baseline|indicates?|suggests?|demonstrates?|tends?|often|frequently"
    r"|accounts?\s+for|represents?|(?:were|was)\s+(?:included|enrolled|recruited|randomi[sz]ed|invited|identified"
    r"|studied|analy[sz]ed|targeted)|consented|drawn\s+from|selected\s+(?:by|from)|of\s+whom|have|has)\b", re.I)
_CLAUSE_LOW_RE = re.compile(_CLAUSE_RE.pattern)
_NOT_BEFORE_CLAUSE = frozenset(("who", "that", "which", "and", "or", "you", "they", "we"))
# A people noun and a past verb: "parents completed the baseline survey", "medical students observed ...".
_PEOPLE_DID_RE = re.compile(r"\b(?:patients|children|students|teachers|parents|surgeons|subjects|clinicians|participants"
                            r"|adults)(\s+)(?:completed|had|observed|examined|attended|participated|returned)\b", re.I)
_DID_VERBS = ("completed", "had", "observed", "examined", "attended", "participated", "returned")
# Another clause after a comma ("..., this comprehensive service model continues ...", "..., yet the impact ..."), and
# a quotation mark left open (an export's ";" between two copies of the abstract).
_AFTER_COMMA_RE = re.compile(r",\s+(?:this|these|yet|but|although|whereas|which)\b")
_STRAY_QUOTE_RE = re.compile(r'\s*"')
# A second group counted after the first ("patients aged 50 to 80 ... and 110 primary care physicians").
_PEOPLE = r"(?:patients|participants|physicians|doctors|nurses|clinicians|providers|staff|residents|carers|caregivers" \
          r"|parents|students|teachers|women|men|adults|children|pharmacists|workers|assistants|aides|midwives|dentists" \
          r"|surgeons|therapists|physiotherapists|relatives|families|mothers|fathers|infants|pupils|NAs|GPs)"
_SECOND_GROUP_RE = re.compile(r"\s+and\s+\d[\d,]*\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\b")
_PEOPLE_RE = re.compile(r"\b" + _PEOPLE + r"\b", re.I)
# People named by no word of their own once the clause is cut.
_BARE_PEOPLE = frozenset(("patients", "participants", "subjects", "individuals", "people", "persons"))
# First words of no one studied ("Studies where individuals ...", "million people infected with HIV live ...").
_NOT_PEOPLE_FIRST = frozenset(("studies", "trials", "reviews", "million", "millions", "thousand", "thousands", "billion"))
# A phrase cut before the words it governs ("... for the", "... help in the", "the evidence-based").
_DANGLING_RE = re.compile(r"\s(?:the|a|an|of|in|for|to|and|or|with|on|by|at|from|into)$"
                          r"|\S\s+\S+\s+\S+-based$", re.I)
_DANGLING_WORDS = frozenset(("the", "a", "an", "of", "in", "for", "to", "and", "or", "with", "on", "by", "at", "from",
                             "into"))
_PARTICIPLES = frozenset(("used", "given", "applied", "administered", "delivered", "provided"))
# A participle left at the end ("acupressure applied", "computer programs used"): the name is before it.
_PARTICIPLE_END_RE = re.compile(r"\s(?:used|given|applied|administered|delivered|provided)$", re.I)
# A control's name followed by what happened in its group.
_CONTROL_FINDING_RE = re.compile(
    r"\s+(?:reduced|increased|decreased|improved|lowered|had|showed|was|were|did|resulted|led|produced|yielded"
    r"|achieved|reported|significantly)\b", re.I)
# A section heading the value ran into ("... urinary incontinence Methods and design Pragmatic", "... MEASUREMENTS AND
# MAIN RESULTS"): the value ends before it.
_HEADING_RE = re.compile(
    r"(?<=\.)(?=(?:Interventions?|Main\s+outcome|Results|Methods|Conclusions?|Design|Setting|Participants)\b)"
    r"|\s(?:(?:Methods?(?=\s+and\s+design\b)|Results|Background|Conclusions?)(?=[\s:.])"
    r"|(?:METHODS?|RESULTS|BACKGROUND|CONCLUSIONS?|DESIGN|SETTING|OBJECTIVES?|PARTICIPANTS|INTERVENTIONS?|OUTCOMES?"
    r"|MEASUREMENTS|MAIN)\b)")
# Words that point to an arm or a kind without naming it ("one", "general", "that delivery").
_NO_NAME_WORDS = frozenset(("one", "two", "general", "other", "both", "either", "each", "same", "control", "specific"))
# "no impact on other outcomes", "no difference": a finding, not a control.
_NO_FINDING_RE = re.compile(r"^(?:no|any)\s+(?:significant\s+)?(?:impact|effect|difference|change|improvement|"
                            r"association)s?\b"
                            # "No control group. Each participant is compared with his own baseline": a single arm
                            r"|^(?:no|without\s+a?)\s*(?:control|comparator|comparison)(?:\s+(?:group|arm|condition))?\b"
                            r"|^(?:uncontrolled|single[- ]arm)\b", re.I)
# A sentence's verb left before the people ("treat patients who ...", "manage patients with ...").
_LEADING_VERB_RE = re.compile(
    r"^(?:(?:treat|manage|help|support|identify|enable|assist|recruit|include|enrol|enroll|reach|serve|screen|educate"
    r"|train|target|involve)\s+(?=(?:all\s+)?(?:patients|people|adults|children|women|men|participants|individuals|"
    r"persons|older|young|elderly)\b)|(?:A|a)\s+total\s+of\s+(?=\d)|(?:PARTICIPANTS|PATIENTS|SUBJECTS|POPULATION)\s+)")
# "Both performance indicators and prescription volumes were calculated (as the main outcome measures)": the measures.
_PASSIVE_END_RE = re.compile(r"\s+(?:was|were|is|are)\s+(?:calculated|used|measured|assessed|recorded|defined|chosen"
                             r"|selected|evaluated|collected)(?:\s+as\s+(?:the\s+)?(?:main|primary)\s+outcomes?"
                             r"(?:\s+measures?)?)?$", re.I)
_HANGING_WORDS = frozenset(("the", "a", "an", "of", "in", "for", "to", "and", "or", "with", "on", "by", "at", "from", "into",
                            "was", "were", "is"))
_PASSIVE_WORDS_RE = re.compile(r"\s(?:was|were|is|are)\s", re.I)
_HANGING_TAIL_RE = re.compile(r"(?:,?\s+(?:the|a|an|of|in|for|to|and|or|with|on|by|at|from|into|was|were|is))+$", re.I)
_QUESTION_RE = re.compile(r"^(?:does|do|is|are|can|should|will|must)\s", re.I)


# Where a sentence ends inside a value ("... schools (n 1,124). Results After 9 months ..."): what follows is another.
_SENTENCE_END_RE = re.compile(r"[.;]\s+(?=[A-Z])")


def without_fragment(text: str, part: str, value: str, spans: Spans) -> tuple[str, Spans] | None:
    """``(value, spans)`` as they are when the value is a phrase of its own, its words before another sentence's when
    it runs into one (spans cut with it), None when it is a piece of another sentence."""
    lead = _LEADING_VERB_RE.match(value) if part == "population" else None
    if lead and spans and text.startswith(value[lead.end():], spans[0][0] + lead.end()) and len(spans) == 1:
        # "treat patients who have tic disorders": the people, not the verb of the sentence they were read from
        value, spans = value[lead.end():], [[spans[0][0] + lead.end(), spans[0][1]]]
    if part == "comparator" and spans and _inside_parentheses(text, spans[0][0]):
        return None  # "a walking programme (brisk walking or cycling ...)": one arm's details, not a second arm
    cut = fragment_cut(part, value)
    if cut is None:
        return value, spans
    cut = len(value[:cut].rstrip(" ,;."))
    if cut and spans and spans[0][0] + cut <= spans[0][1] and text.startswith(value[:cut], spans[0][0]):
        return value[:cut], [[spans[0][0], spans[0][0] + cut]]  # (a value clipped with "…" too)
    return None


def _inside_parentheses(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a parenthesis opened earlier in its sentence."""
    start = max(text.rfind(". ", max(0, at - 300), at), text.rfind("\n", max(0, at - 300), at), at - 300, 0)
    return text.count("(", start, at) > text.count(")", start, at)


def _title_case_before(value: str, at: int) -> bool:
    """Whether the word before ``at`` is capitalised too ("Adult Participants With ...": a title, not a heading)."""
    words = value[:at].split()
    return bool(words) and words[-1][:1].isupper() and not value[at + 1:at + 4].isupper()


def fragment_cut(part: str, value: str) -> int | None:
    """None when ``value``, read as the PICO ``part``, is a phrase of its own; else how much of it to keep (0: none),
    when it is or runs into a piece of another sentence (see the module's words)."""
    heading = next((m for m in _HEADING_RE.finditer(value) if not _title_case_before(value, m.start())), None) \
        if " " in value and not value[1:].islower() else None  # (every heading is written with a capital)
    if heading is not None:
        inner = fragment_cut(part, value[:heading.start()]) if heading.start() >= 3 else 0
        return heading.start() if inner is None else inner
    if part == "population":
        return _population_cut(value)
    if part in ("intervention", "comparator"):
        return _arm_cut(part, value)
    if part == "outcome":  # "... over 15 months, and the": cut short before its next clause, the words left hang
        last = value.rsplit(None, 1)[-1].lower() if " " in value else ""
        tail = (_HANGING_TAIL_RE.search(value) if last in _HANGING_WORDS else None) \
            or (_PASSIVE_END_RE.search(value) if _PASSIVE_WORDS_RE.search(value) else None)
        return tail.start() if tail and tail.start() >= 3 else None
    return None


def _population_cut(value: str) -> int | None:
    """How much of a population to keep (see :func:`fragment_cut`)."""
    bad = _population_piece(value)
    if bad is not None:
        end = _SENTENCE_END_RE.search(value)
        return end.start() if end and end.start() < bad and end.start() >= 3 else 0
    if "?" in value:
        return 0  # a question the abstract asks, not who took part
    second = _SECOND_GROUP_RE.search(value) if "and" in value else None  # (every match holds "and")
    if second is not None and not _PEOPLE_RE.search(value, 0, second.start()):
        second = None  # "Foundation year 1 and 2 doctors": one group
    did = _PEOPLE_DID_RE.search(value) if _may_say_did(value) else None
    comma = _AFTER_COMMA_RE.search(value)
    quote = _STRAY_QUOTE_RE.search(value) if value.count('"') % 2 else None
    ends = [at for at in (_clause_start(value), second.start() if second else None, did.start(1) if did else None,
                          comma.start() if comma else None, quote.start() if quote else None) if at is not None]
    if not ends:  # "patients" alone names nobody; "Studies where ...", "million people ..." no one studied
        first = value.split(" ", 1)[0].lower()
        return 0 if value.lower() in _BARE_PEOPLE or first in _NOT_PEOPLE_FIRST \
            or first in _BARE_PEOPLE and value.split(" ", 2)[1:2] == ["per"] else None
    keep = value[:min(ends)]
    return min(ends) if keep.lower() not in _BARE_PEOPLE and len(keep) >= 3 else 0


def _may_say_did(value: str) -> bool:
    """False when ``value`` is ASCII and holds none of _PEOPLE_DID_RE's verbs in lower case (``re.I`` matches ASCII
    letters as their lower case does)."""
    if not value.isascii():
        return True
    low = value.lower()
    return any(w in low for w in _DID_VERBS)


def _clause_start(value: str) -> int | None:
    """Where the rest of the people's clause begins (see _CLAUSE_RE), None when it does not."""
    low = value.lower()
    # (the lower case searched by a case-sensitive twin, three times faster, when lower-casing kept every offset)
    for m in _CLAUSE_LOW_RE.finditer(low) if len(low) == len(value) else _CLAUSE_RE.finditer(value):
        if value[:m.start()].rsplit(" ", 1)[-1].lower() not in _NOT_BEFORE_CLAUSE:
            return m.start()
    return None


def _arm_cut(part: str, value: str) -> int | None:
    """How much of an intervention or comparator to keep (see :func:`fragment_cut`)."""
    last = value.rsplit(None, 1)[-1].lower() if " " in value else ""
    dangling = last in _DANGLING_WORDS or last.endswith("-based") and _DANGLING_RE.search(value) is not None
    if _UNNAMED_ARM_RE.match(value.strip()) or dangling or _QUESTION_RE.match(value) \
            or value.lower() in _NO_NAME_WORDS or value.lower().startswith(("that ", "this ", "these ")) \
            or part == "comparator" and _NO_FINDING_RE.match(value):
        return 0
    if part == "comparator" and value.lower() in ("treatment", "therapy", "intervention", "controls", "other"):
        return 0  # a word every arm is: no control named
    end = _PARTICIPLE_END_RE.search(value) if last in _PARTICIPLES else None
    if part == "comparator" and end is None:
        return _comparator_cut(value)
    if end is None and value.count("(") > value.count(")") and value.rfind("(") >= 3:
        return value.rfind("(")  # "coping strategy programme (START": the name before the parenthesis it opened
    return end.start() if end and end.start() >= 3 else None


def _comparator_cut(value: str) -> int | None:
    """Where a control's name runs into a finding ("enhanced usual care reduced the incidence of ...") or an opened
    statistic ("usual care (RR"); 0 for a piece begun inside a parenthesis ("surgeons)")."""
    close, open_ = value.find(")"), value.find("(")
    if close >= 0 and (open_ < 0 or close < open_):
        return 0
    at = [m.start() for m in (_CONTROL_FINDING_RE.search(value),
                              _STATISTICS_RE.search(value) if _may_be_statistics(value) else None) if m]
    if open_ >= 0 and close < 0:
        at.append(open_)
    cut = min(at) if at else None
    if cut is not None and value.rfind("(", 0, cut) > value.rfind(")", 0, cut):
        cut = value.rfind("(", 0, cut)  # "mechanical prophylaxis (10.0 percent vs. 1.5 percent, P<0.001)": before it
    return None if cut is None else cut if cut >= 3 else 0


def _may_be_statistics(value: str) -> bool:
    """False when ``value`` holds none of the characters every statistic needs (spares the pattern's scan)."""
    return "95" in value or "CI" in value or "onfidence" in value or "=" in value or "<" in value or ">" in value \
        or "≤" in value or "OR" in value or "RR" in value


_FINDING_STEMS_RE = re.compile("tend|increas|decreas|declin|improv|rose|fell|remain|show|report|differ")


def _population_piece(value: str) -> int | None:
    """Where a population shows itself a piece of a results sentence or of a parenthesis (None: nowhere)."""
    close, open_ = value.find(")"), value.find("(")
    low = value.lower()
    at = [m.start() for m in (_STATISTICS_RE.search(value) if _may_be_statistics(value) else None,
                              _FINDING_VERB_RE.search(value) if _FINDING_STEMS_RE.search(low) else None) if m]
    if close >= 0 and (open_ < 0 or close < open_):
        at.append(close)
    return min(at) if at else None
