"""Start the real ``aseankg serve`` process on 127.0.0.1 for tests that speak HTTP to it.

The benchmark's server runner does the work (free port, wait until it answers, stop
the whole process group), so tests and benchmarks start servers the same way.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from aseankg.bench.servers import aseankg_server

#: A public address a server is configured to be served at, as behind a proxy.
SERVED = "https://kg.example.org/aseankg/"


@contextmanager
def running_server(*options: str, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Run ``aseankg serve OPTIONS`` on a free port; yield its base URL, then stop it."""
    with aseankg_server(*options, env=env) as server:
        yield server.base
