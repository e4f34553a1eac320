"""Redirects as servers send them: with a body (IIS's 'Object Moved', or an endless one), with a
Location of raw UTF-8 or trailing spaces, and a 304 whose Content-Length names the representation.
The fetcher follows each within its caps, reading a redirect's body only up to REDIRECT_BODY:
requests' own redirect walk (which read a redirect's whole body, uncapped, before the fetcher saw
it) is off."""
from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

import pytest

from govnews.scraper.http import REDIRECT_BODY, Fetcher, HttpSettings, _location


def _serve(answer: Callable[[str, socket.socket], None]) -> tuple[socket.socket, threading.Thread]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)

    def loop() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    request += chunk
                path = request.split(b" ", 2)[1].decode("latin-1") if request.count(b" ") >= 2 else "/"
                try:
                    answer(path, conn)
                except OSError:
                    pass
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return listener, thread


@contextmanager
def server(answer) -> Iterator[str]:
    listener, _ = _serve(answer)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def _ok(conn: socket.socket, body: bytes = b"<html><body><p>ok</p></body></html>") -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)


def _fetcher() -> Fetcher:
    return Fetcher(HttpSettings(read_timeout=3, connect_timeout=3, allow_private=True, max_bytes=1 << 20))


def test_a_redirect_with_iis_object_moved_body_is_followed():
    def answer(path, conn):
        if path == "/":
            body = b'<head><title>Document Moved</title></head><body><h1>Object Moved</h1><a HREF="/vi/">here</a></body>'
            conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /vi/\r\nServer: Microsoft-IIS/10.0\r\nConnection: close\r\n"
                         + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        else:
            _ok(conn)
    with server(answer) as base:
        response = _fetcher().fetch(base + "/")
    assert response.status == 200 and response.final_url == base + "/vi/"
    assert response.redirects == [(302, base + "/vi/")]


def test_an_endless_redirect_body_is_read_up_to_its_cap_and_the_redirect_followed():
    sent = []

    def answer(path, conn):
        if path == "/":
            conn.sendall(b"HTTP/1.1 301 Moved Permanently\r\nLocation: /moved\r\nContent-Type: text/html\r\n"
                         b"Content-Length: 1073741824\r\nConnection: close\r\n\r\n")
            chunk = b"x" * 65536
            for _ in range(16384):          # up to 1 GiB, as long as the client reads
                conn.sendall(chunk)
                sent.append(len(chunk))
        else:
            _ok(conn)
    with server(answer) as base:
        response = _fetcher().fetch(base + "/")
    assert response.final_url == base + "/moved" and b"ok" in response.body
    assert sum(sent) < 64 * REDIRECT_BODY    # (what the kernel's buffers took beyond the cap)


@pytest.mark.parametrize("raw, want", [
    ("/vi/tin-t\u00e1\u00bb\u00a9c/h\u00e1\u00bb\u0099i-ngh\u00e1\u00bb\u008b", "/vi/tin-t%E1%BB%A9c/h%E1%BB%99i-ngh%E1%BB%8B"),
    ("/vi/news/a-205.html   ", "/vi/news/a-205.html"),
    ("/a b.html", "/a%20b.html"),
    ("/already%20quoted", "/already%20quoted"),
])
def test_location_values_as_browsers_read_them(raw, want):
    # (http.client hands a header's bytes over as latin-1 characters: raw UTF-8 arrives so)
    assert _location(raw) == want


def test_a_304_whose_content_length_names_the_representation_is_no_truncated_body():
    def answer(path, conn):
        conn.sendall(b'HTTP/1.1 304 Not Modified\r\nETag: "abc"\r\nContent-Length: 760\r\n\r\n')
    with server(answer) as base:
        response = _fetcher().fetch(base + "/", headers={"If-None-Match": '"abc"'})
    assert response.status == 304 and response.body == b""
