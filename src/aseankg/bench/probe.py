"""One measurement in a process of its own: ``python -m aseankg.bench.probe TASK DATA_DIR ...``.

A fresh process per measurement gives a true peak memory, keeps one baseline's
memory from distorting the next, and lets the runner stop a measurement that
runs too long by killing it. Each task prints JSON lines on standard output.

Tasks:
  load-store DIR            load into Oxigraph (what ``aseankg serve`` does)
  load-rdflib DIR           load into an rdflib Dataset (the baseline)
  queries-engine DIR N S    each benchmark query N times (at most S seconds each) on the engine
  queries-rdflib DIR N S [SKIP...]  the same on rdflib's SPARQL evaluator
  validate DIR              ``aseankg validate`` with pySHACL
  validate-rudof DIR        the same SHACL shapes with pyrudof, a SHACL engine in Rust
  dump-nquads DIR FILE      write the dataset as N-Quads (to load another store with)

Heavy libraries are imported inside the task that needs them, so that one task's
peak memory does not include another's.
"""

import json
import resource
import sys
import time
from collections.abc import Callable, Sized
from pathlib import Path
from typing import TypeVar

from aseankg.bench.stats import summarize
from aseankg.bench.workload import Query, all_queries
from aseankg.sources import bundle
from aseankg.sources.files import Source, dataset_sources

T = TypeVar("T")


def emit(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def sources(data_dir: str) -> list[Source]:
    return dataset_sources(Path(data_dir), bundle.ontology_dir())


def timed(action: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def load_store(data_dir: str) -> None:
    from aseankg.sources.oxigraph_store import load_store as load

    seconds, store = timed(lambda: load(sources(data_dir)))
    emit(seconds=round(seconds, 3), peak_rss_mb=peak_rss_mb(), quads=len(store))


def load_rdflib(data_dir: str) -> None:
    from aseankg.sources.rdflib_dataset import load_sources

    seconds, dataset = timed(lambda: load_sources(sources(data_dir)))
    quads = sum(len(graph) for graph in dataset.graphs())
    emit(seconds=round(seconds, 3), peak_rss_mb=peak_rss_mb(), quads=quads)


def repeat(name: str, run: Callable[[], Sized], times: int, budget: float) -> None:
    """Run once to warm up, then up to ``times`` more within ``budget`` seconds."""
    first, result = timed(run)
    samples: list[float] = []
    spent = first
    while len(samples) < times and (spent < budget or not samples):
        seconds, result = timed(run)
        samples.append(seconds)
        spent += seconds
    emit(query=name, first_ms=round(first * 1000, 3), bytes=len(result), **summarize(samples))


def queries_engine(data_dir: str, times: str, budget: str) -> None:
    """The engine as ``aseankg serve`` uses it (query processes, native serializers), no cache;
    and the same store queried directly in this process, for the protocol-overhead ratio."""
    import pyoxigraph

    from aseankg.backends.local import MemoryBackend
    from aseankg.engine import Engine
    from aseankg.engine.engine import PreparedQuery
    from aseankg.rdf.formats import Syntax, syntaxes_for

    engine = Engine.from_sources(sources(data_dir), workers=1, cache_bytes=0)
    assert isinstance(engine.backend, MemoryBackend)
    store = engine.backend.store
    engine.start()
    for query in all_queries():
        fmt = syntaxes_for(query.form)[0]
        prepared = engine.prepare(query.text)

        def through_engine(p: PreparedQuery = prepared, f: Syntax = fmt) -> bytes:
            return engine.execute(p, f).payload

        repeat(query.name, through_engine, int(times), float(budget))
        if query.form == "SELECT":

            def direct(text: str = prepared.text) -> bytes:
                result = store.query(text, use_default_graph_as_union=True)
                assert isinstance(result, pyoxigraph.QuerySolutions)  # a SELECT query
                written = result.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
                assert written is not None  # no file given: the bytes
                return written

            repeat(f"{query.name} (store, in process)", direct, int(times), float(budget))
    engine.close()


def queries_rdflib(data_dir: str, times: str, budget: str, *skip: str) -> None:
    """rdflib's own evaluator, answering as an rdflib-based endpoint would (JSON results)."""
    from aseankg.sources.rdflib_dataset import load_sources

    dataset = load_sources(sources(data_dir))
    for query in all_queries():
        if query.name in skip:
            continue
        emit(started=query.name)

        def run(q: Query = query) -> bytes:
            result = dataset.query(q.text)
            written = result.serialize(format="json" if q.form == "SELECT" else "turtle")
            assert written is not None  # no destination given: the bytes
            return written

        repeat(query.name, run, int(times), float(budget))


def validate(data_dir: str) -> None:
    from aseankg.validation import validate as run

    seconds, report = timed(lambda: run(sources(data_dir)))
    emit(
        seconds=round(seconds, 3),
        peak_rss_mb=peak_rss_mb(),
        results=len(report.results),
        triples=report.statistics.triples,
    )


def validate_rudof(data_dir: str) -> None:
    import pyoxigraph
    import pyrudof

    from aseankg.backends.serialize import rdf_bytes
    from aseankg.sources.oxigraph_store import load_store
    from aseankg.validation.shapes import shapes_file

    union = rdf_bytes(
        (quad.triple for quad in load_store(sources(data_dir))), pyoxigraph.RdfFormat.N_TRIPLES
    )

    def run() -> Sized:
        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_data(union.decode(), format=pyrudof.RDFFormat.NTriples)
        rudof.read_shacl(str(shapes_file()), format=pyrudof.ShaclFormat.Turtle)
        return rudof.validate_shacl()

    seconds, report = timed(run)
    emit(seconds=round(seconds, 3), peak_rss_mb=peak_rss_mb(), results=len(report))


def dump_nquads(data_dir: str, target: str) -> None:
    import pyoxigraph

    from aseankg.sources.oxigraph_store import load_store

    load_store(sources(data_dir)).dump(target, format=pyoxigraph.RdfFormat.N_QUADS)
    emit(file=target)


TASKS: dict[str, Callable[..., None]] = {
    "load-store": load_store,
    "load-rdflib": load_rdflib,
    "queries-engine": queries_engine,
    "queries-rdflib": queries_rdflib,
    "validate": validate,
    "validate-rudof": validate_rudof,
    "dump-nquads": dump_nquads,
}

if __name__ == "__main__":
    TASKS[sys.argv[1]](*sys.argv[2:])
