"""Conditional responses: the data never changes while the server runs, so a response is
identified by the dataset version and what was asked for, and a client holding it gets 304.
"""

import hashlib

from flask import Response, request

from aseankg.web.site import current_engine


def etag_for(*parts: str) -> str:
    """A strong ETag for a response derived from the loaded dataset and ``parts``."""
    digest = hashlib.sha256(current_engine().version.encode())
    for part in parts:
        digest.update(b"\x00" + part.encode())
    return digest.hexdigest()[:32]


def conditional(response: Response, *parts: str) -> Response:
    """Tag ``response`` and turn it into 304 Not Modified when the client already has it."""
    response.set_etag(etag_for(*parts))
    response.make_conditional(request)
    return response
