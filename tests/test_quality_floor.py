"""The accuracy floor CI keeps: no field may fall below the floor pinned in quality_floor.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govnews.fixtures.accuracy import accuracy_tables

FLOORS = json.loads((Path(__file__).parent / "quality_floor.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def tables():
    overall, _, mean = accuracy_tables()
    return {"with_profiles": overall, "leave_one_out_mean": mean}


@pytest.mark.parametrize("table,field", [(t, f) for t in ("with_profiles", "leave_one_out_mean")
                                         for f in FLOORS[t]])
def test_field_is_not_below_its_floor(tables, table, field):
    assert tables[table][field] >= FLOORS[table][field], \
        f"{table} {field}: {tables[table][field]:.3f} < floor {FLOORS[table][field]}"
