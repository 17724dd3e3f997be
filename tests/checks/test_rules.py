"""Every coherence rule: one strategy that makes it fire, one just on the quiet side.

Each case plants the situation a rule is about in a fresh copy of the French example,
Boulangeries Martin (``tests.conftest.example_data``). The trigger must give exactly one
finding of that rule, at the expected path, with the expected message values, and its
message, hint and title must read in French and in English. The quiet variant changes the
same thing but stops just short of the rule's threshold (the last day of the period,
exactly 90 % busy, a budget equal to the spending): the rule must say nothing. Only the
rule under test runs.

Expected values are compared with the finding's own value when they are of the same type
(``Label("platform", "tiktok")``: the platform id), else with its English text
(``"1.9"`` for a ``Num``, ``"no audience"`` for a ``Msg``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pytest

from stratege.checks import RULES
from stratege.checks.context import Context
from stratege.checks.registry import Finding, run_rules
from stratege.checks.values import Day, Known, Label, Labels, Msg, shown
from stratege.knowledge import load_knowledge
from stratege.strategy import Strategy
from tests.checks.listening_cases import LISTENING_CASES
from tests.conftest import codes_for, example_data

Data = dict[str, Any]
Build = Callable[[], Data]

BAKERY = "boulangeries-martin"  # the base of every case
EXAMPLES = (BAKERY, "northwind-analytics", "mairie-rives")
START, END = dt.date(2027, 1, 1), dt.date(2027, 12, 31)  # every example's period
NEW_YEARS_EVE = dt.date(2026, 12, 31)  # the day before the period
KNOWLEDGE = load_knowledge()


@dataclass(frozen=True)
class Case:
    """A rule's trigger, its near miss, and the trigger's finding: path and values."""

    trigger: Build
    quiet: Build
    path: tuple[str | int, ...]
    values: dict[str, Any] = field(default_factory=dict)


def bakery() -> Data:
    """A fresh copy of the French example, Boulangeries Martin, as plain data."""
    return example_data(BAKERY)


# --- finding items of the plain data ----------------------------------------------------------


def item(items: list[Data], value: str, key: str = "id") -> Data:
    """The entry of ``items`` whose ``key`` is ``value`` (an id, an activity, a channel)."""
    return next(each for each in items if each[key] == value)


def channel(data: Data, channel_id: str) -> Data:
    return item(data["channels"], channel_id)


def cadence(data: Data, channel_id: str) -> Data:
    return item(data["cadence"], channel_id, key="channel")


def person(data: Data, person_id: str) -> Data:
    return item(data["resources"]["people"], person_id)


def raci(data: Data, activity: str) -> Data:
    return item(data["responsibilities"], activity, key="activity")


def kpi(data: Data, kpi_id: str) -> Data:
    return item(data["kpis"], kpi_id)


def campaign(data: Data, campaign_id: str) -> Data:
    return item(data["advertising"]["campaigns"], campaign_id)


# --- the frame: period, identifiers, occasions ----------------------------------------------


def period_ending(end: dt.date) -> Data:
    data = bakery()
    data["period"]["end"] = end
    return data


def second_pillar_named(pillar_id: str) -> Data:
    """'fournil' is the first pillar's id, 'communaute' an objective's."""
    data = bakery()
    data["content"]["pillars"][1]["id"] = pillar_id
    return data


def epiphany_on(date: dt.date) -> Data:
    data = bakery()
    item(data["occasions"], "epiphanie")["date"] = date
    return data


def country(code: str) -> Data:
    data = bakery()
    data["organisation"]["country"] = code
    return data


def trade_show_channels(channels: list[str]) -> Data:
    data = bakery()
    item(data["occasions"], "salon-metiers")["channels"] = channels
    return data


def summer_closure_ending(end: dt.date) -> Data:
    """The summer blackout starts on 9 August 2027."""
    data = bakery()
    data["period"]["blackouts"][0]["end"] = end
    return data


# --- Q1 the organisation's strategy --------------------------------------------------------


def first_business_goals(count: int) -> Data:
    data = bakery()
    data["organisation"]["business_goals"] = data["organisation"]["business_goals"][:count]
    return data


def export_goal_served_by(*objectives: str) -> Data:
    data = bakery()
    data["organisation"]["business_goals"].append({"id": "export", "statement": "Exporter"})
    for objective in objectives:
        item(data["objectives"], objective)["business_goals"].append("export")
    return data


def positioning(text: str) -> Data:
    data = bakery()
    data["organisation"]["communication"]["positioning"] = text
    return data


def first_key_messages(count: int) -> Data:
    data = bakery()
    messages = data["organisation"]["communication"]["key_messages"]
    data["organisation"]["communication"]["key_messages"] = messages[:count]
    return data


def organisation_values(values: list[str]) -> Data:
    data = bakery()
    data["organisation"]["values"] = values
    return data


# --- Q2 objectives ----------------------------------------------------------------------


def first_objectives(count: int) -> Data:
    data = bakery()
    data["objectives"] = data["objectives"][:count]
    return data


def local_awareness_goals(goals: list[str]) -> Data:
    data = bakery()
    item(data["objectives"], "notoriete-locale")["business_goals"] = goals
    return data


def primary_objectives(primary: int, total: int) -> Data:
    """``total`` objectives like the first one, the first ``primary`` of them primary."""
    data = bakery()
    model = data["objectives"][0]
    data["objectives"] = [
        {**model, "id": f"objectif-{n}", "priority": "primary" if n < primary else "secondary"}
        for n in range(total)
    ]
    return data


def employer_branding_kpi(replacement: Data | None) -> Data:
    """Employer branding loses its only KPI (LinkedIn engagement), or gets a bare one."""
    data = bakery()
    data["kpis"] = [k for k in data["kpis"] if k["objective"] != "marque-employeur"]
    if replacement:
        data["kpis"].append(replacement)
    return data


def local_awareness_deadline(deadline: dt.date | None) -> Data:
    data = bakery()
    item(data["objectives"], "notoriete-locale")["deadline"] = deadline
    return data


FOOTFALL_KIND = {
    "kpi_families": ["roi"],
    "recommended_kpis": ["social_sessions"],
    "name": {"fr": "Fréquentation des boutiques", "en": "Shop footfall"},
}


def footfall_objective(declared: bool) -> Data:
    """The first objective has kind `footfall`, declared under `knowledge` or not."""
    data = bakery()
    data["objectives"][0]["kind"] = "footfall"
    if declared:
        data["knowledge"] = {"objectives": {"footfall": FOOTFALL_KIND}}
    return data


def employer_branding_left_to_campaign(keep_campaign: bool) -> Data:
    """No channel serves employer branding any more; its campaign may still."""
    data = bakery()
    for each in data["channels"]:
        each["objectives"] = [o for o in each["objectives"] if o != "marque-employeur"]
    if not keep_campaign:
        data["advertising"]["campaigns"] = [
            c for c in data["advertising"]["campaigns"] if c["objective"] != "marque-employeur"
        ]
    return data


# --- Q3 audit ---------------------------------------------------------------------------


def own_accounts_on(*platforms: str) -> Data:
    data = bakery()
    data["audit"]["accounts"] = [
        a for a in data["audit"]["accounts"] if a["owner"] != "own" or a["platform"] in platforms
    ]
    return data


def first_competitors(count: int) -> Data:
    data = bakery()
    data["audit"]["competitors"] = data["audit"]["competitors"][:count]
    return data


def new_competitor_with_accounts(count: int) -> Data:
    data = bakery()
    data["audit"]["competitors"].append({"id": "paul", "name": "Paul"})
    data["audit"]["accounts"] += [{"owner": "paul", "platform": "instagram"}] * count
    return data


def ange_facebook_owner(owner: str) -> Data:
    """Account 3 is Ange's Facebook page (@boulangerieange)."""
    data = bakery()
    data["audit"]["accounts"][3]["owner"] = owner
    return data


def own_facebook_observed_on(date: dt.date) -> Data:
    """Account 0, our Facebook page, without its handle: named after its platform."""
    data = bakery()
    account = data["audit"]["accounts"][0]
    account["observed_on"], account["handle"] = date, ""
    return data


def own_linkedin_record(record: Data | None) -> Data:
    data = bakery()
    accounts = data["audit"]["accounts"]
    data["audit"]["accounts"] = [
        a for a in accounts if (a["owner"], a["platform"]) != ("own", "linkedin")
    ]
    if record:
        data["audit"]["accounts"].append(record)
    return data


def audit_conclusions(findings: list[str], audit_positioning: str) -> Data:
    data = bakery()
    data["audit"]["findings"], data["audit"]["positioning"] = findings, audit_positioning
    return data


# --- Q4 indicators ----------------------------------------------------------------------


STORE_VISITS = {
    "family": "roi",
    "scope": "account",
    "formula": "sum(social_sessions)",
    "unit": "count",
    "direction": "higher",
    "growth": "additive",
    "fields": ["social_sessions"],
    "source": "stratege",
    "name": {"fr": "Visites en boutique", "en": "Shop visits"},
}


def reach_kpi(**changes: Any) -> Data:
    """The first KPI, Instagram reach (`portee-instagram`), changed."""
    data = bakery()
    kpi(data, "portee-instagram").update(changes)
    return data


def store_visits_kpi(declared: bool) -> Data:
    data = reach_kpi(metric="store_visits")
    if declared:
        data["knowledge"] = {"kpis": {"store_visits": STORE_VISITS}}
    return data


def response_time_kpi(**changes: Any) -> Data:
    """KPI 5, the median first-response time (lower is better: 720 → 240 minutes)."""
    data = bakery()
    kpi(data, "delai-reponse").update(changes)
    return data


def response_rate_metric(metric: str) -> Data:
    """KPI 4 measures the customer-service objective."""
    data = bakery()
    kpi(data, "taux-reponse")["metric"] = metric
    return data


def instagram_engagement_target(target: float) -> Data:
    """KPI 2 is a percentage."""
    data = bakery()
    kpi(data, "engagement-instagram")["target"] = target
    return data


def response_time_measured_by(metric: str | None) -> Data:
    data = bakery()
    if metric:
        kpi(data, "delai-reponse")["metric"] = metric
    else:
        data["kpis"] = [k for k in data["kpis"] if k["id"] != "delai-reponse"]
    return data


def linkedin_kpi_channels(channels: list[str]) -> Data:
    """LinkedIn is measured by its engagement KPI only."""
    data = bakery()
    kpi(data, "engagement-linkedin")["channels"] = channels
    return data


# --- Q5 audiences and channels ----------------------------------------------------------


def first_audiences(count: int) -> Data:
    data = bakery()
    data["audiences"] = data["audiences"][:count]
    return data


def press_audience_reached_on(*channels: str) -> Data:
    data = bakery()
    data["audiences"].append(
        {
            "id": "journalistes",
            "name": "Presse",
            "kind": "journalists",
            "platforms": ["x", "linkedin"],
        }
    )
    for channel_id in channels:
        channel(data, channel_id)["audiences"].append("journalistes")
    return data


def regulars_platforms(platforms: list[str]) -> Data:
    data = bakery()
    item(data["audiences"], "habitues")["platforms"] = platforms
    return data


def website(url: str) -> Data:
    """Nantes prospects search the web; no channel of the example is indexed."""
    data = bakery()
    data["organisation"]["website"] = url
    return data


def first_channels(count: int) -> Data:
    data = bakery()
    data["channels"] = data["channels"][:count]
    return data


VIADEO = {
    "formats": ["short_text", "image"],
    "cadence": {"min": 1, "typical": 2, "max": 5, "source": "stratege"},
    "windows": [{"days": ["tue"], "start": "09:00", "end": "11:00"}],
    "windows_source": "stratege",
    "community_hours_per_week": 0.5,
    "community_source": "stratege",
    "supports_customer_care": False,
    "name": {"fr": "Viadeo", "en": "Viadeo"},
}


def linkedin_page_on_viadeo(declared: bool) -> Data:
    data = bakery()
    channel(data, "linkedin")["platform"] = "viadeo"
    if declared:
        data["knowledge"] = {"platforms": {"viadeo": VIADEO}}
    return data


def linkedin_audiences(audiences: list[str]) -> Data:
    """The LinkedIn page is for `artisans`, who are on LinkedIn and Instagram."""
    data = bakery()
    channel(data, "linkedin")["audiences"] = audiences
    return data


def linkedin_objectives(objectives: list[str]) -> Data:
    data = bakery()
    channel(data, "linkedin")["objectives"] = objectives
    return data


def youtube_channel_for(*purpose: str) -> Data:
    data = bakery()
    data["channels"].append(
        {
            "id": "youtube",
            "platform": "youtube",
            "purpose": list(purpose),
            "audiences": ["artisans"],
            "objectives": ["marque-employeur"],
        }
    )
    return data


def craftsmen_named(in_pillars: bool, in_kpis: bool) -> Data:
    """Whether a pillar, a KPI, both or neither name the audience `artisans`."""
    data = bakery()
    unnamed = [
        *([] if in_pillars else data["content"]["pillars"]),
        *([] if in_kpis else data["kpis"]),
    ]
    for each in unnamed:
        each["audiences"] = [a for a in each.get("audiences", []) if a != "artisans"]
    return data


def audiences_named_by_reach_kpi_only(reach_kpi_names_them: bool) -> Data:
    data = bakery()
    for each in [*data["content"]["pillars"], *data["kpis"]]:
        if not (reach_kpi_names_them and each["id"] == "portee-instagram"):
            each["audiences"] = []
    return data


def facebook_growth_audiences(audiences: list[str]) -> Data:
    data = bakery()
    kpi(data, "abonnes-facebook")["audiences"] = audiences
    return data


# --- Q6 content ---------------------------------------------------------------------------


def first_pillar_share(share: float) -> Data:
    """The other pillars share 60 %."""
    data = bakery()
    data["content"]["pillars"][0]["share"] = share
    return data


def linkedin_image_share(share: float) -> Data:
    """LinkedIn's mix: short text 50 %, image ``share``."""
    data = bakery()
    item(data["content"]["formats"], "linkedin", key="channel")["mix"]["image"] = share
    return data


def instagram_stories_replaced_by(format_id: str) -> Data:
    data = bakery()
    mix = item(data["content"]["formats"], "instagram", key="channel")
    mix["mix"] = {(format_id if f == "story" else f): share for f, share in mix["mix"].items()}
    return data


INFOGRAPHIC = {
    "effort": {"graphic_design": 1.5, "copywriting": 0.5},
    "skills": ["graphic_design"],
    "lead_time_days": 3,
    "source": "stratege",
    "name": {"fr": "Infographie", "en": "Infographic"},
}


def linkedin_infographics(declared: bool) -> Data:
    data = linkedin_mix({"short_text": 50, "infographic": 50})
    if declared:
        data["knowledge"] = {"formats": {"infographic": INFOGRAPHIC}}
    return data


def linkedin_mix(mix: dict[str, float] | None) -> Data:
    data = bakery()
    formats = [f for f in data["content"]["formats"] if f["channel"] != "linkedin"]
    data["content"]["formats"] = formats + ([{"channel": "linkedin", "mix": mix}] if mix else [])
    return data


def linkedin_renamed(*following: str) -> Data:
    """The LinkedIn channel becomes `linkedin-page`; only the sections named follow it."""
    data = bakery()
    channel(data, "linkedin")["id"] = "linkedin-page"
    if "formats" in following:
        item(data["content"]["formats"], "linkedin", key="channel")["channel"] = "linkedin-page"
    if "cadence" in following:
        cadence(data, "linkedin")["channel"] = "linkedin-page"
    return data


def first_pillars(count: int) -> Data:
    data = bakery()
    data["content"]["pillars"] = data["content"]["pillars"][:count]
    return data


def bakehouse_pillar_objectives(objectives: list[str]) -> Data:
    data = bakery()
    item(data["content"]["pillars"], "fournil")["objectives"] = objectives
    return data


def tones(values: list[str]) -> Data:
    data = bakery()
    data["content"]["tones"] = values
    return data


# --- Q7 cadence ---------------------------------------------------------------------------


def linkedin_cadence(entry: Data | None) -> Data:
    data = bakery()
    data["cadence"] = [c for c in data["cadence"] if c["channel"] != "linkedin"]
    if entry:
        data["cadence"].append(entry)
    return data


def posts(channel_id: str, count: float, per: str) -> Data:
    data = bakery()
    cadence(data, channel_id).update(posts=count, per=per)
    return data


def linkedin_window_ending(end: str) -> Data:
    """LinkedIn's window starts at 08:30."""
    data = bakery()
    cadence(data, "linkedin")["windows"][0]["end"] = end
    return data


def facebook_care_account(**changes: Any) -> Data:
    """Facebook becomes a customer-care account too; its cadence changed."""
    data = bakery()
    channel(data, "facebook")["purpose"] = ["main", "customer_care"]
    cadence(data, "facebook").update(changes)
    return data


def facebook_covered(days: list[str], start: str, end: str) -> Data:
    """Julie and Karim answer Facebook, office hours (Mon–Fri 9:00–18:00)."""
    data = bakery()
    cadence(data, "facebook")["covered_hours"] = [{"days": days, "start": start, "end": end}]
    return data


def facebook_messages_per_day(count: float | None) -> Data:
    data = bakery()
    cadence(data, "facebook")["messages_per_day"] = count
    return data


# --- Q8 resources -------------------------------------------------------------------------


def first_people(count: int) -> Data:
    data = bakery()
    data["resources"]["people"] = data["resources"]["people"][:count]
    return data


def lea_alone_on_video(hours: float) -> Data:
    """No RACI row for content creation; Léa is the only one who edits video."""
    data = bakery()
    data["responsibilities"] = [
        r for r in data["responsibilities"] if r["activity"] != "create_content"
    ]
    person(data, "karim")["skills"].remove("video_editing")
    person(data, "lea")["hours_per_week"] = hours
    return data


def sophie_answering_reviews(reviews_per_week: float, whole_team: bool = True) -> Data:
    """Sophie (2 h a week) answers the Facebook reviews alone, 0.15 h each. Without the
    whole team, only Julie (40 h a week) and Sophie remain: each piece of work then has
    one possible person, so every load is forced."""
    data = bakery()
    raci(data, "answer_reviews")["responsible"] = ["sophie"]
    cadence(data, "facebook")["reviews_per_week"] = reviews_per_week
    if not whole_team:
        people = data["resources"]["people"]
        data["resources"]["people"] = [p for p in people if p["id"] in ("julie", "sophie")]
        person(data, "julie")["hours_per_week"] = 40
    return data


def video_editors_trained(*trainees: str) -> Data:
    """Nobody edits video any more; ``trainees`` plan to learn."""
    data = bakery()
    for each in data["resources"]["people"]:
        each["skills"] = [s for s in each["skills"] if s != "video_editing"]
        if each["id"] in trainees:
            each["training"] = [*each.get("training", []), "video_editing"]
    return data


def no_training_budget(karim_trains: bool) -> Data:
    data = bakery()
    data["resources"]["budget"]["training"] = 0
    if not karim_trains:
        person(data, "karim")["training"] = []
    return data


def facebook_care_monitored_by(tool: Data | None) -> Data:
    """Facebook becomes a customer-care account; Mention, the monitoring tool, goes."""
    data = facebook_care_account()
    tools = [t for t in data["resources"]["tools"] if t["category"] != "monitoring"]
    data["resources"]["tools"] = tools + ([tool] if tool else [])
    return data


def no_video_tool(short_videos: bool) -> Data:
    """CapCut goes; short videos stay in the mixes or give their share to images."""
    data = bakery()
    data["resources"]["tools"] = [
        t for t in data["resources"]["tools"] if t["category"] != "video_editing"
    ]
    if not short_videos:
        for each in data["content"]["formats"]:
            mix = each["mix"]
            if "short_video" in mix:
                mix["image"] += mix["short_video"]
                mix["short_video"] = 0
    return data


def budget(**amounts: Any) -> Data:
    """Spending over 2027: tools 828 € (69 € a month), campaigns 5,500 €, the other lines
    as declared (outsourcing 1,500, contests 1,200, training 800): 9,828 € in all."""
    data = bakery()
    data["resources"]["budget"].update(amounts)
    return data


def sophie_hours(hours: float) -> Data:
    data = bakery()
    person(data, "sophie")["hours_per_week"] = hours
    return data


def sophie_skills(skills: list[str]) -> Data:
    data = bakery()
    person(data, "sophie")["skills"] = skills
    return data


def julie_hourly_cost(cost: float | None) -> Data:
    data = bakery()
    person(data, "julie")["hourly_cost"] = cost
    return data


def yearly_total_over_eighteen_months(total: float) -> Data:
    """The period runs to June 2028; the budget is per year, 2027 planning 9,828 €."""
    data = budget(covers="year", total=total)
    data["period"]["end"] = dt.date(2028, 6, 30)
    return data


# --- Q9 responsibilities ------------------------------------------------------------------


def approval_accountable(people: list[str]) -> Data:
    data = bakery()
    raci(data, "approve")["accountable"] = people
    return data


def linkedin_publishing_row(responsible: list[str]) -> Data:
    data = bakery()
    data["responsibilities"].append(
        {
            "activity": "publish",
            "channel": "linkedin",
            "responsible": responsible,
            "accountable": "julie",
        }
    )
    return data


def approval_consulted(people: list[str]) -> Data:
    data = bakery()
    raci(data, "approve")["consulted"] = people
    return data


def sophie_monitoring(hours: float) -> Data:
    """Sophie alone monitors: 2 h a week."""
    data = sophie_hours(hours)
    raci(data, "monitor")["responsible"] = ["sophie"]
    return data


def reviews_without_raci_row(reviews_per_week: float) -> Data:
    data = bakery()
    data["responsibilities"] = [
        r for r in data["responsibilities"] if r["activity"] != "answer_reviews"
    ]
    cadence(data, "facebook")["reviews_per_week"] = reviews_per_week
    return data


def customers_answered_on(channel_id: str) -> Data:
    """The answer_customers row covers one channel instead of all; Facebook serves the
    customer-service objective."""
    data = bakery()
    raci(data, "answer_customers")["channel"] = channel_id
    return data


def second_report_row(channel_id: str) -> Data:
    data = bakery()
    data["responsibilities"].append(
        {
            "activity": "report",
            "channel": channel_id,
            "responsible": ["karim"],
            "accountable": "sophie",
        }
    )
    return data


def team_of(*people: str) -> Data:
    """Julie creates content and is accountable for it."""
    data = bakery()
    data["resources"]["people"] = [p for p in data["resources"]["people"] if p["id"] in people]
    return data


# --- Q10 advertising ------------------------------------------------------------------------


def opening_campaign(**changes: Any) -> Data:
    """Campaign 0: the opening of the Nantes shops."""
    data = bakery()
    campaign(data, "ouverture-nantes").update(changes)
    return data


def galette_campaign(**changes: Any) -> Data:
    """Campaign 1: 2 to 17 January 2027."""
    data = bakery()
    campaign(data, "galette").update(changes)
    return data


def no_campaign_with_budget(advertising: float) -> Data:
    data = budget(advertising=advertising)
    data["advertising"]["campaigns"] = []
    return data


def monthly_advertising_budget(advertising: float) -> Data:
    """Campaigns spend 1,800 € in May 2027, less in every other month."""
    return budget(covers="month", advertising=advertising)


# --- the cases ------------------------------------------------------------------------------

ALL_CHANNELS = "all channels"
INSTAGRAM_FORMATS = Known.of("format", KNOWLEDGE.platforms["instagram"].formats)
EMPLOYER_BRANDING_KPIS = Known.of(
    "metric", KNOWLEDGE.objectives["employer_branding"].recommended_kpis
)

CASES: dict[str, Case] = {
    # the frame
    "GEN001": Case(
        partial(period_ending, NEW_YEARS_EVE),
        partial(period_ending, START),  # a one-day period
        ("period", "end"),
        {"start": Day(START), "end": Day(NEW_YEARS_EVE)},
    ),
    "GEN002": Case(
        partial(second_pillar_named, "fournil"),
        partial(second_pillar_named, "communaute"),  # unique within its own section
        ("content", "pillars", 1, "id"),
        {"id": "fournil", "section": "content.pillars"},
    ),
    "GEN003": Case(
        partial(epiphany_on, NEW_YEARS_EVE),
        partial(epiphany_on, START),
        ("occasions", 0, "date"),
        {"id": "epiphanie", "date": Day(NEW_YEARS_EVE)},
    ),
    "GEN004": Case(
        partial(country, "ZZ"),
        partial(country, "AD"),
        ("organisation", "country"),
        {"country": "ZZ"},
    ),
    "GEN005": Case(
        partial(trade_show_channels, ["linkedin", "instagrm"]),
        partial(trade_show_channels, ["linkedin", "instagram", "facebook"]),
        ("occasions", 2, "channels", 1),
        {"id": "salon-metiers", "channel": "instagrm", "closest": "Did you mean `instagram`? "},
    ),
    "GEN006": Case(
        partial(summer_closure_ending, dt.date(2027, 8, 8)),
        partial(summer_closure_ending, dt.date(2027, 8, 9)),  # a one-day blackout
        ("period", "blackouts", 0, "end"),
        {"index": 1},
    ),
    "GEN007": Case(
        partial(budget, total=100_000_001),
        partial(budget, total=100_000_000),  # the limit itself is plausible
        ("resources", "budget", "total"),
        {"what": "The total budget", "value": "€100,000,001"},
    ),
    # Q1
    "STR001": Case(
        partial(first_business_goals, 0),
        partial(first_business_goals, 1),
        ("organisation", "business_goals"),
    ),
    "STR002": Case(
        export_goal_served_by,
        partial(export_goal_served_by, "marque-employeur"),
        ("organisation", "business_goals", 3),
        {"id": "export"},
    ),
    "STR003": Case(
        partial(positioning, "   "),  # blank: stripped to nothing
        partial(positioning, "Artisans."),
        ("organisation", "communication"),
    ),
    "STR004": Case(
        partial(first_key_messages, 0),
        partial(first_key_messages, 1),
        ("organisation", "communication"),
    ),
    "STR005": Case(
        partial(organisation_values, []),  # a mission, but no values
        partial(organisation_values, ["accueil chaleureux"]),
        ("organisation",),
    ),
    # Q2
    "OBJ001": Case(partial(first_objectives, 0), partial(first_objectives, 1), ("objectives",)),
    "OBJ002": Case(
        partial(local_awareness_goals, []),
        partial(local_awareness_goals, ["recrutement"]),
        ("objectives", 0, "business_goals"),
        {"id": "notoriete-locale"},
    ),
    "OBJ003": Case(
        partial(local_awareness_goals, ["ouverture-nantes", "ca-boutique"]),
        partial(local_awareness_goals, ["ouverture-nantes", "recrutement"]),
        ("objectives", 0, "business_goals", 1),
        {
            "id": "notoriete-locale",
            "goal": "ca-boutique",
            "closest": "Did you mean `ca-boutiques`? ",
        },
    ),
    "OBJ004": Case(
        partial(primary_objectives, 0, 4),
        partial(primary_objectives, 1, 4),
        ("objectives",),
    ),
    "OBJ005": Case(
        partial(primary_objectives, 4, 8),  # half of them, but more than three
        partial(primary_objectives, 3, 6),  # three, and half of them
        ("objectives",),
        {"count": 4, "total": 8},
    ),
    "OBJ006": Case(
        partial(employer_branding_kpi, None),
        partial(
            employer_branding_kpi,
            {"id": "candidatures", "metric": "social_conversions", "objective": "marque-employeur"},
        ),
        ("objectives", 3),
        {"id": "marque-employeur", "recommended": EMPLOYER_BRANDING_KPIS},
    ),
    "OBJ007": Case(
        partial(local_awareness_deadline, dt.date(2028, 1, 1)),
        partial(local_awareness_deadline, END),
        ("objectives", 0, "deadline"),
        {"id": "notoriete-locale", "start": Day(START), "end": Day(END)},
    ),
    "OBJ008": Case(
        partial(footfall_objective, declared=False),
        partial(footfall_objective, declared=True),
        ("objectives", 0, "kind"),
        {"id": "notoriete-locale", "kind": "footfall", "closest": ""},
    ),
    "OBJ009": Case(
        partial(employer_branding_left_to_campaign, keep_campaign=False),
        partial(employer_branding_left_to_campaign, keep_campaign=True),
        ("objectives", 3),
        {"id": "marque-employeur"},
    ),
    # Q3
    "AUD001": Case(
        own_accounts_on,
        partial(own_accounts_on, "linkedin"),  # the empty LinkedIn page is enough
        ("audit", "accounts"),
    ),
    "AUD002": Case(
        partial(first_competitors, 0),
        partial(first_competitors, 1),
        ("audit", "competitors"),
    ),
    "AUD003": Case(
        partial(new_competitor_with_accounts, 0),
        partial(new_competitor_with_accounts, 1),
        ("audit", "competitors", 2),
        {"id": "paul"},
    ),
    "AUD004": Case(
        partial(ange_facebook_owner, "angge"),
        partial(ange_facebook_owner, "own"),
        ("audit", "accounts", 3, "owner"),
        {"owner": "angge", "handle": "@boulangerieange", "closest": "Did you mean `ange`? "},
    ),
    "AUD005": Case(
        partial(own_facebook_observed_on, dt.date(2025, 12, 31)),
        partial(own_facebook_observed_on, dt.date(2026, 1, 1)),  # exactly a year before
        ("audit", "accounts", 0, "observed_on"),
        {"handle": Label("platform", "facebook"), "date": Day(dt.date(2025, 12, 31))},
    ),
    "AUD006": Case(
        partial(own_linkedin_record, None),
        partial(own_linkedin_record, {"owner": "own", "platform": "linkedin"}),  # no figures
        ("channels", 2),
        {"id": "linkedin", "platform": Label("platform", "linkedin")},
    ),
    "AUD007": Case(
        partial(audit_conclusions, [], ""),
        partial(audit_conclusions, [], "L'artisan de quartier face aux chaînes."),
        ("audit",),
    ),
    # Q4
    "KPI001": Case(
        partial(store_visits_kpi, declared=False),
        partial(store_visits_kpi, declared=True),
        ("kpis", 0, "metric"),
        {
            "id": "portee-instagram",
            "metric": "store_visits",
            "closest": "Did you mean Profile visits (`profile_visits`)? ",
        },
    ),
    "KPI002": Case(
        partial(reach_kpi, objective="notoriete"),
        partial(reach_kpi, objective="communaute"),
        ("kpis", 0, "objective"),
        {
            "id": "portee-instagram",
            "objective": "notoriete",
            "closest": "Did you mean `notoriete-locale`? ",
        },
    ),
    "KPI003": Case(
        partial(reach_kpi, baseline=None),
        partial(reach_kpi, baseline=0),  # a new account starts from 0
        ("kpis", 0, "baseline"),
        {"id": "portee-instagram"},
    ),
    "KPI004": Case(
        partial(reach_kpi, target=None),
        partial(reach_kpi, target=0),
        ("kpis", 0, "target"),
        {"id": "portee-instagram"},
    ),
    "KPI005": Case(
        partial(reach_kpi, deadline=dt.date(2028, 1, 1)),
        partial(reach_kpi, deadline=END),
        ("kpis", 0, "deadline"),
        {"id": "portee-instagram", "start": Day(START), "end": Day(END)},
    ),
    "KPI006": Case(
        partial(response_time_kpi, target=720),  # no faster than the baseline
        partial(response_time_kpi, target=719),
        ("kpis", 5, "target"),
        {
            "id": "delai-reponse",
            "metric": Label("metric", "median_first_response_time"),
            "better": "lower",
            "target": "720",
            "baseline": "720",
        },
    ),
    "KPI007": Case(
        partial(response_rate_metric, "roas"),
        partial(response_rate_metric, "mentions_volume"),  # not recommended, family accepted
        ("kpis", 4, "metric"),
        {
            "id": "taux-reponse",
            "metric": Label("metric", "roas"),
            "family": Label("kpi-family", "roi"),
            "kind": Label("objective-kind", "customer_service"),
        },
    ),
    "KPI008": Case(
        partial(reach_kpi, channels=["instagram", "instagrm"]),
        partial(reach_kpi, channels=["instagram", "facebook"]),
        ("kpis", 0, "channels", 1),
        {"id": "portee-instagram", "channel": "instagrm", "closest": "Did you mean `instagram`? "},
    ),
    "KPI009": Case(
        partial(reach_kpi, source="  "),
        partial(reach_kpi, source="Meta"),
        ("kpis", 0, "source"),
        {"id": "portee-instagram"},
    ),
    "KPI010": Case(
        partial(instagram_engagement_target, 1000.01),
        partial(instagram_engagement_target, 1000),
        ("kpis", 2, "target"),
        {"id": "engagement-instagram", "which": "target", "value": "1,000.01"},
    ),
    "KPI011": Case(
        partial(response_time_measured_by, None),
        partial(response_time_measured_by, "average_first_response_time"),
        ("kpis",),
        {"channels": "facebook"},
    ),
    "KPI012": Case(
        partial(linkedin_kpi_channels, ["instagram"]),
        partial(linkedin_kpi_channels, []),  # a KPI without channels measures them all
        ("channels", 2),
        {"id": "linkedin"},
    ),
    # Q5
    "TGT001": Case(partial(first_audiences, 0), partial(first_audiences, 1), ("audiences",)),
    "TGT002": Case(
        press_audience_reached_on,
        partial(press_audience_reached_on, "linkedin"),
        ("audiences", 3),
        {"id": "journalistes", "platforms": Labels.of("platform", ["x", "linkedin"])},
    ),
    "TGT003": Case(
        partial(regulars_platforms, []),
        partial(regulars_platforms, ["facebook"]),
        ("audiences", 0, "platforms"),
        {"id": "habitues"},
    ),
    "TGT004": Case(
        partial(website, ""),
        partial(website, "https://www.boulangeries-martin.example"),
        ("audiences", 1, "information_sources"),
        {"id": "nouveaux-nantes"},
    ),
    "TGT005": Case(
        partial(regulars_platforms, ["facebook", "instagramm"]),
        partial(regulars_platforms, ["facebook", "threads"]),  # known, without a channel
        ("audiences", 0, "platforms", 1),
        {
            "id": "habitues",
            "platform": "instagramm",
            "closest": "Did you mean Instagram (`instagram`)? ",
        },
    ),
    "CHN001": Case(partial(first_channels, 0), partial(first_channels, 1), ("channels",)),
    "CHN002": Case(
        partial(linkedin_page_on_viadeo, declared=False),
        partial(linkedin_page_on_viadeo, declared=True),
        ("channels", 2, "platform"),
        {"id": "linkedin", "platform": "viadeo"},
    ),
    "CHN003": Case(
        partial(linkedin_audiences, ["candidats"]),  # not declared
        partial(linkedin_audiences, ["candidats", "artisans"]),
        ("channels", 2, "audiences"),
        {"id": "linkedin"},
    ),
    "CHN004": Case(
        partial(linkedin_audiences, ["habitues"]),  # on Facebook and Instagram
        partial(linkedin_audiences, ["habitues", "artisans"]),
        ("channels", 2, "platform"),
        {
            "id": "linkedin",
            "platform": Label("platform", "linkedin"),
            "audiences": "Clients habitués",
        },
    ),
    "CHN005": Case(
        partial(linkedin_audiences, ["artisans", "fantomes"]),
        partial(linkedin_audiences, ["artisans", "habitues"]),
        ("channels", 2, "audiences", 1),
        {"id": "linkedin", "ref": "fantomes", "section": "audiences"},
    ),
    "CHN006": Case(
        partial(linkedin_objectives, []),
        partial(linkedin_objectives, ["communaute"]),
        ("channels", 2, "objectives"),
        {"id": "linkedin"},
    ),
    "CHN007": Case(
        partial(youtube_channel_for, "main", "customer_care"),
        partial(youtube_channel_for, "main"),
        ("channels", 3, "purpose"),
        {"id": "youtube", "platform": Label("platform", "youtube")},
    ),
    "TGT006": Case(
        partial(craftsmen_named, in_pillars=False, in_kpis=False),
        partial(craftsmen_named, in_pillars=False, in_kpis=True),
        ("audiences", 2),
        {"id": "artisans"},
    ),
    "TGT007": Case(
        partial(audiences_named_by_reach_kpi_only, False),
        partial(audiences_named_by_reach_kpi_only, True),
        ("content", "pillars"),
    ),
    "TGT008": Case(
        partial(facebook_growth_audiences, ["habitues", "nouveau-nantes"]),
        partial(facebook_growth_audiences, ["habitues", "nouveaux-nantes"]),
        ("kpis", 1, "audiences", 1),
        {
            "where": "The KPI",
            "id": "abonnes-facebook",
            "audience": "nouveau-nantes",
            "closest": "Did you mean `nouveaux-nantes`? ",
        },
    ),
    # Q6
    "CNT001": Case(
        partial(first_pillar_share, 40.6),
        partial(first_pillar_share, 40.5),  # within the half-point of rounding
        ("content", "pillars"),
        {"total": "100.6"},
    ),
    "CNT002": Case(
        partial(linkedin_image_share, 50.6),
        partial(linkedin_image_share, 50.5),
        ("content", "formats", 2, "mix"),
        {"channel": "linkedin", "total": "100.6"},
    ),
    "CNT003": Case(
        partial(instagram_stories_replaced_by, "short_text"),
        partial(instagram_stories_replaced_by, "live"),
        ("content", "formats", 1, "mix", "short_text"),
        {
            "channel": "instagram",
            "format": Label("format", "short_text"),
            "platform": Label("platform", "instagram"),
            "supported": INSTAGRAM_FORMATS,
        },
    ),
    "CNT004": Case(
        partial(linkedin_infographics, declared=False),
        partial(linkedin_infographics, declared=True),
        ("content", "formats", 2, "mix", "infographic"),
        {"channel": "linkedin", "format": "infographic"},
    ),
    "CNT005": Case(
        partial(linkedin_mix, None),
        partial(linkedin_mix, {"short_text": 100}),
        ("channels", 2),
        {"id": "linkedin"},
    ),
    "CNT006": Case(
        partial(linkedin_renamed, "cadence"),
        partial(linkedin_renamed, "cadence", "formats"),
        ("content", "formats", 2, "channel"),
        {"channel": "linkedin", "closest": "Did you mean `linkedin-page`? "},
    ),
    "CNT007": Case(partial(first_pillars, 0), partial(first_pillars, 1), ("content", "pillars")),
    "CNT008": Case(
        partial(bakehouse_pillar_objectives, ["fidelite"]),  # not declared
        partial(bakehouse_pillar_objectives, ["fidelite", "communaute"]),
        ("content", "pillars", 0, "objectives"),
        {"id": "fournil"},
    ),
    "CNT009": Case(partial(tones, []), partial(tones, ["proximity"]), ("content", "tones")),
    "CNT010": Case(
        partial(tones, ["proximity", "humor"]),
        partial(tones, ["proximity", "humour"]),
        ("content", "tones", 1),
        {"tone": "humor", "closest": "Did you mean Humour (`humour`)? "},
    ),
    # Q7
    "CAD001": Case(
        partial(linkedin_cadence, None),
        partial(linkedin_cadence, {"channel": "linkedin", "posts": 2}),
        ("channels", 2),
        {"id": "linkedin", "platform": Label("platform", "linkedin"), "typical": "3"},
    ),
    "CAD002": Case(
        partial(linkedin_renamed, "formats"),
        partial(linkedin_renamed, "formats", "cadence"),
        ("cadence", 2, "channel"),
        {"channel": "linkedin", "closest": "Did you mean `linkedin-page`? "},
    ),
    "CAD003": Case(
        partial(posts, "instagram", 6.9, "week"),
        partial(posts, "instagram", 7, "week"),  # Instagram: 7 to 21 a week
        ("cadence", 1, "posts"),
        {
            "id": "instagram",
            "posts": "6.9",
            "platform": Label("platform", "instagram"),
            "low": "7",
            "high": "21",
        },
    ),
    "CAD004": Case(
        partial(posts, "facebook", 15, "week"),
        partial(posts, "facebook", 2, "day"),  # Facebook: 7 to 14 a week
        ("cadence", 0, "posts"),
        {
            "id": "facebook",
            "posts": "15",
            "platform": Label("platform", "facebook"),
            "low": "7",
            "high": "14",
        },
    ),
    "CAD005": Case(
        partial(linkedin_window_ending, "08:30"),
        partial(linkedin_window_ending, "08:31"),
        ("cadence", 2, "windows", 0),
        {"channel": "linkedin", "field": "publishing", "start": "08:30", "end": "08:30"},
    ),
    "CAD006": Case(
        partial(facebook_care_account, response_time_hours=None),
        partial(facebook_care_account, response_time_hours=0.25),
        ("channels", 0),
        {"id": "facebook"},
    ),
    "CAD007": Case(
        partial(facebook_care_account, covered_hours=[]),
        partial(
            facebook_care_account,
            covered_hours=[{"days": ["sat"], "start": "09:00", "end": "10:00"}],
        ),
        ("channels", 0),
        {"id": "facebook"},
    ),
    "CAD008": Case(
        partial(facebook_covered, ["fri", "sat"], "17:00", "18:30"),
        partial(facebook_covered, ["fri"], "17:00", "18:00"),  # up to the end of the day
        ("cadence", 0, "covered_hours", 0),
        {"id": "facebook", "uncovered": "Friday 18:00–18:30, Saturday 17:00–18:30"},
    ),
    "CAD009": Case(
        partial(facebook_messages_per_day, None),
        partial(facebook_messages_per_day, 0),
        ("cadence", 0),
        {"id": "facebook"},
    ),
    # Q8
    "RES001": Case(partial(first_people, 0), partial(first_people, 1), ("resources", "people")),
    "RES002": Case(
        partial(lea_alone_on_video, 4),
        partial(lea_alone_on_video, 6),
        ("resources", "people"),
        {
            "work": "Content creation (Video shooting and editing)",
            "needed": "5.7",
            "covered": "4",
            "missing": "1.7",
            "people": "Léa Fontaine",
        },
    ),
    "RES003": Case(
        partial(sophie_answering_reviews, 12.8, whole_team=False),  # 1.92 h of her 2 h
        partial(sophie_answering_reviews, 12, whole_team=False),  # 1.8 h: exactly 90 %
        ("resources", "people", 1),
        {"name": "Sophie Martin", "share": 96, "load": "1.9", "hours": "2"},
    ),
    "RES004": Case(
        video_editors_trained,
        partial(video_editors_trained, "karim"),
        ("content", "formats", 0, "mix", "short_video"),
        {
            "format": Label("format", "short_video"),
            "skill": Label("skill", "video_editing"),
            "skill_id": "Video shooting and editing (`video_editing`)",
        },
    ),
    "RES005": Case(
        partial(no_training_budget, karim_trains=True),
        partial(no_training_budget, karim_trains=False),
        ("resources", "budget", "training"),
        {"skills": Labels.of("skill", ["advertising"])},
    ),
    "RES006": Case(
        partial(facebook_care_monitored_by, None),
        partial(
            facebook_care_monitored_by,
            {"name": "Alertes gratuites", "category": "monitoring", "monthly_cost": 0},
        ),
        ("channels", 0),
        {"id": "facebook"},
    ),
    "RES007": Case(
        partial(no_video_tool, short_videos=True),
        partial(no_video_tool, short_videos=False),  # listed at 0 %
        ("resources", "tools"),
        {
            "formats": Labels.of("format", ["short_video"]),
            "category": Label("tool-category", "video_editing"),
            "category_id": "video_editing",
        },
    ),
    "RES008": Case(
        partial(budget, total=9827),
        partial(budget, total=9828),
        ("resources", "budget"),
        {"planned": "€9,828", "declared": "€9,827"},
    ),
    "RES009": Case(
        partial(budget, tools=827),
        partial(budget, tools=828),
        ("resources", "budget", "tools"),
        {"cost": "€828", "declared": "€827"},
    ),
    "RES010": Case(
        partial(sophie_hours, 0),
        partial(sophie_hours, 0.5),
        ("resources", "people", 3, "hours_per_week"),
        {"name": "Sophie Martin", "what": "no hours"},
    ),
    "RES011": Case(
        partial(sophie_skills, ["copywriting", "copywritting"]),
        partial(sophie_skills, ["copywriting", "analytics"]),
        ("resources", "people", 3, "skills", 1),
        {
            "name": "Sophie Martin",
            "skill": "copywritting",
            "closest": "Did you mean Copywriting (`copywriting`)? ",
        },
    ),
    "RES012": Case(
        partial(julie_hourly_cost, None),
        partial(julie_hourly_cost, 0),
        ("resources", "people"),
        {"names": "Julie Morel"},
    ),
    "RES013": Case(
        partial(yearly_total_over_eighteen_months, 9827),
        partial(yearly_total_over_eighteen_months, 9828),
        ("resources", "budget", "total"),
        {
            "span": "2027",
            "planned": "€9,828",
            "declared": "€9,827",
            "unit": Label("budget-covers", "year"),
        },
    ),
    # Q9
    "RACI001": Case(
        partial(approval_accountable, ["sophie", "julie"]),
        partial(approval_accountable, ["sophie", "sophie"]),  # one person, named twice
        ("responsibilities", 1, "accountable"),
        {"activity": Label("activity", "approve"), "channel": ALL_CHANNELS, "count": 2},
    ),
    "RACI002": Case(
        partial(linkedin_publishing_row, []),
        partial(linkedin_publishing_row, ["karim"]),
        ("responsibilities", 10, "responsible"),
        {"activity": Label("activity", "publish"), "channel": "linkedin"},
    ),
    "RACI003": Case(
        partial(approval_consulted, ["lea", "karin"]),
        partial(approval_consulted, ["lea", "karim"]),
        ("responsibilities", 1, "consulted", 1),
        {
            "person": "karin",
            "activity": Label("activity", "approve"),
            "role": Label("raci-role", "consulted"),
            "closest": "Did you mean `karim`? ",
        },
    ),
    "RACI004": Case(
        partial(sophie_monitoring, 1.5),
        partial(sophie_monitoring, 2),  # exactly the 2 h monitoring takes
        ("responsibilities", 7, "responsible"),
        {
            "activity": Label("activity", "monitor"),
            "channel": ALL_CHANNELS,
            "people": "Sophie Martin",
            "needed": "2",
            "covered": "1.5",
            "missing": "0.5",
        },
    ),
    "RACI005": Case(
        partial(reviews_without_raci_row, 4),
        partial(reviews_without_raci_row, 0),  # no review expected
        ("responsibilities",),
        {
            "activity": Label("activity", "answer_reviews"),
            "activity_id": "answer_reviews",
            "why": " although reviews are expected",
        },
    ),
    "RACI006": Case(
        partial(customers_answered_on, "facebok"),
        partial(customers_answered_on, "facebook"),
        ("responsibilities", 4, "channel"),
        {
            "activity": Label("activity", "answer_customers"),
            "channel": "facebok",
            "closest": "Did you mean `facebook`? ",
        },
    ),
    "RACI007": Case(
        partial(second_report_row, "all"),
        partial(second_report_row, "linkedin"),
        ("responsibilities", 10),
        {"activity": Label("activity", "report"), "channel": ALL_CHANNELS},
    ),
    "RACI008": Case(
        partial(team_of, "julie", "sophie"),
        partial(team_of, "julie"),  # alone, nobody else could review
        ("responsibilities", 0),
        {
            "activity": Label("activity", "create_content"),
            "channel": ALL_CHANNELS,
            "person": "Julie Morel",
        },
    ),
    "RACI009": Case(
        partial(customers_answered_on, "instagram"),
        partial(customers_answered_on, "facebook"),
        ("objectives", 2),
        {"id": "service-client", "channels": "facebook"},
    ),
    # Q10
    "ADV001": Case(
        partial(opening_campaign, platforms=["facebook", "tiktok"]),
        partial(opening_campaign, platforms=["facebook", "linkedin"]),
        ("advertising", "campaigns", 0, "platforms", 1),
        {"id": "ouverture-nantes", "platform": Label("platform", "tiktok")},
    ),
    "ADV002": Case(
        partial(opening_campaign, objective="notoriete"),
        partial(opening_campaign, objective="communaute"),
        ("advertising", "campaigns", 0, "objective"),
        {"id": "ouverture-nantes", "what": "serves an unknown objective (notoriete)"},
    ),
    "ADV003": Case(
        partial(galette_campaign, start=NEW_YEARS_EVE),
        partial(galette_campaign, start=START),
        ("advertising", "campaigns", 1),
        {
            "id": "galette",
            "start": Day(NEW_YEARS_EVE),
            "end": Day(dt.date(2027, 1, 17)),
            "period_start": Day(START),
            "period_end": Day(END),
        },
    ),
    "ADV004": Case(
        partial(budget, advertising=5499),
        partial(budget, advertising=5500),  # exactly what the campaigns spend
        ("advertising", "campaigns"),
        {"planned": "€5,500", "declared": "€5,499"},
    ),
    "ADV005": Case(
        partial(opening_campaign, audience=None),
        partial(opening_campaign, audience="habitues"),
        ("advertising", "campaigns", 0, "audience"),
        {"id": "ouverture-nantes", "what": "targets no audience"},
    ),
    "ADV006": Case(
        partial(opening_campaign, occasion="ouverture-nante"),
        partial(opening_campaign, occasion=None),
        ("advertising", "campaigns", 0, "occasion"),
        {"id": "ouverture-nantes", "occasion": "ouverture-nante"},
    ),
    "ADV007": Case(
        partial(galette_campaign, budget=0),
        partial(galette_campaign, budget=1),
        ("advertising", "campaigns", 1, "budget"),
        {"id": "galette"},
    ),
    "ADV008": Case(
        partial(no_campaign_with_budget, 6000),
        partial(no_campaign_with_budget, 0),
        ("resources", "budget", "advertising"),
        {"declared": "€6,000"},
    ),
    "ADV009": Case(
        partial(monthly_advertising_budget, 1799),
        partial(monthly_advertising_budget, 1800),  # exactly May's spending
        ("advertising", "campaigns"),
        {
            "span": "May 2027",
            "planned": "€1,800",
            "declared": "€1,799",
            "unit": Label("budget-covers", "month"),
        },
    ),
}


CASES.update({code: Case(*parts) for code, parts in LISTENING_CASES.items()})


# --- running one rule ---------------------------------------------------------------------


def findings_of(code: str, data: Data) -> list[Finding]:
    """What the rule ``code`` alone finds in ``data``."""
    strategy = Strategy.model_validate(data)
    context = Context(strategy, load_knowledge(strategy.knowledge))
    return list(run_rules(context, [RULES[code]]))


@functools.cache
def trigger_findings(code: str) -> tuple[Finding, ...]:
    return tuple(findings_of(code, CASES[code].trigger()))


def triggered(code: str) -> Finding:
    """The one finding of the case's trigger."""
    found = trigger_findings(code)
    if len(found) != 1:
        pytest.fail(f"{code}: {len(found)} findings, at {[f.path for f in found]}")
    return found[0]


@functools.cache
def unchanged_examples() -> tuple[Data, ...]:
    return tuple(example_data(name) for name in EXAMPLES)


def matches(actual: Any, expected: Any) -> bool:
    """Same value when ``expected`` has the value's type, else the same English text."""
    if type(actual) is type(expected):
        return bool(actual == expected)
    return shown(actual, "en") == expected


PLACEHOLDER = re.compile(r"\{\w*\}")
ENGLISH_DECIMAL = re.compile(r"\d\.\d")
TEXTS = ("title", "message", "hint")
CODES = sorted(CASES)


# --- the tests ------------------------------------------------------------------------------


def test_every_rule_has_a_case() -> None:
    assert sorted(set(RULES) - set(CASES)) == []


def test_every_case_is_a_rule() -> None:
    assert sorted(set(CASES) - set(RULES)) == []


@pytest.mark.parametrize("code", CODES)
def test_trigger_fires_once_with_its_path_and_values(code: str) -> None:
    assert [f.path for f in trigger_findings(code)] == [CASES[code].path]
    finding = triggered(code)
    expected = CASES[code].values
    assert set(expected) <= set(finding.values), sorted(finding.values)
    wrong = {
        name: shown(finding.values[name], "en")
        for name, value in expected.items()
        if not matches(finding.values[name], value)
    }
    assert wrong == {}


@pytest.mark.parametrize("code", CODES)
def test_trigger_reads_in_french_and_english(code: str) -> None:
    finding = triggered(code)
    for text in TEXTS:
        french, english = getattr(finding, text)("fr"), getattr(finding, text)("en")
        assert french and english
        assert not PLACEHOLDER.search(french), french
        assert not PLACEHOLDER.search(english), english
        assert french != english, f"{text} not translated: {english}"
    for name, value in finding.values.items():  # phrases inside the message, too
        if isinstance(value, Msg) and shown(value, "en"):
            assert shown(value, "fr") != shown(value, "en"), name


@pytest.mark.parametrize("code", CODES)
def test_french_message_writes_decimals_with_a_comma(code: str) -> None:
    finding = triggered(code)
    for text in TEXTS:
        french = getattr(finding, text)("fr")
        assert not ENGLISH_DECIMAL.search(french), french


@pytest.mark.parametrize("code", CODES)
def test_near_miss_stays_quiet(code: str) -> None:
    quiet = CASES[code].quiet()
    assert quiet not in unchanged_examples(), "change the example, near the trigger"
    assert findings_of(code, quiet) == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_bundled_example_has_no_error(name: str) -> None:
    errors = {c for c in codes_for(example_data(name)) if RULES[c].severity == "error"}
    assert errors == set()


# --- rules that once went wrong ----------------------------------------------------------------


def test_saturation_names_only_the_person_whose_load_is_forced() -> None:
    found = findings_of("RES003", sophie_answering_reviews(12.8))  # the whole team
    assert [f.values["name"] for f in found] == ["Sophie Martin"]


@pytest.mark.parametrize(
    ("code", "build"),
    [
        pytest.param("ADV002", partial(opening_campaign, objective="notoriete"), id="ADV002"),
        pytest.param("ADV005", partial(opening_campaign, audience="martiens"), id="ADV005"),
    ],
)
def test_unknown_campaign_reference_is_not_negated_in_french(code: str, build: Build) -> None:
    [finding] = findings_of(code, build())
    assert " ne " not in finding.message("fr"), finding.message("fr")
