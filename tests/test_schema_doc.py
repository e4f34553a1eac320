"""docs/schema.md names every column of every record table, in the schema's order (a new user
found the schema only in ../shared/DESIGN.md, outside the repository, and incomplete)."""
from __future__ import annotations

import re
from pathlib import Path

from govnews.output.schema import KINDS

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def test_the_schema_page_lists_every_column_of_every_table():
    text = DOC.read_text("utf-8")
    for table, kinds in KINDS.items():
        section = re.search(rf"^## {table}:.*?(?=^## |\Z)", text, re.S | re.M)
        assert section, f"no section for {table}"
        columns = []
        for row in re.findall(r"^\| ([a-z_, 0-9]+) \|", section.group(0), re.M):
            columns += [c.strip() for c in row.split(",") if c.strip() != "column"]
        assert columns == list(kinds), (table, columns)


def test_the_readme_points_at_it():
    readme = (DOC.parent.parent / "README.md").read_text("utf-8")
    assert "docs/schema.md" in readme
