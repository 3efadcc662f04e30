"""The last look at the arms found: each class of arm error seen on unseen pages, repaired where the page states the
arm better (a group's label, a role label glued on, a bare "placebo" or "High-dose", a control stated less commonly).
Nothing is guessed: a value is only replaced by words of the page."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.abbreviated_arm import spelled_arm
from curator.extraction.control_rows import (
    control_arm_line,
    control_line,
    is_vocabulary,
    says_no_control,
    vocabulary_lead,
    without_glued_label,
)
from curator.extraction.cut_short import fuller_control, named_before_colon
from curator.extraction.described_arm import described_arm
from curator.extraction.diagnostic_arms import index_test
from curator.extraction.group_received import (
    allocated_or_control,
    allocated_to_receive,
    group_word,
    received_by,
    tested_group_received,
)
from curator.extraction.named_arms import (
    experimental_listed,
    is_bare_level,
    is_bare_placebo,
    level_substance,
    levelled_tested,
    listed_under_arm,
    named_placebo,
    tested_listed,
    timed_arms,
    two_of_one_product,
    without_listed_control,
)
from curator.extraction.pico import single_arm
from curator.extraction.product_roles import CONTROLS, TESTED, product_roles
from curator.extraction.stated_control import (
    abbreviated_control,
    continued_usual,
    crossover_pair,
    rolled_out_from,
)

Found = tuple[str, int, int]
Zones = list[tuple[int, int]]

# "randomised 1:1 to X within 72 hours ... or to Y 6 to 8 weeks after discharge": the two arms of one sentence.
_TO_OR_TO_RE = re.compile(r"\b(?:randomi[sz]ed|allocated|assigned)\b[^.;\n]{0,30}?\bto\s+(?:either\s+)?"
                          r"([^.;\n]{3,200}?),?\s+or\s+to\s+([^.;\n]{3,200}?)(?=\.(?:\s|$)|;|\n|$)", re.I)


def _set(fields: dict[str, Any], key: str, got: Found | None) -> None:
    fields["pico"][key] = got[0] if got else None
    fields["evidence"].pop(f"pico.{key}", None)
    if got:
        fields["evidence"][f"pico.{key}"] = [[got[1], got[2]]]


def _span(fields: dict[str, Any], key: str) -> list[int] | None:
    ev = fields["evidence"].get(f"pico.{key}") or []
    return ev[0] if len(ev) == 1 else None


def repair_arms(text: str, fields: dict[str, Any], zones: Zones, summary_zones: Zones, abbrs: dict[str, str],
                stated: Zones) -> None:
    """Repair ``fields``' intervention and comparator by class (``zones``: titles and summary; ``stated``: the
    page's labelled intervention sections)."""
    pico = fields["pico"]
    for key in ("intervention", "comparator"):  # "... without current   Intervention code:"
        value, span = pico[key], _span(fields, key)
        if value and span and value.endswith(":"):
            keep = without_glued_label(value)
            if keep < len(value):
                got = value[:keep].rstrip(" ,;")
                _set(fields, key, (got, span[0], span[0] + len(got)))
    no_control = False
    comp = pico["comparator"]
    if comp and says_no_control(comp):
        _set(fields, "comparator", None)
        no_control = True
    elif comp and is_vocabulary(comp):
        _set(fields, "comparator", control_arm_line(text) or control_line(text))
    elif comp and _span(fields, "comparator") and vocabulary_lead(comp):
        span, cut = _span(fields, "comparator"), vocabulary_lead(comp)  # "Active control (...): X": X
        _set(fields, "comparator", (comp[cut:], span[0] + cut, span[1]))
    elif not comp:
        got = control_line(text)  # "Control 1: Active control (...): chest radiographs read by two radiologists"
        if got:
            _set(fields, "comparator", got)
    # The summary and what follows it (a journal's "Design, Setting, and Participants" may lie past the zones).
    start = summary_zones[0][0] if summary_zones else 0
    prose = [(start, min(len(text), max(start + 3000, summary_zones[-1][1] if summary_zones else 0)))]
    if fields["kind"] == "trial" and (summary_zones or stated):
        prose = summary_zones + stated  # a registry record: its summary and its arms' sections, not the whole form
    for key in ("intervention", "comparator"):  # "experimental group": what the group received
        word = group_word(pico[key])
        if word:  # or the intervention listed under the arm of that label ("Experimental: Experimental group")
            got = received_by(text, word, prose) or listed_under_arm(text, pico[key])
            if got:
                _set(fields, key, got)
    _roles(text, fields)
    span = _span(fields, "comparator")
    if pico["comparator"] and span:
        got = fuller_control(text, pico["comparator"], span) or named_before_colon(text, span)  # "usual (routine) care"
        if got:
            _set(fields, "comparator", got)
    if is_bare_placebo(pico["comparator"]):
        got = named_placebo(text)
        if got:
            _set(fields, "comparator", got)
    _levels(text, fields, stated, prose)
    span = _span(fields, "intervention")
    if pico["intervention"] and pico["comparator"] and span:
        keep = without_listed_control(pico["intervention"], pico["comparator"])
        if keep < len(pico["intervention"]):
            _set(fields, "intervention", (pico["intervention"][:keep], span[0], span[0] + keep))
    described = described_arm(text, prose) if _span(fields, "intervention") or not pico["intervention"] else None
    if described:  # a fragment of "a program in which community health workers visited ..." is not the arm
        span = _span(fields, "intervention")
        if not pico["intervention"] or (span and described[1][0] <= span[0] < described[1][1]):
            _set(fields, "intervention", described[0])
    interventional = fields.get("study_type") != "OBSERVATIONAL"
    if (not pico["comparator"] or not pico["intervention"]) and not no_control and interventional:
        _stated(text, fields, prose, [z for z in zones if z not in summary_zones][:2], zones, abbrs)
    for key in ("intervention", "comparator"):
        value = pico[key]
        if value and len(value) <= 300 and value[1:40] != value[1:40].lower():
            got = spelled_arm(text, value)  # "CST", "eight weekly IPT-G sessions": the name the page defines it by
            if got:
                _set(fields, key, got)


def _stated(text: str, fields: dict[str, Any], prose: Zones, titles: Zones, zones: Zones, abbrs: dict[str, str]) -> None:
    """An arm left empty that the summary states less commonly: a roll-out "from usual care to X", "continued usual
    services", "allocated to receive X", "randomised to CST or to TAU" (none of it in a single-arm study, asked only
    once something is found)."""
    pico = fields["pico"]
    rolled = rolled_out_from(text, prose)
    one_arm: list[bool] = []

    def single() -> bool:
        if not one_arm:
            one_arm.append(single_arm(text, zones))
        return one_arm[0]

    if not pico["intervention"]:
        got = (rolled[1] if rolled else None) or index_test(text, titles + prose) or allocated_to_receive(text, prose) \
            or allocated_or_control(text, prose) or tested_group_received(text, prose) or crossover_pair(text, prose)[0]
        if got and not single():
            _set(fields, "intervention", got)
    if not pico["comparator"]:
        got = continued_usual(text, prose) or (rolled[0] if rolled else None) \
            or (received_by(text, "control", prose) if pico["intervention"] else None) \
            or crossover_pair(text, prose)[1] \
            or (abbreviated_control(text, pico["intervention"], abbrs, prose) if pico["intervention"] else None)
        if got and not single():
            _set(fields, "comparator", got)


def _roles(text: str, fields: dict[str, Any]) -> None:
    """Products listed with their roles: the tested one(s) as the intervention when the intervention found holds an
    auxiliary or placebo product or is empty; a named placebo or comparator product as a missing or bare control."""
    roles = product_roles(text)
    if not roles:
        return
    pico = fields["pico"]
    tested = [f for r, f in roles if r in TESTED]
    controls = [f for r, f in roles if r in CONTROLS]
    others = [f for r, f in roles if r not in TESTED and r not in CONTROLS]
    now = (pico["intervention"] or "").lower()
    if tested and (not now or any(_head(f[0]) in now for f in others + controls)):
        pico["intervention"] = "; ".join(f[0] for f in tested[:4])
        fields["evidence"]["pico.intervention"] = [[f[1], f[2]] for f in tested[:4]]
    comp = (pico["comparator"] or "").lower()
    named = [f for f in controls if not is_bare_placebo(f[0])] or controls
    if named and (not comp or is_bare_placebo(comp) or any(_head(f[0]) in comp for f in others)):
        _set(fields, "comparator", named[0])


def _head(name: str) -> str:
    """A product's first word, lower-cased ("paracetamol" of "Paracetamol 1 g tablets"), for finding it in a value."""
    word = name.split()[0].lower() if name.split() else ""
    return word if len(word) >= 4 else name.lower()


def _levels(text: str, fields: dict[str, Any], stated: Zones, prose: Zones) -> None:
    """Arms named only by a dose or timing: the arm's listed intervention, or the assignment sentence's two arms."""
    pico = fields["pico"]
    for key in ("comparator", "intervention"):
        if is_bare_level(pico[key]):
            got = listed_under_arm(text, pico[key])
            if got:
                _set(fields, key, got)
    if not pico["intervention"]:
        arms = experimental_listed(text)  # "Experimental: Earlier vaccination" ... "Experimental: Later vaccination"
        if arms:
            _set(fields, "intervention", arms[0])
            if not pico["comparator"] and len(arms) == 2 and two_of_one_product(arms[0][0] + "; " + arms[1][0]):
                _set(fields, "comparator", arms[1])
            return
    tested, control = pico["intervention"], pico["comparator"]
    ev = fields["evidence"].get("pico.intervention") or []
    if tested and not control and len(ev) == 2:
        cut = two_of_one_product(tested)  # "Tdap at 20-24 weeks; Tdap at 28-32 weeks": the second is the control
        if cut:
            first, second = ev
            _set(fields, "intervention", (tested[:cut - 2], first[0], first[1]))
            _set(fields, "comparator", (tested[cut:], second[0], second[1]))
            return
    if tested and control:
        timed = timed_arms(text, tested, control, prose)
        if timed:
            _set(fields, "intervention", timed[0])
            pico["comparator"] = tested + " " + control
            fields["evidence"]["pico.comparator"] = timed[1]
            return
    levelled = levelled_tested(text, tested, control, stated + prose) if tested and control else None
    if levelled:  # "caffeine" against "Standard-dose caffeine citrate": "High-dose caffeine citrate"
        _set(fields, "intervention", levelled)
        return
    if tested and control and len(tested) <= 40 and control.lower().startswith(tested.lower()) \
            and not any(c.isdigit() for c in tested) and any(c.isdigit() for c in control):
        got = tested_listed(text)  # "Ketamine" against "Ketamine 0.5 mg/kg": the tested arm's own dose
        if got and got[0].lower().startswith(tested.lower()) and got[0].lower() != control.lower():
            _set(fields, "intervention", got)
    span = _span(fields, "intervention")
    same = level_substance(pico["intervention"] or "", pico["comparator"] or "") if span else None
    comp_ev = _span(fields, "comparator")
    if same and comp_ev:  # "High-dose" against "standard-dose caffeine": the tested arm is "High-dose caffeine"
        at = comp_ev[0] + same
        pico["intervention"] = pico["intervention"] + " " + pico["comparator"][same:]
        fields["evidence"]["pico.intervention"] = [span, [at, comp_ev[1]]]
        return
    if not is_bare_level(pico["intervention"]):
        return
    for s, e in stated:
        m = _TO_OR_TO_RE.search(text, s, e)
        if m:
            _set(fields, "intervention", (m.group(1), m.start(1), m.end(1)))
            _set(fields, "comparator", (m.group(2), m.start(2), m.end(2)))
            return
