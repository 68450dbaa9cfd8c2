"""``/dumps/{file}``: the whole dataset as files, with a stable ETag and Last-Modified."""

from flask import Blueprint, Response, abort

from aseankg.dumps import dump_named
from aseankg.web.http_cache import conditional
from aseankg.web.linkeddata.dumps import dump_bytes, last_modified
from aseankg.web.negotiation import content_type

blueprint = Blueprint("dumps", __name__)


@blueprint.get("/dumps/<filename>")
def dump(filename: str) -> Response:
    found = dump_named(filename)
    if found is None:
        abort(404, description=f"there is no dump named '{filename}'")
    response = Response(dump_bytes(found), content_type=content_type(found.media_type))
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.last_modified = last_modified()
    return conditional(response, "dump", filename)
