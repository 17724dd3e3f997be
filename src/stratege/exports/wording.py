"""The exports' own words: column headers, sheet names and the few sentences of the files.

They are English message ids (``N_``) translated by gettext from ``exports.po``; values of
the model (activities, units, platforms, skills…) are named by :mod:`stratege.vocabulary`
instead, so that every output says the same thing with the same word. Several headers are
also words of the strategy document (``stratege.po``): the two catalogues must then give
the same translation, which ``tests/exports/test_language.py`` checks.
"""

from __future__ import annotations

import datetime as dt

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_

# --- sheet names (31 characters at most, none of []:*?/\ — Excel's rules) ----------------
CALENDAR_SHEET = N_("Calendar")
WORKLOAD_SHEET = N_("Workload")
BUDGET_SHEET = N_("Budget")
RACI_SHEET = N_("RACI")
CAMPAIGNS_SHEET = N_("Campaigns")
KPI_SHEET = N_("KPI plan")
SHORTFALLS_SHEET = N_("Shortfalls")

# --- columns -------------------------------------------------------------------------------
DATE = N_("Date")
TIME = N_("Time")
CHANNEL = N_("Channel")
PLATFORM = N_("Platform")
FORMAT = N_("Format")
PILLAR = N_("Pillar")
AUDIENCE = N_("Audience")
OCCASION = N_("Occasion")
CAMPAIGN = N_("Campaign")
PRODUCERS = N_("Producers")
DUE = N_("Due date")
APPROVER = N_("Approver")
PUBLISHER = N_("Publisher")
STAFFED = N_("Staffed")
POST_ID = N_("Post id")

CALENDAR_COLUMNS = (
    DATE, TIME, CHANNEL, PLATFORM, FORMAT, PILLAR, AUDIENCE, OCCASION, CAMPAIGN,
    PRODUCERS, DUE, APPROVER, PUBLISHER, STAFFED, POST_ID,
)  # fmt: skip
# Columns of the calendar that hold the user's own ids rather than words.
CALENDAR_ID_COLUMNS = (CHANNEL, POST_ID)

PERSON = N_("Person")
WEEK = N_("Week of")
TOTAL_HOURS = N_("Total (h)")
CAPACITY = N_("Capacity (h)")
UTILISATION = N_("Utilisation")

BUDGET_LINE = N_("Budget line")
FIGURE = N_("Figure")
TOTAL = N_("Total")
CURRENCY = N_("Currency")
STAFF_HOURS = N_("Staff time of {name}: hours")
STAFF_COST = N_("Staff time of {name}: cost at {rate} an hour")

WORK = N_("Work")
SKILL = N_("Skill")
FIRST_WEEK = N_("From the week of")
LAST_WEEK = N_("To the week of")
NEEDED = N_("Needed (h/week)")
AVAILABLE = N_("Available (h/week)")
MISSING = N_("Missing (h/week)")
MISSING_IN_ALL = N_("Missing in all (h)")
NOTHING_MISSING = N_("Nothing is missing: every post and every activity is staffed.")

ACTIVITY = N_("Activity")
RACI_CELL = N_("{letter}: {names}")
RACI_CHECKS = N_("Checks on the matrix:")
CODE = N_("Code")
SEVERITY = N_("Severity")
PROBLEM = N_("Problem")
HOW_TO_FIX = N_("How to fix it")

START = N_("Start")
END = N_("End")
BUDGET = N_("Budget")
PRICING_MODEL = N_("Pricing model")
COST_PER_UNIT = N_("Cost per unit")
COST_SOURCE = N_("Cost source")
IMPRESSIONS = N_("Expected impressions")
CLICKS = N_("Expected clicks")
CONVERSIONS = N_("Expected conversions")
PAID_UNITS = N_("Paid units")
PAID_UNIT = N_("Paid unit")
OWN_COST = N_("the strategy (own figure)")

KPI = N_("KPI")
METRIC = N_("Metric")
OBJECTIVE = N_("Objective")
CHANNELS = N_("Channels")
BASELINE = N_("Baseline")
TARGET = N_("Target")
UNIT = N_("Unit")
DEADLINE = N_("Deadline")
FREQUENCY = N_("Measurement frequency")
TRAJECTORY = N_("Trajectory")
ALL_CHANNELS = N_("all channels")

# --- words and sentences ---------------------------------------------------------------------
YES = N_("yes")
NO = N_("no")
UNSTAFFED = N_("unstaffed")
UNSTAFFED_TAG = N_("[UNSTAFFED]")
DRAFT = N_("to be written")
DRAFT_ABOUT = N_("{subject} — to be written")
FOR_AUDIENCE = N_("{text} (for: {audience})")
REFERENCE = N_("{text} · ref. {id}")
CALENDAR_NAME = N_("{name} — editorial calendar")
LABELLED = N_("{label}: {text}")


def show_date(day: dt.date | None, lang: Lang) -> str:
    """A date as text in a CSV: 31/12/2027 in French (what French Excel parses as a date),
    ISO in English, since 12/31 and 31/12 are both read in English-speaking countries."""
    if day is None:
        return ""
    return f"{day:%d/%m/%Y}" if lang == "fr" else day.isoformat()


def excel_date_format(lang: Lang) -> str:
    """Number format of real date cells in the workbook, matching :func:`show_date`."""
    return "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"
