"""The dataset's JSON-LD context, derived once per app (see ``aseankg.jsonld_context``)."""

from typing import Any

from aseankg.jsonld_context import derive_context
from aseankg.web.extension import current_engine
from aseankg.web.linkeddata.cache import app_cached


@app_cached
def dataset_context() -> dict[str, Any]:
    return derive_context(current_engine())
