"""The size-bounded LRU cache behind the result and response caches."""

from aseankg.bounded_cache import BoundedCache


def test_least_recently_used_entries_go_first_when_full() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=10, max_entry_bytes=10)
    cache.put("a", "A", 4)
    cache.put("b", "B", 4)
    assert cache.get("a") == "A"  # now b is the least recently used
    cache.put("c", "C", 4)
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == ("A", "C")
    assert cache.size == 8


def test_an_entry_larger_than_the_entry_bound_is_not_kept() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=100, max_entry_bytes=10)
    cache.put("big", "x", 11)
    assert cache.get("big") is None
    assert len(cache) == 0


def test_replacing_a_key_keeps_the_size_right() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=100)
    cache.put("k", "one", 5)
    cache.put("k", "two", 3)
    assert (cache.get("k"), cache.size, len(cache)) == ("two", 3, 1)


def test_a_zero_budget_keeps_nothing() -> None:
    cache: BoundedCache[str] = BoundedCache(max_bytes=0)
    cache.put("k", "v", 1)
    assert cache.get("k") is None
