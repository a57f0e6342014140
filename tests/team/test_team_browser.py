"""In a real Chromium, two members of one team go from an ask to a thank-you, each seeing
only what is theirs (screenshots under test-artifacts/team/)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from team.conftest import PASSWORD, Member, World

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "team"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian Chromium at /usr/bin/chromium (apt install chromium)",
    ),
]


@pytest.fixture
def live(world: World) -> Iterator[str]:
    """Serve the team app over real HTTP on a loopback port; yield its address."""
    import uvicorn

    from askwell.team.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = replace(world.settings, base_url=base)
    app = create_app(settings, store=world.store)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield base
    server.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture
def chromium() -> Iterator[Any]:
    """Launch the system Chromium with the same arguments as tests/web."""
    from playwright.sync_api import sync_playwright

    from web.test_browser import CHROMIUM_ARGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def shot(page: Any, name: str) -> None:
    """Save a full-page screenshot under test-artifacts/team/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def signed_in(chromium: Any, base: str, member: Member) -> Any:
    """Open a browser of the member's own (its own cookies) and sign in through the form."""
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(base + "/")
    assert page.url.endswith("/signin")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/")
    return page


def private_note(member: Member) -> str:
    """Write a private journal entry for the member; return its words."""
    words = f"private to {member.name} only"
    made = member.api("POST", "/api/journal", json={"text": words})
    assert made.status_code == 201, made.text
    return words


def test_browser_two_members_go_from_an_ask_to_a_thank_you(
    world: World, live: str, chromium: Any
) -> None:
    ben, cleo, dan = world.members
    ben_note, cleo_note = private_note(ben), private_note(cleo)
    topics = cleo.api("PUT", "/api/team/profile", json={"topics": ["slides"]})
    assert topics.status_code == 200, topics.text

    asker = signed_in(chromium, live, ben)
    shot(asker, "1-ben-home")
    asker.get_by_label("What do you need?").fill("Feedback on my conference slides")
    asker.get_by_role("button", name="Find who to ask").click()
    asker.wait_for_url(f"{live}/needs/*")
    assert "Who to ask" in asker.content()
    asker.get_by_label("Your message to Cleo").fill(
        "Could you look at my 12 slides this week? 15 minutes at most, and no worries if not."
    )
    shot(asker, "2-ben-who-to-ask")
    asker.get_by_role("button", name="Ask Cleo").click()
    asker.wait_for_url(live + "/")
    assert "Waiting for Cleo." in asker.locator("#main").inner_text()

    helper = signed_in(chromium, live, cleo)
    inbox = helper.locator("article.ask").filter(has_text="Feedback on my conference slides")
    assert "Ben: Feedback on my conference slides" in inbox.inner_text()
    inbox.get_by_label("Your answer").select_option("yes")
    inbox.get_by_label("A note").fill("Happy to, send them over")
    shot(helper, "3-cleo-inbox")
    inbox.get_by_role("button", name="Answer").click()
    helper.wait_for_url(live + "/")
    assert "You answered yes" in helper.locator("#main").inner_text()

    asker.reload()
    mine = asker.locator("article.ask").filter(has_text="Feedback on my conference slides")
    assert "Cleo answered yes" in mine.inner_text()
    assert "Happy to, send them over" in mine.inner_text()
    mine.get_by_label("Thank-you note").fill("Thank you, Cleo! That helped a lot.")
    mine.get_by_role("button", name="Send thanks").click()
    asker.wait_for_url(live + "/")
    assert "You thanked them." in asker.locator("#main").inner_text()
    shot(asker, "4-ben-thanked")

    helper.reload()
    text = helper.locator("#main").inner_text()
    assert "Ben thanked you" in text and "That helped a lot." in text
    shot(helper, "5-cleo-thanked")

    bystander = signed_in(chromium, live, dan)
    shot(bystander, "6-dan-home")
    pages = {
        "ben": asker.content(),
        "cleo": helper.content(),
        "dan": bystander.content(),
    }
    assert cleo_note not in pages["ben"] and ben_note not in pages["cleo"]
    assert "Nothing is waiting for you." in bystander.locator("#main").inner_text()
    assert "conference slides" not in pages["dan"]
    for page in (asker, helper):
        page.goto(f"{live}/api/journal")
    assert ben_note in asker.content() and cleo_note not in asker.content()
    assert cleo_note in helper.content() and ben_note not in helper.content()
    bystander.goto(f"{live}/teams/{world.team_id}/insights")
    assert "Not enough members yet" in bystander.locator("#main").inner_text()
    shot(bystander, "7-dan-insights-too-few")
