"""The server's processes, found from its port, with their resident memory and CPU time.

``aseankg serve`` is a tree: the process that loaded the data, its web workers and
their query processes, all forks running the same command line. The tree is
found the same way whether the soak started the server or was given its URL:
from the processes that hold a socket listening on the port, up to the topmost
ancestor that still runs their command line. Linux only (it reads ``/proc``);
elsewhere, and for another user's server, nothing is found.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
_LISTEN = "0A"
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Process:
    pid: int
    parent: int
    depth: int
    """0 for the server's first process, 1 for its children, and so on."""
    rss_kb: int
    """VmRSS: resident memory, pages shared with other processes counted in full."""
    pss_kb: int
    """Pss: resident memory with each shared page divided among the processes sharing it,
    so that forks of one process are not charged the same pages again and again."""
    cpu_seconds: float


def _read(path: Path) -> str | None:
    """A /proc file, or None when the process is gone or not ours to read."""
    try:
        return path.read_text()
    except OSError:
        return None


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (which may hold spaces)."""
    stat = _read(PROC / str(pid) / "stat")
    return stat[stat.rindex(")") + 2 :].split() if stat else None


def _kilobytes(table: str, field: str) -> int:
    """A ``Field:  123 kB`` line of a /proc table; 0 when absent (a zombie has no memory)."""
    return next((int(line.split()[1]) for line in table.splitlines() if line.startswith(field)), 0)


def _pids() -> Iterator[int]:
    return (int(entry.name) for entry in PROC.iterdir() if entry.name.isdigit())


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("tcp", "tcp6"):
        for line in (_read(PROC / "net" / table) or "").splitlines()[1:]:
            fields = line.split()
            if fields[1].endswith(f":{port:04X}") and fields[3] == _LISTEN:
                inodes.add(fields[9])
    return inodes


def _link(path: Path) -> str:
    """Where a /proc symbolic link points, or "" when it is gone or not ours to read."""
    try:
        return os.readlink(path)
    except OSError:
        return ""


def _holds_socket(pid: int, inodes: set[str]) -> bool:
    try:
        descriptors = list((PROC / str(pid) / "fd").iterdir())
    except OSError:
        return False
    sockets = {f"socket:[{inode}]" for inode in inodes}
    return any(_link(descriptor) in sockets for descriptor in descriptors)


def server_root(port: int) -> int | None:
    """The first process of the server listening on 127.0.0.1:``port``, if it can be seen."""
    inodes = _listening_inodes(port)
    listeners = [pid for pid in _pids() if inodes and _holds_socket(pid, inodes)]
    if not listeners:
        return None
    root = listeners[0]
    command = _read(PROC / str(root) / "cmdline")
    while True:
        fields = _stat_fields(root)
        parent = int(fields[1]) if fields else 0
        if parent <= 1 or _read(PROC / str(parent) / "cmdline") != command:
            return root
        root = parent


def tree(root: int) -> list[Process]:
    """``root`` and every process below it, parents before children."""
    stats = {pid: fields for pid in _pids() if (fields := _stat_fields(pid))}
    found: list[Process] = []

    def visit(pid: int, depth: int) -> None:
        folder = PROC / str(pid)
        rss = _kilobytes(_read(folder / "status") or "", "VmRSS:")
        pss = _kilobytes(_read(folder / "smaps_rollup") or "", "Pss:")
        fields = stats[pid]
        cpu = (int(fields[11]) + int(fields[12])) / _TICKS_PER_SECOND
        found.append(Process(pid, int(fields[1]), depth, rss, pss, cpu))
        for child in sorted(child for child, other in stats.items() if int(other[1]) == pid):
            visit(child, depth + 1)

    if root in stats:
        visit(root, 0)
    return found
