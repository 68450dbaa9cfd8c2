"""Cross-origin access, so SPARQL clients running in a web page (YASGUI, Comunica) work.

Every response may be read by any origin, never with credentials: the data is
public and nothing depends on cookies. Preflight requests are answered for every
route by Flask's automatic ``OPTIONS`` response, which already knows the allowed
methods; this module only adds the CORS headers to it. A dozen lines of our own
instead of flask-cors: the policy is fixed, so there is nothing to configure.
"""

from flask import Flask, Response, request

#: Response headers a script may read besides the CORS-safelisted ones: caching, retry,
#: the row cap, the pages of /api and the forms of linked-data resources.
EXPOSED_HEADERS = (
    "ETag",
    "Retry-After",
    "X-SPARQL-MaxRows",
    "Link",
    "Content-Location",
    "Content-Disposition",
)

#: How long a browser may reuse a preflight answer, in seconds.
PREFLIGHT_MAX_AGE = 86_400


def _add_cors_headers(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        response.headers["Access-Control-Allow-Methods"] = ", ".join(sorted(response.allow))
        requested = request.headers.get("Access-Control-Request-Headers")
        if requested:
            response.headers["Access-Control-Allow-Headers"] = requested
        response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def register(app: Flask) -> None:
    app.after_request(_add_cors_headers)
