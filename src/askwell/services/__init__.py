"""Use-cases shared by every front door (library, CLI, web): they take a Store first."""

from askwell.services.asks import (
    AskResult,
    DueItem,
    close_ask,
    create_ask,
    due,
    follow_up,
    get_ask,
    list_asks,
    record_answer,
    reply_draft,
    send_ask,
    thank,
)
from askwell.services.history import load_history
from askwell.services.journal import add_entry, edit_entry, give_help, list_entries, timeline
from askwell.services.needs import add_need, get_need, list_needs, set_need_status, update_need
from askwell.services.people import (
    add_boundary,
    add_people,
    add_person,
    find_person,
    get_person,
    list_boundaries,
    list_people,
    update_person,
)

__all__ = [
    "AskResult",
    "DueItem",
    "add_boundary",
    "add_entry",
    "add_need",
    "add_people",
    "add_person",
    "close_ask",
    "create_ask",
    "due",
    "edit_entry",
    "find_person",
    "follow_up",
    "get_ask",
    "get_need",
    "get_person",
    "give_help",
    "list_asks",
    "list_boundaries",
    "list_entries",
    "list_needs",
    "list_people",
    "load_history",
    "record_answer",
    "reply_draft",
    "send_ask",
    "set_need_status",
    "thank",
    "timeline",
    "update_need",
    "update_person",
]
