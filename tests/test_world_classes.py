"""One page per failure class of the generic extractor (issue 10), each beside the record it must
yield with the generic extractor forced: `fixtures/world/<class>/<name>.html`, its
`.expected.json` (headline, published_at, author, body, and the class's own field where it has
one: summary, view_count, visitor_counter, source, published_precision) and `.meta.json`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govnews.parsers.extract import parse_page

WORLD = Path(__file__).resolve().parent.parent / "fixtures" / "world"
CASES = sorted(WORLD.glob("*/*.html"))


def _case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.stem}"


@pytest.fixture(scope="module")
def parsed():
    cache: dict[Path, object] = {}

    def get(case: Path):
        if case not in cache:
            meta = json.loads(case.with_suffix(".meta.json").read_text("utf-8"))
            cache[case] = parse_page(case.read_bytes(), meta["url"], meta["headers"],
                                     profile="generic").article
        return cache[case]
    return get


def _fields(case: Path) -> list[tuple[Path, str, object]]:
    expected = json.loads(case.with_suffix(".expected.json").read_text("utf-8"))
    return [(case, field, value) for field, value in expected.items()]


FIELD_CASES = [item for case in CASES for item in _fields(case)]


def test_every_class_has_pages():
    classes = {case.parent.name for case in CASES}
    assert len(classes) >= 15 and len(CASES) >= 30


@pytest.mark.parametrize("case,field,want", FIELD_CASES,
                         ids=[f"{_case_id(c)}:{f}" for c, f, _ in FIELD_CASES])
def test_world_page_field(case, field, want, parsed):
    assert getattr(parsed(case), field) == want
