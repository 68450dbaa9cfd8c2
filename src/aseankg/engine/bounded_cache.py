"""A thread-safe least-recently-used cache of byte payloads, bounded by their total size.

The data never changes while a server runs, so results and whole responses can be
kept; the bound keeps memory in check when many different requests arrive. Keys are
kept as fixed-size digests and each entry is charged for its bookkeeping, so many
distinct requests with long texts (queries of 100,000 characters) cannot grow the
cache past its bound either.
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

#: Bytes charged per entry on top of its value: the digest, the entry and the order link.
ENTRY_OVERHEAD = 256


def digest(key: Hashable) -> bytes:
    """A fixed-size stand-in for ``key`` (tuples of strings here; their repr is exact)."""
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=20).digest()


class BoundedCache(Generic[V]):
    """Maps keys to values of a known size; the least recently used go first when full."""

    def __init__(self, max_bytes: int, max_entry_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 16 if max_entry_bytes is None else max_entry_bytes
        self._entries: OrderedDict[bytes, tuple[V, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        stored = digest(key)
        with self._lock:
            entry = self._entries.get(stored)
            if entry is None:
                return None
            self._entries.move_to_end(stored)
            return entry[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        """Keep ``value``; one larger than ``max_entry_bytes`` is not kept at all."""
        if size > self.max_entry_bytes:
            return
        size += ENTRY_OVERHEAD
        stored = digest(key)
        with self._lock:
            previous = self._entries.pop(stored, None)
            if previous is not None:
                self._size -= previous[1]
            self._entries[stored] = (value, size)
            self._size += size
            while self._size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._size -= dropped

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        """Total bytes held, bookkeeping included."""
        return self._size
