"""The last line of defence: no value reaches the database that either database would refuse.

SQLite and PostgreSQL disagree at the edges: SQLite takes 64-bit integers and NUL characters,
PostgreSQL's INTEGER stops at 2**31 - 1 and refuses NUL; neither driver can encode a lone
surrogate. Front doors validate what people type (core.model.check_text and friends); this
guard makes both databases refuse the same values with the same one-line error, so nothing
stored in one cannot move to the other, and no driver error ever becomes a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, event

from askwell.core.chars import bad_character
from askwell.storage.failures import OutOfRange

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
YEAR_MIN, YEAR_MAX = 1900, 2200
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def check_value(value: Any) -> None:
    """Raise OutOfRange when `value` cannot be stored the same way in SQLite and PostgreSQL."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            raise OutOfRange(
                f"the number {value if abs(value) < 10**30 else 'given'} is too large "
                f"(askwell keeps ids and numbers up to {INT_MAX:,})".replace(",", " ")
            )
    elif isinstance(value, str) and _UNSTORABLE.search(value):
        raise OutOfRange(f"text with {bad_character(value)} cannot be stored")
    elif isinstance(value, date | datetime) and not YEAR_MIN <= value.year <= YEAR_MAX:
        raise OutOfRange(f"dates must be between the years {YEAR_MIN} and {YEAR_MAX}")


def _values(parameters: Any) -> Iterator[Any]:
    """Yield every bound value, whatever shape the driver call has (one row, many, named)."""
    if isinstance(parameters, dict):
        yield from parameters.values()
        return
    for item in parameters or ():
        if isinstance(item, dict):
            yield from item.values()
        elif isinstance(item, list | tuple):
            yield from item
        else:
            yield item


def _check_parameters(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _many: bool
) -> None:
    for value in _values(parameters):
        check_value(value)


def _check_dates(_conn: Any, _clause: Any, multiparams: Any, params: Any, _options: Any) -> None:
    """Check dates as the statement receives them: SQLite's Date and DateTime types turn them
    into text before the cursor sees them, so `_check_parameters` alone never saw a year there."""
    for value in _nested((multiparams, params)):
        if isinstance(value, date | datetime):
            check_value(value)


def _nested(value: Any) -> Iterator[Any]:
    """Yield every value inside nested lists, tuples and dicts of statement parameters."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _nested(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _nested(item)
    else:
        yield value


def install(engine: Engine) -> None:
    """Check every parameter bound through `engine` before it reaches the driver."""
    event.listen(engine, "before_execute", _check_dates)
    event.listen(engine, "before_cursor_execute", _check_parameters)
