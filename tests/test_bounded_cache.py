"""The size-bounded LRU cache behind the result and response caches."""

import pytest

from aseankg.engine.bounded_cache import ENTRY_OVERHEAD, BoundedCache


#: Room for ``n`` entries of ``size`` bytes each, bookkeeping included.
def room(n: int, size: int) -> int:
    return n * (size + ENTRY_OVERHEAD)


def test_least_recently_used_entries_go_first_when_full() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=room(2, 4), max_entry_bytes=10)
    cache.put("a", "A", 4)
    cache.put("b", "B", 4)
    assert cache.get("a") == "A"  # now b is the least recently used
    cache.put("c", "C", 4)
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == ("A", "C")
    assert cache.size == room(2, 4)


def test_an_entry_larger_than_the_entry_bound_is_not_kept() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=room(1, 100), max_entry_bytes=10)
    cache.put("big", "x", 11)
    assert cache.get("big") is None
    assert len(cache) == 0


def test_replacing_a_key_keeps_the_size_right() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=room(1, 100))
    cache.put("k", "one", 5)
    cache.put("k", "two", 3)
    assert (cache.get("k"), cache.size, len(cache)) == ("two", room(1, 3), 1)


def test_a_zero_budget_keeps_nothing() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=0)
    cache.put("k", "v", 1)
    assert cache.get("k") is None


@pytest.mark.slow
def test_long_keys_are_not_held_and_small_entries_still_count() -> None:
    """10,000 distinct 100,000-character keys with one-byte values stay within the bound."""
    cache: BoundedCache[bytes] = BoundedCache(max_bytes=room(100, 1), max_entry_bytes=10)
    for number in range(10_000):
        cache.put((f"{number:06d}" + "x" * 100_000, "json"), b"1", 1)
    assert len(cache) == 100
    assert cache.size <= cache.max_bytes
    assert cache.get((f"{9_999:06d}" + "x" * 100_000, "json")) == b"1"
