"""The journal timeline: every event once, newest first, searchable."""

from datetime import UTC, datetime, timedelta

from askwell.core.journal import search, timeline
from askwell.core.model import Answer, Ask, History, JournalEntry, Need, Person

T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


def _history() -> History:
    return History(
        people=[Person(name="Ana", id=1)],
        needs=[Need(summary="Slides review", id=1, created_at=T0)],
        asks=[
            Ask(
                need_id=1,
                person_id=1,
                id=1,
                status="answered",
                sent_at=T0 + timedelta(hours=1),
                answer=Answer("no-reply", at=T0 + timedelta(days=4)),
                followed_up_at=T0 + timedelta(days=5),
            )
        ],
        journal=[
            JournalEntry("Gentle nudge", kind="follow-up", ask_id=1, created_at=T0 + timedelta(5)),
            JournalEntry("I nearly did not ask", created_at=T0 + timedelta(hours=2)),
        ],
    )


def test_journal_timeline_lists_each_event_once_newest_first() -> None:
    items = timeline(_history())
    assert [i.kind for i in items] == ["follow-up", "answer", "reflection", "ask", "need"]
    assert items[0].text == "Followed up once with Ana: Gentle nudge"
    assert items[1].text == "No reply from Ana yet about “Slides review”"


def test_journal_search_needs_every_word_and_kind() -> None:
    items = timeline(_history())
    assert [i.kind for i in search(items, "ANA slides")] == ["answer", "ask"]
    assert [i.kind for i in search(items, None, {"need"})] == ["need"]
    assert search(items, "zebra") == []
