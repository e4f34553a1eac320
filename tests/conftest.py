from __future__ import annotations

import pytest

from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer


@pytest.fixture
def lacviet_server():
    with PortalServer(LacVietPortal()) as server:
        yield server
