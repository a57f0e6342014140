"""`askwell suggest` and `askwell when` on a real SQLite store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from askwell.core.match import FACTORS

Run = Callable[..., Any]


@pytest.fixture
def network(cli: Run) -> Run:
    """Two people and one career need, added through the CLI."""
    for args in (
        (
            "Ana Ruiz",
            "-r",
            "mentor",
            "--topics",
            "career, management",
            "--tz",
            "Europe/Berlin",
            "--hours",
            "Mon-Fri 09:00-17:00",
            "--email",
            "ana@example.org",
        ),
        (
            "Ben Okafor",
            "-r",
            "friend",
            "--topics",
            "cooking",
            "--tz",
            "America/New_York",
            "--stretched",
        ),
    ):
        assert cli("people", "add", *args).code == 0
    assert cli("need", "add", "Should I move into management?", "--type", "advice").code == 0
    return cli


def test_cli_suggest_json_ranks_with_reasons(network: Run) -> None:
    result = network("suggest", "1", "--json")
    assert result.code == 0, result.err
    rows = result.json()
    assert [r["name"] for r in rows] == ["Ana Ruiz", "Ben Okafor"]
    assert rows[0]["factors"]["fit"]["reason"] == (
        "A mentor is a natural person to ask for advice; "
        "Ana Ruiz's profile does not say what help they like to give yet."
    )
    assert rows[1]["flags"] == ["stretched"]
    assert tuple(rows[0]["factors"]) == FACTORS


def test_cli_suggest_shows_people_with_one_line_of_reasons(network: Run) -> None:
    result = network("suggest", "1")
    assert "1. Ana Ruiz (#1)" in result.out and "2. Ben Okafor (#2)" in result.out
    assert "(stretched)" in result.out and "--why NAME" in result.out
    assert len(result.out.strip().splitlines()) <= 8
    why = network("suggest", "1", "--why", "Ana").out
    assert "natural person to ask for advice" in why.replace("\n", " ")
    assert all(name in why for name in FACTORS)


def test_cli_suggest_shows_the_top_three_and_all_on_request(network: Run) -> None:
    for name in ("Cleo", "Dev", "Emil", "Fay"):
        network("people", "add", name, "-r", "colleague")
    top = network("suggest", "1").out
    assert "3. " in top and "4. " not in top and "3 more: askwell suggest 1 --all" in top
    assert len(top.strip().splitlines()) <= 10
    every = network("suggest", "1", "--all").out
    assert "6. " in every and "--all" not in every


def test_cli_suggest_weights_option(network: Run) -> None:
    rows = network("suggest", "1", "--json", "--weights", "expertise=0,fit=0,capacity=5").json()
    assert rows[0]["factors"]["expertise"]["weight"] == 0.0
    assert rows[0]["factors"]["capacity"]["weight"] == 5.0
    bad = network("suggest", "1", "--weights", "kindness=2", expect=1)
    assert bad.code == 1 and "cannot read weight 'kindness=2'" in bad.err
    assert len(bad.err.strip().splitlines()) == 1


def test_cli_suggest_after_a_no_lists_them_last_as_excluded(network: Run) -> None:
    assert network("ask", "1", "--to", "1", "--text", "Could we talk?").code == 0
    assert network("answer", "1", "no", "--cooldown", "30").code == 0
    rows = network("suggest", "1", "--json").json()
    assert [r["name"] for r in rows] == ["Ben Okafor", "Ana Ruiz"]
    assert rows[1]["excluded"] and rows[1]["flags"][0].startswith("cooldown until ")


def test_cli_suggest_empty_network(cli: Run) -> None:
    assert cli("need", "add", "Help me plan a move", "--type", "task").code == 0
    result = cli("suggest", "1")
    assert result.code == 0 and "Your network is empty" in result.out
    assert cli("suggest", "1", "--json").json() == []


def test_cli_when_json_gives_slots_in_both_zones_and_pre_ask(network: Run) -> None:
    result = network("when", "1", "--need", "1", "--count", "2", "--tz", "Asia/Tokyo", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert len(data["slots"]) == 2
    first = data["slots"][0]
    assert first["tz"] == "Europe/Berlin" and first["your_start"].endswith("+09:00")
    assert data["pre_ask"].startswith("Hi Ana,")


def test_cli_when_text_output(network: Run) -> None:
    result = network("when", "2")
    assert result.code == 0
    assert "America/New_York" in result.out and "your time" in result.out
    assert "Pre-ask" in result.out and "Hi Ben," in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("suggest", "99"), "no need with id 99"),
        (("when", "42"), "no person with id 42"),
        (("when", "1", "--need", "77"), "no need with id 77"),
        (("when", "1", "--count", "0"), "--count must be between 1 and 20"),
    ],
)
def test_cli_match_errors_are_one_line(network: Run, args: tuple[str, ...], message: str) -> None:
    result = network(*args, expect=1)
    assert message in result.err and len(result.err.strip().splitlines()) == 1


def test_cli_people_night_and_split_shifts_are_kept_and_asked_in_their_hours(cli: Run) -> None:
    for name, hours in (
        ("Miguel Cruz", "Mon-Fri 22:00-07:00"),
        ("Rosa Diaz", "Mon-Fri 07:00-11:00, 17:00-21:00"),
    ):
        result = cli("people", "add", name, "--hours", hours, "--tz", "Asia/Manila", "--json")
        assert result.code == 0, result.err
        assert result.json()["hours"] == hours
    slots = cli("when", "1", "--count", "2", "--json").json()["slots"]
    assert len(slots) == 2
    for slot in slots:  # inside the night shift, in Manila time: 22:00 or before 06:30
        clock = slot["start"][11:16]
        assert slot["start"].endswith("+08:00") and (clock >= "22:00" or clock <= "06:30")


def test_cli_suggest_says_why_the_first_comes_first_like_the_api(network: Run) -> None:
    rows = network("suggest", "1", "--json").json()
    assert rows[0]["summary"].startswith("Ana Ruiz comes first: ")
    assert "Ben Okafor would fit too" not in rows[0]["summary"]
    assert all(r["summary"] == "" for r in rows[1:])
    table = network("suggest", "1")
    assert "Ana Ruiz comes first: " in table.out.replace("\n", " ")
