"""The dumps of the loaded dataset, built on first request and kept (see ``aseankg.dumps``)."""

from datetime import datetime

from aseankg import dumps
from aseankg.web.linkeddata.cache import app_cached
from aseankg.web.linkeddata.context import dataset_context
from aseankg.web.site import current_engine


@app_cached
def dump_bytes(dump: dumps.Dump) -> bytes:
    return dumps.dump_bytes(current_engine(), dump, dataset_context())


def last_modified() -> datetime:
    """When the data last changed: the newest source file, or when the store was loaded."""
    return current_engine().modified
