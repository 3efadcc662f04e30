"""``curator extract --json`` gives bibliographic entries their PICO, in every export format, with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.importers import Entry, read_path

TITLE = "Yoga for chronic neck pain in office workers: a randomised trial"
ABSTRACT = ("We enrolled 180 office workers with chronic neck pain. Participants were randomly assigned to weekly "
            "yoga classes or to a self-care booklet. The primary outcome was neck pain intensity at 12 weeks.")
EXPORTS = {
    "export.ris": f"TY  - JOUR\nTI  - {TITLE}\nAU  - Ortega, Ana\nJO  - Pain Trials\nPY  - 2021\nAB  - {ABSTRACT}\nER  - \n",
    "export.nbib": f"PMID- 39000001\nTI  - {TITLE}\nAB  - {ABSTRACT}\nAU  - Ortega A\nJT  - Pain Trials\nDP  - 2021\n",
    "pubmed.xml": ("<?xml version='1.0'?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>39000001</PMID><Article>"
                   f"<Journal><Title>Pain Trials</Title></Journal><ArticleTitle>{TITLE}</ArticleTitle><Abstract>"
                   f"<AbstractText>{ABSTRACT}</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>"
                   "</PubmedArticleSet>"),
    "endnote.xml": (f"<?xml version='1.0'?><xml><records><record><titles><title>{TITLE}</title></titles>"
                    f"<abstract>{ABSTRACT}</abstract></record></records></xml>"),
    "export.bib": f"@article{{ortega2021,\n  title = {{{TITLE}}},\n  year = {{2021}},\n  abstract = {{{ABSTRACT}}}\n}}\n",
    "savedrecs.ciw": f"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI {TITLE}\nPY 2021\nAB {ABSTRACT}\nER\n\nEF\n",
    "scopus.csv": f'Title,Year,Abstract\n"{TITLE}",2021,"{ABSTRACT}"\n',
}
PICO = {"population": "office workers with chronic neck pain", "intervention": "weekly yoga classes",
        "comparator": "self-care booklet", "outcome": "neck pain intensity at 12 weeks"}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_format_gets_its_pico_with_evidence_in_the_page(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(EXPORTS[name], encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.output)
    assert fields["kind"] == "article" and fields["pico"] == PICO, fields["profile"]
    (entry,) = read_path(path)
    assert isinstance(entry, Entry)
    for part, value in PICO.items():
        (start, end), = fields["evidence"][f"pico.{part}"]
        assert entry.text[start:end] == value


def test_the_readable_listing_shows_the_pico_too(tmp_path: Path) -> None:
    path = tmp_path / "export.ris"
    path.write_text(EXPORTS["export.ris"], encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0 and "pico.comparator: self-care booklet" in result.output
