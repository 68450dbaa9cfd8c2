"""Configuration keys of the web app, with their defaults.

Every key can be given to ``create_app``; ``aseankg serve`` sets them from its options.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aseankg import bundle
from aseankg.engine import DEFAULT_CACHE_BYTES, Limits
from aseankg.layout import Source, dataset_sources

_LIMITS = Limits()

DEFAULTS: dict[str, Any] = {
    # A store to serve instead of the files: the path of a store written by aseankg load, or
    # the SPARQL query URL of a store server; None loads the files into memory.
    "ASEANKG_STORE": None,
    # The kind of store server ("oxigraph", "virtuoso", "sparql"); None recognises it.
    "ASEANKG_STORE_KIND": None,
    # A folder laid out like data/ (reference/ and stories/); None serves the bundled data.
    "ASEANKG_DATA_DIR": None,
    # Article folders (article.ttl and stories/) to serve besides the data.
    "ASEANKG_ARTICLE_DIRS": (),
    # A folder holding aseankg.ttl; None serves the bundled ontology.
    "ASEANKG_ONTOLOGY_DIR": None,
    # A folder of canned queries (*.rq with #+ decorators); None serves the bundled ones.
    "ASEANKG_QUERIES_DIR": None,
    # Seconds a query may run before its worker process is stopped.
    "ASEANKG_QUERY_TIMEOUT": _LIMITS.timeout,
    # Most solutions a query returns; the response says when the cap applied.
    "ASEANKG_MAX_ROWS": _LIMITS.max_rows,
    # Longest query text accepted, in characters (longer gets 413).
    "ASEANKG_MAX_QUERY_LENGTH": _LIMITS.max_query_length,
    # Largest serialized result, in bytes; the query is stopped past it (503).
    "ASEANKG_MAX_RESULT_BYTES": _LIMITS.max_result_bytes,
    # Memory one query process may allocate beyond the shared store, in bytes (503 past it).
    "ASEANKG_QUERY_MEMORY_BYTES": _LIMITS.query_memory_bytes,
    # Share query processes out by client address (429 past a client's share).
    "ASEANKG_SHARE_BY_CLIENT": _LIMITS.share_by_client,
    # Query processes per web process; each holds the store and runs one query at a time.
    "ASEANKG_QUERY_WORKERS": 2,
    # Bytes of query results, and again of whole responses, kept per web process (0: none).
    "ASEANKG_CACHE_BYTES": DEFAULT_CACHE_BYTES,
    # The URL where https://w3id.org/aseankg/ is served, e.g. "https://kg.example.org/aseankg/",
    # for the links of pages; None serves it at the root of whatever host the request came to.
    "ASEANKG_SERVED_BASE": None,
    # Proxies in front of the server whose X-Forwarded-For, -Proto, -Host, -Port and -Prefix
    # headers are believed, nearest first; 0 ignores those headers (anyone can send them).
    "ASEANKG_PROXY_HOPS": 0,
    # Most URLs in one sitemap file (sitemaps.org allows 50,000); past it /sitemap.xml is an
    # index of several.
    "ASEANKG_SITEMAP_SIZE": 50_000,
}


#: Bytes a query character can take in a form body: 4 in UTF-8, each percent-encoded as 3.
_BYTES_PER_QUERY_CHARACTER = 12
#: Room for the other parameters of a form body (graph IRIs, format).
_PARAMETER_ROOM = 64 * 1024


def body_limits(max_query_length: int) -> dict[str, int]:
    """Flask's request-size settings, just wide enough for any query within the length limit.

    A larger body cannot hold an acceptable query, so it is refused with 413 before
    it is read into memory.
    """
    most = _BYTES_PER_QUERY_CHARACTER * max_query_length + _PARAMETER_ROOM
    return {"MAX_CONTENT_LENGTH": most, "MAX_FORM_MEMORY_SIZE": most}


def as_path(value: str | Path | None) -> Path | None:
    return None if value is None else Path(value)


def ontology_dir_of(config: Mapping[str, Any]) -> Path:
    """The configured ontology folder (the bundled one by default)."""
    return as_path(config["ASEANKG_ONTOLOGY_DIR"]) or bundle.ontology_dir()


def sources_of(config: Mapping[str, Any]) -> list[Source]:
    """The files the configured dataset is loaded from."""
    data_dir = as_path(config["ASEANKG_DATA_DIR"]) or bundle.data_dir()
    articles = [Path(folder) for folder in config["ASEANKG_ARTICLE_DIRS"]]
    return dataset_sources(data_dir, ontology_dir_of(config), articles)
