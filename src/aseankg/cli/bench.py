"""``aseankg bench``: synthetic data, and measurements of how the system grows."""

import json
from pathlib import Path

import click

from aseankg.bench.generate import generate as generate_folder
from aseankg.bench.report import render
from aseankg.bench.run import Settings
from aseankg.bench.run import run as run_benchmark
from aseankg.bench.soak.settings import SoakSettings, local_port
from aseankg.cli.export import write_atomically
from aseankg.cli.options import data_option, timeout_option

#: The runner's defaults live in ``Settings``; the options show them, never repeat them.
DEFAULTS = Settings(stories=(), work_dir=Path("bench-work"))

#: The soak's defaults, likewise.
SOAK = SoakSettings()

#: ``--seed``: the same seed gives the same synthetic files (generate and run).
seed_option = click.option(
    "--seed",
    type=int,
    default=DEFAULTS.seed,
    show_default=True,
    help="Same seed, same files (and the same soak traffic).",
)


@click.group()
def bench() -> None:
    """Generate synthetic graphs and measure load, validation and query speed."""


@bench.command()
@click.option(
    "--stories",
    type=click.IntRange(min=0),
    required=True,
    help="Synthetic stories to add to the ten real ones (about 70 triples each; "
    "14000 makes about 1M triples).",
)
@seed_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to create (laid out like data/); it must not exist yet.",
)
def generate(stories: int, seed: int, out_dir: Path) -> None:
    """Write the bundled data plus synthetic stories into a new folder.

    The folder is laid out like data/ and works with --data of serve, query and
    validate. The real stories stay in, so canned queries about real entities keep
    their answers while the graph grows.
    """
    if out_dir.exists():
        raise click.BadParameter(
            f"{out_dir} already exists; choose a new folder", param_hint="--out"
        )
    summary = generate_folder(out_dir, stories, seed)
    click.echo(f"wrote {summary.stories} stories in {summary.files} files to {out_dir}")


def _story_counts(_: click.Context, __: click.Parameter, value: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a comma-separated list of numbers") from None
    if any(count < 0 for count in counts):
        raise click.BadParameter("story counts cannot be negative")
    return counts


@bench.command()
@click.option(
    "--stories",
    default="0,1400,14000",
    show_default=True,
    callback=_story_counts,
    help="Synthetic stories added to the ten real ones, one graph size per number "
    "(0 is the bundled data; 1400 is about 100k quads, 14000 about 1M).",
)
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULTS.work_dir,
    show_default=True,
    help="Where generated folders and Oxigraph stores are kept and reused between runs.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("bench-results.json"),
    show_default=True,
    help="File to write every figure to, as JSON.",
)
@seed_option
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=DEFAULTS.repeat,
    show_default=True,
    help="Timed runs of each query in process, after one warm-up run.",
)
@click.option(
    "--http-seconds",
    type=click.IntRange(min=1),
    default=DEFAULTS.http_seconds,
    show_default=True,
    help="Length of each HTTP load run, in seconds.",
)
@click.option(
    "--clients",
    type=click.IntRange(min=1),
    default=DEFAULTS.clients,
    show_default=True,
    help="Concurrent HTTP clients (keep-alive connections).",
)
@click.option(
    "--rdflib-timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULTS.rdflib_timeout,
    show_default=True,
    help="Seconds one rdflib query may take before it is abandoned (and reported so).",
)
@click.option(
    "--validate-up-to",
    type=click.IntRange(min=0),
    default=DEFAULTS.validate_up_to,
    show_default=True,
    help="Largest graph, in quads, to validate: pySHACL's memory grows far faster than the "
    "rest, and it runs out near 100,000 quads (1400 stories).",
)
@click.option(
    "--virtuoso",
    metavar="URL",
    help="The SPARQL query URL of a running Virtuoso to load and measure as a backend too "
    "(credentials in ASEANKG_STORE_USER and ASEANKG_STORE_PASSWORD).",
)
def run(
    stories: tuple[int, ...],
    work_dir: Path,
    out: Path,
    seed: int,
    repeat: int,
    http_seconds: int,
    clients: int,
    rdflib_timeout: float,
    validate_up_to: int,
    virtuoso: str | None,
) -> None:
    """Measure load, validation, queries and HTTP at each size, against rdflib and Oxigraph.

    Prints a table of medians with the ratios aseankg / baseline and the targets the
    figures meet, and writes every figure to --out. HTTP load uses wrk when it is
    installed (a Python client otherwise, which saturates long before the servers do).
    Progress goes to standard error.
    """
    settings = Settings(
        stories=stories,
        work_dir=work_dir,
        seed=seed,
        repeat=repeat,
        http_seconds=http_seconds,
        clients=clients,
        rdflib_timeout=rdflib_timeout,
        validate_up_to=validate_up_to,
        virtuoso=virtuoso,
    )
    results = run_benchmark(settings, lambda line: click.echo(line, err=True))
    write_atomically(out, json.dumps(results, indent=2).encode())
    click.echo(render(results))


@bench.command("compare-shacl")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def compare_shacl(files: tuple[Path, ...]) -> None:
    """Validate each FILE with pySHACL and with pyrudof and show where they disagree.

    FILE is validated with the bundled ontology and reference data, as
    `aseankg validate FILE` does; only the SHACL shapes are compared (the
    structural checks are SPARQL queries, the same for both).
    """
    from aseankg.bench.shacl_engines import compare  # pyrudof is needed by this command only

    comparisons = compare(files)
    for comparison in comparisons:
        verdict = "agree" if comparison.agree else "DIFFER"
        click.echo(f"{verdict:7} {comparison.file}")
        if comparison.pyrudof_error:
            click.echo(f"        pyrudof failed: {comparison.pyrudof_error}")
        for engine, findings in (
            ("pySHACL", comparison.only_pyshacl),
            ("pyrudof", comparison.only_pyrudof),
        ):
            for severity, focus, path in sorted(findings):
                click.echo(f"        only {engine}: {severity} {focus} {path}")
    agreeing = sum(comparison.agree for comparison in comparisons)
    click.echo(f"{agreeing} of {len(comparisons)} files give the same results with both engines")


def _local_url(_: click.Context, __: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            local_port(value)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None
    return value


@bench.command()
@click.option(
    "--minutes",
    type=click.FloatRange(min=0, min_open=True),
    default=SOAK.minutes,
    show_default=True,
    help="How long to send traffic (0.5 is thirty seconds).",
)
@click.option(
    "--rate",
    type=click.FloatRange(min=0, min_open=True),
    default=SOAK.rate,
    show_default=True,
    help="Mixed requests per second (runaway queries come on top).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=SOAK.concurrency,
    show_default=True,
    help="Clients sending the mixed requests, one connection per request.",
)
@click.option(
    "--runaways",
    type=click.IntRange(min=0),
    default=SOAK.runaways,
    show_default=True,
    help="Runaway queries kept running in the server at once.",
)
@seed_option
@click.option(
    "--url",
    callback=_local_url,
    help="Soak the server already running at this http URL on 127.0.0.1 or localhost "
    "instead of starting one.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Web worker processes of the server started."
)
@click.option(
    "--query-workers",
    type=click.IntRange(min=1),
    help="Query processes per web worker of the server started.",
)
@timeout_option("given to the server started; with --url, give that server's own limit")
@data_option
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write every figure to, as JSON.",
)
def soak(
    minutes: float,
    rate: float,
    concurrency: int,
    runaways: int,
    seed: int,
    url: str | None,
    workers: int | None,
    query_workers: int | None,
    timeout: float,
    data_dir: Path | None,
    json_out: Path | None,
) -> None:
    """Send a server mixed and hostile traffic for a while; judge its answers and memory.

    Starts `aseankg serve` on a free 127.0.0.1 port (or uses --url), warms it up,
    then sends cheap queries, canned queries, entity pages, dumps, VoID and the
    landing page, malformed requests and queries aimed at a loopback canary, while
    runaway queries (some from clients that hang up) keep query processes busy.
    Prints requests by kind and status with latencies, the resident memory of every
    server process at the start and the end, and the canary's connections.

    Exits 1 on a 500, on another 5xx for a request that should succeed, on a 503
    without Retry-After, on a request with no answer, on any canary connection, or
    when the server's total memory ends above 1.2 times its start.
    """
    from aseankg.bench.soak.report import figures
    from aseankg.bench.soak.run import soak as run_soak
    from aseankg.bench.soak.table import render as render_soak

    if url and (workers or query_workers or data_dir):
        raise click.UsageError(
            "--workers, --query-workers and --data are for the server the soak starts; "
            "leave them out with --url"
        )
    settings = SoakSettings(
        minutes=minutes,
        rate=rate,
        concurrency=concurrency,
        runaways=runaways,
        seed=seed,
        timeout=timeout,
        workers=workers,
        query_workers=query_workers,
        data_dir=data_dir,
        url=url,
    )
    try:
        found = figures(run_soak(settings, lambda line: click.echo(line, err=True)))
    except (OSError, RuntimeError) as error:
        raise click.ClickException(f"cannot soak {url or 'a new server'}: {error}") from error
    if json_out:
        write_atomically(json_out, json.dumps(found, indent=2).encode())
    click.echo(render_soak(found))
    if found["failures"]:
        raise SystemExit(1)
