"""Run the app under gunicorn: data loaded once in the master, query workers per web worker.

The master builds the app (and loads the store) before forking, so web workers
share its memory. Each web worker then forks its own query processes in
``post_fork``, while it is still single-threaded.
"""

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from aseankg.web.extension import engine_of


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """A gunicorn application around an already-built Flask app."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        self.cfg.set("post_fork", self._start_query_workers)

    def _start_query_workers(self, server: Any, worker: Any) -> None:
        engine_of(self.application).start()

    def load(self) -> Flask:
        return self.application


def serve(
    app: Flask,
    *,
    host: str,
    port: int,
    workers: int,
    threads: int,
    query_timeout: float,
    access_log: bool,
) -> None:
    """Serve ``app`` until interrupted."""
    options: dict[str, Any] = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "keepalive": 5,
        # The longest request line gunicorn allows (its default is 4094 bytes): room for a
        # GET query of several kilobytes; longer queries are POSTed, as the protocol advises.
        "limit_request_line": 8190,
        "preload_app": True,
        # gunicorn's own watchdog only catches a wedged web worker; queries have their own limit.
        "timeout": int(query_timeout) + 30,
        "graceful_timeout": int(query_timeout) + 5,
        "accesslog": "-" if access_log else None,
        "proc_name": "aseankg",
        "control_socket_disable": True,
    }
    GunicornServer(app, options).run()
