"""A portal moved to new addresses between two harvests (NukeViet to WordPress, 301s), then the
README's chain: reparse keeps the one row per article and both runs' observations, export and
report run. The moved articles' second observations are folded-duplicate observations (session 20),
which reparse must neither drop nor double."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import govnews

sys.path.insert(0, str(Path(__file__).parent))
from test_blind_hostile3 import HostilePortal3, check_run, harvest, write_config  # noqa: E402


def test_move_then_reparse_export_report(tmp_path):
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        check_run(harvest(cfg, out))
        p.next_run()
        p.platform = "wordpress"
        check_run(harvest(cfg, out), {0, 1})
    before = govnews.load(out)
    gv = [sys.executable, "-m", "govnews"]
    r = subprocess.run(gv + ["reparse", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    after = govnews.load(out)
    assert len(after.articles) == len(before.articles) == 6
    assert len(after.observations) == len(before.observations) == 12
    for cmd in (["export", str(out), "--format", "csv", "-o", str(tmp_path / "exp")], ["report", str(out)]):
        r = subprocess.run(gv + cmd, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
