"""HTTP responses for linked data: negotiation, alternates, caching headers.

Every negotiated response says ``Vary: Accept``, names the format-specific URL
it came from (``Content-Location``), and lists the other forms in ``Link``
headers, as Trifid and DBpedia do. Data may be read from any origin.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from flask import Response, request

from aseankg.formats import Format, find
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import choose_format, mimetype_with_charset


def split_extension(name: str, offers: Sequence[Format]) -> tuple[str, Format | None]:
    """Split ``"x.ttl"`` into ``("x", turtle)`` when ``ttl`` names one of ``offers``."""
    stem, dot, suffix = name.rpartition(".")
    if dot and stem:
        offer = find(offers, suffix)
        if offer is not None:
            return stem, offer
    return name, None


def negotiate(offers: Sequence[Format], extension: Format | None = None) -> Format:
    """``format=`` first, then the URL's extension, then the Accept header."""
    override = request.args.get("format") or (extension.name if extension else None)
    return choose_format(offers, override)


@dataclass(frozen=True)
class Alternate:
    """One form of a resource, at its own URL."""

    href: str
    media_type: str
    label: str


def alternates(url: str, offers: Sequence[Format]) -> list[Alternate]:
    """Every form of the resource served at ``url``, each at ``url`` plus its suffix."""
    return [Alternate(f"{url}{offer.suffix}", offer.media_type, offer.label) for offer in offers]


def alternates_header(url: str, offers: Sequence[Format]) -> str:
    """A ``Link`` header value naming the URL of every form of the resource at ``url``."""
    return ", ".join(
        f'<{alt.href}>; rel="alternate"; type="{alt.media_type}"' for alt in alternates(url, offers)
    )


def send(
    body: bytes | str,
    representation: Format,
    *,
    url: str,
    offers: Sequence[Format],
    cache_key: Sequence[str],
) -> Response:
    """A negotiated response for the resource served at ``url`` (no extension)."""
    response = Response(body, content_type=mimetype_for(representation))
    response.vary.add("Accept")
    response.headers["Content-Location"] = f"{url}{representation.suffix}"
    response.headers["Link"] = alternates_header(url, offers)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return conditional(response, *cache_key, representation.name)


def mimetype_for(representation: Format) -> str:
    media_type = representation.media_type
    is_text = media_type.startswith("text/") or representation.name in (
        "nt",
        "trig",
        "nq",
        "jsonld",
    )
    return mimetype_with_charset(media_type) if is_text else media_type


def send_page(body: str, *cache_key: str) -> Response:
    """An HTML page that has no other forms (it still varies with Accept: 406 if refused)."""
    response = Response(body, content_type=mimetype_with_charset("text/html"))
    response.vary.add("Accept")
    return conditional(response, *cache_key)
