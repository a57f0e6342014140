"""What askwell says about a person is true: who set a boundary, why; alternatives are answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from askwell import services
from askwell.core.model import Need, Person
from askwell.errors import Conflict
from askwell.services import insights, matching
from askwell.storage.store import Store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _ben_offered_something_else(store: Store) -> tuple[int, int]:
    ben = services.add_person(store, Person(name="Ben Okoro", relationship="colleague"))
    need = services.add_need(store, Need(summary="Review my talk", support_type="feedback"))
    assert ben.id is not None and need.id is not None
    ask = services.create_ask(store, need.id, ben.id, "Could you review it?", now=T0).ask
    assert ask.id is not None
    services.record_answer(store, ask.id, "alternative", offered="a call on Friday", now=T0)
    return ben.id, need.id


def test_attributions_a_boundary_they_gave_is_not_a_no(sqlite_store: Store) -> None:
    ana = services.add_person(sqlite_store, Person(name="Ana Lima"))
    need = services.add_need(sqlite_store, Need(summary="Career advice"))
    assert ana.id is not None and need.id is not None
    services.add_boundary(sqlite_store, ana.id, date(2026, 4, 15), reason="parental leave", now=T0)
    with pytest.raises(Conflict) as refused:
        services.create_ask(sqlite_store, need.id, ana.id, "Hi?", now=T0)
    said = str(refused.value)
    assert refused.value.code == "boundary"
    assert "Ana Lima asked not to be asked about anything before 2026-04-15" in said
    assert "(parental leave)" in said
    assert "said no" not in said


def test_attributions_a_no_says_when_they_said_it(sqlite_store: Store) -> None:
    ana = services.add_person(sqlite_store, Person(name="Ana Lima"))
    need = services.add_need(sqlite_store, Need(summary="Career advice"))
    assert ana.id is not None and need.id is not None
    ask = services.create_ask(sqlite_store, need.id, ana.id, "Hi?", now=T0).ask
    assert ask.id is not None
    result = services.record_answer(sqlite_store, ask.id, "no", cooldown_days=10, now=T0)
    assert result.boundary is not None and result.boundary.after_no
    with pytest.raises(Conflict, match="Ana Lima said no to this on 2026-03-02") as refused:
        services.create_ask(sqlite_store, need.id, ana.id, "Hi again?", now=T0 + timedelta(1))
    assert refused.value.code == "cooldown"


def test_attributions_an_alternative_is_an_answer_when_ranking(sqlite_store: Store) -> None:
    _, need = _ben_offered_something_else(sqlite_store)
    (cand,) = matching.suggest(sqlite_store, need, now=T0 + timedelta(days=1))
    reasons = {name: f.reason for name, f in cand.factors.items()}
    assert reasons["history"] == "Said yes to 0 of your 1 answered asks (1 offered something else)."
    assert "No answers" not in reasons["history"]
    assert "they helped you once" in reasons["reciprocity"]


def test_attributions_practice_does_not_claim_a_yes(sqlite_store: Store) -> None:
    _ben_offered_something_else(sqlite_store)
    services.add_need(sqlite_store, Need(summary="Find a good book on negotiation"))
    texts = [s.text for s in insights.practice(sqlite_store, now=T0 + timedelta(days=1))]
    assert any("Ben Okoro, who has offered help before," in t for t in texts), texts
    assert not any("said yes" in t for t in texts)


def test_attributions_insights_count_the_alternative_as_answered(sqlite_store: Store) -> None:
    _ben_offered_something_else(sqlite_store)
    data = insights.insights_payload(insights.insights(sqlite_store, now=T0 + timedelta(1)))
    spread = data["spread"]
    assert any(row.get("received", 0) == 1 for row in spread.get("people", [])), spread
