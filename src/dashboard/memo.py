"""Memoisation per dataset: the metrics are pure functions of an immutable Dataset, so each
result is computed once per dataset object and reused by every rerun and every session.

Keys are the dataset's identity (held weakly: a dropped dataset frees its results) and the
other arguments, which must be hashable (lists are frozen to tuples); a function whose result
holds translated text takes the language as an argument (``lang=``), so it is part of the key. A call with an argument
that cannot be frozen (a DataFrame) is simply not cached. DataFrames are returned as shallow
copies: with pandas' copy-on-write a caller that adds or changes a column never alters the
cached result.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any

import pandas as pd

_caches: weakref.WeakKeyDictionary[Any, dict] = weakref.WeakKeyDictionary()


class _Unhashable(Exception):
    pass


def _freeze(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (pd.DataFrame, pd.Series, set)):
        raise _Unhashable
    hash(value)
    return value


def _out(value: Any) -> Any:
    return value.copy(deep=False) if isinstance(value, (pd.DataFrame, pd.Series)) else value


def per_dataset(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def wrapper(ds, *args, **kwargs):
        try:
            key = (fn.__module__, fn.__qualname__, _freeze(args), _freeze(kwargs))
        except (_Unhashable, TypeError):
            return fn(ds, *args, **kwargs)
        cache = _caches.get(ds)
        if cache is None:
            cache = _caches.setdefault(ds, {})
        if key not in cache:
            cache[key] = fn(ds, *args, **kwargs)
        return _out(cache[key])

    wrapper.uncached = fn  # type: ignore[attr-defined]
    return wrapper
