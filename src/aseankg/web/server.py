"""Run the app under Granian: data loaded once, before the web workers fork.

``serve`` builds nothing itself: it is handed an app whose store is already
loaded, keeps it in this module, and lets Granian fork its worker processes,
which inherit the app and its memory instead of re-parsing the data. Each worker
then calls ``worker_app`` (a factory, run before the worker starts serving and
while it is still single-threaded) to fork its own query processes.

Granian's HTTP layer is written in Rust and keeps connections alive; the app is
served through its RSGI interface (see ``rsgi_bridge``) so that a query whose
client has gone is stopped. A web worker that dies is replaced.
"""

import errno
import multiprocessing
import socket
from typing import Any

from flask import Flask
from granian import Granian
from granian.constants import Interfaces

from aseankg.web.rsgi_bridge import RsgiBridge
from aseankg.web.settings import largest_body
from aseankg.web.site import site_of

_app: Flask | None = None
_threads = 4


class PortUnavailable(Exception):
    """The address cannot be listened on; the message says why, in one line."""


def check_port(host: str, port: int) -> None:
    """Refuse a port another server (this one or any program) already listens on.

    Granian binds with SO_REUSEPORT, which would let a second server share the port and
    split the traffic with the first; a plain bind first makes that an error instead.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host, port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            reason = "is already in use by another program or server"
        elif error.errno == errno.EACCES:
            reason = "needs privileges this user does not have"
        else:
            reason = f"cannot be listened on: {error.strerror}"
        raise PortUnavailable(f"port {port} on {host} {reason}") from None


def worker_app() -> Any:
    """The RSGI application of one web worker, with its query processes started."""
    if _app is None:
        raise RuntimeError("aseankg.web.server.serve() must load the app before workers start")
    site = site_of(_app)
    site.engine.start()
    return RsgiBridge(
        _app.wsgi_app,
        page_threads=_threads,
        query_threads=site.engine.admission_capacity + 2,
        max_body=largest_body(site.settings.limits.max_query_length),
    )


def serve(
    app: Flask, *, host: str, port: int, workers: int, threads: int, access_log: bool
) -> None:
    """Serve ``app`` until interrupted (SIGINT or SIGTERM); ``threads`` serve pages."""
    global _app, _threads
    check_port(host, port)
    _app, _threads = app, threads
    # Workers must be forked, not spawned: they inherit the loaded store this way.
    multiprocessing.set_start_method("fork", force=True)
    Granian(
        f"{__name__}:worker_app",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.RSGI,
        workers=workers,
        websockets=False,
        log_access=access_log,
        respawn_failed_workers=True,
        respawn_interval=0.5,
    ).serve()
