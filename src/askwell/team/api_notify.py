"""Notification settings (which emails, your webhooks) and the unsubscribe links in emails."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, status
from fastapi.responses import HTMLResponse
from pydantic import Field

from askwell.team import notify
from askwell.team.guard import CallerDep, Settings, TeamStore
from askwell.web.schemas import InBody

router = APIRouter(tags=["team notifications"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Kind = Literal["ask", "answer", "thanks", "follow_up", "follow_up_due"]
Key = Annotated[str, Path(max_length=64)]


@router.get("/api/team/notifications")
def get_settings(who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Return the kinds of email you stopped, every kind there is, and your webhooks."""
    return asdict(notify.settings_of(store, who.account.id))


class MutedIn(InBody):
    """The kinds of email you do not want (every other kind is sent)."""

    muted: list[Kind] = Field(max_length=10)


@router.put("/api/team/notifications")
def put_settings(body: MutedIn, who: CallerDep, store: TeamStore) -> dict[str, Any]:
    """Choose which kinds of email you get."""
    with store.session() as s:
        for kind in notify.KIND_NAMES:
            notify.set_muted(s, who.account.id, kind, kind in body.muted)
    return asdict(notify.settings_of(store, who.account.id))


class WebhookIn(InBody):
    """Where to POST your events."""

    url: str = Field(max_length=2000)


@router.post("/api/team/webhooks", status_code=status.HTTP_201_CREATED)
def add_webhook(
    body: WebhookIn, who: CallerDep, store: TeamStore, settings: Settings
) -> dict[str, Any]:
    """Add a webhook for your own events; its signing secret is shown this once."""
    made, secret = notify.add_webhook(
        store, who.account.id, body.url, private_ok=settings.webhook_private_ok
    )
    return {"id": made, "url": body.url.strip(), "secret": secret}


@router.delete("/api/team/webhooks/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_webhook(webhook_id: Id, who: CallerDep, store: TeamStore) -> None:
    """Stop sending to one of your webhooks."""
    notify.remove_webhook(store, who.account.id, webhook_id)


def _kind_name(kind: str) -> str:
    from askwell.errors import NotFound

    if kind not in notify.KIND_NAMES:
        raise NotFound("this unsubscribe link is not one we know; it may be mistyped")
    return notify.KIND_NAMES[kind]


@router.get("/unsubscribe/{key}/{kind}", include_in_schema=False)
def unsubscribe_form(key: Key, kind: str, store: TeamStore) -> HTMLResponse:
    """Ask before stopping (mail scanners open links; only the button stops the emails)."""
    name = _kind_name(kind)
    notify.check_key(store, key, kind)
    intro = f"You will no longer get emails about {name}. Everything else stays as it is."
    return _button("Stop these emails?", intro, f"/unsubscribe/{key}/{kind}", "Stop these emails")


@router.post("/unsubscribe/{key}/{kind}", include_in_schema=False)
def unsubscribe(key: Key, kind: str, store: TeamStore) -> HTMLResponse:
    """Stop one kind of email (the button, or a mail app's one-click unsubscribe)."""
    return _switched(store, key, kind, muted=True)


@router.post("/resubscribe/{key}/{kind}", include_in_schema=False)
def resubscribe(key: Key, kind: str, store: TeamStore) -> HTMLResponse:
    """Turn one kind of email back on (the button after unsubscribing)."""
    return _switched(store, key, kind, muted=False)


def _switched(store: TeamStore, key: str, kind: str, *, muted: bool) -> HTMLResponse:
    from askwell.team.pages import page

    name = _kind_name(kind)
    notify.mute_by_key(store, key, kind, muted)
    if not muted:
        return page(
            "base.html", title="Done", message=f"askwell will email you about {name} again."
        )
    intro = f"No more emails about {name}."
    return _button("Done", intro, f"/resubscribe/{key}/{kind}", "Turn them back on")


def _button(title: str, intro: str, action: str, button: str) -> HTMLResponse:
    """Return a small page with one sentence and one button (no session needed)."""
    from askwell.team.pages import page

    return page("form.html", title=title, intro=intro, action=action, fields=[], button=button)
