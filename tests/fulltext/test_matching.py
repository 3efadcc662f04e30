"""`curator attach --match FOLDER`: each PDF to the record it reports, by identifier, else by title."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import cli
from curator.fulltext.matching import TITLE_THRESHOLD, RecordIndex
from curator.fulltext.storage import full_text_of, full_texts_of
from curator.store.models import DuplicateLink
from tests.conftest import add_records
from tests.fulltext.printed_pdf import pdf_from_pages, printed_pdf

BODY = ("Background: complex regional pain syndrome is a disabling condition. Methods: we randomised 40 adults "
        "to anakinra or placebo for four weeks. Results: pain fell more with anakinra. ") * 6


def _report(title: str, head: str = "", body: str = BODY) -> bytes:
    """A journal article's PDF: a running head (perhaps with an identifier), the title, the authors, the text."""
    text = f"{head}\n\n{title}\n\nA Goebel, J Smith, K Jones\n\nAbstract\n\n{body}"
    return printed_pdf(text, "Journal of Pain Research")


def _records(review) -> dict[str, int]:
    made = {}
    for name, title, ids in [
        ("doi", "Anakinra in refractory complex regional pain syndrome", ["DOI:10.2147/jpr.s123456"]),
        ("pmid", "Interleukin-1 blockade for chronic pain after fracture", ["PMID:34567890"]),
        ("pmcid", "Ketamine mesotherapy in complex regional pain syndrome type 1", ["PMCID:PMC7654321"]),
        ("nct", "Lenalidomide for refractory cutaneous lupus", ["NCT01408199"]),
        ("title", "Erosion healing in rheumatoid arthritis after anakinra treatment", []),
    ]:
        (made[name],) = add_records(review, [title], fields={"ids": ids})
    return made


@pytest.mark.parametrize(("key", "title", "head"), [
    ("doi", "A report", "J Pain Res. 2021;14:1-9. https://doi.org/10.2147/JPR.S123456"),
    ("pmid", "A report", "PMID: 34567890"),
    ("pmcid", "A report", "PMCID: PMC7654321"),
    ("nct", "A report", "Trial registration: ClinicalTrials.gov NCT01408199"),
    ("title", "Erosion Healing in Rheumatoid Arthritis after Anakinra Treatment.", "Ann Rheum Dis 2003"),
])
def test_each_way_of_matching(review, key: str, title: str, head: str) -> None:
    made = _records(review)
    index = RecordIndex(review)
    found = index.match(_first_text(_report(title, head)))
    assert found.record_id == made[key], found
    expected_how = {"doi": "DOI DOI:10.2147/jpr.s123456", "pmid": "PMID PMID:34567890",
                    "pmcid": "PMCID PMCID:PMC7654321", "nct": "registry id NCT01408199"}
    assert found.how.startswith(expected_how.get(key, "title ("))


def _first_text(data: bytes) -> str:
    from curator.fulltext.reading import read_pdf

    return read_pdf(data, max_pages=2).text


def test_a_title_set_over_two_lines_is_matched(review) -> None:
    made = _records(review)
    pages = [["Annals of the Rheumatic Diseases 2003;62:671-673", "", "Erosion healing in rheumatoid arthritis",
              "after anakinra treatment", "", "R Rau, O Sander, S Wassenberg"]]
    assert RecordIndex(review).match(_first_text(pdf_from_pages(pages))).record_id == made["title"]


def test_a_title_less_alike_than_the_threshold_is_no_match(review) -> None:
    _records(review)
    found = RecordIndex(review).match(_first_text(_report("Erosion healing in psoriatic arthritis after etanercept",
                                                          "Ann Rheum Dis")))
    assert found.record_id is None
    assert f"no record's title is {TITLE_THRESHOLD}% like a line of its first page" in found.reason


def test_an_identifier_of_several_records_is_no_match(review) -> None:
    first, second = add_records(review, ["Anakinra trial: protocol", "Anakinra trial: results"],
                                fields={"ids": ["NCT02390596"]})
    found = RecordIndex(review).match(_first_text(_report("Results", "Registered as NCT02390596")))
    assert found.record_id is None and f"several records ({first}, {second})" in found.reason


def test_a_duplicate_counts_as_the_record_it_repeats(review) -> None:
    first, second = add_records(review, ["Anakinra trial (PubMed)", "Anakinra trial (Embase)"],
                                fields={"ids": ["DOI:10.1000/anakinra"]})
    with review.transaction() as session:
        session.add(DuplicateLink(record_id=second, duplicate_of_id=first, method="doi"))
    assert RecordIndex(review).match(_first_text(_report("X", "doi:10.1000/anakinra"))).record_id == first


def test_attach_match_attaches_what_it_can_and_lists_the_rest(review, review_path: Path, tmp_path: Path) -> None:
    made = _records(review)
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "goebel2021.pdf").write_bytes(_report("Anakinra", "https://doi.org/10.2147/jpr.s123456"))
    (folder / "sub" / "rau2003.PDF").write_bytes(
        _report("Erosion healing in rheumatoid arthritis after anakinra treatment", "Ann Rheum Dis"))
    (folder / "unknown.pdf").write_bytes(_report("Yoga for low back pain", "BMJ 2020"))
    (folder / "scan.pdf").write_bytes(pdf_from_pages([[], []]))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    (folder / "notes.txt").write_text("not a PDF, not looked at")
    result = CliRunner().invoke(cli, ["attach", "--match", str(folder), "--review", str(review_path)])
    assert result.exit_code == 1
    assert "goebel2021.pdf: attached to record" in result.output and "Attached 2 of 5 PDF files" in result.output
    assert full_text_of(review, made["doi"]).file_name == "goebel2021.pdf"  # type: ignore[union-attr]
    assert full_text_of(review, made["title"]).file_name == "rau2003.PDF"  # type: ignore[union-attr]
    assert set(full_texts_of(review)) == {made["doi"], made["title"]}
    lines = result.output.splitlines()
    assert any(line.strip().startswith("unknown.pdf: not attached: no DOI, PMID, PMCID or registry id") for line in lines)
    assert any(line.strip().startswith("scan.pdf: no text layer: attach it, extraction needs OCR") for line in lines)
    assert any(line.strip() == "broken.pdf: damaged or incomplete PDF (perhaps a download that did not finish): "
               "Curator cannot read it; download it again or save a new copy from a PDF reader" for line in lines)
    assert "Traceback" not in result.output


def test_attach_match_exits_0_when_all_were_attached(review, review_path: Path, tmp_path: Path) -> None:
    _records(review)
    pdf = tmp_path / "lupus.pdf"
    pdf.write_bytes(_report("Lenalidomide", "NCT01408199"))
    result = CliRunner().invoke(cli, ["attach", "--match", str(pdf), "--review", str(review_path)])
    assert result.exit_code == 0 and "Attached 1 of 1 PDF file\n" in result.output
