from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer


@pytest.fixture
def lacviet_server():
    with PortalServer(LacVietPortal()) as server:
        yield server


# pywb cannot share the test venv (it pins pyOpenSSL < 26.2, hence cryptography < 48, where the
# test venv has newer ones): the replay tests run its tools from a venv of their own.
@pytest.fixture(scope="session")
def pywb_venv(tmp_path_factory) -> Path:
    """A venv with pywb (made once per session, or kept where GOVNEWS_PYWB_VENV says)."""
    venv = Path(os.environ.get("GOVNEWS_PYWB_VENV") or tmp_path_factory.mktemp("pywb") / "venv")
    python = venv / "bin" / "python"
    if python.exists() and subprocess.run([str(python), "-c", "import pywb"],
                                          capture_output=True).returncode == 0:
        return venv
    base = getattr(sys, "_base_executable", None) or shutil.which("python3")
    made = subprocess.run([base, "-m", "venv", str(venv)], capture_output=True, text=True,
                          timeout=300)
    assert made.returncode == 0, made.stderr
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "pywb"],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, "pip install pywb failed:\n" + pip.stderr[-3000:]
    return venv
