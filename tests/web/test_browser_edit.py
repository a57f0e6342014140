"""A real Chromium fixes a typo in each kind of record, at 1280 px and at 360 px."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from askwell import services
from askwell.services.demo import build_demo
from askwell.storage.store import Store, open_store
from askwell.web import WebSettings

from .live import serving
from .test_browser import CHROMIUM, assert_accessible, chromium, page, shoot

__all__ = ["chromium", "page"]  # the fixtures, shared with the main browser walk

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian Chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[WebSettings, Store]]:
    """Serve a demo store, and hand the test the store too (to find records and check saves)."""
    demo = build_demo(tmp_path_factory.mktemp("browser-edit") / "demo.db")
    store = open_store(demo["url"])
    with serving(store) as settings:
        yield settings, store
    store.close()


def _fits(page: Any, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} scrolls sideways at {width} px ({scroll} px wide)"


@pytest.mark.parametrize("width", [1280, 360])
def test_browser_fixes_a_typo_in_every_kind_of_record(
    page: Any, world: tuple[WebSettings, Store], width: int
) -> None:
    live, store = world
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 740})
    history = services.load_history(store)
    ask = next(a for a in history.asks if a.status == "thanked")
    page.goto(live.url())

    # An ask: found from its person's page, a mistake by its field, then saved.
    page.goto(live.url(f"/people/{ask.person_id}", with_token=False))
    _fits(page, width)
    page.locator(f'a[href="/edit/ask/{ask.id}"]').click()
    page.get_by_label("What you asked").wait_for()
    assert_accessible(page)
    _fits(page, width)
    shoot(page, f"{width}-edit-ask")
    page.get_by_label("What you asked").fill("Could you look at my slides, plese?")
    page.get_by_label("The day you asked").fill(f"{date.today() + timedelta(days=2):%Y-%m-%d}")
    page.get_by_role("button", name="Save changes").click()
    page.locator("#f-sent_at-error").wait_for()
    assert page.get_by_label("What you asked").input_value().endswith("plese?")
    _fits(page, width)
    shoot(page, f"{width}-edit-ask-error")
    page.get_by_label("What you asked").fill("Could you look at my slides, please?")
    page.get_by_label("The day you asked").fill("")
    page.get_by_label("Your thank-you note").fill("Thanks for the quick look!")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved.").wait_for()
    assert services.get_ask(store, ask.id).text == "Could you look at my slides, please?"  # type: ignore[arg-type]

    # A journal entry: its Edit link on the journal page, text and day.
    entry = services.add_entry(store, f"Askd for help today @wrk {width}")
    page.goto(live.url("/journal", with_token=False))
    _fits(page, width)
    shoot(page, f"{width}-journal-with-edit-links")
    page.locator(f'a[href="/edit/journal/{entry.id}"]').click()
    page.get_by_label("Your entry").fill(f"Asked for help today @work {width}")
    page.get_by_label("The day").fill(f"{date.today() - timedelta(days=1):%Y-%m-%d}")
    assert_accessible(page)
    _fits(page, width)
    shoot(page, f"{width}-edit-journal")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved.").wait_for()
    fixed = next(e for e in services.list_entries(store) if e.id == entry.id)
    assert fixed.text == f"Asked for help today @work {width}"

    # Help given and a boundary: their Edit links on the person's page.
    given = services.give_help(store, ask.person_id, "Lnt a ladder")
    until = date.today() + timedelta(days=20)
    bound = services.add_boundary(store, ask.person_id, until, topic="mony")
    page.goto(live.url(f"/people/{ask.person_id}", with_token=False))
    _fits(page, width)
    shoot(page, f"{width}-person-with-edit-links")
    page.locator(f'a[href="/edit/help/{given.id}"]').click()
    page.get_by_label("What you did for them").fill("Lent a ladder")
    _fits(page, width)
    shoot(page, f"{width}-edit-help")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved.").wait_for()
    page.goto(live.url(f"/people/{ask.person_id}", with_token=False))
    page.locator(f'a[href="/edit/boundary/{bound.id}"]').click()
    page.get_by_label("About").fill("money")
    assert_accessible(page)
    _fits(page, width)
    shoot(page, f"{width}-edit-boundary")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved.").wait_for()
    assert next(b for b in services.list_boundaries(store) if b.id == bound.id).topic == "money"

    # A need: every field, the structured ask included.
    page.goto(live.url(f"/needs/{ask.need_id}", with_token=False))
    page.get_by_label("How big is it? (optional)").fill("two slides")
    _fits(page, width)
    shoot(page, f"{width}-edit-need")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved.").wait_for()
    assert services.get_need(store, ask.need_id).size == "two slides"
