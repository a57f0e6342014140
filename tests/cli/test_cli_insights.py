"""`askwell insights / report / practice / barriers` through the real entry point and SQLite."""

from __future__ import annotations

import json
import sys
from datetime import date

import pytest

from askwell.cli import main
from askwell.services.demo import build_demo


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return build_demo(path, today=date(2026, 3, 18))["url"]


@pytest.fixture
def run(monkeypatch, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["askwell", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_cli_insights_prints_sentences(run, demo_url):
    code, out, _ = run("--db", demo_url, "insights", "--tz", "Europe/Paris")
    assert code == 0
    assert "Your asking, in numbers" in out and "weeks in Europe/Paris" in out
    assert "You expected" in out and "Needs by support type" in out


def test_cli_insights_json_has_every_figure(run, demo_url):
    code, out, _ = run("--db", demo_url, "insights", "--json", "--tz", "Asia/Tokyo")
    data = json.loads(out)
    assert code == 0 and data["tz"] == "Asia/Tokyo"
    for key in ("activity", "urgency", "calibration", "barriers", "spread", "habits", "sentences"):
        assert key in data
    assert data["activity"]["weeks"][0]["week"].startswith("2025-W")


def test_cli_insights_since_filters(run, demo_url):
    _, full, _ = run("--db", demo_url, "insights", "--json", "--tz", "UTC")
    _, recent, _ = run(
        "--db", demo_url, "insights", "--json", "--tz", "UTC", "--since", "2026-02-01"
    )
    assert json.loads(recent)["counts"]["asks"] < json.loads(full)["counts"]["asks"]
    assert json.loads(recent)["since"] == "2026-02-01"


def test_cli_insights_plot_writes_png_and_svg(run, demo_url, tmp_path):
    code, out, _ = run("--db", demo_url, "insights", "--plot", str(tmp_path / "c"), "--tz", "UTC")
    assert code == 0 and "Wrote 8 chart files" in out
    assert {p.name for p in (tmp_path / "c").iterdir()} == {
        f"{n}.{e}"
        for n in ("weekly_asks", "calibration", "barriers", "spread")
        for e in ("png", "svg")
    }


def test_cli_report_writes_one_html_file(run, demo_url, tmp_path):
    target = tmp_path / "report.html"
    code, out, _ = run("--db", demo_url, "report", "--html", str(target), "--tz", "UTC")
    assert code == 0 and "Wrote your report" in out
    html = target.read_text(encoding="utf-8")
    assert html.count("data:image/svg+xml;base64,") == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["insights", "--tz", "Mars/Olympus"], "unknown time zone"),
        (["insights", "--since", "yesterday"], "YYYY-MM-DD"),
        (["report", "--html", "/nonexistent-dir/x/r.html"], "cannot write"),
    ],
)
def test_cli_insights_user_errors_are_one_line(run, demo_url, args, message):
    code, out, err = run("--db", demo_url, *args)
    assert code == 1 and message in err and "Traceback" not in err + out


def test_cli_insights_on_an_empty_store_says_not_enough_data(run, tmp_path):
    code, out, _ = run("--db", f"sqlite:///{tmp_path / 'empty.db'}", "insights", "--tz", "UTC")
    assert code == 0 and "Still gathering data" in out
    flat = " ".join(out.split())
    assert "Your yes-guesses versus real answers: not enough data yet; 5 more first asks" in flat
    assert "Before a first ask, guess the chance of a yes" in flat


def test_cli_insights_plot_draws_only_the_charts_it_can_explain(run, tmp_path):
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    code, out, _ = run("--db", db, "insights", "--tz", "UTC", "--plot", str(tmp_path / "c"))
    assert code == 0 and not list((tmp_path / "c").glob("*"))
    assert "A chart is drawn once its insight has enough data" in " ".join(out.split())


def test_cli_practice_and_barriers_json(run, demo_url):
    _, out, _ = run("--db", demo_url, "practice", "--json")
    assert all(item["kind"] in ("small_ask", "offer_help") for item in json.loads(out))
    _, out, _ = run("--db", demo_url, "barriers", "--json")
    rows = json.loads(out)
    assert [r["barrier"] for r in rows] and all(r["reframe"] for r in rows)
    assert len(rows) == 5


def test_cli_help_does_not_import_matplotlib():
    import subprocess

    code = (
        "import sys; from askwell.cli import app; "
        "print(any(m.startswith('matplotlib') or m == 'jinja2' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
