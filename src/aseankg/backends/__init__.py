"""Where the engine's data lives: in memory, in a store on disk, or in a store server.

``open_store`` takes what ``--store`` was given: a URL is a store server's SPARQL
query endpoint, anything else the path of a store written by ``aseankg load``.
"""

from pathlib import Path

from aseankg.backends.base import Backend, StoreError, StoreFailure


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def open_store(spec: str, kind: str | None = None) -> Backend:
    """The backend ``spec`` names; StoreError, with a message, when it cannot be used."""
    if is_url(spec):
        from aseankg.backends.remote import RemoteBackend

        return RemoteBackend(spec, kind)
    from aseankg.backends.local import DiskBackend

    return DiskBackend(Path(spec))


__all__ = ["Backend", "StoreError", "StoreFailure", "is_url", "open_store"]
