"""Realistic networks and needs: each test checks the order AND the reasons."""

from __future__ import annotations

from datetime import date

from askwell.core.embed import LEXICAL
from askwell.core.match import Candidate, Weights, rank
from askwell.core.model import Need, Person, parse_hours
from factories_match import NOW, ask, cooldown, helped, history, need, person


def names(cands: list[Candidate]) -> list[str]:
    return [c.person.name for c in cands]


def run(n: Need, people: list[Person], **kw: object) -> list[Candidate]:
    needs = kw.pop("needs", [n])
    return rank(n, people, history(people, needs, **kw), NOW)  # type: ignore[arg-type]


def test_match_expertise_semantic_topics_rank_the_coder_first() -> None:
    n = need(summary="Review my Python pull request before Friday", support_type="feedback")
    people = [
        person(1, "Gia", relationship="colleague", topics=("gardening", "cooking")),
        person(2, "Dev", relationship="colleague", topics=("code review", "python")),
    ]
    cands = run(n, people)
    assert names(cands) == ["Dev", "Gia"]
    assert "closest topic is 'python' (a strong match)" in cands[0].factors["expertise"].reason
    assert "sharing words with the need" in cands[0].factors["expertise"].reason
    assert "(a weak match, little in common)" in cands[1].factors["expertise"].reason
    assert cands[0].factors["expertise"].score > cands[1].factors["expertise"].score


def test_match_expertise_counts_past_yes_on_a_similar_need() -> None:
    old = need(7, "Feedback on my conference talk slides", support_type="feedback")
    n = need(summary="Feedback on my talk slides for the meetup", support_type="feedback")
    people = [
        person(1, "Ola", relationship="colleague"),
        person(2, "Pim", relationship="colleague"),
    ]
    cands = run(n, people, needs=[old, n], asks=[ask(1, 7, 1, "yes", days_ago=200)])
    assert names(cands) == ["Ola", "Pim"]
    reason = cands[0].factors["expertise"].reason
    assert "Ola has no topics listed yet" in reason
    assert "said yes to a similar need before: 'Feedback on my conference talk slides'" in reason


def test_match_fit_friend_for_emotional_support_and_listed_strengths() -> None:
    n = need(summary="I feel low since the breakup and need to talk", support_type="emotional")
    people = [
        person(1, "Max", relationship="manager", topics=("relationships",)),
        person(2, "Fay", relationship="friend", topics=("relationships",)),
        person(
            3, "Ivo", relationship="colleague", topics=("relationships",), supports=("emotional",)
        ),
    ]
    cands = run(n, people)
    assert names(cands) == ["Fay", "Ivo", "Max"]
    assert cands[0].factors["fit"].reason == (
        "A friend is a natural person to ask for emotional support; "
        "Fay's profile does not say what help they like to give yet."
    )
    assert (
        "Ivo lists emotional support among what they are good at" in cands[1].factors["fit"].reason
    )
    assert cands[2].factors["fit"].reason == (
        "A manager is not the usual person to ask for emotional support; "
        "Max's profile does not say what help they like to give yet."
    )


def test_match_fit_mentor_for_career_and_colleague_for_a_task() -> None:
    people = [person(1, "Mia", relationship="mentor"), person(2, "Col", relationship="colleague")]
    assert names(run(need(summary="Career advice", support_type="advice"), people)) == [
        "Mia",
        "Col",
    ]
    task = need(summary="Take over the Friday deploy", support_type="task")
    assert names(run(task, people)) == ["Col", "Mia"]


def test_match_availability_prefers_the_next_free_window() -> None:
    n = need()
    people = [
        person(1, "Late", hours=parse_hours("Fri 09:00-10:00")),
        person(2, "Soon", hours=parse_hours("Mon-Fri 13:00-17:00")),
    ]
    cands = run(n, people)
    assert names(cands) == ["Soon", "Late"]
    assert cands[0].factors["availability"].reason == (
        "Next good moment is in 1 hour (Mon 13:00 their time, UTC)."
    )
    assert cands[1].factors["availability"].reason == (
        "Next good moment is in 4 days (Fri 09:00 their time, UTC)."
    )


def test_match_availability_after_the_deadline_is_flagged() -> None:
    n = need(deadline=date(2026, 3, 3))
    people = [person(1, "Fri", hours=parse_hours("Fri 09:00-10:00")), person(2, "Now")]
    cands = run(n, people)
    assert names(cands) == ["Now", "Fri"]
    assert "after your deadline of 2026-03-03" in cands[1].factors["availability"].reason
    assert "no slot before the deadline" in cands[1].flags


def test_match_capacity_overwhelmed_is_ranked_down_and_flagged_never_hidden() -> None:
    n = need()
    busy = person(1, "Busy", relationship="mentor", topics=("career",), stretched=True)
    free = person(2, "Free", relationship="mentor", topics=("career",))
    asks = [ask(i, 50 + i, 1, None, days_ago=3) for i in range(1, 4)]
    cands = run(n, [busy, free], asks=asks)
    assert names(cands) == ["Free", "Busy"]
    assert cands[1].flags == ["stretched", "overwhelmed"]
    assert cands[1].factors["capacity"].reason == (
        "Busy is stretched thin right now; 3 asks are still open with them; "
        "you asked Busy 3 times in the last 30 days."
    )
    assert cands[0].factors["capacity"].reason == (
        "Free has room: nothing open with them and not asked lately."
    )


def test_match_boundaries_cooldown_excludes_lists_last_with_the_end_date() -> None:
    n = need(summary="Advice on my career move")
    star = person(1, "Star", relationship="mentor", topics=("career",))
    ok = person(2, "Okay", relationship="friend")
    cands = run(n, [star, ok], boundaries=[cooldown(1, date(2026, 12, 20), need_id=100)])
    assert names(cands) == ["Okay", "Star"]
    assert cands[1].excluded and not cands[0].excluded
    assert cands[1].flags[0] == "cooldown until 2026-12-20"
    assert "the cooldown runs until 2026-12-20" in cands[1].factors["boundaries"].reason


def test_match_boundaries_expired_cooldown_only_lowers_the_score() -> None:
    n = need(summary="Advice on my career move")
    people = [person(1, "Ex", relationship="mentor"), person(2, "Ney", relationship="mentor")]
    cands = run(n, people, boundaries=[cooldown(1, date(2026, 1, 1), topic="career")])
    assert names(cands) == ["Ney", "Ex"]
    assert not cands[1].excluded
    assert cands[1].factors["boundaries"].score == 0.7
    assert "that cooldown ended on 2026-01-01" in cands[1].factors["boundaries"].reason


def test_match_balance_does_not_lean_on_one_person() -> None:
    n = need()
    people = [person(1, "Lean", relationship="mentor"), person(2, "Rest", relationship="mentor")]
    asks = [ask(i, 50 + i, 1, "yes", days_ago=40 + i) for i in range(1, 5)]
    cands = run(n, people, asks=asks, help_given=helped(1, 4))
    assert names(cands) == ["Rest", "Lean"]
    assert cands[1].factors["balance"].reason == (
        "100% of your asks in the last 90 days went to Lean (4 of 4)."
    )
    assert cands[0].factors["balance"].reason == (
        "None of your 4 asks in the last 90 days went to Rest."
    )


def test_match_reciprocity_favours_people_you_helped() -> None:
    n = need()
    people = [person(1, "Owed", relationship="friend"), person(2, "Even", relationship="friend")]
    cands = run(n, people, help_given=helped(1, 2))
    assert names(cands) == ["Owed", "Even"]
    assert cands[0].factors["reciprocity"].reason == (
        "You helped Owed 2 times; they have not helped you yet."
    )
    assert cands[1].factors["reciprocity"].reason == "No help has gone either way with Even yet."


def test_match_history_past_answers_count() -> None:
    n = need()
    people = [person(1, "Yes", relationship="friend"), person(2, "Nope", relationship="friend")]
    asks = [ask(1, 51, 1, "yes", 200), ask(2, 52, 2, "no", 200), ask(3, 53, 2, "no-reply", 200)]
    cands = run(n, people, asks=asks, help_given=helped(1, 1))
    assert names(cands) == ["Yes", "Nope"]
    assert cands[0].factors["history"].reason == "Said yes to 1 of your 1 answered asks."
    assert cands[1].factors["history"].reason == (
        "Said yes to 0 of your 2 answered asks (1 without a reply)."
    )


def test_match_ties_break_by_name_then_id() -> None:
    n = need()
    people = [person(3, "bea"), person(2, "Alex"), person(1, "alex")]
    cands = run(n, people)
    assert len({c.total for c in cands}) == 1
    assert [(c.person.name, c.person.id) for c in cands] == [("alex", 1), ("Alex", 2), ("bea", 3)]


def test_match_empty_network_gives_no_candidates() -> None:
    assert run(need(), []) == []


def test_match_everyone_on_cooldown_are_all_listed_and_excluded() -> None:
    n = need(summary="Advice on my career")
    people = [person(1, "A", relationship="mentor"), person(2, "B", relationship="friend")]
    bounds = [
        cooldown(1, date(2026, 5, 1), need_id=100),
        cooldown(2, date(2026, 4, 1), topic="career"),
    ]
    cands = run(n, people, boundaries=bounds)
    assert names(cands) == ["A", "B"]
    assert all(c.excluded for c in cands)
    assert [c.flags[0] for c in cands] == ["cooldown until 2026-05-01", "cooldown until 2026-04-01"]


def test_match_everyone_stretched_are_all_listed_and_flagged() -> None:
    n = need()
    people = [
        person(1, "Mentor", relationship="mentor", stretched=True),
        person(2, "Friend", relationship="friend", stretched=True),
    ]
    cands = run(n, people)
    assert names(cands) == ["Mentor", "Friend"]
    assert all("stretched" in c.flags and not c.excluded for c in cands)
    assert all("after the week" not in c.factors["availability"].reason for c in cands)
    assert "in 7 days" in cands[0].factors["availability"].reason


def test_match_lexical_fallback_says_so() -> None:
    n = need(summary="Help with my python code")
    people = [person(1, "Py", topics=("python",)), person(2, "Art", topics=("painting",))]
    h = history(people, [n])
    cands = rank(n, people, h, NOW, embedder=LEXICAL)
    assert names(cands) == ["Py", "Art"]
    assert (
        cands[0]
        .factors["expertise"]
        .reason.endswith("(word overlap only: the meaning model is not available).")
    )
    assert "lexical match" in cands[0].flags


def test_match_weights_change_the_order() -> None:
    n = need(summary="Advice on my career")
    people = [
        person(1, "Expert", relationship="colleague", topics=("career",)),
        person(2, "Spare", relationship="colleague", topics=("knitting",)),
    ]
    h = history(people, [n], asks=[ask(1, 51, 1, None, days_ago=3)])
    assert names(rank(n, people, h, NOW)) == ["Expert", "Spare"]
    only_capacity = Weights(
        expertise=0,
        fit=0,
        availability=0,
        boundaries=0,
        balance=0,
        reciprocity=0,
        history=0,
        capacity=1,
    )
    cands = rank(n, people, h, NOW, weights=only_capacity)
    assert names(cands) == ["Spare", "Expert"]
    assert cands[0].factors["expertise"].weight == 0.0
    assert cands[0].total == 1.0


def test_match_meaning_word_forms_abbreviations_and_weak_matches_said_honestly() -> None:
    people = [
        person(1, "Lead", relationship="colleague", topics=("delegation and team leadership",)),
        person(2, "Ops", relationship="colleague", topics=("Kubernetes",)),
        person(3, "Cook", relationship="colleague", topics=("baking",)),
    ]
    first = run(need(summary="Tips on delegating to my new team?"), people)
    assert names(first)[0] == "Lead"
    assert "sharing words with the need" in first[0].factors["expertise"].reason
    k8s = run(need(summary="My k8s pods keep restarting", support_type="task"), people)
    assert names(k8s)[0] == "Ops"
    assert "(a weak match, little in common)" in k8s[-1].factors["expertise"].reason


def test_match_budget_approval_goes_to_the_manager_who_lists_resources() -> None:
    n = need(summary="Approval for budget to hire a contractor", support_type="resources")
    people = [
        person(1, "Col", relationship="colleague", topics=("budget spreadsheets",)),
        person(2, "Man", relationship="manager", topics=("team budget",), supports=("resources",)),
    ]
    assert names(run(n, people)) == ["Man", "Col"]


def test_match_hard_rules_are_shown_flagged_and_never_first() -> None:
    n = need(summary="Advice on my career move", urgency="high")
    star = person(1, "Star", relationship="mentor", topics=("career",), stretched=True)
    night = person(
        2, "Night", relationship="mentor", topics=("career",), hours=parse_hours("Sat 09:00-10:00")
    )
    okay = person(3, "Okay", relationship="colleague", topics=("gardening",))
    cands = run(n, [star, night, okay])
    assert names(cands)[0] == "Okay" and not any(c.excluded for c in cands)
    flags = {c.person.name: c.flags for c in cands}
    assert "stretched" in flags["Star"]
    assert "outside their hours for an urgent need" in flags["Night"]
    assert "would fit too but is held back" in cands[0].summary


def test_match_a_no_to_the_same_need_in_other_words_excludes_and_a_yes_leads_the_follow_up() -> (
    None
):
    old = need(7, "Read my statement of purpose for grad school", support_type="feedback")
    n = need(
        summary="Could you read my statement of purpose for grad school applications?",
        support_type="feedback",
    )
    people = [
        person(1, "Bea", relationship="friend", topics=("essays",)),
        person(2, "Alan", relationship="mentor", topics=("grad admissions",)),
        person(3, "Joy", relationship="friend", topics=("scholarships",)),
    ]
    bounds = [cooldown(1, date(2026, 3, 20), need_id=7, topic=old.summary)]
    cands = run(n, people, needs=[old, n], asks=[ask(1, 7, 1, "no", 5)], boundaries=bounds)
    assert cands[-1].person.name == "Bea" and cands[-1].excluded
    follow = run(n, people, needs=[n], asks=[ask(2, 100, 3, "yes", 2)])
    assert names(follow)[0] == "Joy"
    assert "said yes to this need: follow up with them" in follow[0].flags
    assert "follow-up goes to them" in follow[0].summary
