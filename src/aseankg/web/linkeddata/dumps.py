"""The dumps of the loaded dataset, built on first request and kept (see ``aseankg.dumps``)."""

from datetime import UTC, datetime

from flask import current_app

from aseankg import dumps
from aseankg.web.extension import current_engine
from aseankg.web.linkeddata.cache import app_cached
from aseankg.web.linkeddata.context import dataset_context
from aseankg.web.settings import sources_of


@app_cached
def dump_bytes(dump: dumps.Dump) -> bytes:
    return dumps.dump_bytes(current_engine(), dump, dataset_context())


@app_cached
def last_modified() -> datetime:
    """When the newest source file last changed: it moves only when the data does."""
    newest = max(source.path.stat().st_mtime for source in sources_of(current_app.config))
    return datetime.fromtimestamp(int(newest), UTC)
