"""Each harvest records whether each site answered: reachable, redirected (to where), gone,
blocked; a portal gone for three runs gets, once, the hint to recover it from the archives; the
report shows each site's status over time."""
from __future__ import annotations

import contextlib
import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

import govnews
from govnews.fixtures.faults import Faults, RedirectTo
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output.report import TEXTS
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


@dataclass(frozen=True)
class Runs:
    data: Path
    province: str       # where the district's portal now sends everyone
    err: str            # what the four harvests wrote on stderr


@pytest.fixture(scope="module")
def moved_and_vanished(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Four harvests of two portals: after the first, one starts redirecting to the merged
    province's portal (another host) and the other disappears."""
    tmp = tmp_path_factory.mktemp("status")
    data = tmp / "data"
    province = PortalServer(NukeVietPortal()).start()          # the merged province's portal
    moving_faults = Faults()
    moving = PortalServer(LacVietPortal(), faults=moving_faults).start()
    vanishing = PortalServer(LacVietPortal()).start()
    sites = {"district": moving.url, "city": vanishing.url}
    cfg = write_config(tmp / "sites.toml", data, sites)
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            assert main(["harvest", "-c", str(cfg)]) == 0                 # run 1: both answer
            moving_faults.add("", RedirectTo(province.url + "/"))          # now sends everyone away
            vanishing.stop()                                                # and this one is gone
            for _ in range(3):
                assert main(["harvest", "-c", str(cfg)]) == 1
        assert not province.requests, "a redirect out of the site's scope was followed"
    finally:
        moving.stop()
        province.stop()
    return Runs(data, province.url, err.getvalue())


def test_a_portal_that_moves_and_one_that_disappears(moved_and_vanished: Runs):
    data, err = moved_and_vanished.data, moved_and_vanished.err
    status = govnews.site_status(data)
    history = status.pivot(index="run_id", columns="site", values="status")
    assert history["district"].tolist() == ["reachable", "redirected", "redirected", "redirected"]
    assert history["city"].tolist() == ["reachable", "gone", "gone", "gone"]
    moved = status[(status.site == "district") & (status.status == "redirected")]
    assert (moved.final_url == moved_and_vanished.province + "/").all()
    assert err.count("govnews recover") == 1            # the hint, once, on the third gone run
    assert "site city has been gone for 3 runs" in err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_shows_the_sites_status_over_time(moved_and_vanished: Runs, tmp_path: Path, lang: str):
    t = TEXTS[lang]
    data = moved_and_vanished.data
    out = tmp_path / "report.html"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["report", str(data), "-o", str(out), "--lang", lang]) == 0
    tree = lxml.html.document_fromstring(out.read_bytes())
    [section] = tree.xpath("//section[@class='site-status']")
    assert section.findtext("h2") == t["status_heading"]
    assert section.xpath(".//figure/img[starts-with(@src, 'data:image/png;base64,')]")   # the grid
    rows = {tr.xpath("td")[0].text_content(): [td.text_content() for td in tr.xpath("td")[1:]]
            for tr in section.xpath(".//tbody/tr")}
    assert list(rows) == ["city", "district"]            # both changed in the second run: by name
    runs = govnews.site_status(data).sort_values("observed_at")
    second = runs[(runs.site == "city")].observed_at.iloc[1]
    since = second.tz_convert("Asia/Ho_Chi_Minh").strftime("%d/%m/%Y %H:%M" if lang == "vi" else "%Y-%m-%d %H:%M")
    reachable, redirected, gone = (t["status_" + s] for s in ("reachable", "redirected", "gone"))
    # four runs (most recent last), then: now, since, redirected to, the latest detail
    assert rows["city"][:7] == [reachable, gone, gone, gone, gone, since, "—"]
    assert rows["district"][:7] == [reachable, redirected, redirected, redirected, redirected, since,
                                    moved_and_vanished.province + "/"]
    assert rows["city"][7] and rows["district"][7]        # what happened, in the harvester's words
    header = [th.text_content() for th in section.xpath(".//thead//th")]
    assert len(header) == 1 + 4 + 4 and len(set(header[1:5])) == 4


def test_report_data_has_each_sites_history(moved_and_vanished: Runs):
    from govnews.output.report import report_data

    data = moved_and_vanished.data
    status = govnews.site_status(data)
    numbers = report_data(govnews.load(data), site_status=status)
    history = numbers["site_history"].set_index("site")
    second = status[status.site == "city"].sort_values("observed_at").observed_at.iloc[1]
    assert history.loc["city", "gone_since"] == second and history.loc["city", "status"] == "gone"
    assert history.loc["district", "redirected_to"] == moved_and_vanished.province + "/"
    assert pd.isna(history.loc["district", "gone_since"])
    grid = numbers["site_status_grid"]
    assert grid.loc["district"].tolist() == ["reachable"] + ["redirected"] * 3
    assert grid.loc["city"].tolist() == ["reachable"] + ["gone"] * 3


def test_site_status_times_have_the_dtype_of_every_other_tables_times(tmp_path):
    """pandas infers microseconds for these ISO strings; every other table's UTC times are in
    nanoseconds, so a merge or a concat of site_status with observations kept two dtypes.
    Found by a new user following the README."""
    import pandas as pd

    from govnews.output.dataset import site_status
    from govnews.output.store import Store

    folder = tmp_path / "data"
    folder.mkdir()
    store = Store.open(folder)
    store.record_site_status("run-1", "2025-01-01T00:00:00.123456+00:00",
                             [{"site": "city", "status": "reachable", "detail": None, "final_url": None}])
    store.close()
    frame = site_status(folder)
    assert frame["observed_at"].dtype == pd.DatetimeTZDtype("ns", "UTC")
