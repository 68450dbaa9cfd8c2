"""Access to the engine an app was created with, from inside a request."""

from flask import Flask, current_app

from aseankg.engine import Engine

_KEY = "aseankg.engine"


def attach(app: Flask, engine: Engine) -> None:
    app.extensions[_KEY] = engine


def engine_of(app: Flask) -> Engine:
    return app.extensions[_KEY]


def current_engine() -> Engine:
    """The engine of the app handling the current request."""
    return engine_of(current_app)
