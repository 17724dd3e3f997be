"""Question 10: paid campaigns, their dates, platforms, objective, audience and budget."""

from __future__ import annotations

import datetime as dt

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Advertising, Campaign, Period, RaciRow
from stratege.vocabulary import MODEL_KINDS
from stratege.wizard.answers import Invalid, parse_date_between, parse_number, write_number
from stratege.wizard.draft import Draft
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import accountable_of, advertise_row, unique_id

DEFAULT_CAMPAIGN_BUDGET = 500
CAMPAIGN_WEEKS = 4


def ask_advertising(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 10: paid campaigns, their dates, platforms, objective, audience and budget."""
    ask.question(10)
    advertising = draft.previous.advertising if draft.previous else Advertising()
    before = advertising.campaigns
    if not ask.yes_no(N_("Do you plan to advertise?"), bool(before)):
        draft.advertising = advertising.model_copy(update={"campaigns": []})
        draft.resources.budget.advertising = 0
        return
    taken = {c.id for c in before}
    campaigns = [c for c in (_edit_campaign(ask, draft, c) for c in before) if c is not None]
    while not campaigns or ask.yes_no(N_("Add another campaign?"), False):
        campaigns.append(_new_campaign(ask, draft, len(campaigns) + 1, taken))
    draft.advertising = advertising.model_copy(update={"campaigns": campaigns})
    _ask_advertising_budget(ask, draft)
    _add_advertise_row(draft.responsibilities, draft)


def _add_advertise_row(rows: list[RaciRow], draft: Draft) -> None:
    """Someone must run the campaigns: a RACI row for advertising, unless there is one."""
    if any(r.activity == "advertise" for r in rows):
        return
    people = draft.resources.people
    lead = accountable_of(rows, "publish") or people[0].id
    row = advertise_row(people, lead, accountable_of(rows, "approve") or lead)
    rows.insert(_after(rows, "answer_customers", "moderate"), row)


def _after(rows: list[RaciRow], *activities: str) -> int:
    positions = [i for i, r in enumerate(rows) if r.activity in activities]
    return (max(positions) + 1) if positions else len(rows)


def _new_campaign(ask: Asker, draft: Draft, number: int, taken: set[str]) -> Campaign:
    ask.say(N_("— Campaign no. {n}"), style="bold", n=number)
    name = ask.text(
        N_("Name or occasion"), required=True, default=ask._(N_("Campaign {n}"), n=number)
    )
    start = min(draft.period.start + dt.timedelta(days=30), draft.period.end)
    end = start + dt.timedelta(weeks=CAMPAIGN_WEEKS, days=-1)
    primary = next(o.id for o in draft.objectives if o.priority == "primary")
    suggested = Campaign(
        id=unique_id(name, taken, "campaign"),
        name=name,
        start=start,
        end=min(end, draft.period.end),
        platforms=_platforms(draft),
        objective=primary,
        audience=draft.audiences[0].id,
        budget=DEFAULT_CAMPAIGN_BUDGET,
    )
    return _ask_campaign(ask, draft, suggested)


def _edit_campaign(ask: Asker, draft: Draft, before: Campaign) -> Campaign | None:
    """A campaign of the file: kept, changed or (``-``) removed."""
    name = ask.name_or_remove(N_("Name or occasion"), name=before.name)
    if name is None:
        return None
    return _ask_campaign(ask, draft, before.model_copy(update={"name": name}))


def _platforms(draft: Draft) -> list[str]:
    return list(dict.fromkeys(c.platform for c in draft.channels))


def _ask_campaign(ask: Asker, draft: Draft, campaign: Campaign) -> Campaign:
    """Dates, platforms, objective, audience, budget and pricing, ``campaign``'s as defaults."""
    period = draft.period
    start = _date(ask, N_("Start (YYYY-MM-DD)"), period.start, period, campaign.start)
    end = _date(ask, N_("End (YYYY-MM-DD)"), start, period, start + (campaign.end - campaign.start))
    platforms = ask.pick(
        N_("Platforms"),
        ask.options("platform", _platforms(draft)),
        [p for p in campaign.platforms if p in _platforms(draft)] or _platforms(draft),
    )
    objectives = [(o.id, ask.word("objective-kind", o.kind)) for o in draft.objectives]
    primary = next(o.id for o in draft.objectives if o.priority == "primary")
    known = campaign.objective in {o.id for o in draft.objectives}
    objective = ask.pick_one(
        N_("Objective served"), objectives, campaign.objective if known else primary
    )
    audiences = [(a.id, a.name) for a in draft.audiences]
    reached = campaign.audience in {a.id for a in draft.audiences}
    audience = ask.pick_one(
        N_("Audience"), audiences, campaign.audience if reached else draft.audiences[0].id
    )
    currency = draft.resources.budget.currency
    budget = ask.number(
        N_("Budget ({currency})"), campaign.budget, quantity="amount", currency=currency
    )
    pricing = ask.pick_one(
        N_("Pricing model"),
        ask.options("pricing-model", MODEL_KINDS["pricing-model"]),
        campaign.pricing_model,
    )
    answers = {
        "start": start,
        "end": end,
        "platforms": platforms,
        "objective": objective,
        "audience": audience,
        "budget": budget,
        "pricing_model": pricing,
    }
    return campaign.model_copy(update=answers)


def _date(ask: Asker, label: str, first: dt.date, period: Period, default: dt.date) -> dt.date:
    suggested = min(max(default, first), period.end)
    return ask.ask(
        ask._(label),
        lambda raw: parse_date_between(raw, first, period.end),
        suggested.isoformat(),
    )


def _ask_advertising_budget(ask: Asker, draft: Draft) -> None:
    budget = draft.resources.budget
    planned = sum(c.budget for c in draft.advertising.campaigns)
    budget.advertising = ask.ask(
        ask._(
            N_("Total advertising budget over the period ({currency})"), currency=budget.currency
        ),
        lambda raw: _at_least(raw, planned, budget.currency, ask.lang),
        write_number(max(planned, budget.advertising), ask.lang),
    )


def _at_least(raw: str, planned: float, currency: str, lang: Lang) -> float:
    value = parse_number(raw, quantity="amount", lang=lang)
    if value < planned:
        raise Invalid(
            N_("The campaigns already cost {planned} {currency}: the budget must cover them."),
            planned=float(planned),
            currency=currency,
        )
    return value
