"""Load-test the team server on loopback: seed a big team database, then a bounded mixed load.

Usage (full size, as in docs/benchmarks.md):
    .venv/bin/python bench/team_load.py
Quick run:
    .venv/bin/python bench/team_load.py --quick
Options: --members 5000 --teams 200 --asks 1000000 --clients 200 --seconds 60 --workers 1,2
--admin-url (a PostgreSQL superuser URL, default postgres@127.0.0.1), --keep, --reseed, and
--rate R: R requests/s in all at fixed times (an open load; the default is a closed one, each client
sending its next request as soon as the last is answered).

Seeding (bench/team_seed.py): a database and an ordinary owner role of their own (no
superuser, so row-level security holds as deployed), filled with COPY, then ANALYZE, and dropped
at the end (the role too) unless --keep; a kept database of the same size is reused (and stays
kept) unless --reseed.

Load: the server runs as `askwell team serve` runs it (uvicorn, N worker processes behind one
port; the access log off), on 127.0.0.1. N clients (asyncio + httpx, each a member with their
API token, keep-alive) warm up for up to 5 s (not counted), then loop for the given seconds
over a mix: 50 % inbox reads (GET /api/team/inbox, its first page of 50), 20 % routing
(GET /api/team/needs/{id}/route for one of their needs), 20 % posting (a need sent to a
teammate: POST /api/team/teams/{id}/needs) and 10 % answering (POST
/api/team/asks/{id}/answer on a waiting ask of theirs). Then the same clients against a bare
FastAPI endpoint (one uvicorn worker) as the baseline. Prints requests/s, p50 / p99 per kind
and overall, and errors (any status other than the expected one, or a failed request).
At a fixed rate, each request's time counts from when it was due, so a queue shows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from team_seed import KINDS, Size, dsn, seeded, size_arguments, size_of, token_of

REPO = Path(__file__).resolve().parents[1]

MIX = (("inbox", 50), ("route", 20), ("post", 20), ("answer", 10))


@dataclass
class Plan:
    """What the clients can do: members with tokens, their needs, asks waiting on them."""

    size: Size
    needs_of: dict[int, list[int]]
    waiting: list[tuple[int, int]]  # (helper, ask id), each answered once

    @classmethod
    def load(cls, url: str, size: Size, rng: random.Random) -> Plan:
        import psycopg

        with psycopg.connect(dsn(url)) as conn:
            needs = conn.execute(
                "SELECT author_id, id FROM team_needs WHERE id % 10 = 0"
            ).fetchall()
            waiting = conn.execute(
                "SELECT helper_id, id FROM team_asks WHERE status = 'sent' AND id % 3 = 0"
            ).fetchall()
        needs_of: dict[int, list[int]] = {}
        for author, need in needs:
            needs_of.setdefault(author, []).append(need)
        rng.shuffle(waiting)
        return cls(size, needs_of, [tuple(w) for w in waiting])


@dataclass
class Tally:
    """Latencies and errors per kind of request."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    cpu: tuple[float, float] = (0.0, 0.0)  # server, PostgreSQL: CPU seconds over the run

    def add(self, kind: str, seconds: float, ok: bool, why: str = "") -> None:
        self.times.setdefault(kind, []).append(seconds)
        if not ok:
            self.errors[kind] = self.errors.get(kind, 0) + 1
            if len(self.samples) < 5:
                self.samples.append(f"{kind}: {why}")


def _request(plan: Plan, rng: random.Random) -> tuple[str, str, str, dict[str, Any] | None, int]:
    """Pick one request of the mix: (kind, method, path, json body, expected status)."""
    kind = rng.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
    user = rng.randint(1, plan.size.members)
    if kind == "route":
        authors = plan.needs_of.get(user)
        if authors:
            return f"route:{user}", "GET", f"/api/team/needs/{rng.choice(authors)}/route", None, 200
        kind = "inbox"
    if kind == "answer" and plan.waiting:
        helper, ask = plan.waiting.pop()
        said = {"kind": rng.choice(KINDS), "note": "bench", "offered": "a quick call instead"}
        return f"answer:{helper}", "POST", f"/api/team/asks/{ask}/answer", said, 200
    if kind == "post":
        team = plan.size.team_of(user)
        helper = rng.choice([u for u in plan.size.members_of(team) if u != user])
        body = {
            "summary": "A second pair of eyes",
            "to": helper,
            "text": "Could you?",
        }
        return f"post:{user}", "POST", f"/api/team/teams/{team}/needs", body, 201
    return f"inbox:{user}", "GET", "/api/team/inbox", None, 200


async def _client(
    base: str, plan: Plan | None, until: float, tally: Tally, seed_: int, every: float = 0.0
) -> None:
    """Send requests until `until`: back to back, or (every > 0) one per `every` seconds.

    At a fixed rate, a request's time runs from when it was due, not from when it went out,
    so a server that falls behind shows its queue in the latencies (no coordinated omission);
    each client first opens its keep-alive connection with one request that is not counted
    (200 clients connecting at once stalled the load's own event loop for seconds).
    """
    import httpx

    rng = random.Random(seed_)
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as http:
        if every:
            await http.get("/ok" if plan is None else "/healthz")
        due = time.perf_counter() + rng.uniform(0, every)
        while time.perf_counter() < until:
            if every:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                if due >= until:
                    break
            if plan is None:
                kind, method, path, body, expect, user = "bare", "GET", "/ok", None, 200, 0
            else:
                kind, method, path, body, expect = _request(plan, rng)
                kind, _, who = kind.partition(":")
                user = int(who) if who else rng.randint(1, plan.size.members)
            headers = {"authorization": f"Bearer {token_of(user)}"} if user else {}
            started = due if every else time.perf_counter()
            try:
                answer = await http.request(method, path, json=body, headers=headers)
                ok, why = answer.status_code == expect, f"{answer.status_code} {answer.text[:100]}"
            except httpx.HTTPError as exc:
                ok, why = False, type(exc).__name__
            tally.add(kind, time.perf_counter() - started, ok, why)
            due += every


def run_load(
    base: str, plan: Plan | None, clients: int, seconds: float, rate: float = 0.0
) -> Tally:
    """Run `clients` concurrent clients for `seconds` (at `rate` requests/s in all when given)."""
    tally = Tally()
    started = time.perf_counter()
    until = started + seconds
    every = clients / rate if rate else 0.0

    async def main() -> None:
        await asyncio.gather(*(_client(base, plan, until, tally, i, every) for i in range(clients)))

    asyncio.run(main())
    tally.elapsed = time.perf_counter() - started  # the last requests end after `seconds`
    return tally


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def report(label: str, tally: Tally) -> dict[str, Any]:
    """Print one run's figures; return them."""
    seconds = tally.elapsed
    every = [t for ts in tally.times.values() for t in ts]
    errors = sum(tally.errors.values())
    out: dict[str, Any] = {
        "label": label,
        "rps": len(every) / seconds,
        "errors": errors,
        "kinds": {},
    }
    print(
        f"{label:<14} {len(every) / seconds:8.1f} req/s  p50 {_pct(every, 0.5):6.0f} ms  "
        f"p99 {_pct(every, 0.99):6.0f} ms  errors {errors}/{len(every)}"
    )
    if every:
        app_ms, db_ms = (1000 * c / len(every) for c in tally.cpu)
        out["cpu_ms"] = (app_ms, db_ms)
        print(f"  CPU per request: server {app_ms:.1f} ms, PostgreSQL {db_ms:.1f} ms")
    for kind, times in sorted(tally.times.items()):
        out["kinds"][kind] = (len(times), _pct(times, 0.5), _pct(times, 0.99))
        print(
            f"  {kind:<12} {len(times):7d} requests  p50 {_pct(times, 0.5):6.0f} ms  "
            f"p99 {_pct(times, 0.99):6.0f} ms  errors {tally.errors.get(kind, 0)}"
        )
    for sample in tally.samples:
        print(f"  e.g. {sample}")
    return out


def _cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system) a process has used, 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """Return the process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children.get(current, []))
    return out


class CpuMeter:
    """CPU seconds used by a server's processes and by PostgreSQL backends of a role."""

    def __init__(self, pid: int, url: str | None) -> None:
        self.pid, self.url = pid, url
        self.app0, self.db0 = self._app(), self._db()

    def _app(self) -> float:
        return sum(_cpu_seconds(p) for p in _tree(self.pid))

    def _db(self) -> dict[int, float]:
        if self.url is None:
            return {}
        import psycopg

        with psycopg.connect(dsn(self.url)) as conn:
            pids = [
                row[0]
                for row in conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE usename = current_user "
                    "AND pid <> pg_backend_pid()"
                )
            ]
        return {p: _cpu_seconds(p) for p in pids}

    def used(self) -> tuple[float, float]:
        """Return (app, database) CPU seconds since the meter started."""
        app = self._app() - self.app0
        db = sum(t - self.db0.get(p, 0.0) for p, t in self._db().items())
        return app, db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(base: str, path: str, proc: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit {proc.returncode})")
        try:
            if httpx.get(base + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the server did not answer {path} within 60 s")


def start_team(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start the team server as `askwell team serve` does (uvicorn workers), access log off."""
    from askwell.team.config import as_env, load_settings

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    settings = load_settings(env={}, db_url=url, base_url=base, port=port, workers=workers)
    env = {**os.environ, **as_env(settings)}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "askwell.team.app:app_from_env",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(command, env=env, cwd=REPO)
    _wait_ready(base, "/readyz", proc)
    return proc, base


def start_bare() -> tuple[subprocess.Popen[bytes], str]:
    """Start a bare FastAPI endpoint (one uvicorn worker) as the baseline."""
    port = _free_port()
    command = [sys.executable, __file__, "--serve-bare", str(port)]
    proc = subprocess.Popen(command, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    _wait_ready(base, "/ok", proc)
    return proc, base


def bare_app() -> Any:
    """Return the baseline: a FastAPI app with one route, GET /ok -> {"ok": true}."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/ok")
    def ok() -> dict[str, bool]:
        return {"ok": True}

    return app


def serve_bare(port: int) -> None:
    """Serve the baseline in this process."""
    import uvicorn

    uvicorn.run(bare_app(), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server we started."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def measure(
    label: str,
    proc: subprocess.Popen[bytes],
    base: str,
    plan: Plan | None,
    url: str | None,
    args: argparse.Namespace,
) -> dict[str, Any]:
    """Load a started server, stop it, print and return its figures."""
    try:
        warm_up = min(5.0, args.seconds / 6)  # not counted
        run_load(base, plan, args.clients, warm_up, args.rate)
        meter = CpuMeter(proc.pid, url)
        tally = run_load(base, plan, args.clients, args.seconds, args.rate)
        tally.cpu = meter.used()
    finally:
        stop(proc)
    return report(label, tally)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_arguments(parser)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="requests/s in all, spread over the clients (default: each client back to back)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="500 members, 50k asks, 50 clients, 10 s"
    )
    parser.add_argument("--serve-bare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.serve_bare)
        return
    if args.quick:
        args.clients, args.seconds = 50, 10
    size = size_of(args)
    with seeded(args.admin_url, size, reseed=args.reseed, keep=args.keep) as url:
        print(f"{os.cpu_count()} CPUs; {args.clients} clients for {args.seconds:.0f} s per run")
        results = []
        for workers in [int(w) for w in args.workers.split(",")]:
            plan = Plan.load(url, size, random.Random(workers))
            team = start_team(url, workers)
            results.append(measure(f"team x{workers}", *team, plan, url, args))
    results.append(measure("bare FastAPI", *start_bare(), None, None, args))
    if len(results) >= 3:
        print(f"2 workers / 1 worker: {results[1]['rps'] / max(results[0]['rps'], 1e-9):.2f}x")


if __name__ == "__main__":
    main()
