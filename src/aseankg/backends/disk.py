"""A persistent Oxigraph store on disk, as ``aseankg load --store PATH`` writes it.

PATH is a symbolic link to a folder beside it, ``PATH.<time>``, which holds the
RocksDB database (``oxigraph/``) and a marker (``aseankg-store.json``: the data's
version, when it was loaded, its graphs and quads). A load writes a fresh folder and
then replaces the link in one rename, so a server starting at any moment finds
either the old data or the new, and a load that fails leaves the old data in place.
The folder the link pointed to before is kept, since a server started before the
load still reads it (until it is restarted); older folders are removed.
"""

import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph

from aseankg.backends import reading
from aseankg.backends.base import StoreError
from aseankg.sources.files import Source

MARKER = "aseankg-store.json"
DATABASE = "oxigraph"
#: The layout of the folder; a newer aseankg may write another.
LAYOUT = 1

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Marker:
    """What a store folder holds, written once its data is complete."""

    version: str
    loaded: datetime
    graphs: tuple[str, ...]
    quads: int


def read_marker(folder: Path) -> Marker:
    try:
        fields = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        if fields.get("layout") != LAYOUT:
            raise StoreError(
                f"{folder}: an aseankg store of another layout ({fields.get('layout')})"
            )
        return Marker(
            version=str(fields["version"]),
            loaded=datetime.fromisoformat(fields["loaded"]),
            graphs=tuple(fields["graphs"]),
            quads=int(fields["quads"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(
            f"{folder}: not an aseankg store (write one with aseankg load --store PATH)"
        ) from error


def _write_marker(folder: Path, marker: Marker) -> None:
    fields = {
        "layout": LAYOUT,
        "version": marker.version,
        "loaded": marker.loaded.isoformat(),
        "graphs": list(marker.graphs),
        "quads": marker.quads,
    }
    (folder / MARKER).write_text(json.dumps(fields, indent=1) + "\n", encoding="utf-8")


def is_store(path: Path) -> bool:
    return (path / MARKER).is_file()


def resolve(path: Path) -> Path:
    """The folder a store PATH names (the link's target), checked to be a store."""
    if not path.exists():
        raise StoreError(f"{path}: no store here (write one with aseankg load --store {path})")
    folder = path.resolve()
    read_marker(folder)
    return folder


def open_read_only(folder: Path) -> pyoxigraph.Store:
    try:
        return pyoxigraph.Store.read_only(str(folder / DATABASE))
    except OSError as error:
        raise StoreError(f"{folder}: the store cannot be opened: {error}") from error


def _check_target(path: Path) -> None:
    """Refuse to replace anything at PATH but an aseankg store."""
    taken = path.is_symlink() or path.exists()
    if taken and not (path.exists() and is_store(path.resolve())):
        raise StoreError(
            f"{path} exists and is not an aseankg store; name a new path, or remove it"
        )


def _fill(
    store: pyoxigraph.Store, sources: Iterable[Source], progress: Progress
) -> tuple[tuple[str, ...], int]:
    """Load every graph in one bulk load, reporting each graph as it is read."""
    graphs = reading.by_graph(sources)
    total = 0

    def quads() -> Iterable[pyoxigraph.Quad]:
        nonlocal total
        for number, (iri, files) in enumerate(graphs.items(), start=1):
            name = pyoxigraph.NamedNode(iri)
            count = 0
            for triple in reading.triples(files):
                count += 1
                yield pyoxigraph.Quad(triple.subject, triple.predicate, triple.object, name)
            total += count
            progress(f"graph {number} of {len(graphs)}: {iri} ({count} triples)")

    store.bulk_extend(quads())
    return tuple(graphs), total


def load(path: Path, sources: Iterable[Source], version: str, progress: Progress) -> Marker:
    """Write ``sources`` to a fresh folder beside ``path`` and switch ``path`` to it."""
    _check_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    loaded = datetime.now(UTC)
    folder = path.with_name(f"{path.name}.{loaded:%Y%m%dT%H%M%S%f}")
    try:
        folder.mkdir()
        store = pyoxigraph.Store(str(folder / DATABASE))
        graphs, quads = _fill(store, sources, progress)
        store.flush()
        del store  # closes the database before any server may open it
        marker = Marker(version, loaded.replace(microsecond=0), graphs, quads)
        _write_marker(folder, marker)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    previous = _switch(path, folder)
    _prune(path, keep={folder.resolve(), previous})
    return marker


def _switch(path: Path, folder: Path) -> Path | None:
    """Point ``path`` at ``folder`` in one rename; the folder it named before, if any."""
    previous: Path | None = None
    if path.is_symlink():
        previous = path.resolve()
    elif path.exists():  # a store folder moved or copied to PATH: set it aside first
        previous = path.with_name(f"{folder.name}-previous")
        path.rename(previous)
        previous = previous.resolve()
    link = path.with_name(f".{path.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(folder.name)  # relative: the link and its folders can move together
    os.replace(link, path)
    return previous


def _prune(path: Path, keep: set[Path | None]) -> None:
    """Remove the store folders of ``path`` older than the ones to keep."""
    for sibling in path.parent.glob(f"{path.name}.*"):
        old = sibling.is_dir() and not sibling.is_symlink() and sibling.resolve() not in keep
        if old and is_store(sibling):
            shutil.rmtree(sibling, ignore_errors=True)
