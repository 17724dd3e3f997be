"""Question 10: paid campaigns, their dates, platforms, objective, audience and budget."""

from __future__ import annotations

import datetime as dt

from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Campaign, RaciRow
from stratege.wizard.answers import Invalid, parse_date_between, parse_number
from stratege.wizard.draft import Draft
from stratege.wizard.labels import PRICING_MODELS
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import advertise_row, unique_id

DEFAULT_CAMPAIGN_BUDGET = 500
CAMPAIGN_WEEKS = 4


def ask_advertising(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 10: paid campaigns, their dates, platforms, objective, audience and budget."""
    ask.question(10)
    if not ask.yes_no(
        {"fr": "Prévoyez-vous de la publicité ?", "en": "Do you plan to advertise?"}, False
    ):
        return
    campaigns, taken = draft.advertising.campaigns, set()
    while True:
        campaigns.append(_campaign(ask, kb, draft, len(campaigns) + 1, taken))
        if not ask.yes_no(
            {"fr": "Ajouter une autre campagne ?", "en": "Add another campaign?"}, False
        ):
            break
    _ask_advertising_budget(ask, draft)
    people, rows = draft.resources.people, draft.responsibilities
    lead = next(r.accountable[0] for r in rows if r.activity == "publish")
    approver = next(r.accountable[0] for r in rows if r.activity == "approve")
    rows.insert(_after(rows, "answer_customers", "moderate"), advertise_row(people, lead, approver))


def _after(rows: list[RaciRow], *activities: str) -> int:
    positions = [i for i, r in enumerate(rows) if r.activity in activities]
    return (max(positions) + 1) if positions else len(rows)


def _campaign(ask: Asker, kb: Knowledge, draft: Draft, number: int, taken: set[str]) -> Campaign:
    period = draft.period
    ask.say({"fr": "— Campagne n° {n}", "en": "— Campaign no. {n}"}, style="bold", n=number)
    name = ask.text(
        {"fr": "Nom ou occasion", "en": "Name or occasion"},
        required=True,
        default=ask.tr({"fr": "Campagne {n}", "en": "Campaign {n}"}, n=number),
    )
    start = _date(
        ask,
        {"fr": "Début", "en": "Start"},
        period.start,
        period.end,
        min(period.start + dt.timedelta(days=30), period.end),
    )
    end = _date(
        ask,
        {"fr": "Fin", "en": "End"},
        start,
        period.end,
        min(start + dt.timedelta(weeks=CAMPAIGN_WEEKS, days=-1), period.end),
    )
    platforms = ask.pick(
        {"fr": "Plateformes", "en": "Platforms"},
        [(c.platform, ask.tr(kb.platforms[c.platform].name)) for c in draft.channels],
        [c.platform for c in draft.channels],
    )
    objectives = [(o.id, ask.tr(kb.objectives[o.kind].name)) for o in draft.objectives]
    primary = next(o.id for o in draft.objectives if o.priority == "primary")
    objective = ask.pick_one(
        {"fr": "Objectif servi", "en": "Objective served"}, objectives, primary
    )
    audience = ask.pick_one(
        {"fr": "Cible", "en": "Audience"},
        [(a.id, a.name) for a in draft.audiences],
        draft.audiences[0].id,
    )
    budget = ask.number(
        {"fr": "Budget ({currency})", "en": "Budget ({currency})"},
        DEFAULT_CAMPAIGN_BUDGET,
        currency=draft.resources.budget.currency,
    )
    pricing = ask.pick_one(
        {"fr": "Mode d'achat", "en": "Pricing model"},
        [(k, ask.tr(v)) for k, v in PRICING_MODELS.items()],
        "cpm",
    )
    return Campaign(
        id=unique_id(name, taken, "campaign"),
        name=name,
        start=start,
        end=end,
        platforms=platforms,
        objective=objective,
        audience=audience,
        budget=budget,
        pricing_model=pricing,  # type: ignore[arg-type]
    )


def _date(
    ask: Asker, label: dict[str, str], first: dt.date, last: dt.date, default: dt.date
) -> dt.date:
    shown = ask.tr(
        {"fr": "{label} (AAAA-MM-JJ)", "en": "{label} (YYYY-MM-DD)"}, label=ask.tr(label)
    )
    return ask.ask(shown, lambda raw: parse_date_between(raw, first, last), default.isoformat())


def _ask_advertising_budget(ask: Asker, draft: Draft) -> None:
    budget = draft.resources.budget
    planned = sum(c.budget for c in draft.advertising.campaigns)
    budget.advertising = ask.ask(
        ask.tr(
            {
                "fr": "Budget publicitaire total sur la période ({currency})",
                "en": "Total advertising budget over the period ({currency})",
            },
            currency=budget.currency,
        ),
        lambda raw: _at_least(raw, planned),
        f"{planned:g}",
    )


def _at_least(raw: str, planned: float) -> float:
    value = parse_number(raw)
    if value < planned:
        raise Invalid(
            {
                "fr": "Les campagnes coûtent déjà {planned} : le budget doit les couvrir.",
                "en": "The campaigns already cost {planned}: the budget must cover them.",
            },
            planned=float(planned),
        )
    return value
