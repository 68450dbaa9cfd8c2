"""The days a date of the data stands for, at the precision the data gives it."""

import datetime

import pytest
from rdflib import XSD, Literal, URIRef

from aseankg.rdf.periods import Period, period_of, span

D = datetime.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Literal("2025-04-14", datatype=XSD.date), Period(D(2025, 4, 14), D(2025, 4, 14), "day")),
        (
            Literal("2025-12", datatype=XSD.gYearMonth),
            Period(D(2025, 12, 1), D(2025, 12, 31), "month"),
        ),
        (
            Literal("2024-02", datatype=XSD.gYearMonth),
            Period(D(2024, 2, 1), D(2024, 2, 29), "month"),
        ),
        (Literal("2025", datatype=XSD.gYear), Period(D(2025, 1, 1), D(2025, 12, 31), "year")),
        (Literal("2025-04-14Z", datatype=XSD.date), Period(D(2025, 4, 14), D(2025, 4, 14), "day")),
        (
            Literal("2025-12+08:00", datatype=XSD.gYearMonth),
            Period(D(2025, 12, 1), D(2025, 12, 31), "month"),
        ),
        (Literal("9999", datatype=XSD.gYear), Period(D(9999, 1, 1), D(9999, 12, 31), "year")),
    ],
)
def test_a_date_stands_for_every_day_of_its_precision(value: Literal, expected: Period) -> None:
    assert period_of(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        Literal("2025-02-30", datatype=XSD.date),
        Literal("2025-13", datatype=XSD.gYearMonth),
        Literal("0000", datatype=XSD.gYear),
        Literal("\uff12\uff10\uff12\uff15", datatype=XSD.gYear),
        Literal("2025"),
        Literal("2025", lang="en"),
        Literal("2025-04-14T10:00:00", datatype=XSD.dateTime),
        URIRef("https://example.org/2025"),
    ],
)
def test_anything_else_is_no_period(value: Literal | URIRef) -> None:
    assert period_of(value) is None


def test_a_span_runs_from_the_first_day_of_its_start_to_the_last_of_its_end() -> None:
    years = span(Literal("2024", datatype=XSD.gYear), Literal("2025", datatype=XSD.gYear))
    assert years == Period(D(2024, 1, 1), D(2025, 12, 31), "year")
    assert span(Literal("2025-12", datatype=XSD.gYearMonth)) == Period(
        D(2025, 12, 1), D(2025, 12, 31), "month"
    )
    backwards = span(
        Literal("2025-04-18", datatype=XSD.date), Literal("2025-04-14", datatype=XSD.date)
    )
    assert backwards is None
    assert span(Literal("2025", datatype=XSD.gYear), Literal("soon")) is None
