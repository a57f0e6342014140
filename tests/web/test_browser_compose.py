"""In a real Chromium: Sarah's need through the Define step gets a draft she could send, with
its coach score; a coach rewrite applies with one click and the coach reads the new text."""

from __future__ import annotations

import re
from typing import Any

from askwell.web import WebSettings

from .test_browser import (  # noqa: F401  (the browser fixtures)
    chromium,
    live,
    page,
    pytestmark,
    shoot,
)

SARAH = "a colleague to take over the weekly reporting for 6 weeks"


def _define_sarahs_need(page: Any, live: WebSettings) -> None:  # noqa: F811
    page.goto(live.url())
    page.goto(live.url("/ask/need", with_token=False))
    page.get_by_label("In one line").type(SARAH)
    ask = page.get_by_label("What would they do?")
    page.wait_for_function(
        "document.querySelector('#f-ask').value === 'take over the weekly reporting for 6 weeks'"
    )
    ask.fill("take over the weekly reporting for six weeks")
    page.get_by_label("How big is it?").fill("about an hour each Monday")
    page.get_by_label("By when?").fill("2026-12-10")
    page.get_by_label("Your situation").fill("I'm leading the Q1 launch and my week is full.")
    page.get_by_label("What kind of help?").select_option("task")
    shoot(page, "sarah-01-define")
    page.get_by_role("button", name="Next: who could help?").click()
    page.locator(".person").first.wait_for()
    page.locator("a.btn", has_text="Ask ").first.click()
    page.get_by_role("heading", name="When to ask").wait_for()
    page.get_by_role("button", name="Next: write the ask").click()


def test_browser_sarahs_need_gets_a_draft_she_could_send(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    _define_sarahs_need(page, live)
    draft = page.get_by_label("Your request").input_value()
    assert "take over the weekly reporting for six weeks" in draft
    assert "Thursday 10 December" in draft and "about an hour each Monday" in draft
    assert "I'm leading the Q1 launch and my week is full." in draft
    assert not re.search(r"[\[\]{}<>]|\bTODO\b|\bTBD\b", draft), draft
    assert "help me with a colleague" not in draft
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(draft.split())):
        assert sentence[:1].isupper() and sentence[-1] in ".!?", sentence
    assert not re.search(r"\b(\w+) \1\b", draft, re.I), draft
    score = page.locator("#coach-result .score")
    score.wait_for()
    assert 0 <= int(score.get_attribute("data-score")) <= 100
    assert score.is_visible() and score.inner_text().startswith(score.get_attribute("data-score"))
    shoot(page, "sarah-02-compose")


def test_browser_applies_a_coach_rewrite_with_one_click(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    _define_sarahs_need(page, live)
    box = page.get_by_label("Your request")
    box.focus()
    page.keyboard.press("Control+End")
    box.type(" Reply ASAP.")
    apply = page.get_by_role("button", name="Apply: “ASAP” → “when you have a moment”")
    apply.wait_for()
    shoot(page, "sarah-03-rewrite-offered")
    apply.click()
    page.wait_for_function(
        "document.querySelector('#f-text').value.endsWith('Reply when you have a moment.')"
    )
    apply.wait_for(state="detached")  # the coach read the new text: nothing left to calm
    assert "ASAP" not in page.locator("#coach-preview").inner_text()
    shoot(page, "sarah-04-rewrite-applied")


def test_browser_typing_in_the_ask_while_the_summary_is_read_keeps_what_was_typed(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    """The summary's check answers late (held here until the ask is typed): what was typed
    meanwhile stays, and the ask field keeps the focus and the caret."""
    held: list[Any] = []
    page.goto(live.url())
    page.goto(live.url("/ask/need", with_token=False))

    def hold(route: Any) -> None:
        held.append(route)

    page.route("**/ask/need/check", hold)
    page.get_by_label("In one line").type(SARAH)
    for _ in range(50):  # past the 400 ms pause: the check is on its way, and held
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the summary's check was never sent"
    ask = page.get_by_label("What would they do?")
    ask.click()
    ask.type("cover the Monday report")
    with page.expect_response("**/ask/need/check"):
        for route in held:
            route.continue_()
    page.wait_for_function("document.querySelector('#ask-from-summary') === null")
    ask = page.get_by_label("What would they do?")
    assert ask.input_value() == "cover the Monday report"
    assert page.evaluate("document.activeElement && document.activeElement.name") == "ask"
    page.keyboard.type(" for six weeks")
    assert ask.input_value() == "cover the Monday report for six weeks"
    shoot(page, "define-typed-during-check")
