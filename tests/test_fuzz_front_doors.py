"""Fuzz the CLI's every command with hostile arguments and every import path with hostile files.

Each case asserts: no traceback, exit code 0 (a hostile-looking value that is fine), 1 (a
clean one-line error) or 2 (a usage error), and on an error the store is unchanged. Locally a
few dozen examples per test; with HYPOTHESIS_PROFILE=ci (set by .ci/run) 3,400 per test or the
ci profile's count if larger: over 10,000 cases in all. ASKWELL_FUZZ_EXAMPLES overrides both.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askwell.cli import app

LOCAL_EXAMPLES = 25
CI_EXAMPLES = 3_400


def fuzz_examples() -> int:
    """Return the examples per fuzz test: modest locally, over 10,000 cases in all in CI."""
    if os.environ.get("ASKWELL_FUZZ_EXAMPLES"):
        return int(os.environ["ASKWELL_FUZZ_EXAMPLES"])
    if os.environ.get("HYPOTHESIS_PROFILE") == "ci":
        return max(settings().max_examples, CI_EXAMPLES)
    return LOCAL_EXAMPLES


FUZZ = settings(
    max_examples=fuzz_examples(),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SKIP_COMMANDS = {"askwell serve", "askwell team serve"}  # they serve until stopped


def _commands() -> list[tuple[list[str], list[str]]]:
    """Return every leaf command as (words, its --options)."""
    found: list[tuple[list[str], list[str]]] = []

    def walk(command: Any, path: list[str]) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
        elif " ".join(["askwell", *path]) not in SKIP_COMMANDS:
            opts = [o for p in command.params for o in p.opts if o.startswith("--")]
            found.append((path, [o for o in opts if o != "--help"]))

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()

HOSTILE_TEXT = st.sampled_from(
    [
        "9223372036854775808",
        "99999999999999999999",
        "3000000000",
        "-1",
        "0",
        "1",
        "2",
        "1e999",
        "9" * 5000,
        "",
        " ",
        "\x1b[2J\x1b[31mEvil",
        "\ud800",
        "\udcff",
        "\x7f\x9b",
        "x" * 100_000,
        "9999-12-31T23:59:59-14:00",
        "0001-01-01",
        "2026-02-30",
        "Mon-Fri 25:00-99:99",
        "Europe/Nowhere",
        "../../etc/passwd",
        "/dev/zero",
        "/",
        "-",
        "--",
        "[red]markup[/red]",
        "'; DROP TABLE people; --",
        "%s%n%x",
        "‮evil",
    ]
)
ANY_TEXT = st.one_of(
    HOSTILE_TEXT,
    st.text(st.characters(exclude_characters="\x00"), max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@st.composite
def cli_calls(draw: st.DrawFn) -> list[str]:
    """Draw a command and a few hostile arguments and options for it."""
    words, options = draw(st.sampled_from(COMMANDS))
    args: list[str] = list(words)
    for _ in range(draw(st.integers(0, 4))):
        if options and draw(st.booleans()):
            args.append(draw(st.sampled_from(options)))
        args.append(draw(ANY_TEXT))
    return args


def store_hash(db: Path) -> str:
    """Return a digest of every row of every table (order-free): equal digests, equal stores."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(db)) as conn:
        names = sorted(
            n
            for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not n.startswith("sqlite_")
        )
        for name in names:
            rows = sorted(repr(row) for row in conn.execute(f"SELECT * FROM {name}"))
            digest.update(f"{name}:{len(rows)}\n".encode())
            for row in rows:
                digest.update(row.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


class Cases:
    """Each hypothesis case runs against its own copy of one seeded template store.

    The template (a person, a need and an ask) is made once per test through the CLI; a case
    copies its file (no migration, no seeding) so every case starts from the same store and a
    store the earlier cases grew does not slow the later ones. "Unchanged on error" compares
    one digest of the case's tables with the template's, computed once.
    """

    def __init__(self, cli: Any, folder: Path, stores: Path) -> None:
        self.cli = cli
        self.folder = folder
        self.template = stores / "template.db"
        self.db = stores / "case.db"
        url = f"sqlite:///{self.template}"
        for args in (
            ("people", "add", "Bea Lima", "--hours", "Mon-Fri 09:00-17:00"),
            ("need", "add", "review my talk", "--type", "feedback"),
            ("ask", "1", "--to", "1", "--text", "Could you review my talk?"),
        ):
            cli(*args, env={"ASKWELL_DATABASE_URL": url})
        with closing(sqlite3.connect(self.template)) as conn:  # fold the WAL into the file
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.template_hash = store_hash(self.template)

    def fresh(self) -> Path:
        """Return the case store: a copy of the template, with no WAL left from the last case."""
        for suffix in ("-wal", "-shm", "-journal"):
            self.db.with_name(self.db.name + suffix).unlink(missing_ok=True)
        shutil.copyfile(self.template, self.db)
        return self.db

    def check(
        self, args: list[str], codes: tuple[int, ...] = (0, 1, 2), one_line: bool = True
    ) -> None:
        """Run one CLI call on a fresh store and assert the rules of the front door."""
        db = self.fresh()
        result = self.cli(*args, expect=codes, env={"ASKWELL_DATABASE_URL": f"sqlite:///{db}"})
        shown = f"{args!r:.300}: {result.code} {result.err[-2000:]}"
        assert "Traceback" not in result.err and "Traceback" not in result.out, shown
        assert result.code in codes, shown
        if result.code != 0:
            assert store_hash(db) == self.template_hash, shown
            if result.code == 1 and one_line:
                assert len(result.err.strip().splitlines()) == 1, shown


MEMORY = Path("/dev/shm")


@pytest.fixture
def cases(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cases]:  # type: ignore[no-untyped-def]
    """Fresh-store cases; files the CLI writes land in a temp folder.

    The case stores live in memory (/dev/shm) where there is one: a successful write's fsync
    (synchronous=FULL) costs nothing there, and these cases test askwell, not the disk.
    """
    monkeypatch.chdir(tmp_path)
    for var in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    in_memory = MEMORY.is_dir() and os.access(MEMORY, os.W_OK)
    stores = Path(tempfile.mkdtemp(dir=MEMORY)) if in_memory else tmp_path
    try:
        yield Cases(cli, tmp_path, stores)
    finally:
        if in_memory:
            shutil.rmtree(stores, ignore_errors=True)


@FUZZ
@given(args=cli_calls())
def test_fuzz_cli_every_command_with_hostile_arguments(cases: Cases, args: list[str]) -> None:
    # `people import` lists every card it could not read (on stdout), so not one line
    cases.check(args, one_line=args[:2] != ["people", "import"])


# ---------------------------------------------------------------- hostile import files

VALID_EXPORT: dict[str, Any] = {
    "format": "askwell-export",
    "version": 1,
    "exported_at": "2026-01-01T00:00:00Z",
    "people": [
        {
            "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f01",
            "created_at": "2026-01-01T00:00:00Z",
            "name": "Ada Stone",
            "relationship": "mentor",
            "topics": ["python"],
            "tz": "Europe/Berlin",
            "hours": "Mon-Fri 09:00-17:00",
            "email": "ada@example.org",
        }
    ],
    "needs": [
        {
            "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f02",
            "created_at": "2026-01-01T00:00:00Z",
            "summary": "review my talk",
            "support_type": "feedback",
            "urgency": "low",
            "deadline": "2026-03-01",
            "barriers": {"burden": 2},
            "expect": 60,
        }
    ],
    "asks": [
        {
            "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f03",
            "created_at": "2026-01-02T00:00:00Z",
            "need_uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f02",
            "person_uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f01",
            "text": "Could you review my talk?",
            "channel": "chat",
            "status": "answered",
            "answer": {"kind": "yes", "note": "sure", "at": "2026-01-03T00:00:00Z"},
            "sent_at": "2026-01-02T00:00:00Z",
        }
    ],
    "journal": [
        {
            "uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f04",
            "created_at": "2026-01-03T00:00:00Z",
            "text": "felt nervous, asked anyway",
            "ask_uid": "6f0b0c8e-7a43-4a38-9d0e-6e8f0f0f0f03",
        }
    ],
}

HOSTILE_JSON_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            -1,
            0,
            2**63,
            10**30,
            1e308,
            "",
            "\x00",
            "\ud800",
            "\x1b[2J",
            "x" * 100_000,
            "9999-12-31T23:59:59-14:00",
            "0001-01-01",
            "1899-12-31",
            "2201-01-01",
            "not-a-uuid",
            [],
            {},
            [[[[[]]]]],
        ]
    ),
    st.text(max_size=30),
    st.integers(),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every value inside a JSON document."""
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


def _replace(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(doc))
    target = copy
    try:
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = new
    except (KeyError, IndexError, TypeError):  # an earlier replacement removed this path
        return doc
    return copy


@st.composite
def hostile_exports(draw: st.DrawFn) -> bytes:
    """A valid export with a few values replaced by hostile ones, or hostile raw bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(
            st.one_of(
                st.binary(max_size=300),
                st.sampled_from(
                    [
                        b"[" * 50_000 + b"]" * 50_000,
                        b'{"format": "askwell-export", "version": ' + b"9" * 5000 + b"}",
                        b"\xff\xfe\x00",
                        b"",
                    ]
                ),
            )
        )
    doc: Any = VALID_EXPORT
    paths = _paths(VALID_EXPORT)
    for _ in range(draw(st.integers(1, 3))):
        doc = _replace(doc, draw(st.sampled_from(paths[1:])), draw(HOSTILE_JSON_VALUES))
    return json.dumps(doc).encode("utf-8", "surrogatepass")


VCARD_FIELDS = ("FN", "N", "EMAIL", "TEL", "NOTE", "TZ", "CATEGORIES", "ORG", "BDAY", "X-ASKWELL")


@st.composite
def hostile_vcards(draw: st.DrawFn) -> bytes:
    """A vCard file with hostile property values, broken structure or raw bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=300))
    lines = ["BEGIN:VCARD", "VERSION:" + draw(st.sampled_from(["3.0", "4.0", "2.1", "99"]))]
    for _ in range(draw(st.integers(0, 5))):
        name = draw(st.sampled_from(VCARD_FIELDS))
        value = draw(HOSTILE_TEXT | st.text(max_size=30))
        lines.append(f"{name}:{value}")
    if draw(st.booleans()):
        lines.append("END:VCARD")
    text = "\r\n".join(lines) + "\r\n"
    return text.encode("utf-8", "surrogatepass")


@FUZZ
@given(content=hostile_exports())
def test_fuzz_askwell_import_with_hostile_files(cases: Cases, content: bytes) -> None:
    path = cases.folder / "hostile.json"
    path.write_bytes(content)
    cases.check(["import", str(path)], codes=(0, 1))


@FUZZ
@given(content=hostile_vcards())
def test_fuzz_people_import_with_hostile_vcards(cases: Cases, content: bytes) -> None:
    path = cases.folder / "hostile.vcf"
    path.write_bytes(content)
    # a vCard import reports each card it could not read (on stdout), so not one line
    cases.check(["people", "import", str(path)], codes=(0, 1), one_line=False)
