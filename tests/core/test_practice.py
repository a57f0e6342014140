"""Practice suggestions: small low-stakes asks and help to offer back."""

from __future__ import annotations

from datetime import date

from askwell.core.model import Boundary
from askwell.core.practice import GENERIC_ASKS, help_to_offer, small_asks, suggest
from factories_insights import NOW, Builder, days_ago


def test_help_to_offer_names_recent_helpers_not_yet_helped_back():
    b = Builder()
    anna, ben, cleo = b.person("Anna"), b.person("Ben"), b.person("Cleo")
    b.ask(b.need(summary="move the sofa"), anna, days_ago(10), "yes")
    b.ask(b.need(), ben, days_ago(10), "yes")
    b.help(ben, days_ago(5))  # already helped back
    b.ask(b.need(), cleo, days_ago(100), "yes")  # too long ago
    offers = help_to_offer(b.h, NOW)
    assert [o.person_id for o in offers] == [anna.id]
    assert "Anna helped you with “move the sofa”" in offers[0].text


def test_help_given_before_the_help_received_does_not_count():
    b = Builder()
    anna = b.person("Anna")
    b.help(anna, days_ago(20))
    b.ask(b.need(), anna, days_ago(10), "alternative")
    assert [o.person_id for o in help_to_offer(b.h, NOW)] == [anna.id]


def test_small_asks_pair_a_light_open_need_with_a_willing_person():
    b = Builder()
    anna, ben = b.person("Anna"), b.person("Ben", stretched=True)
    b.ask(b.need(status="resolved"), anna, days_ago(30), "yes")
    b.ask(b.need(status="resolved"), ben, days_ago(30), "yes")
    b.need(summary="pick a laptop", support_type="information", barriers={"burden": 1})
    b.need(summary="fix my taxes", urgency="high")  # too urgent to practise on
    asks = small_asks(b.h, NOW)
    assert len(asks) == 1
    assert "pick a laptop" in asks[0].text and "Anna" in asks[0].text
    assert asks[0].person_id == anna.id


def test_small_asks_skip_people_under_a_cooldown():
    b = Builder()
    anna = b.person("Anna")
    b.ask(b.need(status="resolved"), anna, days_ago(30), "yes")
    b.h.boundaries.append(Boundary(person_id=anna.id or 0, until=date(2026, 4, 1)))
    b.need(summary="pick a laptop")
    asks = small_asks(b.h, NOW)
    assert asks[0].person_id is None and "someone you trust" in asks[0].text


def test_small_asks_fall_back_to_generic_ideas_on_an_empty_history():
    b = Builder()
    asks = small_asks(b.h, NOW)
    assert [a.text for a in asks] == list(GENERIC_ASKS[:2])


def test_suggest_mixes_kinds_and_respects_the_limit():
    b = Builder()
    people = [b.person(n) for n in ("Anna", "Ben", "Cleo", "Dev")]
    for p in people:
        b.ask(b.need(status="resolved"), p, days_ago(10), "yes")
    b.need(summary="choose a course")
    out = suggest(b.h, NOW, limit=3)
    assert [s.kind for s in out] == ["small_ask", "offer_help", "offer_help"]
    assert len(suggest(b.h, NOW)) == 5
