"""PubMed XML (``<PubmedArticleSet>``, PubMed's "Save as XML" and E-utilities' ``efetch``): one record per article.

Each ``<PubmedArticle>`` (or ``<PubmedBookArticle>``) becomes a labelled page like a MEDLINE entry's: title,
authors, journal, date, identifiers (PMID, PMCID, DOI, registration numbers) and the abstract, whose sections
(``<AbstractText Label="METHODS">``) are kept as "METHODS: ..." paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from curator.identifiers import canonical_doi, canonical_pmid, registration_ids, registry_ids
from curator.importers import Entry, Item, Problem, Reader, register
from curator.importers._page import Page
from curator.importers._vocabulary import year_of
from curator.importers._xml import Element, records_of, text_of

_SNIFF = re.compile(rb"<(?:!DOCTYPE\s+)?PubmedArticleSet\b")
_ARTICLES = ("PubmedArticle", "PubmedBookArticle")


def sniff(head: bytes) -> bool:
    """PubMed XML: a ``PubmedArticleSet`` near the top."""
    return bool(_SNIFF.search(head))


def _authors(article: Element) -> list[str]:
    names = []
    for author in article.findall(".//AuthorList/Author"):
        last, fore = text_of(author.find("LastName")), text_of(author.find("ForeName")) or text_of(author.find("Initials"))
        name = f"{last}, {fore}" if last and fore else last or text_of(author.find("CollectiveName"))
        if name:
            names.append(name)
    return names


def _abstract(article: Element) -> str | None:
    parts = []
    for section in article.findall(".//Abstract/AbstractText"):
        body = text_of(section)
        if body:
            label = section.get("Label")
            parts.append(f"{label}: {body}" if label and label.upper() != "UNLABELLED" else body)
    return "\n".join(parts) or None


def article_entry(element: Element, source: str) -> Entry:
    """One PubMed article as a record (kind article, profile ``pubmed-xml``)."""
    page = Page("pubmed-xml", "article")
    page.line("Title", text_of(element.find(".//ArticleTitle")) or text_of(element.find(".//BookTitle")), "title")
    page.items("Authors", _authors(element), "authors")
    page.line("Journal", text_of(element.find(".//Journal/Title")) or text_of(element.find(".//MedlineTA")), "journal")
    date = element.find(".//Journal/JournalIssue/PubDate") or element.find(".//PubDate")
    shown = " ".join(t for t in (text_of(date.find("Year")), text_of(date.find("Month")), text_of(date.find("Day")))
                     if t) or text_of(date.find("MedlineDate")) if date is not None else None
    year = year_of(shown)
    page.line("Published", shown, "year" if year is not None else None, field_value=year)
    page.line("Volume", text_of(element.find(".//JournalIssue/Volume")))
    page.line("Issue", text_of(element.find(".//JournalIssue/Issue")))
    page.line("Pages", text_of(element.find(".//Pagination/MedlinePgn")))
    page.items("Publication type", [t for t in (text_of(e) for e in element.findall(".//PublicationType")) if t])
    pmid = text_of(element.find(".//PMID"))
    if pmid:
        page.identifier("PMID", pmid, canonical_pmid(pmid))
    for found in element.findall(".//ELocationID") + element.findall(".//ArticleIdList/ArticleId"):
        kind, value = found.get("IdType") or found.get("EIdType"), text_of(found)
        if value and kind == "doi":
            page.identifier("DOI", value, canonical_doi(value))
        elif value and kind == "pmc":
            page.identifier("PMCID", value, f"PMCID:{value}" if value.startswith("PMC") else None)
    for number in element.findall(".//DataBankList/DataBank/AccessionNumberList/AccessionNumber"):
        value = text_of(number)
        ids = registry_ids(value or "")
        if value:
            page.identifier("Registration", value, ids[0] if ids else None)
    abstract = _abstract(element)
    for value in registration_ids(abstract or ""):
        page.identifier("Trial registration", value, value)
    page.items("MeSH terms", [t for t in (text_of(e) for e in element.findall(".//MeshHeading/DescriptorName")) if t])
    page.items("Keywords", [t for t in (text_of(e) for e in element.findall(".//KeywordList/Keyword")) if t])
    page.block("Abstract", abstract, "abstract")
    return Entry(source=source, text=page.text(), fields=page.fields, source_name="PubMed")


def read(path: Path, data: bytes) -> Iterator[Item]:
    """Every article of the set."""
    root = records_of(path, data, "PubmedArticleSet", "no <PubmedArticleSet> in the XML")
    if isinstance(root, Problem):
        yield root
        return
    articles = [a for tag in _ARTICLES for a in root[0].iter(tag)]
    if not articles:
        yield Problem(path.name, None, "no <PubmedArticle> elements in the XML")
        return
    for number, article in enumerate(articles, start=1):
        if not (text_of(article.find(".//ArticleTitle")) or text_of(article.find(".//BookTitle"))
                or text_of(article.find(".//PMID"))):
            yield Problem(path.name, f"article {number}", "article has neither a title nor a PMID")
            continue
        yield article_entry(article, f"{path.name}#{number}")


register(Reader("pubmed-xml", (), sniff, read, priority=20, source_kind="database"))
