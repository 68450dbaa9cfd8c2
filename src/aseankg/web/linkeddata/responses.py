"""HTTP responses for linked data: negotiation, alternates, caching headers.

Every negotiated response says ``Vary: Accept``, names the format-specific URL
it came from (``Content-Location``), and lists the other forms in ``Link``
headers, as Trifid and DBpedia do. The ``Link`` header also ties this host to
the public IRI: each form is a document that describes the IRI
(``rel="describedby"``, anchored at the IRI), and a page names the IRI as its
``canonical`` address, so a client or crawler that reached the page on any host
learns the name the data uses.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from flask import Response, abort
from werkzeug.urls import iri_to_uri

from aseankg.rdf.formats import HTML, Format, find
from aseankg.web.conditional_requests import conditional
from aseankg.web.negotiation import (
    OfferT,
    by_suffix,
    choose_format,
    content_type,
    requested_formats,
)
from aseankg.web.results import mark_row_cap


def split_suffix(name: str) -> tuple[str, str | None]:
    """``("x", "ttl")`` for ``"x.ttl"``; ``("x", None)`` for a name without a suffix."""
    stem, dot, suffix = name.rpartition(".")
    return (stem, suffix) if dot and stem else (name, None)


def split_extension(name: str, offers: Sequence[Format]) -> tuple[str, Format | None]:
    """Split ``"x.ttl"`` into ``("x", turtle)`` when ``ttl`` names one of ``offers``."""
    stem, suffix = split_suffix(name)
    offer = find(offers, suffix) if suffix else None
    return (stem, offer) if offer is not None else (name, None)


def not_found(
    name: str, offers: Sequence[Format], iri_of: Callable[[str], str], exists: Callable[[str], bool]
) -> NoReturn:
    """404 for the path segment ``name``: a suffix that names no form of something that
    exists, or an IRI that names nothing."""
    stem, suffix = split_suffix(name)
    if suffix and find(offers, suffix):
        name = stem
    elif suffix and exists(iri_of(stem)):
        by_suffix(offers, suffix, f"<{iri_of(stem)}>")
    abort(404, description=f"<{iri_of(name)}> names nothing in this dataset")


def negotiate(offers: Sequence[OfferT], extension: OfferT | None = None) -> OfferT:
    """``format=`` first, then the URL's extension, then the Accept header."""
    return choose_format(offers, requested_formats(), extension)


@dataclass(frozen=True)
class Alternate:
    """One form of a resource, at its own URL."""

    href: str
    media_type: str
    label: str


def alternates(url: str, offers: Sequence[Format]) -> list[Alternate]:
    """Every form of the resource served at ``url``, each at ``url`` plus its suffix."""
    return [Alternate(f"{url}{offer.suffix}", offer.media_type, offer.label) for offer in offers]


def links_header(
    url: str, offers: Sequence[Format], representation: Format, iri: str | None
) -> str:
    """The ``Link`` header value for ``representation`` of the resource served at ``url``.

    It names the URL of every form (``alternate``) and, when ``iri`` is the resource's
    public IRI, says that each form describes it and that a page stands for it. An IRI may
    hold letters a header cannot, so it is written as the URI it maps to (RFC 3987).
    """
    forms = alternates(url, offers)
    links = [f'<{alt.href}>; rel="alternate"; type="{alt.media_type}"' for alt in forms]
    if iri is not None:
        uri = iri_to_uri(iri)
        if representation is HTML:
            links.insert(0, f'<{uri}>; rel="canonical"')
        links.extend(
            f'<{alt.href}>; rel="describedby"; anchor="{uri}"; type="{alt.media_type}"'
            for alt in forms
        )
    return ", ".join(links)


def send(
    body: bytes | str,
    representation: Format,
    *,
    url: str,
    offers: Sequence[Format],
    cache_key: Sequence[str],
    row_cap: int | None = None,
    iri: str | None = None,
) -> Response:
    """A negotiated response for the resource served at ``url`` (no extension), whose public
    IRI is ``iri`` when it has one."""
    response = Response(body, content_type=content_type(representation.media_type))
    response.vary.add("Accept")
    response.headers["Content-Location"] = f"{url}{representation.suffix}"
    response.headers["Link"] = links_header(url, offers, representation, iri)
    mark_row_cap(response, row_cap)
    return conditional(response, *cache_key, representation.name)


def send_page(body: str, *cache_key: str) -> Response:
    """An HTML page that has no other forms (it still varies with Accept: 406 if refused)."""
    response = Response(body, content_type=content_type("text/html"))
    response.vary.add("Accept")
    return conditional(response, *cache_key)
