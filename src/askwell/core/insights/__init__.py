"""Journal insights: pure statistics over a `History` and a `now`, no plotting and no I/O."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import Any

from askwell.core.insights import activity, barrier_stats, calibration, habits, spread, urgency
from askwell.core.insights._common import local_dates, prepare, zone
from askwell.core.insights._table import Tables, from_history, take
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


def _since_rows(stamps: list[datetime | None], since: date, tz: tzinfo) -> list[int]:
    """Return the rows whose stamp falls on or after the local date `since`."""
    known = [(i, stamp) for i, stamp in enumerate(stamps) if stamp is not None]
    days = local_dates([stamp for _, stamp in known], tz)
    return [i for (i, _), day in zip(known, days, strict=True) if day >= since]


def since_filter(data: Tables, since: date | None, tz: tzinfo) -> Tables:
    """Keep what happened on or after the local date `since` (people stay)."""
    if since is None:
        return data
    asks = data.asks
    happened = [s if s is not None else c for s, c in zip(asks.sent, asks.created, strict=True)]
    return replace(
        data,
        needs=take(data.needs, _since_rows(data.needs.created, since, tz)),
        asks=take(asks, _since_rows(happened, since, tz)),
        thanks=take(data.thanks, _since_rows(data.thanks.created, since, tz)),
        help_given=take(data.help_given, _since_rows(data.help_given.created, since, tz)),
        journal=take(data.journal, _since_rows(data.journal.created, since, tz)),
    )


def compute(
    history: History, now: datetime, tz: tzinfo | str | None = None, since: date | None = None
) -> Insights:
    """Compute every insight for `history` as seen at `now`, with weeks in the zone `tz`."""
    return compute_tables(from_history(history), now, tz, since)


def compute_tables(
    data: Tables, now: datetime, tz: tzinfo | str | None = None, since: date | None = None
) -> Insights:
    """Compute every insight from column tables (see `_table`), as `compute` does."""
    zone_info = zone(tz)
    prep = prepare(since_filter(data, since, zone_info), zone_info)
    return Insights(
        now=now,
        tz=str(getattr(zone_info, "key", None) or zone_info),
        since=since,
        activity=activity.compute(prep, now, zone_info),
        urgency=urgency.compute(prep),
        calibration=calibration.compute(prep),
        barriers=barrier_stats.of_prepared(prep),
        spread=spread.compute(prep),
        habits=habits.compute(prep, now, zone_info),
        counts=prep.data.counts(),
    )


__all__ = ["Insights", "Tables", "compute", "compute_tables", "from_history", "since_filter"]
