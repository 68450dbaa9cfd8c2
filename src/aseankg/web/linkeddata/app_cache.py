"""Per-app memory for things derived from the data.

The dataset never changes while an app runs, so labels, statistics, dumps and
documentation are computed once, on first use, and kept with the app. Keep the
arguments of a cached function few and bounded (no request data): each value is
kept for as long as the app lives.
"""

import threading
from collections.abc import Callable, Hashable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import current_app

P = ParamSpec("P")
T = TypeVar("T")


def app_cached(function: Callable[P, T]) -> Callable[P, T]:
    """Compute ``function(*args)`` once per app and arguments (which must be hashable);
    concurrent first callers wait for one result."""
    name = f"aseankg.linkeddata:{function.__module__}.{function.__qualname__}"
    lock = threading.Lock()

    @wraps(function)
    def cached(*args: P.args, **kwargs: P.kwargs) -> T:
        arguments: tuple[Hashable, ...] = (*args, *sorted(kwargs.items()))
        key = f"{name}{arguments!r}"
        store = current_app.extensions
        if key not in store:
            with lock:
                if key not in store:
                    store[key] = function(*args, **kwargs)
        return store[key]

    return cached
