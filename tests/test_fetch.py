"""Fetching a web address on the server: public pages only, bounded, and a clear word when it fails."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from game.fetch import FetchError, address_allowed, url_fetch
from tests.article_files import html_page


@pytest.mark.parametrize(("address", "allowed"), [
    ("127.0.0.1", False), ("127.8.9.10", False), ("::1", False), ("10.0.0.5", False), ("172.16.4.4", False),
    ("192.168.1.20", False), ("169.254.169.254", False), ("fe80::1", False), ("fd12:3456::1", False),
    ("0.0.0.0", False), ("100.64.0.1", False), ("224.0.0.251", False), ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False), ("8.8.8.8", True), ("2001:4860:4860::8888", True),
])
def test_only_public_addresses_are_allowed(address, allowed):
    assert address_allowed(address) is allowed


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/admin/", "http://localhost:8000/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
    "http://2130706433/", "http://0x7f000001/", "http://10.1.2.3/", "https://192.168.0.1/",
])
def test_loopback_private_and_metadata_addresses_are_refused(url):
    with pytest.raises(FetchError, match="private or local address"):
        url_fetch(url)


@pytest.mark.parametrize(("url", "message"), [
    ("file:///etc/passwd", "only web addresses starting http"), ("ftp://example.org/a", "only web addresses"),
    ("gopher://x/", "only web addresses"), ("http://user:pw@example.org/", "with a login"),
    ("http://:80/", "no site name"), ("http://example.org:99999/", "not a web address"),
])
def test_other_schemes_and_malformed_addresses_are_refused(url, message):
    with pytest.raises(FetchError, match=message):
        url_fetch(url)


def test_a_server_without_the_internet_says_to_save_the_page_and_upload_it():
    def no_dns(host, port):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    with pytest.raises(FetchError) as error:
        url_fetch("https://news.example/story", resolver=no_dns)
    assert "could not find news.example" in str(error.value)
    assert "Save page as" in str(error.value) and "upload" in str(error.value)


@pytest.fixture
def local_site():
    """A web server on this machine, standing in for a public news site."""
    routes = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, headers, body = routes.get(self.path, (404, {}, b"missing"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], routes
    server.shutdown()


def pretend_public(port):
    """The stand-in site counts as public; every other address keeps the real rule."""
    return {"resolver": lambda host, p: ["127.0.0.1"] if host == "news.test" else socket.gethostbyname_ex(host)[2],
            "allowed": lambda address: address == "127.0.0.1" or address_allowed(address)}


def test_a_public_page_is_fetched_and_named_for_its_format(local_site):
    port, routes = local_site
    routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html_page())
    fetched = url_fetch(f"http://news.test:{port}/story", **pretend_public(port))
    assert fetched.data == html_page()
    assert fetched.file_name == "news.test-story.html"


def test_a_redirect_to_a_private_address_is_refused_after_the_redirect(local_site):
    port, routes = local_site
    routes["/moved"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    with pytest.raises(FetchError, match="private or local address"):
        url_fetch(f"http://news.test:{port}/moved", **pretend_public(port))


def test_redirect_loops_and_oversized_pages_are_refused(local_site):
    port, routes = local_site
    routes["/loop"] = (302, {"Location": f"http://news.test:{port}/loop"}, b"")
    routes["/big"] = (200, {"Content-Type": "text/html"}, b"x" * 5000)
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        url_fetch(f"http://news.test:{port}/loop", **pretend_public(port))
    with pytest.raises(FetchError, match="Hustings fetches at most"):
        url_fetch(f"http://news.test:{port}/big", max_bytes=1000, **pretend_public(port))
    with pytest.raises(FetchError, match="answered 404"):
        url_fetch(f"http://news.test:{port}/nothing-here", **pretend_public(port))
