"""govnews installs one import name, `govnews`: it never overwrites nor deletes another
project's top-level package (testing-cabal's `fixtures`, PyPI's `output` or `scraper`)."""
from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                            str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    return next(out.glob("govnews-*.whl"))


def test_the_wheel_holds_one_top_level_package_and_no_test_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"govnews"}
    assert "govnews/parsers/profiles/lacviet.toml" in names
    assert "govnews/fixtures/portals/lacviet.py" in names          # the demo needs them
    assert not [n for n in names if "/golden/" in n or "/heldout/" in n]


def test_installs_beside_testing_cabal_fixtures(wheel, tmp_path):
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = str(env / "bin" / "python")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([python, *args], capture_output=True, text=True, timeout=600,
                              cwd=tmp_path)

    got = run("-m", "pip", "install", "-q", "fixtures")
    if got.returncode != 0:
        pytest.fail(f"pip could not install testing-cabal's fixtures: {got.stderr[-500:]}")
    check = "from fixtures import MonkeyPatch, Fixture; print('ok')"
    assert run("-c", check).stdout.strip() == "ok"
    assert run("-m", "pip", "install", "-q", "--no-deps", str(wheel)).returncode == 0
    assert run("-c", check).stdout.strip() == "ok"
    assert run("-c", "import govnews; print(govnews.__version__)").returncode == 0
    assert run("-m", "pip", "uninstall", "-y", "-q", "govnews").returncode == 0
    assert run("-c", check).stdout.strip() == "ok"
