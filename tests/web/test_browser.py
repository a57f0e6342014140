"""A real Chromium walks a whole ask; axe-core checks every page; the layout holds at 360 px."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from askwell.services.demo import build_demo
from askwell.storage.store import open_store
from askwell.web import WebSettings

from .live import serving

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian Chromium at /usr/bin/chromium (apt install chromium)",
    ),
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Launch the system Chromium for this module only (Playwright cannot download browsers here).

    The Playwright driver is stopped when the module ends, so later asyncio tests get a clean loop.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh tab; `bypass_csp` lets the test inject axe-core past the page's CSP."""
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebSettings]:
    """Serve a demo store (ten people, three months of asks) on a loopback port."""
    demo = build_demo(tmp_path_factory.mktemp("browser") / "demo.db")
    store = open_store(demo["url"])
    with serving(store) as settings:
        yield settings
    store.close()


def shoot(page: Any, name: str) -> None:
    """Save a full-page screenshot under test-artifacts/web/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def shot_name(path: str) -> str:
    """Turn a page path into a screenshot name."""
    return path.split("?")[0].strip("/").replace("/", "-") or "home"


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page; return serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def assert_accessible(page: Any) -> None:
    """Fail with the rule ids and targets of every serious or critical axe violation."""
    found = axe_violations(page)
    detail = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
    assert not found, f"{page.url}: {json.dumps(detail)}"


def test_browser_walks_a_whole_ask(page: Any, live: WebSettings) -> None:
    page.goto(live.url())
    assert page.url.endswith("/")  # the token was traded for a cookie
    page.get_by_role("heading", name="Today").wait_for()
    shoot(page, "01-home")
    page.get_by_role("link", name="Ask for something").click()

    page.get_by_role("group", name="Fear of being a burden").get_by_label("quite a bit").check()
    page.get_by_label("How likely is a yes").fill("40")
    shoot(page, "02-pause")
    page.get_by_role("button", name="Next: define the need").click()

    page.get_by_label("In one line").type("Feedback on my conference talk slides before Thursday")
    page.locator("#need-check .notice, #need-check .alert").wait_for()
    page.get_by_label("What kind of help?").select_option("feedback")
    shoot(page, "03-need")
    page.get_by_role("button", name="Next: who could help?").click()

    page.locator(".person").first.wait_for()
    shoot(page, "04-people")
    page.locator("a.btn", has_text="Ask ").first.click()

    page.get_by_role("heading", name="When to ask").wait_for()
    shoot(page, "05-moment")
    page.get_by_role("button", name="Next: write the ask").click()

    box = page.get_by_label("Your request")
    assert box.input_value().strip(), "the composer should start from a draft"
    box.focus()
    page.keyboard.press("Control+End")
    box.type(" Reply ASAP.")
    page.locator("#coach-preview mark.hl:not(.credit)", has_text="ASAP").wait_for()
    page.locator("#coach-result .findings li").first.wait_for()
    shoot(page, "06-compose")
    page.get_by_role("button", name="Next: send it").click()

    page.get_by_role("button", name="Copy text").wait_for()
    shoot(page, "07-send")
    page.get_by_role("button", name="I sent it").click()

    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Save the answer").click()
    page.get_by_role("button", name="I thanked them").wait_for()
    shoot(page, "08-thank")
    page.get_by_role("button", name="I thanked them").click()
    page.get_by_role("heading", name="You asked, they answered, you said thanks.").wait_for()
    shoot(page, "09-done")


PAGES = ["/", "/ask", "/ask/need?burden=2&shame=1", "/people", "/people/1", "/journal", "/insights"]


def test_browser_pages_have_no_serious_axe_violations(page: Any, live: WebSettings) -> None:
    page.goto(live.url())
    for path in [*PAGES, "/ask/1/people", "/ask/1/moment?person=1"]:
        page.goto(live.url(path, with_token=False))
        page.wait_for_load_state("networkidle")
        assert_accessible(page)
        shoot(page, "desk-" + shot_name(path))


def test_browser_pages_fit_a_360px_screen(page: Any, live: WebSettings) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live.url())
    for path in PAGES:
        page.goto(live.url(path, with_token=False))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways at 360 px ({width} px wide)"
        shoot(page, "360-" + shot_name(path))
    nav = page.get_by_role("navigation", name="Main")
    assert nav.is_visible()


def test_browser_refuses_without_the_link(page: Any, live: WebSettings) -> None:
    response = page.goto(live.url(with_token=False))
    assert response is not None and response.status == 403
    assert "askwell serve" in page.content()


def test_browser_coach_stays_in_sight_while_typing_at_360px(page: Any, live: WebSettings) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live.url())
    page.goto(live.url("/ask/1/compose?person=1", with_token=False))
    box = page.get_by_label("Your request")
    box.fill("")
    box.type("Hi Maya, I need feedback on my slides ASAP. Sorry to bother you!")
    summary = page.locator("#coach-summary")
    summary.wait_for()
    # the page shows the coach on the pre-filled draft at once: wait for the typed text's report
    # (a high-severity problem caps the score at 60), not the draft's
    page.wait_for_function(
        "Number(document.querySelector('#coach-summary .score-pill').textContent) <= 60"
    )
    assert summary.locator(".coach-top").inner_text().strip() != "Reads well. Nothing to fix."
    box.focus()
    top = summary.bounding_box()
    assert top is not None and top["y"] >= 0 and top["y"] + top["height"] <= 740, top
    assert page.locator("#coach-result .findings").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(_artifact("360-compose-typing.png")))
    page.get_by_role("button", name="Show all").click()
    assert page.locator("#coach-result .findings").is_visible()
    assert page.get_by_role("button", name="Show less").get_attribute("aria-expanded") == "true"
    page.screenshot(path=str(_artifact("360-compose-coach-open.png")))


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


def test_browser_forms_forgive_and_undo(page: Any, live: WebSettings) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live.url())
    page.goto(live.url("/ask/need", with_token=False))
    page.get_by_label("Details (optional)").fill("Two pages, by Friday")
    page.get_by_role("button", name="Next: who could help?").click()
    page.locator("#f-summary-error").wait_for()
    assert page.get_by_label("Details (optional)").input_value() == "Two pages, by Friday"
    shoot(page, "360-need-error")
    page.get_by_label("In one line").fill("help")
    page.get_by_label("Details (optional)").fill("")
    page.get_by_role("button", name="Next: who could help?").click()
    page.get_by_role("button", name="Continue anyway").wait_for()
    shoot(page, "360-need-vague")
    page.goto(live.url("/no/such/page", with_token=False))
    page.get_by_role("heading", name="Nothing here").wait_for()
    assert page.get_by_role("navigation", name="Main").is_visible()
    shoot(page, "360-not-found")
    page.goto(live.url("/journal", with_token=False))
    page.get_by_label("What is on your mind?").fill("A note to throw away @test")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Delete this entry").first.click()
    page.get_by_role("button", name="Undo").wait_for()
    page.screenshot(path=str(_artifact("360-journal-undo.png")))
    page.get_by_role("button", name="Undo").click()
    page.get_by_text("Brought back from the trash.").wait_for()
    assert page.get_by_text("A note to throw away @test").first.is_visible()
