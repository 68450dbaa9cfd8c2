"""``/checks/{name}``: the IRI of a structural check (the ``sh:sourceShape`` of its results in
a validation report) answers with the check's SPARQL query."""

from flask import Blueprint, Response

from aseankg.rdf.formats import SPARQL_QUERY
from aseankg.rdf.namespaces import CHECKS
from aseankg.validation.checks import checks_dir, load_checks
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.responses import negotiate, not_found, send, split_extension
from aseankg.web.site import current_settings

blueprint = Blueprint("checks", __name__)

OFFERS = (SPARQL_QUERY,)


@app_cached
def _texts() -> dict[str, str]:
    """Check name -> the text of its query file, for the checks the ontology folder has
    (read once: the server's checks are the ones it started with)."""
    folder = checks_dir(current_settings().ontology_folder)
    return {check.name: check.query for check in load_checks(folder)} if folder.is_dir() else {}


@blueprint.get("/checks/<name>")
def check(name: str) -> Response:
    """The check's query text, so a report's ``sh:sourceShape`` leads to what found it."""
    stem, extension = split_extension(name, OFFERS)
    texts = _texts()
    if stem not in texts:
        not_found(
            name,
            OFFERS,
            lambda found: str(CHECKS[found]),
            lambda iri: iri in {str(CHECKS[known]) for known in texts},
        )
    representation = negotiate(OFFERS, extension)
    iri = CHECKS[stem]
    return send(
        texts[stem],
        representation,
        url=current_iri_map().served(str(iri)),
        offers=OFFERS,
        cache_key=("check", stem, texts[stem]),
        iri=iri,
    )
