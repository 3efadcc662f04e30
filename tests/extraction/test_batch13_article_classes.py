"""Article and identifier classes of error met on held-out web batch 13, each tested on text written here (no
corpus page): identifiers of other works, by-lines in publishers' layouts, the journal's name beside its issue."""

from __future__ import annotations

from curator.extraction import extract


def test_a_registry_s_outputs_are_not_its_ids() -> None:
    isrctn = extract("ISRCTN87654321\nHeat therapy for period pain\n\nOverall study status Completed\n\n"
                     "Study outputs\nOutput type   Details   Date created\n"
                     "Protocol article   https://doi.org/10.1186/s13063-021-01234-5   01/02/2021\n")
    assert isrctn["ids"] == ["ISRCTN87654321"]
    drks = extract("DRKS-ID: DRKS00012345\nRecruitment Status: Completed\n"
                   "Trial Publications, Results and other Documents\nStudy protocol: https://doi.org/10.1186/s12345-022-00001-2\n"
                   "Secondary IDs\nUTN: U1111-1234-5678\n")
    assert not any(i.startswith("DOI:") for i in drks["ids"])
    umin = extract("Unique ID issued by UMIN  UMIN000054321\nRecruitment status   Completed\n"
                   "URL related to results and publications   https://doi.org/10.1111/abc.12345\n")
    assert umin["ids"] == ["UMIN000054321"]


def test_a_doi_cited_in_a_sentence_or_an_editorial_line_is_another_work_s() -> None:
    text = ("Journal of Sleep Trials\nMelatonin for Jet Lag in Cabin Crew: A Randomized Trial\n"
            "Anna Berg, Jonas Lind, Eva Holm\nhttps://doi.org/10.1234/jst.2023.0101\n\nAbstract\n"
            "Background: Jet lag impairs cabin crew. Methods: 120 crew were randomized to melatonin or placebo.\n\n"
            "Introduction\nMelatonin shortened jet lag in travellers in an earlier crossover study (Smith et al., "
            "Sleep 2001; doi: 10.5678/sleep.2001.0042), but crew were not studied.\n"
            "Editorial   Jet Lag at Work   P. Quinn   J Sleep Trials 2023;4:20-21   DOI: 10.1234/jst.2023.0199\n")
    f = extract(text)
    assert "DOI:10.1234/jst.2023.0101" in f["ids"]
    assert "DOI:10.5678/sleep.2001.0042" not in f["ids"]
    assert "DOI:10.1234/jst.2023.0199" not in f["ids"]


def test_polish_references_and_recommended_articles_boxes() -> None:
    text = ("Ginekologia Polska\nCarbetocin versus oxytocin at caesarean section: a randomized trial\n"
            "DOI: 10.1234/gp.2023.0007\n\nAbstract\nObjectives: To compare carbetocin with oxytocin.\n\n"
            "Piśmiennictwo\n1. Kowalski J. Uterotonics. Ginekol Pol. 2019;90:1-5. doi: 10.1234/gp.2019.0001\n\n"
            "Polecane artykuły\nOksytocyna w porodzie. Ginekol Pol 2020;91:10-15. DOI: 10.1234/gp.2020.0002\n")
    assert extract(text)["ids"] == ["DOI:10.1234/gp.2023.0007"]


def test_by_lines_with_orcid_links_and_sciencedirect_link_text() -> None:
    sage = extract("Clinical Trials Journal\nImpact Factor: 2.1\n\n"
                   "Mirror therapy versus sham for phantom limb pain: a randomized controlled trial\n\n"
                   "Lena Ortiz https://orcid.org/0000-0001-2345-6789, Tom Reyes, and Ida Moss "
                   "https://orcid.org/0000-0002-3456-789X\nVolume 12, Issue 3\n\nAbstract\nObjective: To test mirror therapy.\n")
    assert sage["authors"] == ["Lena Ortiz", "Tom Reyes", "Ida Moss"]
    sd = extract("ScienceDirect\nJournal of Pain Research\nVolume 9, March 2023, Pages 1-9\n\nResearch Article\n"
                 "Mirror therapy versus sham for phantom limb pain: a randomized controlled trial\n\n"
                 "Author links open overlay panel   Lena Ortiz a, Tom Reyes b, Ida Moss a\na Pain Unit, Oslo\n\n"
                 "Abstract\nObjective: To test mirror therapy.\n")
    assert sd["authors"] == ["Lena Ortiz", "Tom Reyes", "Ida Moss"]


def test_one_author_a_line_with_the_affiliation_after_a_gap() -> None:
    text = ("Preprint server\n\nMirror therapy versus sham for phantom limb pain: a randomized controlled trial\n\n"
            "22 Pages   Posted: 1 Mar 2023\nLena Ortiz   University of Oslo\nTom Reyes   Karolinska Institutet\n\n"
            "Abstract\nBackground: Phantom limb pain is common.\n")
    assert extract(text)["authors"] == ["Lena Ortiz", "Tom Reyes"]


def test_grouped_authors_and_affiliations_yield_to_the_by_line() -> None:
    text = ("Springer Link\n\nHome   Pain Medicine Journal   Article\n"
            "Mirror therapy versus sham for phantom limb pain: a randomized controlled trial\n"
            "Original Article   Published: 1 March 2023\nPain Medicine Journal   Aims and scope   Submit manuscript\n\n"
            "Lena Ortiz, Tom Reyes & Ida Moss\n\nAbstract\nPurpose\nTo test mirror therapy.\n\n"
            "Authors and Affiliations\nDepartment of Pain, University of Oslo, Oslo, Norway\nLena Ortiz & Ida Moss\n"
            "Karolinska Hospital, Stockholm, Sweden\nTom Reyes\n")
    f = extract(text)
    assert f["authors"] == ["Lena Ortiz", "Tom Reyes", "Ida Moss"]
    assert f["journal"] == "Pain Medicine Journal"  # the breadcrumb's step before the article


def test_journal_name_beside_its_issue() -> None:
    pubmed = extract("PubMed\n\nRandomized Controlled Trial   BMJ Open   . 2021 Feb;11(2):e041234.\n"
                     "doi: 10.1136/bmjopen-2020-041234.\n\nWalking groups for knee pain: a randomised trial\n\n"
                     "Abstract\nObjective: To test walking groups.\n")
    assert (pubmed["journal"], pubmed["year"]) == ("BMJ Open", 2021)
    labelled = extract("Walking groups for knee pain: a randomised trial\nAnna Berg, Jonas Lind\n"
                       "DOI: 10.1234/abcd.2021.1\n\nAbstract\nWalking groups helped.\n\n"
                       "Published In   Journal of Knee Research   Volume 12 • Number 3 • March 1, 2021\n")
    assert labelled["journal"] == "Journal of Knee Research"
    wiley = extract("Wiley Online Library\nPhysiotherapy   Journal of the Society of Physiotherapists\n"
                    "Volume 40, Issue 2   p. 100-110\nORIGINAL ARTICLE\n\n"
                    "Walking groups for knee pain: a randomised trial\nAnna Berg, Jonas Lind\n"
                    "First published: 2 March 2021\n\nAbstract\nWalking groups helped.\n")
    assert wiley["journal"] == "Physiotherapy"


def test_a_row_of_links_between_title_and_by_line() -> None:
    text = ("The Medical Weekly\n\nResearch\nWalking groups versus leaflets for knee pain: randomised controlled trial\n"
            "Med Wkly 2022; 12 doi: https://doi.org/10.1234/mw.2022.1\nCite this as: Med Wkly 2022;12:e1\n\n"
            "Article   Related content   Metrics   Responses   Peer review\n\n"
            "Anna Berg, physiotherapist1, Jonas Lind, epidemiologist2\n\nAbstract\nObjective To test walking groups.\n")
    assert extract(text)["authors"] == ["Anna Berg", "Jonas Lind"]


def test_citation_with_the_year_after_the_name_and_an_issue() -> None:
    text = ("Pediatric Reports\n\nWalking groups versus leaflets for knee pain: a randomized trial\n\n"
            "Anna Berg, MD; Jonas Lind, PhD\n\nPediatric Reports (2022) 14 (3): e2022001234.\n"
            "https://doi.org/10.1234/pr.2022-001234\n\nAbstract\nOBJECTIVES: To test walking groups.\n")
    assert extract(text)["year"] == 2022
