"""Load the dataset into a store server: staged and switched where the store allows it.

Two ways in, as the store offers:

* SPARQL Update (``--update-url``): every graph is written to a staging graph first
  (``urn:aseankg:staging:...``), then one update request moves them all into place and
  drops this dataset's graphs that the new data no longer has. A store that applies an
  update request whole (Oxigraph) switches atomically; a failure before the switch
  leaves the store's graphs as they were, and the staging graphs are dropped.
* The Graph Store Protocol (``--gsp-url``): one PUT per graph, each replacing that graph
  whole. The protocol cannot rename graphs, so nothing is atomic across graphs: a
  failure stops the load with a message naming the graphs replaced and those not.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

import pyoxigraph

from aseankg.backends import reading
from aseankg.backends.base import StoreError, StoreFailure
from aseankg.backends.http import Client, check_url
from aseankg.backends.kinds import StoreKind, named, recognise
from aseankg.backends.remote import is_project_graph, probe, store_graphs
from aseankg.sources.files import Source

Progress = Callable[[str], None]

#: Triples per INSERT DATA request, so that no request body grows without bound.
_INSERT_BATCH = 20_000
#: Seconds each request to the store may wait on the socket while loading.
_LOAD_SECONDS = 300.0
_UPDATE = "application/sparql-update"


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
    return _Target(client, url, found, update_url, gsp_url)


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
    stale = sorted(
        iri
        for iri in store_graphs(target.client, url, target.kind)
        if is_project_graph(iri) and iri not in graphs
    )
    target.client.greet(target.update_url or target.gsp_url or url)
    if target.update_url is not None:
        triples = _by_update(target, target.update_url, graphs, stale, progress)
        return Loaded(len(graphs), triples, tuple(stale), target.kind.atomic_update)
    assert target.gsp_url is not None
    triples = _by_graph_store(target, target.gsp_url, graphs, stale, progress)
    return Loaded(len(graphs), triples, tuple(stale), False)


def _ntriples(triples: Iterable[pyoxigraph.Triple]) -> bytes:
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)


def _update(target: _Target, url: str, text: str) -> None:
    target.client.request(
        "POST",
        url,
        body=text.encode(),
        headers={"Content-Type": _UPDATE},
        timeout=_LOAD_SECONDS,
    )


def _by_update(
    target: _Target,
    url: str,
    graphs: dict[str, list[Source]],
    stale: list[str],
    progress: Progress,
) -> int:
    run = f"urn:aseankg:staging:{int(time.time() * 1000)}:"
    staging = {iri: f"{run}{number}" for number, iri in enumerate(graphs, start=1)}
    total = 0
    try:
        for number, (iri, files) in enumerate(graphs.items(), start=1):
            stage = staging[iri]
            _update(target, url, f"DROP SILENT GRAPH <{stage}>")
            triples = list(reading.triples(files))
            for start in range(0, len(triples), _INSERT_BATCH):
                batch = _ntriples(triples[start : start + _INSERT_BATCH]).decode()
                _update(target, url, f"INSERT DATA {{ GRAPH <{stage}> {{\n{batch}}} }}")
            total += len(triples)
            progress(f"graph {number} of {len(graphs)}: {iri} ({len(triples)} triples, staged)")
        switch = [f"MOVE SILENT GRAPH <{staging[iri]}> TO <{iri}>" for iri in graphs]
        switch += [f"DROP SILENT GRAPH <{iri}>" for iri in stale]
        _update(target, url, " ;\n".join(switch))
    except BaseException as error:
        _drop_quietly(target, url, staging.values())
        if isinstance(error, StoreFailure):
            raise StoreError(
                f"{error}; the load stopped before its switch, so the store's graphs are as "
                "they were"
                if target.kind.atomic_update
                else f"{error}; the store may hold some of the new graphs and not others"
            ) from None
        raise
    progress(f"switched {len(graphs)} graphs into place")
    return total


def _drop_quietly(target: _Target, url: str, graphs: Iterable[str]) -> None:
    """Drop staging graphs after a failure, as far as the store still answers."""
    for graph in graphs:
        try:
            _update(target, url, f"DROP SILENT GRAPH <{graph}>")
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
