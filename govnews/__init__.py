"""govnews: harvest Vietnamese local-government news portals into tidy, archived data.

    >>> import govnews
    >>> rec = govnews.extract("<html>...</html>", url="https://example.gov.vn/tin-tuc/1")
    >>> data = govnews.load("govnews-data")          # articles, observations, site_counters, runs
    >>> series = govnews.engagement(data)            # one row per article and observation

The module tree (govnews.scraper, govnews.parsers, govnews.output) is the implementation; the
names below are the public face. They are imported on first use, so `import govnews` stays cheap
(no pandas until a function that needs it is called).
"""
from __future__ import annotations

from typing import Any

from ._version import __version__

__all__ = ["__version__", "extract", "extract_frame", "load", "engagement", "views_over_time",
           "top_gainers", "decay_by_age", "site_status", "stories", "Dataset"]

_WHERE = {
    "extract": "govnews.api", "extract_frame": "govnews.api",
    "load": "govnews.output.dataset", "Dataset": "govnews.output.dataset",
    "site_status": "govnews.output.dataset",
    "stories": "govnews.output.stories",
    "engagement": "govnews.output.engagement", "views_over_time": "govnews.output.engagement",
    "top_gainers": "govnews.output.engagement", "decay_by_age": "govnews.output.engagement",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib
        module = importlib.import_module(_WHERE[name])
        value = getattr(module, "stories_table" if name == "stories" else name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'govnews' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
