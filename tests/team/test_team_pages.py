"""The team pages: two members go from a need to a thank-you through the HTML forms."""

from __future__ import annotations

import re

import pytest

from team.conftest import PASSWORD, World, client

pytestmark = pytest.mark.postgres


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def _sign_in(world: World, email: str):  # type: ignore[no-untyped-def]
    web = client(world.app)
    web.headers["accept"] = "text/html"
    page = web.post("/signin", data={"email": email, "password": PASSWORD})
    assert page.status_code == 200 and "Asked of you" in page.text
    return web


def test_pages_two_members_go_from_a_need_to_a_thank_you(world: World) -> None:
    ben = world.members[0]
    ben.api("PUT", "/api/team/profile", json={"topics": ["databases"], "supports": ["feedback"]})
    ada = _sign_in(world, "ada@example.org")
    home = ada.get("/").text
    need_page = ada.post(
        f"/teams/{world.team_id}/needs",
        data={
            "summary": "Review my database schema",
            "support_type": "feedback",
            "csrf_token": _csrf(home),
        },
    )
    assert "Who to ask" in need_page.text and "Ben" in need_page.text
    need_id = re.search(r'action="/needs/(\d+)/asks"', need_page.text).group(1)  # type: ignore[union-attr]
    asked = ada.post(
        f"/needs/{need_id}/asks",
        data={
            "helper_id": str(ben.id),
            "text": "Could you look for 15 minutes?",
            "csrf_token": _csrf(need_page.text),
        },
    )
    assert "Waiting for Ben" in asked.text
    ben_web = _sign_in(world, "ben@example.org")
    inbox = ben_web.get("/").text
    assert "Ada: Review my database schema" in inbox
    assert "Could you look for 15 minutes?" in inbox
    ask_id = re.search(r'action="/asks/(\d+)/answer"', inbox).group(1)  # type: ignore[union-attr]
    answered = ben_web.post(
        f"/asks/{ask_id}/answer",
        data={"kind": "yes", "note": "", "offered": "", "csrf_token": _csrf(inbox)},
    )
    assert "You answered <strong>yes</strong>" in answered.text
    mine = ada.get("/").text
    assert "Ben answered <strong>yes</strong>" in mine
    thanked = ada.post(
        f"/asks/{ask_id}/thanks", data={"note": "Thank you, Ben!", "csrf_token": _csrf(mine)}
    )
    assert "You thanked them." in thanked.text
    assert "Ada thanked you: “Thank you, Ben!”" in ben_web.get("/").text
    cleo = _sign_in(world, "cleo@example.org").get("/").text
    assert "Review my database schema" not in cleo


def test_pages_form_without_csrf_is_refused(world: World) -> None:
    ada = _sign_in(world, "ada@example.org")
    refused = ada.post(f"/teams/{world.team_id}/needs", data={"summary": "x"})
    assert refused.status_code == 403
    assert "did not come from an askwell page" in refused.text


def test_pages_signed_out_home_goes_to_sign_in(world: World) -> None:
    web = client(world.app)
    answer = web.get("/", follow_redirects=False, headers={"accept": "text/html"})
    assert answer.status_code == 303 and answer.headers["location"] == "/signin"


def test_pages_wrong_password_shows_the_message_on_the_form(world: World) -> None:
    web = client(world.app)
    page = web.post("/signin", data={"email": "ben@example.org", "password": "not the password"})
    assert page.status_code == 401
    assert "do not match" in page.text and 'action="/signin"' in page.text
