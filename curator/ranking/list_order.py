"""The order each reviewer chose for a review's record list (by relevance or in import order), kept in the review.

A display preference, not a screening decision: it is stored in the review's settings (key
:data:`ORDER_SETTING`, one entry per reviewer) without an audit entry, so that reopening the review,
on this computer or another, shows the list as the reviewer left it. A read-only review keeps
no new choice (the list still follows it for the session).
"""

from __future__ import annotations

from curator.store.database import Review, get_setting, set_setting
from curator.store.errors import ReviewReadOnly

ORDER_SETTING = "record list order"
LIST_ORDERS = ("relevance", "import")
DEFAULT_ORDER = "relevance"


def chosen_list_order(review: Review, reviewer: str) -> str:
    """The order ``reviewer`` last chose for this review's list ("relevance" unless they chose otherwise)."""
    stored = get_setting(review, ORDER_SETTING) or {}
    order = stored.get(reviewer) if isinstance(stored, dict) else None
    return order if order in LIST_ORDERS else DEFAULT_ORDER


def choose_list_order(review: Review, reviewer: str, order: str) -> bool:
    """Keep ``order`` as ``reviewer``'s choice for this review; False when the review is read-only."""
    if order not in LIST_ORDERS:
        raise ValueError(f"the list's order must be one of {', '.join(LIST_ORDERS)}, not {order!r}")
    if review.read_only:
        return False
    stored = get_setting(review, ORDER_SETTING) or {}
    try:
        set_setting(review, ORDER_SETTING, (stored if isinstance(stored, dict) else {}) | {reviewer: order})
    except ReviewReadOnly:
        return False
    return True
