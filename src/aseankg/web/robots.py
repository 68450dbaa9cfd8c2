"""``/robots.txt``: crawlers are welcome, and told where the sitemap is.

Crawlers are kept off what would only spend the server's time without adding a page
to an index: query URLs (every ``/sparql?query=`` and canned-query run is a new URL
for the same few pages) and the uncompressed dumps (the whole dataset per request;
the gzipped dump stays open for dataset search engines that check a download).
Rules are ordered so that crawlers taking the first matching rule (the original
protocol) and those taking the longest (RFC 9309) read the same: the gzipped dumps
are allowed first (an uncompressed dump's path is a prefix of its gzipped twin's),
and everything else is allowed last. Crawlers read ``robots.txt`` at the root of a
host only, so behind a proxy that serves the site under a path, the rules carry that
path and the proxy should answer ``/robots.txt`` with them.
"""

from urllib.parse import urlsplit

from flask import Blueprint, Response

from aseankg.publish.dumps import DUMPS
from aseankg.web.conditional_requests import conditional
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.negotiation import content_type

blueprint = Blueprint("robots", __name__)

#: Paths below the served base that crawlers are kept off (prefixes, as robots.txt reads them).
KEPT_OFF = ("sparql?", "api/queries/", "timeline?")


def robots_txt(served_base: str) -> str:
    root = urlsplit(served_base).path
    heavy = [dump.path for dump in DUMPS if not dump.gzipped]
    light = [dump.path for dump in DUMPS if dump.gzipped]
    lines = [
        "User-agent: *",
        *(f"Allow: {root}{path}" for path in light),
        *(f"Disallow: {root}{path}" for path in (*KEPT_OFF, *heavy)),
        f"Allow: {root}",
        "",
        f"Sitemap: {served_base}sitemap.xml",
    ]
    return "\n".join(lines) + "\n"


@blueprint.get("/robots.txt")
def robots() -> Response:
    served_base = current_iri_map().served_base
    response = Response(robots_txt(served_base), content_type=content_type("text/plain"))
    return conditional(response, "robots", served_base)
