"""Load the dataset into a store server: staged and switched where the store allows it.

Two ways in, as the store offers:

* SPARQL Update (``--update-url``): every graph is written to a staging graph first
  (``urn:aseankg:staging:...``), many graphs per request (as N-Quads where the store
  takes them, as Oxigraph does at ``/store``; else as ``INSERT DATA``), then one update
  request moves them all into place and drops this dataset's graphs that the new data
  no longer has. A store that applies an update request whole (Oxigraph) switches
  atomically; a failure before the switch leaves the store's graphs as they were, and
  the staging graphs are dropped. A store that holds none of this dataset's graphs yet
  has nothing to keep serving: the graphs are written in place, with no switch.
* The Graph Store Protocol (``--gsp-url``): one PUT per graph, each replacing that graph
  whole. The protocol cannot rename graphs, so nothing is atomic across graphs: a
  failure stops the load with a message naming the graphs replaced and those not.
"""

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import pyoxigraph

from aseankg.backends import reading, staging
from aseankg.backends.base import StoreError, StoreFailure
from aseankg.backends.http import Client, check_url
from aseankg.backends.kinds import StoreKind, named, recognise
from aseankg.backends.remote import is_project_graph, probe, store_graphs
from aseankg.backends.serialize import rdf_bytes
from aseankg.sources.files import Source

Progress = Callable[[str], None]

#: Triples staged per request (whole graphs): a few MB of body each.
_STAGE_BATCH = 20_000
#: Staging graphs dropped per update request after a failure.
_DROP_BATCH = 1_000
#: Seconds each request to the store may wait on the socket while loading; the switch
#: moves every graph in one transaction, which takes minutes at millions of quads.
_LOAD_SECONDS = 300.0
_SWITCH_SECONDS = 3_600.0
_UPDATE = "application/sparql-update"
_N_QUADS = "application/n-quads"


@dataclass(frozen=True)
class Loaded:
    graphs: int
    triples: int
    dropped: tuple[str, ...]
    atomic: bool


@dataclass(frozen=True)
class _Target:
    client: Client
    query_url: str
    kind: StoreKind
    update_url: str | None
    gsp_url: str | None
    quads_url: str | None
    """Where the store takes N-Quads of many graphs in one POST, to stage a load."""


def _target(url: str, kind: str | None, gsp_url: str | None, update_url: str | None) -> _Target:
    client = Client(url)
    found = named(kind) if kind else recognise(probe(client, url).server)
    if gsp_url is None and update_url is None:
        if found.atomic_update and found.update_path:
            update_url = urljoin(url, found.update_path)
        elif found.gsp_path:
            gsp_url = urljoin(url, found.gsp_path)
        else:
            raise StoreError(
                f"say where the store at {url} takes data: --update-url (SPARQL Update) "
                "or --gsp-url (Graph Store Protocol)"
            )
    for given in (gsp_url, update_url):
        if given is not None:
            check_url(given)
    quads_url = urljoin(url, found.gsp_path) if found.takes_quads and found.gsp_path else None
    return _Target(client, url, found, update_url, gsp_url, quads_url)


def load(
    url: str,
    sources: Iterable[Source],
    progress: Progress,
    *,
    kind: str | None = None,
    gsp_url: str | None = None,
    update_url: str | None = None,
) -> Loaded:
    """Load ``sources`` into the store whose SPARQL query URL is ``url``."""
    target = _target(url, kind, gsp_url, update_url)
    graphs = reading.by_graph(sources)
    held = {iri for iri in store_graphs(target.client, url, target.kind) if is_project_graph(iri)}
    stale = sorted(held - graphs.keys())
    target.client.greet(target.update_url or target.gsp_url or url)
    if target.update_url is not None:
        if held:
            triples = _by_update(target, target.update_url, graphs, held, progress)
        else:
            triples = _into_empty(target, target.update_url, graphs, progress)
        return Loaded(len(graphs), triples, tuple(stale), target.kind.atomic_update)
    assert target.gsp_url is not None
    triples = _by_graph_store(target, target.gsp_url, graphs, stale, progress)
    return Loaded(len(graphs), triples, tuple(stale), False)


def _ntriples(triples: Iterable[pyoxigraph.Triple]) -> bytes:
    return rdf_bytes(triples, pyoxigraph.RdfFormat.N_TRIPLES)


def _update(target: _Target, url: str, text: str, timeout: float = _LOAD_SECONDS) -> None:
    target.client.request(
        "POST", url, body=text.encode(), headers={"Content-Type": _UPDATE}, timeout=timeout
    )


def _stage(target: _Target, url: str, batch: staging.Batch, names: dict[str, str]) -> None:
    """Write one batch of graphs under their staging names, in one request."""
    if target.quads_url is None:
        _update(target, url, staging.insert_data(batch, names))
        return
    target.client.request(
        "POST",
        target.quads_url,
        body=staging.n_quads(batch, names),
        headers={"Content-Type": _N_QUADS},
        timeout=_LOAD_SECONDS,
    )


def _write(
    target: _Target, url: str, graphs: dict[str, list[Source]], names: dict[str, str]
) -> Iterator[tuple[int, int]]:
    """Write every graph under its name in ``names``, batch by batch; after each batch,
    the graphs and triples written so far."""
    done = total = 0
    for batch in staging.batches(graphs, _STAGE_BATCH):
        _stage(target, url, batch, names)
        done += len(batch.graphs)
        total += batch.triples
        yield done, total


def _into_empty(
    target: _Target, url: str, graphs: dict[str, list[Source]], progress: Progress
) -> int:
    """Write the graphs in place into a store that holds none of this dataset's yet, so
    that nothing needs switching (nor moving); a failure drops what was written."""
    names = {iri: iri for iri in graphs}
    return _written(target, url, graphs, names, "", progress, "the graphs it wrote were dropped")


def _by_update(
    target: _Target,
    url: str,
    graphs: dict[str, list[Source]],
    held: set[str],
    progress: Progress,
) -> int:
    """Stage the graphs under names of their own, then move them all into place at once,
    and drop the graph names left empty."""
    run = f"urn:aseankg:staging:{int(time.time() * 1000)}:"
    names = {iri: f"{run}{number}" for number, iri in enumerate(graphs, start=1)}
    undone = (
        "the load stopped before its switch, so the store's graphs are as they were"
        if target.kind.atomic_update
        else "the store may hold part of the old graphs and part of the new"
    )
    switch = staging.switch(names, held)
    total = _written(target, url, graphs, names, switch, progress, undone)
    _drop_quietly(target, url, [*names.values(), *(held - graphs.keys())])
    return total


def _written(
    target: _Target,
    url: str,
    graphs: dict[str, list[Source]],
    names: dict[str, str],
    switch: str,
    progress: Progress,
    undone: str,
) -> int:
    """Write the graphs under ``names``, then apply the update ``switch`` (if any);
    the number of triples written. Whatever fails, the graphs written are dropped and
    the store's failure is told with ``undone`` (what that leaves)."""
    total = 0
    what = "staged" if switch else "loaded"
    try:
        for done, total in _write(target, url, graphs, names):
            progress(f"{what} {done} of {len(graphs)} graphs ({total} triples)")
        if switch:
            progress(f"switching {len(graphs)} graphs into place")
            _update(target, url, switch, _SWITCH_SECONDS)
    except BaseException as error:
        _drop_quietly(target, url, list(names.values()))
        if isinstance(error, StoreFailure):
            raise StoreError(f"{error}; {undone}") from None
        raise
    if switch:
        progress(f"switched {len(graphs)} graphs into place")
    return total


def _drop_quietly(target: _Target, url: str, graphs: list[str]) -> None:
    """Drop the graphs a load wrote (after a failure), or the names it left empty, as far
    as the store still answers."""
    drops = [f"DROP SILENT GRAPH <{graph}>" for graph in graphs]
    for text in staging.in_groups(drops, _DROP_BATCH):
        try:
            _update(target, url, text)
        except StoreFailure:
            return


def _by_graph_store(
    target: _Target,
    url: str,
    graphs: dict[str, list[Source]],
    stale: list[str],
    progress: Progress,
) -> int:
    done: list[str] = []
    total = 0
    for number, (iri, files) in enumerate(graphs.items(), start=1):
        triples = list(reading.triples(files))
        try:
            target.client.request(
                "PUT",
                url,
                params=[(target.kind.gsp_graph_parameter, iri)],
                body=_ntriples(triples),
                headers={"Content-Type": "text/turtle"},
                timeout=_LOAD_SECONDS,
            )
        except StoreFailure as error:
            left = [name for name in graphs if name not in done]
            raise StoreError(
                f"{error}; graphs replaced: {', '.join(done) or 'none'}; graphs not replaced: "
                f"{', '.join(left)}. Run the load again once the store answers"
            ) from None
        done.append(iri)
        total += len(triples)
        progress(f"graph {number} of {len(graphs)}: {iri} ({len(triples)} triples)")
    for iri in stale:
        try:
            target.client.request(
                "DELETE",
                url,
                params=[(target.kind.gsp_graph_parameter, iri)],
                timeout=_LOAD_SECONDS,
            )
        except StoreFailure as error:
            raise StoreError(f"{error}; every graph was replaced but {iri} is left over") from None
        progress(f"dropped {iri}, which the data no longer has")
    return total
