"""Memoisation per dataset (and per cached object, :func:`per_object`): the metrics are pure functions of an immutable Dataset, so each
result is computed once per dataset object and reused by every rerun and every session.

Keys are the dataset's identity (held weakly: a dropped dataset frees its results) and the
other arguments, which must be hashable (lists are frozen to tuples); a function whose result
holds translated text takes the language as an argument (``lang=``), so it is part of the key. A call with an argument
that cannot be frozen (a DataFrame) is simply not cached. DataFrames are returned as shallow
copies: with pandas' copy-on-write a caller that adds or changes a column never alters the
cached result. The cache is bounded: at most :data:`MAX_ENTRIES` results per dataset, the least
recently used evicted first.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import pandas as pd

# At most this many results per dataset (least recently used evicted first): filters, editions and
# languages multiply the keys a long-running server would otherwise keep forever.
MAX_ENTRIES = 2048

_caches: weakref.WeakKeyDictionary[Any, OrderedDict] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


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


_MISSING = object()


def per_dataset(fn: Callable) -> Callable:
    @functools.wraps(fn)
    def wrapper(ds, *args, **kwargs):
        try:
            key = (fn.__module__, fn.__qualname__, _freeze(args), _freeze(kwargs))
        except (_Unhashable, TypeError):
            return fn(ds, *args, **kwargs)
        with _lock:
            cache = _caches.get(ds)
            if cache is None:
                cache = _caches.setdefault(ds, OrderedDict())
            value = cache.get(key, _MISSING)
            if value is not _MISSING:
                cache.move_to_end(key)
        if value is _MISSING:
            value = fn(ds, *args, **kwargs)
            with _lock:
                cache[key] = value
                cache.move_to_end(key)
                while len(cache) > MAX_ENTRIES:
                    cache.popitem(last=False)
        return _out(value)

    wrapper.uncached = fn  # type: ignore[attr-defined]
    return wrapper


def cache_size(ds) -> int:
    """How many results are cached for ``ds`` (for tests and the benchmark)."""
    return len(_caches.get(ds, ()))


# --- per object ------------------------------------------------------------------------------------
# Results of a pure function of an object that is itself cached (a key chart's figure or the Chart,
# held by the per-dataset cache above) and a few small arguments: a figure's text rewrapped for a
# width (figures.fit_text), a chart's description in a language (describe.describe). Plotly figures
# and Charts are not hashable (they compare by value), so entries are keyed by the object's identity,
# held weakly: an entry goes when its object does. Bounded twice, least recently used evicted first: at
# most PER_OBJECT results per object (widths, languages) and MAX_RESULTS in all (a rewrapped figure takes
# about 150 KB: 256 of them about 40 MB, against the dozens a server's pages use per language and width).

PER_OBJECT = 8
MAX_RESULTS = 256


def per_object(fn: Callable) -> Callable:
    """Memoise ``fn(obj, *args, **kwargs)`` per ``obj`` (by identity, weakly) and per the other
    arguments (which must be hashable; a call with one that is not is simply not cached)."""
    entries: OrderedDict[int, tuple[weakref.ref, OrderedDict]] = OrderedDict()
    lock = threading.Lock()
    count = [0]  # results held in all

    def _drop(oid: int) -> None:
        count[0] -= len(entries.pop(oid)[1])

    dead: list[tuple[int, weakref.ref]] = []  # entries whose object has gone, dropped at the next call

    def _forget(oid: int, ref: weakref.ref) -> None:
        # A weakref callback may run inside the garbage collector, in any thread, even while this thread
        # holds the lock (an allocation under it can start a collection): it only notes the entry.
        dead.append((oid, ref))

    def _purge() -> None:  # under the lock
        while dead:
            oid, ref = dead.pop()
            held = entries.get(oid)
            if held is not None and held[0] is ref:
                _drop(oid)

    @functools.wraps(fn)
    def wrapper(obj, *args, **kwargs):
        try:
            key = (_freeze(args), _freeze(kwargs))
        except (_Unhashable, TypeError):
            return fn(obj, *args, **kwargs)
        oid = id(obj)
        value = _MISSING
        with lock:
            _purge()
            held = entries.get(oid)
            if held is not None and held[0]() is not obj:  # a dead object's id reused before its callback
                _drop(oid)
                held = None
            if held is not None:
                entries.move_to_end(oid)
                value = held[1].get(key, _MISSING)
                if value is not _MISSING:
                    held[1].move_to_end(key)
        if value is not _MISSING:
            return value
        value = fn(obj, *args, **kwargs)
        if value is obj:  # held strongly by its own entry, it would never go: nothing to keep anyway
            return value
        try:
            ref = weakref.ref(obj, lambda r, oid=oid: _forget(oid, r))
        except TypeError:  # not weakly referenceable: not cached
            return value
        with lock:
            held = entries.get(oid)
            if held is not None and held[0]() is not obj:
                _drop(oid)
                held = None
            if held is None:
                held = entries[oid] = (ref, OrderedDict())
            entries.move_to_end(oid)
            if key not in held[1]:
                count[0] += 1
            held[1][key] = value
            held[1].move_to_end(key)
            while len(held[1]) > PER_OBJECT:
                held[1].popitem(last=False)
                count[0] -= 1
            while count[0] > MAX_RESULTS and entries:
                oldest = next(iter(entries))
                results = entries[oldest][1]
                results.popitem(last=False)
                count[0] -= 1
                if not results:
                    del entries[oldest]
        return value

    wrapper.uncached = fn  # type: ignore[attr-defined]

    def cache_info() -> dict:
        with lock:
            _purge()
            return {"objects": len(entries), "results": count[0]}

    wrapper.cache_info = cache_info  # type: ignore[attr-defined]
    return wrapper
