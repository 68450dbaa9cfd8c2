"""What can go wrong with a query. The web layer maps each to an HTTP status."""


class EngineError(Exception):
    """Base class; ``str()`` is a message fit to show the person who sent the query."""


class QuerySyntaxError(EngineError):
    """The text is not a SPARQL query; the message names the position."""


#: Why SPARQL Update is refused, however it arrives.
READ_ONLY = "the data is read-only: SPARQL Update is not accepted"


class QueryRefused(EngineError):
    """A well-formed query the engine will not run (SERVICE, an unknown graph)."""


class UpdateRefused(QueryRefused):
    """SPARQL Update, where only queries are answered."""


class QueryTooLong(QueryRefused):
    """The query text is longer than the configured limit."""


class QueryTooComplex(QueryRefused):
    """The query nests or chains deeper than the engine can parse and run safely."""


class QueryTimeout(EngineError):
    """The query ran past its time limit and its worker process was stopped."""


class StoreTimeout(QueryTimeout):
    """The store server did not answer within the query's time limit."""


class StoreUnavailable(EngineError):
    """The store server could not be reached, or failed to answer."""


class EngineBusy(EngineError):
    """Every query worker stayed busy for the whole time limit."""


class EngineFailure(EngineError):
    """A query worker died or answered something unexpected."""


class CallerBusy(EngineBusy):
    """The client already has as many queries running or waiting as one client may."""


class QueryCancelled(EngineError):
    """The client went away, so its query was stopped."""


class QueryResourcesExceeded(EngineError):
    """The query's result or memory grew past a limit and the query was stopped."""


class ResultFormatUnsupported(EngineError):
    """The result holds what the asked format cannot express (RDF 1.2 triple terms in
    JSON-LD, say)."""
