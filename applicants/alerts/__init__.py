"""Saved searches and job-alert emails: saving, pausing, unsubscribing, and the digests."""

from applicants.alerts.digests import MAX_LISTINGS_PER_SEARCH, alerts_send_digests
from applicants.alerts.searches import (
    normalised_querystring,
    saved_search_create,
    saved_search_delete,
    saved_search_pause,
    saved_search_resume,
    saved_search_update,
    saved_searches_for,
)
from applicants.alerts.unsubscribe import (
    UnsubscribeLinkError,
    UnsubscribeTarget,
    alerts_unsubscribe,
    unsubscribe_target,
    unsubscribe_token_for_all,
    unsubscribe_token_for_search,
    unsubscribe_url,
)

__all__ = [
    "MAX_LISTINGS_PER_SEARCH",
    "UnsubscribeLinkError",
    "UnsubscribeTarget",
    "alerts_send_digests",
    "alerts_unsubscribe",
    "normalised_querystring",
    "saved_search_create",
    "saved_search_delete",
    "saved_search_pause",
    "saved_search_resume",
    "saved_search_update",
    "saved_searches_for",
    "unsubscribe_target",
    "unsubscribe_token_for_all",
    "unsubscribe_token_for_search",
    "unsubscribe_url",
]
