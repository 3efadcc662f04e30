"""The extraction tests' journal article page: a citation line, the title, the authors and an abstract."""

from __future__ import annotations

from curator.extraction import extract


def extracted_article(title: str, abstract: str) -> dict:
    """The fields extracted from a journal article page with this title and abstract."""
    return extract(f"J Clin Med. 2021;10(4):1-9. doi:10.3390/jcm10040001\n\n{title}\n\nAnna Berg, Ola Moe\n\n"
                   f"Abstract\n{abstract}\n")
