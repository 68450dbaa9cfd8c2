"""The soak's figures, its verdict, and its table.

The verdict is read from the figures alone, so the JSON file holds everything the
table judged. A run fails on: a 500; any other 5xx for a request that should have
succeeded; a 503 without Retry-After; a request that got no answer; a connection to
the canary; or total resident memory at the end above 1.2 times the start. Other
unexpected answers (a malformed request stopped with a 503, say) are noted.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from aseankg.bench.soak import traffic
from aseankg.bench.soak.client import Outcome
from aseankg.bench.soak.mix import WEIGHTS
from aseankg.bench.soak.processes import Process
from aseankg.bench.soak.run import SoakRun
from aseankg.bench.stats import percentile

#: Most end/start ratio of the server's total resident memory.
MEMORY_GROWTH = 1.2
KINDS = (*WEIGHTS, traffic.RUNAWAY, traffic.RUNAWAY_HUNG_UP)
NO_ANSWER = "no answer"
HUNG_UP = "hung up"


def _status(outcome: Outcome) -> int | str:
    if outcome.status is not None:
        return outcome.status
    return NO_ANSWER if outcome.error else HUNG_UP


def _milliseconds(samples: Sequence[float], fraction: float) -> float | None:
    return round(percentile(samples, fraction) * 1000, 3) if samples else None


def _counts(outcomes: Iterable[Outcome]) -> dict[str, int]:
    counted = Counter(str(_status(outcome)) for outcome in outcomes)
    return dict(sorted(counted.items()))


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Counts by status (and by case), the unexpected ones, and latency of the expected answers."""
    answered = [o.seconds for o in outcomes if o.expected and o.status is not None]
    unexpected = Counter(
        (f"{o.kind}/{o.case}", _status(o), o.error, o.should_succeed)
        for o in outcomes
        if not o.expected
    )
    cases = sorted({outcome.case for outcome in outcomes})
    return {
        "sent": len(outcomes),
        "expected": sum(outcome.expected for outcome in outcomes),
        "statuses": _counts(outcomes),
        "cases": {case: _counts(o for o in outcomes if o.case == case) for case in cases},
        "unexpected": [
            {
                "request": request,
                "status": status,
                "error": error,
                "should_succeed": should_succeed,
                "count": count,
            }
            for (request, status, error, should_succeed), count in sorted(
                unexpected.items(), key=str
            )
        ],
        "no_retry_after": sum(o.status == 503 and not o.retry_after for o in outcomes),
        "p50_ms": _milliseconds(answered, 0.5),
        "p99_ms": _milliseconds(answered, 0.99),
    }


def _memory(start: list[Process] | None, end: list[Process] | None) -> dict[str, Any] | None:
    if not start or not end:
        return None
    before, after = (sum(process.rss_kb for process in side) for side in (start, end))
    return {
        "start": [asdict(process) for process in start],
        "end": [asdict(process) for process in end],
        "start_kb": before,
        "end_kb": after,
        "ratio": round(after / before, 3),
        "start_pss_kb": sum(process.pss_kb for process in start),
        "end_pss_kb": sum(process.pss_kb for process in end),
    }


def figures(run: SoakRun) -> dict[str, Any]:
    """Everything the run measured, as JSON-ready data, with its failures and notes."""
    found: dict[str, Any] = {
        "settings": {
            **asdict(run.settings),
            "data_dir": run.settings.data_dir and str(run.settings.data_dir),
        },
        "server": {"base": run.base, "started": run.settings.url is None},
        "canary": {"url": run.canary_url, "connections": run.canary_connections},
        "sources": run.sources,
        "planned": run.planned,
        "sent": sum(o.kind in WEIGHTS for o in run.outcomes),
        "seconds": run.seconds,
        "warm_up": summary(run.warm_up),
        "kinds": {
            kind: summary([o for o in run.outcomes if o.kind == kind])
            for kind in KINDS
            if any(o.kind == kind for o in run.outcomes)
        },
        "memory": _memory(run.start, run.end),
        "processes": {"start": len(run.start), "end": len(run.end)}
        if run.start and run.end
        else None,
        "quiet_at_end": run.quiet_at_end,
    }
    return {**found, "failures": failures(found), "notes": notes(found)}


def _listing(entries: Iterable[dict[str, Any]]) -> str:
    return ", ".join(f"{entry['request']} x{entry['count']}" for entry in entries)


def _breaks_the_run(entry: dict[str, Any]) -> bool:
    """A 500, or another 5xx for a request that should have succeeded."""
    status = entry["status"]
    if not isinstance(status, int) or status < 500:
        return False
    return status == 500 or entry["should_succeed"]


def _requests(count: int) -> str:
    return f"{count} request" + ("" if count == 1 else "s")


def failures(found: dict[str, Any]) -> list[str]:
    """One line per rule the run broke; empty when it passed."""
    summaries = [found["warm_up"], *found["kinds"].values()]
    unexpected = [entry for part in summaries for entry in part["unexpected"]]
    lines = []
    for status in sorted({e["status"] for e in unexpected if _breaks_the_run(e)}):
        entries = [e for e in unexpected if e["status"] == status and _breaks_the_run(e)]
        count = sum(e["count"] for e in entries)
        lines.append(f"status {status} answered {_requests(count)}: {_listing(entries)}")
    silent = [entry for entry in unexpected if entry["status"] == NO_ANSWER]
    if silent:
        count = sum(e["count"] for e in silent)
        lines.append(
            f"no answer came to {_requests(count)}: {_listing(silent)} ({silent[0]['error']})"
        )
    missing = sum(part["no_retry_after"] for part in summaries)
    if missing:
        lines.append(f"status 503 without Retry-After answered {_requests(missing)}")
    if found["canary"]["connections"]:
        lines.append(
            f"the canary was connected to {found['canary']['connections']} times: "
            "the server fetched a URL that a request named"
        )
    memory = found["memory"]
    if memory and memory["ratio"] > MEMORY_GROWTH:
        lines.append(
            f"resident memory grew from {memory['start_kb'] / 1024:.1f} MB to "
            f"{memory['end_kb'] / 1024:.1f} MB (x{memory['ratio']}, more than x{MEMORY_GROWTH})"
        )
    return lines


def notes(found: dict[str, Any]) -> list[str]:
    """What is worth knowing but breaks no rule."""
    lines = []
    odd = [
        entry
        for part in [found["warm_up"], *found["kinds"].values()]
        for entry in part["unexpected"]
        if isinstance(entry["status"], int) and not _breaks_the_run(entry)
    ]
    for entry in odd:
        lines.append(f"{entry['request']} got {entry['status']} x{entry['count']}")
    if found["sent"] < found["planned"]:
        lines.append(
            f"{found['planned'] - found['sent']} of {found['planned']} planned requests were "
            "not sent in time: the clients fell behind"
        )
    if found["memory"] is None:
        lines.append("memory not measured: no process of this user listens on the server's port")
    elif found["processes"]["start"] != found["processes"]["end"]:
        lines.append(
            f"the server had {found['processes']['start']} processes at the start and "
            f"{found['processes']['end']} at the end"
        )
    if found["quiet_at_end"] is False:
        lines.append(
            "the server's processes were still using CPU when memory was measured at the end"
        )
    return lines
