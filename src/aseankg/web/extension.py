"""Access to the engine an app was created with, from inside a request."""

import threading

from flask import Flask, current_app, request

from aseankg.engine import Caller, Engine

_KEY = "aseankg.engine"

#: The WSGI environ key under which the server puts an event set when the client goes away.
CLIENT_GONE = "aseankg.client_gone"


def attach(app: Flask, engine: Engine) -> None:
    app.extensions[_KEY] = engine


def engine_of(app: Flask) -> Engine:
    return app.extensions[_KEY]


def current_engine() -> Engine:
    """The engine of the app handling the current request."""
    return engine_of(current_app)


def current_caller() -> Caller:
    """Who the current request's query runs for: its client's address, and whether the
    client has gone (known only under the server that reports it; see ``server``)."""
    return Caller(request.remote_addr or "", request.environ.get(CLIENT_GONE, threading.Event()))
