"""In a real Chromium: the Define step's live check never writes over an ask field the person
is in (focused, typed in since the check was sent, or mid-word in an input method), and still
fills the fields they are not in."""

from __future__ import annotations

from typing import Any

from askwell.web import WebSettings

from .test_browser import (  # noqa: F401  (the browser fixtures)
    chromium,
    live,
    page,
    pytestmark,
    shoot,
)

SUMMARY = "Review my slides before Monday for 20 minutes"
ASK = "look at the first three slides of my talk"


def _values(tab: Any) -> dict[str, str]:
    return tab.evaluate(  # type: ignore[no-any-return]
        """() => Object.fromEntries(['summary', 'ask', 'size', 'deadline'].map(
             (n) => [n, document.querySelector('[name="' + n + '"]').value]))"""
    )


def _define(tab: Any, settings: WebSettings) -> None:
    tab.goto(settings.url())
    tab.goto(settings.url("/ask/need", with_token=False))


def _type_summary_and_hold_its_check(tab: Any) -> list[Any]:
    """Type the summary; return the live check's request, held so the test says when it answers."""
    held: list[Any] = []
    tab.route("**/ask/need/check", lambda route: held.append(route))
    tab.get_by_label("In one line").type(SUMMARY)
    for _ in range(50):  # past the 400 ms pause: the check is on its way, and held
        if held:
            break
        tab.wait_for_timeout(100)
    assert held, "the summary's check was never sent"
    return held


def _answer(tab: Any, held: list[Any]) -> None:
    with tab.expect_response("**/ask/need/check"):
        for route in held:
            route.continue_()
    tab.wait_for_timeout(100)


def test_browser_define_typing_the_ask_straight_after_the_summary_keeps_both(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    """The check's answer comes while the ask field has the focus and nothing in it yet: the
    suggestion stays out of it (it used to land there, and the typing went in front of it)."""
    _define(page, live)
    held = _type_summary_and_hold_its_check(page)
    page.get_by_label("What would they do?").click()
    _answer(page, held)
    page.keyboard.type(ASK)
    page.wait_for_timeout(600)  # any later check has answered too
    values = _values(page)
    assert values["summary"] == SUMMARY and values["ask"] == ASK
    assert values["size"] == "about 20 minutes" and values["deadline"]  # fields not in use fill
    assert page.evaluate("document.activeElement.id") == "f-ask"
    assert page.locator("#ask-from-summary").count() == 0
    shoot(page, "define-ask-typed-straight-after-summary")


def test_browser_define_typing_on_through_the_check_keeps_every_key(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    """No check held: the summary, then at once the ask, a key every 30 ms through the check."""
    _define(page, live)
    page.get_by_label("In one line").type(SUMMARY)
    page.get_by_label("What would they do?").click()
    page.keyboard.type(ASK, delay=30)
    page.wait_for_timeout(600)
    values = _values(page)
    assert values["summary"] == SUMMARY and values["ask"] == ASK
    assert values["size"] == "about 20 minutes" and values["deadline"]


def test_browser_define_check_leaves_an_unfinished_ime_word_alone(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    """A word still being composed (Vietnamese Telex here: "Việ" on its way to "Việt") when the
    check answers is committed whole, once; replacing the field under the input method doubled
    it ("Việ" kept as typed, then "Việt" added)."""
    _define(page, live)
    held = _type_summary_and_hold_its_check(page)
    page.get_by_label("What would they do?").click()
    page.keyboard.type("check my slides for the ")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "Việ", "selectionStart": 3, "selectionEnd": 3})
    _answer(page, held)
    cdp.send("Input.insertText", {"text": "Việt"})
    page.keyboard.type(" Nam trip")
    values = _values(page)
    assert values["summary"] == SUMMARY and values["ask"] == "check my slides for the Việt Nam trip"
    assert values["size"] == "about 20 minutes"
    shoot(page, "define-ime-word-during-check")


def test_browser_define_check_fills_the_ask_when_no_one_is_in_it(
    page: Any,  # noqa: F811
    live: WebSettings,  # noqa: F811
) -> None:
    _define(page, live)
    page.get_by_label("In one line").type(SUMMARY)
    page.wait_for_function("document.querySelector('#f-ask').value === 'review my slides'")
    assert page.locator("#ask-from-summary").is_visible()
    assert _values(page)["size"] == "about 20 minutes"
    page.get_by_label("In one line").fill("Proofread James's essay by Friday")
    page.wait_for_function("document.querySelector('#f-ask').value === \"proofread James's essay\"")
    assert page.locator("#ask-from-summary").count() == 1
    assert _values(page)["size"] == ""
    shoot(page, "define-ask-filled-from-summary")
