"""Conditions, drug names and abbreviations found in running text (titles, summaries)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from curator.extraction.textutil import caseless, first_letter_guarded, folded

# Head nouns of condition names; the words before them (up to four) complete the name.
_DISEASE_HEAD_RE = re.compile(
    r"\b(?:diseases?|syndromes?|disorders?|arthritis|cancers?|carcinomas?|tumou?rs?|lymphomas?|leuka?emias?|myelomas?"
    r"|melanomas?|sarcomas?|lupus|diabetes|hypertension|asthma|infections?|failure|injury|injuries|pain|vasculitis"
    r"|sclerosis|fibrosis|hepatitis|pneumonia|stroke|dementia|depression|obesity|psoriasis|dermatitis|colitis"
    r"|covid-19|sepsis|ana?emia|epilepsy|migraine|osteoporosis|gout|nephritis|nephropathy|neuropathy|cardiomyopathy"
    r"|insufficiency|urticaria|spondylitis|spondyloarthritis|uveitis|fever|pericarditis|myocarditis|thrombosis"
    r"|schizophrenia|autism|insomnia|osteoarthritis|glaucoma|cataract|retinopathy|hiv|malaria|tuberculosis"
    r"|influenza|fractures?|ulcers?|eczema|acne|alopecia|copd|crohn's disease|parkinson's disease|alzheimer's disease"
    r"|atherosclerosis|cirrhosis|pancreatitis|mucositis|neoplasms?|dysfunction|deficiency|anxiety|addiction"
    r"|dependence|erythematosus|mellitus|palsy|dystrophy|atrophy|ischemia|ischaemia|infarction|fibrillation|bleeding|haemorrhage|hemorrhage"
    # conditions named by a part's state rather than "disease" ("inguinal hernia", "aortic stenosis")
    r"|hernias?|attacks?|stenosis|dysphagia|delirium|sarcopenia|incontinence|endometriosis|aneurysms?|embolism|angina"
    r"|arrhythmias?|pre-eclampsia|preeclampsia|infertility|scoliosis|bronchiolitis|bronchiectasis|otitis media"
    r"|sinusitis|cellulitis|rhinitis|periodontitis|caries|dysmenorrhoea|dysmenorrhea|apnoea|apnea|constipation|tinnitus)\b",
    re.I,
)


# Searched over lower-cased text (see ``caseless``): no re.I, and only where a head word can start.
_DISEASE_HEAD_FOLDED = first_letter_guarded(folded(_DISEASE_HEAD_RE))
_EXTEND_RE = re.compile(r"\s+(?:type\s+(?:\d+|[ivx]+)\b|erythematosus\b|mellitus\b|syndrome\b|disease\b|\(\w{2,10}\))",
                        re.I)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w'\-]*|\d{1,2})(?:[ \t]+|(?<=-))$")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_before(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """What ``_WORD_BEFORE_RE.search(text, pos, end)`` finds, as (its group, its start): the word right before
    ``end`` (after blanks, or ending in a hyphen), read back from ``end`` instead of the pattern tried at each of the
    forty offsets before it."""
    stop = end - 1 if end > pos and text[end - 1] == "\n" else end  # ("$" also stands before a final newline)
    j = stop
    while j > pos and text[j - 1] in " \t":
        j -= 1
    if j == stop and not (stop > pos and text[stop - 1] == "-"):
        return None  # neither blanks nor a hyphen right before the end
    k = j
    while k > pos and (text[k - 1].isalnum() or text[k - 1] in "_'-"):
        k -= 1
    for i in range(k, j):
        if text[i] in _ASCII_LETTERS:
            return text[i:j], i
        if j == stop:
            continue  # (after a hyphen only a word opening with a letter ends there)
        if j - i <= 2 and text[i:j].isdecimal():
            return text[i:j], i
    return None
_STOP_BEFORE = frozenset(
    ["in", "of", "for", "with", "and", "or", "the", "a", "an", "to", "by", "after", "before", "on", "at", "from", "as", "is", "are", "was", "were", "be", "been", "being", "than", "that", "this", "these", "those", "its", "their", "patients", "patient", "children", "adults", "people", "subjects", "participants", "treatment", "treatments", "therapy", "study", "trial", "effect", "effects", "efficacy", "safety", "who", "which", "not", "no", "into", "during", "among", "between", "versus", "vs", "healing", "erosion", "management", "reduce", "reducing", "prevention", "risk", "caused", "associated", "using", "use", "called", "such", "other", "many", "most", "some", "several", "also", "both", "but", "while", "when", "where", "has", "have", "had", "may", "can", "could", "will", "would", "should", "develop", "suffer", "suffering", "from", "like", "new", "current", "standard", "control", "controls",
     # the verb of a title's aim ("... Program to Improve Asthma Control"): what is done to the condition
     "improve", "improves", "improving", "prevent", "prevents", "preventing", "treat", "treats", "treating", "manage",
     "managing", "reduces", "lower", "lowering", "slow", "slowing", "help", "helping", "tackle", "tackling", "stop",
     "stopping", "beat", "beating", "target", "targeting"]
)
# Words that say how severe or how far along the condition is, not which condition it is.
_MODIFIERS = frozenset(
    ["refractory", "active", "severe", "moderate", "mild", "moderate-to-severe", "advanced", "early", "recurrent", "relapsed", "persistent", "established", "newly", "diagnosed", "resistant", "treatment-resistant", "uncontrolled", "symptomatic", "adult", "paediatric", "pediatric", "juvenile-onset"]
)


def _split(words: str) -> list[str]:
    """Words of a long literal (keeps the tables readable)."""
    return words.split()


# Disease names by their medical endings ("sarcopenia", "tendinopathy", "fibromyalgia") beyond the head list.
_SUFFIX_RE = re.compile(r"(?:penia|itis|osis|a?emia|pathy|algia|plegia|trophy)\b")
# Its endings as literals ("a?emia" as "emia", the "a" looked at before it).
_SUFFIX_ENDINGS = ("penia", "itis", "osis", "emia", "pathy", "algia", "plegia", "trophy")
_NOT_DISEASE = frozenset(
    _split("diagnosis prognosis hypnosis osmosis apoptosis symbiosis academia empathy sympathy homeopathy osteopathy "
           "naturopathy telepathy antipathy dosis")
)


def _suffix_matches(low: str) -> list[tuple[int, int]]:
    """The spans ``_SUFFIX_RE.finditer(low)`` gives, found with ``str.find`` (one fast scan per ending instead of the
    pattern tried at every offset): each ending where a word ends, then the leftmost of those that do not overlap."""
    places: list[tuple[int, int]] = []
    for ending in _SUFFIX_ENDINGS:
        at = low.find(ending)
        while at >= 0:
            end = at + len(ending)
            if end == len(low) or not (low[end].isalnum() or low[end] == "_"):  # the pattern's \b
                if ending == "emia" and at > 0 and low[at - 1] == "a":
                    places.append((at - 1, end))  # "a?emia": the longer form, where the search reaches it first
                places.append((at, end))
            at = low.find(ending, at + 1)
    places.sort()
    out: list[tuple[int, int]] = []
    for s, e in places:
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


def _suffix_heads(low: str, heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words of ``low`` (lower-cased text) with a disease ending, not inside a head already found."""
    out: list[tuple[int, int]] = []
    for m_start, m_end in _suffix_matches(low):
        start = m_start
        while start > 0 and (low[start - 1].isalpha() or low[start - 1] == "-"):
            start -= 1
        word = low[start:m_end]
        if m_start - start < 3 or word in _NOT_DISEASE or any(a <= start < b for a, b in heads):
            continue
        out.append((start, m_end))
    return out


# A measure named after what it measures: "Beck Depression Inventory", "Hospital Anxiety and Depression Scale",
# "Insomnia Severity Index", "depression rating scale".
_INSTRUMENT_RE = re.compile(r"(?:[ \t]+(?:and|&|[A-Z][\w\-]*)){0,3}[ \t]+(?:Inventory|Scale|Questionnaire|Index|Checklist"
                            r"|Score)\b|[ \t]+(?:[a-z]+[ \t]+)?(?:inventory|scale|questionnaire|checklist)\b")


def find_conditions(text: str, limit: int = 5) -> list[tuple[str, int, int]]:
    """Condition names in ``text`` ("complex regional pain syndrome", "Kawasaki Disease") with spans."""
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    covered = -1
    chunk = text[:20000]
    low = caseless(chunk)  # a case-sensitive search of the lower-cased text is far faster than re.I
    found = _DISEASE_HEAD_FOLDED.finditer(low) if low is not None else _DISEASE_HEAD_RE.finditer(chunk)
    heads = [(m.start(), m.end()) for m in found]
    heads += _suffix_heads(low if low is not None else chunk.lower(), heads)
    heads.sort()
    for h_start, h_end in heads:
        if h_start < covered:
            continue
        end = h_end
        while True:
            ext = _EXTEND_RE.match(text, end)
            if not ext:
                break
            end = ext.end()
        # Walk back over the words that qualify the head noun.
        start = h_start
        # Only words right next to each other count ("type 2 diabetes": the number stops nothing).
        for taken in range(5):
            w = _word_before(text, max(0, start - 40), start)
            if w is None:
                break
            bare = w[0].lower()
            if taken >= 4 or bare in _STOP_BEFORE or not (bare[0].isalpha() or (taken == 0 and bare.isdigit())):
                break
            start = w[1]
        # The walk back must only cross word characters and spaces of this sentence.
        while start < h_start and text[start:h_start].split() and \
                text[start:h_start].split()[0].lower() in _MODIFIERS:
            start += len(text[start:h_start].split()[0])
            while start < h_start and text[start] == " ":
                start += 1
        name = text[start:end].strip()
        covered = end
        if _INSTRUMENT_RE.match(text, end):
            continue  # a measure's name, not a condition
        low = name.lower()
        if low in ("pain", "failure", "injury", "dysfunction", "infection", "fever", "disease", "syndrome",
                   "disorder", "cancer", "deficiency"):
            continue
        if low not in seen and "\n" not in name:
            seen.add(low)
            out.append((name, start, start + len(name)))
            if len(out) >= limit:
                break
    return out


# Drug names: common INN stems and a short list of frequent drugs without a telling stem.
# Words are tokenised once and their endings tested with ``str.endswith`` (fast, no backtracking).
_DRUG_SUFFIXES = tuple(
    _split(
    "mab nib kinra cept lidomide amine caine parin pril sartan olol statin azole cillin mycin floxacin cycline vir "
    "sone olone trexate platin taxel rubicin dronate gliflozin gliptin glutide azepam oxetine profen fenac prazole "
    "tidine setron lukast terol limus sporin dipine semide thiazide conazole fungin oxone zolam pam barbital triptan "
    "tropium orphine adone phylline quine tinib ciclib parib"
    )
)
# The suffixes' endings as long as the shortest suffix: a word ending in none of them ends in no suffix.
_TAIL = min(len(s) for s in _DRUG_SUFFIXES)
_SUFFIX_TAILS = frozenset(s[-_TAIL:] for s in _DRUG_SUFFIXES)
_DRUG_WORDS = frozenset(
    _split(
    "aspirin paracetamol acetaminophen metformin insulin warfarin heparin colchicine melatonin ivermectin gabapentin "
    "pregabalin amitriptyline naltrexone buprenorphine tramadol fentanyl nicotine caffeine lithium azathioprine "
    "mycophenolate cyclophosphamide ciclosporin cyclosporine leflunomide sulfasalazine apremilast immunoglobulin "
    "immunoglobulins ivig bisphosphonate bisphosphonates corticosteroid corticosteroids oxytocin misoprostol letrozole "
    "tamoxifen clopidogrel ticagrelor apixaban rivaroxaban dabigatran edoxaban digoxin levothyroxine ondansetron "
    "midazolam propofol dexmedetomidine esketamine mesotherapy acupuncture physiotherapy probiotic probiotics"
    )
)
_DRUG_PHRASE_RE = re.compile(
    r"\b(?:[a-z]{4,}ic acid|botulinum toxin(?: type a)?|vitamin [a-k]\d?|omega-3(?: fatty acids)?|cognitive behavio(?:u)?ral therapy)\b",
    re.I,
)
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z\-]{3,}")
# The tokens of lower-cased text that may be drugs: a token of _TOKEN_RE (a run of letters and hyphens from its first
# letter, read to its end at once) whose last letters end a drug word or a suffix, or that ends in a hyphen (stripped
# before the test). The others are never handed to the Python loop. A run failing at its first letter fails at every
# letter after a hyphen in it too (the same end), so no piece of a token is taken for one.
_ANY_TAILS = _SUFFIX_TAILS | {w[-_TAIL:] for w in _DRUG_WORDS}
_BY_FIRST: dict[str, list[str]] = {}
for _t in sorted(_ANY_TAILS):
    _BY_FIRST.setdefault(_t[0], []).append(_t[1:])
_CANDIDATE_RE = re.compile(r"[a-z](?<![a-z].)[a-z\-]{3,}+(?:(?<="
                           + "|".join(c + "(?:" + "|".join(r) + ")" for c, r in _BY_FIRST.items()) + r")|(?<=-))")
_DOSE_NAME_RE = re.compile(r"\b([A-Za-z][A-Za-z\-]{3,})\s+\d+(?:[.,]\d+)?\s*(?:mg|µg|mcg|g|IU|units)\b")
_NOT_BEFORE_DOSE = frozenset(
    _split("with than from dose doses daily given receive received about approximately placebo total least only each "
           "were was and then plus over under weight body once twice also dosage starting initial loading acid")
)
# A preparation's word before a dose ("Ginger extract 1 g", "Fish oil 2 g"): the name is the word before it too.
_FORM_WORDS = frozenset(_split("extract extracts powder oil juice tea capsule capsules tablet tablets solution syrup "
                               "gel cream spray drops granules"))
_NAME_BEFORE_FORM_RE = re.compile(r"([A-Za-z][A-Za-z\-]{2,})\s+$")
_NOT_DRUGS = frozenset(
    _split(
    "examine examines famine amine amines histamine stimulus cholesterol concept except accept intercept percept precept "
    "response person reason season poison prison lesson unison mason bison diamine vitamine provir cept clamp "
    "program diagram spam exam team sometimes examines determine undermine"
    )
)


def find_drugs(text: str, limit: int = 6) -> Iterator[tuple[str, int, int]]:
    """Drug (and a few non-drug intervention) names in ``text``, in order, with spans."""
    chunk = text[:30000]
    found: list[tuple[int, int]] = []
    # Tokens are ASCII letters, so the lower-cased chunk holds the same tokens at the same
    # offsets, unless it has one of the two characters that lower-case to ASCII letters
    # (İ, the Kelvin sign): one ``lower`` per chunk instead of one per token.
    same = "\u0130" not in chunk and "\u212a" not in chunk
    low = chunk.lower()  # (made once: the phrase test below reads it too)
    hay = low if same else chunk
    for m in _CANDIDATE_RE.finditer(low) if same else _TOKEN_RE.finditer(hay):  # (same tokens, fewer of them)
        w = (m.group(0) if same else m.group(0).lower()).strip("-")
        # (a word ending in none of the suffixes' last letters is not tested against each suffix in turn)
        if (w in _DRUG_WORDS or (len(w) > 5 and w[-_TAIL:] in _SUFFIX_TAILS and w.endswith(_DRUG_SUFFIXES))) \
                and w not in _NOT_DRUGS:
            found.append((m.start(), m.start() + len(w)))
            if len(found) >= limit * 4:
                break
    if "mg" in chunk or " g " in chunk or "µg" in chunk or "IU" in chunk:
        # A name right before a dose is a drug even without a telling stem ("curcumin 500 mg").
        for m in _DOSE_NAME_RE.finditer(chunk):
            start = m.start(1)
            if m.group(1).lower() in _FORM_WORDS:
                before = _NAME_BEFORE_FORM_RE.search(chunk, max(0, start - 30), start)
                if before is None or before.group(1).lower() in _NOT_BEFORE_DOSE:
                    continue
                start = before.start(1)
            if m.group(1).lower() not in _NOT_BEFORE_DOSE and all(s != start and s != m.start(1) for s, _ in found):
                found.append((start, m.end(1)))
        found.sort()
    if "vitamin" in low or "toxin" in chunk or "ic acid" in chunk or "omega" in low or "behavio" in chunk:
        found.extend((m.start(), m.end()) for m in _DRUG_PHRASE_RE.finditer(chunk))
        found.sort()
    for s, e in found[: limit * 4]:
        yield chunk[s:e], s, e


def top_drugs(text: str, limit: int = 3) -> list[tuple[str, int, int]]:
    """The most mentioned drug names (ties in order of first mention), first mention's span."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[str, int, int]] = {}
    for name, s, e in find_drugs(text, limit=10):
        key = name.lower()
        if key in ("immunoglobulin", "immunoglobulins", "ivig", "corticosteroid", "corticosteroids"):
            continue  # usually standard care or background, rarely the tested drug
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, (name, s, e))
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k][1]))[:limit]
    return sorted((first[k] for k in ranked), key=lambda x: x[1])


# Abbreviations defined in the text: "intravenous immunoglobulins (IVIG)".
_ABBR_RE = re.compile(r"\(([A-Z][A-Za-z0-9\-]{1,9})\)")
_WORD_RE = re.compile(r"[A-Za-z0-9][\w\-]*")


def _long_form(words: str, abbr: str) -> str | None:
    """Schwartz–Hearst: the shortest tail of ``words`` whose letters spell ``abbr``."""
    s = words.lower()
    a = [c for c in abbr.lower() if c.isalnum()]
    i = len(s) - 1
    for j in range(len(a) - 1, -1, -1):
        c = a[j]
        i = s.rfind(c, 0, i + 1)  # the letter's last place at or before i (the first letter's at a word's start)
        while j == 0 and i > 0 and s[i - 1].isalnum():
            i = s.rfind(c, 0, i)
        if i < 0:
            return None
        i -= 1
    start = s.rfind(" ", 0, i + 1) + 1
    long = words[start:].strip()
    if len(long.split()) > len(a) + 2 or len(long) <= len(abbr):
        return None
    return long


def find_abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> long form, for the abbreviations ``text`` defines."""
    out: dict[str, str] = {}
    for m in _ABBR_RE.finditer(text[:30000]):
        abbr = m.group(1)
        if abbr in out or sum(c.isupper() for c in abbr) < 2:
            continue
        # The (up to eight) words right before the parenthesis, within the same clause.
        words: list[str] = []
        for w in reversed(text[max(0, m.start() - 120):m.start()].split()[-8:]):
            if not _WORD_RE.fullmatch(w):
                break
            words.append(w)
        if not words:
            continue
        long = _long_form(" ".join(reversed(words)), abbr)
        if long:
            out[abbr] = long
    return out


def spelled_in(phrase: str, abbrs: dict[str, str]) -> dict[str, str]:
    """The defined abbreviation ``phrase`` ends with ("primary SLT"), when its long form is not in it (a name that goes
    on after it, "SGLT2 inhibitor", is left whole)."""
    low = phrase.lower()
    last = phrase.rsplit(" ", 1)[-1]
    return {a: long for a, long in abbrs.items() if a == last and long.lower() not in low}


def spelled_out_arm(arm: str, abbrs: dict[str, str]) -> str:
    """A short arm ending in a defined abbreviation ("primary SLT") with its long form; else the arm as it is."""
    used = spelled_in(arm, abbrs) if len(arm.split()) <= 6 else None
    return annotate_abbreviations(arm, used, 1) if used else arm


def spell_out_arms(pico: dict[str, str | None], abbrs: dict[str, str]) -> None:
    """The intervention and comparator of ``pico`` spelled out (see :func:`spelled_out_arm`)."""
    for part in ("intervention", "comparator"):
        if arm := pico.get(part):
            pico[part] = spelled_out_arm(arm, abbrs)


def annotate_abbreviations(phrase: str, abbrs: dict[str, str], limit: int = 3) -> str:
    """``phrase`` with defined abbreviations spelled out and long forms given their abbreviation."""
    done = 0
    low = phrase.lower()
    for abbr, long in abbrs.items():
        if done >= limit:
            break
        # An ASCII phrase can hold the abbreviation only where its lower-case form is (spares the pattern).
        has_abbr = None if phrase.isascii() and abbr.isascii() and abbr.lower() not in low \
            else re.search(r"\b" + re.escape(abbr) + r"\b", phrase, re.I)
        i = low.find(long.lower())
        if i >= 0 and not has_abbr:
            j = i + len(long)
            phrase = phrase[:j] + f" ({abbr})" + phrase[j:]
            low = phrase.lower()
            done += 1
        elif has_abbr and i < 0:
            j = has_abbr.end()
            phrase = phrase[:j] + f" ({long})" + phrase[j:]
            low = phrase.lower()
            done += 1
    return phrase
