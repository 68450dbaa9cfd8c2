"""``/context.jsonld``: the JSON-LD context the JSON-LD outputs are compacted with, derived
once per app (see ``aseankg.publish.jsonld_context``)."""

from typing import Any

from flask import Blueprint, Response, json

from aseankg.publish.jsonld_context import derive_context
from aseankg.rdf.formats import JSON_LD
from aseankg.web.conditional_requests import conditional
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.negotiation import content_type
from aseankg.web.site import current_engine

blueprint = Blueprint("context", __name__)


@app_cached
def dataset_context() -> dict[str, Any]:
    return derive_context(current_engine())


@blueprint.get("/context.jsonld")
def context() -> Response:
    body = json.dumps({"@context": dataset_context()}, indent=2)
    response = Response(body, content_type=content_type(JSON_LD.media_type))
    return conditional(response, "context")
