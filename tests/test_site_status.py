"""Each harvest records whether each site answered: reachable, redirected (to where), gone,
blocked; a portal gone for three runs gets, once, the hint to recover it from the archives."""
from __future__ import annotations

import textwrap
from pathlib import Path

import govnews
from govnews.fixtures.faults import Faults, RedirectTo
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.scraper.cli import main


def write_config(path: Path, out: Path, sites: dict[str, str]) -> Path:
    body = "".join(f'\n[[sites]]\nname = "{n}"\nstart_urls = ["{u}/"]\n' for n, u in sites.items())
    path.write_text(textwrap.dedent(f"""\
        [harvest]
        output = "{out}"
        delay = 0.0
        allow_private = true
        timeout = 2
        connect_timeout = 1
        max_tries = 1
        [reobserve]
        window_days = 0
        sample_older = 0
        """) + body, encoding="utf-8")
    return path


def test_a_portal_that_moves_and_one_that_disappears(tmp_path, capsys):
    data = tmp_path / "data"
    province = PortalServer(NukeVietPortal()).start()          # the merged province's portal
    moving_faults = Faults()
    moving = PortalServer(LacVietPortal(), faults=moving_faults).start()
    vanishing = PortalServer(LacVietPortal()).start()
    sites = {"district": moving.url, "city": vanishing.url}
    cfg = write_config(tmp_path / "sites.toml", data, sites)
    try:
        assert main(["harvest", "-c", str(cfg)]) == 0                 # run 1: both answer
        moving_faults.add("", RedirectTo(province.url + "/"))          # now sends everyone away
        vanishing.stop()                                                # and this one is gone
        for _ in range(3):
            assert main(["harvest", "-c", str(cfg)]) == 1
        assert not province.requests, "a redirect out of the site's scope was followed"
    finally:
        moving.stop()
        province.stop()
    err = capsys.readouterr().err
    status = govnews.site_status(data)
    history = status.pivot(index="run_id", columns="site", values="status")
    assert history["district"].tolist() == ["reachable", "redirected", "redirected", "redirected"]
    assert history["city"].tolist() == ["reachable", "gone", "gone", "gone"]
    moved = status[(status.site == "district") & (status.status == "redirected")]
    assert (moved.final_url == province.url + "/").all()
    assert err.count("govnews recover") == 1            # the hint, once, on the third gone run
    assert "site city has been gone for 3 runs" in err
