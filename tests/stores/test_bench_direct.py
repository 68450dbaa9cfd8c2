"""The benchmark's baseline of querying a store server directly counts answers only: a
store that refuses a canned query stops the measurement instead of timing the refusal."""

import pytest

from aseankg.bench.backends import canned_direct
from tests.stores.fake_store import fake_store


def test_a_refused_query_is_not_timed_as_an_answer() -> None:
    with fake_store() as store, pytest.raises(RuntimeError, match=r"answered \S+ with 500"):
        canned_direct(store.url, None, 1)
