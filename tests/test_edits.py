"""Fix a typo in any record: one service per kind, checked like a new record, on any database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from askwell import services as sv
from askwell.core.model import DomainError, Need, Person
from askwell.errors import AskwellError, NotFound
from askwell.services.insights import insights

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
NOW = T0 + timedelta(days=5)


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASKWELL_TZ", "UTC")


def _ask(store, **answer):  # type: ignore[no-untyped-def]
    sam = sv.add_person(store, Person(name="Sam"))
    need = sv.add_need(store, Need(summary="Typo in my nede"))
    ask = sv.create_ask(store, need.id, sam.id, "Culd you look?", now=T0).ask  # type: ignore[arg-type]
    if answer:
        sv.record_answer(store, ask.id, now=T0 + timedelta(days=1), **answer)  # type: ignore[arg-type]
    return sam, ask


def test_edit_ask_text_channel_and_day(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store)
    fixed = sv.update_ask(store, ask.id, text="Could you look?", channel="email", now=NOW)
    assert (fixed.text, fixed.channel, fixed.sent_at) == ("Could you look?", "email", T0)
    moved = sv.update_ask(store, ask.id, sent=date(2026, 3, 1), now=NOW)
    assert moved.sent_at == datetime(2026, 3, 1, 12, tzinfo=UTC) == moved.created_at
    same_day = sv.update_ask(store, ask.id, sent=date(2026, 3, 1), now=NOW)
    assert same_day.sent_at == moved.sent_at  # naming its own day keeps the time


def test_edit_ask_answer_note_offer_and_thanks(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store, kind="alternative", offered="Ask Kim", note="busy")
    sv.thank(store, ask.id, note="Thnks", now=T0 + timedelta(days=2))  # type: ignore[arg-type]
    fixed = sv.update_ask(
        store,
        ask.id,
        note="Busy this week",
        offered="Ask Kim Lee",
        thanks_note="Thanks for the tip",
    )
    assert fixed.answer is not None
    assert (fixed.answer.note, fixed.answer.offered) == ("Busy this week", "Ask Kim Lee")
    assert [t.note for t in sv.load_history(store).thanks] == ["Thanks for the tip"]


def test_edit_ask_refuses_what_does_not_exist_yet(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store)
    with pytest.raises(DomainError, match="no answer yet"):
        sv.update_ask(store, ask.id, note="sure")
    with pytest.raises(DomainError, match="no thank-you yet"):
        sv.update_ask(store, ask.id, thanks_note="thanks")
    with pytest.raises(DomainError, match="still to come"):
        sv.update_ask(store, ask.id, sent=date(2026, 3, 9), now=NOW)
    with pytest.raises(DomainError, match="unknown channel"):
        sv.update_ask(store, ask.id, channel="pigeon")
    with pytest.raises(AskwellError, match="nothing to change"):
        sv.update_ask(store, ask.id)
    with pytest.raises(NotFound):
        sv.update_ask(store, 99, text="x")


def test_edit_ask_day_stays_before_its_answer(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store, kind="yes")
    with pytest.raises(DomainError, match="answered on 2026-03-03"):
        sv.update_ask(store, ask.id, sent=date(2026, 3, 4), now=NOW)
    same = sv.update_ask(store, ask.id, sent=date(2026, 3, 3), now=NOW)
    assert same.sent_at == same.answer.at  # type: ignore[union-attr]


def test_edit_journal_entry_text_tags_and_day(store) -> None:  # type: ignore[no-untyped-def]
    entry = sv.add_entry(store, "Askd Sam @wrk", now=T0)
    fixed = sv.update_entry(store, entry.id, text="Asked Sam @work", at=date(2026, 2, 27), now=NOW)  # type: ignore[arg-type]
    assert fixed.text == "Asked Sam @work"
    assert fixed.created_at == datetime(2026, 2, 27, 12, tzinfo=UTC)
    assert [i.text for i in sv.timeline(store, tag="work")] == ["Asked Sam @work"]
    with pytest.raises(DomainError, match="cannot be empty"):
        sv.update_entry(store, entry.id, text="  ")  # type: ignore[arg-type]


def test_edit_help_given_summary_person_and_day(store) -> None:  # type: ignore[no-untyped-def]
    sam, _unused = _ask(store)
    kim = sv.add_person(store, Person(name="Kim"))
    given = sv.give_help(store, sam.id, "Lnt a ladder", now=T0)  # type: ignore[arg-type]
    fixed = sv.update_help(
        store,
        given.id,
        summary="Lent a ladder",
        person_id=kim.id,  # type: ignore[arg-type]
        at=date(2026, 3, 1),
        now=NOW,
    )
    assert (fixed.summary, fixed.person_id) == ("Lent a ladder", kim.id)
    assert fixed.created_at == datetime(2026, 3, 1, 12, tzinfo=UTC)
    with pytest.raises(NotFound):
        sv.update_help(store, given.id, person_id=99)  # type: ignore[arg-type]


def test_edit_boundary_end_topic_and_reason(store) -> None:  # type: ignore[no-untyped-def]
    sam, _unused = _ask(store)
    b = sv.add_boundary(store, sam.id, date(2026, 5, 1), topic="mony", now=T0)  # type: ignore[arg-type]
    fixed = sv.update_boundary(
        store,
        b.id,
        until=date(2026, 6, 1),
        topic="money",  # type: ignore[arg-type]
        reason="new job",
        now=NOW,
    )
    assert (fixed.until, fixed.topic, fixed.reason) == (date(2026, 6, 1), "money", "new job")
    with pytest.raises(DomainError, match="has passed"):
        sv.update_boundary(store, b.id, until=date(2026, 3, 1), now=NOW)  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "Pacific/Auckland", "America/Denver"])
@pytest.mark.parametrize("hour", [0, 8, 23])
def test_asked_three_days_ago_is_due_for_its_follow_up_all_day(
    store, monkeypatch: pytest.MonkeyPatch, zone: str, hour: int
) -> None:  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    from askwell.services.dates import happened_at

    monkeypatch.setenv("ASKWELL_TZ", zone)
    now = datetime(2026, 3, 12, hour, 5, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    sam = sv.add_person(store, Person(name="Sam"))
    need = sv.add_need(store, Need(summary="Review my CV"))
    for days in (2, 3):
        stamp = happened_at(f"{days} days ago", "an ask", now=now)
        sv.create_ask(store, need.id, sam.id, f"{days}", now=stamp, override=True)  # type: ignore[arg-type]
    due = sv.due(store, now=now)
    assert [d.ask.text for d in due if d.action == "follow-up"] == ["3"]
    asked = next(a for a in sv.list_asks(store) if a.text == "3")
    assert sv.follow_up(store, asked.id, now=now).followed_up_at == now  # type: ignore[arg-type]


def test_edit_ask_answer_kind_keeps_the_cooldown_right(store) -> None:  # type: ignore[no-untyped-def]
    sam, ask = _ask(store, kind="yes")
    assert sv.list_boundaries(store) == []
    no = sv.update_ask(store, ask.id, answer="no", note="not this month")
    assert no.answer is not None and no.answer.kind == "no"
    (cooldown,) = sv.list_boundaries(store)
    assert cooldown.person_id == sam.id and cooldown.until == date(2026, 4, 2)
    assert cooldown.reason == "not this month"
    other = sv.add_boundary(store, sam.id, date(2026, 9, 1), topic="money", now=T0)  # type: ignore[arg-type]
    back = sv.update_ask(store, ask.id, answer="yes")
    assert back.answer is not None and back.answer.kind == "yes"
    assert [b.id for b in sv.list_boundaries(store)] == [other.id]  # only the no's cooldown went
    with pytest.raises(DomainError, match="say what was offered"):
        sv.update_ask(store, ask.id, answer="alternative", note="")
    alt = sv.update_ask(store, ask.id, answer="alternative", offered="Ask Kim")
    assert alt.answer is not None and alt.answer.offered == "Ask Kim"
    sv.thank(store, ask.id)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="was thanked"):
        sv.update_ask(store, ask.id, answer="no-reply")
    with pytest.raises(DomainError, match="unknown answer"):
        sv.update_ask(store, ask.id, answer="maybe")


def test_edit_ask_answer_day_moves_its_cooldown_along(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store, kind="no")
    (before,) = sv.list_boundaries(store)
    moved = sv.update_ask(store, ask.id, answered=date(2026, 3, 5), now=NOW)
    assert moved.answer is not None and moved.answer.at == datetime(2026, 3, 5, 12, tzinfo=UTC)
    (after,) = sv.list_boundaries(store)
    assert after.until - before.until == timedelta(days=2)
    with pytest.raises(DomainError, match="its answer must be dated that day or later"):
        sv.update_ask(store, ask.id, answered=date(2026, 3, 1), now=NOW)
    same = sv.update_ask(store, ask.id, answered=date(2026, 3, 2), now=NOW)
    assert same.answer is not None and same.answer.at == datetime(2026, 3, 2, 12, tzinfo=UTC)
    assert sv.update_ask(store, ask.id, answer="yes").answer.kind == "yes"  # type: ignore[union-attr]
    assert sv.list_boundaries(store) == []  # the moved cooldown is still found and goes


def test_edit_ask_follow_up_note(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store)
    with pytest.raises(DomainError, match="no follow-up yet"):
        sv.update_ask(store, ask.id, followup_note="Any news?")
    sv.follow_up(store, ask.id, now=NOW)  # type: ignore[arg-type]
    sv.update_ask(store, ask.id, followup_note="Any nws?")
    sv.update_ask(store, ask.id, followup_note="Any news?")
    notes = [e.text for e in sv.list_entries(store) if e.kind == "follow-up"]
    assert notes == ["Any news?"]
    timeline = [i.text for i in sv.timeline(store) if i.kind == "follow-up"]
    assert timeline == ["Followed up once with Sam: Any news?"]
    sv.update_ask(store, ask.id, followup_note="")
    assert [e for e in sv.list_entries(store) if e.kind == "follow-up"] == []


def test_edit_dates_long_ago_are_refused_in_words(store) -> None:  # type: ignore[no-untyped-def]
    from datetime import timezone

    entry = sv.add_entry(store, "A note", now=T0)
    ahead = timezone(timedelta(hours=14))
    for value in (date(1, 1, 1), datetime(1, 1, 1, tzinfo=ahead)):
        with pytest.raises(DomainError, match="0001-01-01 is too long ago"):
            sv.update_entry(store, entry.id, at=value)  # type: ignore[arg-type]


def test_boundary_end_too_far_off_is_refused_before_it_breaks_an_export(store) -> None:  # type: ignore[no-untyped-def]
    from askwell.services.transfer import export_data

    sam, _unused = _ask(store)
    with pytest.raises(DomainError, match="5419-02-26 is too far off"):
        sv.add_boundary(store, sam.id, date(5419, 2, 26), now=T0)  # type: ignore[arg-type]
    b = sv.add_boundary(store, sam.id, date(2026, 5, 1), now=T0)  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="up to the year 2200"):
        sv.update_boundary(store, b.id, until=date(5419, 2, 26), now=NOW)  # type: ignore[arg-type]
    assert export_data(store)["boundaries"][0]["until"] == "2026-05-01"


def test_edit_ask_thank_you_day_moves_its_record_and_insights(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store, kind="yes")  # answered 2026-03-03 09:00
    sv.thank(store, ask.id, note="Thanks!", now=NOW)  # recorded on 2026-03-07
    since = date(2026, 3, 5)
    assert insights(store, since=since, now=NOW).counts["thanks"] == 1
    moved = sv.update_ask(store, ask.id, thanked=date(2026, 3, 4), now=NOW)
    assert moved.thanked_at == datetime(2026, 3, 4, 12, tzinfo=UTC)
    assert [t.created_at for t in sv.load_history(store).thanks] == [moved.thanked_at]
    assert insights(store, since=since, now=NOW).counts["thanks"] == 0  # it moved out
    same_day = sv.update_ask(store, ask.id, thanked=date(2026, 3, 3), now=NOW)
    assert same_day.thanked_at == datetime(2026, 3, 3, 12, tzinfo=UTC)
    with pytest.raises(DomainError, match="answered on 2026-03-03; its thank-you must be dated"):
        sv.update_ask(store, ask.id, thanked=date(2026, 3, 2), now=NOW)
    with pytest.raises(DomainError, match="still to come"):
        sv.update_ask(store, ask.id, thanked=date(2026, 3, 8), now=NOW)
    assert sv.get_ask(store, ask.id).thanked_at == same_day.thanked_at  # refusals change nothing
    assert sv.due(store, now=NOW) == []  # a thanked ask waits on nothing, whatever its day


def test_edit_ask_follow_up_day_moves_its_note_and_stays_after_the_ask(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store)  # sent 2026-03-02 09:00
    with pytest.raises(DomainError, match="no follow-up yet, so there is no day to change"):
        sv.update_ask(store, ask.id, followed_up=date(2026, 3, 5), now=NOW)
    sv.follow_up(store, ask.id, note="Any news?", now=NOW)
    moved = sv.update_ask(store, ask.id, followed_up=date(2026, 3, 5), now=NOW)
    assert moved.followed_up_at == datetime(2026, 3, 5, 12, tzinfo=UTC)
    notes = [e for e in sv.list_entries(store) if e.kind == "follow-up"]
    assert [e.created_at for e in notes] == [moved.followed_up_at]
    on_the_day = sv.update_ask(store, ask.id, followed_up=date(2026, 3, 2), now=NOW)
    assert on_the_day.followed_up_at == datetime(2026, 3, 2, 12, tzinfo=UTC)  # the ask's day
    with pytest.raises(DomainError, match="sent on 2026-03-02; its follow-up must be dated"):
        sv.update_ask(store, ask.id, followed_up=date(2026, 3, 1), now=NOW)
    assert sv.due(store, now=NOW) == []  # its one follow-up is still recorded


def test_edit_ask_thank_you_day_needs_a_thank_you(store) -> None:  # type: ignore[no-untyped-def]
    _sam, ask = _ask(store, kind="yes")
    with pytest.raises(DomainError, match="no thank-you yet, so there is no day to change"):
        sv.update_ask(store, ask.id, thanked=date(2026, 3, 4), now=NOW)
