"""Records out: the schema, the SQLite store, atomic writers and the pandas loader.

`load` and `Dataset` are imported on first use, so that `import output.store` (the crawler's
path) does not pay for importing pandas.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import Dataset, load

__all__ = ["Dataset", "load"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import dataset

        return getattr(dataset, name)
    raise AttributeError(f"module 'output' has no attribute {name!r}")
