"""Headers that tell browsers how little a response may do.

Every response says ``X-Content-Type-Options: nosniff``, so a browser never runs
Turtle, an error message or a dump as HTML or script. Pages add a referrer policy
and a Content-Security-Policy: scripts and styles only from this site (the site's
own JavaScript is served from ``/static/``), no plugins, no framing, forms only to
this site. Styles may also be inline, because pyLODE's ontology documentation
carries its stylesheet in the page; images may be ``data:`` URLs, which is how
pyLODE embeds its icons. A view that needs a stricter policy sets its own, and it
is kept.

The referrer policy is ``strict-origin-when-cross-origin``: another site a page
links to (Wikidata, a vocabulary) learns only this site's origin, never the page,
while this site's own pages and logs still see full same-site referrers. Nothing
stricter is needed, since every page here is public.
"""

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
REFERRER_POLICY = "strict-origin-when-cross-origin"


def _add_security_headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Referrer-Policy", REFERRER_POLICY)
    return response


def register(app: Flask) -> None:
    app.after_request(_add_security_headers)
