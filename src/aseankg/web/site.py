"""The one object an app serves from, and access to it from inside a request.

A ``Site`` is built once per server, before the web workers fork: the settings, the
engine holding the data, the checked catalogue of canned queries and a memo of what
is derived from the data. It is the app's only extension.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app, request

from aseankg.canned import Catalogue
from aseankg.engine import Caller, Engine
from aseankg.web.settings import Settings

_KEY = "aseankg"

#: The WSGI environ key under which the server puts an event set when the client goes away.
CLIENT_GONE = "aseankg.client_gone"


@dataclass(frozen=True)
class Site:
    """What one server serves: built from its settings, never changed while it runs."""

    settings: Settings
    engine: Engine
    catalogue: Catalogue
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _computing: dict[str, threading.Lock] = field(default_factory=dict, repr=False)
    _computing_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def build(cls, settings: Settings) -> "Site":
        """Load the data (or open the store) and check the canned queries: a bad query file
        or data file stops the server here, before it listens."""
        catalogue = Catalogue.load(settings.queries_folder)
        return cls(settings, build_engine(settings), catalogue)

    def remembered(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key for the life of the site; concurrent first callers
        wait for one result. The data never changes while serving, so neither does it.

        A lock per key, so that a computation may use other remembered values.
        """
        if key not in self._memo:
            with self._computing_lock:
                lock = self._computing.setdefault(key, threading.Lock())
            with lock:
                if key not in self._memo:
                    self._memo[key] = compute()
        return self._memo[key]


def build_engine(settings: Settings) -> Engine:
    """Load the configured data into an engine, or open the configured store."""
    limits, workers, cache_bytes = settings.limits, settings.query_workers, settings.cache_bytes
    if settings.store:
        return Engine.from_store(
            settings.store,
            kind=settings.store_kind,
            limits=limits,
            workers=workers,
            cache_bytes=cache_bytes,
        )
    return Engine.from_sources(
        settings.sources(), limits=limits, workers=workers, cache_bytes=cache_bytes
    )


def attach(app: Flask, site: Site) -> None:
    app.extensions[_KEY] = site


def site_of(app: Flask) -> Site:
    return app.extensions[_KEY]


def current_site() -> Site:
    """The site of the app handling the current request."""
    return site_of(current_app)


def current_settings() -> Settings:
    return current_site().settings


def current_engine() -> Engine:
    """The engine of the app handling the current request."""
    return current_site().engine


def current_caller() -> Caller:
    """Who the current request's query runs for: its client's address, and whether the
    client has gone (known only under the server that reports it; see ``server``)."""
    return Caller(request.remote_addr or "", request.environ.get(CLIENT_GONE, threading.Event()))
