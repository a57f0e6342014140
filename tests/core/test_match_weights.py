"""Weights parsing and the array API behind `rank`."""

from __future__ import annotations

import pytest

from askwell.core.match import FACTORS, Weights, build_network, parse_weights, rank, rank_many
from askwell.core.match.fit import FIT
from askwell.core.match.rank import HELD_BACK_SHOWN, SHOWN_HIGH, SHOWN_LOW
from askwell.core.model import RELATIONSHIPS, SUPPORT_TYPES, DomainError
from factories_match import NOW, history, need, person


def test_match_weights_default_covers_every_factor() -> None:
    assert tuple(Weights().as_dict()) == FACTORS


def test_match_parse_weights_overrides_only_named_factors() -> None:
    w = parse_weights(" expertise=2, capacity = 0.5 ,")
    assert w.expertise == 2.0 and w.capacity == 0.5 and w.fit == Weights().fit
    assert parse_weights(None) == Weights() and parse_weights("  ") == Weights()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("kindness=1", "cannot read weight 'kindness=1'"),
        ("expertise", "cannot read weight 'expertise'"),
        ("fit=lots", "the weight for fit must be a number"),
        ("fit=-1", "between 0 and 100"),
        ("fit=nan", "between 0 and 100"),
        (",".join(f"{f}=0" for f in FACTORS), "at least one weight must be above 0"),
    ],
)
def test_match_parse_weights_rejects_bad_specs(spec: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        parse_weights(spec)


def test_match_fit_table_covers_every_pair() -> None:
    assert set(FIT) == {(s, r) for s in SUPPORT_TYPES for r in RELATIONSHIPS}
    assert all(0 <= v <= 1 for v in FIT.values())


def test_match_rank_many_matches_rank_and_limits() -> None:
    people = [person(i, f"P{i}", topics=("career",) if i % 2 else ()) for i in range(1, 8)]
    n = need()
    h = history(people, [n])
    full = rank(n, people, h, NOW)
    ranking = rank_many(n, build_network(people, h, NOW), [], NOW)
    top = ranking.candidates(limit=3)
    assert [c.person.id for c in top] == [c.person.id for c in full[:3]]
    assert [c.total for c in top] == [c.total for c in full[:3]]
    assert len(ranking.candidates()) == 7


def test_match_rank_rejects_unknown_support_type() -> None:
    n = need(support_type="magic")
    with pytest.raises(DomainError, match="unknown support type"):
        rank(n, [person(1, "A")], history([person(1, "A")], [n]), NOW)


def test_match_totals_are_the_weighted_mean_stretched_to_the_shown_scale() -> None:
    people = [
        person(1, "A", relationship="mentor", topics=("career",)),
        person(2, "B", relationship="colleague", topics=("knitting",), stretched=True),
    ]
    first, held = rank(need(), people, history(people, [need()]), NOW)
    for c in (first, held):
        expected = sum(f.score * f.weight for f in c.factors.values()) / sum(
            f.weight for f in c.factors.values()
        )
        assert c.mean == pytest.approx(expected, abs=1e-3)
        assert 0 <= c.total <= 1
    stretch = (first.mean - SHOWN_LOW) / (SHOWN_HIGH - SHOWN_LOW)
    assert first.total == pytest.approx(min(1.0, stretch), abs=1e-3)
    held_stretch = max(0.0, (held.mean - SHOWN_LOW) / (SHOWN_HIGH - SHOWN_LOW))
    assert held.total == pytest.approx(HELD_BACK_SHOWN * held_stretch, abs=1e-3)


def test_match_limit_keeps_the_tie_break_across_the_cut_off() -> None:
    people = [person(i, name) for i, name in enumerate(["eve", "Dan", "cy", "Bo", "al"], start=1)]
    n = need()
    ranking = rank_many(n, build_network(people, history(people, [n]), NOW), [], NOW)
    assert [c.person.name for c in ranking.candidates(limit=2)] == ["al", "Bo"]
    assert [c.person.name for c in ranking.candidates()] == ["al", "Bo", "cy", "Dan", "eve"]
