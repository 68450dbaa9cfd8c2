"""Choosing a response format, the same way on every route.

A ``format=`` parameter wins, then a file suffix in the URL, then the Accept header
(Werkzeug's parser, q-values and wildcards honoured). Mistakes get one status each
everywhere: an empty, repeated or unknown ``format=`` is 400; a suffix that names
no form of the resource is 404 (that URL names nothing); an Accept header that
admits no offer is 406. ``format=`` may be repeated when every value names the same
format, and a value may list media types separated by commas, as SPARQLWrapper sends
them (``format=json-ld&format=application/ld+json,application/x-json+ld``).
"""

from collections.abc import Sequence
from typing import TypeVar

from flask import request
from werkzeug.exceptions import BadRequest, NotAcceptable, NotFound

from aseankg.rdf.formats import Format, find, names

OfferT = TypeVar("OfferT", bound=Format)

#: Media types sent as bytes; every other body aseankg sends is UTF-8 text.
BINARY_MEDIA_TYPES = frozenset({"application/gzip"})


def format_override(offers: Sequence[OfferT], values: Sequence[str]) -> OfferT | None:
    """The offer that the request's ``format=`` values name, or None when none is given.

    Each value is a short name, an alias or a media type, or a comma-separated list of
    them (the first one offered counts). An empty value is a mistake, not a default; so
    is a value that names no offer, or values that name different offers: each is
    refused with 400.
    """
    chosen: set[OfferT] = set()
    for value in values:
        if not value.strip():
            raise BadRequest("parameter 'format': is empty")
        offer = next(filter(None, (find(offers, item) for item in value.split(","))), None)
        if offer is None:
            raise BadRequest(
                f"format '{value}' is not available here; choose one of: {names(offers)}"
            )
        chosen.add(offer)
    if len(chosen) > 1:
        raise BadRequest("parameter 'format': is given more than once, naming different formats")
    return chosen.pop() if chosen else None


def requested_formats() -> list[str]:
    """The ``format=`` values of the query string."""
    return request.args.getlist("format")


def by_suffix(offers: Sequence[OfferT], suffix: str, what: str) -> OfferT:
    """The offer a URL suffix (``ttl`` of ``x.ttl``) names; 404 when it names none."""
    found = find(offers, suffix)
    if found is None:
        raise NotFound(f"there is no '.{suffix}' form of {what}; forms: {names(offers)}")
    return found


def choose_format(
    offers: Sequence[OfferT], requested: Sequence[str] = (), suffix: OfferT | None = None
) -> OfferT:
    """The offer the client asked for; the first offer when it expressed no preference.

    ``requested`` (the ``format=`` values, see ``format_override``) wins over ``suffix``,
    the offer the URL's suffix named, which wins over Accept. Raises 406 when Accept
    admits none of the offers.
    """
    override = format_override(offers, requested)
    if override is not None:
        return override
    if suffix is not None:
        return suffix
    accept = request.accept_mimetypes
    if not accept:
        return offers[0]
    # Specific types first, so that */* picks the first offer, then the generic ones.
    candidates = [(offer.media_type, offer) for offer in offers] + [
        (generic, offer) for offer in offers for generic in offer.also_accepts
    ]
    best = accept.best_match([media_type for media_type, _ in candidates])
    if best is None:
        types = ", ".join(offer.media_type for offer in offers)
        raise NotAcceptable(f"none of the requested media types is available; offered: {types}")
    return next(offer for media_type, offer in candidates if media_type == best)


def content_type(media_type: str) -> str:
    """The Content-Type for a body of ``media_type``: text says UTF-8, as Fuseki and
    Oxigraph do; binary bodies (gzip) say nothing of a charset."""
    return media_type if media_type in BINARY_MEDIA_TYPES else f"{media_type}; charset=utf-8"
