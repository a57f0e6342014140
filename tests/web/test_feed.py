"""The reminders feed: served at a secret path without the launch cookie, lists what is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from icalendar import Calendar

from askwell import services
from askwell.core.model import Need, Person
from askwell.services import calendar
from askwell.storage.store import Store
from askwell.web.feed import feed_path

pytestmark = pytest.mark.anyio


def _due_and_planned(store: Store) -> None:
    services.add_person(store, Person("Ana Ruiz", email="ana@example.org"))
    services.add_need(store, Need("Review my CV", support_type="feedback"))
    long_ago = datetime.now(UTC) - timedelta(days=5)
    services.create_ask(store, 1, 1, "Could you look at my CV?", "email", now=long_ago)
    services.create_ask(
        store,
        1,
        1,
        "Coffee?",
        "chat",
        draft=True,
        scheduled_for=datetime.now(UTC) + timedelta(days=2),
    )


async def test_feed_serves_the_reminders_to_an_anonymous_calendar_app(
    anon: httpx.AsyncClient, store: Store
) -> None:
    _due_and_planned(store)
    r = await anon.get(feed_path(calendar.feed_token(store)))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(r.content).walk("VEVENT")]
    assert summaries == [
        "Gentle follow-up: Ana Ruiz (Review my CV)",
        "Ask Ana Ruiz: Review my CV",
    ]


async def test_feed_wrong_or_rotated_token_is_not_found(
    anon: httpx.AsyncClient, store: Store
) -> None:
    old = calendar.feed_token(store)
    assert (await anon.get(feed_path("nope"))).status_code == 404
    new = calendar.feed_token(store, rotate=True)
    assert new != old
    assert (await anon.get(feed_path(old))).status_code == 404
    assert (await anon.get(feed_path(new))).status_code == 200
    assert (await anon.get("/api/people")).status_code == 403  # the rest still needs the launch
