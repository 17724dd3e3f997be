"""The plan's pages in the reader's language: the figures the worker stored with a plan
(:func:`stratege.services.plan_pages.plan_pages`) written as the document writes them —
numbers, dates and amounts by the language's rules, the model's values by the vocabulary,
the strategy's channels and metrics by the names kept for each language.

Nothing here computes a plan's figure: every total, share and path is the core's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from stratege.i18n import Lang
from stratege.i18n.catalogue import Gettext, translator
from stratege.i18n.numbers import count, day, money, month, num, percent, short_day
from stratege.services.plan_pages import DATES_PER_TABLE, LOAD_BANDS, ROLES, kpi_value, load_level
from stratege.vocabulary import label

DASH = "—"
Rows = dict[str, Any]  # what one page's template shows


@dataclass(frozen=True)
class Reader:
    """One run's stored figures, read in one language."""

    pages: dict[str, Any]
    lang: Lang

    @property
    def _(self) -> Gettext:
        return translator(self.lang)

    def word(self, kind: str, value: str) -> str:
        return label(kind, value, self.lang)

    def name(self, kind: str, value: str) -> str:
        """A channel, platform or metric, named as the document names it."""
        return str(self.pages["names"][self.lang][kind].get(value, value))

    def money(self, amount: float) -> str:
        return money(amount, self.pages["currency"], self.lang)

    def number(self, value: float, decimals: int = 1) -> str:
        return num(value, self.lang, decimals)

    def date(self, iso: str | None) -> str:
        return day(dt.date.fromisoformat(iso), self.lang) if iso else DASH

    def short_date(self, iso: str) -> str:
        return short_day(dt.date.fromisoformat(iso), self.lang)

    def people(self) -> dict[str, str]:
        return {p["id"]: p["name"] for p in self.pages["people"]}


# --- workload -------------------------------------------------------------------------------


def workload(reader: Reader) -> Rows:
    """A row per week with work, a column per person: hours planned, shaded by the share of
    the hours the person has that week; then each person's weekly average and utilisation."""
    stored, people = reader.pages["workload"], reader.pages["people"]
    rows = []
    for index, week in enumerate(stored["weeks"]):
        cells = [_load_cell(reader, stored, p["id"], index) for p in people]
        lead = index < stored["lead_weeks"]
        rows.append({"week": week, "label": reader.date(week), "lead": lead, "cells": cells})
    return {
        "people": people,
        "weeks": rows,
        "averages": [_average(reader, stored, p) for p in people],
        "legend": _legend(reader),
    }


def _load_cell(reader: Reader, stored: dict[str, Any], person: str, index: int) -> Rows:
    hours, capacity = stored["hours"][person][index], stored["capacity"][person][index]
    return {
        "hours": reader.number(hours),
        "capacity": reader.number(capacity),
        "level": load_level(hours, capacity),
        "over": hours > capacity + 1e-9,
    }


def _average(reader: Reader, stored: dict[str, Any], person: dict[str, Any]) -> Rows:
    hours, capacity = stored["total_hours"][person["id"]], stored["total_capacity"][person["id"]]
    return {
        "hours_per_week": reader.number(person["hours_per_week"]),
        "planned_per_week": reader.number(hours / stored["plan_weeks"]),
        "utilisation": percent(hours / capacity, reader.lang) if capacity else DASH,
    }


def _legend(reader: Reader) -> list[Rows]:
    """The shading's meaning, by the planner's own utilisation bands."""
    _, share = reader._, lambda points: percent(points / 100, reader.lang)
    legend = [{"level": 0, "text": _("No work planned")}]
    floor = 0
    for level, (ceiling, _cost) in enumerate(LOAD_BANDS, start=1):
        text = (
            _("Up to {high} of the hours available", high=share(ceiling))
            if floor == 0
            else _("{low} to {high} of the hours available", low=share(floor), high=share(ceiling))
        )
        legend.append({"level": level, "text": text})
        floor = ceiling
    legend.append({"level": len(LOAD_BANDS) + 1, "text": _("More than the hours available")})
    return legend


# --- budget ---------------------------------------------------------------------------------


def budget(reader: Reader) -> Rows:
    """Planned spending per month and category against the declared budget, then the
    period's totals per budget line, as the document's table."""
    stored, _ = reader.pages["budget"], reader._
    months = []
    for index, first in enumerate(stored["months"]):
        spent = [stored["planned"][c][index] for c in stored["categories"]]
        declared = stored["declared"][index]
        months.append(_month_row(reader, first, spent, declared))
    totals = [sum(stored["planned"][c]) for c in stored["categories"]]
    share = stored["share_of_period"]
    return {
        "categories": [reader.word("budget-category", c) for c in stored["categories"]],
        "months": months,
        "total": _month_row(reader, None, totals, sum(stored["declared"])),
        "lines": [_line(reader, line) for line in stored["lines"]],
        "pro_rated": _(
            "The plan covers {share} of the strategy's period: every budget line is "
            "counted for that share.",
            share=percent(share, reader.lang),
        )
        if share < 1
        else "",
    }


def _month_row(reader: Reader, first: str | None, spent: list[float], declared: float) -> Rows:
    planned = sum(spent)
    return {
        "month": month(dt.date.fromisoformat(first), reader.lang) if first else "",
        "spent": [reader.money(amount) for amount in spent],
        "planned": reader.money(planned),
        "declared": reader.money(declared),
        "difference": reader.money(planned - declared),
        "over": planned > declared + 0.5,  # half a unit: amounts are shown whole
    }


def _line(reader: Reader, line: dict[str, Any]) -> Rows:
    declared = line["declared"]
    return {
        "category": reader.word("budget-category", line["category"]),
        "planned": reader.money(line["planned"]),
        "declared": reader._("internal time") if declared is None else reader.money(declared),
    }


# --- RACI -----------------------------------------------------------------------------------


def raci(reader: Reader) -> Rows:
    """The matrix twice: who holds which letter per activity (a column per person, with
    the channels where a letter holds on some only), and the document's activities ×
    channels table."""
    stored, people = reader.pages["raci"], reader.people()
    channels = stored["channels"]
    by_person = [
        {
            "activity": reader.word("activity", activity),
            "cells": [
                _letters(reader, stored["cells"][activity], person, channels) for person in people
            ],
        }
        for activity in stored["activities"]
    ]
    by_channel = [
        {
            "activity": reader.word("activity", activity),
            "cells": [_holders(stored["cells"][activity][c], people) for c in channels],
        }
        for activity in stored["activities"]
    ]
    return {
        "people": list(people.values()),
        "channels": [reader.name("channel", c) for c in channels],
        "by_person": by_person,
        "by_channel": by_channel,
        "roles": [{"letter": r[0].upper(), "name": reader.word("raci-role", r)} for r in ROLES],
    }


def _letters(
    reader: Reader, cells: dict[str, dict[str, list[str]]], person: str, channels: list[str]
) -> list[Rows]:
    """Each role ``person`` holds for the activity: its letter, and the channels where it
    holds when that is not every channel."""
    held = []
    for role in ROLES:
        where = [c for c in channels if person in cells[c][role]]
        if not where:
            continue
        limited = len(where) < len(channels)
        held.append(
            {
                "letter": role[0].upper(),
                "role": reader.word("raci-role", role),
                "channels": ", ".join(reader.name("channel", c) for c in where) if limited else "",
            }
        )
    return held


def _holders(cell: dict[str, list[str]], people: dict[str, str]) -> str:
    """'R: Julie, Karim · A: Sophie', as the document writes a cell."""
    parts = [
        f"{role[0].upper()}: {', '.join(people.get(p, p) for p in cell[role])}"
        for role in ROLES
        if cell[role]
    ]
    return " · ".join(parts)


# --- campaigns ------------------------------------------------------------------------------


def campaigns(reader: Reader) -> Rows:
    return {"campaigns": [_campaign(reader, c) for c in reader.pages["campaigns"]]}


def _campaign(reader: Reader, stored: dict[str, Any]) -> Rows:
    lang = reader.lang
    return {
        "name": stored["name"],
        "start": stored["start"],
        "end": stored["end"],
        "dates": f"{reader.short_date(stored['start'])} – {reader.short_date(stored['end'])}",
        "platforms": ", ".join(reader.name("platform", p) for p in stored["platforms"]) or DASH,
        "budget": reader.money(stored["budget"]),
        "pricing": reader.word("pricing-model", stored["pricing_model"]),
        "impressions": count(stored["impressions"], lang),
        "clicks": count(stored["clicks"], lang),
        "conversions": count(stored["conversions"], lang),
        "posts": count(stored["posts"], lang),
    }


# --- KPI plan -------------------------------------------------------------------------------


def kpis(reader: Reader) -> Rows:
    """The KPI plan (baseline, target, deadline, frequency, source), then each KPI's
    planned value at each checkpoint, a few dates per table as in the document."""
    stored = reader.pages["kpis"]
    dates = sorted({point[0] for kpi in stored for point in kpi["points"]})
    tables = [
        _trajectory_table(reader, stored, dates[i : i + DATES_PER_TABLE])
        for i in range(0, len(dates), DATES_PER_TABLE)
    ]
    return {"kpis": [_kpi_row(reader, kpi) for kpi in stored], "tables": tables}


def _kpi_row(reader: Reader, kpi: dict[str, Any]) -> Rows:
    unit, currency = kpi["unit"], reader.pages["currency"]
    return {
        "id": kpi["id"],
        "metric": reader.name("metric", kpi["metric"]),
        "unit": reader.word("unit", unit) if unit else DASH,
        "baseline": kpi_value(kpi["baseline"], unit, reader.lang, currency),
        "target": kpi_value(kpi["target"], unit, reader.lang, currency),
        "deadline": reader.date(kpi["deadline"]),
        "frequency": reader.word("frequency", kpi["frequency"]),
        "source": kpi["source"] or DASH,
        "growth": reader.word("trajectory", kpi["growth"]),
    }


def _trajectory_table(reader: Reader, stored: list[dict[str, Any]], dates: list[str]) -> Rows:
    caption = reader._(
        "KPI trajectories (planned value at each checkpoint), {start} to {end}",
        start=reader.date(dates[0]),
        end=reader.date(dates[-1]),
    )
    currency = reader.pages["currency"]
    rows = []
    for kpi in stored:
        if not kpi["points"]:
            continue
        values = dict((day_, value) for day_, value in kpi["points"])
        cells = [
            kpi_value(values[d], kpi["unit"], reader.lang, currency, kpi["decimals"])
            if d in values
            else DASH
            for d in dates
        ]
        rows.append({"id": kpi["id"], "cells": cells})
    header = [{"iso": d, "label": reader.short_date(d)} for d in dates]
    return {"caption": caption, "dates": header, "rows": rows}
