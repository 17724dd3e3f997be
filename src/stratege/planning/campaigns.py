"""What each paid campaign's budget is expected to buy, from its pricing model and costs.

A campaign's own expected cost per result wins; otherwise the platform's sourced average
from the knowledge base (ad_benchmarks.yaml), converted to the strategy's currency. The
budget is split evenly over the campaign's platforms and its days.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stratege.knowledge.models import AdBenchmark, Knowledge
from stratege.strategy.model import Campaign, Strategy

PAID_UNIT = {
    "cpm": "impressions",
    "cpc": "clicks",
    "cpa": "conversions",
    "cpv": "views",
    "cpe": "engagements",
    "flat": "impressions",
}


@dataclass
class PlatformForecast:
    platform: str
    budget: float
    cost_per_unit: float | None  # per 1,000 impressions for CPM
    cost_source: str  # "strategy" or a knowledge-base source key
    impressions: float
    clicks: float
    conversions: float
    paid_units: float | None


@dataclass
class CampaignForecast:
    campaign: Campaign
    currency: str
    platforms: list[PlatformForecast] = field(default_factory=list)

    @property
    def paid_unit(self) -> str:
        return PAID_UNIT[self.campaign.pricing_model]

    def total(self, figure: str) -> float:
        return sum(getattr(p, figure) or 0 for p in self.platforms)


def forecast_campaigns(strategy: Strategy, knowledge: Knowledge) -> list[CampaignForecast]:
    currency = strategy.resources.budget.currency
    return [_forecast(c, currency, knowledge) for c in strategy.advertising.campaigns]


def _forecast(campaign: Campaign, currency: str, knowledge: Knowledge) -> CampaignForecast:
    forecast = CampaignForecast(campaign, currency)
    platforms = campaign.platforms or ["other"]
    for platform in platforms:
        benchmark = knowledge.ad_benchmarks.get(platform) or knowledge.ad_benchmarks["other"]
        costs = _local_costs(benchmark, currency, knowledge)
        forecast.platforms.append(
            _platform_forecast(
                campaign, platform, campaign.budget / len(platforms), costs, benchmark
            )
        )
    return forecast


def _local_costs(benchmark: AdBenchmark, currency: str, knowledge: Knowledge) -> dict[str, float]:
    rates = knowledge.exchange_rates
    known = currency in rates.to_eur and benchmark.currency in rates.to_eur

    def convert(amount: float) -> float:
        return rates.convert(amount, benchmark.currency, currency) if known else amount

    return {
        "cpm": convert(benchmark.cpm),
        "cpc": convert(benchmark.cpc),
        "cpa": convert(benchmark.cpa),
        "cpv": convert(benchmark.cpv),
        "ctr": benchmark.ctr / 100,
        "conversion_rate": benchmark.conversion_rate / 100,
    }


def _platform_forecast(
    campaign: Campaign,
    platform: str,
    budget: float,
    costs: dict[str, float],
    benchmark: AdBenchmark,
) -> PlatformForecast:
    model = campaign.pricing_model
    own = campaign.expected_cost_per_result
    key = model if model in ("cpm", "cpc", "cpa", "cpv") else "cpm"
    unit_cost = own if own else costs[key]
    source = "strategy" if own else benchmark.source_of(key)
    ctr, conversion = costs["ctr"], costs["conversion_rate"]
    if model == "cpc":
        clicks = budget / unit_cost
        impressions = clicks / ctr
    elif model == "cpa":
        clicks = budget / unit_cost / conversion
        impressions = clicks / ctr
    else:  # cpm, cpv, cpe, flat: reach bought by the thousand
        impressions = budget / (unit_cost if key == "cpm" else costs["cpm"]) * 1000
        clicks = impressions * ctr
    paid = {
        "cpm": impressions,
        "cpc": clicks,
        "cpa": clicks * conversion,
        "cpv": budget / unit_cost,
        "flat": impressions,
    }.get(model)
    if model == "cpe":
        paid = budget / own if own else None
    cost = unit_cost if model != "cpe" or own else None
    return PlatformForecast(
        platform, budget, cost, source, impressions, clicks, clicks * conversion, paid
    )
