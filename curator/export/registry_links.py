"""Where a record's identifier can be looked up: its registry page (or PubMed / doi.org)."""

from __future__ import annotations

import re
from urllib.parse import quote

from curator.review.studies import is_registry_id

# Canonical identifier forms of fields.md → the page that shows that record.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(NCT\d{8})$"), "https://clinicaltrials.gov/study/{0}"),
    (re.compile(r"^(ISRCTN\d+)$"), "https://www.isrctn.com/{0}"),
    (re.compile(r"^EudraCT:(\d{4}-\d{6}-\d{2})$"), "https://www.clinicaltrialsregister.eu/ctr-search/search?query={0}"),
    (re.compile(r"^CTIS:(\d{4}-\d{6}-\d{2}-\d{2})$"),
     "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT={0}"),
    (re.compile(r"^ACTRN(\d+)$"), "https://www.anzctr.org.au/Trial/Registration/TrialReview.aspx?ACTRN={0}"),
    (re.compile(r"^(ChiCTR[\w-]+)$"), "https://trialsearch.who.int/Trial2.aspx?TrialID={0}"),
    (re.compile(r"^(DRKS\d+)$"), "https://drks.de/search/en/trial/{0}"),
    (re.compile(r"^(CTRI/[\d/]+)$"), "https://trialsearch.who.int/Trial2.aspx?TrialID={0}"),
    (re.compile(r"^(jRCT\w+)$"), "https://jrct.niph.go.jp/en-latest-detail/{0}"),
    (re.compile(r"^IRAS:(\d+)$"),
     "https://www.hra.nhs.uk/planning-and-improving-research/application-summaries/research-summaries/?query={0}"),
    (re.compile(r"^PMID:(\d+)$"), "https://pubmed.ncbi.nlm.nih.gov/{0}/"),
    (re.compile(r"^DOI:(10\.\S+)$"), "https://doi.org/{0}"),
)


def identifier_url(identifier: str) -> str | None:
    """The web page of ``identifier`` (canonical form), or None for a form we do not know."""
    for pattern, template in _PATTERNS:
        match = pattern.match(identifier.strip())
        if match:
            return template.format(quote(match.group(1), safe="/:-"))
    return None


def first_registry_link(ids: list[str]) -> tuple[str, str] | None:
    """(registry id, its page) for the first registry id of a record, else None."""
    for identifier in ids:
        if isinstance(identifier, str) and is_registry_id(identifier):
            url = identifier_url(identifier)
            if url:
                return identifier, url
    return None
