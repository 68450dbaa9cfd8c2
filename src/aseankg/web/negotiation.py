"""Choosing a response format: ``format=`` first, then the Accept header (Werkzeug's parser)."""

from collections.abc import Sequence
from typing import TypeVar

from flask import request
from werkzeug.exceptions import BadRequest, NotAcceptable

from aseankg.formats import Format, find, names

OfferT = TypeVar("OfferT", bound=Format)


def choose_format(offers: Sequence[OfferT], override: str | None = None) -> OfferT:
    """The offer the client asked for; the first offer when it expressed no preference.

    ``override`` (a ``format=`` value or a file extension) wins over Accept; it may
    be a short name, an alias or a media type. Raises 400 for an unknown override
    and 406 when Accept admits none of the offers.
    """
    if override:
        chosen = find(offers, override)
        if chosen is None:
            raise BadRequest(
                f"format '{override}' is not available here; choose one of: {names(offers)}"
            )
        return chosen
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


def mimetype_with_charset(media_type: str) -> str:
    """Text formats are declared UTF-8 explicitly, as Fuseki and Oxigraph do."""
    return f"{media_type}; charset=utf-8"
