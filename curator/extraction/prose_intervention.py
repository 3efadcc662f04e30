"""The tested intervention of a record whose arms are not listed, read from its title and summary.

"Efficacy of X in Y" naming a drug, "randomly allocated to X or Y", "the experimental group performed X",
"we tested X against sham", "this study is testing a new X for ...", and in a single-arm study "44 children
received oral X, titrated to ...". A name the comparator holds ("physiotherapy" of "conventional physiotherapy")
is not the tested intervention: the field stays empty rather than wrong.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction import assignment
from curator.extraction import pico as pico_finders
from curator.extraction.arms import names_comparator
from curator.extraction.cluster_arms import cluster_tested
from curator.extraction.objective_arm import objective_intervention
from curator.extraction.paired_arms import paired_arms
from curator.extraction.pico import Found, Span
from curator.extraction.plain_arms import plain_tested
from curator.extraction.terms import find_drugs
from curator.extraction.textutil import clip
from curator.extraction.values import put

# "44 children ... received oral cannabidiol, titrated to ...": the one arm's name after its route or schedule.
_GIVEN_RE = re.compile(
    r"\b(?:patients|children|adults|participants|women|men|infants|people|adolescents)\b[^.;]{0,160}?\b(?:received"
    r"|were\s+given|were\s+offered|were\s+treated\s+with)\s+(?:(?:a|an)\s+)?(?:(?:oral|intravenous|subcutaneous|topical"
    r"|inhaled|intramuscular|intranasal|weekly|daily|single|open-label|\d+-(?:week|month|day))\s+)*"
    # "were offered a 4-week home-based programme of aerobic ... exercise": the programme, not what it holds.
    r"([a-z][\w\-]*(?:\s[a-z][\w\-]*){0,3}?)(?=\s*[,;.(]|\s+(?:at|titrated|for|twice|once|daily|given|plus|added|of|\d))",
    re.I,
)
# "received active transcutaneous electrical nerve stimulation (TENS) and sham TENS in random order".
_CROSSOVER_RE = re.compile(
    r"\breceived\s+(?:both\s+)?(?:active|real|true)\s+([a-z][\w\-]*(?:\s[a-z][\w\-]*){0,5}?)\s*(?:\([^)]{1,20}\)\s*)?"
    r"(?:and|or|then)\s+(?:a\s+)?(?:sham|placebo)\b", re.I)
# "This study is testing a new silver-coated foam dressing for people with ...": a plain-language summary's X.
_TESTING_RE = re.compile(
    r"\b(?:study|trial)\s+(?:is\s+|will\s+be\s+)?test(?:ing|s)\s+(?:whether\s+|if\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:new\s+)?([\w\-]+(?:\s[\w\-]+){0,4}?)\s+(?:for|in|to|can|could|improves?|helps?|works?|is|will|reduces?)\b",
    re.I,
)


# "Intravenous versus oral iron": an adjective alone, its noun left to the other arm.
_ELLIPTICAL_RE = re.compile(r"[A-Za-z\-]{3,}(?:ous|al|ic|ive|ary)")


def _title_versus(text: str, zones: list[Span]) -> Found | None:
    """The X of a title "X versus Y for Z": the arm as its authors name it (not "mobilisation within 24 hours")."""
    for s, e in zones:
        got = pico_finders.versus_first(text[s:e], s) if "vs" in text[s:e] or "ersus" in text[s:e] \
            or "compared" in text[s:e] else None
        if got and len(got[0].split()) <= 5 and not pico_finders.comp_words(got[0]) \
                and not any(c.isdigit() for c in got[0]) and not _ELLIPTICAL_RE.fullmatch(got[0]):
            return got
    return None


def crossover_active(text: str, zones: list[Span]) -> Found | None:
    """The X of a cross-over "received active X (X) and sham X in random order"."""
    for s, e in zones:
        m = _CROSSOVER_RE.search(text, s, e) if text.find("received", s, e) >= 0 and (
            text.find("sham", s, e) >= 0 or text.find("placebo", s, e) >= 0) else None
        if m and not pico_finders.comp_words(m.group(1)):
            return m.group(1), m.start(1), m.end(1)
    return None


# "a single intravenous infusion of X": how X was given, not its name.
_HOW_GIVEN = frozenset(("infusion", "injection", "dose", "course", "session", "cycle", "bolus", "application"))


def single_group_given(text: str, zones: list[Span], low: str | None = None) -> Found | None:
    """What the people of a single-arm study received ("received oral cannabidiol"), only when it has one arm."""
    if not pico_finders.single_arm(text, zones, low):
        return None
    for s, e in zones:
        m = _GIVEN_RE.search(text, s, e) if text.find("receiv", s, e) >= 0 or text.find("given", s, e) >= 0 \
            or text.find("treated", s, e) >= 0 or text.find("offered", s, e) >= 0 else None
        if m and not pico_finders.comp_words(m.group(1)) and m.group(1).lower() not in _HOW_GIVEN:
            return m.group(1), m.start(1), m.end(1)
    return None


def plain_testing(text: str, zones: list[Span]) -> Found | None:
    """The X of a plain-language "this study is testing (whether) a new X for ..."."""
    for s, e in zones:
        m = _TESTING_RE.search(text, s, e) if text.find("testing", s, e) >= 0 or text.find("tests ", s, e) >= 0 \
            else None
        if m and not pico_finders.comp_words(m.group(1)) and m.group(1).lower() not in ("whether", "if", "how"):
            return m.group(1), m.start(1), m.end(1)
    return None


def guess_intervention(text: str, fields: dict[str, Any], title_zones: list[Span], summary_zones: list[Span],
                       low: str | None) -> None:
    """Put the tested intervention read from the title and summary sentences, when one is found."""
    cands = [got for s, e in title_zones if (got := pico_finders.title_intervention(text[s:e], s))]
    for cand in cands:
        if any(True for _ in find_drugs(cand[0], 1)):
            put(fields, "pico.intervention", clip(cand[0], 300), [[cand[1], cand[2]]])
            return
    got = pico_finders.summary_intervention(text, summary_zones, low) or _title_versus(text, title_zones[:1])
    assigned = assignment.summary_assigned_arm(text, summary_zones) if got and title_zones else None
    if assigned and assigned[0].lower() not in got[0].lower() \
            and text.lower().find(assigned[0].lower(), got[2], title_zones[0][1]) >= 0:
        got = assigned  # "Oral iron versus intravenous X" and "assigned to X or to oral iron": the control named first
    got = got or cluster_tested(text, summary_zones) or assignment.summary_assigned_arm(text, summary_zones) \
        or assignment.tested_sentence(text, summary_zones) \
        or assignment.tested_against(text, summary_zones) or crossover_active(text, summary_zones) \
        or single_group_given(text, title_zones + summary_zones, low) or plain_testing(text, summary_zones) \
        or plain_tested(text) or (paired_arms(text, summary_zones) or (None, None))[0] \
        or objective_intervention(text, summary_zones, low)
    if got:
        # "randomly allocated to active home-based tDCS or sham tDCS": the first arm.
        put(fields, "pico.intervention", clip(got[0], 300), [[got[1], got[2]]])
        return
    control = (fields["pico"]["comparator"] or "").lower()
    given = [g for g in zip(fields["interventions"], fields["evidence"].get("interventions") or [], strict=False)
             if not names_comparator(g[0], control)]
    if given:
        put(fields, "pico.intervention", "; ".join(g[0] for g in given[:3]), [g[1] for g in given[:3]])
    elif cands and not fields["interventions"]:
        put(fields, "pico.intervention", clip(cands[0][0], 300), [[cands[0][1], cands[0][2]]])
