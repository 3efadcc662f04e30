"""The people a study's summary counts or enrols, as a population phrase.

"904 adults aged 75 years or older living at home", "Healthy infants aged 6 to 8 weeks were randomly assigned",
"28,450 female nurses without diabetes": abstracts often name their people this way rather than as "patients with
X". The phrase runs to where its clause ends; a people word alone ("patients") is not enough.
"""

from __future__ import annotations

import re

from curator.extraction.people_bounds import before_the_arms
from curator.extraction.pico import Found, Span, clause_phrase

# "904 adults aged 75 years or older living at home", "Healthy infants aged 6 to 8 weeks were ...", "28,450 female
# nurses without diabetes": the people a study counts, as the sentence names them (the count left out).
#: The words that name the people (or the animals) a study takes part in, as a regular expression's alternatives.
PEOPLE_WORDS = (r"patients|children|schoolchildren|adults|participants|people|persons|individuals|women|men|infants"
                r"|neonates|adolescents|volunteers|girls|boys|newborns|survivors|nurses|pupils|students|undergraduates"
                r"|workers|residents|mothers|inpatients|outpatients|veterans|athletes|smokers|teachers|physicians|doctors"
                r"|clinicians|caregivers|carers|parents|employees|farmers|households|couples|families|mice|rats|cows"
                r"|heifers|calves|dogs|cats|horses|pigs|piglets|sheep|hens")
#: People named by their work or sport ("traffic police personnel", "bus drivers", "club runners"), for the
#: population's own readers (the arms' readers keep :data:`PEOPLE_WORDS`).
PERSON_WORDS = PEOPLE_WORDS + (r"|personnel|officers|drivers|runners|players|soldiers|firefighters|midwives|pharmacists"
                               r"|dentists|surgeons|paramedics|trainees|cyclists|footballers|swimmers|dancers|staff"
                               r"|pensioners|retirees|clerks|cashiers|cleaners|miners|fishermen|labourers|laborers"
                               r"|prisoners|inmates|refugees|migrants|commuters|travellers|travelers|fathers"
                               r"|grandparents|drinkers|gamblers|vapers|users")
_PEOPLE_RE = re.compile(
    r"(?:\b\d[\d,]*\s+|(?:^|(?<=[.!?:]\s)|(?<=\n)))((?:[A-Za-z][\w\-/]*\s+){0,2}?(?:" + PERSON_WORDS + r")\b"
    r"(?:\s+(?:aged|living|without|with|who|from|in|at|attending|admitted|undergoing|receiving|discharged|fed|presenting"
    r"|referred|diagnosed|scheduled|hospitali[sz]ed)\b[^.;]{2,160})?)",
    re.I,
)
# "Of 212 eligible patients, 84 (40%) were randomised": the people counted there are those screened, not studied.
# "(n = 9 teams, 118 workers), or to ...": a group's size inside an allocation sentence counts an arm, not who.
_ARM_SIZE_RE = re.compile(r"\(\s*n\s*=[^()]*$")
_SCREENED_RE = re.compile(r"(?:^|[.!?:]\s|\n\s*)Of\s+$")
_NOT_PEOPLE_START = frozenset(("the", "these", "those", "all", "of", "and", "or", "in", "among", "for", "most", "many",
                               "some", "few", "both", "such", "other", "our", "their"))
# A sentence that starts with people says who took part only when it goes on to enrol them.
_ENROLLED_RE = re.compile(r"\s+(?:(?:were|are|was|will\s+be)\s+(?:\w+\s+)?(?:randomi[sz]ed|assigned|allocated|enrolled"
                          r"|recruited|included|eligible|followed|invited|studied)|underwent)\b", re.I)
# "Sodium-glucose cotransporter 2 inhibitors benefit patients", "type 2 diabetes", "Angiotensin 2 blockers benefit":
# a number that ends a name, or is followed by a kind of drug, is no count.
_NAME_BEFORE_COUNT_RE = re.compile(r"\b(?:type|phase|class|grade|stage|cotransporter|transporter|receptor|factor|step"
                                   r"|level|visit|group|arm|covid|sglt|glp)-?\s*$", re.I)
_HEAD_RE = re.compile(r"(?:[A-Za-z][\w\-/]*\s+){0,2}?(?=(?:" + PERSON_WORDS + r")\b)", re.I)  # the words before them
_DRUG_KIND_RE = re.compile(r"\b(?:inhibitors?|blockers?|agonists?|antagonists?|analogues?|receptors?|mg|mcg|kg|ml|mmol|units?"
                           r"|in|of|with|to|or|and)\s", re.I)
# Where the people end and the study's follow-up or topic begins ("... for a median of 14 years", "... about their work").
_PEOPLE_END_RE = re.compile(r"\s+(?:(?:for|over|during)\s+(?:a\s+)?(?:median|mean|total|period)\b|about\s|took\s+part\b"
                            r"|and\s+(?:then\s+)?[a-z]+ed\s)", re.I)


def people_phrase(text: str, zones: list[Span]) -> Found | None:
    """The people a summary counts ("1,200 women aged 70 or older living in care homes"), else the people a sentence
    starts with when it enrols them ("Healthy infants aged 6 to 8 weeks were randomly assigned ..."): the phrase,
    to where its clause ends; a people word alone ("patients") is not enough."""
    for s, e in zones:
        for m in _PEOPLE_RE.finditer(text, s, e):
            first = m.group(1).split(None, 1)[0].lower()
            if first in _NOT_PEOPLE_START or _SCREENED_RE.search(text, max(s, m.start() - 12), m.start()):
                continue
            if _ARM_SIZE_RE.search(text, max(s, m.start() - 40), m.start()):
                continue
            if m.group(0)[:1].isdigit() and (_NAME_BEFORE_COUNT_RE.search(text, max(s, m.start() - 16), m.start())
                                             or _DRUG_KIND_RE.search(_HEAD_RE.match(m.group(1)).group(0))):
                continue
            ph = clause_phrase(text, m.start(1), limit=200)
            if not ph or ph[2] > e or " " not in ph[0]:
                continue
            if not m.group(0)[:1].isdigit() and not _ENROLLED_RE.match(text, ph[2], min(e, ph[2] + 40)):
                continue
            ph = before_the_arms(text, ph, m.start(), s)
            cut = _PEOPLE_END_RE.search(ph[0])
            if cut:
                ph = (ph[0][:cut.start()], ph[1], ph[1] + cut.start())
            return ph
    return None
