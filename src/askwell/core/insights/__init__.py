"""Journal insights: pure statistics over a `History` and a `now`, no plotting and no I/O."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import Any

from askwell.core.insights import activity, barrier_stats, calibration, habits, spread, urgency
from askwell.core.insights._common import local, prepare, zone
from askwell.core.model import History


@dataclass
class Insights:
    """All the figures askwell shows about one person's asking, computed at `now` in `tz`."""

    now: datetime
    tz: str
    since: date | None
    activity: activity.Activity
    urgency: urgency.Urgency
    calibration: calibration.Calibration
    barriers: barrier_stats.BarrierInsights
    spread: spread.Spread
    habits: habits.Habits
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the insights as plain JSON-ready data (dates as ISO strings)."""
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def since_filter(history: History, since: date | None, tz: tzinfo) -> History:
    """Keep what happened on or after the local date `since` (people and boundaries stay)."""
    if since is None:
        return history

    def keep(stamp: datetime | None) -> bool:
        return stamp is not None and local(stamp, tz).date() >= since

    return replace(
        history,
        needs=[n for n in history.needs if keep(n.created_at)],
        asks=[a for a in history.asks if keep(a.sent_at or a.created_at)],
        thanks=[t for t in history.thanks if keep(t.created_at)],
        help_given=[h for h in history.help_given if keep(h.created_at)],
        journal=[j for j in history.journal if keep(j.created_at)],
    )


def compute(
    history: History, now: datetime, tz: tzinfo | str | None = None, since: date | None = None
) -> Insights:
    """Compute every insight for `history` as seen at `now`, with weeks in the zone `tz`."""
    zone_info = zone(tz)
    hist = since_filter(history, since, zone_info)
    prep = prepare(hist, zone_info)
    return Insights(
        now=now,
        tz=str(getattr(zone_info, "key", None) or zone_info),
        since=since,
        activity=activity.compute(hist, now, zone_info, prep),
        urgency=urgency.compute(hist, zone_info, prep.sent),
        calibration=calibration.compute(hist, prep.firsts),
        barriers=barrier_stats.compute(hist, sent=prep.sent, facts=prep.facts),
        spread=spread.compute(hist, prep.sent),
        habits=habits.compute(hist, now, zone_info, prep),
        counts={
            "people": len(hist.people),
            "needs": len(hist.needs),
            "asks": len(hist.asks),
            "thanks": len(hist.thanks),
            "help_given": len(hist.help_given),
            "journal": len(hist.journal),
        },
    )


__all__ = ["Insights", "compute", "since_filter"]
