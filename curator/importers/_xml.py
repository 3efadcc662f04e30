"""Parsing XML safely: no entity expansion, no external entities, no DTD tricks (defusedxml)."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring


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


def text_of(element: Element | None) -> str | None:
    """All the text inside an element (styled runs joined), stripped; None when empty."""
    if element is None:
        return None
    joined = "".join(element.itertext()).strip()
    return joined or None


__all__ = ["Element", "ParseError", "UnsafeXml", "error_position", "parse_xml", "text_of"]
