"""The mixed traffic: which requests there are, and the order a seed sends them in.

Mixed requests are planned in advance, so the same seed sends the same requests
against the same data: every kind once first, so that even a short run sees them
all, then kinds drawn by weight.
"""

import random
from urllib.parse import quote

from aseankg.bench.soak import hostile, traffic
from aseankg.bench.soak.client import get_json

#: The requests of the mix, by kind.
Requests = dict[str, list[traffic.Request]]

#: Shares of the mixed traffic, per kind.
WEIGHTS = {
    traffic.CHEAP: 30,
    traffic.CANNED: 20,
    traffic.ENTITY_HTML: 8,
    traffic.ENTITY_TURTLE: 8,
    traffic.DUMP: 3,
    traffic.VOID: 3,
    traffic.LANDING: 3,
    traffic.MALFORMED: 17,
    traffic.CANARY: 8,
}


def mix(port: int, canary: str, timeout: float) -> Requests:
    """Every mixed request the server can be sent, by kind, read partly from the server."""
    entities = get_json(port, f"/sparql?query={quote(traffic.ENTITY_QUERY)}", timeout)
    iris = [row["s"]["value"] for row in entities["results"]["bindings"]]
    pages = traffic.entity_pages(iris)
    return {
        traffic.CHEAP: traffic.cheap_queries(),
        traffic.CANNED: traffic.canned_calls(get_json(port, "/api/queries", timeout)),
        traffic.ENTITY_HTML: [page for page in pages if page.kind == traffic.ENTITY_HTML],
        traffic.ENTITY_TURTLE: [page for page in pages if page.kind == traffic.ENTITY_TURTLE],
        **traffic.documents(),
        traffic.MALFORMED: hostile.malformed(),
        traffic.CANARY: hostile.aimed_at(canary),
    }


def plan(requests: Requests, count: int, seed: int) -> list[traffic.Request]:
    """``count`` requests: each kind once (in random order), then kinds drawn by weight."""
    rng = random.Random(seed)
    kinds = [kind for kind in WEIGHTS if requests[kind]]
    order = rng.sample(kinds, len(kinds))
    order += rng.choices(kinds, [WEIGHTS[kind] for kind in kinds], k=max(0, count - len(kinds)))
    chosen = [rng.choice(requests[kind]) for kind in order[:count]]
    return [
        request.fresh(number) if request.kind == traffic.CHEAP else request
        for number, request in enumerate(chosen)
    ]
