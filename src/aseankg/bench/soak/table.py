"""The soak's figures as a plain-text table, like the other benchmark reports."""

from typing import Any

from aseankg.bench.soak.report import MEMORY_GROWTH


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


def _mb(kb: int | None) -> str:
    return "-" if kb is None else f"{kb / 1024:.1f}"


def _span(addresses: list[str]) -> str:
    return addresses[0] if len(addresses) == 1 else f"{addresses[0]}-{addresses[-1]}"


def _sources(sources: list[str], clients: int) -> str:
    if len(set(sources)) < len(sources):
        return "every client from 127.0.0.1"
    lanes = sources[clients:]
    return f"clients from {_span(sources[:clients])}" + (
        f", runaways from {_span(lanes)}" if lanes else ""
    )


def _request_lines(found: dict[str, Any]) -> list[str]:
    lines = [f"{'requests':18} {'sent':>6} {'expected':>9} {'p50 ms':>9} {'p99 ms':>9}  statuses"]
    for kind, part in found["kinds"].items():
        statuses = " ".join(f"{status}:{count}" for status, count in part["statuses"].items())
        lines.append(
            f"  {kind:16} {part['sent']:6} {part['expected']:9} {_ms(part['p50_ms']):>9} "
            f"{_ms(part['p99_ms']):>9}  {statuses}"
        )
    kinds = found["kinds"].values()
    lines.append(
        f"  {'all':16} {sum(p['sent'] for p in kinds):6} {sum(p['expected'] for p in kinds):9}"
    )
    warm_up = found["warm_up"]
    lines.append(
        f"{found['sent']} of {found['planned']} planned mixed requests sent; traffic took "
        f"{found['seconds']:g} s with the last runaway's answer; warm-up {warm_up['sent']} "
        f"requests, {warm_up['expected']} as expected"
    )
    return lines


def _memory_lines(memory: dict[str, Any] | None, processes: dict[str, int] | None) -> list[str]:
    if memory is None or processes is None:
        return ["memory           not measured"]
    rows: dict[int, dict[str, Any]] = {}
    for side in ("start", "end"):
        for process in memory[side]:
            rows.setdefault(process["pid"], {"parent": process["parent"]})[side] = process
    lines = [f"{'memory, VmRSS MB':24} {'start':>8} {'end':>8}"]

    def visit(pid: int, depth: int) -> None:
        row = rows[pid]
        start, end = (row.get(side, {}).get("rss_kb") for side in ("start", "end"))
        lines.append(
            f"  {' ' * 2 * depth}{'pid ' + str(pid):{22 - 2 * depth}} {_mb(start):>8} {_mb(end):>8}"
        )
        for child in sorted(child for child, other in rows.items() if other["parent"] == pid):
            visit(child, depth + 1)

    for root in sorted(pid for pid, row in rows.items() if row["parent"] not in rows):
        visit(root, 0)
    lines += [
        f"  {'total':22} {_mb(memory['start_kb']):>8} {_mb(memory['end_kb']):>8}   "
        f"end/start {memory['ratio']:g} (at most {MEMORY_GROWTH:g})",
        f"  {'total Pss':22} {_mb(memory['start_pss_kb']):>8} {_mb(memory['end_pss_kb']):>8}   "
        "(shared pages divided among the processes sharing them)",
        f"processes        {processes['start']} at the start, {processes['end']} at the end",
    ]
    return lines


def render(found: dict[str, Any]) -> str:
    settings, server = found["settings"], found["server"]
    how = "started by the soak" if server["started"] else "already running"
    verdict = [f"FAIL  {line}" for line in found["failures"]] or [
        "PASS  no 500, no 5xx for a request that should succeed, every request answered, "
        "no canary connection, memory within bounds"
    ]
    return "\n".join(
        [
            f"aseankg soak of {server['base']} ({how}; time limit {settings['timeout']:g} s)",
            f"{settings['minutes'] * 60:g} s: {settings['rate']:g} mixed requests/s from "
            f"{settings['concurrency']} clients, runaways {settings['runaways']} at a time, "
            f"seed {settings['seed']}; {_sources(found['sources'], settings['concurrency'])}",
            "",
            *_request_lines(found),
            "",
            *_memory_lines(found["memory"], found["processes"]),
            f"canary           {found['canary']['connections']} connections",
            "",
            *verdict,
            *(f"note  {line}" for line in found["notes"]),
        ]
    )
