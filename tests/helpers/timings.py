"""p50 and p99 of timed calls, kept with a saved benchmark."""

from __future__ import annotations

import statistics

from pytest_benchmark.fixture import BenchmarkFixture


def percentile(timings: list[float], share: float) -> float:
    """The timing that `share` of the calls stayed under (0.99: the p99)."""
    ordered = sorted(timings)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def record_percentiles(benchmark: BenchmarkFixture, timings: list[float]) -> None:
    """Keep p50 and p99 (in ms) of the timed calls in the saved benchmark (`extra_info`)."""
    benchmark.extra_info["p50_ms"] = round(statistics.median(timings) * 1000, 2)
    benchmark.extra_info["p99_ms"] = round(percentile(timings, 0.99) * 1000, 2)
