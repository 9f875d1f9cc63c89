"""dyadic: news articles in, political event data out (CAMEO-coded, with evidence).

The public API is small and stable; heavy modules (the language model) load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Options", "Store", "__version__", "code"]

if TYPE_CHECKING:
    from dyadic.pipeline import Options, code
    from dyadic.store import Store


def __getattr__(name: str) -> object:
    if name in ("code", "Options"):
        from dyadic import pipeline

        return getattr(pipeline, name)
    if name == "Store":
        from dyadic.store import Store

        return Store
    raise AttributeError(f"module 'dyadic' has no attribute {name!r}")
