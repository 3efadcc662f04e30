"""PICO of a bibliographic entry (RIS, MEDLINE, PubMed XML, EndNote, BibTeX, Web of Science, a table row) from its title and abstract.

A reader writes such an entry as a labelled page ("Title: ...", "Authors: ...", "Abstract" and its text)
with the fields it read and their evidence, but finds no PICO: that lives in the abstract's prose. Only the
PICO part of :func:`curator.extraction.extract` is run here, and only on the title and the abstract: the
rest of the page is blanked (same length, same line breaks) so its labels are not read, and every span
points into the page text the document pane shows. What the title and abstract do not state stays null.
"""

from __future__ import annotations

import re
from typing import Any

from curator.extraction.assignment import arm_name
from curator.extraction.engine import pico_in_zones
from curator.extraction.entry_arms import entry_arms, no_study
from curator.extraction.entry_forms import mend_forms
from curator.extraction.entry_notices import is_notice
from curator.extraction.entry_phrases import mend_phrases
from curator.extraction.labels import label_slot
from curator.extraction.layout import Document
from curator.extraction.listed_control import listed_control
from curator.extraction.listitems import label_items
from curator.extraction.people import PEOPLE_WORDS, people_phrase
from curator.extraction.pico_fragments import without_fragment
from curator.extraction.pico_scope import within_pico_scope
from curator.extraction.terms import find_abbreviations, spelled_out_arm
from curator.extraction.title_pico import title_pico
from curator.extraction.unasked import unasked, within
from curator.extraction.values import put
from curator.fields import empty_fields

#: Profiles of the entries that bibliographic readers write as labelled pages (kind ``article``).
BIBLIOGRAPHIC_PROFILES = frozenset(("ris", "medline", "pubmed-xml", "endnote-xml", "bibtex", "wos", "table"))
PICO_PARTS = ("population", "intervention", "comparator", "outcome")
_ZONE_KEYS = ("title", "abstract")


def is_bibliographic(profile: str | None, kind: str | None) -> bool:
    """Whether a record of this profile and kind is a bibliographic entry whose PICO comes from its abstract."""
    return profile in BIBLIOGRAPHIC_PROFILES and kind == "article"


def _zones(evidence: dict[str, Any], key: str, length: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in evidence.get(key) or [] if 0 <= s < e <= length]


def _spaces(chunk: str) -> str:
    return "\n".join(" " * len(line) for line in chunk.split("\n"))


def _blanked(text: str, zones: list[tuple[int, int]]) -> str:
    """``text`` with everything outside ``zones`` turned to spaces (line breaks kept): same offsets."""
    parts: list[str] = []
    at = 0
    for s, e in sorted(zones):
        if s > at:
            parts.append(_spaces(text[at:s]))
        parts.append(text[max(s, at):e])
        at = max(at, e)
    parts.append(_spaces(text[at:]))
    return "".join(parts)


# A heading run into its abstract's paragraph ("... at 12 weeks. Main outcome measures: Knee pain ..."): the space
# before it becomes a line break in the text read (same length), so the heading is read as a label.
# (The stop is matched, not looked behind at: the pattern then starts with a class and is tried at stops only.)
_RUN_IN_HEADING_RE = re.compile(r"([.!?])\s+(?=([A-Z][A-Za-z]+(?: [A-Za-z]+){0,3}):\s)")


_BARE_HEADING_RE = re.compile(
    r"([.!?])(?:\s{2,}|\s(?=Interventions?\s|INTERVENTIONS?\s))(?=(?:Objectives?|Design|Setting|Subjects|Participants|"
    r"Interventions?|Main\s+outcome(?:\s+measures?)?|Main\s+measures|Measurements|Outcomes?|OBJECTIVES?|DESIGN|"
    r"SETTING|PARTICIPANTS|INTERVENTIONS?|MAIN\s+OUTCOME(?:\s+MEASURES?)?|MAIN\s+MEASURES|MEASUREMENTS)\s+[A-Z])")


def _headings_on_lines(page: str) -> str:
    def broken(m: re.Match[str]) -> str:
        # (two spaces between sentences: the line break, then a space - the same length)
        return m.group(1) + "\n" + " " * (len(m.group(0)) - 2) if label_slot(m.group(2)) is not None else m.group(0)

    if ".  " in page or ". Interventions " in page or ". INTERVENTION" in page:
        # "... 37 health centres.  Interventions This study involved training ...": a heading without a colon, known by
        # its words and the capital after them (two spaces before it, or the interventions heading itself)
        page = _BARE_HEADING_RE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - 2) + "\n", page)
    if ": " not in page:
        return page
    page = _RUN_IN_HEADING_RE.sub(broken, page)
    if "OUTCOME" in page or "INTERVENTION" in page or "CONDITION" in page:
        page = _REGISTRY_LABEL_RE.sub(lambda m: "\n" if label_slot(m.group(1)) is not None else m.group(0), page)
    return page


# A registry record's labels run into one paragraph (CENTRAL: "CONDITION: ... INTERVENTION: Drug: X; Drug: Placebo
# PRIMARY OUTCOME: ... SECONDARY OUTCOME: ..."): the space before each capitalised label becomes a line break.
_REGISTRY_LABEL_RE = re.compile(r"(?<![A-Z]) (?=([A-Z]{3,}(?: [A-Z]{2,}){0,3}):\s)")


def entry_pico(text: str, evidence: dict[str, Any]) -> dict[str, tuple[str, list[list[int]]]]:
    """``{part: (phrase, spans)}`` for the PICO parts the entry's title and abstract state.

    ``text`` is the entry's page, ``evidence`` its fields' evidence (the ``title`` and ``abstract`` spans
    say where to read). Parts not stated are left out.
    """
    title_zones = _zones(evidence, "title", len(text))
    summary_zones = _zones(evidence, "abstract", len(text))
    if not summary_zones and (not title_zones or is_notice(text, title_zones)):
        return {}
    if not summary_zones:
        start, end = title_zones[0]  # a title alone is read by its own grammar, strictly
        found = title_pico(text[start:end])
        if not within_pico_scope(text, title_zones, summary_zones, names_given="intervention" in found):
            return {}
        return {part: (value, [[start + s, start + e] for s, e in spans]) for part, (value, spans) in found.items()}
    if not within_pico_scope(text, title_zones, summary_zones):
        return {}  # a paper on markets, software or materials: its "effects of X on Y" name no intervention
    doc = Document(_headings_on_lines(_blanked(text, title_zones + summary_zones)))
    scratch = empty_fields()
    scratch["kind"] = "article"
    for key in _ZONE_KEYS:
        if evidence.get(key):
            scratch["evidence"][key] = [list(span) for span in evidence[key]]
    # No conditions are given: the population is the people the abstract names, not a condition guessed from
    # its words (a condition list joined up is no population: "HIV; involved HIV").
    names, spans, _ = label_items(doc, "interventions")  # a structured abstract's "Interventions:" section
    if names:
        put(scratch, "interventions", names, spans)
    pico_in_zones(doc, scratch, title_zones, summary_zones)
    got: dict[str, tuple[str, list[list[int]]]] = {}
    for part in PICO_PARTS:
        value = scratch["pico"][part]
        spans = scratch["evidence"].get(f"pico.{part}")
        if value and spans and all(0 <= s < e <= len(text) for s, e in spans):
            if len(spans) == 1 and text[spans[0][0]:spans[0][1]] != value and text.endswith(value, *spans[0]):
                spans = [[spans[0][1] - len(value), spans[0][1]]]  # "Drug: X" read as X: the span of X
            got[part] = (value, [list(span) for span in spans])
    _people_over_condition(text, got, title_zones, summary_zones)
    _named_control(text, got, summary_zones)
    _tidy(text, got)
    _two_arms(text, got)
    listed_control(text, got, title_zones)
    _usual_control(text, got, summary_zones)
    _review_title(text, got, title_zones)
    entry_arms(text, got, summary_zones, title_zones)
    _unasked_by_the_title(text, got, title_zones, summary_zones)
    mend_phrases(text, got, title_zones, summary_zones)
    mend_forms(text, got, summary_zones)
    no_study(text, got, title_zones, summary_zones)
    for part, (value, spans) in list(got.items()):
        kept = without_fragment(text, part, value, spans)
        if kept:
            got[part] = kept
        else:
            del got[part]
    _spelled_out(text, got, summary_zones)
    return got


def _spelled_out(text: str, got: dict[str, tuple[str, list[list[int]]]], zones: list[tuple[int, int]]) -> None:
    """A short arm written with an abbreviation the abstract defines ("primary SLT") is given its long form."""
    abbrs: dict[str, str] | None = None
    for part in ("intervention", "comparator"):
        arm = got.get(part)
        if arm and any(c.isupper() for c in arm[0][1:]):  # (an abbreviation has a capital: the abstract read only then)
            if abbrs is None:
                abbrs = find_abbreviations(" ".join(text[s:e] for s, e in zones)[:30000])
            got[part] = (spelled_out_arm(arm[0], abbrs), arm[1])


_PEOPLE_WORD_RE = re.compile(r"\b(?:" + PEOPLE_WORDS + r")\b", re.I)


def _people_over_condition(text: str, got: dict[str, tuple[str, list[list[int]]]],
                           title_zones: list[tuple[int, int]], summary_zones: list[tuple[int, int]]) -> None:
    """A population that is only a condition named by the title, or a condition the people the abstract counts are
    said to have ("clinical mastitis" of "Dairy cows with mild clinical mastitis"), gives way to those people."""
    pop = got.get("population")
    from_title = pop is None or within(pop[1], title_zones)
    aside = not from_title and _aside_sentence(text, pop[1][0][0], summary_zones)
    if not from_title and not aside and _PEOPLE_WORD_RE.search(pop[0]):
        return
    people = people_phrase(text, summary_zones)
    if people is not None and (from_title or (aside and " " in people[0]) or pop[0].lower() in people[0].lower()):
        got["population"] = (people[0], [[people[1], people[2]]])


# A sentence that takes part in the study: it counts, enrols or randomises its people, or is under a heading that
# gives them. Other sentences (background, results, conclusions) name people the study did not enrol as such.
_STUDY_VERBS = ("random", "enrol", "recruit", "includ", "assigned", "allocated", "eligib")
_COUNTED_PEOPLE_RE = re.compile(r"(?:^|[^A-Za-z\d,]\s|\b(?:of|total|and|with|in|to|enrolled|included)\s)\d[\d,]*\s+"
                                r"(?:[\w\-]+\s+){0,2}(?:" + PEOPLE_WORDS + r")\b", re.I)
_PEOPLE_HEADING_RE = re.compile(r"\s*(?:methods?|participants|patients|subjects|population|setting)\b", re.I)


def _aside_sentence(text: str, at: int, zones: list[tuple[int, int]]) -> bool:
    """Whether the sentence around ``at`` neither counts nor enrols people (a background or results sentence)."""
    for s, e in zones:
        if s <= at < e:
            start = max(text.rfind(". ", s, at) + 2, text.rfind("\n", s, at) + 1, s)
            stop = min([i for i in (text.find(". ", at, e), text.find("\n", at, e)) if i >= 0], default=e)
            sentence = text[start:stop]
            low = sentence.lower()
            if any(verb in low for verb in _STUDY_VERBS) or _PEOPLE_HEADING_RE.match(sentence):
                return False
            return not any(c.isdigit() for c in sentence) or _COUNTED_PEOPLE_RE.search(sentence) is None
    return False


# "sham-controlled" said, and the abstract names the sham: "non-penetrating sham acupuncture".
_NAMED_SHAM_RE = re.compile(r"\b(?:[a-z]+-[a-z]+\s+)?(?:sham|placebo)\s+(?!(?:group|arm|controlled|control|and|or|was|were"
                            r"|is|are|in|for|to|at|with|on|the|a|an|of)\b)[a-z][\w\-]*", re.I)


def _named_control(text: str, got: dict[str, tuple[str, list[list[int]]]], zones: list[tuple[int, int]]) -> None:
    comp = got.get("comparator")
    if comp is None or comp[0].lower() not in ("sham", "placebo"):
        return
    for s, e in zones:
        for m in _NAMED_SHAM_RE.finditer(text, s, e):
            if comp[0].lower() in m.group(0).lower() and not m.group(0).rsplit(None, 1)[-1].isupper():
                got["comparator"] = (m.group(0), [[m.start(), m.end()]])
                return


# A structured abstract's next section, run into the value ("... over six months. Results: Falls were fewer").
_NEXT_SECTION_RE = re.compile(r"(?<=[.!?])\s+(?:Results?|Conclusions?|Background|Methods?|Objectives?|Aims?|Design|Setting"
                              r"|Findings|Interpretation|Introduction|Purpose|Measurements|Discussion|Limitations)\s*:",
                              re.I)
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.I)
_CONTROL_RECEIVED_RE = re.compile(r"^(?:a\s+|the\s+)?control\s+(?:group|arm)\s+(?:that|which|who)\s+(?:received|was\s+given"
                                  r"|got)\s+", re.I)
_ASIDE_RE = re.compile(r"\s*\((?=[^)]*\s)[^()]*\)$")  # "(moderate-certainty evidence)", not "(TENS)"
_GENERIC = frozenset(("intervention", "interventions", "treatment", "treatments", "therapy", "the intervention",
                      "the treatment", "experimental", "active", "study drug", "the drug", "drug", "exposure"))
_NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                           "fourteen", "fifteen", "twenty", "thirty"))
# A control's name running on into its schedule ("placebo until 36 weeks").
_TRAILING_WORD_RE = re.compile(r"\s+(?:until|from|for|during|over|daily|twice|once|each|every|per|at|in|on|to|and|or"
                               r"|with)$", re.I)
_KIND_OF_TREATMENT_RE = re.compile(r" (?:therapy|therapies|training|surgery|vaccine|vaccination|supplementation"
                                   r"|programme|program|counselling|counseling|transfusion|transplantation)\b", re.I)
_COUNT_TAIL_RE = re.compile(r"^(?:\d+|[a-z]+)\s+((?:days?|weeks?|months?|doses?|sessions?|cycles?)\s+of\s+[^,;.]+)$", re.I)


def _tidy(text: str, got: dict[str, tuple[str, list[list[int]]]]) -> None:
    """Short phrases: no leading article, no trailing aside, no "control group that received"; a generic word is no
    intervention; "Five versus ten days of amoxicillin": the tested arm is five days of amoxicillin."""
    for part, (value, spans) in list(got.items()):
        if len(spans) != 1:
            continue
        start, end = spans[0]
        section = _NEXT_SECTION_RE.search(value)
        if section:
            value, end = value[:section.start()], start + section.start()
        for cut in (_ARTICLE_RE, _CONTROL_RECEIVED_RE):
            m = cut.match(value)
            if m and part in ("comparator", "intervention") and len(value) - m.end() >= 3:
                value, start = value[m.end():], start + m.end()
        if value.endswith(".") and not value.endswith(("et al.", "etc.")):
            value, end = value[:-1], end - 1
        aside = _ASIDE_RE.search(value)
        if aside and aside.start() >= 3:
            value, end = value[:aside.start()], start + aside.start()
        trail = _TRAILING_WORD_RE.search(value)
        if trail and trail.start() >= 3 and part in ("comparator", "intervention"):
            value, end = value[:trail.start()], start + trail.start()
        if text[start:end] == value:
            got[part] = (value, [[start, end]])
    tested = got.get("intervention")
    if tested is not None and " " not in tested[0] and len(tested[1]) == 1:
        # "Gene therapy for ...": one word cut from its kind of treatment is no name.
        after = _KIND_OF_TREATMENT_RE.match(text, tested[1][0][1])
        if after:
            tested = (tested[0] + after.group(0), [[tested[1][0][0], after.end()]])
            got["intervention"] = tested
    if tested is not None and tested[0].lower() in _GENERIC:
        del got["intervention"]
    elif tested is not None and tested[0].lower() in _NUMBER_WORDS:
        control = got.get("comparator")
        tail = _COUNT_TAIL_RE.match(control[0]) if control is not None and len(control[1]) == 1 else None
        if tail is None:
            del got["intervention"]
        else:
            at = control[1][0][0] + tail.start(1)
            got["intervention"] = (f"{tested[0]} {tail.group(1)}", [tested[1][0], [at, at + len(tail.group(1))]])


def fill_entry_pico(fields: dict[str, Any], text: str) -> bool:
    """Put the entry's PICO into ``fields`` (fields.md shape) where a part is still null; True when any was found."""
    if not is_bibliographic(fields.get("profile"), fields.get("kind")):
        return False
    found = False
    for part, (value, spans) in entry_pico(text, fields.get("evidence") or {}).items():
        if fields["pico"].get(part) is None:
            put(fields, f"pico.{part}", value, spans)
            found = True
    return found


# "Interventions: Ten weeks of group balance training, or an education booklet": two arms, the second the comparison.
_TWO_ARMS_RE = re.compile(r"^(.{3,200}?)(?:,\s+or|\s+or|,?\s+versus|,?\s+vs\.?)\s+(?:to\s+)?(.{3,120})$")


_BY_WHOM_RE = re.compile(r"\bby\s+(?:their|the|a|an|his|her|trained|local)?\s*(?:[\w\-]+\s+){0,3}[\w\-]+$", re.I)


def _two_arms(text: str, got: dict[str, tuple[str, list[list[int]]]]) -> None:
    tested = got.get("intervention")
    if tested is None or len(tested[1]) != 1 or len(tested[0].split()) < 4:
        return
    m = _TWO_ARMS_RE.match(tested[0])
    if m is None or _BY_WHOM_RE.search(m.group(1)):
        return  # "... a clinical review by their general practitioner or practice nurses": who gives it, not two arms
    start = tested[1][0][0]
    x, y = arm_name(m.group(1)), arm_name(m.group(2))
    if not (len(x) >= 3 and 3 <= len(y) <= 80) or len(y.split()) > 8:
        return
    at_x, at_y = start + m.start(1) + m.group(1).find(x), start + m.start(2) + m.group(2).find(y)
    if text[at_x:at_x + len(x)] != x or text[at_y:at_y + len(y)] != y:
        return
    got["intervention"] = (x, [[at_x, at_x + len(x)]])
    control = got.get("comparator")
    if control is None or control[0].lower().removeprefix("the ").removeprefix("a ") in y.lower():
        y_clean = _ARTICLE_RE.sub("", y)
        at_y += len(y) - len(y_clean)
        got["comparator"] = (y_clean, [[at_y, at_y + len(y_clean)]])


# "... or to usual hygiene practices", "or usual teaching": the usual way, named as the control.
_USUAL_RE = re.compile(r"\b(?:or|versus|vs\.?)\s+(?:to\s+)?((?:usual|standard|routine|existing|current)\s+(?:[a-z][\w\-]*\s+)"
                       r"{0,2}(?:care|practices?|practice|teaching|services?|treatment|management|provision|hygiene"
                       r"|diet|advice|support|procedures?|care\s+pathway))\b", re.I)


def _usual_control(text: str, got: dict[str, tuple[str, list[list[int]]]], zones: list[tuple[int, int]]) -> None:
    if got.get("comparator") is not None:
        return
    for s, e in zones:
        m = _USUAL_RE.search(text, s, e) if text.find("usual", s, e) >= 0 or text.find("standard", s, e) >= 0 \
            or text.find("routine", s, e) >= 0 or text.find("existing", s, e) >= 0 or text.find("current", s, e) >= 0 \
            else None
        if m:
            got["comparator"] = (m.group(1), [[m.start(1), m.end(1)]])
            return


# A review's title "Vitamin C for preventing the common cold", "Zinc for treating ...": what it reviews.
_REVIEW_TITLE_RE = re.compile(r"([A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?)\s+(?:for|in)\s+(?:preventing|treating|reducing"
                              r"|the\s+(?:prevention|treatment|management)\s+of)\s")


def _review_title(text: str, got: dict[str, tuple[str, list[list[int]]]], zones: list[tuple[int, int]]) -> None:
    if got.get("intervention") is not None:
        return
    for s, e in zones[:1]:
        m = _REVIEW_TITLE_RE.match(text, s, e)
        if m and m.group(1).split()[0].lower() not in ("a", "an", "the", "trends", "interventions", "treatments"):
            got["intervention"] = (m.group(1), [[m.start(1), m.end(1)]])


def _unasked_by_the_title(text: str, got: dict[str, tuple[str, list[list[int]]]],
                          title_zones: list[tuple[int, int]], summary_zones: list[tuple[int, int]]) -> None:
    """A title's "effect of X" that names nothing given, in an abstract comparing nothing (see unasked.py)."""
    tested = got.get("intervention")
    if tested is None or not unasked(text, tested[0], tested[1], title_zones, summary_zones):
        return
    del got["intervention"]
    control = got.get("comparator")
    if control is not None and within(control[1], title_zones):
        del got["comparator"]

