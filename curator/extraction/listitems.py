"""A label's value as list items: names of conditions and interventions, not prose, doses or type prefixes."""

from __future__ import annotations

import re

from curator.extraction.arms import ARM_PREFIX_RE, SCHEDULE_RE, cut_dose, following_comparator_arms
from curator.extraction.coded_conditions import coded_conditions
from curator.extraction.labels import label_slot
from curator.extraction.layout import Document
from curator.extraction.result_time import is_result_phrase
from curator.extraction.terms import find_conditions, find_drugs
from curator.extraction.textutil import is_site_helper, strip_foreign
from curator.extraction.typed_interventions import ANY_TYPE_RE, typed_intervention_lines
from curator.extraction.values import Spans

# "ICD-10: J18.9 - ", "U07.1 COVID-19, virus identified", MeSH tree numbers "C18.452.394 Diabetes ...".
_ICD_PREFIX_RE = re.compile(
    r"(?i:^(?:ICD-?10:?\s*)?[A-Z]\d{2}(?:\.\d+)?\s*[-–:]\s*|^(?:ICD-?10|MeSH|Free text)\s*:\s*)"
    r"|^[A-Z]\d{2}(?:\.\d{1,4})+\s+(?=[A-Za-z])|^[A-Z]\d{2}\s+(?=[A-Z][a-z])",
)
_ITEM_NOISE_RE = re.compile(
    r"^(?:[\w/]+\s+)?type\b(?!\s+(?:\d|i{1,2}\b))|^(?:product\s+)?role\b|^therapeutic area\b|^is the condition rare\b|^group type\b|^arm\b|^description\b|^other names?\b|^intervention code\b"
    r"|^(?:dose|dosage|duration|frequency|route)\b|^(?:see|n/a$|none$|not applicable$)",
    re.I,
)
_ITEM_PREFIX_RE = re.compile(
    r"^(?:drug|procedure|device|biological|behavio(?:u)?ral|other|radiation|dietary supplement|genetic"
    r"|combination product|diagnostic test|treatment|intervention(?:\s*\d+)?|group\s*\d*|arm\s*\d*)\s*:\s*",
    re.I,
)
_RATIO_NAME_RE = re.compile(r"^\d+:\d+\s+[a-z]")
# "8-hour time-restricted eating", "12-week walking programme": a name that starts with its length.
_SPAN_NAME_RE = re.compile(r"^\d{1,3}-(?:hour|day|week|month|minute|session|step|item)s?\s+[a-z]")
# ClinicalTrials.gov's typed intervention names ("Drug: Colchicine 0.5 mg"): a name as registered.
_NAME_TYPE_RE = re.compile(r"^(?:drug|biological|device|dietary supplement|combination product)\s*:\s*\S", re.I)


# An observational record's placeholder under "Intervention / Treatment" ("OTHER: No intervention (observational)").
_PLACEHOLDER_RE = re.compile(r"^(?:other\s*:\s*)?no intervention\s*\((?:observational|none)[^)]{0,40}\)$", re.I)


def no_intervention(value: str) -> bool:
    """True for an observational record's "No intervention (observational)": a placeholder, no intervention."""
    return value[:2] in ("no", "No", "NO", "ot", "Ot", "OT") and _PLACEHOLDER_RE.match(value.strip()) is not None


def label_items(doc: Document, slot: str, limit: int = 20) -> tuple[list[str], Spans, bool]:
    """Short items under a label (names, not prose); the flag says the value was prose."""
    items: list[str] = []
    spans: Spans = []
    prose = False
    last_line = -10
    arms = slot in ("interventions", "intervention_names")
    words: list[int] = []  # an intervention item's length before its dose was cut
    dosed: list[str] = []  # each item as written, dose and all
    full = ""
    typed_run = False  # an item opened by its type ("Device: X") was read
    if slot == "interventions" and not doc.own_hits(slot):
        return typed_intervention_lines(doc)  # "Device: X" / "Behavioural: Y" under a finder's own heading
    coded = coded_conditions(doc) if slot == "conditions" and "||" in doc.text else None
    if coded:  # "(1) ICD-10 Condition: O82||Encounter for cesarean delivery, (2) ...": the names of the codes
        return [c[0] for c in coded][:limit], [[c[1], c[2]] for c in coded][:limit], False
    for hit in doc.own_hits(slot):
        if (items or prose) and hit.line > last_line + 2 and not all(
                doc.stop[j] or not doc.lines[j].text for j in range(last_line + 1, hit.line)):
            break  # only one group of labels ("Drug: A" / "Drug: B"), other labels between them allowed
        last_line = hit.line
        got = doc.items(hit)
        if arms and got:
            got = got + following_comparator_arms(doc, doc.line_at(got[-1][2]))
        for item, s, e in _typed_parts(got):
            bare = _ICD_PREFIX_RE.sub("", strip_foreign(item))
            if typed_run and not ANY_TYPE_RE.match(bare):
                break  # "Device: X" / "Other: Y", then the page's next heading: the list is over
            typed_run = typed_run or arms and ":" in bare[:30] and ANY_TYPE_RE.match(bare) is not None
            typed = _NAME_TYPE_RE.match(bare) is not None
            t = _ITEM_PREFIX_RE.sub("", bare).strip(" .,:")
            if arms:
                t = ARM_PREFIX_RE.sub("", t)
            if not t or _ITEM_NOISE_RE.match(t) or no_intervention(t) or is_site_helper(item) or arms and _heads_section(doc, t, s):
                continue
            cell = t.split("   ")[0] if arms and "   " in t and len(t) > 100 else ""
            if cell and 3 <= len(cell) <= 60 and ":" not in cell and not cell[:1].isdigit() and label_slot(cell) is None \
                    and not _ITEM_PREFIX_RE.match(cell + ":"):
                t = cell  # "Tongue swab NAAT   Index test: a swab is ...": a table row's name cell, then its details
            if len(t) > 100 or (t.count(" ") >= 8 and item.rstrip().endswith(".")):
                prose = True
                continue
            if arms and is_result_phrase(t):
                continue  # "result within one hour": when a test's result comes, no intervention
            if arms:
                # "Mirror therapy, 30 minutes daily": the name, not the dosing.
                cut = re.search(r",\s|\s[-–]\s|\s\(", t)
                if cut and SCHEDULE_RE.search(t, cut.end()):
                    t = t[:cut.start()].strip()
                if t[:1].isdigit() and not typed and not _RATIO_NAME_RE.match(t) and not _SPAN_NAME_RE.match(t):
                    continue  # a dose or a count, not a name ("4:1 intermittent fasting" is one)
                words.append(len(t.split()))
                full = t
                if not typed:  # "Drug: Colchicine 0.5 mg" is the registered name, dose and all
                    t = cut_dose(t).strip(" .,:")
                    if any(c.isdigit() for c in full[len(t):]):  # "ZT-731 160 mg every 4 weeks": name and dose
                        words[-1] = len(t.split())
            parts = _list_parts(t, slot) if ("," in t or " and " in t or "&" in t) else None
            if parts:
                # "Metformin, Sitagliptin and Empagliflozin": one name per item.
                if arms:
                    words[-1:] = [len(p.split()) for p in parts]
                for p in parts:
                    i = doc.text.find(p, s, e)
                    if p.lower() not in (x.lower() for x in items):
                        items.append(p)
                        dosed.append(p)
                        spans.append([i, i + len(p)] if i >= 0 else [s, e])
                    elif arms:
                        words.pop()
                continue
            if t.lower() not in (i.lower() for i in items):
                items.append(t)
                spans.append([s, e])
                dosed.append(full if arms else t)
            elif arms and full != t and dosed[k := [i.lower() for i in items].index(t.lower())] not in (items[k], full):
                # "Acetylsalicylic acid 150 mg" and "... 75 mg": arms told apart by their doses keep them.
                items[k] = dosed[k]
                items.append(full)
                spans.append([s, e])
                dosed.append(full)
            elif arms:
                words.pop()
    if arms and items:
        # Aggregators list each intervention's name, then its description: keep the names.
        shortest = min(words)
        keep = [k for k, n in enumerate(words) if n < 5 or shortest > 2]
        items = [items[k] for k in keep]
        spans = [spans[k] for k in keep]
    return items[:limit], spans[:limit], prose


# "Drug: A, Drug: B": a repeated type prefix separates names however they are joined.
_TYPED_SPLIT_RE = re.compile(
    r"\s*[,;]\s*(?:and\s+)?(?=(?:drug|procedure|device|biological|behavio(?:u)?ral|radiation|dietary supplement"
    r"|genetic|combination product|diagnostic test|other)\s*:\s*\S)", re.I)
# One word naming a disease by its ending ("Bronchospasm", "Gastritis"), not an adjective ("Diastolic").
_DISEASE_WORD_RE = re.compile(r"^[A-Za-z-]{4,}(?:itis|osis|oma|a?emia|pathy|algia|spasm|ism|iasis|plegia|trophy"
                              r"|rrhoea|rrhea|cele|uria|penia|ectasis|sclerosis|insufficiency|syndrome)$", re.I)


def _typed_parts(got: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Items split where a type prefix starts again ("Drug: A, Drug: B" -> "Drug: A", "Drug: B")."""
    out = []
    for item, s, e in got:
        if ":" not in item:
            out.append((item, s, e))
            continue
        pos = 0
        for m in _TYPED_SPLIT_RE.finditer(item):
            out.append((item[pos:m.start()], s + pos, s + m.start()))
            pos = m.end()
        out.append((item[pos:], s + pos, e))
    return out


_LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")


def _list_parts(item: str, slot: str) -> list[str] | None:
    """The names of a comma- or "and"-joined item, when every part is a known condition (or drug) name on its
    own; None otherwise ("Heart Failure, Diastolic" and "Hand, Foot and Mouth Disease" stay whole)."""
    parts = [p for p in _LIST_SPLIT_RE.split(item) if p]
    if len(parts) < 2 or len(parts) > 12:
        return None
    unknown = 0
    for p in parts:
        if slot == "conditions":
            got = find_conditions(p, 1)
            if (not got or got[0][1] != 0 or got[0][2] != len(p)) and not _DISEASE_WORD_RE.match(p):
                # A name of several capitalised words beside known ones ("Migraine, Chronic Migraine, Medication
                # Overuse Headache") is a name too; one word ("Heart Failure, Diastolic") is a qualifier.
                if p.count(" ") == 0 or not all(w[:1].isupper() for w in p.split()):
                    return None
                unknown += 1
        else:
            got = next(iter(find_drugs(p, 1)), None)
            if p.lower() != "placebo" and (got is None or got[1] != 0 or got[2] != len(p)):
                return None
    return parts if 2 * unknown < len(parts) else None


def _heads_section(doc: Document, item: str, start: int) -> bool:
    """True for a short line after a blank one that heads the lines below it ("Characteristics" over "Study Type:
    Interventional", "Main objective" over its sentence): the next section's heading, no item of the list above."""
    if item.count(" ") > 1 or any(c.isdigit() for c in item):
        return False
    i = doc.line_at(start)
    if i < 1 or i + 1 >= len(doc.lines) or doc.lines[i - 1].text:
        return False
    below = doc.lines[i + 1].text
    return ":" in below[:40] or len(below) > 60 and below.endswith(".")
