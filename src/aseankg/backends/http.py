"""HTTP to a store server: credentials from the environment or netrc, errors without them.

Credentials never come from the command line (where ``ps`` shows them) nor from the URL:
``ASEANKG_STORE_USER`` and ``ASEANKG_STORE_PASSWORD``, or else the netrc file
(``$NETRC`` or ``~/.netrc``) entry for the store's host. They are answered to a
challenge (Basic or Digest, as the store asks) and appear in no message.
"""

import http.client
import netrc
import os
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from aseankg.backends.base import ResultTooLarge, StoreError, StoreFailure
from aseankg.backends.keepalive import KeepAliveHandler

USER_VARIABLE = "ASEANKG_STORE_USER"
PASSWORD_VARIABLE = "ASEANKG_STORE_PASSWORD"

#: Most characters of a store's own error text repeated in a message.
_ERROR_TEXT = 500

# Virtuoso echoes every named graph of a query's dataset as a header of its answer, past
# the hundred headers http.client reads by default; the answer itself is bounded apart.
http.client._MAXHEADERS = max(http.client._MAXHEADERS, 1_000_000)  # type: ignore[attr-defined]


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL without credentials in it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{url!r} is not an http(s) URL")
    if parts.username is not None or parts.password is not None:
        raise StoreError(
            "the store URL holds credentials; give them in "
            f"{USER_VARIABLE} and {PASSWORD_VARIABLE}, or in a netrc file, instead"
        )
    return url


def credentials(url: str) -> tuple[str, str] | None:
    """The user and password for ``url``: from the environment, else from netrc."""
    user = os.environ.get(USER_VARIABLE)
    if user:
        return user, os.environ.get(PASSWORD_VARIABLE, "")
    host = urlsplit(url).hostname or ""
    try:
        entry = netrc.netrc(os.environ.get("NETRC") or None).authenticators(host)
    except FileNotFoundError:
        return None
    except (OSError, netrc.NetrcParseError) as error:
        where = getattr(error, "filename", None) or os.environ.get("NETRC") or "~/.netrc"
        raise StoreError(f"the netrc file {where} cannot be read") from None
    if entry is None:
        return None
    login, _, password = entry
    return login, password or ""


class _DigestUpFront(urllib.request.HTTPDigestAuthHandler):
    """Digest that answers the store's last challenge before it is asked again.

    Otherwise every request is first sent without credentials and refused; a store may
    drop the connection while the refused request's large body is still being sent.
    """

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self._challenge: dict[str, str] | None = None

    def retry_http_digest_auth(self, req: urllib.request.Request, auth: str) -> object:
        _, challenge = auth.split(" ", 1)
        self._challenge = urllib.request.parse_keqv_list(urllib.request.parse_http_list(challenge))
        return super().retry_http_digest_auth(req, auth)

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        if self._challenge and not req.has_header("Authorization"):
            answer = self.get_authorization(req, self._challenge)
            if answer:
                req.add_unredirected_header("Authorization", f"Digest {answer}")
        return req

    https_request = http_request


@dataclass(frozen=True)
class Response:
    status: int
    media_type: str
    body: bytes
    server: str
    headers: Mapping[str, str]


class Client:
    """Requests to one store server, with its credentials when it asks for them.

    ``keep_alive`` keeps a connection open between requests (see ``keepalive``), for a
    client that sends queries only.
    """

    def __init__(self, url: str, *, keep_alive: bool = False) -> None:
        self.url = check_url(url)
        self._credentials = credentials(url)
        self._passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        handlers: list[urllib.request.BaseHandler] = [
            urllib.request.HTTPBasicAuthHandler(self._passwords),
            _DigestUpFront(self._passwords),
        ]
        if keep_alive:
            handlers.append(KeepAliveHandler())
        self._opener = urllib.request.build_opener(*handlers)

    def _authorise(self, url: str) -> None:
        """Offer the store's credentials to every URL of its host (its update and graph
        store URLs too)."""
        if self._credentials is not None:
            parts = urlsplit(url)
            self._passwords.add_password(
                None, f"{parts.scheme}://{parts.netloc}/", *self._credentials
            )

    def greet(self, url: str) -> None:
        """Ask ``url`` for nothing, so that a Digest challenge is answered before a load
        sends large bodies there; whatever the answer, it is not an error here."""
        try:
            self.request("HEAD", url, timeout=30)
        except StoreFailure:
            return

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float,
        max_bytes: int | None = None,
    ) -> Response:
        """Send a request; StoreFailure when the store cannot be reached or fails.

        ``timeout`` bounds each wait on the socket; ``max_bytes`` bounds the body read.
        """
        self._authorise(url)
        target = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}" if params else url
        request = urllib.request.Request(target, data=body, method=method)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        where = f"the store at {url}"
        try:
            with self._opener.open(request, timeout=timeout) as response:
                payload = response.read() if max_bytes is None else response.read(max_bytes + 1)
                if max_bytes is not None and len(payload) > max_bytes:
                    raise ResultTooLarge(
                        f"the store's answer is larger than {max_bytes // (1024 * 1024)} MB; "
                        "ask for fewer rows (LIMIT) or shorter values"
                    )
                payload += response.read()  # nothing left; reading the end frees the connection
                return Response(
                    response.status,
                    response.headers.get_content_type(),
                    payload,
                    response.headers.get("Server", ""),
                    dict(response.headers.items()),
                )
        except urllib.error.HTTPError as error:
            text = error.read(_ERROR_TEXT).decode("utf-8", "replace").strip()
            detail = f": {' '.join(text.split())}" if text else ""
            raise StoreFailure(f"{where} answered {error.code} {error.reason}{detail}") from None
        except TimeoutError:
            raise StoreFailure(f"{where} did not answer within {timeout:g} s") from None
        except urllib.error.URLError as error:
            reason = getattr(error.reason, "strerror", None) or str(error.reason)
            raise StoreFailure(f"{where} cannot be reached: {reason}") from None
        except ValueError:  # a challenge urllib cannot answer: no credentials, or another kind
            raise StoreFailure(
                f"{where} asks for credentials that were not given ({USER_VARIABLE} and "
                f"{PASSWORD_VARIABLE}, or a netrc entry for its host), or of a kind aseankg "
                "cannot give"
            ) from None
        except (OSError, http.client.HTTPException) as error:  # dropped mid-answer, say
            raise StoreFailure(f"{where} failed: {type(error).__name__}") from None
