"""The soak: mixed traffic at a steady rate while runaway queries keep query processes busy.

Planned mixed requests (see ``mix``) are sent on schedule by a fixed number of
clients, each from an address of its own; whatever is still unsent when the time
is up is dropped, so a run is bounded in count and in time. Runaway queries come
from lanes of their own, each keeping one runaway in the server at a time: a lane
whose client hung up waits out the server's time limit before it sends the next
one. Memory is measured after a warm-up and again once the last runaway has been
stopped and the server has gone quiet.
"""

import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from threading import Thread

from aseankg.bench import servers
from aseankg.bench.soak import hostile, traffic
from aseankg.bench.soak.canary import Canary
from aseankg.bench.soak.client import Outcome, loopback_sources, send
from aseankg.bench.soak.mix import Requests, mix, plan
from aseankg.bench.soak.processes import Process, server_root, tree
from aseankg.bench.soak.settings import SoakSettings, local_port

Progress = Callable[[str], None]

#: A runaway lane sends at most one query per this many seconds.
_LANE_PACE = 1.0
#: Valid requests of each kind sent once before memory is first measured.
_WARM_UP_PER_KIND = 40
#: CPU seconds per second below which the server counts as quiet, and how long it is watched.
_QUIET = 0.1
_QUIET_WINDOW = 0.5
_SETTLE = 1.0


@contextmanager
def _server(settings: SoakSettings) -> Iterator[str]:
    if settings.url:
        yield settings.url.rstrip("/")
        return
    with servers.aseankg_server(*settings.serve_options()) as server:
        yield server.base


def warm_up(port: int, requests: Requests, timeout: float) -> list[Outcome]:
    """Each valid request once, so that memory is measured after first-use costs."""
    valid = [
        request
        for kind, some in requests.items()
        if kind not in (traffic.MALFORMED, traffic.CANARY)
        for request in some[:_WARM_UP_PER_KIND]
    ]
    return [send(port, request, timeout) for request in valid]


class _Traffic:
    """The clients and lanes of one run, and what they recorded."""

    def __init__(self, port: int, settings: SoakSettings) -> None:
        self.port = port
        self.settings = settings
        self.outcomes: list[Outcome] = []
        self._next = 0
        self.runaways_busy_until = 0.0
        self._lock = threading.Lock()

    def client(self, planned: Sequence[traffic.Request], started: float, source: str) -> None:
        """Send planned requests on schedule until they run out or the time is up."""
        deadline = started + self.settings.seconds
        while True:
            with self._lock:
                index, self._next = self._next, self._next + 1
            if index >= len(planned):
                return
            time.sleep(max(0.0, started + index / self.settings.rate - time.monotonic()))
            if time.monotonic() >= deadline:
                return
            self.outcomes.append(
                send(self.port, planned[index], self.settings.answer_within, source)
            )

    def lane(self, number: int, started: float, source: str) -> None:
        """Keep one runaway in the server, every other one from a client that hangs up."""
        rng = random.Random(f"{self.settings.seed}-runaway-lane-{number}")
        runaways = hostile.runaways()
        deadline = started + self.settings.seconds
        hang_up = bool(number % 2)
        while (now := time.monotonic()) < deadline:
            request = rng.choice(runaways)
            if hang_up:
                request = hostile.hung_up(request, rng.uniform(0.2, 1.0))
            outcome = send(self.port, request, self.settings.answer_within, source)
            self.outcomes.append(outcome)
            # A runaway whose client hung up may hold its query process until the time limit.
            busy_until = now + (self.settings.timeout if outcome.status is None else 0.0)
            with self._lock:
                self.runaways_busy_until = max(self.runaways_busy_until, busy_until)
            time.sleep(max(0.0, max(busy_until, now + _LANE_PACE) - time.monotonic()))
            hang_up = not hang_up


def _run_all(jobs: Sequence[tuple[Callable[..., None], tuple[object, ...]]]) -> None:
    """Run each ``(function, arguments)`` in a thread of its own until all have returned.

    The threads are daemons, so an interrupted soak does not wait for them.
    """
    threads = [Thread(target=function, args=arguments, daemon=True) for function, arguments in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def wait_until_quiet(root: int, limit: float) -> bool:
    """Wait until the server's processes use under a tenth of a CPU; False if not within limit."""
    deadline = time.monotonic() + limit
    before = sum(process.cpu_seconds for process in tree(root))
    while time.monotonic() < deadline:
        time.sleep(_QUIET_WINDOW)
        now = sum(process.cpu_seconds for process in tree(root))
        if now - before < _QUIET * _QUIET_WINDOW:
            return True
        before = now
    return False


@dataclass(frozen=True)
class SoakRun:
    """What one soak saw; ``report`` turns it into figures and a verdict."""

    settings: SoakSettings
    base: str
    canary_url: str
    canary_connections: int
    sources: list[str]
    """The address of each client, then of each runaway lane."""
    planned: int
    seconds: float
    warm_up: list[Outcome]
    outcomes: list[Outcome]
    start: list[Process] | None
    """The server's processes after the warm-up; None when they cannot be seen."""
    end: list[Process] | None
    quiet_at_end: bool | None
    """Whether the server's processes had stopped using CPU when ``end`` was measured."""


def soak(settings: SoakSettings, progress: Progress) -> SoakRun:
    """Start (or find) the server, warm it up, send the traffic, and measure it at both ends."""
    with Canary() as canary, _server(settings) as base:
        port = local_port(base)
        requests = mix(port, canary.url, settings.answer_within)
        root = server_root(port)
        progress(f"warm-up against {base}")
        warmed = warm_up(port, requests, settings.answer_within)
        time.sleep(_SETTLE)
        start = tree(root) if root else None
        planned = plan(requests, round(settings.rate * settings.seconds), settings.seed)
        progress(f"soak: {len(planned)} mixed requests over {settings.seconds:g} s")
        run = _Traffic(port, settings)
        sources = loopback_sources(settings.concurrency + settings.runaways)
        clients, lanes = sources[: settings.concurrency], sources[settings.concurrency :]
        started = time.monotonic()
        _run_all(
            [(run.client, (planned, started, source)) for source in clients]
            + [(run.lane, (number, started, source)) for number, source in enumerate(lanes)]
        )
        seconds = time.monotonic() - started
        progress("waiting for the last runaway to be stopped and the server to settle")
        time.sleep(max(0.0, run.runaways_busy_until + _SETTLE - time.monotonic()))
        quiet = wait_until_quiet(root, settings.answer_within) if root else None
        time.sleep(_SETTLE)
        return SoakRun(
            settings=settings,
            base=base,
            canary_url=canary.url,
            canary_connections=canary.connections,
            sources=sources,
            planned=len(planned),
            seconds=round(seconds, 3),
            warm_up=warmed,
            outcomes=run.outcomes,
            start=start,
            end=tree(root) if root else None,
            quiet_at_end=quiet,
        )
