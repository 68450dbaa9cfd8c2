"""The SPARQL aseankg runs for itself, one ``.rq`` file per query in this package.

Kept as files rather than Python strings so that each reads, and is checked, as the
SPARQL it is; callers name a query by its file: ``LABELS_QUERY = query_text("labels")``.
"""

from functools import cache
from importlib.resources import files


@cache
def query_text(name: str) -> str:
    """The text of ``{name}.rq``, read once from the installed package."""
    return files(__name__).joinpath(f"{name}.rq").read_text(encoding="utf-8")
