"""The analyser's work is bounded by its input's size, whatever that input is: overlong
"words" are not split, a field's text is read up to a limit, and the per-process caches of
stems and splits stay at a fixed size under any number of distinct queries."""

from search import analysis
from search.analysis import (
    CACHE_WOORDEN,
    MAX_TEKST,
    MAX_WOORD,
    analyze,
    delen,
    split_compound,
    stem,
)


def test_an_overlong_word_is_left_out_and_the_rest_is_analysed():
    tekst = "x" * 80_000 + " jeugdcriminaliteit " + "jeugd" * (MAX_WOORD // 5 + 1)
    assert analyze(tekst).split() == [stem("jeugdcriminaliteit"), stem("jeugd"), "criminaliteit"]


def test_a_word_of_the_maximum_length_is_still_indexed():
    woord = "a" * MAX_WOORD
    assert analyze(woord) == stem(woord)


def test_text_beyond_the_limit_is_not_indexed():
    eenzaamheid = stem("eenzaamheid")
    assert eenzaamheid in analyze("buurt eenzaamheid").split()
    assert eenzaamheid not in analyze("buurt " * (MAX_TEKST // 6) + "eenzaamheid").split()


def test_the_caches_stay_bounded_under_distinct_words():
    for cache in (stem, split_compound, delen):
        cache.cache_clear()
    for nummer in range(CACHE_WOORDEN + 500):
        analysis.analyze(f"woonoverlast{nummer}x")
    for cache in (stem, split_compound, delen):
        assert cache.cache_info().currsize <= CACHE_WOORDEN
