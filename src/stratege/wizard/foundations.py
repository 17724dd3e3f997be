"""The frame (organisation, period) and questions 1 to 4: strategy, priorities, audit, KPIs."""

from __future__ import annotations

import datetime as dt
import math
import re

from stratege.i18n import LANGUAGES, Lang
from stratege.i18n.catalogue import N_
from stratege.knowledge.models import Knowledge, KpiDefinition
from stratege.strategy.model import (
    AuditedAccount,
    BusinessGoal,
    Competitor,
    Kpi,
    Objective,
    Organisation,
    Period,
    Strategy,
)
from stratege.vocabulary import label
from stratege.wizard.answers import (
    Invalid,
    Quantity,
    join_list,
    parse_date,
    parse_date_between,
    parse_number,
    split_list,
    write_number,
)
from stratege.wizard.draft import Draft
from stratege.wizard.explanations import INTRO, INTRO_EDIT
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import next_january, period_end, suggested_target, unique_id

MAX_MONTHS = 36  # the longest period a strategy file may cover (strategy.bounds)
QUANTITIES: dict[str, Quantity] = {"percent": "percent", "currency": "amount"}


def ask_frame(ask: Asker, today: dt.date, previous: Strategy | None = None) -> Draft:
    """The frame: the strategy's language (the wizard speaks it from then on), the
    organisation, the period."""
    ask.say(INTRO_EDIT if previous else INTRO)
    ask.question(0)
    language = _ask_language(ask, previous.language if previous else ask.lang)
    ask.switch(language)
    organisation = _ask_organisation(ask, language, previous)
    period = _ask_period(ask, today, previous.period if previous else None)
    draft = Draft(language=language, period=period, organisation=organisation, previous=previous)
    if previous:
        draft.occasions, draft.knowledge = previous.occasions, previous.knowledge
        draft.listening = previous.listening
    return draft


def _ask_language(ask: Asker, default: Lang) -> Lang:
    """Each language is offered in its own words ("Français", "English")."""
    options = [(code, label("language", code, code).capitalize()) for code in LANGUAGES]
    return ask.pick_one(N_("Language of the strategy document"), options, default)  # type: ignore[return-value]


def _ask_organisation(ask: Asker, language: Lang, previous: Strategy | None) -> Organisation:
    before = previous.organisation if previous else Organisation(name="-", languages=[language])
    name = ask.text(
        N_("Name of the organisation"), default=before.name if previous else "", required=True
    )
    sector = ask.text(N_("Sector"), default=before.sector)
    country = ask.ask(ask._(N_("Country (two-letter code)")), _country, before.country)
    return before.model_copy(update={"name": name, "sector": sector, "country": country})


def _country(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", raw):
        raise Invalid(N_("Enter a two-letter country code, for example FR, GB, US."))
    return raw.upper()


def _ask_period(ask: Asker, today: dt.date, before: Period | None) -> Period:
    default_start = before.start if before else next_january(today)
    start = ask.ask(
        ask._(N_("Start of the period (YYYY-MM-DD)")), parse_date, default_start.isoformat()
    )
    default_months = whole_months(before.start, before.end) if before else 12
    months = int(ask.number(N_("Length in months"), default_months, 1, MAX_MONTHS, True))
    end = period_end(start, months)
    if before is None:
        return Period(start=start, end=end)
    if start == before.start and months == default_months:
        end = before.end  # unchanged answers keep a period that is not whole months
    return before.model_copy(update={"start": start, "end": end})


def whole_months(start: dt.date, end: dt.date) -> int:
    """The length of a period in months, rounded, between 1 and ``MAX_MONTHS``."""
    months = round(((end - start).days + 1) / (365.25 / 12))
    return min(max(months, 1), MAX_MONTHS)


# --- question 1 ---------------------------------------------------------------------------


def ask_foundations(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 1: mission, values, business goals, positioning, key messages."""
    ask.question(1)
    organisation = draft.organisation
    organisation.mission = ask.text(N_("Mission, purpose"), default=organisation.mission)
    organisation.values = split_list(
        ask.text(N_("Values (comma-separated)"), default=join_list(organisation.values))
    )
    organisation.business_goals = _ask_goals(ask, draft)
    communication = organisation.communication
    positioning = ask.text(
        N_("Positioning: what sets you apart"), default=communication.positioning
    )
    messages = ask.items(
        N_("Key message no. {n}"), N_("Key message no. {n}"), previous=communication.key_messages
    )
    organisation.communication = communication.model_copy(
        update={"positioning": positioning, "key_messages": [text for _, text in messages]}
    )


def _ask_goals(ask: Asker, draft: Draft) -> list[BusinessGoal]:
    """Business goals; one kept from the file keeps its id, so objectives still serve it."""
    before = draft.organisation.business_goals
    answers = ask.items(
        N_("Business goal no. {n} (for example open two shops)"),
        N_("Business goal no. {n}"),
        previous=[g.statement for g in before],
        required=True,
    )
    taken = {before[position].id for position, _ in answers if position is not None}
    horizon = str(draft.period.end.year)
    return [
        before[position].model_copy(update={"statement": text})
        if position is not None
        else BusinessGoal(id=unique_id(text, taken, "goal"), statement=text, horizon=horizon)
        for position, text in answers
    ]


# --- question 2 ---------------------------------------------------------------------------


def ask_priorities(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 2: objective kinds, which are primary, the business goals they serve."""
    ask.question(2)
    before = draft.previous.objectives if draft.previous else []
    kinds = ask.options("objective-kind", list(kb.objectives))
    known = [o.kind for o in before if o.kind in kb.objectives]
    chosen = ask.pick(N_("Objectives"), kinds, list(dict.fromkeys(known)) or [kinds[0][0]])
    primary = chosen[:1]
    if len(chosen) > 1:
        first = [o.kind for o in before if o.priority == "primary" and o.kind in chosen]
        primary = ask.pick(
            N_("Which one comes first?"),
            ask.options("objective-kind", chosen),
            first or primary,
            maximum=len(chosen) - 1,
        )
    taken = {o.id for o in before if o.kind in chosen}
    objectives: list[Objective] = []
    for kind in chosen:
        previous: list[Objective | None] = [o for o in before if o.kind == kind] or [None]
        objectives += [_objective(ask, draft, kind, kind in primary, o, taken) for o in previous]
    draft.objectives = objectives


def _objective(
    ask: Asker, draft: Draft, kind: str, primary: bool, before: Objective | None, taken: set[str]
) -> Objective:
    ask.say(N_("— {name}"), style="bold", name=ask.word("objective-kind", kind))
    description = ask.word("objective-kind-description", kind)
    ask.show(description, style="dim")
    statement = ask.ask(
        ask._(N_("State the objective (Enter: the sentence above)"))
        if before is None
        else ask._(N_("State the objective")),
        str,
        before.statement if before else description,
        show_default=before is not None,
    )
    goals = draft.organisation.business_goals
    linked = [g.id for g in goals]
    if len(goals) > 1:
        kept = [g for g in before.business_goals if g in linked] if before else []
        linked = ask.pick(
            N_("Which business goals does it serve?"),
            [(g.id, g.statement) for g in goals],
            kept or linked,
        )
    deadline = _ask_deadline(ask, draft.period, before.deadline if before else None)
    answers = {
        "kind": kind,
        "priority": "primary" if primary else "secondary",
        "statement": statement,
        "business_goals": linked,
        "deadline": deadline,
    }
    if before:
        return before.model_copy(update=answers)
    return Objective(id=unique_id(kind, taken, "objective"), **answers)


def _ask_deadline(ask: Asker, period: Period, before: dt.date | None) -> dt.date:
    default = before if before and period.start <= before <= period.end else period.end
    return ask.ask(
        ask._(N_("Deadline (YYYY-MM-DD)")),
        lambda raw: parse_date_between(raw, period.start, period.end),
        default.isoformat(),
    )


# --- question 3 ---------------------------------------------------------------------------


def ask_audit(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 3: competitors, the organisation's existing accounts, what stands out, and
    the positioning drawn from it (``audit.positioning``, which rule AUD007 and the
    document's third section read)."""
    ask.question(3)
    before = draft.previous.audit if draft.previous else draft.audit
    competitors = _ask_competitors(ask, before.competitors)
    own = {a.platform: a for a in before.accounts if a.owner == "own"}
    owned = ask.pick(
        N_("Where do you already have an account?"),
        ask.options("platform", list(kb.platforms)),
        list(own),
        minimum=0,
    )
    asked = {platform: _own_account(ask, platform, own.get(platform)) for platform in owned}
    findings = ask.items(
        N_("What stands out from this review"), N_("Finding no. {n}"), previous=before.findings
    )
    positioning = ask.text(
        N_("Positioning you choose in the light of this review"),
        default=before.positioning or draft.organisation.communication.positioning,
    )
    draft.audit = before.model_copy(
        update={
            "competitors": competitors,
            "accounts": _accounts(before.accounts, asked, {c.id for c in competitors}),
            "findings": [text for _, text in findings],
            "positioning": positioning,
        }
    )


def _accounts(
    before: list[AuditedAccount], own: dict[str, AuditedAccount], competitors: set[str]
) -> list[AuditedAccount]:
    """The audited accounts in the file's order: the organisation's as just answered (new
    ones last), competitors' kept while the competitor is."""
    kept = []
    for account in before:
        if account.owner == "own" and account.platform in own:
            kept.append(own.pop(account.platform))
        elif account.owner in competitors:
            kept.append(account)
    return kept + list(own.values())


def _ask_competitors(ask: Asker, before: list[Competitor]) -> list[Competitor]:
    answers = ask.items(
        N_("Competitor no. {n}"), N_("Competitor no. {n}"), previous=[c.name for c in before]
    )
    taken = {before[position].id for position, _ in answers if position is not None}
    return [
        before[position].model_copy(update={"name": text})
        if position is not None
        else Competitor(id=unique_id(text, taken, "competitor"), name=text)
        for position, text in answers
    ]


def _own_account(ask: Asker, platform: str, before: AuditedAccount | None) -> AuditedAccount:
    name = ask.word("platform", platform)
    handle = ask.text(
        N_("{name}: account name"), default=before.handle if before else "", name=name
    )
    followers = ask.optional_number(
        N_("{name}: followers"), default=_figure(before, "followers"), name=name
    )
    posts = ask.optional_number(
        N_("{name}: posts per week"), default=_figure(before, "posts_per_week"), name=name
    )
    answers = {
        "handle": handle,
        "followers": None if followers is None else int(followers),
        "posts_per_week": posts,
    }
    if before is None:
        today = dt.date.today()
        return AuditedAccount(owner="own", platform=platform, observed_on=today, **answers)
    same = before.followers == answers["followers"] and before.posts_per_week == posts
    observed = before.observed_on if same else dt.date.today()
    return before.model_copy(update={**answers, "observed_on": observed})


def _figure(account: AuditedAccount | None, name: str) -> float | None:
    return None if account is None else getattr(account, name)


# --- question 4 ---------------------------------------------------------------------------


def ask_indicators(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 4: one KPI per objective, with its baseline and target; further KPIs of an
    objective in the file are kept as they are."""
    ask.question(4)
    before = draft.previous.kpis if draft.previous else []
    ids = {o.id for o in draft.objectives}
    taken = {k.id for k in before if k.objective in ids}
    asked: dict[str, Kpi] = {}
    for objective in draft.objectives:
        first = next((k for k in before if k.objective == objective.id), None)
        asked[objective.id] = _kpi(ask, kb, objective, first, taken)
    draft.kpis = _kpis(before, asked)


def _kpis(before: list[Kpi], asked: dict[str, Kpi]) -> list[Kpi]:
    """The KPIs in the file's order: each objective's first one as just answered, the
    others kept while their objective is; KPIs of new objectives last."""
    kpis, done = [], set()
    for kpi in before:
        if kpi.objective in done:
            kpis.append(kpi)
        elif kpi.objective in asked:
            kpis.append(asked.pop(kpi.objective))
            done.add(kpi.objective)
    return kpis + list(asked.values())


def _kpi(
    ask: Asker, kb: Knowledge, objective: Objective, before: Kpi | None, taken: set[str]
) -> Kpi:
    recommended = list(kb.objectives[objective.kind].recommended_kpis)
    if before and before.metric in kb.kpis and before.metric not in recommended:
        recommended.append(before.metric)
    options = [(m, _metric_label(ask, kb.kpis[m], m)) for m in recommended]
    ask.say(N_("— {name}"), style="bold", name=ask.word("objective-kind", objective.kind))
    metric = ask.pick_one(N_("Indicator"), options, before.metric if before else recommended[0])
    definition = kb.kpis[metric]
    kept = before if before is not None and before.metric == metric else None
    baseline = _ask_baseline(ask, definition, kept.baseline if kept else None)
    target = _ask_target(ask, definition, objective, baseline, kept.target if kept else None)
    answers = {"metric": metric, "objective": objective.id, "baseline": baseline, "target": target}
    if before:
        return before.model_copy(update=answers)
    return Kpi(id=unique_id(metric, taken, "kpi"), deadline=objective.deadline, **answers)


def _metric_label(ask: Asker, definition: KpiDefinition, metric: str) -> str:
    return f"{ask.word('metric', metric)} ({ask.word('unit', definition.unit)})"


def _ask_baseline(ask: Asker, definition: KpiDefinition, before: float | None) -> float | None:
    return ask.optional_number(
        N_("Current value ({unit})"),
        _lowest(definition),
        default=before,
        quantity=QUANTITIES.get(definition.unit, "number"),
        unit=ask.word("unit", definition.unit),
    )


def _ask_target(
    ask: Asker,
    definition: KpiDefinition,
    objective: Objective,
    baseline: float | None,
    before: float | None,
) -> float:
    suggestion = before if before is not None else suggested_target(baseline, definition)
    label_ = ask._(
        N_("Target by {date} ({unit})"),
        date=objective.deadline,
        unit=ask.word("unit", definition.unit),
    )
    return ask.ask(
        label_,
        lambda raw: _target(raw, baseline, definition, ask.lang),
        "" if suggestion is None else write_number(suggestion, ask.lang),
    )


def _lowest(definition: KpiDefinition) -> float:
    """A change in percent may be negative; other figures cannot."""
    return -100.0 if definition.unit == "percent" else 0.0


def _target(raw: str, baseline: float | None, definition: KpiDefinition, lang: Lang) -> float:
    low = _lowest(definition)
    quantity = QUANTITIES.get(definition.unit, "number")
    value = parse_number(raw, low, 1000 if low < 0 else math.inf, quantity=quantity, lang=lang)
    if baseline is None:
        return value
    if definition.direction == "higher" and value <= baseline:
        raise Invalid(
            N_("For this indicator the target must be above the current value ({baseline})."),
            baseline=float(baseline),
        )
    if definition.direction != "higher" and value >= baseline:
        raise Invalid(
            N_("For this indicator the target must be below the current value ({baseline})."),
            baseline=float(baseline),
        )
    return value
