"""The frame (organisation, period) and questions 1 to 4: strategy, priorities, audit, KPIs."""

from __future__ import annotations

import datetime as dt
import math
import re

from stratege.knowledge.models import Knowledge
from stratege.strategy.model import (
    AuditedAccount,
    BusinessGoal,
    Competitor,
    Kpi,
    Objective,
    Organisation,
    Period,
)
from stratege.wizard.answers import (
    Invalid,
    parse_date,
    parse_date_between,
    parse_number,
    split_list,
)
from stratege.wizard.draft import Draft
from stratege.wizard.explanations import INTRO
from stratege.wizard.labels import unit_label
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import next_january, period_end, suggested_target, unique_id


def ask_frame(ask: Asker, today: dt.date) -> Draft:
    ask.say(INTRO)
    ask.question(0)
    language = ask.pick_one(
        {"fr": "Langue du document de stratégie", "en": "Language of the strategy document"},
        [("fr", "Français"), ("en", "English")],
        ask.lang,
    )
    name = ask.text(
        {"fr": "Nom de l'organisation", "en": "Name of the organisation"}, required=True
    )
    sector = ask.text({"fr": "Secteur d'activité", "en": "Sector"})
    country = ask.ask(
        ask.tr({"fr": "Pays (code à deux lettres)", "en": "Country (two-letter code)"}),
        _country,
        "FR",
    )
    start = ask.ask(
        ask.tr(
            {"fr": "Début de la période (AAAA-MM-JJ)", "en": "Start of the period (YYYY-MM-DD)"}
        ),
        parse_date,
        next_january(today).isoformat(),
    )
    months = ask.number({"fr": "Durée en mois", "en": "Length in months"}, 12, 1, 60, True)
    period = Period(start=start, end=period_end(start, int(months)))
    organisation = Organisation(name=name, sector=sector, country=country, languages=[language])
    return Draft(language=language, period=period, organisation=organisation)


def _country(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", raw):
        raise Invalid(
            {
                "fr": "Entrez un code pays à deux lettres, ex. FR, BE, CA.",
                "en": "Enter a two-letter country code, e.g. FR, GB, US.",
            }
        )
    return raw.upper()


def ask_foundations(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 1: mission, values, business goals, positioning, key messages."""
    ask.question(1)
    organisation = draft.organisation
    organisation.mission = ask.text({"fr": "Mission, raison d'être", "en": "Mission, purpose"})
    organisation.values = split_list(
        ask.text({"fr": "Valeurs (séparées par des virgules)", "en": "Values (comma-separated)"})
    )
    statements = ask.items(
        {
            "fr": "But de l'organisation n° {n} (ex. ouvrir deux boutiques)",
            "en": "Business goal no. {n} (e.g. open two shops)",
        },
        {"fr": "But n° {n}", "en": "Business goal no. {n}"},
        required=True,
    )
    taken: set[str] = set()
    organisation.business_goals = [
        BusinessGoal(
            id=unique_id(s, taken, "goal"), statement=s, horizon=str(draft.period.end.year)
        )
        for s in statements
    ]
    organisation.communication.positioning = ask.text(
        {"fr": "Positionnement : ce qui vous distingue", "en": "Positioning: what sets you apart"}
    )
    organisation.communication.key_messages = ask.items(
        {"fr": "Message clé n° {n}", "en": "Key message no. {n}"},
        {"fr": "Message clé n° {n}", "en": "Key message no. {n}"},
    )


def ask_priorities(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 2: objective kinds, which are primary, the business goals they serve."""
    ask.question(2)
    kinds = [(k, ask.tr(v.name)) for k, v in kb.objectives.items()]
    chosen = ask.pick({"fr": "Objectifs", "en": "Objectives"}, kinds, [kinds[0][0]])
    primary = chosen[:1]
    if len(chosen) > 1:
        primary = ask.pick(
            {"fr": "Lequel est prioritaire ?", "en": "Which one comes first?"},
            [(k, ask.tr(kb.objectives[k].name)) for k in chosen],
            primary,
            maximum=len(chosen) - 1,
        )
    for kind in chosen:
        draft.objectives.append(_objective(ask, kb, draft, kind, kind in primary))


def _objective(ask: Asker, kb: Knowledge, draft: Draft, kind: str, primary: bool) -> Objective:
    name = ask.tr(kb.objectives[kind].name)
    ask.say({"fr": "— {name}", "en": "— {name}"}, style="bold", name=name)
    description = ask.tr(kb.objectives[kind].description)
    ask.show(description, style="dim")
    statement = ask.ask(
        ask.tr(
            {
                "fr": "Formulez l'objectif (Entrée : la phrase ci-dessus)",
                "en": "State the objective (Enter: the sentence above)",
            }
        ),
        str,
        description,
        show_default=False,
    )
    goals = draft.organisation.business_goals
    linked = [g.id for g in goals]
    if len(goals) > 1:
        linked = ask.pick(
            {
                "fr": "À quels buts de l'organisation sert-il ?",
                "en": "Which business goals does it serve?",
            },
            [(g.id, g.statement) for g in goals],
            linked,
        )
    period = draft.period
    deadline = ask.ask(
        ask.tr({"fr": "Échéance (AAAA-MM-JJ)", "en": "Deadline (YYYY-MM-DD)"}),
        lambda raw: parse_date_between(raw, period.start, period.end),
        period.end.isoformat(),
    )
    return Objective(
        id=kind,
        kind=kind,
        priority="primary" if primary else "secondary",
        statement=statement,
        business_goals=linked,
        deadline=deadline,
    )


def ask_audit(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 3: competitors, the organisation's existing accounts, what stands out."""
    ask.question(3)
    audit, taken = draft.audit, set()
    names = ask.items(
        {"fr": "Concurrent n° {n}", "en": "Competitor no. {n}"},
        {"fr": "Concurrent n° {n}", "en": "Competitor no. {n}"},
    )
    audit.competitors = [Competitor(id=unique_id(n, taken, "competitor"), name=n) for n in names]
    platforms = [(k, ask.tr(p.name)) for k, p in kb.platforms.items()]
    owned = ask.pick(
        {"fr": "Où avez-vous déjà un compte ?", "en": "Where do you already have an account?"},
        platforms,
        minimum=0,
    )
    audit.accounts = [_own_account(ask, kb, platform) for platform in owned]
    finding = ask.text(
        {"fr": "Ce que vous retenez de ce tour d'horizon", "en": "What stands out from this review"}
    )
    audit.findings = [finding] if finding else []


def _own_account(ask: Asker, kb: Knowledge, platform: str) -> AuditedAccount:
    name = ask.tr(kb.platforms[platform].name)
    handle = ask.text({"fr": "{name} : nom du compte", "en": "{name}: account name"}, name=name)
    followers = ask.optional_number(
        {"fr": "{name} : abonnés", "en": "{name}: followers"}, name=name
    )
    posts = ask.optional_number(
        {"fr": "{name} : publications par semaine", "en": "{name}: posts per week"}, name=name
    )
    return AuditedAccount(
        owner="own",
        platform=platform,
        handle=handle,
        followers=None if followers is None else int(followers),
        posts_per_week=posts,
        observed_on=dt.date.today(),
    )


def ask_indicators(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 4: one KPI per objective, with its baseline and target."""
    ask.question(4)
    taken: set[str] = set()
    for objective in draft.objectives:
        draft.kpis.append(_kpi(ask, kb, objective, taken))


def _kpi(ask: Asker, kb: Knowledge, objective: Objective, taken: set[str]) -> Kpi:
    recommended = kb.objectives[objective.kind].recommended_kpis
    options = [(m, f"{ask.tr(kb.kpis[m].name)} ({_unit(ask, kb, m)})") for m in recommended]
    ask.say(
        {"fr": "— {name}", "en": "— {name}"},
        style="bold",
        name=ask.tr(kb.objectives[objective.kind].name),
    )
    metric = ask.pick_one({"fr": "Indicateur", "en": "Indicator"}, options, recommended[0])
    definition = kb.kpis[metric]
    low = -100.0 if definition.unit == "percent" else 0.0
    baseline = ask.optional_number(
        {"fr": "Valeur actuelle ({unit})", "en": "Current value ({unit})"},
        low,
        unit=_unit(ask, kb, metric),
    )
    suggestion = suggested_target(baseline, definition)
    target = ask.ask(
        ask.tr(
            {"fr": "Valeur visée au {date} ({unit})", "en": "Target by {date} ({unit})"},
            date=objective.deadline,
            unit=_unit(ask, kb, metric),
        ),
        lambda raw: _target(raw, baseline, definition.direction, low),
        "" if suggestion is None else f"{suggestion:g}",
    )
    return Kpi(
        id=unique_id(metric, taken, "kpi"),
        metric=metric,
        objective=objective.id,
        baseline=baseline,
        target=target,
        deadline=objective.deadline,
    )


def _unit(ask: Asker, kb: Knowledge, metric: str) -> str:
    return ask.tr(unit_label(kb.kpis[metric].unit))


def _target(raw: str, baseline: float | None, direction: str, low: float) -> float:
    value = parse_number(raw, low, 1000 if low < 0 else math.inf)
    if baseline is not None and (value <= baseline if direction == "higher" else value >= baseline):
        raise Invalid(
            {
                "fr": "Pour cet indicateur, la cible doit être {side} la valeur "
                "actuelle ({baseline}).",
                "en": "For this indicator the target must be {side_en} the current "
                "value ({baseline}).",
            },
            side="au-dessus de" if direction == "higher" else "en dessous de",
            side_en="above" if direction == "higher" else "below",
            baseline=float(baseline),
        )
    return value
