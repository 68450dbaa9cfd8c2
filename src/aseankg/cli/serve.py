"""``aseankg serve``: the SPARQL endpoint and linked-data server."""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from aseankg.cli.errors import reports_input_errors
from aseankg.cli.options import (
    LIMITS,
    articles_option,
    data_option,
    max_rows_option,
    store_kind_option,
    timeout_option,
)
from aseankg.engine import DEFAULT_CACHE_BYTES, DEFAULT_QUERY_WORKERS, Limits

MB = 1024 * 1024


class PortError(click.ClickException):
    """The port cannot be listened on: one line, exit status 2."""

    exit_code = 2


class StoreUnusable(click.ClickException):
    """The store cannot be opened or reached: one line, exit status 2."""

    exit_code = 2


class BaseUrl(click.ParamType):
    """An absolute http(s) URL, kept with a trailing slash."""

    name = "URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        parts = urlsplit(str(value))
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            self.fail(
                f"'{value}' is not an http(s) URL such as https://kg.example.org/", param, ctx
            )
        return str(value).rstrip("/") + "/"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@data_option
@articles_option
@click.option(
    "--store",
    metavar="PATH|URL",
    help="Serve a store instead of the files: the PATH of a store written by aseankg load "
    "(opened read-only, nothing parsed), or the SPARQL query URL of a store server "
    "(Oxigraph, Virtuoso, any SPARQL 1.1 store) holding what aseankg load put there. "
    "Credentials come from ASEANKG_STORE_USER and ASEANKG_STORE_PASSWORD, or a netrc file.",
)
@store_kind_option
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Web worker processes.",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(min=1),
    help="Python threads per web worker for pages, dumps and cached answers; queries have "
    "threads of their own, so these never wait behind queries.",
)
@click.option(
    "--query-workers",
    default=DEFAULT_QUERY_WORKERS,
    show_default=True,
    type=click.IntRange(min=1),
    help="Query processes per web worker; each runs one query at a time.",
)
@timeout_option("the client gets 503")
@max_rows_option
@click.option(
    "--max-query-length",
    default=LIMITS.max_query_length,
    show_default=True,
    type=click.IntRange(min=1),
    help="Longest query text accepted, in characters (longer gets 413).",
)
@click.option(
    "--max-result-mb",
    default=LIMITS.max_result_bytes // MB,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest result, in megabytes of the chosen format; the query is stopped past it (503).",
)
@click.option(
    "--query-memory-mb",
    default=LIMITS.query_memory_bytes // MB,
    show_default=True,
    type=click.IntRange(min=16),
    help="Memory one query may take in its query process beyond the shared data, in "
    "megabytes; past it the process is stopped and replaced (503). Linux only.",
)
@click.option(
    "--share-by-client/--no-share-by-client",
    default=True,
    show_default=True,
    help="Share the query processes out by client address: one client may hold all but "
    "one of them and have as many queries running or waiting as there are processes "
    "(429 past that). Behind a proxy, give --trust-proxy so that the addresses are the "
    "clients', or turn this off; turn it off too to benchmark with many clients from one "
    "address.",
)
@click.option(
    "--cache-mb",
    default=DEFAULT_CACHE_BYTES // MB,
    show_default=True,
    type=click.IntRange(min=0),
    help="Megabytes of query results, and again of whole responses, kept per web worker "
    "(the data never changes while serving); 0 keeps none.",
)
@click.option(
    "--served-base",
    type=BaseUrl(),
    help="The URL where https://w3id.org/aseankg/ is served, for the links of pages "
    "(behind a proxy, say). Default: the root of whatever host a request came to.",
)
@click.option(
    "--trust-proxy",
    "proxy_hops",
    type=click.IntRange(min=1),
    is_flag=False,
    flag_value=1,
    default=None,
    metavar="[HOPS]",
    help="Believe the X-Forwarded-Proto, -Host, -Port, -Prefix and -For headers of the "
    "HOPS proxies nearest the server (1 when no number is given): links then use the URL "
    "the client asked for, and the client address is the one the proxy saw. Without it "
    "those headers are ignored, since any client can send them. --served-base, when "
    "given, still decides the links.",
)
@click.option("--access-log", is_flag=True, help="Log every request to standard output.")
@click.option("--dev", is_flag=True, help="Flask's development server with the reloader.")
@reports_input_errors
def serve(
    host: str,
    port: int,
    data_dir: Path | None,
    article_dirs: tuple[Path, ...],
    store: str | None,
    store_kind: str | None,
    workers: int,
    threads: int,
    query_workers: int,
    timeout: float,
    max_rows: int,
    max_query_length: int,
    max_result_mb: int,
    query_memory_mb: int,
    share_by_client: bool,
    cache_mb: int,
    served_base: str | None,
    proxy_hops: int | None,
    access_log: bool,
    dev: bool,
) -> None:
    """Serve the knowledge graph: SPARQL endpoint, canned queries and linked data.

    The data is loaded once, before the web workers start; a file that does not
    parse stops the command with exit status 2 and a file:line message. With
    --store, nothing is loaded: the store is opened, or asked whether it answers,
    and a store that cannot be used stops the command with exit status 2. A store
    server that goes down while serving gives 502, one too slow for the time limit
    504; answers already cached are still served.
    """
    # The web stack is imported here, not at the top: other commands start faster without it.
    if store and (data_dir or article_dirs):
        raise click.UsageError(
            "--store serves what aseankg load put in the store; give --data and --article "
            "to aseankg load instead"
        )
    from aseankg.backends import StoreError
    from aseankg.web import Settings, create_app
    from aseankg.web.server import PortUnavailable, check_port
    from aseankg.web.server import serve as run_server

    try:
        check_port(host, port)  # before loading the data, so a busy port is reported at once
        settings = Settings(
            store=store,
            store_kind=store_kind,
            data_dir=data_dir,
            article_dirs=article_dirs,
            limits=Limits(
                timeout=timeout,
                max_rows=max_rows,
                max_query_length=max_query_length,
                max_result_bytes=max_result_mb * MB,
                query_memory_bytes=query_memory_mb * MB,
                share_by_client=share_by_client,
            ),
            query_workers=query_workers,
            cache_bytes=cache_mb * MB,
            served_base=served_base,
            proxy_hops=proxy_hops or 0,
        )
        app = create_app(settings)
        if dev:
            app.run(host=host, port=port, debug=True, use_reloader=True)
            return
        run_server(
            app, host=host, port=port, workers=workers, threads=threads, access_log=access_log
        )
    except PortUnavailable as error:
        raise PortError(str(error)) from None
    except StoreError as error:
        raise StoreUnusable(str(error)) from None
