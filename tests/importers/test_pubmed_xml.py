"""PubMed XML (PubmedArticleSet): articles as labelled pages, abstract sections kept, broken files named."""

from __future__ import annotations

from pathlib import Path

from curator.importers import Entry, Problem, read_path

SET = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet>
 <PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
   <PMID Version="1">38800001</PMID>
   <Article PubModel="Print-Electronic">
    <Journal><JournalIssue CitedMedium="Internet"><Volume>12</Volume><Issue>3</Issue>
     <PubDate><Year>2024</Year><Month>Mar</Month></PubDate></JournalIssue>
     <Title>Journal of Rural Health Trials</Title></Journal>
    <ArticleTitle>Community health workers and <i>blood pressure</i> control in rural districts.</ArticleTitle>
    <Pagination><MedlinePgn>101-110</MedlinePgn></Pagination>
    <ELocationID EIdType="doi" ValidYN="Y">10.9999/jrht.2024.03</ELocationID>
    <Abstract>
     <AbstractText Label="METHODS" NlmCategory="METHODS">Villages were randomised to home visits by community health
      workers or to usual care. Adults with uncontrolled hypertension were enrolled.</AbstractText>
     <AbstractText Label="RESULTS" NlmCategory="RESULTS">The primary outcome was systolic blood pressure at
      12 months. Registered as NCT05550001.</AbstractText>
    </Abstract>
    <AuthorList><Author><LastName>Mensah</LastName><ForeName>Kofi</ForeName></Author>
     <Author><CollectiveName>Rural BP Study Group</CollectiveName></Author></AuthorList>
    <PublicationTypeList><PublicationType>Randomized Controlled Trial</PublicationType></PublicationTypeList>
   </Article>
   <MeshHeadingList><MeshHeading><DescriptorName>Hypertension</DescriptorName></MeshHeading></MeshHeadingList>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pubmed">38800001</ArticleId>
   <ArticleId IdType="pmc">PMC11000001</ArticleId></ArticleIdList></PubmedData>
 </PubmedArticle>
 <PubmedArticle>
  <MedlineCitation><PMID Version="1">38800002</PMID>
   <Article><Journal><Title>Letters</Title><JournalIssue><PubDate><MedlineDate>2023 Dec-2024 Jan</MedlineDate></PubDate>
   </JournalIssue></Journal><ArticleTitle>A reply.</ArticleTitle></Article></MedlineCitation>
 </PubmedArticle>
</PubmedArticleSet>
"""


def test_each_article_is_a_record_with_its_fields_and_evidence(tmp_path: Path) -> None:
    path = tmp_path / "pubmed.xml"
    path.write_text(SET, encoding="utf-8")
    first, second = list(read_path(path))
    assert isinstance(first, Entry) and isinstance(second, Entry)
    fields = first.fields
    assert (fields["profile"], fields["kind"], first.source_name) == ("pubmed-xml", "article", "PubMed")
    assert fields["title"] == "Community health workers and blood pressure control in rural districts."
    assert fields["authors"] == ["Mensah, Kofi", "Rural BP Study Group"]
    assert (fields["journal"], fields["year"]) == ("Journal of Rural Health Trials", 2024)
    assert fields["ids"] == ["PMID:38800001", "DOI:10.9999/jrht.2024.03", "PMCID:PMC11000001", "NCT05550001"]
    assert fields["abstract"].startswith("METHODS: Villages were randomised") and "\nRESULTS: The primary" in fields["abstract"]
    for key, spans in fields["evidence"].items():
        for start, end in spans:
            assert first.text[start:end].strip(), key
    (start, end), = fields["evidence"]["abstract"]
    assert first.text[start:end] == fields["abstract"]
    assert second.fields["year"] == 2023 and second.fields["abstract"] is None


def test_a_set_without_articles_and_broken_xml_are_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_text("<?xml version='1.0'?><PubmedArticleSet></PubmedArticleSet>", encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text("<PubmedArticleSet><PubmedArticle><PMID>1</PMID>", encoding="utf-8")
    (problem,) = read_path(empty)
    assert isinstance(problem, Problem) and "no <PubmedArticle>" in problem.message
    (problem,) = read_path(broken)
    assert isinstance(problem, Problem) and "malformed XML" in problem.message
