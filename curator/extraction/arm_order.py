"""Arms read in the wrong order: a title or a sentence that names the control first ("Usual care versus a
pharmacist-led deprescribing intervention", "allocated to continued usual care or to X") leaves the control as the
tested arm and the tested arm as the comparator. A control is never the tested arm: the two are swapped back."""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.assignment import assigned_control
from curator.extraction.pico import comp_words

# A value that IS a control (one qualifying word at most before it), not one that mentions one ("X plus usual care").
_CONTROL_ARM_RE = re.compile(
    r"^(?:(?:the|a|an)\s)?(?:(?:continued|enhanced|ongoing|existing|current|matching|identical)\s)?"
    r"(?:usual\s+care|standard\s+(?:of\s+)?care|routine\s+care|placebo|sham|wait(?:ing)?[- ]?list|no\s+treatment"
    r"|no\s+intervention|treatment\s+as\s+usual)(?![\w-])(?:\s+(?:alone|only))?\.?$",
    re.I,
)


# "Usual care versus a pharmacist-led deprescribing intervention ...": a title naming the control first.
_TITLE_CONTROL_FIRST_RE = re.compile(
    r"^((?:(?:continued|enhanced)\s)?(?:usual\s+care|standard\s+(?:of\s+)?care|routine\s+care|placebo|sham"
    r"|no\s+treatment|wait(?:ing)?[- ]?list(?:\s+control)?))\s+(?:versus|vs\.?|compared\s+with|or)\s", re.I)


def _same_arm(a: str, b: str) -> bool:
    a, b = a.lower().strip(" ."), b.lower().strip(" .")
    return a in b or b in a


def control_named_first(fields: dict[str, Any]) -> None:
    """Swap intervention and comparator when the intervention found is a control and the comparator is not; take the
    title's control when the comparator found is the tested arm again."""
    pico = fields["pico"]
    tested, control = pico["intervention"], pico["comparator"]
    title = fields.get("title") or ""
    m = _TITLE_CONTROL_FIRST_RE.match(title) if tested and control and _same_arm(tested, control) else None
    if m and fields["evidence"].get("title"):
        at = fields["evidence"]["title"][0][0]
        pico["comparator"] = m.group(1)
        fields["evidence"]["pico.comparator"] = [[at + m.start(1), at + m.end(1)]]
        return
    if not tested or not control or len(tested) > 60 or not _CONTROL_ARM_RE.match(tested.strip()):
        return
    if comp_words(control, anywhere=True):
        return  # both are controls: nothing says which was tested
    pico["intervention"], pico["comparator"] = control, tested
    ev = fields["evidence"]
    ev["pico.intervention"], ev["pico.comparator"] = ev.get("pico.comparator", []), ev.get("pico.intervention", [])


def control_not_tested(text: str, fields: dict[str, Any], summary_zones: list[tuple[int, int]]) -> None:
    """A comparator that holds the tested arm ("intravenous ferric carboxymaltose" read from a title naming the control
    first, the tested arm "ferric carboxymaltose") gives way to the control of the summary's assignment sentence."""
    tested, control = fields["pico"]["intervention"], fields["pico"]["comparator"]
    if not tested or not control or len(tested) < 4 or tested.lower() not in control.lower() \
            or control.lower().rstrip(" .").endswith((" alone", " only")):
        return  # "X alone" of an add-on trial holds the background both arms get
    got = assigned_control(text, summary_zones)
    if got and not _same_arm(got[0], tested):
        fields["pico"]["comparator"] = got[0]
        fields["evidence"]["pico.comparator"] = [[got[1], got[2]]]
