"""The sender's note above an abstract pasted into a mail ("Below is the abstract we discussed on Friday; please
screen it before the meeting."): a message to the reader, never the record's title.

A note speaks to its reader - a greeting or a request first ("Hi all", "Please screen", "FYI", "Here is", "Below
is", "As promised"), or a person ("I", "we", "you") with the words of passing a record on ("below", "attached",
"screen", "let me know", "discussed") - which a paper's title does not.
"""

from __future__ import annotations

import re

_OPENINGS = ("hi", "hello", "hey", "dear", "thanks", "thank you", "fyi", "please", "pls", "could you", "can you",
             "would you", "here is", "here's", "here are", "below is", "below are", "see below", "pasted below",
             "attached", "forwarding", "fwd", "fw", "as promised", "as agreed", "as discussed", "sending", "just a note",
             "quick one", "sorry")
_PERSON_RE = re.compile(r"\b(?:I|I'm|I've|I'd|we|we've|you|your|us)\b")
# Words of passing a record on, looked for (lower-cased) before any pattern runs: most lines hold none.
_PASSING_WORDS = ("below", "attached", "screen", "let me know", "discussed", "forward", "pasted", "a look",
                  "check ", "our ")
_PASSING_RE = re.compile(r"\b(?:below|attached|screen(?:ing)?|let me know|discussed|forward(?:ed|ing)?|pasted"
                         r"|have a look|take a look|check (?:the|it|whether|if)|our (?:review|meeting|inclusion|protocol))\b",
                         re.I)


def is_mail_note(text: str) -> bool:
    """True for a line of a sender's note to the reader (see the module's note)."""
    low = text.strip().lower()
    if low.startswith(_OPENINGS) and any(low.startswith(o) and not low[len(o):len(o) + 1].isalnum() for o in _OPENINGS):
        return True  # ("Hi all", not "Hip fracture")
    if low[-1:] not in ".?!:;,)" or not any(w in low for w in _PASSING_WORDS):
        return False  # (a note's sentences end as sentences do; a title seldom does)
    return _PERSON_RE.search(text) is not None and _PASSING_RE.search(text) is not None
