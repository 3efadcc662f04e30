"""PICO of an entry that has a title and no abstract, read from the title's own grammar.

Many exports carry titles alone (a database that gives no abstract, a record shared without one). A title
states a study's question in a few patterns: "X versus Y in Z", "Effect of X on outcome in people",
"X for condition: a randomised trial", "outcome after X in people". The prose finders of abstracts read
such a title badly ("Diabetes" as the population of "Diabetes, comorbidities and mortality in older
patients"; "Efficacy observation of batroxobin" as its intervention), so a title alone is read here, and
read strictly: an intervention only where the title names something given (a treatment's word, a drug's
name) in one of those patterns; a population only where it names people, or the condition such an
intervention is for. What the title does not say stays empty: the abstract, when it comes, says more.
"""

from __future__ import annotations

import re

from curator.extraction.people import PEOPLE_WORDS
from curator.extraction.terms import find_conditions

Found = tuple[str, int, int]
Phrase = tuple[str, list[list[int]]]  # a value and the spans of its words

# What a title's question is about ends where its subtitle, design or bracketed note begins.
_MAIN_END_RE = re.compile(r"\s*(?::\s|\?|\s[-\u2013\u2014]+\s|--|[-\u2013\u2014](?=\s*(?:a|an)\s+(?:randomi|pilot|controlled"
                          r"|prospective|retrospective|multi|double|single|systematic|meta|cross|cohort|case|feasib"
                          r"|clinical|phase|comparative|preliminary)\w*)|\.\s+(?=[A-Z])|\.$|\s\[)")
_BRACKETED_RE = re.compile(r"^\[(.*?)\]?\.?$")

# The last word of something given to people: a treatment, a programme, a device, a kind of care.
_GIVEN_HEADS = frozenset((
    "training", "therapy", "therapies", "treatment", "treatments", "intervention", "interventions", "programme",
    "program", "programmes", "programs", "stimulation", "exercise", "exercises", "practice", "rehabilitation",
    "education", "counselling", "counseling", "imagery", "vibration", "device", "devices", "surgery", "supplementation",
    "vaccination", "vaccine", "acupuncture", "acupressure", "massage", "yoga", "mindfulness", "coaching", "instruction",
    "remediation", "retraining", "feedback", "neurofeedback", "biofeedback", "prompts", "reminders", "medication",
    "injection", "injections", "infusion", "block", "splinting", "splint", "taping", "bracing", "orthosis", "music",
    "dancing", "walking", "cycling", "diet", "drug", "drugs", "tablets", "capsules", "extract", "transplantation",
    "transfusion", "implant", "implantation", "stenting", "ablation", "repair", "reconstruction", "replacement",
    "fixation", "mobilisation", "mobilization", "manipulation", "robot", "robotics", "telerehabilitation",
    "telemedicine", "telehealth", "app", "application", "game", "games", "reality", "sensors", "patching",
    "self-management", "self-generation", "support", "visits", "calls", "tdcs", "tms", "rtms", "tens", "cimt",
    "hydrotherapy", "physiotherapy", "psychotherapy", "pharmacotherapy", "chemotherapy", "radiotherapy",
    "immunotherapy", "cbt", "care", "management", "technique", "techniques", "method", "methods", "approach",
    "approaches", "strategy",
    "strategies", "session", "sessions", "assessment", "screening", "monitoring", "dressing", "dressings", "bandage",
    "glasses", "lenses", "prisms", "insoles", "footwear", "stockings", "garments", "helmet", "toothpaste", "mouthwash",
    "gel", "cream", "ointment", "spray", "patch", "patches", "drops", "pessary", "toxin", "hormone", "supplements",
))
# Heads too general to name a treatment alone ("Rehabilitation", "Treatment", "Management").
_TOO_GENERAL = frozenset(("rehabilitation", "treatment", "treatments", "therapy", "therapies", "intervention",
                          "interventions", "care", "management", "approach", "strategy", "strategies", "method",
                          "technique", "techniques", "support", "assessment", "screening", "monitoring", "practice",
                          "application", "program", "programme", "drug", "drugs", "medication", "surgery", "education"))
# A drug's name: a known ending on a word of its own ("Rivastigmine", "escitalopram", "guanfacine").
_DRUG_END_RE = re.compile(r"^[A-Za-z][a-z]{3,}(?:mab|nib|parib|pril|sartan|olol|dipine|statin|mycin|cillin|cycline|floxacin"
                          r"|azole|vir|parin|gliflozin|gliptin|glutide|formin|dronate|prazole|oxetine|triptyline|azepam"
                          r"|triptan|caine|olone|stigmine|pram|facine|idine|azine|amine|apine|etine|oxone|amide|tidine"
                          r"|zepam|lukast|afil|setron|profen|fenac|coxib|semide|thiazide|tropin|mide|ine)$")
_NOT_DRUGS = frozenset(("medicine", "routine", "machine", "discipline", "baseline", "guideline", "guidelines", "online",
                        "decline", "engine", "line", "define", "determine", "examine", "combine", "feminine",
                        "masculine", "genuine", "doctrine", "magazine", "cuisine", "marine", "alpine", "feline",
                        "canine", "bovine", "equine", "porcine", "uterine", "intestine", "urine", "saline", "sunshine",
                        "famine", "vaccine", "caffeine", "hemoglobine", "amide", "pride", "guide", "divide", "provide",
                        "inside", "outside", "decide", "suicide", "homicide", "pesticide"))
# Words that open a title's question about what was given: "Effect of X on ...", "Use of X to ...".
_LEAD_RE = re.compile(r"^(?:towards?\s+)?(?:(?:the|a|an)\s+)?(?:(?:short|long)-term\s+|clinical\s+|relative\s+)?"
                      r"(?:effects?|impact|efficacy|effectiveness|efficiency|efficacy\s+and\s+safety|safety\s+and\s+efficacy|usefulness|use|application|added\s+value"
                      r"|influence|benefits?|feasibility|evaluation|outcomes?|results|value|contribution"
                      r"|(?:(?:a|an)\s+)?(?:[\w\-]+,?\s+){0,5}?(?:trial|study|evaluation|review|meta-analysis|overview))\s+of\s+", re.I)
# Where the thing given ends in the title's words.
_GIVEN_END_RE = re.compile(r"\s+(?:on|for|in|to|among|amongst|after|following|with|without|at|as|during|versus|vs\.?"
                           r"|compared|and\s+(?:its|their|the)|by|from|combined|may|might|can|could|improves?|improved|reduces?"
                           r"|reduced|enhances?|enhanced|increases?|increased|decreases?|decreased|restores?|prevents?"
                           r"|promotes?|is|are|was|were)\s|\s+(?:one|two|three|four|six|\d+)\s+(?:days?|weeks?|months?"
                           r"|years?)\b|,|;|$", re.I)
_VERSUS_RE = re.compile(r"\s+(?:versus|vs\.?|compared\s+(?:with|to)|over)\s+", re.I)
# "... after X", "... following X", "... with X": a result after something given.
_AFTER_RE = re.compile(r"\b(?:after|following|using|through|(?:treated|treatment|challenge)\s+with)\s+"
                       r"(?:(?:a|an|the)\s+)?", re.I)
_PEOPLE_RE = re.compile(r"\b(?:" + PEOPLE_WORDS + r"|survivors|individual|person|patient|child|woman|man|"
                        r"students|players|residents|professionals|therapists|subjects)\b(?!-)", re.I)
# The words of a people phrase go on after the people word while they say who they are.
_PEOPLE_TAIL_RE = re.compile(r"\s+(?:with|after|following|who|of|born|undergoing|receiving|admitted|aged|from|living|post|"
                             r"recovering|attending|at\s+risk|diagnosed|hospitali[sz]ed|discharged|presenting|referred|"
                             r"scheduled|requiring|\d+\s+(?:years?|months?|weeks?)\b|in\s+(?:the\s+)?(?:acute|chronic|"
                             r"subacute|early|late|post-acute)\b)[^,;:]*", re.I)
_PEOPLE_TAIL_END_RE = re.compile(r"\s+(?:and\s+(?:the|its|their|a|an)|during|using|regarding|to\s+(?:improve|reduce|promote"
                                 r"|enhance|prevent)|on|treated|was|were|is|are|versus|vs\.?|compared|measured|assessed"
                                 r"|evaluated|examined|tested|studied)\b", re.I)
# People words that say nothing alone ("patients"); others do ("in children", "in rats").
_ANYONE = frozenset(("patients", "patient", "participants", "people", "persons", "person", "individuals", "individual",
                     "subjects", "volunteers"))
# Words ending in -ing that describe people ("nursing home residents", "working adults"), not an act.
_ING_PEOPLE = frozenset(("nursing", "ageing", "aging", "working", "breastfeeding", "smoking", "drinking", "hearing",
                         "living", "dwelling", "sitting", "expecting"))
_MODIFIER_STOPS = frozenset(("in", "of", "for", "the", "and", "with", "to", "among", "amongst", "a", "an", "on", "at",
                             "by", "from", "after", "following", "versus", "or", "vs", "vs.", "between", "about",
                             "regarding", "into", "within", "than", "is", "are"))
# What makes a title a question about what was given, for a condition after "for"/"in".
_CONDITION_AFTER_RE = re.compile(r"\s+(?:for|in|after|following)\s+(?:(?:the\s+)?(?:treatment|management|prevention)\s+"
                                 r"of\s+)?(?:(?:a|an|the)\s+)?", re.I)


def _main_part(title: str) -> str:
    """The title up to its subtitle, design or note ("X for Y: a randomised trial" -> "X for Y")."""
    m = _MAIN_END_RE.search(title, 8)
    return title[:m.start()] if m else title


# Words that make a phrase something other than what was given: a study, a view of it, an act of the researchers.
_NOT_GIVEN = frozenset(("review", "study", "trial", "perceptions", "attitudes", "experiences", "views", "knowledge",
                        "predictors", "outcomes", "outcome", "evaluation", "comparison", "lessons", "developing", "examining",
                        "using", "investigating", "assessing", "evaluating", "comparing", "exploring", "addressing",
                        "assisting", "implementing", "enhancing", "improving", "facilitating", "promoting", "integration",
                        "recommendations", "guideline", "guidelines", "barriers", "facilitators", "adherence",
                        "satisfaction", "costs", "cost", "use", "role", "effects", "effect", "impact", "why", "how", "what",
                        "when", "where", "whether", "which", "towards", "toward", "growing", "building", "designing",
                        "inquiry", "analysis", "framework", "model", "perspective", "paradox", "evidence"))
# Heads that name a kind of work in every field ("implementation strategies", "stakeholder management"): given to
# people only when the title is a trial's or says whom or what illness it is for.
_GENERIC_HEADS = frozenset(("rehabilitation", "intervention", "interventions", "care", "management", "approach",
                            "approaches", "strategy", "strategies", "method", "methods", "technique", "techniques",
                            "support", "assessment", "screening", "monitoring", "application", "program", "programme",
                            "programs", "programmes", "education"))
# A word before "of" that keeps the phrase one thing given ("programme of exercise", "two weeks of ...").
_GIVEN_BEFORE_OF = frozenset(("program", "programme", "course", "courses", "session", "sessions", "combination", "dose",
                              "doses", "weeks", "days", "months", "cycles", "package", "bundle", "block"))


_ASIDE_RE = re.compile(r"\s*\([^()]*\)\s*$")  # "notoginseng extract (Sanchitongtshu)": the name aside


def names_something_given(words: str) -> bool:
    """Whether a few words name something given: a treatment's last word, or a drug's name."""
    parts = _ASIDE_RE.sub("", words.lower()).split()
    if not parts or len(parts) > 9 or any(p in _NOT_GIVEN for p in parts):
        return False
    if "of" in parts and parts[parts.index("of") - 1] not in _GIVEN_BEFORE_OF:
        return False
    last = parts[-1].strip(".,")
    if last in _GIVEN_HEADS:
        return not (len(parts) == 1 and last in _TOO_GENERAL)
    return any(_DRUG_END_RE.match(w) and w not in _NOT_DRUGS for w in (p.strip(".,") for p in parts[:3]))


def _trim(title: str, start: int, end: int) -> Found | None:
    while start < end and title[start] in " ([":
        start += 1
    while end > start and title[end - 1] in " ,;.)]" and not (title[end - 1] == ")" and "(" in title[start:end]):
        end -= 1
    words = title[start:end].split(" ", 1)
    if words[0].lower() in ("a", "an", "the") and len(words) == 2:
        start += len(words[0]) + 1
    return (title[start:end], start, end) if end - start >= 3 else None


_TRIAL_RE = re.compile(r"\b(?:randomi[sz]ed|randomi[sz]ation|controlled\s+trial|clinical\s+trial|placebo|sham)", re.I)


# After "after"/"following" only a thing given by name says what the title asks about.
# After an operation ("pain after knee replacement") a title names its people, not what it tests.
_GENERIC_AFTER = _GENERIC_HEADS | {"treatment", "treatments", "therapy", "therapies", "surgery", "medication", "drug",
                                   "drugs", "practice", "fixation", "replacement", "repair", "reconstruction",
                                   "implantation", "transplantation", "ablation", "stenting", "implant"}


def _generic(words: str) -> bool:
    """Whether the phrase's only word of something given is one of every field's ("stakeholder management")."""
    parts = _ASIDE_RE.sub("", words.lower()).split()
    return parts[-1] in _GENERIC_HEADS and not any(p in _GIVEN_HEADS and p not in _GENERIC_HEADS for p in parts[:-1]) \
        and not any(_DRUG_END_RE.match(p) and p not in _NOT_DRUGS for p in parts)


def _for_whom(title: str, at: int, stop: int) -> bool:
    """Whether the title goes on to say for whom or for what illness ("... for people with brain injury")."""
    m = _CONDITION_AFTER_RE.match(title, at, stop)
    return m is not None and (_PEOPLE_RE.match(title, m.end(), stop) is not None
                              or _PEOPLE_RE.search(title, m.end(), min(stop, m.end() + 40)) is not None
                              or bool(find_conditions(title[m.end():stop], 1)))


_NAME_FOR_RE = re.compile(r"([A-Z][a-z][\w\-]{2,})\s+(?:for|in\s+the\s+(?:treatment|prevention)\s+of)\s+")
# One word before "for" that names no thing given ("Guidelines for ...", "Implications for ...").
_NOT_NAMES = frozenset(("guidelines", "guideline", "evidence", "recommendations", "criteria", "tools", "search", "risk",
                        "factors", "biomarkers", "predictors", "markers", "determinants", "needs", "barriers",
                        "implications", "challenges", "lessons", "priorities", "opportunities", "options", "models",
                        "prognosis", "outcomes", "screening", "support", "rehabilitation", "treatment", "therapy", "care",
                        "management", "interventions", "services", "strategies", "tests", "testing", "indications",
                        "preferences", "reasons", "time", "access", "eligibility", "demand", "costs", "requirements"))


def _named_for(title: str, stop: int) -> Found | None:
    """A one-word name at the title's start, for an illness the title names ("Donepezil for apathy after ...")."""
    m = _NAME_FOR_RE.match(title, 0, stop)
    if m is None or m.group(1).lower() in _NOT_NAMES or m.group(1).lower() in _NOT_GIVEN:
        return None
    return (m.group(1), m.start(1), m.end(1)) if find_conditions(title[m.end():stop], 1) else None


def _given_from(title: str, at: int, stop: int, trial: bool = False) -> Found | None:
    """The thing given named at ``at``: its words up to where the title goes on to what it did or to whom. After
    "Effect of" in a randomised trial's title any such words are what was given; elsewhere they must say so."""
    end = _GIVEN_END_RE.search(title, at, stop)
    found = _trim(title, at, end.start() if end else stop)
    if found is None or not (names_something_given(found[0]) or trial and 1 <= len(found[0].split()) <= 5
                             and not find_conditions(found[0], 1)):
        return None
    if not trial and _generic(found[0]) and not _for_whom(title, found[2], stop):
        return None
    words = found[0].split()
    if len(words) >= 2 and words[-1].lower() in _TOO_GENERAL:
        # "virtual reality stroke rehabilitation": what was given, then the field it was given in.
        field = find_conditions(found[0], 1)
        if field and field[0][2] == len(found[0]) - len(words[-1]) - 1:
            if field[0][1] < 3:
                return None  # "Stroke rehabilitation": a field, nothing given
            return _trim(title, found[1], found[1] + field[0][1])
    return found


# Words that say how or when the same thing is given ("Early versus delayed weight bearing").
_PAIRED_WORDS = frozenset(("early", "delayed", "immediate", "late", "high", "low", "short", "long", "once", "twice",
                           "daily", "weekly", "single", "intermittent", "continuous", "partial", "total", "restrictive",
                           "liberal", "standard", "conservative", "operative", "surgical", "nonoperative", "non-operative",
                           "open", "closed", "fixed", "flexible", "supervised", "unsupervised", "individual", "group"))
_USUAL_RE = re.compile(r"^(?:usual|standard|routine|conventional)\s+(?:care|treatment|practice|therapy)$", re.I)


def _spans(found: Found) -> Phrase:
    return found[0], [[found[1], found[2]]]


_BEFORE_ARMS = (" of ", " with ", ": ", " favor ", " favors ", " favour ", " favours ")  # what comes before the first arm


def _versus(title: str, main: int) -> tuple[Phrase, Phrase] | None:
    """"X versus Y ..." / "favor X over Y": both arms, a shared last word given to both ("Eccentric versus
    concentric resistance training")."""
    m = _VERSUS_RE.search(title, 0, main)
    if m is None:
        return None
    if m.group(0).strip().lower() == "over" and not re.search(r"\b(?:favou?rs?|prefer\w*|superior\w*)\s", title[:m.start()], re.I):
        return None
    found = [at + len(w) for w in _BEFORE_ARMS if (at := title.rfind(w, 0, m.start())) >= 0]
    x = _trim(title, max(found, default=0), m.start())  # "Comparison of | X versus Y", "... favor | X over Y"
    end = _GIVEN_END_RE.search(title, m.end(), main)
    y = _trim(title, m.end(), end.start() if end else main)
    if x is None or y is None or len(x[0].split()) > 7 or len(y[0].split()) > 7:
        return None
    paired = x[0].lower() in _PAIRED_WORDS and len(y[0].split()) >= 2
    if not (paired or any(map(names_something_given, (x[0], y[0], f"{x[0]} {y[0].split()[-1]}")))):
        return None
    if "(" in y[0] and ")" not in y[0]:
        y = _trim(title, y[1], y[1] + y[0].index("("))  # "LiFE (Lifestyle intervention | to reduce falls)"
        if y is None:
            return None
    if _USUAL_RE.match(x[0]) and not _USUAL_RE.match(y[0]):
        return _spans(y), _spans(x)  # "usual care versus X": the control named first
    x_words, y_words = x[0].split(), y[0].split()
    if len(x_words) == 1 and len(y_words) >= 2 and (paired or re.search(r"(?:ic|al|ed|ive|ous|ar|ent)$", x_words[0])
                                                    and re.search(r"(?:ic|al|ed|ive|ous|ar|ent)$", y_words[0])):
        # "Eccentric versus concentric resistance training": the tested arm is eccentric resistance training.
        shared = y[0].split(" ", 1)[1]
        return (f"{x[0]} {shared}", [[x[1], x[2]], [y[2] - len(shared), y[2]]]), _spans(y)
    return _spans(x), _spans(y)


def _population(title: str, main: int, given: Phrase | None) -> Found | None:
    """People the title names ("patients with chronic stroke", "depressed stroke patients"), else the condition the
    thing given is for ("Rivastigmine for cognitive impairment after ...")."""
    for m in _PEOPLE_RE.finditer(title, 0, main):
        start = m.start()
        before = title[:start].rstrip().split(" ")
        taken = 0
        while before and taken < 3:
            word = before[-1]
            if not word or word.lower().strip(",") in _MODIFIER_STOPS or not re.match(r"^[A-Za-z][\w\-']*$", word) \
                    or word.lower() in _NOT_GIVEN or word.lower().endswith("ing") and word.lower() not in _ING_PEOPLE \
                    or (given and given[1][0][0] < start <= given[1][-1][1] + 1):
                break
            start -= len(word) + 1
            before.pop()
            taken += 1
        end = m.end()
        tail = _PEOPLE_TAIL_RE.match(title, end, main)
        if tail:
            stop = _PEOPLE_TAIL_END_RE.search(title, tail.start() + 1, tail.end())
            end = stop.start() if stop else tail.end()
        bare = not taken and not tail
        if bare:
            start = _condition_before(title, start)  # "Inguinal Hernia in Men": the men who have it
        found = _trim(title, start, end)
        if bare and title.startswith("'", m.end()):
            continue  # "Doctors' orders": whose, not who took part
        if found and (not bare or m.group(0).lower() not in _ANYONE) and len(found[0].split()) <= 12:
            return found
    if given is None:
        return None
    after = given[1][-1][1]
    m = _CONDITION_AFTER_RE.search(title, after, main)
    if m is None or title[after:m.start()].strip():
        return None
    if re.match(r"[A-Za-z]+ing\s", title[m.end():main]):
        return None  # "... for improving self-awareness after brain injury": an aim, not the people
    conditions = find_conditions(title[m.end():main], 3)
    if not conditions:
        return None  # "... in silent epidemic of ...": no condition named, no population guessed
    found = _trim(title, m.end(), m.end() + conditions[-1][2])  # up to the last condition ("neglect after stroke")
    return found if found and len(found[0].split()) <= 8 else None


_TREATED_WITH_RE = re.compile(r"\s+with\s+", re.I)
_CONTROLLED_RE = re.compile(r"\b(placebo|sham)[-\s]controlled\b", re.I)


_IN_BEFORE_RE = re.compile(r"\s(?:in|among)\s+$", re.I)


def _condition_before(title: str, start: int) -> int:
    """Where a condition named just before "in <people>" starts, else ``start``."""
    m = _IN_BEFORE_RE.search(title, max(0, start - 8), start)
    if m is None:
        return start
    conditions = find_conditions(title[:m.start()], 5)
    if conditions and conditions[-1][2] == m.start():
        return conditions[-1][1]
    return start


def people_in_title(title: str) -> Found | None:
    """The people a title names ("Subjects With Early Rheumatoid Arthritis"), offsets into ``title``, or None."""
    return _population(title, len(_main_part(title)), None)


def title_pico(title: str) -> dict[str, Phrase]:
    """``{part: (phrase, spans)}`` read from a title alone, spans into ``title``; parts not stated left out."""
    bracketed = _BRACKETED_RE.match(title)
    offset = 1 if bracketed else 0
    body = bracketed.group(1) if bracketed else title
    main = len(_main_part(body))
    got: dict[str, Phrase] = {}
    arms = _versus(body, main)
    given: Phrase | None = None
    if arms is not None:
        given, got["comparator"] = arms
    else:
        found = None
        lead = _LEAD_RE.match(body)
        if lead is not None:
            found = _given_from(body, lead.end(), main, trial=_TRIAL_RE.search(title) is not None)
        if found is None:
            found = _given_from(body, 0, main)  # "Anger self-management training for people with ..."
        if found is None:
            found = _named_for(body, main)  # "Donepezil for apathy after ..."
        if found is None:
            for m in _AFTER_RE.finditer(body, 0, main):
                found = _given_from(body, m.end(), main)
                if found is not None and _ASIDE_RE.sub("", found[0].lower()).split()[-1] in _GENERIC_AFTER:
                    found = None  # "next level of care following acute medical treatment": a course, not the question
                if found is not None:
                    break
        if found is not None and found[0].split()[-1].lower() in ("treatment", "therapy"):
            named = _TREATED_WITH_RE.match(body, found[2], main)
            drug = _given_from(body, named.end(), main, trial=True) if named else None
            if drug is not None:
                found = drug  # "Long-term treatment with citicoline": the thing given is citicoline
        given = _spans(found) if found is not None else None
    if given is not None:
        got["intervention"] = given
    control = _CONTROLLED_RE.search(body)
    if "comparator" not in got and control is not None:
        got["comparator"] = (control.group(1), [[control.start(1), control.end(1)]])  # "a placebo-controlled trial"
    people = _population(body, main, given)
    if people is not None:
        got["population"] = _spans(people)
    return {part: (value, [[s + offset, e + offset] for s, e in spans]) for part, (value, spans) in got.items()}
