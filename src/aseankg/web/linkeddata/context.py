"""The dataset's JSON-LD context, derived once per app (see ``aseankg.jsonld_context``)."""

from typing import Any

from aseankg.jsonld_context import derive_context
from aseankg.web.linkeddata.cache import app_cached
from aseankg.web.site import current_engine


@app_cached
def dataset_context() -> dict[str, Any]:
    return derive_context(current_engine())
