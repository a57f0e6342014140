"""The ask lifecycle: legal moves pass, illegal ones are refused with a clear message."""

from datetime import UTC, datetime, timedelta

import pytest

from askwell.core import lifecycle
from askwell.core.lifecycle import TransitionError
from askwell.core.model import Ask, DomainError

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)


def sent(**kw: object) -> Ask:
    return lifecycle.send(Ask(need_id=1, person_id=1, id=7, **kw), T0)  # type: ignore[arg-type]


def test_lifecycle_full_path_draft_to_closed() -> None:
    ask = sent()
    assert ask.status == "sent" and ask.sent_at == T0
    ask = lifecycle.answer(ask, "yes", T0 + timedelta(hours=1))
    assert ask.status == "answered" and ask.answer is not None and ask.answer.kind == "yes"
    ask = lifecycle.thank(ask, T0 + timedelta(hours=2))
    assert ask.status == "thanked"
    ask = lifecycle.close(ask, T0 + timedelta(days=1))
    assert ask.status == "closed"


def test_lifecycle_send_twice_is_refused() -> None:
    with pytest.raises(TransitionError, match="already sent"):
        lifecycle.send(sent(), T0)


def test_lifecycle_answer_on_draft_is_refused() -> None:
    with pytest.raises(TransitionError, match="still a draft"):
        lifecycle.answer(Ask(need_id=1, person_id=1, id=3), "yes", T0)


def test_lifecycle_unknown_answer_kind_names_choices() -> None:
    with pytest.raises(DomainError, match="choose one of: yes, no, alternative, no-reply"):
        lifecycle.answer(sent(), "maybe", T0)


def test_lifecycle_second_answer_is_refused() -> None:
    ask = lifecycle.answer(sent(), "no", T0)
    with pytest.raises(TransitionError, match="already has the answer 'no'"):
        lifecycle.answer(ask, "yes", T0)


def test_lifecycle_no_reply_can_later_get_a_real_answer() -> None:
    ask = lifecycle.answer(sent(), "no-reply", T0 + timedelta(days=4))
    ask = lifecycle.answer(ask, "yes", T0 + timedelta(days=5))
    assert ask.answer is not None and ask.answer.kind == "yes"


def test_lifecycle_alternative_needs_what_was_offered() -> None:
    with pytest.raises(DomainError, match="what was offered"):
        lifecycle.answer(sent(), "alternative", T0)
    ask = lifecycle.answer(sent(), "alternative", T0, offered="next week")
    assert ask.answer is not None and ask.answer.offered == "next week"


def test_lifecycle_thank_before_answer_is_refused() -> None:
    with pytest.raises(TransitionError, match="follows an answer"):
        lifecycle.thank(sent(), T0)


def test_lifecycle_thank_after_no_reply_is_refused() -> None:
    ask = lifecycle.answer(sent(), "no-reply", T0)
    with pytest.raises(TransitionError, match="follow-up instead"):
        lifecycle.thank(ask, T0)


def test_lifecycle_thank_twice_is_refused() -> None:
    ask = lifecycle.thank(lifecycle.answer(sent(), "no", T0), T0)
    with pytest.raises(TransitionError, match="already thanked"):
        lifecycle.thank(ask, T0)


def test_lifecycle_follow_up_only_after_three_days() -> None:
    ask = sent()
    assert not lifecycle.may_follow_up(ask, T0 + timedelta(days=2))
    with pytest.raises(TransitionError, match="less than 3 days"):
        lifecycle.follow_up(ask, T0 + timedelta(days=2))
    assert lifecycle.may_follow_up(ask, T0 + timedelta(days=3))
    followed = lifecycle.follow_up(ask, T0 + timedelta(days=3))
    assert followed.followed_up_at == T0 + timedelta(days=3)


def test_lifecycle_follow_up_happens_exactly_once() -> None:
    ask = lifecycle.follow_up(sent(), T0 + timedelta(days=4))
    assert not lifecycle.may_follow_up(ask, T0 + timedelta(days=30))
    with pytest.raises(TransitionError, match="one is enough"):
        lifecycle.follow_up(ask, T0 + timedelta(days=30))


def test_lifecycle_follow_up_refused_after_real_answer() -> None:
    ask = lifecycle.answer(sent(), "yes", T0)
    with pytest.raises(TransitionError, match="only an unanswered ask"):
        lifecycle.follow_up(ask, T0 + timedelta(days=5))


def test_lifecycle_no_reply_still_waits_for_the_follow_up_delay() -> None:
    ask = lifecycle.answer(sent(), "no-reply", T0 + timedelta(hours=1))
    assert not lifecycle.may_follow_up(ask, T0 + timedelta(hours=1))
    with pytest.raises(TransitionError, match="less than 3 days"):
        lifecycle.follow_up(ask, T0 + timedelta(hours=1))
    assert lifecycle.may_follow_up(ask, T0 + timedelta(days=3))
    assert not lifecycle.may_follow_up(ask, T0 + timedelta(days=3), timedelta(days=5))
    assert lifecycle.may_follow_up(ask, T0 + timedelta(days=1), timedelta(days=1))


def test_lifecycle_close_draft_and_closed_are_refused() -> None:
    with pytest.raises(TransitionError, match="is a draft"):
        lifecycle.close(Ask(need_id=1, person_id=1, id=1), T0)
    closed = lifecycle.close(sent(), T0)
    with pytest.raises(TransitionError, match="already closed"):
        lifecycle.close(closed, T0)


def test_lifecycle_needs_thanks_only_for_real_answers() -> None:
    assert lifecycle.needs_thanks(lifecycle.answer(sent(), "no", T0))
    assert not lifecycle.needs_thanks(lifecycle.answer(sent(), "no-reply", T0))
    assert not lifecycle.needs_thanks(sent())


def test_lifecycle_follow_up_delay_counts_whole_days_in_the_users_zone() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    late_monday = datetime(2026, 3, 2, 22, 30, tzinfo=berlin)  # 21:30 UTC
    ask = lifecycle.send(Ask(need_id=1, person_id=1, id=7), late_monday)
    early_thursday = datetime(2026, 3, 5, 0, 5, tzinfo=berlin)
    assert not lifecycle.may_follow_up(ask, early_thursday - timedelta(minutes=10), tz=berlin)
    assert lifecycle.may_follow_up(ask, early_thursday, tz=berlin)
    assert lifecycle.follow_up(ask, early_thursday, tz=berlin).followed_up_at == early_thursday
    # Counted in UTC days, the same moment is still Wednesday 23:05: not yet.
    assert not lifecycle.may_follow_up(ask, early_thursday)
    # A delay that is not whole days counts exactly.
    assert not lifecycle.may_follow_up(ask, late_monday + timedelta(hours=11), timedelta(hours=12))
