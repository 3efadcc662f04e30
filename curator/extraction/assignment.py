"""The arms of a sentence that assigns people to them.

"Participants were randomised to X or to Y", "the control group received Y", "the observation group was
treated with X", "Control group: Y": the tested arm and the control, as short names with their spans.
An arm's dose, duration and provider ("15 weeks of supervised X delivered by nurses") are not its name.
"""

from __future__ import annotations

import re

from curator.extraction.pico import Found, Span, comp_words
from curator.extraction.sentence_ends import sentence_end
from curator.extraction.terms import find_drugs
from curator.extraction.textutil import clip, folded, letters_first

_ASSIGNED_RE = re.compile(
    # "randomly assigned 386 men aged 30 to 75 years with a hernia to X or Y": the people between, not their ages.
    # "randomized 1:1 to", "women at 27 to 35 weeks' gestation with haemoglobin below 10 g/dL to": ratios and units too;
    # a count with a thousands separator ("1,050 adults") does not hide the arms.
    # "(1:1)", "below 80% predicted": brackets and percentages are the people's too.
    # "(hemoglobin, 10.0 to 13.0 g per deciliter)": a decimal point inside the people's numbers ends no sentence.
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|assigned|allocated)\s+(?:[\w\-:'/,%()]+(?:\.\d[\w\-:'/,%()]*)?\s+){0,40}?"
    # "who were due to give birth", "admitted to hospital", "up to 6 weeks": the people's words, not the arms.
    r"(?:(?<!\d\s)|(?<=\d:\d\s)|(?<=\d:\d\)\s))(?<!\bdue\s)(?<!\bable\s)(?<!\bup\s)(?<!\bprior\s)(?<!\badmitted\s)"
    r"(?<!\breferred\s)(?<!\bgoing\s)(?<!\blikely\s)to\s+"
    r"(?:receive\s+|either\s+)*(?:(?:a|an|the)\s+)?(.{3,220}?)\s*,?\s+(?:or|versus|vs\.?)\s+(?:to\s+)?",
    re.I,
)
_NUMBER = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
# "15 weeks of", "six to eight sessions of", "a single session of": how much of the arm, before its name.
_AMOUNT_RE = re.compile(
    rf"^(?:(?:(?:a\s+)?single|{_NUMBER})(?:\s*(?:to|-|–)\s*{_NUMBER})?\s+(?:weekly\s+|daily\s+|monthly\s+)?"
    r"(?:weeks?|months?|days?|sessions?|visits?|cycles?|doses?|courses?|infusions?|injections?|packs?|sachets?|capsules?"
    r"|tablets?)\s+(?:daily\s+|a\s+day\s+)?of\s+(?:(?:a|an|the)\s+)?"  # "3 packs daily of an immunonutrition formula"
    # "a 12-month home-based programme", "six-week": the arm's length as an adjective.
    rf"|(?:a\s+|an\s+)?{_NUMBER}-(?:week|month|day|session|year)\s+)",
    re.I,
)
# Where the arm's name ends and its provider, schedule or detail begins.
_DETAIL_RE = re.compile(
    r"\s+\(|,\s|\s+at\s+home\s+(?:using|with|via)\s|\s+from\s+(?:a|an|trained)\s|\s+(?:delivered|provided|given|administered|led|run|supervised)\s+by\s|\s+by\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:trained|lay|qualified|community|specialist|study|surgeon|anaesthetist|anesthetist|nurse|physician|doctor"
    r"|physiotherapist|therapist|pharmacist)\b|\s+(?:for|over|during)\s+(?:\d+|one|two|three|four|five|six"
    r"|eight|ten|twelve)\b|\s+(?:at|from)\s+\d|\s+at\s+[CTLS]\d|\s+with\s+\d[\d.]*\s?(?:ml|mg|mcg|µg|g)\s"
    r"|\s+(?:at|in)\s+(?:the|a|an|their|every|each|all)\s"
    r"|\s+under\s+(?:general|local|regional"
    r"|spinal)\s|\s+(?:once|twice|three\s+times|\d+\s+times)\s+(?:a|per|each|daily|weekly)\b|\s+for\s+at\s+least\s"
    r"|\s+with\s+(?:[\w\-]+\s+){0,3}(?:visits|calls|sessions|follow-up)\b"  # "with physiotherapist visits": its delivery
    r"|\s+with\s+(?:a\s+|an\s+)?(?:daily|weekly|monthly)\s"  # "with a daily target of 8,000 steps": its schedule
    r"|\s+(?:starting|beginning|commencing)\s|\s+within\s+(?:\d|an?\s|one\s|two\s|the\s+first\s)"
    r"|\s+(?:delivered|given|provided|held)\s+(?:weekly|daily|monthly|fortnightly|twice|once|every)\b"
    r"|\s+(?:applied|worn|placed|fitted)\s+(?:in|at|for|after|on|over|during|immediately|before|to)\b"  # a device's use
    r"|\s+(?:installed|mounted|located|sited|set\s+up)\s+(?:in|at|on|beside|near)\b"  # "dispensers installed at"
    r"|\s+(?:distributed|supplied|given|provided|offered)\s+to\s+(?:every|each|all)\s",
    re.I,
)
# The control of "... or (to) Y": Y names no treatment, the same treatment alone, or a control word.
_CONTROL_TAIL_RE = re.compile(r"\s+(?:alone|only)$", re.I)
_NO_TREATMENT_RE = re.compile(r"^no\s+[a-z]", re.I)
# A first arm that is a control and nothing more ("usual care", "placebo", "the waiting list").
_CONTROL_ARM_RE = re.compile(r"^(?:(?:continued|enhanced|matching|identical)\s+)?(?:usual\s+care|standard\s+(?:of\s+)?care"
                             r"|routine\s+care|placebo|sham|wait(?:ing)?[- ]?list|no\s+(?:treatment|intervention))$", re.I)


# An arm written as what its people do: "use the SleepWell app", "continue azathioprine", "switch to placebo".
_ARM_VERB_RE = re.compile(
    r"^(?:use|take|attend|get|receive|be\s+given|do|have|complete|join|practise|practice|follow|wear|drink|eat|continue(?:\s+with)?"
    r"|switch\s+to|stay\s+on|start|remain|stay)\s+(?:(?:a|an|the|their)\s+)?(?=[\w\-])", re.I)


def arm_name(x: str) -> str:
    """An arm's name without the amount before it, the verb of its people and the detail after it."""
    v = _ARM_VERB_RE.match(x)
    if v and len(x) - v.end() >= 3:
        x = x[v.end():]
    if x[:6].lower() == "up to " or x[:1] in "£$€":
        x = _UP_TO_RE.sub("", x, 1)  # "up to three text-message reminders", "£400 of shopping vouchers"
    elif x[:1].isdigit():
        x = _DOSE_OF_RE.sub("", x, 1)  # "20 mL of tranexamic acid": the dose, not the name
    amount = _AMOUNT_RE.match(x)
    if amount:
        x = x[amount.end():]
    m = _HOW_OFTEN_RE.match(x)  # "12 weeks of daily 30-minute TTNS", "four weekly calls": how often and how long
    if m and len(x) - m.end() >= 3 and (amount or m.group(1) is None):
        x = x[m.end():]
    cut = _DETAIL_RE.search(x)
    while cut and x.startswith(",", cut.start()) and _ADJECTIVES_RE.fullmatch(x[:cut.start()]):
        cut = _DETAIL_RE.search(x, cut.end())  # "an isocaloric, isonitrogenous standard supplement": one name
    if cut and cut.start() >= 3:
        x = x[:cut.start()]
    return x.strip(" ,")


# "up to three", "up to £400 of": the most an arm gives, not its name.
_UP_TO_RE = re.compile(rf"^(?:up\s+to\s+)?[£$€]\s?\d[\d,.]*\s+(?:of|in)\s+|^up\s+to\s+(?=\d|{_NUMBER}\s)", re.I)


_DOSE_OF_RE = re.compile(r"^\d+(?:\.\d+)?\s?(?:mL|ml|mg|g|mcg|µg|IU|units?|mg/kg|mL/kg|ml/kg)\s+of\s+(?=[a-z])")


# (A bare "daily" goes only after an amount: "daily polypill" is the arm's name.)
_HOW_OFTEN_RE = re.compile(r"(?:(?:daily|weekly|nightly|twice[- ]weekly|twice[- ]daily)\s+)?\d+-(?:minute|min|hour)\s+"
                           rf"|{_NUMBER}\s+(?:daily|weekly|nightly|fortnightly|monthly)\s+(?=\w)"
                           r"|((?:daily|weekly|nightly|twice[- ]weekly)\s+)(?=\w)", re.I)


_GROUP_LABEL_RE = re.compile(r"^(?:(?:an?|the)\s+)?(?:experimental|intervention|treatment|study|test|observation|active)"
                             r"\s+(?:group|arm)$", re.I)
# Adjectives listed before the arm's noun: "isocaloric, isonitrogenous".
_ADJECTIVES_RE = re.compile(r"(?:an?\s+|the\s+)?[a-z\-]+(?:ic|ous|al|ive|free)(?:,\s[a-z\-]+(?:ic|ous|al|ive|free))*")


def _first_arm(text: str, m: re.Match[str], limit: int) -> Found | None:
    raw = m.group(1)
    x = arm_name(raw)
    if not x or len(x.split()) > limit or comp_words(x) or x[:1].isdigit() or _CONTROL_ARM_RE.match(x) \
            or _GROUP_LABEL_RE.match(x):  # "randomly assigned to an experimental group or a control group"
        return None
    start = m.start(1) + raw.find(x)
    return x, start, start + len(x)


def summary_assigned_arm(text: str, zones: list[Span]) -> Found | None:
    """The first arm of "randomly allocated to X or Y" in a summary, when it is a short name and not the control."""
    for s, e in zones:
        if "andom" not in text[s:e] and "ssign" not in text[s:e] and "llocat" not in text[s:e]:
            continue
        m = _ASSIGNED_RE.search(text, s, e)
        if m is not None:
            got = _first_arm(text, m, 10) or _second_after_control(text, m, e) or _added_to_control(text, m, e)
            if got and got[0].lower() in _BACK_NOUNS:
                got = _named_before(text, got)
            if got:
                return got
    return None


# "Clinics were randomised to the programme": the programme the summary named before ("group education programme").
_BACK_NOUNS = frozenset(("programme", "program", "intervention", "app", "service", "scheme", "package", "course"))


def _named_before(text: str, got: Found) -> Found | None:
    """The fuller name an earlier sentence gives the arm's bare noun ("informed group education programme"), else
    None (a bare "programme" names nothing)."""
    noun = re.escape(got[0])
    found = list(re.finditer(rf"\b((?:[a-z][\w\-]*\s+){{1,3}}{noun})\b", text[max(0, got[1] - 600):got[1]]))
    if not found:
        return None
    last = found[-1]
    words = last.group(1).split()
    while words and words[0].lower() in ("a", "an", "the", "this", "our", "their", "of", "to", "in", "new"):
        words = words[1:]
    if len(words) < 2:
        return None
    name = " ".join(words)
    at = max(0, got[1] - 600) + last.start(1) + last.group(1).find(name)
    return (name, at, at + len(name)) if text[at:at + len(name)] == name else None


_WHEN_RE = re.compile(r"\s(?:at|from|until|during|throughout)\s")


def _added_to_control(text: str, m: re.Match[str], e: int) -> Found | None:
    """The Z of "randomised to Y with Z or to Y alone": what the tested arm adds to the control's care."""
    first = m.group(1)
    tail = text[m.end():min(e, m.end() + 160)]
    alone = tail.find(" alone")
    if alone < 5 or "with " not in first:
        return None
    base = arm_name(tail[:alone])
    k = first.find(" with ")
    if k < 3 or base.lower() != first[:k].strip().lower():
        return None
    got = arm_name(first[k + 6:])
    when = _WHEN_RE.search(got)
    got = got[:when.start()] if when and when.start() >= 3 else got  # "... abstinence at four points from the quit date"
    if not 3 <= len(got) <= 100 or len(got.split()) > 10 or got[:1].isdigit():
        return None
    at = m.start(1) + first.find(got, k)
    return got, at, at + len(got)


def _second_after_control(text: str, m: re.Match[str], e: int) -> Found | None:
    """The Y of "allocated to usual care or to Y": the control named first, the tested arm second."""
    if not _CONTROL_ARM_RE.match(arm_name(m.group(1))):
        return None
    end = sentence_end(text, m.end(), min(e, m.end() + 160))
    raw = text[m.end():end if end is not None else min(e, m.end() + 120)]
    y = arm_name(raw)
    if not 3 <= len(y) <= 80 or len(y.split()) > 8 or comp_words(y, anywhere=True) or y[:1].isdigit():
        return None
    at = m.end() + raw.find(y)
    return y, at, at + len(y)


def assigned_arm(value: str, offset: int) -> Found | None:
    """The first arm of "randomised to X or Y" or "the first group will take part in X" in a sentence (X, with its
    span), else None."""
    m = _ASSIGNED_RE.search(value)
    if m is None:
        got = tested_sentence(value, [(0, len(value))])
        return (got[0], offset + got[1], offset + got[2]) if got else None
    x = m.group(1).strip()
    if len(x.split()) > 12:  # "a 12-week progressive home exercise programme ... with six telephone calls (n = 74)"
        x = arm_name(x)
        at = m.group(1).find(x) if x else -1
        return (x, offset + m.start(1) + at, offset + m.start(1) + at + len(x)) \
            if at >= 0 and 2 <= len(x.split()) <= 12 and not comp_words(x) else None
    return (x, offset + m.start(1), offset + m.start(1) + len(x)) if len(x.split()) <= 12 else None


_BRACKETS_RE = re.compile(r"\([^()]*\)")  # "(5 days/week, 60 min/day)": an arm's detail, not a list of arms
_USUAL_WAY_RE = re.compile(r"(?:standard|usual|routine|conventional|current|existing)\s", re.I)


# "an attention control of", "a control condition consisting of": the control's own words follow.
_CONTROL_OF_RE = re.compile(r"^(?:(?:an?|the)\s+)?(?:attention|active|attention-matched|time-matched)(?:[- ]matched)?\s+control"
                            r"(?:\s+(?:condition|group|programme|program|intervention))?\s+(?:of|consisting\s+of|with)\s+",
                            re.I)
_WHO_RE = re.compile(r"\s(?:that|who|which|whose)\s")
_SAME_AMOUNT_RE = re.compile(r"\s+of\s+(?:equal|similar|the\s+same|matched|comparable)\s", re.I)


def assigned_control(text: str, zones: list[Span]) -> Found | None:
    """The Y of "randomised to X or (to) Y" when Y is a control: no treatment ("no supplementation"), the
    other arm's care alone ("standard therapy alone"), or a control word ("enhanced usual care"); else the second
    of two arms."""
    other: Found | None = None
    for s, e in zones:
        if text.find("andom", s, e) < 0 and text.find("ssign", s, e) < 0 and text.find("llocat", s, e) < 0:
            continue
        m = _ASSIGNED_RE.search(text, s, e)
        if m is None:
            continue
        end = sentence_end(text, m.end(), min(e, m.end() + 160))
        raw = text[m.end():end if end is not None else min(e, m.end() + 120)]
        y = arm_name(raw)
        if y[:2].lower() == "a " and _USUAL_WAY_RE.match(y[2:]):
            y = y[2:]  # "to a standard adhesive dressing"
        elif y[:3] == "an " and _ADJECTIVES_RE.match(y, 3):
            y = y[3:]  # "or an isocaloric, isonitrogenous standard supplement"
        with_at = y.find(" with ")
        if with_at > 0 and " " in y[:with_at] and _USUAL_WAY_RE.match(y):
            y = y[:with_at]  # "standard systemic analgesia with paracetamol and opioids": the control's name
        rel = _WHO_RE.search(y) if "wait" in y.lower() else None  # (a control group "that received X" is X)
        if rel and rel.start() >= 8:
            y = y[:rel.start()]  # "a waiting-list control group that received the stations after the trial"
            y = y[2:] if y[:2] == "a " else y
        ctl = _CONTROL_OF_RE.match(y) if "ontrol " in y else None
        if ctl:  # "or to an attention control of four general health education sessions of equal length": the sessions
            z = y[ctl.end():]
            z = z[:_SAME_AMOUNT_RE.search(z).start()] if _SAME_AMOUNT_RE.search(z) else z
            if 3 <= len(z) <= 100 and len(z.split()) <= 10:
                at = m.end() + raw.find(y) + ctl.end()
                return z, at, at + len(z)
        first = arm_name(m.group(1))
        if _CONTROL_ARM_RE.match(first) and not comp_words(y, anywhere=True):
            at = m.start(1) + m.group(1).find(first)
            return first, at, at + len(first)  # "allocated to usual care or to Y": the control named first
        if not 3 <= len(y) <= 80 or len(y.split()) > 8:
            continue
        if _NO_TREATMENT_RE.match(y) or _CONTROL_TAIL_RE.search(y) or comp_words(y, anywhere=True) \
                or _USUAL_WAY_RE.match(y):  # "or to standard perioperative care"
            at = m.end() + raw.find(y)
            return y, at, at + len(y)
        if other is None and ", " not in _BRACKETS_RE.sub("", m.group(1)) and len(y.split()) <= 6 and not y[:1].isdigit() \
                and y.lower() != arm_name(m.group(1)).lower():
            at = m.end() + raw.find(y)
            other = y, at, at + len(y)
    # "randomised to laparoscopic repair or open repair": of two arms, the second is the comparison.
    return other


_CONTROL_SENTENCE_RE = re.compile(
    # (each alternative starts with its word: the pattern's letters-first twin reads that letter before the rest)
    r"\b(?:control\s+(?:group|arm|condition)s?(?:\s+participants)?|comparator\s+(?:group|arm|condition)s?"
    r"(?:\s+participants)?|comparison\s+(?:group|arm|condition)s?(?:\s+participants)?|controls"
    r"|control\s+(?:participants|patients|subjects|practices|clinics|schools|wards|women|children))\s*"
    r"(?::\s*(?:\d+\s+participants\s+(?:will\s+)?(?:receive|get)\s+)?|\s(?:will\s+(?:receive|undergo|be\s+given"
    r"|be\s+offered|get|be\s+treated\s+with|continue\s+(?:with|to\s+receive))|receives?|received|gets?|got|undergoes"
    r"|underwent|(?:is|are|was|were)\s+(?:given|offered|treated\s+with)|continues?\s+with)\s+)"
    r"(?:(?:a|an|the|only)\s+)?",
    re.I,
)
_TESTED_SENTENCE_RE = re.compile(
    r"\b(?:(?:observation|experimental|intervention|treatment|study|test)\s+(?:group|arm)s?|(?:those|participants|people"
    r"|patients)\s+in\s+the\s+first\s+group)\s+(?:(?:additionally|also|then)\s+)?(?:(?:was|were|is|are|will\s+be)\s+"
    r"(?:treated\s+with|given)|received"
    r"|performed|underwent|attended|(?:will\s+)?(?:receive|undergo|attend|perform|take\s+part\s+in))\s+(?:(?:a|an|the)\s+)?",
    re.I,
)


_NEXT_CLAUSE_RE = re.compile(r",?\s+(?:and|while|whereas)\s+(?:the|those|participants|patients)\s")


def _after(pattern: re.Pattern[str], text: str, zones: list[Span], words: tuple[str, ...],
           low: str | None = None) -> Found | None:
    """What follows ``pattern``'s first match in ``zones`` (a zone holding none of ``words`` is skipped; ``low``:
    ``caseless(text)``, searched with the pattern's folded twin, when the caller has it)."""
    pattern, hay = (pattern, text) if low is None else (_FOLDED[id(pattern)], low)
    for s, e in zones:
        if all(text.find(w, s, e) < 0 for w in words):
            continue
        m = pattern.search(hay, s, e)
        if m:
            end = sentence_end(text, m.end(), min(e, m.end() + 200))
            x = text[m.end():end if end is not None else min(e, m.end() + 150)].strip(" ,")
            clause = _NEXT_CLAUSE_RE.search(x)
            x = x[:clause.start()] if clause else x  # "..., and the observation group ...": another arm's clause
            if len(x) > 2:
                return clip(x, 200), m.end(), m.end() + len(x)
    return None


# A plain-language summary's other arm: "Those in the second group will be put on a waiting list ...".
_SECOND_GROUP_RE = re.compile(
    r"\b(?:those|participants|people|patients)\s+in\s+the\s+(?:second|other)\s+group\s+will\s+(?:be\s+(?:put|placed)"
    r"\s+on|receive|continue\s+(?:with|to\s+receive)|have|be\s+given)\s+(?:(?:a|an|the)\s+)?", re.I)
# The case-sensitive twins searched over the lower-cased text (``re.I`` makes a scan several times slower), by the
# pattern's id (a compiled pattern's hash reads all its code).
_FOLDED = {id(p): letters_first(folded(p)) for p in (_CONTROL_SENTENCE_RE, _SECOND_GROUP_RE)}
_AND_THEN_RE = re.compile(r"\s+and\s+(?:be\s+)?(?:offered|given|invited|receive)\b.*$", re.I)


def control_sentence(text: str, zones: list[Span], low: str | None = None) -> Found | None:
    """What "the control group receives X" / "the control arm received X" / "Control group: X" names, or a
    plain-language summary's second group when it holds a control's words ("will be put on a waiting list");
    ``low`` as for :func:`_after`."""
    got = _after(_CONTROL_SENTENCE_RE, text, zones, ("ontrol", "ompar"), low)
    if got is None:
        got = _after(_SECOND_GROUP_RE, text, zones, ("second group", "other group"), low)
        x = _AND_THEN_RE.sub("", got[0]) if got else ""
        got = (x, got[1], got[1] + len(x)) if got and comp_words(x, anywhere=True) else None
    return got


def tested_sentence(text: str, zones: list[Span]) -> Found | None:
    """The tested arm's name of "the observation group was treated with X, for 4 weeks"."""
    got = _after(_TESTED_SENTENCE_RE, text, zones, ("group", "arm"))
    if got is None:
        return None
    x = arm_name(got[0])
    return (x, got[1], got[1] + len(x)) if x and any(True for _ in find_drugs(x, 1)) or 0 < len(x.split()) <= 6 \
        else None


# "We tested X against sham stimulation", "This trial compared X with usual care": X, the tested arm.
_TESTED_AGAINST_RE = re.compile(
    r"\b(?:tested|compared|evaluated)\s+(?:(?:a|an|the)\s+)?([a-z][\w\-]*(?:\s[\w\-]+){0,7}?)\s+(?:against|with|versus"
    r"|vs\.?)\s+(?:(?:a|an|the)\s+)?(?:sham|placebo|usual|standard|no\s|attention|wait)", re.I)


def tested_against(text: str, zones: list[Span]) -> Found | None:
    """The X of "we tested X against sham / placebo / usual care" in a summary."""
    for s, e in zones:
        if text.find("tested", s, e) < 0 and text.find("compared", s, e) < 0 and text.find("evaluated", s, e) < 0:
            continue
        m = _TESTED_AGAINST_RE.search(text, s, e)
        if m and not comp_words(m.group(1)):
            return m.group(1), m.start(1), m.end(1)
    return None


_EITHER_RE = re.compile(r"^(.{3,200}?),?\s+or\s+(?:to\s+)?(.{3,120})$")


def either_arms(value: str, offset: int) -> tuple[Found, Found] | None:
    """The tested arm and the control of an arms value "X, or Y alone" / "X or no treatment" (Y a control)."""
    m = _EITHER_RE.match(value.rstrip(" ."))
    if m is None:
        return None
    y = arm_name(m.group(2))
    if not (_NO_TREATMENT_RE.match(y) or _CONTROL_TAIL_RE.search(y) or comp_words(y, anywhere=True)):
        return None
    x = m.group(1).strip()
    return (x, offset + m.start(1), offset + m.start(1) + len(x)), (y, offset + m.start(2), offset + m.start(2) + len(y))
