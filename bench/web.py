"""Load-test the web app on loopback with wrk: coach endpoint and home page vs a bare FastAPI "ok".

Usage: .venv/bin/python bench/web.py [--seconds 20] [--connections 50] [--socket-only]
Needs wrk (`apt-get install wrk`). Each server runs alone in its own process (one uvicorn worker,
no access log); wrk uses 2 threads. Prints requests/s, p50, p99, errors and the ratio to the bare
endpoint measured in the same run.

Then the server path itself: a small static file over keep-alive and over a new connection
per request, at 1, 16 and 64 connections, served by the real `askwell serve` command (its own
listening socket from `_listen`, its uvicorn settings; a subprocess started as a user starts
it) against the baseline of the same askwell app on uvicorn's own socket (`uvicorn.run(host,
port)`): both servers up at once, taking turns load by load, best of two rounds.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOKEN = "bench-token"
COACH_TEXT = (
    "Hi Priya, I am preparing the quarterly data review for Thursday and the SQL for the churn "
    "table keeps timing out. Could you spend 15 minutes with me tomorrow afternoon looking at the "
    "query plan? You rewrote the billing queries last month, so I thought of you first. No worries "
    "if this week is full. Thank you!"
)


def serve(kind: str, port: int, db: str) -> None:
    """Run one server in this process: the askwell app or a bare FastAPI app, on uvicorn's own
    listening socket (the baseline for `askwell serve`, which `serve_command` starts)."""
    import uvicorn
    from fastapi import FastAPI

    if kind == "bare":
        app = FastAPI()

        @app.get("/ok")
        def ok() -> dict[str, str]:
            return {"status": "ok"}

        target = app
    else:
        from askwell.storage.store import open_store
        from askwell.web import WebSettings, create_app

        target = create_app(WebSettings(token=TOKEN, port=port), store=open_store(db))
    uvicorn.run(target, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_command(port: int, db: str) -> list[str]:
    """Return the command line of the real `askwell serve` on `port` (no browser)."""
    askwell = [sys.executable, "-c", "from askwell.cli import main; main()"]
    return [*askwell, "--db", db, "serve", "--port", str(port), "--no-browser"]


def free_port() -> int:
    """Return a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(port: int, timeout: float = 20.0) -> None:
    """Wait until the port accepts connections."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start")


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(out: str) -> dict[str, float]:
    """Read requests/s, p50, p99 and error counts from `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    lat = {
        p: _ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx[1]) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    total = int(re.search(r"(\d+) requests in", out)[1])  # type: ignore[index]
    return {"rps": rps, "p50": lat["50"], "p99": lat["99"], "errors": errors, "requests": total}


def run_wrk(
    url: str, seconds: int, connections: int, lua: Path | None, *, close: bool = False
) -> dict[str, float]:
    """Run wrk against one URL with the launch token (a new connection per request if close)."""
    threads = min(2, connections)
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "5s",
    ]
    cmd += ["-H", f"Authorization: Bearer {TOKEN}"]
    if close:
        cmd += ["-H", "Connection: close"]
    if lua is not None:
        cmd += ["-s", str(lua)]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def measure(kind: str, path: str, db: str, args: argparse.Namespace, lua: Path | None) -> dict:
    """Start a server of `kind`, warm it up, load it with wrk, stop it."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--serve", kind, str(port), db])
    try:
        wait_up(port)
        url = f"http://127.0.0.1:{port}{path}"
        run_wrk(url, 2, 4, lua)  # warm-up: imports, first queries, caches
        return run_wrk(url, args.seconds, args.connections, lua)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def socket_table(db: str, seconds: int, rounds: int = 2) -> None:
    """Load /static/app.css on `askwell serve` and on the uvicorn-socket baseline, both up at
    once and taking turns load by load (`rounds` times, the best round kept), so the shared
    machine's noise falls on both alike: keep-alive and a new connection per request, 1, 16
    and 64 clients."""
    base_port, serve_port = free_port(), free_port()
    servers = [
        subprocess.Popen(
            [sys.executable, __file__, "--serve", "askwell", str(base_port), db],
            stdout=subprocess.DEVNULL,
        ),
        subprocess.Popen(serve_command(serve_port, db), stdout=subprocess.DEVNULL),
    ]
    loads = [(mode, conns) for mode in ("keep-alive", "new") for conns in (1, 16, 64)]
    best: dict[str, dict[str, dict[str, float]]] = {"uvicorn": {}, "serve": {}}
    try:
        for port in (base_port, serve_port):
            wait_up(port)
            run_wrk(f"http://127.0.0.1:{port}/static/app.css", 2, 4, None)  # warm-up
        for _ in range(rounds):
            for mode, conns in loads:
                for name, port in (("uvicorn", base_port), ("serve", serve_port)):
                    url = f"http://127.0.0.1:{port}/static/app.css"
                    r = run_wrk(url, seconds, conns, None, close=mode == "new")
                    key = f"{mode} c{conns}"
                    if key not in best[name] or r["rps"] > best[name][key]["rps"]:
                        best[name][key] = r
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait(timeout=10)
    base, ours = best["uvicorn"], best["serve"]
    print(f"GET /static/app.css (static file), {seconds} s each, best of {rounds}, wrk -t2")
    print(f"{'load':<16}{'server':<16}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for load in base:
        for name, r in (("uvicorn socket", base[load]), ("askwell serve", ours[load])):
            print(
                f"{load:<16}{name:<16}{r['rps']:>10.0f}{r['p50']:>10.2f}{r['p99']:>10.2f}"
                f"{int(r['errors']):>8}"
            )
        print(f"{'':<16}{'serve / base':<16}{ours[load]['rps'] / base[load]['rps']:>9.2f}x")
    print(json.dumps(best))


def main() -> None:
    """Run the loads and print tables plus JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--socket-only", action="store_true", help="Only the socket table.")
    parser.add_argument("--serve", nargs=3, metavar=("KIND", "PORT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]), args.serve[2])
        return
    if shutil.which("wrk") is None:
        raise SystemExit("bench/web.py needs wrk: apt-get install wrk")
    from askwell.services.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="askwell-bench-") as folder:
        db = build_demo(Path(folder) / "demo.db")["url"]
        if args.socket_only:
            socket_table(db, args.seconds)
            return
        lua = Path(folder) / "coach.lua"
        body = json.dumps({"text": COACH_TEXT, "channel": "chat"})
        lua.write_text(
            'wrk.method = "POST"\n'
            f"wrk.body = {json.dumps(body)}\n"
            'wrk.headers["Content-Type"] = "application/json"\n'
        )
        bare = measure("bare", "/ok", db, args, None)
        coach = measure("askwell", "/api/coach/check", db, args, lua)
        home = measure("askwell", "/", db, args, None)
    print(f"{args.connections} connections, {args.seconds} s each, wrk -t2, loopback")
    print(f"{'target':<22}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}{'vs bare':>9}")
    rows = {"bare FastAPI /ok": bare, "POST /api/coach/check": coach, "GET / (home)": home}
    for name, r in rows.items():
        ratio = r["rps"] / bare["rps"]
        print(
            f"{name:<22}{r['rps']:>10.0f}{r['p50']:>10.1f}{r['p99']:>10.1f}"
            f"{int(r['errors']):>8}{ratio:>8.0%}"
        )
    print(json.dumps(rows))
    with tempfile.TemporaryDirectory(prefix="askwell-bench-") as folder:
        socket_table(build_demo(Path(folder) / "demo.db")["url"], args.seconds)


if __name__ == "__main__":
    main()
