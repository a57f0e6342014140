"""Validation: clear messages for bad people, needs, hours and vocabularies."""

from datetime import date, time

import pytest

from askwell.core import validate
from askwell.core.model import (
    DomainError,
    Need,
    Person,
    hours_in_text,
    parse_hours,
    parse_list,
    render_hours,
)


def test_validate_person_normalises_vocabulary_case() -> None:
    p = validate.person(Person(name="  Ana ", relationship="Mentor", supports=("Advice", "advice")))
    assert (p.name, p.relationship, p.supports) == ("Ana", "mentor", ("advice",))


@pytest.mark.parametrize(
    ("person", "message"),
    [
        (Person(name=""), "the name cannot be empty"),
        (Person(name="x" * 121), "the name is too long"),
        (Person(name="A", relationship="boss"), "unknown relationship 'boss'"),
        (Person(name="A", supports=("money",)), "unknown support type 'money'"),
        (Person(name="A", tz="Mars/Olympus"), "unknown time zone 'Mars/Olympus'"),
        (Person(name="A", email="not-an-email"), "does not look like an e-mail"),
        (Person(name="A", channel="pigeon"), "unknown channel 'pigeon'"),
    ],
)
def test_validate_person_rejects_bad_fields(person: Person, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        validate.person(person)


@pytest.mark.parametrize(
    ("need", "message"),
    [
        (Need(summary=" "), "the summary cannot be empty"),
        (Need(summary="x" * 201), "the summary is too long"),
        (Need(summary="a", support_type="advice", urgency="asap"), "unknown urgency 'asap'"),
        (Need(summary="a", support_type="magic"), "unknown support type 'magic'"),
        (Need(summary="a", support_type="advice", expect=101), "between 0 and 100"),
        (Need(summary="a", support_type="advice", barriers={"fear": 1}), "unknown barrier 'fear'"),
        (Need(summary="a", support_type="advice", barriers={"shame": 4}), "intensity from 0 to 3"),
    ],
)
def test_validate_need_rejects_bad_fields(need: Need, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        validate.need(need)


def test_validate_need_drops_zero_barriers() -> None:
    assert validate.need(
        Need(summary="a", support_type="advice", barriers={"shame": 0, "burden": 2})
    ).barriers == {"burden": 2}


def test_hours_parse_and_render_round_trip() -> None:
    windows = parse_hours("Mon-Fri 09:00-17:00; Sat 10:00-12:30; Fri-Mon 20:00-21:00")
    assert windows[0].days == frozenset(range(5))
    assert windows[2].days == frozenset({4, 5, 6, 0})
    assert parse_hours(render_hours(windows)) == windows


def test_hours_parse_night_shifts_split_shifts_and_rotating_weeks() -> None:
    night, morning, evening, odd, even = parse_hours(
        "Mon-Fri 22:00-07:00; Sat 07:00-11:00, 17:00-21:00; odd weeks: Sun 10:00-14:00; "
        "Even weeks Sun 19:00-24:00"
    )
    assert night.overnight and (night.start, night.end) == (time(22, 0), time(7, 0))
    assert not morning.overnight and morning.days == evening.days == frozenset({5})
    assert (evening.start, evening.end) == (time(17, 0), time(21, 0))
    assert (odd.weeks, even.weeks) == ("odd", "even") and not even.overnight
    assert odd.opens_on(date(2026, 3, 1)) and not odd.opens_on(date(2026, 3, 8))  # ISO weeks 9, 10
    assert even.opens_on(date(2026, 3, 8)) and not even.opens_on(date(2026, 3, 9))


def test_hours_render_groups_split_shifts_and_round_trips() -> None:
    spec = "Mon-Fri 07:00-11:00, 17:00-21:00; odd weeks Sat-Sun 19:00-07:00"
    windows = parse_hours(spec)
    assert len(windows) == 3
    assert render_hours(windows) == spec
    assert parse_hours(render_hours(windows)) == windows


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("weekdays 9-5", "cannot read availability"),
        ("Mon 09:00-09:00", "the start and end are the same time"),
        ("Mon 09:00-17:00, 18:00", "cannot read availability"),
        ("fortnightly Mon 09:00-17:00", "unknown day"),
        ("Mon 25:00-26:00", "not a time of day"),
        ("Moonday 09:00-10:00", "unknown day"),
    ],
)
def test_hours_parse_rejects_bad_specs(spec: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        parse_hours(spec)


def test_parse_list_strips_and_dedupes() -> None:
    assert parse_list(" python, SQL ; python ,, sql") == ("python", "SQL")


def test_hours_in_text_reads_the_hours_line_of_a_note_and_ignores_the_rest() -> None:
    assert render_hours(hours_in_text("Nurse. Hours: Mon-Fri 22:00-07:00. Call after 10")) == (
        "Mon-Fri 22:00-07:00"
    )
    assert render_hours(hours_in_text("x\nAvailability: Sat 09:00-12:00; Sun 10:00-11:00")) == (
        "Sat 09:00-12:00; Sun 10:00-11:00"
    )
    assert hours_in_text("Hours: when the kids are asleep") == ()
    assert hours_in_text("Met at the 09:00-17:00 conference on Mon") == ()
