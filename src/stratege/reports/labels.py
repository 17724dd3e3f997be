"""Names of the model's fixed vocabularies, as gettext message ids (English)."""

from __future__ import annotations

from collections.abc import Callable

from stratege.i18n.catalogue import N_

Gettext = Callable[..., str]


ACTIVITIES = {
    "create_content": N_("Create content"),
    "approve": N_("Approve"),
    "publish": N_("Publish"),
    "moderate": N_("Moderate and animate the community"),
    "answer_customers": N_("Answer customers and disputes"),
    "advertise": N_("Advertise"),
    "monitor": N_("Monitor and listen"),
    "report": N_("Report"),
    "crisis": N_("Handle a crisis"),
}
BUDGET = {
    "people": N_("Staff time"),
    "tools": N_("Tools"),
    "advertising": N_("Advertising"),
    "outsourcing": N_("Outsourcing"),
    "contests": N_("Contests and games"),
    "training": N_("Training"),
    "other": N_("Other"),
}
PRIORITY = {"primary": N_("Primary"), "secondary": N_("Secondary")}
PURPOSE = {"main": N_("Main"), "secondary": N_("Secondary"), "customer_care": N_("Customer care")}
SEVERITY = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Information")}
FREQUENCY = {
    "daily": N_("Daily"),
    "weekly": N_("Weekly"),
    "monthly": N_("Monthly"),
    "quarterly": N_("Quarterly"),
    "yearly": N_("Yearly"),
}
AUDIENCE_KIND = {
    "customers": N_("Current customers"),
    "prospects": N_("Prospects"),
    "ambassadors": N_("Ambassadors"),
    "candidates": N_("Candidates"),
    "employees": N_("Employees"),
    "journalists": N_("Journalists"),
    "influencers": N_("Influencers"),
    "partners": N_("Partners"),
    "citizens": N_("Citizens"),
    "investors": N_("Investors"),
    "other": N_("Other"),
}
SOURCES = {
    "search_engines": N_("Search engines"),
    "social_networks": N_("Social networks"),
    "reviews": N_("Reviews"),
    "forums": N_("Forums"),
    "press": N_("Press"),
    "newsletters": N_("Newsletters"),
    "word_of_mouth": N_("Word of mouth"),
    "events": N_("Events"),
    "other": N_("Other"),
}
TOOL_CATEGORY = {
    "creation": N_("Creation"),
    "video_editing": N_("Video editing"),
    "scheduling": N_("Scheduling"),
    "monitoring": N_("Monitoring and listening"),
    "analytics": N_("Analytics"),
    "advertising": N_("Advertising"),
    "other": N_("Other"),
}
DAYS = {
    "mon": N_("Mon"),
    "tue": N_("Tue"),
    "wed": N_("Wed"),
    "thu": N_("Thu"),
    "fri": N_("Fri"),
    "sat": N_("Sat"),
    "sun": N_("Sun"),
}


def budget_category(category: str, _: Gettext) -> str:
    return _(BUDGET.get(category, category))


def label(table: dict[str, str], key: str, _: Gettext) -> str:
    return _(table[key]) if key in table else key
