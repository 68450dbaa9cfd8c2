"""Reading wrk's report: the figures come from the rows that hold them."""

import pytest

from aseankg.bench.http_load import parse_wrk

# A real report's shape, where the latency "+/- Stdev" column happens to end in "99%".
REPORT = """Running 1s test @ http://127.0.0.1:7878/query
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms    1.02ms  12.40ms   75.99%
    Req/Sec   650.12     40.50   700.00     80.50%
  Latency Distribution
     50%    2.90ms
     75%    3.50ms
     90%    4.20ms
     99%    1.50s
  1301 requests in 1.00s, 2.10MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   1299.70
Transfer/sec:      2.10MB
"""


def test_percentiles_come_from_the_latency_distribution_rows() -> None:
    load = parse_wrk(REPORT, seconds=1, clients=4)
    assert (load.p50_ms, load.p99_ms) == (2.9, 1500.0)
    assert (load.requests, load.requests_per_second, load.errors) == (1301, 1299.7, 3)


def test_minutes_are_a_unit_wrk_uses() -> None:
    load = parse_wrk(REPORT.replace("99%    1.50s", "99%    1.20m"), seconds=1, clients=4)
    assert load.p99_ms == 72_000.0


def test_a_figure_in_seconds_may_end_in_a_space() -> None:
    load = parse_wrk(REPORT.replace("50%    2.90ms", "50%    1.15s "), seconds=1, clients=4)
    assert load.p50_ms == 1150.0


def test_a_report_without_a_distribution_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="unexpected wrk output"):
        parse_wrk(REPORT.replace("     99%    1.50s\n", ""), seconds=1, clients=4)
