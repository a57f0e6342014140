"""Notifications: outbox rows in the change's transaction; emails and signed webhooks sent."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from team.conftest import BASE, client
from team.notify_support import Receiver, drain, html, outbox, plain, receiver

pytestmark = pytest.mark.postgres
__all__ = ["receiver"]


@pytest.fixture
def settings(settings: Any) -> Any:
    """The team settings, with webhooks to 127.0.0.1 allowed and quick retries."""
    return replace(settings, webhook_private_ok=True, notify_backoff_seconds=1)


def _ask(world: Any, summary: str = "Review my conference slides") -> dict[str, Any]:
    ben, cleo = world.members[0], world.members[1]
    made = ben.api(
        "POST",
        f"/api/team/teams/{world.team_id}/needs",
        json={"summary": summary, "topics": ["slides"], "to": cleo.id, "text": "Could you?"},
    )
    assert made.status_code == 201, made.text
    return dict(made.json()["ask"])


def _hook(member: Any, url: str) -> str:
    made = member.api("POST", "/api/team/webhooks", json={"url": url})
    assert made.status_code == 201, made.text
    return str(made.json()["secret"])


def test_ask_answer_thanks_send_emails_and_signed_webhooks(  # type: ignore[no-untyped-def]
    world, mailbox, receiver: Receiver
) -> None:
    ben, cleo = world.members[0], world.members[1]
    secret = _hook(cleo, receiver.url)
    ask = _ask(world)
    assert [(r.kind, r.channel, r.user_id) for r in outbox(world.store)] == [
        ("ask", "email", cleo.id),
        ("ask", "webhook", cleo.id),
    ]
    assert len(drain(world.store, world.settings)) == 2
    email = mailbox.messages[-1]
    assert email["To"] == "cleo@example.org"
    assert email["Subject"] == "Ben asked you about: Review my conference slides"
    assert "Could you?" in plain(email) and f"{BASE}/needs/{ask['need_id']}" in plain(email)
    assert "Could you?" in html(email) and "<a href=" in html(email)
    unsubscribe = re.search(r"<(.+)>", email["List-Unsubscribe"])
    assert unsubscribe and unsubscribe.group(1) in plain(email)
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    hook = receiver.got[-1]
    assert hook.signed_by(secret) and not hook.signed_by("whsec_wrong")
    assert hook.headers["x-askwell-event"] == "ask"
    assert hook.json()["data"]["ask_id"] == ask["id"] and hook.json()["kind"] == "ask"
    assert hook.headers["x-askwell-delivery"] == str(hook.json()["id"])

    cleo.api("POST", f"/api/team/asks/{ask['id']}/answer", json={"kind": "yes", "note": "Sure"})
    drain(world.store, world.settings)
    assert mailbox.messages[-1]["To"] == "ben@example.org"
    assert mailbox.messages[-1]["Subject"] == "Cleo answered your ask: Review my conference slides"
    assert "Sure" in plain(mailbox.messages[-1])
    ben.api("POST", f"/api/team/asks/{ask['id']}/thanks", json={"note": "Thank you!"})
    drain(world.store, world.settings)
    assert mailbox.messages[-1]["Subject"] == "Ben thanked you"
    assert receiver.got[-1].json()["kind"] == "thanks" and receiver.got[-1].signed_by(secret)
    assert {r.status for r in outbox(world.store)} == {"sent"}


def test_unsubscribe_link_stops_that_kind_only(  # type: ignore[no-untyped-def]
    world, mailbox, app
) -> None:
    ben, cleo = world.members[0], world.members[1]
    first = _ask(world)
    drain(world.store, world.settings)
    link = re.search(r"<(.+)>", mailbox.messages[-1]["List-Unsubscribe"])
    assert link is not None
    path = link.group(1).removeprefix(BASE)
    assert path.endswith("/ask")
    visitor = client(app)  # no session: the link alone is enough
    form = visitor.get(path)
    assert form.status_code == 200 and "Stop these emails" in form.text
    assert "ask" not in cleo.api("GET", "/api/team/notifications").json()["muted"]  # GET alone
    done = visitor.post(path, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "No more emails about new asks for you" in done.text
    assert cleo.api("GET", "/api/team/notifications").json()["muted"] == ["ask"]
    assert f'action="{path.replace("/unsubscribe/", "/resubscribe/")}"' in done.text

    sent_before = len(mailbox.messages)
    _ask(world, "Pair on the flaky test")
    drain(world.store, world.settings)
    assert len(mailbox.messages) == sent_before  # no ask email any more
    cleo.api("POST", f"/api/team/asks/{first['id']}/answer", json={"kind": "yes"})
    thanked = ben.api("POST", f"/api/team/asks/{first['id']}/thanks", json={"note": "Thanks!"})
    assert thanked.status_code == 200, thanked.text
    drain(world.store, world.settings)
    assert mailbox.messages[-1]["Subject"] == "Ben thanked you"  # other kinds still come
    wrong = visitor.post(path.replace("/ask", "/nonsense"))
    assert wrong.status_code == 404
    mistyped = visitor.get(path.replace("/unsubscribe/", "/unsubscribe/x"))
    assert mistyped.status_code == 404 and "may be mistyped" in mistyped.text
    back = visitor.post(path.replace("/unsubscribe/", "/resubscribe/"))
    assert (
        back.status_code == 200
        and "askwell will email you about new asks for you again" in back.text
    )
    assert cleo.api("GET", "/api/team/notifications").json()["muted"] == []
    muted = cleo.api("PUT", "/api/team/notifications", json={"muted": ["thanks", "ask"]})
    assert muted.json()["muted"] == ["ask", "thanks"]


def test_a_rolled_back_change_sends_nothing(world, mailbox) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from askwell.team import notify
    from askwell.team.notify_tables import OutboxRow
    from askwell.team.tables import TeamAsk, TeamNeed

    ask = _ask(world)
    drain(world.store, world.settings)
    sent = len(mailbox.messages)
    with pytest.raises(RuntimeError), world.store.session() as s:
        row = s.get(TeamAsk, ask["id"])
        row.thanks_note = "Thank you"
        assert notify.record(s, "thanks", row, s.get(TeamNeed, row.need_id)) == 1
        assert s.scalar(select(func.count()).select_from(OutboxRow)) == 2
        raise RuntimeError("the change fails after its notification was written")
    assert len(outbox(world.store)) == 1
    assert drain(world.store, world.settings) == []
    assert len(mailbox.messages) == sent


def test_webhook_retries_with_backoff_then_dead_letters(  # type: ignore[no-untyped-def]
    world, receiver: Receiver
) -> None:
    from askwell.team import deliver
    from askwell.team.common import now_utc

    settings = replace(world.settings, notify_max_attempts=3, smtp_host="")
    cleo = world.members[1]
    cleo.api("PUT", "/api/team/notifications", json={"muted": ["ask", "answer", "thanks"]})
    _hook(cleo, receiver.url)
    receiver.statuses = [500, 503, 500]
    _ask(world)
    [row] = outbox(world.store)
    waits = []
    for _ in range(3):
        before = now_utc()
        assert deliver.deliver_one(world.store, settings, now=before + timedelta(days=2)) == row.id
        [row] = outbox(world.store)
        waits.append((row.next_at - before).total_seconds())
    assert row.status == "dead" and row.attempts == 3 and "HTTP 500" in row.last_error
    assert 0.5 < waits[0] < 2 and 1.5 < waits[1] < 3  # 1 s, then 2 s
    assert {r.headers["x-askwell-delivery"] for r in receiver.got} == {str(row.id)}
    assert deliver.deliver_one(world.store, settings, now=now_utc() + timedelta(days=9)) is None

    receiver.statuses = [500]
    _ask(world, "Pair on the flaky test")
    drain(world.store, settings)
    [_, retry] = outbox(world.store)
    assert (retry.status, retry.attempts) == ("pending", 1)
    deliver.deliver_one(world.store, settings, now=now_utc() + timedelta(seconds=5))
    assert [(r.status, r.attempts) for r in outbox(world.store)][1] == ("sent", 2)


def test_follow_up_due_is_reminded_once(world, mailbox) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from askwell.team import notify

    ask = _ask(world)
    drain(world.store, world.settings)
    assert notify.sweep_follow_ups(world.store) == 0  # not three days yet
    with world.store.session() as s:
        back = text("UPDATE team_asks SET sent_at = sent_at - interval '4 days' WHERE id = :id")
        s.execute(back, {"id": ask["id"]})
    assert notify.sweep_follow_ups(world.store) == 1
    assert notify.sweep_follow_ups(world.store) == 0
    drain(world.store, world.settings)
    email = mailbox.messages[-1]
    assert email["To"] == "ben@example.org"
    assert email["Subject"] == "A follow-up is fair now: Review my conference slides"


@pytest.mark.parametrize("answer", ["yes", "no", "alternative", "not-now"])
def test_every_email_passes_the_coach(settings: Any, answer: str) -> None:
    """Our words pass `askwell check` as an email; a finding may only sit on what people wrote.

    Links are left out: the coach reads prose, and splits a sentence at a URL's dots.
    """
    from askwell.core.coach import check
    from askwell.team import deliver, notify

    theirs = {
        "summary": "Review my conference slides",
        "text": "Could you look at my first two slides by Thursday?",
        "answer_note": "Not this week.",
        "offered": "A call next Monday",
        "thanks_note": "Thank you so much!",
        "follow_up_note": "Just checking in once.",
    }
    people = {"asker": {"id": 1, "name": "Ben"}, "helper": {"id": 2, "name": "Cleo"}}
    for filled in (True, False):
        data = {"need_id": 7, "answer": answer, **people, **theirs}
        if not filled:
            data |= {k: "" for k in theirs if k != "summary"}
        for kind in notify.KIND_NAMES:
            text = re.sub(r"https?://\S+", "", plain(deliver.render(settings, kind, data, "k")))
            report = check(text, channel="email")
            assert report.crisis is False, kind
            written = [
                (m.start(), m.end())
                for value in theirs.values()
                if value
                for m in re.finditer(re.escape(value), text)
            ]
            ours = [
                (f.rule, [text[a:b] for a, b in f.spans])
                for f in report.problems
                if not f.spans
                or not all(any(a >= s0 and b <= s1 for s0, s1 in written) for a, b in f.spans)
            ]
            assert ours == [], (kind, filled)


def test_webhooks_to_private_addresses_are_refused_by_default(world) -> None:  # type: ignore[no-untyped-def]
    from askwell.errors import AskwellError
    from askwell.team.notify import check_webhook_url

    with pytest.raises(AskwellError, match="private address"):
        check_webhook_url("http://127.0.0.1:9/hook", private_ok=False)
    with pytest.raises(AskwellError, match="starts with https"):
        check_webhook_url("ftp://example.org/", private_ok=True)
    listed = world.members[0].api("GET", "/api/team/notifications").json()
    assert listed["webhooks"] == [] and "ask" in listed["kinds"]


def test_old_delivered_rows_are_pruned_and_dead_ones_kept(world, mailbox) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from askwell.team import notify

    _ask(world)
    _ask(world, "Pair on the flaky test")
    drain(world.store, world.settings)
    with world.store.session() as s:
        s.execute(text("UPDATE team_outbox SET created_at = created_at - interval '31 days'"))
        s.execute(text("UPDATE team_outbox SET status = 'dead' WHERE id = 2"))
    assert notify.prune(world.store) == 1
    assert [(r.id, r.status) for r in outbox(world.store)] == [(2, "dead")]
    assert notify.prune(world.store) == 0


def test_webhooks_follow_no_redirect(world, receiver: Receiver) -> None:  # type: ignore[no-untyped-def]
    cleo = world.members[1]
    cleo.api("PUT", "/api/team/notifications", json={"muted": ["ask"]})
    _hook(cleo, receiver.url)
    receiver.statuses = [302]
    _ask(world)
    drain(world.store, world.settings)
    [row] = outbox(world.store)
    assert (row.status, row.attempts) == ("pending", 1) and "HTTP 302" in row.last_error
    assert [r.headers.get("x-askwell-event") for r in receiver.got] == ["ask"]  # not followed


def test_the_follow_up_sweep_reads_its_partial_index(world) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from askwell.team import notify
    from askwell.team.common import now_utc

    query = notify.waiting_asks(now_utc())
    compiled = query.compile(world.store.engine, compile_kwargs={"literal_binds": True})
    with world.store.session() as s:
        s.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(r[0] for r in s.execute(text(f"EXPLAIN {compiled}")))
    assert "ix_team_asks_waiting_sent_at" in plan, plan


def test_a_row_that_cannot_be_sent_is_dead_lettered_not_stuck(world) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from askwell.team import deliver
    from askwell.team.common import now_utc

    settings = replace(world.settings, notify_max_attempts=2)
    _ask(world)
    with world.store.session() as s:  # a row this version cannot read (no people in it)
        s.execute(text("UPDATE team_outbox SET payload = '{}'"))
    later = now_utc() + timedelta(days=1)
    assert deliver.deliver_one(world.store, settings, now=later) is not None
    assert deliver.deliver_one(world.store, settings, now=later) is not None
    [row] = outbox(world.store)
    assert row.status == "dead" and row.last_error.startswith("KeyError")


def test_nobody_else_hears_about_an_ask_not_even_an_admin(  # type: ignore[no-untyped-def]
    world, mailbox, receiver: Receiver
) -> None:
    ada, dan = world.admin, world.members[2]
    _hook(ada, receiver.url)
    _hook(dan, receiver.url)
    before = len(mailbox.messages)
    ask = _ask(world)
    world.members[1].api("POST", f"/api/team/asks/{ask['id']}/answer", json={"kind": "yes"})
    drain(world.store, world.settings)
    assert {r.user_id for r in outbox(world.store)} == {world.members[0].id, world.members[1].id}
    assert receiver.got == []
    told = {m["To"] for m in mailbox.messages[before:]}
    assert told == {"ben@example.org", "cleo@example.org"}
