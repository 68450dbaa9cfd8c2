"""Per-app memory for things derived from the data.

The dataset never changes while an app runs, so labels, statistics, dumps and
documentation are computed once, on first use, and kept with the app. Keep the
arguments of a cached function few and bounded (no request data): each value is
kept for as long as the app lives.
"""

from collections.abc import Callable, Hashable
from functools import wraps
from typing import ParamSpec, TypeVar

from aseankg.web.site import current_site

P = ParamSpec("P")
T = TypeVar("T")


def app_cached(function: Callable[P, T]) -> Callable[P, T]:
    """Compute ``function(*args)`` once per app and arguments (which must be hashable);
    concurrent first callers wait for one result."""
    name = f"{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def cached(*args: P.args, **kwargs: P.kwargs) -> T:
        arguments: tuple[Hashable, ...] = (*args, *sorted(kwargs.items()))
        return current_site().remembered(f"{name}{arguments!r}", lambda: function(*args, **kwargs))

    return cached
