"""Per-object memoisation (dashboard.memo.per_object): a key chart's figure rewrapped for a width and a
chart's description in a language are computed once per chart object and argument, never reused for
another width, language or object, and the cache stays bounded."""

from __future__ import annotations

import gc

import plotly.graph_objects as go
import pytest

from dashboard import figures, memo
from dashboard.describe import describe
from dashboard.keycharts import Chart


class Obj:  # any weakly referenceable object
    pass


def _counting():
    calls = []

    @memo.per_object
    def fn(obj, x, *, lang="en"):
        calls.append((id(obj), x, lang))
        return (x, lang, object())  # a new value per computation

    return fn, calls


def test_same_object_and_arguments_are_computed_once():
    fn, calls = _counting()
    o = Obj()
    assert fn(o, 1) is fn(o, 1)
    assert len(calls) == 1


def test_another_width_or_language_is_another_entry():
    fn, calls = _counting()
    o = Obj()
    a, b, c = fn(o, 700), fn(o, 1000), fn(o, 700, lang="zh")
    assert a[:2] == (700, "en") and b[:2] == (1000, "en") and c[:2] == (700, "zh")
    assert len(calls) == 3
    assert fn(o, None) is fn(o, None) and len(calls) == 4  # unknown width: an entry of its own


def test_another_object_with_equal_content_is_another_entry():
    fn, calls = _counting()
    f1, f2 = go.Figure(), go.Figure()  # equal, unhashable: keyed by identity
    assert fn(f1, 1) is not fn(f2, 1)
    assert len(calls) == 2


def test_results_per_object_are_bounded_least_recently_used_first(monkeypatch):
    monkeypatch.setattr(memo, "PER_OBJECT", 2)
    fn, calls = _counting()
    o = Obj()
    fn(o, 1), fn(o, 2)
    fn(o, 1)  # 1 most recently used
    fn(o, 3)  # evicts 2
    calls.clear()
    fn(o, 1), fn(o, 3)
    assert calls == []
    fn(o, 2)
    assert [c[1] for c in calls] == [2]
    assert fn.cache_info() == {"objects": 1, "results": 2}


def test_all_results_are_bounded_least_recently_used_object_first(monkeypatch):
    monkeypatch.setattr(memo, "MAX_RESULTS", 3)
    fn, calls = _counting()
    objs = [Obj() for _ in range(4)]
    fn(objs[0], 1), fn(objs[0], 2)
    fn(objs[1], 1)
    assert fn.cache_info() == {"objects": 2, "results": 3}
    fn(objs[2], 1)  # evicts objs[0]'s oldest result
    fn(objs[3], 1)  # and then its last one
    assert fn.cache_info() == {"objects": 3, "results": 3}
    calls.clear()
    fn(objs[1], 1), fn(objs[2], 1), fn(objs[3], 1)
    assert calls == []
    fn(objs[0], 2)
    assert len(calls) == 1


def test_an_entry_goes_with_its_object():
    fn, _ = _counting()
    o = Obj()
    fn(o, 1)
    assert fn.cache_info()["objects"] == 1
    del o
    gc.collect()
    assert fn.cache_info() == {"objects": 0, "results": 0}


def test_unhashable_arguments_are_computed_every_time():
    fn, calls = _counting()
    o = Obj()
    fn(o, {1, 2}), fn(o, {1, 2})
    assert len(calls) == 2


def test_fitted_figures_differ_by_width_and_equal_the_uncached_result():
    from dashboard.ui.charts import fitted

    fig = figures.frame(go.Figure(go.Bar(x=[1], y=["a"], orientation="h")), "T " * 40, "S " * 40, "Src " * 30, 300)
    wide, phone = fitted(fig, 1000), fitted(fig, 350)
    assert wide is fitted(fig, 1000)
    assert wide.layout.title.text != phone.layout.title.text
    assert wide.to_dict() == figures.fit_text(fig, 1000).to_dict()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_description_cached_per_language(lang):
    import pandas as pd

    data = pd.DataFrame(
        {"edition": [2025, 2025], "region": ["Asia", "Europe"], "count": [3, 1], "identified": [True, True]}
    )
    chart = Chart("countries-by-region", go.Figure(), data)
    assert describe(chart, lang) == describe.uncached(chart, lang)
    other = "zh" if lang == "en" else "en"
    assert describe(chart, other) == describe.uncached(chart, other) != describe(chart, lang)
