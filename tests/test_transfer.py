"""Export / import: lossless round trips, merges without duplicates, all-or-nothing errors, CLI."""

from __future__ import annotations

import copy
import json
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings

from askwell.errors import AskwellError
from askwell.services.transfer import export_data, import_data
from askwell.storage.store import Store, open_store
from histories import Plan, Stores, plans, populate, small_plan, snapshot
from support import run_askwell

Fresh = Callable[[], AbstractContextManager[Stores]]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Fresh:
    """Return a context manager yielding fresh stores (copies of one store migrated once)."""
    template = tmp_path_factory.mktemp("template") / "empty.db"
    open_store(f"sqlite:///{template}").close()

    @contextmanager
    def scope() -> Iterator[Stores]:
        with tempfile.TemporaryDirectory() as folder:
            made = Stores(template, Path(folder))
            try:
                yield made
            finally:
                made.close()

    return scope


def exported(store: Store) -> dict[str, Any]:
    """Return the export document without its timestamp."""
    doc = export_data(store)
    del doc["exported_at"]
    return doc


# ---------------------------------------------------------------- round trip and merge


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_transfer_round_trip_is_lossless(fresh: Fresh, plan: Plan):
    with fresh() as stores:
        source = stores.new()
        populate(source, plan)
        doc = export_data(source)
        for kind in ("asks", "boundaries", "thanks", "journal"):
            event(f"{kind}: {'some' if doc[kind] else 'none'}")
        target = stores.new()
        report = import_data(target, json.loads(json.dumps(doc)))
        kinds = {k: v for k, v in doc.items() if isinstance(v, list) and k != "trash"}
        assert report.added == {k: len(v) for k, v in kinds.items()}  # the trash stays behind
        assert exported(target) == exported(source)
        assert snapshot(target) == snapshot(source)
        again = import_data(target, doc)
        assert set(again.added.values()) == {0}
        assert again.skipped == report.added
        assert snapshot(target) == snapshot(source)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mine=plans(max_people=2), theirs=plans(max_people=2))
def test_transfer_merge_adds_only_what_is_new(fresh: Fresh, mine: Plan, theirs: Plan):
    with fresh() as stores:
        target, other = stores.new(), stores.new()
        populate(target, mine)
        populate(other, theirs)
        before, incoming = snapshot(target), snapshot(other)
        import_data(target, export_data(other))
        merged = snapshot(target)
        for table, rows in merged.items():
            assert rows == sorted(before[table] + incoming[table], key=lambda r: r["uid"])
        import_data(target, export_data(target))
        assert snapshot(target) == merged


def test_transfer_demo_store_round_trips(fresh: Fresh, tmp_path: Path):
    from askwell.services.demo import build_demo

    info = build_demo(tmp_path / "demo.db", today=date(2025, 6, 1))
    demo = open_store(info["url"])
    try:
        with fresh() as stores:
            target = stores.new()
            import_data(target, export_data(demo))
            assert snapshot(target) == snapshot(demo)
            assert len(snapshot(target)["asks"]) == info["asks"] > 0
    finally:
        demo.close()


def test_transfer_partial_export_may_refer_to_records_already_here(fresh: Fresh):
    with fresh() as stores:
        store = stores.new()
        populate(store, small_plan())
        doc = export_data(store)
        doc["people"], doc["needs"] = [], []  # asks still name them by uid
        assert set(import_data(store, doc).added.values()) == {0}


# ---------------------------------------------------------------- errors change nothing


def _fresh_uids(doc: dict[str, Any]) -> dict[str, Any]:
    """Return `doc` with every uid replaced consistently (so every record is new to its store)."""
    text = json.dumps(doc)
    for kind in ("people", "needs", "asks", "boundaries", "thanks", "help_given", "journal"):
        for item in doc[kind]:
            text = text.replace(item["uid"], str(uuid.uuid4()))
    return json.loads(text)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[last] = value

    return change


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc.pop(key)


BAD = [
    pytest.param(_set("format", "vcard"), "this is not an askwell export", id="unknown-format"),
    pytest.param(_drop("format"), "this is not an askwell export", id="no-format"),
    pytest.param(
        _set("version", 2), "format version 2, newer than this askwell reads .* upgrade", id="newer"
    ),
    pytest.param(_set("version", "1"), "no valid format 'version'", id="version-text"),
    pytest.param(_set("version", 0), "unknown export format version 0", id="version-0"),
    pytest.param(
        _set("asks.1.need_uid", "0" * 36), "missing needs record 0{36}", id="dangling-need"
    ),
    pytest.param(
        _set("thanks.0.ask_uid", "f" * 36), "missing asks record f{36}", id="dangling-ask"
    ),
    pytest.param(
        _set("journal.0.person_uid", "e" * 36), "missing people record", id="dangling-person"
    ),
    pytest.param(
        _set("people.1.relationship", "boss"),
        r"invalid at people\.1\.relationship",
        id="bad-choice",
    ),
    pytest.param(
        _set("people.0.nickname", "Annie"), r"invalid at people\.0\.nickname", id="extra-field"
    ),
    pytest.param(
        _set("needs.0.created_at", "yesterday"), r"invalid at needs\.0\.created_at", id="bad-date"
    ),
    pytest.param(
        _set("people.0.tz", "Mars/Olympus_Mons"),
        "invalid at person .*unknown time zone",
        id="bad-tz",
    ),
    pytest.param(
        _set("needs.0.barriers", {"shame": 7}), "invalid at need .*from 0 to 3", id="bad-barrier"
    ),
    pytest.param(
        _set("people.0.email", "not-an-address"), "invalid at person .*e-mail", id="bad-email"
    ),
    pytest.param(
        _set("journal.0.kind", "k" * 40),
        "invalid at journal",
        id="overlong-kind",
    ),
    pytest.param(
        _set("journal.0.uid", "u" * 80),
        "invalid at journal",
        id="overlong-uid",
    ),
]


@pytest.mark.parametrize(("damage", "message"), BAD)
def test_transfer_bad_document_is_refused_and_changes_nothing(
    store: Store, damage: Callable[[dict[str, Any]], None], message: str
):
    populate(store, small_plan())
    doc = _fresh_uids(export_data(store))
    assert set(import_data(store, copy.deepcopy(doc)).added.values()) != {0}  # the intact one adds
    populate(store, small_plan())  # more local data, so the store is not just the doc
    before = snapshot(store)
    doc = _fresh_uids(doc)
    damage(doc)
    with pytest.raises(AskwellError, match=message):
        import_data(store, doc)
    assert snapshot(store) == before


def test_transfer_non_object_document_is_refused(store: Store):
    with pytest.raises(AskwellError, match="not an askwell export"):
        import_data(store, ["people"])


# ---------------------------------------------------------------- files and the CLI


def test_transfer_cli_export_then_import_into_another_store(cli, tmp_path: Path, db_url: str):
    populate_via = open_store(db_url)
    populate(populate_via, small_plan())
    populate_via.close()
    path = tmp_path / "backup.json"
    r = cli("export", str(path))
    assert r.code == 0, r.err
    assert f"Exported to {path}: 2 people, 1 needs, 2 asks, 1 boundaries" in r.out
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "askwell-export" and doc["version"] == 1
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left nothing behind
    other = f"sqlite:///{tmp_path / 'other.db'}"
    first = cli("--db", other, "import", str(path), "--json")
    assert first.code == 0, first.err
    assert first.json()["added"]["asks"] == 2
    again = cli("--db", other, "import", str(path))
    assert again.code == 0
    total = sum(len(v) for v in doc.values() if isinstance(v, list))
    assert f"Imported 0 records ({total} already here, skipped)." in again.out
    counts = cli("--db", other, "export", str(tmp_path / "copy.json"), "--json").json()
    assert counts["counts"]["people"] == 2 and counts["counts"]["journal"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "askwell-export", "version": 1,', "is not valid JSON (line 1"),
        (
            '{"format": "askwell-export", "version": 9, "exported_at": "2030-01-01T00:00:00Z"}',
            "please upgrade askwell",
        ),
        ('{"format": "contacts"}', "this is not an askwell export"),
    ],
)
def test_transfer_cli_import_of_a_bad_file_exits_1(cli, tmp_path: Path, content: str, message: str):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    r = cli("import", str(path), expect=1)
    assert message in r.err and r.err.startswith("error:")
    assert "Traceback" not in r.err + r.out


def test_transfer_cli_file_errors_exit_1(cli, tmp_path: Path):
    missing = cli("import", str(tmp_path / "nope.json"), expect=1)
    assert "file not found" in missing.err
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    assert "is not UTF-8 text" in cli("import", str(binary), expect=1).err
    unwritable = cli("export", str(tmp_path / "no" / "such" / "folder" / "x.json"), expect=1)
    assert "cannot write" in unwritable.err


def test_transfer_console_script_round_trips(tmp_path: Path):
    src, dst = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    store = open_store(src)
    populate(store, small_plan())
    store.close()
    path = str(tmp_path / "all.json")
    assert run_askwell("export", path, db_url=src).returncode == 0
    done = run_askwell("import", path, "--json", db_url=dst)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"]["people"] == 2
