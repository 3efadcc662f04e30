"""Raw registry words to the vocabularies of fields.md: status, phase, study type, sex, ages, dates, numbers."""

from __future__ import annotations

import re
from typing import Any

# ---------------------------------------------------------------------------- status
# Ordered: the first pattern that matches wins, so specific phrases come before the
# words they contain ("not yet recruiting" before "recruiting", "study complete" before
# "recruiting complete").
_STATUS_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), s)
    for p, s in (
        (r"enrol+ing by invitation|by invitation", "ENROLLING_BY_INVITATION"),
        (r"not yet recruiting|not recruiting yet|not yet open|recruit\w* pending|recruiting planned|"
         r"pre-?recruitment|authori[sz]ed,? (?:recruitment )?pending|^pending\b|^planned\b|not yet started", "NOT_YET_RECRUITING"),
        (r"temporarily (?:not available|unavailable)", "TEMPORARILY_NOT_AVAILABLE"),
        (r"no longer available", "NO_LONGER_AVAILABLE"),
        (r"approved for marketing", "APPROVED_FOR_MARKETING"),
        (r"\bwithheld\b", "WITHHELD"),
        (r"withdrawn|cancel+ed|not authori[sz]ed|prohibited|zurückgezogen", "WITHDRAWN"),
        (r"suspend|halted|temporarily halted|unterbrochen", "SUSPENDED"),
        (r"terminated|stopped|prematurely ended|ended early|revoked|abgebrochen|discontinued|early termination",
         "TERMINATED"),
        (r"study complete|follow[- ]?up complete|trial complete|studie abgeschlossen", "COMPLETED"),
        (r"active,? not recruiting|ongoing,? not recruiting|not recruiting|no longer recruiting|closed to (?:recruitment|accrual)"
         r"|recruitment (?:ended|closed|complete)|recruiting complete|follow[- ]?up continuing|closed\b"
         r"|enrolment closed|enrollment closed|recruitment finished", "ACTIVE_NOT_RECRUITING"),
        (r"complete|concluded|\bended\b|finished|abgeschlossen", "COMPLETED"),
        (r"recruiting|\bopen\b|restarted|enrol+ing|rekrutierend|recruitment ongoing|recruiting ongoing"
         r"|recruitment active|reclutando|recrutando|en reclutamiento|abierto", "RECRUITING"),
        (r"unknown", "UNKNOWN"),
        (r"\bavailable\b", "AVAILABLE"),
    )
)


def normalise_status(raw: str) -> str | None:
    """The API v2 overall-status word for a registry's status words, or None if not recognised."""
    s = raw.lower().replace("_", " ")[:200]
    for pattern, status in _STATUS_RULES:
        if pattern.search(s):
            return status
    return None


# ---------------------------------------------------------------------------- phase
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PHASE_WORD_RE = re.compile(r"phase|fase|phasen?|第")
_PHASE_NUM_RE = re.compile(r"(?<![a-z0-9])(iv|iii|ii|i|[0-4])(?:[ab])?(?![a-z0-9])")
_NA_RE = re.compile(r"not applicable|\bn/?a\b|^na$|non-?applicable|nicht zutreffend|not specified|^none$|^0?$")
_EARLY_RE = re.compile(r"early phase|phase 0|phase0|early_phase1")


def normalise_phase(raw: str) -> str | None:
    """The API v2 phase (``PHASE2``, ``PHASE2/PHASE3``, ``NA`` ...) for written phase words, else None."""
    s = raw.lower().replace("_", " ").strip()[:120]
    if not s:
        return None
    if _EARLY_RE.search(s):
        return "EARLY_PHASE1"
    m = _PHASE_WORD_RE.search(s)
    tail = s[m.end():] if m else s
    # "phase4" / "phase2/phase3": separate the digits from the word.
    tail = tail.replace("phase", " ")
    nums: list[int] = []
    for tok in _PHASE_NUM_RE.finditer(tail[:40]):
        word = tok.group(1)
        n = _ROMAN[word] if word in _ROMAN else int(word)
        if n == 0:
            return "EARLY_PHASE1"
        if n not in nums:
            nums.append(n)
        if len(nums) == 2:
            break
    if not nums:
        return "NA" if _NA_RE.search(s) else None
    nums.sort()
    if len(nums) == 1:
        return f"PHASE{nums[0]}"
    if nums in ([1, 2], [2, 3]):
        return f"PHASE{nums[0]}/PHASE{nums[1]}"
    return None


# ---------------------------------------------------------------------------- study type, sex
def normalise_study_type(raw: str) -> str | None:
    """INTERVENTIONAL / OBSERVATIONAL / EXPANDED_ACCESS for a written study type, else None."""
    s = raw.lower()[:200]
    if "expanded access" in s or "expanded_access" in s or "compassionate" in s:
        return "EXPANDED_ACCESS"
    if "observational" in s or "beobachtung" in s or "cohort study" in s or "case-control" in s \
            or "non-interventional" in s or "non interventional" in s or "noninterventional" in s \
            or "nicht-interventionell" in s or "nichtinterventionell" in s:
        return "OBSERVATIONAL"
    if "observacional" in s:
        return "OBSERVATIONAL"
    if "interventional" in s or "intervention" in s or "clinical trial of" in s or "interventionell" in s \
            or "intervencional" in s:
        return "INTERVENTIONAL"
    if s.startswith(("rct", "randomi", "non-randomi", "randomised controlled", "controlled trial")):
        return "INTERVENTIONAL"  # PACTR's "Type of trial: RCT"
    return None


_ALL_SEX_RE = re.compile(
    r"\b(?:all|both|any)\b|male and female|female and male|males and females|females and males|men and women"
    r"|women and men|männlich und weiblich|beide|男女|^m/f$|^f/m$|diverse|\bamb[oa]s\b"
)


def normalise_sex(raw: str) -> str | None:
    """ALL / FEMALE / MALE for a written eligible sex, else None."""
    s = raw.lower().strip()[:80]
    if not s:
        return None
    if _ALL_SEX_RE.search(s):
        return "ALL"
    if ":" in s:
        # EU CTR: "Female: Yes  Male: No".
        said = dict(re.findall(r"\b(female|male)\s*:\s*(yes|no)\b", s))
        if said:
            f, m = said.get("female") == "yes", said.get("male") == "yes"
            return "ALL" if f and m else "FEMALE" if f else "MALE" if m else None
    if re.search(r"\bfemales?\b", s) and re.search(r"\bmales?\b", s):
        return "ALL"  # "Female, Male"
    if re.search(r"\b(?:female|females|women|woman|girls?|weiblich|frauen)\b|^f$|女性|女", s):
        return "FEMALE"
    if re.search(r"\b(?:male|males|men|man|boys?|männlich|männer)\b|^m$|男性|男", s):
        return "MALE"
    return None


# ---------------------------------------------------------------------------- ages
_UNITS = {
    "y": "Years", "yr": "Years", "yrs": "Years", "year": "Years", "years": "Years", "age": "Years", "jahre": "Years",
    "jahr": "Years", "歳": "Years", "岁": "Years", "m": "Months", "mo": "Months", "mos": "Months", "month": "Months",
    "months": "Months", "monate": "Months", "w": "Weeks", "wk": "Weeks", "wks": "Weeks", "week": "Weeks",
    "weeks": "Weeks", "d": "Days", "day": "Days", "days": "Days", "tage": "Days", "h": "Hours", "hours": "Hours",
}
_AGE_RE = re.compile(
    r"(\d{1,3})(?:[.,]0+)?\s*(years?|yrs?|y|months?|mos?|m|weeks?|wks?|w|days?|d|hours?|h|age|jahre?|monate|tage|歳|岁)?"
    r"(?:\(s\))?(?![a-z])",
    re.I,
)
_NO_LIMIT_RE = re.compile(r"no limit|no age limit|not applicable|\bn/?a\b|none|no maximum|no minimum|keine", re.I)


def _fmt_age(num: str, unit: str | None) -> str:
    u = _UNITS.get((unit or "years").lower(), "Years")
    n = int(num)
    if n == 1:
        u = u[:-1]
    return f"{n} {u}"


def _age_days(age: str) -> int:
    """"65 Years" as a number of days, to order ages written in different units."""
    n, unit = age.split(" ", 1)
    return int(n) * {"Y": 365, "M": 30, "W": 7}.get(unit[:1], 1)


def normalise_age(raw: str) -> str | None:
    """``18 Years`` / ``6 Months`` for a written age limit ("18Y", "18.00 Year(s)", ">= 20age old"), else None."""
    s = raw.strip()[:80]
    if not s or _NO_LIMIT_RE.search(s):
        return None
    m = _AGE_RE.search(s)
    if not m:
        return None
    return _fmt_age(m.group(1), m.group(2))


_RANGE_RE = re.compile(
    r"(\d{1,3})\s*(years?|yrs?|y|months?|weeks?|days?)?(?:\(s\))?(?:[\s-]*old)?\s*(?:to|-|–|—|and|~|〜)\s*(\d{1,3})\s*"
    r"(years?|yrs?|y|months?|weeks?|days?)",
    re.I,
)
# "Minimum 18 Years Maximum 60 Years" written as one value.
_MIN_MAX_RE = re.compile(
    r"min(?:imum|\.)?(?:\s+age)?(?:\s+years)?\s*:?\s*(\d{1,3})\s*(years?|yrs?|y|months?|weeks?|days?)?.{0,20}?"
    r"max(?:imum|\.)?(?:\s+age)?(?:\s+years)?\s*:?\s*(\d{1,3})\s*(years?|yrs?|y|months?|weeks?|days?)?",
    re.I,
)
_OLDER_RE = re.compile(r"(\d{1,3})\s*(years?|yrs?|y|months?|weeks?|days?)\s*(?:and|or)\s*(?:older|over|above)|"
                       r"(?:≥|>=|over|above|at least|aged)\s*(\d{1,3})\s*(years?|yrs?|y|months?)?", re.I)
_PLUS_RE = re.compile(r"\s*(\d{1,3})\s?\+\s*(years?|yrs?)?(?![\w-])", re.I)
# CRiS writes an open end as "No Limit": "19Year~No Limit", "No Limit~65Year".
_OPEN_RANGE_RE = re.compile(r"(\d{1,3})\s*(years?|y|months?|weeks?|days?)?\s*[~〜]\s*no\s*limit"
                            r"|no\s*limit\s*[~〜]\s*(\d{1,3})\s*(years?|y|months?|weeks?|days?)?", re.I)
_UPTO_RE = re.compile(r"(?:up to|under|below|≤|<=|younger than)\s*(\d{1,3})\s*(years?|yrs?|y|months?|weeks?|days?)?", re.I)


def normalise_age_range(raw: str) -> tuple[str | None, str | None]:
    """(min, max) ages from "18 Years to 65 Years", "18-65 years", "18 years and older", "up to 17 years"."""
    s = raw[:120]
    if ("," in s or ";" in s) and (s.count("-") + s.count("+") + s.count("–")) >= 2:
        # CTIS's bands, "18-64 years, 65-84 years, 85+ years" (in any order): from the youngest band's bound to the
        # oldest's, none when a band is open.
        bands = [normalise_age_range(p) for p in s.replace(";", ",").split(",") if p.strip()]
        if len(bands) >= 2 and all(b[0] for b in bands):
            low = min((b[0] for b in bands if b[0]), key=_age_days)
            return low, None if any(b[1] is None for b in bands) else max((b[1] for b in bands if b[1]), key=_age_days)
    mm = _MIN_MAX_RE.search(s)
    if mm:
        return _fmt_age(mm.group(1), mm.group(2) or mm.group(4)), _fmt_age(mm.group(3), mm.group(4) or mm.group(2))
    m = _RANGE_RE.search(s)
    if m:
        return _fmt_age(m.group(1), m.group(2) or m.group(4)), _fmt_age(m.group(3), m.group(4))
    m = _OPEN_RANGE_RE.search(s) if "imit" in s else None
    if m:
        return (_fmt_age(m.group(1), m.group(2)), None) if m.group(1) else (None, _fmt_age(m.group(3), m.group(4)))
    m = _PLUS_RE.match(s)  # CTIS's "65+ years"
    if m:
        return _fmt_age(m.group(1), m.group(2)), None
    m = _OLDER_RE.search(s)
    if m:
        if m.group(1):
            return _fmt_age(m.group(1), m.group(2)), None
        return _fmt_age(m.group(3), m.group(4)), None
    m = _UPTO_RE.search(s)
    if m:
        return None, _fmt_age(m.group(1), m.group(2))
    return None, None


# ---------------------------------------------------------------------------- numbers
_INT_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?![\d.]*\s*(?:%|mg|years?))")
_LEADING_WORDS_RE = re.compile(
    r"^\s*(?:(?:actual|anticipated|estimated|target|planned|approximately|approx\.?|about|total|n\s*=|"
    r"participants?|enrol+ment|sample size|[:=\-\"])\s*)*", re.I
)
# "In the EEA: 800 | Whole clinical trial: 1,450", "Total Sample Size="180"  Sample Size from India="180"": the
# whole trial's count among the parts'.
_WHOLE_COUNT_RE = re.compile(r"\b(?:whole (?:clinical )?trial|in total|overall|total(?: sample size)?)\s*[:=]\s*\"?"
                             r"(\d{1,3}(?:,\d{3})+|\d+)\b", re.I)


# A patient page's sentence: "The team need to recruit 320 people", "We hope to find about 2,600 people".
_NEEDED_COUNT_RE = re.compile(
    r"\b(?:need|needs|hope|hopes|aim|aims|plan|plans|want|wants|are\s+looking\s+for|is\s+looking\s+for)\s+"
    r"(?:to\s+(?:recruit|find|enrol|enroll|include|involve)\s+)?(?:about\s+|around\s+|up\s+to\s+)?(\d[\d,]*)\s+"
    r"(?:people|participants|patients|volunteers|children|adults|women|men)\b", re.I)


def needed_count(doc: Any, fields: dict[str, Any]) -> int:
    """A patient page's "The team need 2,600 people to take part" in its text when no label gave the count."""
    head = doc.text[:8000]
    if "need" not in head and "hope" not in head and "looking for" not in head:
        return 0
    m = _NEEDED_COUNT_RE.search(head)
    if m is None:
        return 0
    fields["enrollment"] = int(m.group(1).replace(",", ""))
    fields["evidence"]["enrollment"] = [[m.start(1), m.end(1)]]
    return 1


def parse_count(raw: str) -> int | None:
    """The participant count at the start of a value ("15 participants", "120 (Actual)", "1,200"), else None."""
    whole = _WHOLE_COUNT_RE.search(raw[:200]) if "=" in raw[:200] or ":" in raw[:200] else None
    if whole:
        return int(whole.group(1).replace(",", ""))
    s = _LEADING_WORDS_RE.sub("", raw[:120])
    m = _INT_RE.match(s.strip()) or _NEEDED_COUNT_RE.search(raw[:200])
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(1))
    n = int(digits)
    # 0 is a stated count (a withdrawn trial enrolled no one); only an empty value is null.
    return n if 0 <= n < 50_000_000 else None


# ---------------------------------------------------------------------------- dates
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "januar": 1, "februar": 2, "märz": 3, "mai": 5,
    "juni": 6, "juli": 7, "oktober": 10, "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}
_MON = r"(jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?" \
       r"|sept?(?:ember)?|oct(?:ober)?|oktober|nov(?:ember)?|dec(?:ember)?|dezember)\.?"
_DATE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    # 2020年4月1日 and UMIN's English rendering of it, "2020 Year 04 Month 01 Day".
    ("cjk", re.compile(r"((?:19|20)\d{2})\s*(?:年|Year)\s*(\d{1,2})\s*(?:月|Month)(?:\s*(\d{1,2})\s*(?:日|Day))?")),
    ("dmy_text", re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*" + _MON + r"[\s\-/.,]*((?:19|20)\d{2})(?!\d)", re.I)),
    ("mdy_text", re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?!\d)", re.I)),
    ("my_text", re.compile(r"(?<![a-z])" + _MON + r"[\s,\-/]*((?:19|20)\d{2})(?!\d)", re.I)),
    ("dmy", re.compile(r"(?<![\d/.-])(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d{2})(?!\d)")),
    ("ym", re.compile(r"(?<![\d/.-])((?:19|20)\d{2})[-/.](\d{1,2})(?![\d/.-]*\d)")),
    ("y", re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/-])")),
)


# The first letters of every month's name in _MON, lower-case.
_MONTH_STEM_RE = re.compile(r"jan|feb|mar|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez")
_NUMERIC_DATE_RE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.\-](\d{1,2})[/.\-](?:19|20)\d{2}(?!\d)")
_ORDER_HINT_RE = re.compile(r"\b(dd|mm)[/.\-](mm|dd)[/.\-](?:yyyy|yy)\b", re.I)


def numeric_date_order(text: str) -> bool | None:
    """How a document orders numeric dates: True day first, False month first, None unknown.

    A written hint ("(mm/dd/yyyy)") decides; otherwise any date that can only be read one
    way (25/07/2018 or 07/25/2018) shows the site's habit for the others.
    """
    # (every hint holds "yy" in some case: a pattern tried at every offset of the page is spared on the others)
    hint = _ORDER_HINT_RE.search(text) if "yy" in text or "YY" in text or "Yy" in text or "yY" in text else None
    if hint:
        return hint.group(1).lower() == "dd"
    for m in _NUMERIC_DATE_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    return None


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_date(raw: str, day_first: bool | None = True) -> tuple[str, int, int] | None:
    """The first date in ``raw`` as ISO 8601 at the precision written, with its span in ``raw``.

    Understands 2010-01-31, 2010/01/31, 31/01/2010, 31.01.2010, 17 Sep 2021, Jan 31,
    2010, September 2018, 2011-08, 2020年4月1日, 2020 Year 04 Month 01 Day and 2003.
    ``day_first`` says how the site orders numeric dates (True: 03/04 is 3 April, False:
    4 March, None: unknown, so an ambiguous date keeps only its year).
    """
    s = raw[:200]
    if "19" not in s and "20" not in s:
        return None  # every form has a year 19xx or 20xx: spare eight searches
    if "Actual" in s and "Anticipated" in s:  # ANZCTR's "Anticipated 4/09/2023  Actual 18/09/2023": the actual one
        cut = s.index("Actual") + 6
        if got := parse_date(s[cut:], day_first):
            return got[0], got[1] + cut, got[2] + cut
    # The forms with a month's name need one of their first letters ("2022-07-01" has none: three searches spared);
    # the CJK form its "年" or "Year".
    named = not s.isascii() or _MONTH_STEM_RE.search(s.lower()) is not None
    cjk = "年" in s or "Year" in s
    best: tuple[str, int, int] | None = None
    for kind, pattern in _DATE_RES:
        if (kind == "cjk" and not cjk) or (not named and kind.endswith("_text")):
            continue
        m = pattern.search(s)
        if not m or (best is not None and m.start() >= best[1]):
            continue
        g = m.groups()
        iso: str | None
        if kind == "ymd":
            iso = _iso(int(g[0]), int(g[1]), int(g[2]))
        elif kind == "cjk":
            iso = _iso(int(g[0]), int(g[1]), int(g[2]) if g[2] else None)
        elif kind == "dmy_text":
            iso = _iso(int(g[2]), _MONTHS.get(g[1].lower().rstrip("."), 0), int(g[0]))
        elif kind == "mdy_text":
            iso = _iso(int(g[2]), _MONTHS.get(g[0].lower().rstrip("."), 0), int(g[1]))
        elif kind == "my_text":
            iso = _iso(int(g[1]), _MONTHS.get(g[0].lower().rstrip("."), 0))
        elif kind == "dmy":
            a, b = int(g[0]), int(g[1])
            if b > 12 or (a <= 12 and day_first is False and a != b):
                iso = _iso(int(g[2]), a, b)  # month first: a "day" above 12 says so, or the site does
            elif a > 12 or day_first or a == b:
                iso = _iso(int(g[2]), b, a)
            else:
                # 03/04/2020 from a site whose order is unknown: only the year is certain.
                iso = _iso(int(g[2]))
        elif kind == "ym":
            iso = _iso(int(g[0]), int(g[1]))
        else:
            iso = _iso(int(g[0]))
        if iso:
            best = (iso, m.start(), m.end())
    return best


_PERIOD_TO_RE = re.compile(r"\s*(?:至\s*)?(?:to|until|till|[-–—~])\s*", re.I)


def period_end(value: str, first_end: int, order: bool | None) -> str | None:
    """The closing date of a period ("From 2021-08-01 To 2023-06-30") whose opening date ends at ``first_end``."""
    m = _PERIOD_TO_RE.match(value, first_end)
    if not m:
        return None
    d = parse_date(value[m.end():m.end() + 40], order)
    return d[0] if d and d[1] == 0 else None
