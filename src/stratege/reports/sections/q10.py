"""Question 10: paid campaigns, their dates, budget and what that budget should buy."""

from __future__ import annotations

from stratege.planning.campaigns import CampaignForecast
from stratege.reports import charts
from stratege.reports.context import Context
from stratege.reports.document import Block, Figure, Paragraph, Section, Table
from stratege.reports.sections.answer import answer


def section(context: Context) -> Section:
    _ = context._
    if not context.plan.campaigns:
        return answer(context, 10, [Paragraph(_("No paid campaign is planned."))])
    timeline = Figure(
        _("Campaign timeline"),
        charts.campaigns(context),
        _("One bar per campaign, from its first to its last day."),
    )
    blocks: list[Block] = [_campaigns(context), timeline]
    return answer(context, 10, blocks)


def _campaigns(context: Context) -> Table:
    _ = context._
    header = [
        _("Campaign"),
        _("Dates"),
        _("Platforms"),
        _("Budget"),
        _("Pricing"),
        _("Impressions"),
        _("Clicks"),
        _("Conversions"),
    ]
    rows = [_row(context, f) for f in context.plan.campaigns]
    numeric = [False, False, False, True, False, True, True, True]
    return Table(_("Campaigns and what their budget is expected to buy"), header, rows, numeric)


def _row(context: Context, forecast: CampaignForecast) -> list[str]:
    campaign, words = forecast.campaign, context.words
    dates = f"{context.short_date(campaign.start)} – {context.short_date(campaign.end)}"
    return [
        campaign.name,
        dates,
        context.join(words.many("platform", campaign.platforms)),
        context.money(campaign.budget),
        words("pricing-model", campaign.pricing_model),
        context.count(forecast.total("impressions")),
        context.count(forecast.total("clicks")),
        context.count(forecast.total("conversions")),
    ]
