"""The days a date of the data stands for.

The article dates things at the precision it knows: a day (``xsd:date``), a month
(``xsd:gYearMonth``) or only a year (``xsd:gYear``). A month or a year is not its first
day: it is every day of that month or year, so an event dated 2025 is drawn over all
of 2025, not on 1 January.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

#: A time zone may follow any of the forms; the days stay the same.
_ZONE = r"(?:Z|[+-][0-9]{2}:[0-9]{2})?"
#: Datatype -> how precise it is, and its lexical form (four-digit years).
_FORMS: dict[URIRef, tuple[str, re.Pattern[str]]] = {
    XSD.date: ("day", re.compile(rf"([0-9]{{4}})-([0-9]{{2}})-([0-9]{{2}}){_ZONE}")),
    XSD.gYearMonth: ("month", re.compile(rf"([0-9]{{4}})-([0-9]{{2}}){_ZONE}")),
    XSD.gYear: ("year", re.compile(rf"([0-9]{{4}}){_ZONE}")),
}


@dataclass(frozen=True)
class Period:
    """From ``first`` to ``last``, both days included."""

    first: datetime.date
    last: datetime.date
    precision: str
    """``day``, ``month`` or ``year``: how precisely the data gives the dates."""


def period_of(value: Node) -> Period | None:
    """The days a date literal stands for; None for anything that is not such a date."""
    if not isinstance(value, Literal):
        return None
    form = _FORMS.get(value.datatype) if value.datatype else None
    found = form[1].fullmatch(str(value)) if form else None
    if form is None or found is None:
        return None
    precision = form[0]
    numbers = [int(part) for part in found.groups()]
    try:
        if precision == "day":
            day = datetime.date(*numbers)
            return Period(day, day, precision)
        return month_period(*numbers) if precision == "month" else year_period(*numbers)
    except ValueError:
        return None


def month_period(year: int, month: int) -> Period:
    days = calendar.monthrange(year, month)[1]
    return Period(datetime.date(year, month, 1), datetime.date(year, month, days), "month")


def year_period(year: int) -> Period:
    return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")


def span(start: Node, end: Node | None = None) -> Period | None:
    """From the first day ``start`` stands for to the last day of ``end`` (or of ``start``).

    None when a date is not one, or when the end comes before the start.
    """
    begins = period_of(start)
    ends = period_of(end) if end is not None else begins
    if begins is None or ends is None or ends.last < begins.first:
        return None
    return Period(begins.first, ends.last, begins.precision)
