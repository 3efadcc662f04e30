"""Attaching a full text (a PDF) to a record, detaching it, and finding a record's full text.

The file is kept inside the review, keyed by its SHA-256: stored once however many records it
reports, never deleted (detaching marks the attachment detached, and the audit log names the file).
A record has at most one full text attached at a time; attaching another detaches the one before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from curator.fulltext.reading import FullText, UnreadablePdf, count_pages, read_pdf
from curator.review.records import RecordNotFound
from curator.store.audit import log_change
from curator.store.database import Review
from curator.store.models import FullTextAttachment, FullTextFile, Record, utcnow

#: Largest file kept in a review (MB): the file lives inside the review, which must stay easy to copy.
MAX_FILE_MB = 256


@dataclass(frozen=True)
class FullTextInfo:
    """A record's attached full text, as plain data (``as_json`` is the shape ``curator show --json`` gives)."""

    record_id: int
    file_name: str
    pages: int
    sha256: str
    kind: str
    size: int
    attached_by: str
    attached_at: datetime
    proposals: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        """``{"file_name", "pages", "sha256", "kind"}``."""
        return {"file_name": self.file_name, "pages": self.pages, "sha256": self.sha256, "kind": self.kind}


@dataclass(frozen=True)
class Attached:
    """What attaching did: the full text now attached, the one it replaced (if any), whether it has text."""

    info: FullTextInfo
    replaced: FullTextInfo | None
    already: bool
    has_text: bool


def sha256_of(data: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex (the key a full text is stored under)."""
    return hashlib.sha256(data).hexdigest()


def check_full_text(data: bytes) -> int:
    """The page count of a PDF that may be attached; raises :class:`UnreadablePdf` saying why it may not."""
    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise UnreadablePdf(f"larger than {MAX_FILE_MB} MB: Curator keeps full texts inside the review and "
                            "does not take files this large")
    return count_pages(data)


def _info(attachment: FullTextAttachment, stored: FullTextFile) -> FullTextInfo:
    return FullTextInfo(attachment.record_id, attachment.file_name, stored.pages, stored.sha256, stored.kind,
                        stored.size, attachment.attached_by, attachment.attached_at, dict(attachment.proposals))


def _current(session: Session, record_id: int) -> FullTextAttachment | None:
    return session.exec(select(FullTextAttachment).where(
        FullTextAttachment.record_id == record_id, col(FullTextAttachment.detached_at).is_(None))).first()


def _detach(session: Session, attachment: FullTextAttachment, reviewer: str) -> None:
    attachment.detached_at = utcnow()
    attachment.detached_by = reviewer
    session.add(attachment)
    log_change(session, reviewer, "detach full text", record_id=attachment.record_id, field="full_text",
               old={"file_name": attachment.file_name, "sha256": attachment.sha256})


def attach_full_text(review: Review, record_id: int, file_name: str, data: bytes, *, reviewer: str,
                     has_text: bool | None = None) -> Attached:
    """Attach the PDF ``data`` (named ``file_name``) to a record, storing the file unless the review has it.

    Raises :class:`UnreadablePdf` (not a PDF, password-protected, damaged) and :class:`RecordNotFound`;
    then nothing is written. A scan (no text layer) is attached: ``has_text`` says so. Pass ``has_text``
    when the caller has read the text already.
    """
    pages = check_full_text(data)
    if has_text is None:
        has_text = read_pdf(data, max_pages=3).has_text or (pages > 3 and read_pdf(data).has_text)
    digest = sha256_of(data)
    with review.transaction() as session:
        if session.get(Record, record_id) is None:
            raise RecordNotFound(f"no record {record_id} in this review")
        stored = session.get(FullTextFile, digest)
        if stored is None:
            stored = FullTextFile(sha256=digest, kind="pdf", size=len(data), pages=pages, data=data)
            session.add(stored)
        current = _current(session, record_id)
        if current is not None and current.sha256 == digest:
            return Attached(_info(current, stored), None, True, has_text)
        replaced = None
        if current is not None:
            replaced = _info(current, session.get(FullTextFile, current.sha256) or stored)
            _detach(session, current, reviewer)
        attachment = FullTextAttachment(record_id=record_id, sha256=digest, file_name=file_name, attached_by=reviewer)
        session.add(attachment)
        session.flush()
        log_change(session, reviewer, "attach full text", record_id=record_id, field="full_text",
                   new={"file_name": file_name, "sha256": digest, "pages": pages})
        return Attached(_info(attachment, stored), replaced, False, has_text)


def detach_full_text(review: Review, record_id: int, *, reviewer: str) -> FullTextInfo | None:
    """Detach a record's full text (the file stays in the review and in the audit trail); None when it had none."""
    with review.transaction() as session:
        if session.get(Record, record_id) is None:
            raise RecordNotFound(f"no record {record_id} in this review")
        current = _current(session, record_id)
        if current is None:
            return None
        info = _info(current, session.get(FullTextFile, current.sha256))  # type: ignore[arg-type]
        _detach(session, current, reviewer)
        return info


def full_text_of(review: Review, record_id: int) -> FullTextInfo | None:
    """The full text attached to a record, or None."""
    return full_texts_of(review, [record_id]).get(record_id)


def full_texts_of(review: Review, record_ids: Iterable[int] | None = None) -> dict[int, FullTextInfo]:
    """The attached full texts by record id: of ``record_ids``, or of every record that has one."""
    query = (select(FullTextAttachment, FullTextFile)
             .join(FullTextFile, col(FullTextFile.sha256) == col(FullTextAttachment.sha256))
             .where(col(FullTextAttachment.detached_at).is_(None)))
    wanted = None if record_ids is None else list(record_ids)
    found: dict[int, FullTextInfo] = {}
    with review.session() as session:
        for start in range(0, 1 if wanted is None else len(wanted), 500):
            part = query if wanted is None else query.where(
                col(FullTextAttachment.record_id).in_(wanted[start:start + 500]))
            for attachment, stored in session.exec(part):
                found[attachment.record_id] = _info(attachment, stored)
    return found


def full_text_bytes(review: Review, sha256: str) -> bytes | None:
    """The stored file with this SHA-256 (attached or detached), or None."""
    with review.session() as session:
        stored = session.get(FullTextFile, sha256)
        return None if stored is None else bytes(stored.data)


def read_full_text(review: Review, record_id: int) -> tuple[FullTextInfo, FullText] | None:
    """A record's attached full text and its text (see :func:`curator.fulltext.reading.read_pdf`); None without one.

    Raises :class:`UnreadablePdf` if the stored file cannot be read (it was checked when attached).
    """
    info = full_text_of(review, record_id)
    if info is None:
        return None
    data = full_text_bytes(review, info.sha256)
    assert data is not None  # a stored file is never deleted
    return info, read_pdf(data)


def set_proposals(session: Session, record_id: int, proposals: dict[str, Any]) -> None:
    """Keep what extraction from the attached full text proposes (inside the caller's transaction)."""
    current = _current(session, record_id)
    if current is not None:
        current.proposals = proposals
        session.add(current)
