"""Canonical URLs: one spelling per page, so the archive recognises a page it already has."""
from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived, never which page it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "at_medium",
    "at_campaign", "ito", "s_cid", "ns_mchannel", "ns_source", "ns_campaign",
    "ns_linkname", "ns_fee",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str, drop: frozenset[str] = frozenset()) -> str:
    """The URL without fragment, tracking parameters, credentials or default port.

    Scheme and host are lower-cased; the path and the remaining parameters keep their
    order and their original escaping, since servers may treat either as meaningful.
    `drop` removes extra site-specific parameters (e.g. Alaveteli's `cookie_passthrough`).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    kept = []
    for pair in parts.query.split("&"):
        if not pair:
            continue
        name = unquote_plus(pair.split("=", 1)[0])
        if not is_tracking_param(name) and name not in drop:
            kept.append(pair)
    return urlunsplit((scheme, host, parts.path or "/", "&".join(kept), ""))
