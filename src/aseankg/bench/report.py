"""The benchmark's table, and which of the performance targets the figures meet."""

from dataclasses import dataclass
from typing import Any

from aseankg.bench.workload import HTTP_CANNED

#: Nearest size to this many quads is where the large-graph targets are judged.
LARGE = 1_000_000


@dataclass(frozen=True)
class Target:
    name: str
    met: bool | None
    """None when the run has no figure for it (size not measured, or skipped)."""
    detail: str


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return "-"
    return f"{numerator / denominator:.3g}"


def _ms(figures: dict[str, Any] | None) -> str:
    if not figures:
        return "-"
    if "timeout_s" in figures:
        return f">{figures['timeout_s']:g}s"
    return f"{figures['median_ms']:.3g}"


def _latencies(load: dict[str, Any]) -> str:
    """p50/p99 in ms, or why there are none (no response came back within the run)."""
    if not load["requests"]:
        return f"none in {load['seconds']:g} s"
    errors = f" ({load['errors']} errors)" if load.get("errors") else ""
    return f"{load['p50_ms']:.3g}/{load['p99_ms']:.3g}{errors}"


def _size_lines(size: dict[str, Any]) -> list[str]:
    load = size["load"]
    lines = [
        f"== {size['stories']} stories, {size['quads']:,} quads",
        f"load             aseankg {load['aseankg']['seconds']:.3g} s "
        f"({load['aseankg']['peak_rss_mb']:g} MB peak)   rdflib {load['rdflib']['seconds']:.3g} s "
        f"({load['rdflib']['peak_rss_mb']:g} MB)   aseankg/rdflib "
        f"{_ratio(load['aseankg']['seconds'], load['rdflib']['seconds'])}",
    ]
    checked = size["validation"]
    if "skipped" in checked:
        lines.append(f"validation       skipped: {checked['skipped']}")
    else:
        lines.append(
            f"validation       pySHACL {checked['pyshacl']['seconds']:.3g} s   pyrudof "
            f"{checked['pyrudof']['seconds']:.3g} s (not offered: see docs/benchmarks.md)"
        )
    lines.append(f"{'query, median ms':40} {'aseankg':>9} {'p95':>9} {'rdflib':>9} {'ratio':>8}")
    engine, rdflib = size["queries"]["aseankg"], size["queries"]["rdflib"]
    for name, figures in engine.items():
        if name.endswith("(store, in process)"):
            continue
        other = rdflib.get(name)
        other_median = other.get("median_ms") if other else None
        lines.append(
            f"  {name:38} {figures['median_ms']:9.3g} {figures['p95_ms']:9.3g} "
            f"{_ms(other):>9} {_ratio(figures['median_ms'], other_median):>8}"
        )
    lines.append(
        f"{'HTTP, 8 clients':40} {'aseankg/s':>9} {'oxigraph/s':>10} {'ratio':>8} "
        f"{'p50/p99 ms aseankg':>20} {'oxigraph':>14}"
    )
    ours, theirs = size["http"]["aseankg"], size["http"]["oxigraph"]
    for kind in ("canned", "adhoc"):
        a, o = ours[kind], theirs[kind]
        lines.append(
            f"  {kind + ' (' + a['client'] + ')':38} {a['requests_per_second']:9.0f} "
            f"{o['requests_per_second']:10.0f} "
            f"{_ratio(a['requests_per_second'], o['requests_per_second']):>8} "
            f"{_latencies(a):>20} {_latencies(o):>14}"
        )
    fresh = ours["adhoc_sequential_fresh"]["median_ms"]
    store = engine.get("join (store, in process)", {}).get("median_ms")
    lines += [
        f"ad-hoc join, one client: HTTP {fresh:.3g} ms (query run anew), "
        f"{ours['adhoc_sequential_repeated']['median_ms']:.3g} ms (repeated, cached); "
        f"in process {store:.3g} ms; HTTP/in-process {_ratio(fresh, store)}",
        f"first answer     aseankg {ours['first_answer_s']:.3g} s   oxigraph "
        f"{theirs['first_answer_s']:.3g} s (after its own load into RocksDB, "
        f"{theirs['load_s']:.3g} s)",
    ]
    return lines


#: The backends in the order the table shows them, with their labels.
BACKENDS = {
    "memory": "in memory",
    "disk": "on disk",
    "oxigraph": "Oxigraph server",
    "virtuoso": "Virtuoso",
}


def _pair(figures: dict[str, Any] | None) -> str:
    return f"{figures['median_ms']:.3g}/{figures['p95_ms']:.3g}" if figures else "-"


def overhead(backend: dict[str, Any]) -> dict[str, float]:
    """aseankg's p50 over the store's own, per canned query (store servers only)."""
    direct = backend.get("direct") or {}
    return {
        name: figures["median_ms"] / direct[name]["median_ms"]
        for name, figures in backend["canned"].items()
        if name in direct and direct[name]["median_ms"]
    }


def _middle(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def backend_lines(size: dict[str, Any]) -> list[str]:
    """The backends' table: load, first answer, memory, then every canned query cold."""
    measured = {key: size["backends"][key] for key in BACKENDS if key in size["backends"]}
    lines = [f"{'backend':20} {'load s':>8} {'first answer s':>15} {'memory MB':>10}"]
    for key, backend in measured.items():
        load = "-" if backend["load_s"] is None else f"{backend['load_s']:.3g}"
        lines.append(
            f"  {BACKENDS[key]:18} {load:>8} {backend['first_answer_s']:15.3g} "
            f"{backend['memory_mb']:10g}"
        )
    remote = [key for key in measured if "direct" in measured[key]]
    header = f"{'canned, cold p50/p95 ms':32}" + "".join(f" {BACKENDS[k]:>17}" for k in measured)
    header += "".join(f" {'direct ' + k:>17} {'ratio':>6}" for k in remote)
    lines.append(header)
    for name in measured["memory"]["canned"]:
        row = f"  {name:30}" + "".join(
            f" {_pair(b['canned'].get(name)):>17}" for b in measured.values()
        )
        for key in remote:
            ratio = overhead(measured[key]).get(name)
            row += f" {_pair(measured[key]['direct'].get(name)):>17} {ratio or 0:6.2f}"
        lines.append(row)
    for key in remote:
        through = measured[key]["throughput"]
        store = through["store"]
        lines.append(
            f"{BACKENDS[key]}: {HTTP_CANNED} under load, aseankg cached "
            f"{through['aseankg']['requests_per_second']:.0f} req/s, the store itself "
            + (f"{store['requests_per_second']:.0f} req/s" if store else "not measured")
        )
    return lines


def backend_targets(size: dict[str, Any]) -> list[Target]:
    found = []
    quads = f"{size['quads']:,} quads"
    for key, backend in size["backends"].items():
        ratios = overhead(backend)
        if not ratios:
            continue
        middle, worst = _middle(list(ratios.values())), max(ratios, key=ratios.__getitem__)
        found.append(
            Target(
                f"aseankg in front of {BACKENDS[key]} within 1.2x, cold canned queries ({quads})",
                middle <= 1.2,
                f"median ratio {middle:.2f}, largest {ratios[worst]:.2f} ({worst})",
            )
        )
        through = backend["throughput"]
        if through["store"] is None:
            continue
        ours, theirs = (through[side]["requests_per_second"] for side in ("aseankg", "store"))
        found.append(
            Target(
                f"cached canned answers >= {BACKENDS[key]}'s own throughput ({quads})",
                ours >= theirs,
                f"{ours:.0f} vs {theirs:.0f} req/s",
            )
        )
    return found


def targets(results: dict[str, Any]) -> list[Target]:
    """The issue's targets, judged on this run's figures."""
    sizes = results["sizes"]
    found: list[Target] = []
    for size in sizes:
        found += backend_targets(size)
        ours, theirs = size["http"]["aseankg"], size["http"]["oxigraph"]
        a, o = ours["canned"]["requests_per_second"], theirs["canned"]["requests_per_second"]
        found.append(
            Target(
                f"canned-query throughput >= Oxigraph server ({size['quads']:,} quads)",
                a >= o,
                f"{a:.0f} vs {o:.0f} req/s",
            )
        )
        fresh = ours["adhoc_sequential_fresh"]["median_ms"]
        store = size["queries"]["aseankg"]["join (store, in process)"]["median_ms"]
        found.append(
            Target(
                f"ad-hoc query over HTTP within 1.3x of in process ({size['quads']:,} quads)",
                fresh <= 1.3 * store,
                f"{fresh:.3g} ms vs {store:.3g} ms",
            )
        )
    large = min(sizes, key=lambda size: abs(size["quads"] - LARGE))
    if abs(large["quads"] - LARGE) <= LARGE // 2:
        load = large["load"]["aseankg"]["seconds"]
        found.append(Target("load of ~1M quads under 5 s", load < 5, f"{load:.3g} s"))
        disk, memory = large["backends"]["disk"], large["backends"]["memory"]
        found.append(
            Target(
                "on-disk store: first answer under 1 s at ~1M quads",
                disk["first_answer_s"] < 1,
                f"{disk['first_answer_s']:.3g} s (in memory {memory['first_answer_s']:.3g} s)",
            )
        )
        found.append(
            Target(
                "on-disk store: memory well under the in-memory store's at ~1M quads",
                disk["memory_mb"] < memory["memory_mb"] / 2,
                f"{disk['memory_mb']:g} MB vs {memory['memory_mb']:g} MB",
            )
        )
        engine, rdflib = large["queries"]["aseankg"], large["queries"]["rdflib"]
        canned = {
            name: figures["median_ms"]
            for name, figures in engine.items()
            if name not in ("join", "aggregate") and "(store" not in name
        }
        slowest = max(canned, key=canned.__getitem__)
        found.append(
            Target(
                "every canned query under 100 ms at ~1M quads",
                canned[slowest] < 100,
                f"slowest {slowest} {canned[slowest]:.3g} ms",
            )
        )
        for name in ("join", "aggregate"):
            other = rdflib.get(name, {})
            ratio = (other.get("median_ms") or other.get("timeout_s", 0) * 1000) / engine[name][
                "median_ms"
            ]
            found.append(
                Target(
                    f"{name} at least 10x faster than rdflib at ~1M", ratio >= 10, f"{ratio:.3g}x"
                )
            )
    else:
        found.append(Target("large-graph targets", None, "no size near 1M quads was measured"))
    bundled = next((size for size in sizes if size["stories"] == 10), None)
    if bundled and "pyshacl" in bundled["validation"]:
        seconds = bundled["validation"]["pyshacl"]["seconds"]
        found.append(
            Target("validation of the bundled graph under 2 s", seconds < 2, f"{seconds:.3g} s")
        )
    return found


def render(results: dict[str, Any]) -> str:
    machine = results["machine"]
    lines = [
        f"aseankg benchmark on {machine['platform']} ({machine['processor']}, "
        f"{machine['cpus']} CPUs, Python {machine['python']})",
        "ratio = aseankg / baseline: below 1 is faster for times, above 1 is faster for req/s",
        "",
    ]
    for size in results["sizes"]:
        lines += [*_size_lines(size), *backend_lines(size), ""]
    lines.append("targets")
    for target in targets(results):
        mark = {True: "met", False: "NOT met", None: "n/a"}[target.met]
        lines.append(f"  {mark:8} {target.name}: {target.detail}")
    return "\n".join(lines)
