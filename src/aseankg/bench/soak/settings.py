"""What a soak is asked to do, and the one kind of URL it may be pointed at."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from aseankg.engine import Limits


@dataclass(frozen=True)
class SoakSettings:
    minutes: float = 1.0
    rate: float = 20.0
    """Mixed requests per second."""
    concurrency: int = 8
    """Clients sending the mixed requests."""
    runaways: int = 1
    """Runaway queries kept in the server at once."""
    seed: int = 2025
    timeout: float = Limits().timeout
    """The server's time limit: passed to the server the soak starts, or that of --url."""
    workers: int | None = None
    """Options of the server the soak starts; None leaves the server's own default."""
    query_workers: int | None = None
    data_dir: Path | None = None
    url: str | None = None
    """A running server to soak instead of starting one."""

    @property
    def seconds(self) -> float:
        return self.minutes * 60

    @property
    def answer_within(self) -> float:
        """Seconds a client waits for an answer before it counts none: a query may wait
        for a query process and then run, each up to the time limit, and a margin more."""
        return 2 * self.timeout + 30

    def serve_options(self) -> list[str]:
        options = ["--timeout", f"{self.timeout:g}"]
        for name, value in (
            ("--workers", self.workers),
            ("--query-workers", self.query_workers),
            ("--data", self.data_dir),
        ):
            if value is not None:
                options += [name, str(value)]
        return options


def local_port(url: str) -> int:
    """The port of an http URL on 127.0.0.1 or localhost; ValueError for any other URL."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost"):
        raise ValueError(
            f"'{url}' is not an http URL on 127.0.0.1 or localhost: "
            "the soak sends to this machine only"
        )
    if parts.path.strip("/") or parts.query:
        raise ValueError(f"'{url}' has a path or query: give the server's root URL")
    try:
        return parts.port or 80
    except ValueError as error:
        raise ValueError(f"'{url}': {error}") from None
