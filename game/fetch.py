"""The one place Hustings reaches out to the network: a web address to the bytes of an article.

A teacher pastes an address; the server fetches it with a timeout, a size cap and at most a few
redirects. Only http and https, only to public addresses: loopback, private, link-local (cloud
metadata at 169.254.169.254), multicast, reserved and unspecified addresses are refused, checked on
every address the name resolves to and again after every redirect. The connection goes to the
address that was checked (never a second lookup), so a name that changes its answer between the
check and the connection cannot slip through.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin, urlsplit

TIMEOUT_SECONDS = 10  # for the whole fetch, redirects included
MAX_BYTES = 10 * 1024 * 1024  # the largest article file Hustings reads
MAX_REDIRECTS = 3
USER_AGENT = "Hustings/1.0 (classroom debate practice; fetches one article a teacher asked for)"
OFFLINE = ("If the address is right, this server may not be able to reach the internet: open the page in your "
           "browser, save it (File > Save page as) and upload the file, or copy its text into 'Paste text'.")


class FetchError(ValueError):
    """The address cannot be fetched; the message is one plain line for the teacher."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str

    @property
    def file_name(self) -> str:
        """A name for the article file, with the extension its content type says."""
        parts = urlsplit(self.url)
        stem = (parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or "page").split(".")[0][:60] or "page"
        extension = ".pdf" if "pdf" in self.content_type else ".docx" if "officedocument" in self.content_type else (
            ".txt" if self.content_type.startswith("text/plain") else ".html")
        return f"{parts.hostname}-{stem}{extension}"


def address_allowed(address: str) -> bool:
    """Only globally routable unicast addresses; an IPv4 address inside IPv6 is judged as IPv4."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local
                                 or ip.is_private or ip.is_unspecified)


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def url_fetch(url: str, *, resolver: Resolver = resolve, allowed: Callable[[str], bool] = address_allowed,
              timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """Fetch a public web address; a FetchError with a plain message for anything refused or failed.

    (`resolver` and `allowed` are parameters so the tests can serve a page from this machine; the
    site never passes them.)
    """
    url = url.strip()
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = _checked(url)
        address = _vetted_address(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                  resolver, allowed)
        response, connection = _request(parts, address, deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(f"{parts.hostname} sent a redirect without saying where to")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"{parts.hostname} answered {response.status} {response.reason}: the page could "
                                 "not be fetched (it may need a login, or no longer exist)")
            return Fetched(url=url, data=_read_capped(response, max_bytes, deadline),
                           content_type=(response.getheader("Content-Type") or "").lower())
        finally:
            connection.close()
    raise FetchError(f"the address redirected more than {MAX_REDIRECTS} times; open it in your browser and "
                     "upload the saved page instead")


def _checked(url: str):
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise FetchError("that is not a web address Hustings can read (check it and try again)") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError("only web addresses starting http:// or https:// can be fetched")
    if not parts.hostname:
        raise FetchError("that web address has no site name in it")
    if parts.username or parts.password:
        raise FetchError("web addresses with a login in them are not fetched")
    return parts


def _vetted_address(host: str, port: int, resolver: Resolver, allowed: Callable[[str], bool]) -> str:
    try:
        addresses = resolver(host, port)
    except (socket.gaierror, UnicodeError, OSError):
        raise FetchError(f"could not find {host}. {OFFLINE}") from None
    if not addresses:
        raise FetchError(f"could not find {host}. {OFFLINE}")
    refused = [a for a in addresses if not allowed(a)]
    if refused:
        # One private answer among public ones is refused too: the connection could land on it.
        raise FetchError(f"{host} is a private or local address ({refused[0]}); Hustings only fetches public "
                         "web pages")
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # the certificate is the name's


def _request(parts, address: str, deadline: float):
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"{parts.hostname} took too long to answer")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = kind(parts.hostname, port, address, remaining)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,*/*"})
        return connection.getresponse(), connection
    except (TimeoutError, socket.timeout):
        connection.close()
        raise FetchError(f"{parts.hostname} took too long to answer. {OFFLINE}") from None
    except ssl.SSLError as error:
        connection.close()
        raise FetchError(f"{parts.hostname}'s secure connection could not be checked ({error.reason or error})") from None
    except OSError as error:
        connection.close()
        raise FetchError(f"could not connect to {parts.hostname} ({error.strerror or error}). {OFFLINE}") from None
    except http.client.HTTPException:
        connection.close()
        raise FetchError(f"{parts.hostname} did not answer as a web server does") from None


def _read_capped(response, max_bytes: int, deadline: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"the page is {int(declared) / 1024 / 1024:.1f} MB; Hustings fetches at most "
                         f"{max_bytes // 1024 // 1024} MB")
    chunks, total = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("the page took too long to download")
        try:
            chunk = response.read(64 * 1024)
        except (TimeoutError, socket.timeout, OSError, http.client.HTTPException):
            raise FetchError("the page stopped arriving before it was complete") from None
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"the page is larger than {max_bytes // 1024 // 1024} MB; Hustings fetches at most that")
        chunks.append(chunk)
