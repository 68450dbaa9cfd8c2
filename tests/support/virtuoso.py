"""A real OpenLink Virtuoso for tests, on free loopback ports, with a database of its own.

Virtuoso reads everything from its ini file, so each run writes one into a temporary
folder that also holds the database, its log and nothing else Virtuoso may touch
(``DirsAllowed``). A database starts with the well-known ``dba``/``dba`` login, so the
first run only sets a random password (``virtuoso-t +pwdold``, which opens no port and
exits); the server that answers requests never knows the default one.

Stores answer SPARQL at ``/sparql`` and, for an authenticated user (HTTP Digest), SPARQL
Update at ``/sparql-auth`` and the Graph Store Protocol at ``/sparql-graph-crud-auth``;
``dba`` may do both without further grants.
"""

import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from aseankg.bench.servers import free_port

#: Virtuoso's settings; buffers sized as its own sample ini advises for 1 GB of memory.
INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {folder}
NumberOfBuffers = 85000
MaxDirtyBuffers = 65000
MaxQueryMem = 256M

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 10

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 30
MaxQueryCostEstimationTime = 60
"""

PROBE = "/sparql?query=ASK%7B%7D"
#: In the foreground Virtuoso logs to its standard output, which goes here.
LOG = "virtuoso.log"


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso and what a client needs to read from it and load into it."""

    base: str
    """Base URL of its HTTP server, e.g. ``http://127.0.0.1:41234``."""
    sql_port: int
    """Its SQL (ISQL/ODBC) port, also on 127.0.0.1."""
    user: str
    password: str
    """``user``'s password, set at the first start (HTTP Digest on the ``-auth`` routes)."""
    folder: Path
    """Holds the ini file, the database and the log."""
    start_seconds: float
    """From creating the database to the first answered query."""

    @property
    def query_url(self) -> str:
        return f"{self.base}/sparql"

    @property
    def update_url(self) -> str:
        """SPARQL Update (``update=`` form or ``application/sparql-update`` body)."""
        return f"{self.base}/sparql-auth"

    @property
    def graph_store_url(self) -> str:
        """Graph Store Protocol, named graphs only: ``?graph-uri=IRI``."""
        return f"{self.base}/sparql-graph-crud-auth"

    @property
    def log(self) -> Path:
        return self.folder / LOG

    def opener(self) -> urllib.request.OpenerDirector:
        """A urllib opener that answers the ``-auth`` routes' Digest challenge as ``user``."""
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, self.base, self.user, self.password)
        return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))


def virtuoso_binary() -> str:
    found = shutil.which("virtuoso-t")
    if found is None:
        raise RuntimeError(
            "virtuoso-t is missing: apt-get install virtuoso-opensource (.ci/run does)"
        )
    return found


@contextmanager
def running_virtuoso(ready_within: float = 60.0) -> Iterator[Virtuoso]:
    """Start Virtuoso in a fresh temporary folder; yield it, then stop it and delete it."""
    with tempfile.TemporaryDirectory(prefix="virtuoso-") as name:
        folder = Path(name)
        sql_port, http_port = free_port(), free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
        password = secrets.token_urlsafe(15)  # 20 characters: +pwddba ignores longer ones
        started = time.perf_counter()
        _set_dba_password(ini, password, folder)
        command = [virtuoso_binary(), "+configfile", str(ini), "+foreground"]
        with (folder / LOG).open("ab") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        base = f"http://127.0.0.1:{http_port}"
        try:
            _wait_until_answering(base + PROBE, process, ready_within, folder)
            yield Virtuoso(
                base=base,
                sql_port=sql_port,
                user="dba",
                password=password,
                folder=folder,
                start_seconds=round(time.perf_counter() - started, 3),
            )
        finally:
            _stop(process)


def _set_dba_password(ini: Path, password: str, folder: Path) -> None:
    """Create the database and replace the default ``dba`` (and ``dav``) password."""
    command = [virtuoso_binary(), "+configfile", str(ini), "+foreground", "+pwdold", "dba"]
    command += ["+pwddba", password, "+pwddav", password]
    try:
        with (folder / LOG).open("ab") as log:
            subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=True, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        raise RuntimeError(f"Virtuoso could not set its password:\n{_tail(folder)}") from error


def _wait_until_answering(
    url: str, process: subprocess.Popen[bytes], limit: float, folder: Path
) -> None:
    """Until ``url`` answers 200: SPARQL is ready once the HTTP server is."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Virtuoso exited with {process.returncode}:\n{_tail(folder)}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise RuntimeError(f"Virtuoso did not answer {url} within {limit} s:\n{_tail(folder)}")


def _tail(folder: Path, lines: int = 30) -> str:
    """The end of Virtuoso's log."""
    return "\n".join((folder / LOG).read_text(errors="replace").splitlines()[-lines:])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM makes Virtuoso shut down quickly; SIGKILL if it does not."""
    try:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
