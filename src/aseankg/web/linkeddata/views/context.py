"""``/context.jsonld``: the JSON-LD context the JSON-LD outputs are compacted with."""

from flask import Blueprint, Response, json

from aseankg.web.http_cache import conditional
from aseankg.web.linkeddata.context import dataset_context

blueprint = Blueprint("context", __name__)


@blueprint.get("/context.jsonld")
def context() -> Response:
    body = json.dumps({"@context": dataset_context()}, indent=2)
    response = Response(body, content_type="application/ld+json; charset=utf-8")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return conditional(response, "context")
