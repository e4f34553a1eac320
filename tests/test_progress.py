"""Progress on a terminal: one line that fits the terminal, names the site, shows pages, rate
and time; nothing is written by a run without a terminal (cron)."""
from __future__ import annotations

import io

from govnews.scraper.progress import Progress, progress_line


def test_the_line_says_time_pages_rate_queue_and_site():
    line = progress_line(1234, 310, 95, 2, "baclieu-city", 125.0)
    assert line.startswith("2:05 1,234 pages 9.9/s")
    assert "310 articles" in line and "95 queued" in line and "2 errors" in line
    assert line.endswith("baclieu-city")


def test_the_line_fits_an_80_column_terminal(monkeypatch):
    import os
    monkeypatch.setattr("shutil.get_terminal_size",
                        lambda fallback=(80, 24): os.terminal_size((80, 24)))
    out = io.StringIO()
    progress = Progress(out, every=0)
    progress.update(10**9, 10**8, 10**7, 10**6, "a-very-long-site-name-" * 5)
    written = out.getvalue()
    assert written.startswith("\r") and len(written) - 1 <= 79
    progress.close()
    assert out.getvalue().endswith("\r")


def test_a_run_without_a_terminal_writes_no_progress(tmp_path, capsys):
    import textwrap
    from govnews.fixtures.portals.lacviet import LacVietPortal
    from govnews.fixtures.server import PortalServer
    from govnews.scraper.cli import main
    with PortalServer(LacVietPortal()) as server:
        cfg = tmp_path / "sites.toml"
        cfg.write_text(textwrap.dedent(f"""\
            [harvest]
            output = "{tmp_path / 'data'}"
            delay = 0.0
            allow_private = true
            [[sites]]
            name = "baclieu"
            start_urls = ["{server.url}/"]
            """), encoding="utf-8")
        assert main(["harvest", "-c", str(cfg)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count("\n") == 1 and out.startswith("harvested 40 articles")
