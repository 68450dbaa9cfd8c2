"""``/context.jsonld``: the JSON-LD context the JSON-LD outputs are compacted with."""

from flask import Blueprint, Response, json

from aseankg.formats import JSON_LD
from aseankg.web.http_cache import conditional
from aseankg.web.linkeddata.context import dataset_context
from aseankg.web.negotiation import content_type

blueprint = Blueprint("context", __name__)


@blueprint.get("/context.jsonld")
def context() -> Response:
    body = json.dumps({"@context": dataset_context()}, indent=2)
    response = Response(body, content_type=content_type(JSON_LD.media_type))
    return conditional(response, "context")
