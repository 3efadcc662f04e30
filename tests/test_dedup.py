from __future__ import annotations

from pathlib import Path

import pytest

from curator.duplicates import links as duplicate_links
from curator.duplicates import matching as dedup
from curator.duplicates.matching import Link, candidate, find_links, normalise_title
from curator.importers.batch import import_paths
from curator.review import studies
from curator.store.audit import audit_trail


def _c(record_id: int, title: str, *, year: int | None = 2019, author: str | None = "Rau R",
       ids: list[str] | None = None, kind: str = "article", text_hash: str = "") -> dedup.Candidate:
    fields = {"title": title, "year": year, "authors": [author] if author else [], "ids": ids or [], "kind": kind}
    return candidate(record_id, fields, text_hash or f"hash{record_id}")


TITLE = "Etanercept in early rheumatoid arthritis: 24-week results of a randomised controlled trial"

# (earlier, later, should the later be a duplicate?)
PAIRS = [
    # true near-duplicates
    (_c(1, TITLE), _c(2, TITLE.upper() + "."), True),
    (_c(1, TITLE, author="Rau, Rolf"), _c(2, TITLE, author="R Rau"), True),
    (_c(1, TITLE), _c(2, TITLE.replace("randomised", "randomized")), True),
    (_c(1, TITLE), _c(2, "[" + TITLE + "]."), True),
    (_c(1, TITLE, year=2012), _c(2, TITLE, year=2013), True),  # epub ahead of print vs issue year
    (_c(1, TITLE, author=None), _c(2, TITLE.replace("Etanercept", "Etanercep")), True),
    (_c(1, "Ètude de la polyarthrite rhumatoïde chez l'enfant: essai"),
     _c(2, "Etude de la polyarthrite rhumatoide chez l enfant essai"), True),
    (_c(1, "X", ids=["DOI:10.1/a"]), _c(2, "Y", ids=["DOI:10.1/a"]), True),
    (_c(1, "X", ids=["PMID:5"]), _c(2, "Other", ids=["PMID:5", "DOI:10.1/z"]), True),
    (_c(1, "Reg", kind="trial", ids=["NCT00195494"]), _c(2, "Reg again", kind="trial", ids=["NCT00195494"]), True),
    # false near-duplicates
    (_c(1, TITLE), _c(2, TITLE.replace("24-week", "52-week")), False),
    (_c(1, TITLE + " part 1"), _c(2, TITLE + " part 2"), False),
    (_c(1, TITLE, year=2010), _c(2, TITLE, year=2015), False),
    (_c(1, TITLE, author="Rau R"), _c(2, TITLE, author="Smith J"), False),
    (_c(1, TITLE, ids=["DOI:10.1/a"]), _c(2, TITLE, ids=["DOI:10.1/b"]), False),
    (_c(1, TITLE), _c(2, TITLE.replace("early", "established")), False),
    (_c(1, TITLE, kind="trial", ids=["NCT00195494"]), _c(2, TITLE, ids=["NCT00195494"]), False),
    (_c(1, TITLE, kind="trial", ids=["NCT00000001"]), _c(2, TITLE, kind="trial", ids=["NCT00000002"]), False),
    (_c(1, "Editorial", author=None, year=None), _c(2, "Editorial", author=None, year=None), False),
    (_c(1, "Reg", kind="trial", ids=["EudraCT:2004-000020-32", "NCT00195494"]),
     _c(2, "Other registry", kind="trial", ids=["NCT00195494"]), False),
]


@pytest.mark.parametrize(("earlier", "later", "expected"), PAIRS)
def test_pairs(earlier: dedup.Candidate, later: dedup.Candidate, expected: bool) -> None:
    links = find_links([earlier], [later])
    assert bool(links) is expected, (earlier.title_key, later.title_key, links)
    if expected:
        assert links[0][:2] == (2, 1)
        assert 0.9 <= links[0][3] <= 1.0


def test_same_text_and_links_point_at_the_original() -> None:
    a, b, c = _c(1, "One", text_hash="h"), _c(2, "Two", text_hash="h"), _c(3, TITLE, ids=["PMID:7"])
    d = _c(4, "Anything", ids=["PMID:7"], text_hash="h")
    links = find_links([a], [b, c, d])
    assert Link(2, 1, "same text", 1.0) in links
    assert Link(4, 1, "same text", 1.0) in links
    assert not any(link[0] == 3 for link in links)


def test_existing_duplicates_are_followed_to_their_original() -> None:
    links = find_links([_c(1, TITLE), _c(2, TITLE)], [_c(3, TITLE)], roots={2: 1})
    assert [link[:2] for link in links] == [(3, 1)]


def test_normalise_title() -> None:
    assert normalise_title(" [Ètude: la   Polyarthrite!]. ") == "etude la polyarthrite"


def test_blocking_finds_a_typo_at_the_start_among_many() -> None:
    existing = [_c(i, f"Trial of drug {chr(97 + i % 26)}{i} versus placebo in condition {i}", author=f"A{i}")
                for i in range(1, 2000)]
    wanted = _c(5000, "Effectiveness of a novel inhaled therapy for chronic obstructive pulmonary disease")
    typo = _c(5001, "Efectiveness of a novel inhaled therapy for chronic obstructive pulmonary disease")
    links = find_links([*existing, wanted], [typo])
    assert [link[:2] for link in links] == [(5001, 5000)]


def _ris(path: Path, entries: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"TY  - JOUR\nTI  - {t}\nAU  - {a}\nPY  - 2019\nER  - \n\n" for t, a in entries))
    return path


def test_confirm_undo_and_list_links(review, tmp_path) -> None:
    _ris(tmp_path / "a.ris", [(TITLE, "Rau, R")])
    _ris(tmp_path / "b.ris", [(TITLE.replace("randomised", "randomsied"), "Rau, R")])
    import_paths(review, [tmp_path / "a.ris", tmp_path / "b.ris"], reviewer="ann")
    links = duplicate_links.list_links(review)
    assert len(links) == 1
    link = links[0]
    assert (link.record_id, link.duplicate_of_id, link.confirmed) == (2, 1, None)
    assert link.method == "similar title, year and first author" and link.record_source == "b.ris"
    assert duplicate_links.duplicate_count(review) == 1
    undone = duplicate_links.undo_link(review, link.id, reviewer="bob")
    assert undone.confirmed is False and not undone.counts
    assert duplicate_links.duplicate_count(review) == 0
    assert duplicate_links.list_links(review, include_undone=False) == []
    confirmed = duplicate_links.confirm_link(review, link.id, reviewer="bob")
    assert confirmed.confirmed is True and duplicate_links.duplicate_count(review) == 1
    with review.session() as session:
        actions = [line.action for line in audit_trail(session, 2)]
    assert actions == ["undo duplicate", "confirm duplicate"]
    with pytest.raises(duplicate_links.LinkNotFound):
        duplicate_links.confirm_link(review, 99, reviewer="bob")


def test_mark_duplicate_by_hand(review, tmp_path) -> None:
    _ris(tmp_path / "a.ris", [("First paper on a thing", "A, A"), ("Completely different", "B, B")])
    import_paths(review, [tmp_path / "a.ris"], reviewer="ann")
    view = duplicate_links.mark_duplicate(review, 2, 1, reviewer="ann")
    assert view.confirmed is True and view.method == "marked by reviewer"
    with pytest.raises(ValueError):
        duplicate_links.mark_duplicate(review, 1, 1, reviewer="ann")


def test_undone_link_is_not_recreated_as_a_root(review, tmp_path) -> None:
    _ris(tmp_path / "a.ris", [(TITLE, "Rau, R")])
    import_paths(review, [tmp_path / "a.ris"], reviewer="ann")
    import_paths(review, [tmp_path / "a.ris"], reviewer="ann")
    duplicate_links.undo_link(review, duplicate_links.list_links(review)[0].id, reviewer="ann")
    summary = import_paths(review, [tmp_path / "a.ris"], reviewer="ann")
    assert summary.duplicates == 1
    assert duplicate_links.list_links(review)[-1].duplicate_of_id == 1


def test_study_groups(review, tmp_path) -> None:
    (tmp_path / "trials.ris").write_text(
        "TY  - JOUR\nTI  - Paper one about the trial\nAU  - A, A\nPY  - 2019\n"
        "AB  - Trial registration: ClinicalTrials.gov NCT00195494.\nER  - \n\n"
        "TY  - JOUR\nTI  - Paper two, long-term results\nAU  - B, B\nPY  - 2021\n"
        "AB  - Registered as NCT00195494\nER  - \n\n"
        "TY  - JOUR\nTI  - Unrelated paper\nAU  - C, C\nPY  - 2020\nER  - \n\n"
    )
    import_paths(review, [tmp_path / "trials.ris"], reviewer="ann")
    assert studies.study_groups(review) == [[1, 2], [3]]
    assert studies.study_groups(review, [2, 3]) == [[2], [3]]
    with review.session() as session:
        assert studies.study_groups(session) == [[1, 2], [3]]


@pytest.mark.parametrize("title", [
    "Outcomes of the 2019 cohort of a randomised controlled trial of etanercept in early arthritis",
    "Αποτελέσματα της κοορτής του 2019 σε τυχαιοποιημένη δοκιμή της ετανερσέπτης στην πρώιμη αρθρίτιδα",
])
def test_numbers_tell_near_identical_titles_apart(title: str) -> None:
    # "2019" and "2018" are close enough for the words to agree: only the numbers tell these apart.
    earlier = _c(1, title)
    assert find_links([earlier], [_c(2, title.replace("2019", "2018"))]) == []
    assert find_links([earlier], [_c(2, title.replace("κ", "κκ").replace("cohort", "cohortt"))])[0][:2] == (2, 1)


def test_several_shared_ids_name_the_first_in_order() -> None:
    links = find_links([_c(1, "X", ids=["PMID:5", "DOI:10.1/a"])], [_c(2, "Y", ids=["PMID:5", "DOI:10.1/a"])])
    assert links == [Link(2, 1, "same id DOI:10.1/a", 1.0)]
