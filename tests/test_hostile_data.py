"""A hostile file in a data folder: every command that loads one stops with a clear line.

The commands run as processes, as a user runs them, so that a crash of a parser shows as
a crash rather than taking the test run with it.
"""

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

#: Every case runs the command line in a process of its own.
pytestmark = pytest.mark.slow

TRIPLE = "<https://example.org/s> <https://example.org/p> "


def nested_collections(path: Path) -> int:
    path.write_text(f"{TRIPLE}{'(' * 1_000_000}{')' * 1_000_000} .\n", encoding="utf-8")
    return 1


def nested_triple_terms(path: Path) -> int:
    term = "<<( <https://example.org/s> <https://example.org/p> "
    path.write_text(f"\n{TRIPLE}{term * 100_000}1{' )>>' * 100_000} .\n", encoding="utf-8")
    return 2


def overlong_string(path: Path) -> None:
    path.write_text(f'{TRIPLE}"{"x" * 17_000_000}" .\n', encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def free_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


COMMANDS: dict[str, Callable[[], list[str]]] = {
    "query": lambda: ["query", "ASK {}"],
    "export": lambda: ["export"],
    "serve": lambda: ["serve", "--host", "127.0.0.1", "--port", free_port(), "--workers", "1"],
    "validate": lambda: ["validate"],
}


@pytest.mark.parametrize(
    ("command", "write", "message"),
    [
        ("query", nested_collections, "brackets nested more than 64 deep"),
        ("export", nested_collections, "brackets nested more than 64 deep"),
        ("serve", nested_collections, "brackets nested more than 64 deep"),
        ("validate", nested_collections, "brackets nested more than 64 deep"),
        ("query", nested_triple_terms, "brackets nested more than 64 deep"),
        ("query", overlong_string, "a term too long to parse"),
        ("query", fifo, "not a regular file"),
        ("validate", fifo, "not a regular file"),
    ],
)
def test_a_hostile_story_file_stops_the_command_with_one_line(
    data_copy: Path, command: str, write: Callable[[Path], int | None], message: str
) -> None:
    story = data_copy / "stories" / "11-hostile.ttl"
    line = write(story)
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "aseankg", *COMMANDS[command](), "--data", str(data_copy)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,  # only detects a hang
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"aseankg {command} still running after 120 s")
    stderr = finished.stderr.decode("utf-8", "replace")
    assert finished.returncode == 2, stderr[-2000:]
    where = f"{story}:{line}" if line else str(story)
    assert stderr.startswith(f"Error: {where}: {message}"), stderr[-2000:]
    assert stderr.count("\n") == 1
