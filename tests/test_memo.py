"""Per-dataset memoisation: same results, no leaks between datasets, languages or callers."""

from dataclasses import replace

from dashboard import metrics
from dashboard.i18n import set_language


def test_cached_result_equals_uncached(dataset):
    assert metrics.coverage(dataset).equals(metrics.coverage.uncached(dataset))


def test_caller_mutation_does_not_reach_the_cache(dataset):
    first = metrics.participants_table(dataset)
    first["name_en"] = "changed"
    first.loc[first.index[0], "code"] = "XXX"
    again = metrics.participants_table(dataset)
    assert "changed" not in set(again.name_en) and "XXX" not in set(again.code)


def test_other_dataset_other_result(dataset):
    fewer = replace(dataset, participation=dataset.participation[dataset.participation.edition != 2025])
    assert metrics.identified_counts(fewer).set_index("edition").loc[2025, "countries_and_regions"] == 0
    assert metrics.identified_counts(dataset).set_index("edition").loc[2025, "countries_and_regions"] == 13


def test_language_is_part_of_the_key(dataset, monkeypatch):
    from dashboard import i18n

    dataset = replace(dataset)  # a fresh dataset object: its own cache, empty whatever ran before
    singles, _plurals, _rule = i18n._catalogue("zh")
    monkeypatch.setitem(singles, "Named in {a} and {b} sources", "{a}和{b}年来源均提及")
    set_language("zh")  # the run's language is not part of the key: the explicit argument is
    try:
        en = metrics.overlap_labelled(dataset, 2024, 2025, "country_or_region", lang="en").status_label.iloc[0]
    finally:
        set_language("en")
    zh = metrics.overlap_labelled(dataset, 2024, 2025, "country_or_region", lang="zh").status_label.iloc[0]
    assert en == "Named in 2024 and 2025 sources" and zh == "2024和2025年来源均提及"


def test_the_cache_is_bounded_and_evicts_the_least_recently_used(monkeypatch):
    from dashboard import memo

    class Data:  # any weakly referenceable object stands for a dataset
        pass

    calls = []

    @memo.per_dataset
    def double(ds, x):
        calls.append(x)
        return 2 * x

    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    ds = Data()
    assert [double(ds, x) for x in (1, 2, 3)] == [2, 4, 6]
    double(ds, 1)  # 1 is now the most recently used
    double(ds, 4)  # evicts 2, the least recently used
    assert memo.cache_size(ds) == 3
    calls.clear()
    double(ds, 1), double(ds, 3), double(ds, 4)
    assert calls == []  # still cached
    double(ds, 2)
    assert calls == [2]  # was evicted: computed again
    assert memo.cache_size(ds) == 3
