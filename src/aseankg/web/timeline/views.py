"""``/timeline``: every event on a time axis, drawn on the server as SVG.

The filters are a plain GET form (country, actor, topic), so the page works without
scripts; an event shown only because a matching sub-event is part of it is drawn faded.
"""

from dataclasses import dataclass
from urllib.parse import unquote_to_bytes, urlencode

from flask import Blueprint, Response, render_template, request
from rdflib import URIRef
from werkzeug.exceptions import BadRequest

from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.labels import label_of
from aseankg.web.linkeddata.representations import HTML
from aseankg.web.linkeddata.responses import negotiate, send_page
from aseankg.web.timeline.events import FACETS, QUERY, choices, select_events
from aseankg.web.timeline.layout import layout

blueprint = Blueprint("timeline", __name__)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class Facet:
    """One filter of the form: its parameter and what it can be set to."""

    name: str
    choices: tuple[Choice, ...]


def _check_utf8(query_string: bytes) -> None:
    """Refuse percent-encoded bytes that are not UTF-8, which would otherwise be read as
    replacement characters and so as some other value."""
    for pair in query_string.split(b"&"):
        name, _, value = unquote_to_bytes(pair.replace(b"+", b" ")).partition(b"=")
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            shown = name.decode("utf-8", "replace")
            raise BadRequest(f"parameter '{shown}': its value is not UTF-8 text") from None


def requested_filters() -> list[tuple[str, str]]:
    """The filters of the request, in order; an empty one (the form's "any") is no filter."""
    _check_utf8(request.query_string)
    pairs = list(request.args.items(multi=True))
    for name, _ in pairs:
        if name not in FACETS:
            raise BadRequest(
                f"parameter '{name}': the timeline is filtered by {', '.join(FACETS)} only"
            )
    return [(name, value) for name, value in pairs if value]


def facets(chosen: dict[str, str]) -> tuple[Facet, ...]:
    """The form's filters; a chosen value the data does not offer is still shown chosen."""
    available = choices()
    found = []
    for name in FACETS:
        values = available[name]
        if name in chosen and URIRef(chosen[name]) not in values:
            values.append(URIRef(chosen[name]))
        found.append(
            Facet(
                name,
                tuple(
                    Choice(str(value), label_of(value), str(value) == chosen.get(name))
                    for value in values
                ),
            )
        )
    return tuple(found)


@blueprint.get("/timeline")
def timeline() -> Response:
    negotiate([HTML])
    filters = requested_filters()
    everything = select_events()
    selection = select_events(filters) if filters else everything
    matching = {event.iri for event in selection.events} if filters else None
    iri_map = current_iri_map()
    picture = layout((*everything.events, *selection.events), matching, iri_map.href)
    chosen = dict(filters)
    arguments = urlencode(filters, safe=":/")
    body = render_template(
        "timeline/timeline.html",
        timeline=picture,
        facets=facets(chosen),
        filtered=bool(filters),
        matches=len(selection.events),
        cut_at=selection.cut_at,
        api_url=f"{iri_map.served_base}api/queries/{QUERY}" + (f"?{arguments}" if filters else ""),
    )
    return send_page(body, "timeline", urlencode(sorted(chosen.items())))
