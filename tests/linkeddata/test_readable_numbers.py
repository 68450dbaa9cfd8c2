"""Figures on pages are spelled out with separators, but never endlessly."""

import pytest

from aseankg.web.linkeddata.term_display import readable_number


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("40000000000", "40,000,000,000"),
        ("5.73", "5.73"),
        ("7600", "7,600"),
        ("about", "about"),
        # Spelled out in full these would take minutes and gigabytes, or fail outright.
        ("1e999999999", "1e999999999"),
        ("1E-999999999", "1E-999999999"),
        ("Infinity", "Infinity"),
        ("-INF", "-INF"),
        ("NaN", "NaN"),
    ],
)
def test_a_number_is_shown_readably_and_in_bounded_time(written: str, shown: str) -> None:
    assert readable_number(written) == shown
