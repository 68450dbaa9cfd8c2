"""Run the app under Granian: data loaded once, before the web workers fork.

``serve`` builds nothing itself: it is handed an app whose store is already
loaded, keeps it in this module, and lets Granian fork its worker processes,
which inherit the app and its memory instead of re-parsing the data. Each worker
then calls ``worker_app`` (a factory, run before the worker starts serving and
while it is still single-threaded) to fork its own query processes.

Granian's HTTP layer is written in Rust and keeps connections alive; with the
response cache in front of Flask, a repeated request costs little Python.
"""

import multiprocessing
from typing import Any

from flask import Flask
from granian import Granian
from granian.constants import Interfaces

from aseankg.web.extension import engine_of

_app: Flask | None = None


def worker_app() -> Any:
    """The WSGI callable of one web worker, with its query processes started."""
    if _app is None:
        raise RuntimeError("aseankg.web.server.serve() must load the app before workers start")
    engine_of(_app).start()
    return _app.wsgi_app


def serve(
    app: Flask, *, host: str, port: int, workers: int, threads: int, access_log: bool
) -> None:
    """Serve ``app`` until interrupted (SIGINT or SIGTERM)."""
    global _app
    _app = app
    # Workers must be forked, not spawned: they inherit the loaded store this way.
    multiprocessing.set_start_method("fork", force=True)
    Granian(
        f"{__name__}:worker_app",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        websockets=False,
        log_access=access_log,
    ).serve()
