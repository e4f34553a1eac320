"""What the fourth new user's walk left (session 23's closing note), each a bad input that must get
one line and exit 2 before anything is written: a Dask scheduler address that is not one (it was
an internal error, exit 70), a crawl seed that is a private IP address without --allow-private
(exit 1 after making the dataset folder), a capture window whose `from` is after its `to` (it
recovered nothing and said nothing)."""
from __future__ import annotations

import pytest

from govnews.scraper.cli import EXIT_USAGE, main


def _run(argv, capsys) -> tuple[int, str]:
    rc = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


@pytest.mark.parametrize("address", ["nonsense", "foo://scheduler:8786"])
def test_a_scheduler_address_that_is_not_one_is_bad_usage(tmp_path, capsys, address):
    config = tmp_path / "sites.toml"
    config.write_text('[harvest]\noutput = "data"\n[[sites]]\nname = "a"\nstart_urls = ["http://127.0.0.1:9/"]\n'
                      'allow_private = true\n', encoding="utf-8")
    rc, out = _run(["harvest", "-c", config, "--scheduler", address], capsys)
    assert rc == EXIT_USAGE, out
    assert f"{address!r} is not one" in out and "internal error" not in out
    assert not list(tmp_path.rglob("*.crash.txt"))


@pytest.mark.parametrize("seed", ["http://127.0.0.1:9/", "http://10.1.2.3/tin-tuc", "http://[::1]:8080/"])
def test_a_private_address_seed_without_allow_private_is_bad_usage(tmp_path, capsys, seed):
    rc, out = _run(["crawl", seed, "-o", tmp_path / "out"], capsys)
    assert rc == EXIT_USAGE, out
    assert "--allow-private" in out and len(out.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_site_whose_window_ends_before_it_starts_is_refused(tmp_path, capsys):
    config = tmp_path / "sites.toml"
    config.write_text('[harvest]\noutput = "data"\n[[sites]]\nname = "old"\nstart_urls = ["https://old.example.vn/"]\n'
                      'source = "wayback"\nfrom = "2024-06"\nto = 2023-12-31\n', encoding="utf-8")
    rc, out = _run(["harvest", "-c", config], capsys)
    assert rc == EXIT_USAGE, out
    assert "from 2024-06 is after to 2023-12-31" in out
    assert not (tmp_path / "data").exists()


def test_recover_with_from_date_after_to_date_is_refused(tmp_path, capsys):
    rc, out = _run(["recover", "old.example.vn", "--from", "wayback", "-o", tmp_path / "old",
                    "--from-date", "2025-01-01", "--to-date", "2024"], capsys)
    assert rc == EXIT_USAGE, out
    assert "after to 2024" in out
    assert not (tmp_path / "old").exists()


def test_a_window_within_one_year_is_fine(tmp_path, capsys):
    """Guard: 'from 2020-05' to '2020' is a window (a year stands for all of it)."""
    from govnews.scraper.config import check_date_range
    from govnews.scraper.errors import ConfigError
    check_date_range("site", "2020-05", "2020")
    check_date_range("site", "2020", "2020-05-31")
    with pytest.raises(ConfigError, match="after to 2020-05"):
        check_date_range("site", "2020-06-01", "2020-05")
