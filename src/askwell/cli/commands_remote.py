"""`askwell --server URL ...`: log in to a team server, then the everyday commands run there.

The same command names as locally (people list, need add/list/show, suggest, ask, answer,
thank, followup) plus `inbox` and `sent`, through the team JSON API with your API token.
"""

from __future__ import annotations

import socket
from typing import Annotated, Any

import typer

from askwell.cli import _common
from askwell.cli import remote_shapes as shapes
from askwell.cli._common import JsonOpt, NeedTypeOpt, console, emit_json
from askwell.cli.remote import Client, Login
from askwell.errors import AskwellError

remote_app = typer.Typer(name="askwell", no_args_is_help=True)
people_app = typer.Typer(name="people", help="The people in your team.", no_args_is_help=True)
need_app = typer.Typer(name="need", help="Needs shared in your team.", no_args_is_help=True)
remote_app.add_typer(people_app)
remote_app.add_typer(need_app)

ONLY_HERE = ("login", "logout")
ANSWERS = "yes, no, alternative or not-now"
PAGE_MAX = 200  # the most asks the team server lists in one page (team.method.PAGE_MAX)


def _server() -> str:
    from askwell.cli.remote import server_url

    raw = _common.current().server
    if not raw:
        raise AskwellError("say which team server with --server URL (or ASKWELL_SERVER)")
    return server_url(raw)


def client() -> Client:
    """Return a client for --server with the stored token (or say how to log in)."""
    from askwell.cli.remote import stored

    server = _server()
    login = stored(server)
    if login is None:
        raise AskwellError(
            f"you are not logged in to {server} yet; run: askwell --server {server} login"
        )
    return Client(server, login.token)


def team_id(api: Client) -> int:
    """Return the team chosen with --team (id or name), or your only team."""
    teams: list[dict[str, Any]] = api.call("GET", "/api/team/teams", expect=shapes.TEAMS)
    chosen = _common.current().team
    if chosen:
        for t in teams:
            if chosen == str(t["id"]) or chosen.casefold() == str(t["name"]).casefold():
                return int(t["id"])
        raise AskwellError(f"you are not in a team called {chosen!r} on this server")
    if len(teams) == 1:
        return int(teams[0]["id"])
    if not teams:
        raise AskwellError("you are not in any team on this server yet; ask an admin to invite you")
    listed = ", ".join(f"{t['id']} {t['name']}" for t in teams)
    raise AskwellError(f"you are in several teams ({listed}); choose one with --team")


def member_id(api: Client, team: int, ref: str) -> int:
    """Return the id of the one team member `ref` names (an id, a name or its start)."""
    found: list[dict[str, Any]] = api.call(
        "GET", f"/api/team/teams/{team}/members", expect=shapes.MEMBERS
    )
    people = [m["profile"] for m in found]
    if ref.isdigit() and any(p["user_id"] == int(ref) for p in people):
        return int(ref)
    wanted = ref.strip().casefold()
    exact = [p for p in people if p["name"].casefold() == wanted]
    starts = exact or [p for p in people if p["name"].casefold().startswith(wanted)]
    if len(starts) == 1:
        return int(starts[0]["user_id"])
    if not starts:
        raise AskwellError(f"nobody in this team is called {ref!r}")
    names = ", ".join(f"{p['user_id']} {p['name']}" for p in starts)
    raise AskwellError(f"{ref!r} could be several people ({names}); give their id")


@remote_app.command("login")
def login(
    email: Annotated[str | None, typer.Option("--email", help="Your email address.")] = None,
    token: Annotated[
        str | None,
        typer.Option("--token", help="An API token made on the server (instead of a password)."),
    ] = None,
) -> None:
    """Log in to a team server: stores an API token in your config folder (only you can read it)."""
    from askwell.cli.remote import save

    server = _server()
    token_id: int | None = None
    if token is None:
        email = email or typer.prompt("Email")
        password = typer.prompt("Password", hide_input=True)
        session = Client(server)
        signed = session.call(
            "POST", "/api/team/signin", {"email": email, "password": password}, shapes.SIGNED_IN
        )
        session.csrf = str(signed.get("csrf_token") or "")
        label = f"askwell CLI on {socket.gethostname()}"[:120]
        made = session.call("POST", "/api/team/tokens", {"name": label}, shapes.TOKEN)
        token, token_id = str(made["token"]), int(made["id"])
        session.call("POST", "/api/team/signout", {})
    me = Client(server, token.strip()).call("GET", "/api/team/me", expect=shapes.ME)
    user = me["user"]
    where = save(Login(server, token.strip(), token_id, user["name"], user["email"]))
    teams = ", ".join(t["name"] for t in me["teams"]) or "no team yet"
    console().print(f"Logged in to {server} as {user['name']} ({teams}).")
    console().print(f"Your API token is kept in {where}, readable only by you.", style="dim")


@remote_app.command("logout")
def logout() -> None:
    """Log out of a team server: revoke the CLI's token there and forget it here."""
    from askwell.cli.remote import forget, only_server, server_url, stored

    raw = _common.current().server
    server = server_url(raw) if raw else only_server()
    login = stored(server)
    if login is None:
        console().print(f"You were not logged in to {server}; nothing to do.")
        return
    if login.token_id is not None:
        try:
            Client(server, login.token).call("DELETE", f"/api/team/tokens/{login.token_id}")
        except AskwellError as exc:
            _common.warn(f"the server could not revoke the token ({exc}); it is forgotten here")
    forget(server)
    console().print(f"Logged out of {server}.")


@people_app.command("list")
def people_list(as_json: JsonOpt = False) -> None:
    """List your team's members: what they help with and whether they have room."""
    api = client()
    found = api.call("GET", f"/api/team/teams/{team_id(api)}/members", expect=shapes.MEMBERS)
    if as_json:
        emit_json(found)
        return
    from askwell.cli._table import table

    rows = []
    for m in found:
        p = m["profile"]
        room = (
            f"away until {p['away_until']}"
            if p.get("away_until")
            else ("stretched" if p.get("stretched") else "has room")
        )
        rows.append([str(p["user_id"]), p["name"], m["role"], ", ".join(p["topics"]), room])
    console().print(table(["id", "name", "role", "topics", "this week"], rows))


def _need_line(n: dict[str, Any]) -> str:
    to = f" -> {n['to']['name']}" if n.get("to") else ""
    return f"#{n['id']} [{n['status']}] {n['summary']} ({n['author']['name']}{to})"


@need_app.command("add")
def need_add(
    summary: Annotated[str, typer.Argument(help="One line: what do you need?")],
    details: Annotated[str, typer.Option("--details", help="More context.")] = "",
    support_type: NeedTypeOpt = None,
    urgency: Annotated[str, typer.Option("--urgency", help="low, medium or high.")] = "medium",
    deadline: Annotated[str | None, typer.Option("--deadline", help="YYYY-MM-DD.")] = None,
    topics: Annotated[
        str | None, typer.Option("--topics", help='Topics: "career, python".')
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="Send it to one member (else the whole team).")
    ] = None,
    text: Annotated[str, typer.Option("--text", help="The ask, when sent to one member.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Share a need with your team (or ask one member directly with --to)."""
    from askwell.core.model import parse_list

    api = client()
    team = team_id(api)
    body: dict[str, Any] = {
        "summary": summary,
        "details": details,
        "support_type": support_type or None,
        "urgency": urgency,
        "deadline": deadline,
        "topics": list(parse_list(topics or "")),
        "text": text,
    }
    if to is not None:
        body["to"] = member_id(api, team, to)
    made = api.call("POST", f"/api/team/teams/{team}/needs", body, shapes.SHARED)
    if as_json:
        emit_json(made)
        return
    console().print(f"Shared need {_need_line(made['need'])}.", markup=False)
    if made.get("ask"):
        console().print(
            f"Ask #{made['ask']['id']} is on its way to {made['ask']['helper']['name']}."
        )
    else:
        console().print(f"Whom to ask: askwell --server {api.server} suggest {made['need']['id']}")


@need_app.command("list")
def need_list(
    status: Annotated[str, typer.Option("--status", help="open, resolved or dropped.")] = "open",
    as_json: JsonOpt = False,
) -> None:
    """List the needs shared with your whole team, newest first."""
    api = client()
    found = api.call(
        "GET", f"/api/team/teams/{team_id(api)}/needs?status={status}", expect=shapes.NEEDS
    )
    if as_json:
        emit_json(found)
        return
    if not found:
        console().print(f"No {status} needs on the team board.")
    for n in found:
        console().print(_need_line(n), markup=False)


@need_app.command("show")
def need_show(
    need_id: Annotated[int, typer.Argument(help="Need id.")], as_json: JsonOpt = False
) -> None:
    """Show a need shared with you."""
    n = client().call("GET", f"/api/team/needs/{need_id}", expect=shapes.ONE_NEED)
    if as_json:
        emit_json(n)
        return
    console().print(_need_line(n), markup=False)
    if n.get("details"):
        console().print(n["details"], markup=False)


def _set_status(need_id: int, status: str, as_json: bool) -> None:
    n = client().call(
        "PUT", f"/api/team/needs/{need_id}/status", {"status": status}, shapes.ONE_NEED
    )
    if as_json:
        emit_json(n)
    else:
        console().print(f"Need #{need_id} is {status}.")


@need_app.command("resolve")
def need_resolve(
    need_id: Annotated[int, typer.Argument(help="Need id.")], as_json: JsonOpt = False
) -> None:
    """Mark your need as resolved."""
    _set_status(need_id, "resolved", as_json)


@need_app.command("drop")
def need_drop(
    need_id: Annotated[int, typer.Argument(help="Need id.")], as_json: JsonOpt = False
) -> None:
    """Mark your need as dropped (no longer needed)."""
    _set_status(need_id, "dropped", as_json)


@remote_app.command("suggest")
def suggest(
    need_id: Annotated[int, typer.Argument(help="The need to find a person for.")],
    show_all: Annotated[bool, typer.Option("--all", help="Everyone, not only the top 3.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Whom in your team to ask, with the reasons; who cannot be asked now, and why."""
    found = client().call(
        "GET",
        f"/api/team/needs/{need_id}/route?limit={100 if show_all else 3}",
        expect=shapes.ROUTE,
    )
    if as_json:
        emit_json(found)
        return
    out = console()
    if not found["suggested"]:
        out.print("Nobody in the team can be asked about this right now.")
    for c in found["suggested"]:
        reasons = [f["reason"] for f in c["factors"].values() if f.get("reason")][:2]
        out.print(f"{c['person']['id']} {c['person']['name']}: {'; '.join(reasons)}", markup=False)
    for c in found["unavailable"]:
        why = ", ".join(c["flags"]) or "not now"
        out.print(f"not now: {c['person']['name']} ({why})", markup=False, style="dim")


def _ask_line(a: dict[str, Any]) -> str:
    said = f" -> {a['answer']['kind']}" if a.get("answer") else ""
    thanked = ", thanked" if a.get("thanked_at") else ""
    return (
        f"#{a['id']} {a['asker']['name']} asked {a['helper']['name']}: {a['summary']} "
        f"[{a['status']}{said}{thanked}]"
    )


def _print_ask(a: dict[str, Any], as_json: bool, said: str) -> None:
    if as_json:
        emit_json(a)
    else:
        console().print(said, markup=False)


def _print_asks(found: list[dict[str, Any]], as_json: bool, empty: str) -> None:
    if as_json:
        emit_json(found)
        return
    if not found:
        console().print(empty)
    for a in found:
        console().print(_ask_line(a), markup=False)


@remote_app.command("ask")
def ask(
    need_id: Annotated[int, typer.Argument(help="The need you are asking about.")],
    to: Annotated[str, typer.Option("--to", help="Who: their id or name.", metavar="PERSON")],
    text: Annotated[str, typer.Option("--text", help="Your message to them.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Ask a team member about your need (they see it in their inbox)."""
    api = client()
    need = api.call("GET", f"/api/team/needs/{need_id}", expect=shapes.ONE_NEED)
    helper = member_id(api, int(need["team_id"]), to)
    a = api.call(
        "POST",
        f"/api/team/needs/{need_id}/asks",
        {"helper_id": helper, "text": text},
        shapes.ONE_ASK,
    )
    _print_ask(
        a, as_json, f"Ask #{a['id']} is in {a['helper']['name']}'s inbox. Well done for asking."
    )


@remote_app.command("inbox")
def inbox(
    waiting: Annotated[
        bool, typer.Option("--waiting", help="Only asks waiting for your answer.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Asks your teammates made of you, newest first."""
    waits = "true" if waiting else "false"
    found = client().call(
        "GET", f"/api/team/inbox?waiting={waits}&limit={PAGE_MAX}", expect=shapes.ASKS
    )
    _print_asks(found, as_json, "Nothing in your inbox.")


@remote_app.command("sent")
def sent(as_json: JsonOpt = False) -> None:
    """The asks you made, newest first."""
    _print_asks(
        client().call("GET", f"/api/team/asks?limit={PAGE_MAX}", expect=shapes.ASKS),
        as_json,
        "You have not asked anyone here yet.",
    )


@remote_app.command("answer")
def answer(
    ask_id: Annotated[int, typer.Argument(help="Ask id (from your inbox).")],
    kind: Annotated[str, typer.Argument(help=f"{ANSWERS}.")],
    note: Annotated[str, typer.Option("--note", help="A word with your answer.")] = "",
    offered: Annotated[
        str, typer.Option("--offered", help="For an alternative: what you offer.")
    ] = "",
    until: Annotated[
        str | None,
        typer.Option("--until", help="For no / not-now: they may ask again from YYYY-MM-DD."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer an ask made of you: yes, no, an alternative or not now."""
    body = {"kind": kind, "note": note, "offered": offered, "until": until}
    a = client().call("POST", f"/api/team/asks/{ask_id}/answer", body, shapes.ONE_ASK)
    _print_ask(a, as_json, f"Answered {kind!r} to ask #{ask_id}; {a['asker']['name']} will see it.")


@remote_app.command("thank")
def thank(
    ask_id: Annotated[int, typer.Argument(help="Ask id.")],
    note: Annotated[str, typer.Option("--note", help="Your thank-you.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Thank the person who answered your ask."""
    a = client().call("POST", f"/api/team/asks/{ask_id}/thanks", {"note": note}, shapes.ONE_ASK)
    _print_ask(a, as_json, f"Thank-you sent to {a['helper']['name']} for ask #{ask_id}.")


@remote_app.command("followup")
def followup(
    ask_id: Annotated[int, typer.Argument(help="Ask id.")],
    note: Annotated[str, typer.Option("--note", help="Your gentle follow-up.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Send the one gentle follow-up of an ask that got no answer."""
    a = client().call("POST", f"/api/team/asks/{ask_id}/follow-up", {"note": note}, shapes.ONE_ASK)
    _print_ask(a, as_json, f"Follow-up sent for ask #{ask_id}. One is enough; let it rest now.")


webhook_app = typer.Typer(
    name="webhook", help="Your webhooks: your own events, signed.", no_args_is_help=True
)
remote_app.add_typer(webhook_app)


@remote_app.command("notifications")
def notifications(
    off: Annotated[
        list[str] | None, typer.Option("--off", help="Turn off emails of this kind (repeatable).")
    ] = None,
    on: Annotated[
        list[str] | None, typer.Option("--on", help="Turn emails of this kind back on.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Which emails you get from the server (every kind, and the ones you turned off)."""
    api = client()
    found = api.call("GET", "/api/team/notifications", expect=shapes.SETTINGS)
    if off or on:
        muted = (set(found["muted"]) | set(off or [])) - set(on or [])
        found = api.call(
            "PUT", "/api/team/notifications", {"muted": sorted(muted)}, shapes.SETTINGS
        )
    if as_json:
        emit_json(found)
        return
    for kind, words in found["kinds"].items():
        state = "off" if kind in found["muted"] else "on"
        console().print(f"{kind:<14} {state:<4} {words}", markup=False)


@webhook_app.command("add")
def webhook_add(url: Annotated[str, typer.Argument(help="Where to POST your events.")]) -> None:
    """Add a webhook; its signing secret is shown this once."""
    made = client().call("POST", "/api/team/webhooks", {"url": url}, shapes.WEBHOOK)
    console().print(f"Webhook #{made['id']} added. Its signing secret (shown once):")
    console().print(made["secret"], markup=False)


@webhook_app.command("list")
def webhook_list(as_json: JsonOpt = False) -> None:
    """List your webhooks."""
    hooks = client().call("GET", "/api/team/notifications", expect=shapes.SETTINGS)["webhooks"]
    if as_json:
        emit_json(hooks)
        return
    if not hooks:
        console().print("No webhooks yet.")
    for h in hooks:
        console().print(f"#{h['id']} {h['url']}", markup=False)


@webhook_app.command("remove")
def webhook_remove(webhook_id: Annotated[int, typer.Argument(help="Webhook id.")]) -> None:
    """Stop sending to one of your webhooks."""
    client().call("DELETE", f"/api/team/webhooks/{webhook_id}")
    console().print(f"Webhook #{webhook_id} removed.")


_GROUP: Any = None


def remote_group() -> Any:
    """Return the click group of the server commands (built once)."""
    global _GROUP
    if _GROUP is None:
        from askwell.cli.application import _tidy

        _GROUP = typer.main.get_command(remote_app)
        _tidy(_GROUP)
    return _GROUP


def resolve(name: str) -> Any:
    """Return the server command called `name`, or say which ones run against a server."""
    group = remote_group()
    found = group.commands.get(name)
    if found is None:
        names = ", ".join(group.commands)
        raise AskwellError(
            f"`{name}` works on your own askwell only (leave out --server); "
            f"with --server you can use: {names}"
        )
    return found
