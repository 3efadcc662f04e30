"""Parsing XML safely: no entity expansion, no external entities, no DTD tricks (defusedxml)."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from curator.importers import Problem


class UnsafeXml(ValueError):
    """The file declares entities or fetches external ones; it is refused rather than expanded."""


def parse_xml(data: bytes | str) -> Element:
    """The root element; raises :class:`UnsafeXml` for entity tricks, ``ParseError`` (with position) if broken."""
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise UnsafeXml(f"refused: the XML declares entities or external references ({type(error).__name__})") \
            from error


def error_position(error: ParseError) -> str | None:
    """``line L, column C`` of a parse error."""
    position = getattr(error, "position", None)
    return f"line {position[0]}, column {position[1]}" if position else None


def records_of(path: Path, data: bytes, tag: str, missing: str) -> list[Element] | Problem:
    """The ``<tag>`` records of an XML export (the root itself when it is one), or the problem that stops it.

    ``missing`` says what is wrong when the file is XML but holds no such record.
    """
    try:
        root = parse_xml(data)
    except UnsafeXml as error:
        return Problem(path.name, None, str(error))
    except ParseError as error:
        return Problem(path.name, error_position(error), f"malformed XML: {error}")
    found = [root] if root.tag == tag else root.findall(f".//{tag}")
    return found or Problem(path.name, None, missing)


def text_of(element: Element | None) -> str | None:
    """All the text inside an element (styled runs joined), stripped; None when empty."""
    if element is None:
        return None
    joined = "".join(element.itertext()).strip()
    return joined or None


__all__ = ["Element", "ParseError", "UnsafeXml", "error_position", "parse_xml", "records_of", "text_of"]
