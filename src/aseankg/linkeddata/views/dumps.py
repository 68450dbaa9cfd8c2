"""``/dumps/{file}``: the whole dataset as files, with a stable ETag and Last-Modified."""

from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app

from aseankg.linkeddata.cache import app_cached
from aseankg.linkeddata.dumps import dump_bytes, dump_named
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import mimetype_with_charset
from aseankg.web.settings import sources_of

blueprint = Blueprint("dumps", __name__)


@app_cached
def last_modified() -> datetime:
    """When the newest source file last changed: it moves only when the data does."""
    newest = max(source.path.stat().st_mtime for source in sources_of(current_app.config))
    return datetime.fromtimestamp(int(newest), UTC)


@blueprint.get("/dumps/<filename>")
def dump(filename: str) -> Response:
    found = dump_named(filename)
    if found is None:
        abort(404, description=f"there is no dump named '{filename}'")
    binary = found.media_type == "application/gzip"
    response = Response(
        dump_bytes(filename),
        content_type=found.media_type if binary else mimetype_with_charset(found.media_type),
    )
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.last_modified = last_modified()
    return conditional(response, "dump", filename)
