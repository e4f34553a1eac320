"""Datasets a reader cannot write, datasets that are damaged, and ports already taken: one line
and an exit code, never an internal error (a new user's walk through the README, session 21)."""
from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import pytest

import govnews
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.scraper.cli import main


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ds") / "data"
    with PortalServer(LacVietPortal()) as server:
        assert main(["crawl", server.url + "/", "-o", str(out), "--delay", "0", "--allow-private", "-q"]) == 0
    return out


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The folder as a read-only mount shows it to SQLite and to os.access (a test cannot mount
    one): a WAL database opened `mode=ro` cannot make its -shm file there."""
    real_connect, real_access = sqlite3.connect, os.access
    inside = str(folder.resolve())

    def connect(database, *args, **kwargs):
        name = str(database)
        if inside in name and "immutable=1" not in name:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    def access(path, mode, *args, **kwargs):
        if str(Path(path).resolve()).startswith(inside) and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(os, "access", access)


def test_a_read_only_dataset_can_be_loaded_reported_exported_and_listed(dataset, tmp_path, monkeypatch, capsys):
    """README: load reads a dataset folder, and so do report and stories; an analyst given a
    read-only copy (an archive's, a share's) reads it (was StoreError, exit 70)."""
    articles = len(govnews.load(dataset).articles)
    _read_only(monkeypatch, dataset)
    assert len(govnews.load(dataset).articles) == articles
    assert main(["report", str(dataset), "-o", str(tmp_path / "r.html")]) == 0
    assert main(["export", str(dataset), "-o", str(tmp_path / "exp"), "--format", "csv"]) == 0
    assert (tmp_path / "exp" / "articles.csv").is_file()
    assert main(["stories", str(dataset), "--min-sites", "1", "-o", str(tmp_path / "s.csv")]) == 0
    assert "internal error" not in capsys.readouterr().err


def test_a_damaged_database_is_one_line_and_exit_2(dataset, tmp_path, capsys):
    broken = tmp_path / "broken"
    broken.mkdir()
    data = bytearray((dataset / "dataset.sqlite").read_bytes())
    data[4096:12288] = b"\xff" * 8192
    (broken / "dataset.sqlite").write_bytes(bytes(data))
    for command in (["report", str(broken), "-o", str(tmp_path / "r.html")],
                    ["export", str(broken), "-o", str(tmp_path / "e")]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert "internal error" not in err and "dataset.sqlite" in err.splitlines()[-1], err
        assert not list(broken.glob("logs/*.crash.txt"))


def test_serve_fixtures_on_a_port_in_use_says_so(capsys):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        port = taken.getsockname()[1]
        assert main(["serve-fixtures", "--port", str(port)]) == 2
    finally:
        taken.close()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(port) in err[0] and "--port" in err[0], err


def test_a_refused_connection_says_so_in_plain_words(tmp_path, capsys):
    """A closed port: the errors file and the site's status say 'connection refused', not
    urllib3's class names cut off mid-word ('_PinnedHTTPPool(host=…): Max retries exceeded …
    NewConnectionError(… Failed to establish a new co…')."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    out = tmp_path / "data"
    assert main(["crawl", f"http://127.0.0.1:{port}/", "-o", str(out), "--allow-private", "-s", "max_tries=1"]) == 1
    errors = "".join(p.read_text("utf-8") for p in (out / "logs").glob("*.errors.txt"))
    assert "connection refused" in errors, errors
    assert "Pool(" not in errors and "NewConnectionError" not in errors, errors
    capsys.readouterr()
