"""What a server is told to serve, and within which limits.

``aseankg serve``, the tests and the benchmark build one ``Settings`` and give it to
``create_app``; nothing else configures the app, and nothing reads it back as strings.
"""

from dataclasses import dataclass, field
from pathlib import Path

from aseankg.engine import DEFAULT_CACHE_BYTES, DEFAULT_QUERY_WORKERS, Limits
from aseankg.sources import bundle
from aseankg.sources.files import Source, dataset_sources

#: Most URLs one sitemap file may list (sitemaps.org's own bound).
SITEMAP_SIZE = 50_000


@dataclass(frozen=True)
class Settings:
    """One server's configuration; every field has the default ``aseankg serve`` uses."""

    store: str | None = None
    """A store to serve instead of the files: the path of a store written by aseankg load,
    or the SPARQL query URL of a store server; None loads the files into memory."""
    store_kind: str | None = None
    """The kind of store server ("oxigraph", "virtuoso", "sparql"); None recognises it."""
    data_dir: Path | None = None
    """A folder laid out like data/ (reference/ and stories/); None serves the bundled data."""
    article_dirs: tuple[Path, ...] = ()
    """Article folders (article.ttl and stories/) to serve besides the data."""
    ontology_dir: Path | None = None
    """A folder holding aseankg.ttl; None serves the bundled ontology."""
    queries_dir: Path | None = None
    """A folder of canned queries (*.rq with #+ decorators); None serves the bundled ones."""
    limits: Limits = field(default_factory=Limits)
    """What every query is held to: time, rows, length, result size, memory, shares."""
    query_workers: int = DEFAULT_QUERY_WORKERS
    """Query processes per web process; each holds the store and runs one query at a time."""
    cache_bytes: int = DEFAULT_CACHE_BYTES
    """Bytes of query results, and again of whole responses, kept per web process (0: none)."""
    served_base: str | None = None
    """The URL where https://w3id.org/aseankg/ is served, e.g. "https://kg.example.org/aseankg/",
    for the links of pages; None serves it at the root of whatever host a request came to."""
    proxy_hops: int = 0
    """Proxies in front of the server whose X-Forwarded-For, -Proto, -Host, -Port and -Prefix
    headers are believed, nearest first; 0 ignores those headers (anyone can send them)."""
    sitemap_size: int = SITEMAP_SIZE
    """Most URLs in one sitemap file; past it /sitemap.xml is an index of several."""

    def __post_init__(self) -> None:
        # Callers may give strings and lists; the fields hold paths and tuples.
        for name in ("data_dir", "ontology_dir", "queries_dir"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, Path(value))
        object.__setattr__(self, "article_dirs", tuple(Path(d) for d in self.article_dirs))
        if self.served_base is not None:
            object.__setattr__(self, "served_base", self.served_base.rstrip("/") + "/")

    @property
    def ontology_folder(self) -> Path:
        """The folder the ontology, shapes and checks are read from."""
        return self.ontology_dir or bundle.ontology_dir()

    @property
    def queries_folder(self) -> Path:
        """The folder the canned queries are read from."""
        return self.queries_dir or bundle.queries_dir()

    def sources(self) -> list[Source]:
        """The files the dataset is loaded from (when no store is served)."""
        data_dir = self.data_dir or bundle.data_dir()
        return dataset_sources(data_dir, self.ontology_folder, list(self.article_dirs))


#: Bytes a query character can take in a form body: 4 in UTF-8, each percent-encoded as 3.
_BYTES_PER_QUERY_CHARACTER = 12
#: Room for the other parameters of a form body (graph IRIs, format).
_PARAMETER_ROOM = 64 * 1024


def largest_body(max_query_length: int) -> int:
    """The largest request body that can hold an acceptable query.

    A larger body cannot hold a query within the length limit, so it is refused with
    413 before it is read into memory.
    """
    return _BYTES_PER_QUERY_CHARACTER * max_query_length + _PARAMETER_ROOM
