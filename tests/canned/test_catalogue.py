"""The decorator parser and the catalogue's checks: every bundled query passes, and each kind
of malformed file is refused with its file and line, never silently accepted."""

from pathlib import Path

import pytest

from aseankg.canned import Catalogue, CatalogueError, load_query
from aseankg.canned.decorators import DEFAULT_PAGE_SIZE
from aseankg.sources import bundle

HEADER = "#+ summary: A probe\n"
BODY = (
    "PREFIX ak: <https://w3id.org/aseankg/ontology#>\n"
    "SELECT ?document WHERE {\n"
    "  ?document ak:party ?_party_iri .\n"
    "}\n"
    "ORDER BY ?document\n"
)


def write(directory: Path, text: str, name: str = "probe") -> Path:
    path = directory / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_query_has_valid_decorators() -> None:
    catalogue = Catalogue.load(bundle.queries_dir())
    assert len(catalogue) >= 15
    for query in catalogue.values():
        assert query.path.read_text(encoding="utf-8").startswith("#+ summary: ")
        assert query.decorators.summary and query.decorators.description
        assert query.decorators.tags


def test_a_well_formed_header_is_read_in_full(tmp_path: Path) -> None:
    query = load_query(
        write(
            tmp_path,
            "#+ summary: Documents of a party\n"
            "#+ description: >\n"
            "#+   Two lines of\n"
            "#+   description.\n"
            "#+ tags: [documents, actors]\n"
            "#+ defaults:\n"
            "#+   party: https://w3id.org/aseankg/id/country/cn\n"
            "#+ enumerate:\n"
            "#+   party:\n"
            "#+     - https://w3id.org/aseankg/id/country/cn\n"
            "#+     - https://w3id.org/aseankg/id/organisation/asean\n"
            "#+ pagination: 20\n" + BODY,
        )
    )
    assert query.decorators.summary == "Documents of a party"
    assert query.decorators.description == "Two lines of description."
    assert query.decorators.tags == ("documents", "actors")
    assert query.decorators.pagination == 20
    (party,) = query.parameters
    assert (party.name, party.variable, party.type.name) == ("party", "_party_iri", "iri")
    assert party.default == "https://w3id.org/aseankg/id/country/cn"
    assert party.allowed == (
        "https://w3id.org/aseankg/id/country/cn",
        "https://w3id.org/aseankg/id/organisation/asean",
    )
    assert not party.required
    assert query.form == "SELECT"
    assert query.text.startswith("PREFIX ak:")


def test_grlc_list_form_of_defaults_and_enumerate_is_read(tmp_path: Path) -> None:
    query = load_query(
        write(
            tmp_path,
            HEADER + "#+ defaults:\n"
            "#+   - party: https://w3id.org/aseankg/id/country/cn\n"
            "#+ enumerate:\n"
            "#+   - party:\n"
            "#+     - https://w3id.org/aseankg/id/country/cn\n" + BODY,
        )
    )
    assert query.parameters[0].default == "https://w3id.org/aseankg/id/country/cn"
    assert query.parameters[0].allowed == ("https://w3id.org/aseankg/id/country/cn",)


def test_values_keep_their_written_form(tmp_path: Path) -> None:
    """YAML would read 2025-01 as a number and 2025-01-31 as a date; the header must not."""
    query = load_query(
        write(
            tmp_path,
            HEADER + "#+ defaults:\n#+   from: 2025-01\n#+   day: 2025-01-31\n"
            "SELECT ?x WHERE { BIND (STR(?_from_gYearMonth) AS ?x) FILTER (?_day_date) }\n"
            "ORDER BY ?x\n",
        )
    )
    assert [(p.name, p.default) for p in query.parameters] == [
        ("from", "2025-01"),
        ("day", "2025-01-31"),
    ]
    assert query.decorators.pagination == DEFAULT_PAGE_SIZE


def test_parameter_naming_follows_basil(tmp_path: Path) -> None:
    query = load_query(
        write(
            tmp_path,
            HEADER + "SELECT ?s WHERE {\n"
            "  ?s ?p ?_required_iri , ?__optional_iri , ?_name_en , ?_plain , ?_n_integer .\n"
            "}\nORDER BY ?s\n",
        )
    )
    found = {p.name: (p.type.name, p.required, p.language) for p in query.parameters}
    assert found == {
        "required": ("iri", True, None),
        "optional": ("iri", False, None),
        "name": ("en", True, "en"),
        "plain": ("string", True, None),
        "n": ("integer", True, None),
    }


MALFORMED = [
    pytest.param(BODY, "must start with '#+ summary", 1, id="no header"),
    pytest.param("#+summary: x\n" + BODY, "must be followed by a space", 1, id="no space"),
    pytest.param("#+ summary: [open\n" + BODY, "not valid YAML", 1, id="bad YAML"),
    pytest.param("#+ summary: a\n#+ summary: b\n" + BODY, "appears twice", 2, id="repeated key"),
    pytest.param("#+ - summary\n" + BODY, "must be a YAML mapping", 1, id="not a mapping"),
    pytest.param(HEADER + "#+ method: POST\n" + BODY, "method: unknown decorator", 2, id="unknown"),
    pytest.param("#+ description: x\n" + BODY, "summary: is required", 1, id="no summary"),
    pytest.param("#+ summary: [a, b]\n" + BODY, "summary: must be a non-empty text", 1, id="list"),
    pytest.param(
        HEADER + "#+ tags: events\n" + BODY, "tags: must be a non-empty list", 2, id="tag"
    ),
    pytest.param(HEADER + "#+ tags: [a, a]\n" + BODY, "tags: lists a value twice", 2, id="tags"),
    pytest.param(HEADER + "#+ pagination: all\n" + BODY, "must be a whole number", 2, id="page"),
    pytest.param(HEADER + "#+ pagination: 5000\n" + BODY, "between 1 and 1000", 2, id="big page"),
    pytest.param(
        HEADER + "#+ defaults:\n#+   country: x\n" + BODY,
        "defaults: 'country' is not a parameter of this query (parameters: party)",
        None,
        id="default of no parameter",
    ),
    pytest.param(
        HEADER + "#+ defaults:\n#+   party: not an IRI\n" + BODY,
        "parameter 'party': not an absolute IRI",
        None,
        id="default of the wrong type",
    ),
    pytest.param(
        HEADER + "#+ defaults:\n#+   party: [a, b]\n" + BODY,
        "the default of 'party' must be a single value",
        2,
        id="default list",
    ),
    pytest.param(
        HEADER + "#+ enumerate:\n#+   party: [https://a.example/b, oops]\n" + BODY,
        "parameter 'party': not an absolute IRI",
        None,
        id="allowed value of the wrong type",
    ),
    pytest.param(
        HEADER + "#+ defaults:\n#+   party: https://a.example/c\n"
        "#+ enumerate:\n#+   party: [https://a.example/b]\n" + BODY,
        "parameter 'party': 'https://a.example/c' is not one of https://a.example/b",
        None,
        id="default outside the allowed values",
    ),
    pytest.param(
        HEADER + BODY + "#+ tags: [late]\n", "belong in the header at the top", 7, id="late"
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE { ?s ?p ?_x_colour }\nORDER BY ?s\n",
        "unknown type 'colour'",
        2,
        id="unknown type",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE { ?s ?p ?_a_b_c }\nORDER BY ?s\n",
        "is not a parameter name of the form",
        2,
        id="malformed parameter",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE { ?s ?p ?_limit_integer }\nORDER BY ?s\n",
        "'limit' is reserved",
        2,
        id="reserved name",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE {\n ?s ?p ?_x_iri .\n ?s ?q ?__x_iri }\nORDER BY ?s\n",
        "declared by both ?_x_iri and ?__x_iri",
        4,
        id="two declarations",
    ),
    pytest.param(
        HEADER + "#+ defaults:\n#+   x: https://a.example/\n"
        "SELECT ?s WHERE { ?s ?p ?__x_iri }\nORDER BY ?s\n",
        "'x' is optional (?__) and so cannot have a default",
        None,
        id="optional with a default",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE { ?s ?p ?o }\nORDER BY ?s\nLIMIT 5\n",
        "LIMIT after the WHERE group",
        4,
        id="own LIMIT",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE { ?s ?p ?o }\nVALUES ?s { <a:b> }\n",
        "VALUES after the WHERE group",
        3,
        id="trailing VALUES",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE { ?s ?p ?o }\n", "needs ORDER BY", None, id="no ORDER BY"
    ),
    pytest.param(
        HEADER + "SELECT ?s { ?s ?p ?o }\nORDER BY ?s\n",
        "needs an explicit 'WHERE {'",
        None,
        id="no WHERE",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE {\n  { SELECT ?s WHERE { ?s ?p ?_x_iri } }\n}\nORDER BY ?s\n",
        "?_x_iri is used inside a subquery",
        3,
        id="parameter in a subquery",
    ),
    pytest.param(
        HEADER + "SELECT ?s WHERE {\n  ?s ?p\n}\nORDER BY ?s\n",
        "SPARQL syntax: error at 4:1",
        5,
        id="syntax error at the line Oxigraph reports, counted in the file",
    ),
    pytest.param(HEADER + "DELETE WHERE { ?s ?p ?o }\n", "read-only", None, id="update"),
    pytest.param(
        HEADER + "SELECT ?s WHERE { SERVICE <http://a.example/> { ?s ?p ?o } }\nORDER BY ?s\n",
        "SERVICE",
        None,
        id="service",
    ),
]


@pytest.mark.parametrize(("text", "message", "line"), MALFORMED)
def test_a_malformed_query_file_is_refused_with_file_and_line(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CatalogueError) as caught:
        load_query(path)
    assert message in caught.value.message
    assert caught.value.path == path
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_a_query_file_name_must_be_usable_in_a_url(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"named like events-by-country\.rq"):
        load_query(write(tmp_path, HEADER + BODY, name="Events by country"))


def test_an_empty_folder_is_not_a_catalogue(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="no canned queries"):
        Catalogue.load(tmp_path)


def test_one_bad_file_stops_the_whole_catalogue(tmp_path: Path) -> None:
    write(tmp_path, HEADER + BODY, name="good")
    write(tmp_path, "#+ summary: x\n#+ colour: red\n" + BODY, name="bad")
    with pytest.raises(CatalogueError, match="colour: unknown decorator"):
        Catalogue.load(tmp_path)
