"""Forgiving input: people by name or prefix, duplicates asked about, zones checked."""

from __future__ import annotations


def _two_bens(cli) -> None:  # type: ignore[no-untyped-def]
    cli("people", "add", "Ben Okoro", "--email", "ben@example.org")
    cli("people", "add", "Ben Ito")
    cli("people", "add", "Ana Lima")
    cli("need", "add", "Review my CV", "--type", "feedback")


def test_cli_to_takes_a_full_name_or_a_unique_prefix(cli) -> None:  # type: ignore[no-untyped-def]
    _two_bens(cli)
    full = cli("ask", "1", "--to", "Ben Okoro", "--json").json()
    assert full["person_id"] == 1
    prefix = cli("ask", "1", "--to", "ana", "--json").json()
    assert prefix["person_id"] == 3
    surname = cli("ask", "1", "--to", "Ito", "--json").json()
    assert surname["person_id"] == 2
    by_id = cli("ask", "1", "--to", "2", "--json").json()
    assert by_id["person_id"] == 2


def test_cli_ambiguous_person_lists_the_candidates(cli) -> None:  # type: ignore[no-untyped-def]
    _two_bens(cli)
    r = cli("ask", "1", "--to", "Ben", expect=1)
    assert "'Ben' could be Ben Ito (#2), Ben Okoro (#1)" in r.err
    assert "give a longer name or the id" in r.err
    unknown = cli("people", "show", "Zoe", expect=1)
    assert "no one in your network is called 'Zoe'" in unknown.err


def test_cli_every_person_argument_reads_names(cli) -> None:  # type: ignore[no-untyped-def]
    _two_bens(cli)
    assert cli("people", "show", "okoro", "--json").json()["id"] == 1
    assert cli("people", "edit", "Ana", "--notes", "met at PyCon", "--json").json()["id"] == 3
    assert (
        cli("people", "boundary", "Ana", "--until", "2099-01-01", "--json").json()["person_id"] == 3
    )
    assert cli("gave", "Ben Ito", "Helped move", "--json").json()["person_id"] == 2
    entry = cli("journal", "add", "Felt fine", "--person", "Ben Ok", "--json").json()
    assert entry["person_id"] == 1
    assert cli("when", "Ana", "--json").json()["person_id"] == 3


def test_cli_adding_someone_already_here_asks_first(cli) -> None:  # type: ignore[no-untyped-def]
    _two_bens(cli)
    again = cli("people", "add", "ben okoro", expect=1)
    assert "Ben Okoro may already be in your network (#1, same name)" in again.err
    assert "--allow-duplicate" in again.err
    mail = cli("people", "add", "B. Okoro", "--email", "BEN@example.org", expect=1)
    assert "(#1, same e-mail)" in mail.err
    assert len(cli("people", "list", "--json").json()) == 3
    forced = cli("people", "add", "Ben Okoro", "--allow-duplicate", "--json").json()
    assert forced["id"] == 4


def test_cli_time_zone_options_are_checked_the_same_way(cli) -> None:  # type: ignore[no-untyped-def]
    _two_bens(cli)
    for args in (
        ("when", "Ana", "--tz", "Asia/Tokyoo"),
        ("insights", "--tz", "Asia/Tokyoo"),
        ("people", "add", "Zoe", "--tz", "Asia/Tokyoo"),
        ("people", "edit", "Ana", "--tz", "Asia/Tokyoo"),
    ):
        r = cli(*args, expect=1)
        assert "unknown time zone 'Asia/Tokyoo'" in r.err, args
    assert cli("when", "Ana", "--tz", "Asia/Tokyo", "--json").json()["slots"]


def test_cli_empty_texts_are_input_errors(cli) -> None:  # type: ignore[no-untyped-def]
    _two_bens(cli)
    assert "the text to check cannot be empty" in cli("check", "", expect=1).err
    assert "cannot be empty" in cli("check", "-", input="  \n", expect=1).err
    assert "cannot be empty" in cli("need", "add", "  ", expect=1).err
    assert "cannot be empty" in cli("journal", "add", "", expect=1).err
    assert "cannot be empty" in cli("gave", "Ana", " ", expect=1).err


def test_cli_need_add_prints_the_reframe_for_each_barrier(cli) -> None:  # type: ignore[no-untyped-def]
    from askwell.core.barriers import REFRAMES

    out = cli("need", "add", "Help me move on Saturday", "--barrier", "burden=2").out
    assert "burden:" in out and REFRAMES["burden"].split()[0] in out
