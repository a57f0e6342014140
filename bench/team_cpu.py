"""CPU per request of the team server, endpoint by endpoint, in one process (no sockets).

Usage (the same size options as bench/team_load.py; a database it kept with --keep is reused,
else one is seeded and dropped at the end unless --keep):
    .venv/bin/python bench/team_cpu.py --quick
    .venv/bin/python bench/team_cpu.py --profile route     # cProfile one kind, top 25

Each kind of the load's mix (and GET /api/team/me, the token check and the caller's teams,
and an inbox page of 200 asks, the most a page holds) is sent N times
through the ASGI app with httpx's in-process transport, as random seeded members with their API
tokens; the figure is the process's CPU time (time.process_time) per request, after a warm-up.
A bare FastAPI endpoint through the same client is the baseline: what any request costs here
before the team server does anything. PostgreSQL's own CPU is not in these figures
(bench/team_load.py measures it).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import random
import time
from typing import Any

from team_load import Plan, _request, bare_app
from team_seed import seeded, size_arguments, size_of, token_of

KINDS = ("me", "inbox", "inbox200", "route", "post", "answer")


def _one(plan: Plan, kind: str, rng: random.Random) -> tuple[str, str, Any, int, int]:
    """Return (method, path, body, expected status, user) for one request of this kind."""
    if kind in ("me", "inbox200"):  # the token check and a little more; a 200-ask inbox page
        path = "/api/team/me" if kind == "me" else "/api/team/inbox?limit=200"
        return "GET", path, None, 200, rng.randint(1, plan.size.members)
    while True:
        label, method, path, body, expect = _request(plan, rng)
        got, _, who = label.partition(":")
        if got == kind:
            return method, path, body, expect, int(who)


async def _run(app: Any, requests: list[tuple[str, str, Any, int, int]]) -> float:
    import httpx

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        started = time.process_time()
        for method, path, body, expect, user in requests:
            headers = {"authorization": f"Bearer {token_of(user)}"} if user else {}
            answer = await http.request(method, path, json=body, headers=headers)
            if answer.status_code != expect:
                raise SystemExit(f"{method} {path}: {answer.status_code} {answer.text[:200]}")
        return time.process_time() - started


def _inline_threads() -> None:
    """Run sync routes and dependencies in the event loop's thread, where cProfile sees them."""
    import anyio.to_thread

    async def inline(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_arguments(parser)
    parser.add_argument("--quick", action="store_true", help="500 members, 50k asks")
    parser.add_argument("-n", type=int, default=200, help="requests per kind")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", choices=KINDS, help="cProfile this kind (no figures)")
    args = parser.parse_args()
    with seeded(args.admin_url, size_of(args), reseed=args.reseed, keep=args.keep) as url:
        _measure(args, url)


def _measure(args: argparse.Namespace, url: str) -> None:
    """Print the CPU per request of each kind (or profile one) on the seeded database."""
    from askwell.team.app import create_app
    from askwell.team.config import load_settings

    app = create_app(load_settings(env={}, db_url=url, base_url="http://127.0.0.1"))
    plan = Plan.load(url, size_of(args), random.Random(1))
    rng = random.Random(2)
    kinds = [args.profile] if args.profile else list(KINDS)
    warm = [_one(plan, k, rng) for k in kinds for _ in range(10)]
    asyncio.run(_run(app, warm))
    if args.profile:
        _profile(app, [_one(plan, args.profile, rng) for _ in range(args.n)])
        return
    best: dict[str, float] = {}
    for _ in range(args.rounds):  # the least CPU of a few rounds: neighbours only ever add
        bare = [("GET", "/ok", None, 200, 0)] * args.n
        best["bare"] = min(best.get("bare", 1e9), asyncio.run(_run(bare_app(), bare)))
        for kind in kinds:
            batch = [_one(plan, kind, rng) for _ in range(args.n)]
            best[kind] = min(best.get(kind, 1e9), asyncio.run(_run(app, batch)))
    print(f"{args.n} requests per kind, least of {args.rounds} rounds; CPU ms per request:")
    for kind, seconds in best.items():
        print(f"  {kind:<8} {seconds / args.n * 1000:7.2f} ms")


def _profile(app: Any, batch: list[tuple[str, str, Any, int, int]]) -> None:
    """Print where one kind's CPU goes (cProfile on CPU time, sync code run inline)."""
    _inline_threads()
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    asyncio.run(_run(app, batch))
    prof.disable()
    stats = pstats.Stats(prof).sort_stats("cumulative")
    stats.print_stats(r"askwell/|dependencies/utils|orm/session.py|engine/base.py|encoders", 60)
    stats.sort_stats("tottime").print_stats(25)
    if os.environ.get("CALLERS"):
        stats.print_callers(os.environ["CALLERS"])


if __name__ == "__main__":
    main()
