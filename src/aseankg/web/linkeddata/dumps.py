"""``/dumps/{file}``: the whole dataset as files, with a stable ETag and Last-Modified.

Each dump is built from the loaded dataset on its first request and kept (see
``aseankg.publish.dumps``).
"""

from datetime import datetime

from flask import Blueprint, Response, abort

from aseankg.publish import dumps
from aseankg.web.conditional_requests import conditional
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.context import dataset_context
from aseankg.web.negotiation import content_type
from aseankg.web.site import current_engine

blueprint = Blueprint("dumps", __name__)


@app_cached
def dump_bytes(dump: dumps.Dump) -> bytes:
    return dumps.dump_bytes(current_engine(), dump, dataset_context())


def last_modified() -> datetime:
    """When the data last changed: the newest source file, or when the store was loaded."""
    return current_engine().modified


@blueprint.get("/dumps/<filename>")
def dump(filename: str) -> Response:
    found = dumps.dump_named(filename)
    if found is None:
        abort(404, description=f"there is no dump named '{filename}'")
    response = Response(dump_bytes(found), content_type=content_type(found.media_type))
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.last_modified = last_modified()
    return conditional(response, "dump", filename)
