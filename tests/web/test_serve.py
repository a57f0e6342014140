"""`askwell serve` end to end: a real process, a free port, the printed link works."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ASKWELL = [sys.executable, "-c", "from askwell.cli import main; main()"]


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    db = f"sqlite:///{tmp_path / 'serve.db'}"
    proc = subprocess.Popen(
        [*ASKWELL, "--db", db, "serve", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        found = re.search(r"http://\S+", line)
        if found:
            return proc, found[0]
    proc.kill()
    raise AssertionError("askwell serve printed no link")


def test_serve_prints_a_token_link_on_loopback(tmp_path: Path) -> None:
    proc, url = _start(tmp_path)
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", url)
        with httpx.Client(follow_redirects=True, timeout=10) as c:
            page = c.get(url, headers={"Accept": "text/html"})
            assert page.status_code == 200 and "Today" in page.text
            assert "askwell_token" in c.cookies
            bare = httpx.get(url.split("?")[0], headers={"Accept": "application/json"})
            assert bare.status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_busy_port_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        db = f"sqlite:///{tmp_path / 'serve.db'}"
        out = subprocess.run(
            [*ASKWELL, "--db", db, "serve", "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert out.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in out.stderr
    assert "Traceback" not in out.stderr


def test_serve_prints_a_calendar_feed_link_that_works_without_the_launch_token(
    tmp_path: Path,
) -> None:
    proc, _ = _start(tmp_path)
    try:
        assert proc.stdout is not None
        feed = None
        for _ in range(5):
            found = re.search(r"http://\S+/feed/\S+\.ics", proc.stdout.readline())
            if found:
                feed = found[0]
                break
        assert feed is not None, "askwell serve printed no feed link"
        r = httpx.get(feed, timeout=10)
        assert r.status_code == 200 and r.text.startswith("BEGIN:VCALENDAR")
        assert httpx.get(feed.replace("/feed/", "/feed/x"), timeout=10).status_code == 404
    finally:
        proc.terminate()
        proc.wait(timeout=10)
